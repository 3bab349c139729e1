"""The begrotingswijziging: lasten and baten per programma and taakveld, for the
begrotingsjaar and the three years of the meerjarenraming, with a computed saldo."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Literal

from pydantic import Field

from voorstel.blokken.taakvelden import RESERVES, taakvelden
from voorstel.blokken.types import Bedrag, Model, Tekst
from voorstel.kern import nl
from voorstel.kern.locaties import Loc

MEERJAREN = 3
"""The meerjarenraming: the three years after the begrotingsjaar."""


class Wijzigingsregel(Model):
    """One line: on a taakveld of a programma, lasten or baten per year.

    A reserve line (toevoeging or onttrekking) goes through taakveld 0.10; a toevoeging is
    a last, an onttrekking a baat, so `soort` follows from it."""

    programma: Tekst
    taakveld: Tekst
    omschrijving: Tekst
    soort: Literal["lasten", "baten"] | None = None
    aard: Literal["incidenteel", "structureel"]
    reserve: Literal["toevoeging", "onttrekking"] | None = None
    bedragen: dict[int, Bedrag] = Field(min_length=1)

    @property
    def is_last(self) -> bool:
        if self.reserve is not None:
            return self.reserve == "toevoeging"
        return self.soort == "lasten"


class Begrotingswijziging(Model):
    """A begrotingswijziging; the saldo (baten minus lasten) per year is computed and a
    stated one checked. With `duizendtallen` the table shows 'bedragen x € 1.000'.

    With `verdelen` (in a regional proposal) the amounts are the region's: each
    gemeente's version shows its own share of every amount, by the regio's verdeelsleutel,
    and the regional overview the region's amounts (see `aandeel`)."""

    id: Tekst | None = None
    titel: Tekst | None = None
    begrotingsjaar: int = Field(ge=2000, le=2100)
    duizendtallen: bool = False
    verdelen: bool = False
    regels: list[Wijzigingsregel] = Field(min_length=1)
    saldo: dict[int, Bedrag] | None = None

    def aandeel(self, deel: Callable[[Decimal], Decimal]) -> Begrotingswijziging:
        """This begrotingswijziging with every amount replaced by one gemeente's share of
        it (`deel`), and without a stated saldo: that is the region's, checked on the
        data. Each amount is split on its own, so the shares of all gemeenten add up to
        it exactly, line by line, and so do their saldi."""
        regels = [
            r.model_copy(update={"bedragen": {j: deel(b) for j, b in r.bedragen.items()}})
            for r in self.regels
        ]
        return self.model_copy(update={"regels": regels, "saldo": None})

    @property
    def jaren(self) -> list[int]:
        return [self.begrotingsjaar + i for i in range(MEERJAREN + 1)]

    def lasten(self, jaar: int, aard: str | None = None) -> Decimal:
        return self._som(jaar, True, aard)

    def baten(self, jaar: int, aard: str | None = None) -> Decimal:
        return self._som(jaar, False, aard)

    def berekend_saldo(self, jaar: int) -> Decimal:
        """Baten minus lasten: positive is a voordeel, negative a nadeel."""
        return self.baten(jaar) - self.lasten(jaar)

    def _som(self, jaar: int, last: bool, aard: str | None) -> Decimal:
        return sum(
            (
                r.bedragen.get(jaar, Decimal(0))
                for r in self.regels
                if r.is_last == last and aard in (None, r.aard)
            ),
            Decimal(0),
        )

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Known taakvelden, reserves on 0.10, years in range, a stated saldo that foots."""
        bekend = taakvelden()
        bereik = (
            f"de begroting {self.begrotingsjaar} en de meerjarenraming "
            f"{self.jaren[1]}-{self.jaren[-1]}"
        )
        for index, regel in enumerate(self.regels):
            loc: Loc = ("regels", index)
            if regel.taakveld not in bekend:
                yield (*loc, "taakveld"), _onbekend_taakveld(regel.taakveld, bekend)
            if regel.reserve is not None and regel.taakveld != RESERVES:
                yield (
                    (*loc, "taakveld"),
                    f"een {regel.reserve} aan een reserve loopt via taakveld {RESERVES} "
                    f"({bekend[RESERVES]}), niet via {regel.taakveld}",
                )
            if regel.reserve is None and regel.taakveld == RESERVES:
                yield (
                    (*loc, "reserve"),
                    f"een regel op taakveld {RESERVES} is een mutatie van een reserve; "
                    "schrijf 'reserve: toevoeging' of 'reserve: onttrekking'",
                )
            if regel.reserve is None and regel.soort is None:
                yield (*loc, "soort"), "schrijf 'soort: lasten' of 'soort: baten'"
            verwacht = {"toevoeging": "lasten", "onttrekking": "baten"}.get(regel.reserve or "")
            if verwacht and regel.soort not in (None, verwacht):
                yield (
                    (*loc, "soort"),
                    f"een {regel.reserve} aan een reserve is {verwacht}, geen {regel.soort}; "
                    "laat 'soort' weg",
                )
            for jaar in regel.bedragen:
                if jaar not in self.jaren:
                    yield (
                        (*loc, "bedragen", jaar),
                        f"het jaar {jaar} valt buiten {bereik}; kies uit "
                        + ", ".join(map(str, self.jaren)),
                    )
        for jaar, opgegeven in (self.saldo or {}).items():
            if jaar not in self.jaren:
                yield ("saldo", jaar), f"het jaar {jaar} valt buiten {bereik}"
            elif (berekend := self.berekend_saldo(jaar)) != opgegeven:
                baten, lasten = nl.bedrag_heel(self.baten(jaar)), nl.bedrag_heel(self.lasten(jaar))
                yield (
                    ("saldo", jaar),
                    f"het opgegeven saldo {jaar} ({nl.saldo(opgegeven)}) wijkt af van het "
                    f"berekende saldo ({nl.saldo(berekend)}: baten {baten} min lasten {lasten}); "
                    "pas het saldo of de regels aan (of laat 'saldo' weg)",
                )


def _onbekend_taakveld(code: str, bekend: dict[str, str]) -> str:
    """Name the taakvelden of the same hoofdtaakveld (2.7 -> 2.1 ... 2.5), else a close one."""
    hoofd = code.split(".", 1)[0]
    zelfde = [c for c in bekend if c.split(".", 1)[0] == hoofd]
    if zelfde:
        hint = f"; hoofdtaakveld {hoofd} kent {', '.join(zelfde)}"
    else:
        dichtbij = difflib.get_close_matches(code, list(bekend), n=1, cutoff=0.6)
        hint = f"; bedoelde u {dichtbij[0]} ({bekend[dichtbij[0]]})?" if dichtbij else ""
    return (
        f"taakveld '{code}' bestaat niet in de BBV-lijst van taakvelden (0.1 Bestuur tot en "
        f"met 8.3 Wonen en bouwen){hint}"
    )
