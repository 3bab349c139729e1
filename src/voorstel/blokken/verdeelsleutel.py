"""A verdeelsleutel: a shared file saying how a region divides costs over its gemeenten."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BeforeValidator, Field

from voorstel.blokken.types import Aandeel, Model, Tekst, fout, json_schema, parse_decimal
from voorstel.kern import finance, nl
from voorstel.kern.locaties import Loc

HONDERD = Decimal(100)


class Gewicht(NamedTuple):
    """A weight: a percentage ("6,25%") or a relative number (inhabitants, euros)."""

    waarde: Decimal
    procent: bool


def _gewicht(value: Any) -> Gewicht:
    if isinstance(value, Gewicht):
        return value
    procent = isinstance(value, str) and value.strip().endswith("%")
    if procent:
        waarde = parse_decimal(value, nl.parse_procent, "percentage")
    else:
        waarde = parse_decimal(value, nl.parse_getal, "gewicht")
    if waarde < 0:
        raise fout("negatief", "een gewicht mag niet negatief zijn")
    return Gewicht(waarde, procent)


GewichtVeld = Annotated[
    Gewicht,
    BeforeValidator(_gewicht),
    json_schema(
        {"type": "integer", "minimum": 0, "maximum": nl.MAX_BEDRAG},
        {"type": "string", "pattern": nl.PATROON_GEWICHT},
        melding='geen gewicht: een percentage zoals "6,25%" of een getal zoals 45000, niet '
        "negatief",
        voorbeelden=("6,25%", 45000),
    ),
]


class Component(Model):
    """A part of the key: its share of the total and its weight per gemeente."""

    naam: Tekst
    aandeel: Aandeel
    gewichten: dict[str, GewichtVeld] = Field(min_length=1)


class Verdeelsleutel(Model):
    """soort: verdeelsleutel — one or more components whose shares sum to 100%."""

    soort: Literal["verdeelsleutel"]
    naam: Tekst
    eenheid: Literal["euro", "cent"] = "euro"
    normaliseren: bool = False
    componenten: list[Component] = Field(min_length=1)

    @property
    def gemeenten(self) -> list[str]:
        """The gemeenten in the key's order (that of its first component)."""
        return list(self.componenten[0].gewichten)

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Cross-field checks: sums to 100%, one kind of weight, the same gemeenten."""
        som = sum((c.aandeel for c in self.componenten), Decimal(0))
        if som != HONDERD and not self.normaliseren:
            yield ("componenten",), _niet_honderd("de aandelen van de componenten", som)
        elif som == 0:
            yield (
                ("componenten",),
                "de aandelen van de componenten zijn samen 0%; ook met 'normaliseren' valt er "
                "niets naar verhouding te verdelen; geef minstens één component een aandeel",
            )
        eerste = self.gemeenten
        for index, component in enumerate(self.componenten):
            loc: Loc = ("componenten", index, "gewichten")
            soorten = {g.procent for g in component.gewichten.values()}
            if len(soorten) > 1:
                yield (
                    loc,
                    (
                        f"component '{component.naam}' mengt percentages en getallen; gebruik "
                        'overal percentages ("6,25%") of overal getallen (relatieve gewichten)'
                    ),
                )
            elif all(g.waarde == 0 for g in component.gewichten.values()):
                yield (
                    loc,
                    (
                        f"de gewichten van component '{component.naam}' zijn allemaal 0; er "
                        "valt niets naar te verdelen; geef minstens één gemeente een gewicht "
                        "groter dan 0"
                    ),
                )
            elif soorten == {True} and not self.normaliseren:
                totaal = sum((g.waarde for g in component.gewichten.values()), Decimal(0))
                if totaal != HONDERD:
                    yield loc, _niet_honderd(f"de percentages van '{component.naam}'", totaal)
            yield from _zelfde_gemeenten(eerste, list(component.gewichten), component.naam, loc)

    def waarschuwingen(self) -> Iterator[tuple[Loc, str]]:
        """With `normaliseren`: weights that it scales by more than a rounding difference.
        A key of one gemeente at "12%" would silently give it 100% of the amount."""
        if not self.normaliseren:
            return
        som = sum((c.aandeel for c in self.componenten), Decimal(0))
        if som and abs(som - HONDERD) > MARGE:
            yield ("componenten",), _geschaald("de aandelen van de componenten", som)
        for index, component in enumerate(self.componenten):
            if not all(g.procent for g in component.gewichten.values()):
                continue
            totaal = sum((g.waarde for g in component.gewichten.values()), Decimal(0))
            if totaal and abs(totaal - HONDERD) > MARGE:
                yield (
                    ("componenten", index, "gewichten"),
                    _geschaald(f"de percentages van '{component.naam}'", totaal),
                )

    def finance_componenten(self) -> list[finance.Component]:
        return [
            finance.Component(c.naam, c.aandeel, {g: w.waarde for g, w in c.gewichten.items()})
            for c in self.componenten
        ]

    def verdeel(self, totaal: Decimal) -> finance.Verdeling:
        """Allocate an amount with this key (largest remainder, in euros or cents)."""
        return finance.verdeel(totaal, self.finance_componenten(), finance.EENHEDEN[self.eenheid])


MARGE = Decimal("0.5")
"""Percentage points normalising may add or take away before it is more than rounding."""


def _geschaald(wat: str, som: Decimal) -> str:
    factor = HONDERD / som
    return (
        f"{wat} tellen op tot {nl.procent(som, 2)}; 'normaliseren' schaalt ze met factor "
        f"{nl.getal(factor.quantize(Decimal('0.01')))} naar 100%, meer dan een afrondingsverschil; "
        "controleer of er geen gemeente of component ontbreekt"
    )


def _niet_honderd(wat: str, som: Decimal) -> str:
    return (
        f"{wat} tellen op tot {nl.procent(som, 2)} in plaats van 100%; corrigeer de "
        "percentages of zet 'normaliseren: true' om ze naar verhouding te schalen"
    )


def _zelfde_gemeenten(
    eerste: list[str], deze: list[str], naam: str, loc: Loc
) -> Iterator[tuple[Loc, str]]:
    ontbreekt = [g for g in eerste if g not in deze]
    extra = [g for g in deze if g not in eerste]
    if ontbreekt:
        yield loc, f"component '{naam}' mist gemeente(n): {', '.join(ontbreekt)}"
    if extra:
        yield (
            loc,
            (
                f"component '{naam}' noemt gemeente(n) die de eerste component niet heeft: "
                f"{', '.join(extra)}; elke component noemt dezelfde gemeenten"
            ),
        )
