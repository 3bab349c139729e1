"""Begrotingen in proposals: multi-year, scenario and mutation tables, and allocations."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from pydantic import Field

from voorstel.blokken.types import (
    EENHEDEN,
    Bedrag,
    BedragOfPM,
    Eenheid,
    MetHerkomst,
    Model,
    Tekst,
)
from voorstel.kern import nl
from voorstel.kern.finance import som
from voorstel.kern.locaties import Loc


class Begrotingsregel(MetHerkomst):
    """One line of a begroting: an amount (or PM) per column."""

    onderdeel: Tekst
    bedragen: dict[str, BedragOfPM]
    toelichting: Tekst | None = None


class Begrotingstabel(Model):
    """A table with a column per year or scenario; totals computed, stated ones checked.

    `rijtotaal` adds a Totaal column (multi-year), `verschil: [a, b]` a column b - a
    (scenarios), `basis: <kolom>` the mutation against that column, in euros and percent.
    """

    id: Tekst | None = None
    titel: Tekst | None = None
    kolommen: list[Tekst] = Field(min_length=1)
    regels: list[Begrotingsregel] = Field(min_length=1)
    totaal: dict[str, Bedrag] | None = None
    rijtotaal: bool = False
    verschil: list[Tekst] | None = Field(default=None, min_length=2, max_length=2)
    basis: Tekst | None = None
    centen: bool = False
    saldo: Literal["teken", "vn"] = "teken"
    """How a signed amount is shown: with a minus sign, or unsigned with V or N."""
    eenheid: Eenheid = "euro"
    """Shown in euros, or "x € 1.000" / "x € 1.000.000", rounded so every column foots."""

    @property
    def factor(self) -> Decimal:
        return EENHEDEN[self.eenheid]

    def kolomtotaal(self, kolom: str) -> Decimal:
        return som([r.bedragen.get(kolom) for r in self.regels])

    @property
    def heeft_pm(self) -> bool:
        return any(b is None for r in self.regels for b in r.bedragen.values())

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Every line fills every column; references and stated totals are right."""
        kolommen = list(self.kolommen)
        for index, regel in enumerate(self.regels):
            ontbreekt = [k for k in kolommen if k not in regel.bedragen]
            extra = [k for k in regel.bedragen if k not in kolommen]
            loc: Loc = ("regels", index, "bedragen")
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
        for kolom, opgegeven in (self.totaal or {}).items():
            if kolom not in kolommen:
                yield ("totaal", kolom), f"'{kolom}' is geen kolom van deze tabel"
            elif (berekend := self.kolomtotaal(kolom)) != opgegeven:
                yield (
                    ("totaal", kolom),
                    (
                        f"het opgegeven totaal {nl.bedrag(opgegeven)} wijkt af van de som "
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
