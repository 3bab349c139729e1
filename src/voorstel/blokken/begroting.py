"""Begrotingen in proposals: multi-year, scenario and mutation tables, and allocations."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from voorstel.blokken.types import (
    EENHEDEN,
    Bedrag,
    BedragOfPM,
    Eenheid,
    MetHerkomst,
    Model,
    Tekst,
    fout,
)
from voorstel.kern import nl
from voorstel.kern.finance import som
from voorstel.kern.locaties import Loc


class Begrotingsregel(MetHerkomst):
    """One line of a begroting: an amount (or PM) per column."""

    onderdeel: Tekst
    bedragen: dict[str, BedragOfPM]
    toelichting: Tekst | None = None


class Begrotingsgroep(Model):
    """A rubriek of a begroting: its lines and their subtotal (computed; a stated one is
    checked)."""

    naam: Tekst
    regels: list[Begrotingsregel] = Field(min_length=1)
    totaal: dict[str, Bedrag] | None = None


class Begrotingstabel(Model):
    """A table with a column per year or scenario; totals computed, stated ones checked.

    `rijtotaal` adds a Totaal column (multi-year), `verschil: [a, b]` a column b - a
    (scenarios), `basis: <kolom>` the mutation against that column, in euros and percent.
    `groepen` (rubrieken, each with a subtotal) instead of `regels` make the Totaal line a
    Totaal-generaal; `totaal: false` leaves the Totaal line out.
    """

    id: Tekst | None = None
    titel: Tekst | None = None
    kolommen: list[Tekst] = Field(min_length=1)
    regels: list[Begrotingsregel] = Field(default_factory=list)
    groepen: list[Begrotingsgroep] = Field(default_factory=list)
    totaal: Literal[False] | dict[str, Bedrag] | None = None
    rijtotaal: bool = False
    verschil: list[Tekst] | None = Field(default=None, min_length=2, max_length=2)
    basis: Tekst | None = None
    centen: bool = False
    saldo: Literal["teken", "vn"] = "teken"
    """How a signed amount is shown: with a minus sign, or unsigned with V or N."""
    eenheid: Eenheid = "euro"
    """Shown in euros, or "x € 1.000" / "x € 1.000.000", rounded so every column foots."""

    @model_validator(mode="after")
    def _regels_of_groepen(self) -> Begrotingstabel:
        if bool(self.regels) == bool(self.groepen):
            raise fout(
                "regels",
                "geef 'regels' (een lijst van regels) of 'groepen' (rubrieken met elk hun "
                "regels en een subtotaal), niet beide en niet geen van beide",
            )
        return self

    @property
    def factor(self) -> Decimal:
        return EENHEDEN[self.eenheid]

    @property
    def alle_regels(self) -> list[Begrotingsregel]:
        """The lines, those of every groep in order."""
        return [*self.regels, *(r for g in self.groepen for r in g.regels)]

    @property
    def telt_op(self) -> bool:
        """Whether the table has a Totaal line (`totaal: false` switches it off)."""
        return self.totaal is not False

    def kolomtotaal(self, kolom: str, regels: list[Begrotingsregel] | None = None) -> Decimal:
        return som(
            [r.bedragen.get(kolom) for r in (self.alle_regels if regels is None else regels)]
        )

    @property
    def heeft_pm(self) -> bool:
        return any(b is None for r in self.alle_regels for b in r.bedragen.values())

    def _plaatsen(self) -> Iterator[tuple[Loc, Begrotingsregel]]:
        for index, regel in enumerate(self.regels):
            yield ("regels", index), regel
        for g, groep in enumerate(self.groepen):
            for index, regel in enumerate(groep.regels):
                yield ("groepen", g, "regels", index), regel

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Every line fills every column; references and stated totals are right."""
        kolommen = list(self.kolommen)
        for plaats, regel in self._plaatsen():
            ontbreekt = [k for k in kolommen if k not in regel.bedragen]
            extra = [k for k in regel.bedragen if k not in kolommen]
            loc: Loc = (*plaats, "bedragen")
            if ontbreekt:
                yield loc, f"bedrag ontbreekt voor {', '.join(ontbreekt)}; vul het in of schrijf PM"
            if extra:
                yield (
                    loc,
                    (f"onbekende kolom {', '.join(extra)}; de kolommen zijn {', '.join(kolommen)}"),
                )
        for naam, wie in (
            ("verschil", self.verschil or []),
            ("basis", [self.basis] if self.basis else []),
        ):
            for kolom in wie:
                if kolom not in kolommen:
                    yield (naam,), f"'{kolom}' is geen kolom van deze tabel ({', '.join(kolommen)})"
        opgegeven_totalen: list[tuple[Loc, dict[str, Decimal], list[Begrotingsregel], str]] = [
            (("groepen", g), groep.totaal, groep.regels, "het opgegeven subtotaal")
            for g, groep in enumerate(self.groepen)
            if groep.totaal
        ]
        if isinstance(self.totaal, dict):
            wat = "het opgegeven totaal-generaal" if self.groepen else "het opgegeven totaal"
            opgegeven_totalen.append(((), self.totaal, self.alle_regels, wat))
        for plaats, totalen, regels, wat in opgegeven_totalen:
            for kolom, opgegeven in totalen.items():
                if kolom not in kolommen:
                    yield (*plaats, "totaal", kolom), f"'{kolom}' is geen kolom van deze tabel"
                elif (berekend := self.kolomtotaal(kolom, regels)) != opgegeven:
                    yield (
                        (*plaats, "totaal", kolom),
                        (
                            f"{wat} {nl.bedrag(opgegeven)} wijkt af van de som "
                            f"{nl.bedrag(berekend)}; pas het totaal of de regels aan"
                        ),
                    )


class VerdelingRef(Model):
    """An allocation table in a proposal: which key, and which amount it divides."""

    titel: Tekst | None = None
    sleutel: Tekst | None = None
    bedrag: Bedrag | None = None
    tabel: Tekst | None = None
    centen: bool = True

    def verwijzingen(self) -> Iterator[tuple[Loc, str]]:
        if self.sleutel is not None:
            yield ("sleutel",), self.sleutel

    def controles(self) -> Iterator[tuple[Loc, str]]:
        if (self.bedrag is None) == (self.tabel is None):
            yield (
                (),
                (
                    "geef precies één van 'bedrag' (het te verdelen bedrag) of 'tabel' (de id van "
                    "een kostentabel waarvan het totaal verdeeld wordt)"
                ),
            )
