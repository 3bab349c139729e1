"""Money that adds up: allocation with the largest-remainder method, and table totals.

Every split here foots exactly: the parts sum to their whole, to the unit (euro or cent).
Quotas are computed exactly with Fraction (never float) from Decimal inputs, so the result
does not depend on the order in which gemeenten are listed.

Tie rule: when two remainders are exactly equal, the extra unit goes to the name that
sorts first (Python's string order of the names); for components, the same by name.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from voorstel.kern import nl
from voorstel.kern.errors import VoorstelError

EENHEDEN = {"euro": Decimal(1), "cent": Decimal("0.01")}


class VerdeelFout(VoorstelError):
    """An amount that cannot be divided as asked."""


def grootste_rest(
    totaal: Decimal, gewichten: Mapping[str, Decimal], eenheid: Decimal = Decimal(1)
) -> dict[str, Decimal]:
    """Split `totaal` in proportion to `gewichten`, in whole `eenheid`s, summing exactly.

    Each part gets the floor of its exact quota; the units left over go one each to the
    largest remainders, ties to the name that sorts first.
    """
    if totaal < 0:
        raise VerdeelFout(f"een negatief bedrag ({nl.bedrag(totaal)}) is niet te verdelen")
    units = Fraction(totaal) / Fraction(eenheid)
    if units.denominator != 1:
        raise VerdeelFout(
            f"{nl.bedrag(totaal)} is niet in hele {_eenheidnaam(eenheid)} te verdelen; "
            "rond het bedrag af of gebruik 'eenheid: cent'"
        )
    som = sum((Fraction(w) for w in gewichten.values()), Fraction(0))
    if any(w < 0 for w in gewichten.values()):
        raise VerdeelFout("een gewicht is negatief; gewichten zijn nul of groter")
    if som == 0:
        raise VerdeelFout("de gewichten tellen op tot nul; er valt niets naar te verdelen")
    quotas = {naam: units * Fraction(w) / som for naam, w in gewichten.items()}
    delen = {naam: math.floor(q) for naam, q in quotas.items()}
    over = int(units) - sum(delen.values())
    volgorde = sorted(quotas, key=lambda naam: (-(quotas[naam] - delen[naam]), naam))
    for naam in volgorde[:over]:
        delen[naam] += 1
    return {naam: Decimal(delen[naam]) * eenheid for naam in gewichten}


def schaal(bedragen: Sequence[Decimal], factor: Decimal) -> list[Decimal]:
    """Amounts in whole `factor`s ("bedragen x € 1.000"), negative ones too, so that they
    sum exactly to their own sum in `factor`s rounded half away from zero.

    Rounded by largest remainder (rond_af), towards the total rounded half away from zero.
    """
    totaal = sum((Fraction(b) for b in bedragen), Fraction(0)) / Fraction(factor)
    doel = math.floor(abs(totaal) + Fraction(1, 2)) * (1 if totaal >= 0 else -1)
    return [d / factor for d in rond_af(bedragen, factor, Decimal(doel) * factor)]


def _eenheidnaam(eenheid: Decimal) -> str:
    return "euro's" if eenheid == 1 else "centen"


@dataclass(frozen=True)
class Component:
    """One part of a verdeelsleutel: its share of the total and its weights per gemeente."""

    naam: str
    aandeel: Decimal
    gewichten: Mapping[str, Decimal]


@dataclass(frozen=True)
class Verdeling:
    """An allocation: per gemeente one amount per component, with every total."""

    totaal: Decimal
    componenten: tuple[str, ...]
    gemeenten: tuple[str, ...]
    cellen: Mapping[tuple[str, str], Decimal]
    percentages: Mapping[str, Decimal]

    def rij(self, gemeente: str) -> list[Decimal]:
        return [self.cellen[(gemeente, c)] for c in self.componenten]

    def gemeentetotaal(self, gemeente: str) -> Decimal:
        return sum(self.rij(gemeente), Decimal(0))

    def componenttotaal(self, component: str) -> Decimal:
        return sum((self.cellen[(g, component)] for g in self.gemeenten), Decimal(0))


def verdeel(
    totaal: Decimal, componenten: Sequence[Component], eenheid: Decimal = Decimal(1)
) -> Verdeling:
    """Split the total over the components by share, then each component over the gemeenten."""
    per_component = grootste_rest(totaal, {c.naam: c.aandeel for c in componenten}, eenheid)
    gemeenten = tuple(componenten[0].gewichten)
    cellen: dict[tuple[str, str], Decimal] = {}
    for component in componenten:
        delen = grootste_rest(per_component[component.naam], component.gewichten, eenheid)
        for gemeente, bedrag in delen.items():
            cellen[(gemeente, component.naam)] = bedrag
    return Verdeling(
        totaal=totaal,
        componenten=tuple(c.naam for c in componenten),
        gemeenten=gemeenten,
        cellen=cellen,
        percentages=effectieve_percentages(componenten),
    )


def effectieve_percentages(componenten: Sequence[Component]) -> dict[str, Decimal]:
    """Each gemeente's share of the whole in percent, to 0,01% and summing to exactly 100%."""
    aandeel_som = sum((Fraction(c.aandeel) for c in componenten), Fraction(0))
    exact: dict[str, Fraction] = {}
    for component in componenten:
        gewicht_som = sum((Fraction(w) for w in component.gewichten.values()), Fraction(0))
        for gemeente, gewicht in component.gewichten.items():
            deel = Fraction(component.aandeel) / aandeel_som * Fraction(gewicht) / gewicht_som
            exact[gemeente] = exact.get(gemeente, Fraction(0)) + deel
    return grootste_rest(Decimal(100), _als_decimal_gewichten(exact), Decimal("0.01"))


def _als_decimal_gewichten(exact: Mapping[str, Fraction]) -> dict[str, Decimal]:
    """Exact fractions as integer weights over a common denominator (no rounding)."""
    noemer = math.lcm(*(f.denominator for f in exact.values())) if exact else 1
    return {g: Decimal(f.numerator * (noemer // f.denominator)) for g, f in exact.items()}


def som(bedragen: Sequence[Decimal | None]) -> Decimal:
    """The sum of amounts, PM entries (None) left out."""
    return sum((b for b in bedragen if b is not None), Decimal(0))


def rond_af(
    bedragen: Sequence[Decimal], eenheid: Decimal, totaal: Decimal | None = None
) -> list[Decimal]:
    """Round amounts to whole `eenheid`s so that they sum to the rounded total.

    The total is `totaal` (already whole units) or the exact sum rounded half up. Each part
    gets the floor of its exact quota; the units left over go one each to the largest
    remainders, ties to the first. So the rounded column foots, and its total is the
    rounded exact total.
    """
    quotas = [Fraction(b) / Fraction(eenheid) for b in bedragen]
    if totaal is None:
        doel = math.floor(sum(quotas, Fraction(0)) + Fraction(1, 2))
    else:
        doel = int(Fraction(totaal) / Fraction(eenheid))
    delen = [math.floor(q) for q in quotas]
    over = doel - sum(delen)
    volgorde = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - delen[i]), i))
    for index in volgorde[: max(over, 0)]:
        delen[index] += 1
    return [Decimal(d) * eenheid for d in delen]
