"""The raadsvoorstel: the college proposes to the raad; with its raadsbesluit and oplegger."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from voorstel.blokken.argumenten import Argument, controleer_argumenten
from voorstel.blokken.beslispunten import Beslispunt
from voorstel.blokken.modellen import (
    Bijlage,
    Contact,
    Document,
    Financien,
    MetKopvelden,
    MetTekst,
    Ondertekenaar,
    Ondertekening,
    Openbaarheid,
    Portefeuillehouder,
    TitelTekst,
)
from voorstel.blokken.regio import Ambtsdrager, Regio
from voorstel.blokken.types import Model, Proza, Tekst, fout
from voorstel.kern import nl
from voorstel.kern.locaties import Loc


class RaadsKop(MetKopvelden):
    """The kop of a raadsvoorstel: date, meeting, zaaknummer, who is responsible."""

    datum: dt.date
    raadsvergadering: dt.date
    commissie: Tekst | None = None
    zaaknummer: Tekst
    portefeuillehouder: Portefeuillehouder
    programma: Tekst | None = None
    inlichtingen_bij: Contact | None = None
    openbaarheid: Openbaarheid = "openbaar"

    @field_validator("raadsvergadering")
    @classmethod
    def _na_datum(cls, raad: dt.date, info: ValidationInfo) -> dt.date:
        datum = info.data.get("datum")
        if datum is not None and raad < datum:
            raise fout(
                "volgorde",
                f"de raadsvergadering ({nl.datum(raad)}) ligt vóór de datum van het voorstel "
                f"({nl.datum(datum)}); controleer beide datums",
            )
        return raad


class Mijlpaal(Model):
    """A step of the planning: when, and what happens."""

    wanneer: Tekst
    wat: Tekst


class Uitvoering(MetTekst):
    """Uitvoering, planning en evaluatie."""

    tekst: Proza | None = None
    planning: list[Mijlpaal] = Field(default_factory=list)
    evaluatie: Proza | None = None


class Besluit(Model):
    """The formula of the raadsbesluit around the beslispunten of the raadsvoorstel.

    Without `vastgesteld` it is the ontwerpbesluit; the voorzitter of the raad is the
    burgemeester unless another name is given. The griffier is required, except in a
    regional raadsvoorstel, whose gemeenten each have theirs in regio.ambtsdragers."""

    gehoord: list[Tekst] = Field(default_factory=list)
    overwegende: list[Tekst] = Field(default_factory=list)
    gelet_op: Tekst
    vastgesteld: dt.date | None = None
    griffier: Ondertekenaar | None = None
    voorzitter: Ondertekenaar | None = None


class RaadsRegio(Regio):
    """A regional raadsvoorstel: with a version per gemeente, each signed by the office
    holders of that gemeente, from the shared file `ambtsdragers`."""

    ambtsdragers: Tekst | None = None


class College(Model):
    """The collegeoplegger: the college agrees with the raadsvoorstel and sends it on."""

    collegevergadering: dt.date
    beslispunten: list[Beslispunt] = Field(default_factory=list)
    """The college's own points, after 'in te stemmen met bijgaand raadsvoorstel ...'."""


class Raadsvoorstel(Document):
    """A raadsvoorstel: 'Het college stelt de raad voor:', its sections and signatures."""

    soort: Literal["raadsvoorstel"]
    gemeente: Tekst
    regio: RaadsRegio | None = None
    kopblok: RaadsKop
    onderwerp: Tekst
    beslispunten: list[Beslispunt] = Field(min_length=1)
    samenvatting: Proza | None = None
    aanleiding: Proza | None = None
    beoogd_effect: Proza | None = None
    argumenten: list[Argument] = Field(default_factory=list)
    kanttekeningen: list[TitelTekst] = Field(default_factory=list)
    alternatieven: Proza | None = None
    financien: Financien | None = None
    juridisch_kader: Proza | None = None
    rol_van_de_raad: Proza | None = None
    communicatie: Proza | None = None
    uitvoering: Uitvoering | None = None
    bijlagen: list[Bijlage] = Field(default_factory=list)
    ondertekening: Ondertekening
    besluit: Besluit
    college: College | None = None
    voetnoten: dict[str, Proza] = Field(default_factory=dict)

    soortnaam = "Raadsvoorstel"

    def waarschuwingen(self) -> Iterator[tuple[Loc, str]]:
        """A griffier or voorzitter in the besluit of a regional proposal is not used:
        each gemeente's raadsbesluit is signed by its own, from regio.ambtsdragers."""
        if self.regio is not None and not self.regio.varianten and self.regio.ambtsdragers:
            yield (
                ("regio", "ambtsdragers"),
                (
                    "wordt niet gebruikt: de ambtsdragers ondertekenen de versies per gemeente, "
                    "en met 'varianten: false' is er geen; zet 'varianten: true' of haal het "
                    "veld weg"
                ),
            )
        if not self.per_gemeente:
            return
        for veld in ("griffier", "voorzitter"):
            if getattr(self.besluit, veld) is not None:
                yield (
                    ("besluit", veld),
                    (
                        f"wordt niet gebruikt: in een raadsvoorstel met een versie per gemeente "
                        f"komt de {veld} van elk raadsbesluit uit regio.ambtsdragers, en het "
                        "regionale overzicht heeft geen raadsbesluit; haal het veld weg"
                    ),
                )

    def documentdatum(self) -> dt.date:
        """The date in the kop."""
        return self.kopblok.datum

    @property
    def per_gemeente(self) -> bool:
        """Whether this proposal makes a version for each gemeente of its region."""
        return self.regio is not None and self.regio.varianten

    def met_ambtsdragers(self, ambtsdrager: Ambtsdrager) -> Raadsvoorstel:
        """This proposal as one gemeente's version: signed by its burgemeester and
        secretaris, its besluit by its griffier and voorzitter (the burgemeester, unless
        the file names another)."""
        ondertekening = Ondertekening(
            burgemeester=ambtsdrager.burgemeester,
            gemeentesecretaris=ambtsdrager.gemeentesecretaris,
        )
        besluit = self.besluit.model_copy(
            update={"griffier": ambtsdrager.griffier, "voorzitter": ambtsdrager.voorzitter}
        )
        return self.model_copy(update={"ondertekening": ondertekening, "besluit": besluit})

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Arguments support beslispunten that exist; the raad decides after the proposal;
        a version per gemeente has that gemeente's office holders, one document its griffier."""
        yield from super().controles()
        if self.per_gemeente and self.regio is not None and self.regio.ambtsdragers is None:
            yield (
                ("regio",),
                (
                    "een raadsvoorstel met een versie per gemeente heeft de ambtsdragers van "
                    "elke gemeente nodig (burgemeester, gemeentesecretaris en griffier), anders "
                    "ondertekent elke raad met dezelfde namen; noem het bestand met "
                    "'ambtsdragers: <bestand>.yaml' onder regio (zie voorstel new ambtsdragers)"
                ),
            )
        if not self.per_gemeente and self.besluit.griffier is None:
            yield ("besluit", "griffier"), "verplicht veld ontbreekt; vul het in"
        yield from controleer_argumenten(self.argumenten, len(self.beslispunten))
        vastgesteld = self.besluit.vastgesteld
        if vastgesteld is not None and vastgesteld < self.kopblok.datum:
            yield (
                ("besluit", "vastgesteld"),
                (
                    f"het besluit is vastgesteld ({nl.datum(vastgesteld)}) vóór de datum van "
                    f"het voorstel ({nl.datum(self.kopblok.datum)}); controleer beide datums"
                ),
            )
        if (
            self.college is not None
            and self.college.collegevergadering > self.kopblok.raadsvergadering
        ):
            yield (
                ("college", "collegevergadering"),
                (
                    f"de collegevergadering ({nl.datum(self.college.collegevergadering)}) ligt na "
                    f"de raadsvergadering ({nl.datum(self.kopblok.raadsvergadering)}); het "
                    "college stuurt het voorstel vóór de raad het behandelt"
                ),
            )
