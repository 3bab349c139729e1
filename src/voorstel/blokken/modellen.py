"""Building blocks shared by every document type: kopblok, tabellen, bijlagen, ..."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import Field, PrivateAttr, ValidationInfo, field_validator, model_validator

from voorstel.blokken import tooi
from voorstel.blokken.begroting import Begrotingstabel, VerdelingRef
from voorstel.blokken.begrotingswijziging import Begrotingswijziging
from voorstel.blokken.types import (
    EENHEDEN,
    Bedrag,
    Eenheid,
    Email,
    Kort,
    MetHerkomst,
    Model,
    NietNegatiefBedrag,
    NietNegatiefBedragOfPM,
    Persoonsgegeven,
    Proza,
    Tekst,
    Telefoon,
    fout,
)
from voorstel.kern import finance, nl
from voorstel.kern.locaties import Loc

Openbaarheid = Literal["openbaar", "vertrouwelijk", "geheim"]


@dataclass(frozen=True)
class Kopwaarde:
    """A field the gemeente added to the kop (voorstel.toml), as this document fills it in."""

    naam: str
    label: str
    waarde: str


class MetKopvelden(Model):
    """A kop that may carry the fields a gemeente declares in voorstel.toml, besides its own.

    They are written as keys of the kop in the YAML; validate checks them against the
    declaration and gives them here, in the declared order (never from the YAML itself)."""

    _kopvelden: tuple[Kopwaarde, ...] = PrivateAttr(default=())

    @property
    def kopvelden(self) -> tuple[Kopwaarde, ...]:
        return self._kopvelden

    def met_kopvelden(self, waarden: tuple[Kopwaarde, ...]) -> None:
        """Give the kop its declared fields (validate, once)."""
        self._kopvelden = waarden


class Kopblok(MetKopvelden):
    """The head of a document: date, openbaarheid and zaaknummer."""

    datum: dt.date
    openbaarheid: Openbaarheid = "openbaar"
    zaaknummer: Tekst | None = None


class Post(MetHerkomst):
    """One line of a cost table."""

    onderdeel: Tekst
    toelichting: Tekst | None = None
    opmerking: Tekst | None = None
    bedrag: NietNegatiefBedragOfPM


def som(posten: list[Post]) -> Decimal:
    """The total of a list of posten; PM posten are left out."""
    return finance.som([p.bedrag for p in posten])


def _controleer_totaal(opgegeven: Decimal, berekend: Decimal, wat: str) -> None:
    if berekend != opgegeven:
        raise fout(
            "totaal",
            f"het opgegeven totaal {nl.bedrag(opgegeven)} wijkt af van de som van {wat} "
            f"{nl.bedrag(berekend)}; pas het totaal of de posten aan (of laat 'totaal' weg)",
        )


class Groep(Model):
    """A rubriek of a cost table: its posten and their subtotal; a stated subtotal is checked."""

    naam: Tekst
    posten: list[Post] = Field(min_length=1)
    totaal: NietNegatiefBedrag | None = None

    @field_validator("totaal")
    @classmethod
    def _subtotaal_klopt(cls, totaal: Decimal | None, info: ValidationInfo) -> Decimal | None:
        posten = info.data.get("posten")
        if totaal is not None and posten:
            _controleer_totaal(totaal, som(posten), "de posten")
        return totaal


class Kostentabel(Model):
    """A cost table: posten (or groepen of posten with a subtotal each) and their computed
    total; a stated total is checked, `totaal: false` means the amounts do not add up."""

    id: Tekst | None = None
    titel: Tekst | None = None
    kolom_bedrag: Tekst = "Bedrag"
    centen: bool = False
    eenheid: Eenheid = "euro"
    posten: list[Post] = Field(default_factory=list)
    groepen: list[Groep] = Field(default_factory=list)
    totaal: Literal[False] | NietNegatiefBedrag | None = None

    @field_validator("totaal")
    @classmethod
    def _totaal_klopt(
        cls, totaal: Decimal | Literal[False] | None, info: ValidationInfo
    ) -> Decimal | Literal[False] | None:
        posten = info.data.get("posten") or []
        groepen = info.data.get("groepen") or []
        if totaal is None or totaal is False or not (posten or groepen):
            return totaal
        wat = "de groepen (totaal-generaal)" if groepen else "de posten"
        _controleer_totaal(totaal, som([*posten, *(p for g in groepen for p in g.posten)]), wat)
        return totaal

    @model_validator(mode="after")
    def _posten_of_groepen(self) -> Kostentabel:
        if bool(self.posten) == bool(self.groepen):
            raise fout(
                "posten",
                "geef 'posten' (een lijst van bedragen) of 'groepen' (rubrieken met elk hun "
                "posten en een subtotaal), niet beide en niet geen van beide",
            )
        return self

    @property
    def alle_posten(self) -> list[Post]:
        return [*self.posten, *(p for g in self.groepen for p in g.posten)]

    @property
    def telt_op(self) -> bool:
        """Whether the table has a Totaal row (`totaal: false` switches it off)."""
        return self.totaal is not False

    @property
    def factor(self) -> Decimal:
        return EENHEDEN[self.eenheid]

    @property
    def heeft_pm(self) -> bool:
        return any(p.bedrag is None for p in self.alle_posten)

    @property
    def tekstkolommen(self) -> list[str]:
        """The text columns the table needs: toelichting, opmerking, each when a post has one."""
        return [
            veld
            for veld in ("toelichting", "opmerking")
            if any(getattr(p, veld) for p in self.alle_posten)
        ]


class TitelTekst(Model):
    """A titled piece of prose: a kanttekening, a risico, a paragraph with a heading."""

    titel: Tekst
    tekst: Proza


class Paragraaf(Model):
    """A section: an optional heading, text, lettered onderdelen (a., b., ...), more text."""

    titel: Tekst | None = None
    tekst: Proza | None = None
    onderdelen: list[TitelTekst] = Field(default_factory=list)
    tekst_na: Proza | None = None


class Bijlage(Kort):
    """An attachment, by title; an optional number of its own ("Bijlage 5"), description and
    content. Without a number it gets the one after the previous bijlage (the first: 1)."""

    nummer: int | None = Field(default=None, ge=1)
    titel: Tekst
    omschrijving: Tekst | None = None
    inhoud: list[Paragraaf] = Field(default_factory=list)

    kort_veld = "titel"
    kort_als = (str, int)


def bijlagenummers(bijlagen: Sequence[Bijlage]) -> list[int]:
    """The number of each bijlage: its own, or the one after the previous (the first: 1)."""
    nummers: list[int] = []
    for bijlage in bijlagen:
        vorige = nummers[-1] if nummers else 0
        nummers.append(bijlage.nummer if bijlage.nummer is not None else vorige + 1)
    return nummers


def controleer_bijlagen(bijlagen: Sequence[Bijlage]) -> Iterator[tuple[Loc, str]]:
    """No two bijlagen have the same number."""
    eerste: dict[int, int] = {}
    for index, (bijlage, nummer) in enumerate(zip(bijlagen, bijlagenummers(bijlagen), strict=True)):
        if nummer not in eerste:
            eerste[nummer] = index
            continue
        eigen = bijlage.nummer is not None
        yield (
            ("bijlagen", index, "nummer") if eigen else ("bijlagen", index),
            f"bijlage {nummer} bestaat al (bijlagen[{eerste[nummer]}])"
            + ("" if eigen else "; een bijlage zonder nummer krijgt het nummer na de vorige")
            + "; geef elke bijlage een eigen nummer",
        )


class Communicatie(Model):
    """Communicatie: the kernboodschap and, optionally, how it is communicated."""

    kernboodschap: Proza | None = None
    tekst: Proza | None = None


class FinancieelOnderdeel(Model):
    """A part of the financial section: a heading, text, a cost table, more text."""

    titel: Tekst | None = None
    tekst: Proza | None = None
    tabel: Kostentabel | None = None
    begroting: Begrotingstabel | None = None
    begrotingswijziging: Begrotingswijziging | None = None
    verdeling: VerdelingRef | None = None
    tekst_na: Proza | None = None


class MetTekst(Kort):
    """A section with a `tekst` field that may also be written as plain text alone."""

    kort_veld = "tekst"


class Financien(MetTekst):
    """The financial section: text and onderdelen, each with an optional cost table."""

    tekst: Proza | None = None
    onderdelen: list[FinancieelOnderdeel] = Field(default_factory=list)


class Risico(Model):
    """One risk in a risk list: what it is, what it means, and how it is managed."""

    risico: Tekst
    omschrijving: Proza
    beheersmaatregelen: Proza | None = None


class Risicos(MetTekst):
    """Risico's: text, a list of risks, or both; plain text alone may be written directly."""

    tekst: Proza | None = None
    lijst: list[Risico] = Field(default_factory=list)


class Portefeuillehouder(Model):
    """The member of the college responsible, with their role."""

    naam: Tekst
    rol: Tekst = "wethouder"


class Contact(Model):
    """A contact person and how to reach them: an e-mail address, a phone number or both.
    An official's personal data: each field is redacted for publication."""

    naam: Annotated[Tekst, Persoonsgegeven("contactpersoon")]
    email: Annotated[Email | None, Persoonsgegeven("email")] = None
    telefoon: Annotated[Telefoon | None, Persoonsgegeven("telefoon")] = None

    @model_validator(mode="after")
    def _bereikbaar(self) -> Contact:
        if self.email is None and self.telefoon is None:
            raise fout("contact", "geef een e-mailadres (email) of telefoonnummer (telefoon)")
        return self


class Kopgegevens(MetKopvelden):
    """The metadata block of a letter to the council: who is responsible and who to ask."""

    portefeuillehouder: Portefeuillehouder
    eenheid: Tekst
    contact: Contact
    openbaarheid: Openbaarheid = "openbaar"
    zaaknummer: Tekst | None = None


class Behandeling(Model):
    """The meetings that deal with a document; the council meets after the college."""

    collegevergadering: dt.date
    raadsvergadering: dt.date | None = None

    @field_validator("raadsvergadering")
    @classmethod
    def _na_college(cls, raad: dt.date | None, info: ValidationInfo) -> dt.date | None:
        college = info.data.get("collegevergadering")
        if raad is not None and college is not None and raad < college:
            raise fout(
                "volgorde",
                f"de raadsvergadering ({nl.datum(raad)}) ligt vóór de collegevergadering "
                f"({nl.datum(college)}); de raad behandelt het stuk na het college, "
                "controleer beide datums",
            )
        return raad


class Ondertekenaar(Kort):
    """Someone who signs: a name and an optional title such as 'drs.'."""

    naam: Tekst
    titel: Tekst | None = None

    kort_veld = "naam"


class Ondertekening(Model):
    """Burgemeester en wethouders: signed by the burgemeester and the gemeentesecretaris."""

    burgemeester: Ondertekenaar
    gemeentesecretaris: Ondertekenaar


class Document(Model):
    """Base of every document soort: what its properties (title, author, date) come from."""

    soortnaam: ClassVar[str]

    losse_bedragen: list[Bedrag] = Field(default_factory=list)
    """Amounts the prose names on purpose that are no figure of the document."""
    informatiecategorie: Tekst | None = None
    """The Woo informatiecategorie for publication when it is not the soort's: a label,
    code or URI of the TOOI list (tooi.py)."""

    @field_validator("informatiecategorie")
    @classmethod
    def _bekende_categorie(cls, waarde: str | None) -> str | None:
        if waarde is not None and tooi.informatiecategorie(waarde) is None:
            keuze = "; ".join(w.label for w in tooi.lijst("informatiecategorie").waarden)
            raise fout(
                "informatiecategorie",
                f"onbekende informatiecategorie '{waarde}'; kies uit de informatiecategorieën "
                f"van de Woo ({tooi.uitleg('informatiecategorie')}): {keuze}",
            )
        return waarde

    def documentdatum(self) -> dt.date:
        """The date the document is known by."""
        raise NotImplementedError

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Checks every document has: the bijlagen have different numbers. A soort with
        checks of its own yields these too (`yield from super().controles()`)."""
        yield from controleer_bijlagen(getattr(self, "bijlagen", None) or [])

    def auteur(self) -> str:
        """Who the document is from, for its properties."""
        gemeente = getattr(self, "gemeente", None)
        return f"Gemeente {gemeente}" if gemeente else "Gemeente"

    def titel(self) -> str:
        """The title in the document properties."""
        return f"{self.soortnaam}: {getattr(self, 'onderwerp', '')}"
