"""Allocation that foots: largest remainder, exact, independent of list order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voorstel.kern.finance import Component, VerdeelFout, grootste_rest, verdeel

D = Decimal
WBO = {
    "Altena": D("18.33"),
    "Breda": D("52.06"),
    "Drimmelen": D("7.24"),
    "Geertruidenberg": D("6.19"),
    "Oosterhout": D("16.18"),
}


def test_wbo_pilotkosten_zoals_het_college_besloot() -> None:
    delen = grootste_rest(D(70000), WBO)
    assert delen == {
        "Altena": D(12831),
        "Breda": D(36442),
        "Drimmelen": D(5068),
        "Geertruidenberg": D(4333),
        "Oosterhout": D(11326),
    }
    assert sum(delen.values()) == D(70000)


def test_grootste_resten_krijgen_de_overgebleven_euros() -> None:
    # 100 over three equal weights: quotas 33,33..; one euro left, ties -> first name.
    assert grootste_rest(D(100), {"C": D(1), "B": D(1), "A": D(1)}) == {
        "C": D(33),
        "B": D(33),
        "A": D(34),
    }
    # 10 in proportion 1:2:3 -> 1,67 / 3,33 / 5 -> floors 1/3/5, the extra euro to the
    # largest remainder (0,67).
    assert grootste_rest(D(10), {"x": D(1), "y": D(2), "z": D(3)}) == {
        "x": D(2),
        "y": D(3),
        "z": D(5),
    }


def test_in_centen() -> None:
    delen = grootste_rest(D("100.00"), {"a": D(1), "b": D(1), "c": D(1)}, D("0.01"))
    assert delen == {"a": D("33.34"), "b": D("33.33"), "c": D("33.33")}


@pytest.mark.parametrize(
    ("totaal", "gewichten", "eenheid", "bericht"),
    [
        (D("10.50"), {"a": D(1)}, D(1), "niet in hele euro's te verdelen"),
        (D(-5), {"a": D(1)}, D(1), "negatief bedrag"),
        (D(5), {"a": D(0)}, D(1), "tellen op tot nul"),
    ],
)
def test_onmogelijke_verdeling(
    totaal: Decimal, gewichten: dict[str, Decimal], eenheid: Decimal, bericht: str
) -> None:
    with pytest.raises(VerdeelFout, match=bericht):
        grootste_rest(totaal, gewichten, eenheid)


def test_componenten_eerst_dan_gemeenten() -> None:
    componenten = [
        Component("Rato", D(25), {"A": D(1), "B": D(1), "C": D(1)}),
        Component("Jongeren", D(75), {"A": D(1234), "B": D(2871), "C": D(5)}),
    ]
    verdeling = verdeel(D(1000), componenten)
    assert verdeling.componenttotaal("Rato") == D(250)
    assert verdeling.componenttotaal("Jongeren") == D(750)
    assert [verdeling.gemeentetotaal(g) for g in "ABC"] == [D(309), D(607), D(84)]
    assert sum(verdeling.percentages.values()) == D(100)


namen = st.lists(
    st.text(alphabet="abcdefghij", min_size=1, max_size=6), min_size=1, max_size=8, unique=True
)
gewicht = st.integers(min_value=0, max_value=10**6).map(Decimal)


@st.composite
def sleutels(draw: st.DrawFn) -> tuple[list[str], list[Component]]:
    gemeenten = draw(namen)
    aantal = draw(st.integers(min_value=1, max_value=3))
    componenten = []
    for index in range(aantal):
        gewichten = {g: draw(gewicht) for g in gemeenten}
        if not any(gewichten.values()):
            gewichten[gemeenten[0]] = D(1)
        aandeel = D(draw(st.integers(min_value=1, max_value=100)))
        componenten.append(Component(f"c{index}", aandeel, gewichten))
    return gemeenten, componenten


@given(sleutels(), st.integers(min_value=0, max_value=10**9), st.booleans())
def test_alles_telt_precies_op(
    sleutel: tuple[list[str], list[Component]], euros: int, centen: bool
) -> None:
    gemeenten, componenten = sleutel
    eenheid = D("0.01") if centen else D(1)
    totaal = D(euros) * eenheid
    verdeling = verdeel(totaal, componenten, eenheid)
    per_component = grootste_rest(totaal, {c.naam: c.aandeel for c in componenten}, eenheid)
    for component in componenten:
        assert verdeling.componenttotaal(component.naam) == per_component[component.naam]
    assert sum(verdeling.gemeentetotaal(g) for g in gemeenten) == totaal
    assert sum(verdeling.cellen.values()) == totaal
    assert all(b % eenheid == 0 and b >= 0 for b in verdeling.cellen.values())
    assert sum(verdeling.percentages.values()) == D(100)


@given(sleutels(), st.integers(min_value=0, max_value=10**9), st.randoms())
def test_volgorde_van_gemeenten_doet_er_niet_toe(
    sleutel: tuple[list[str], list[Component]], totaal: int, rnd: object
) -> None:
    gemeenten, componenten = sleutel
    volgorde = list(gemeenten)
    rnd.shuffle(volgorde)  # type: ignore[attr-defined]
    geschud = [
        Component(c.naam, c.aandeel, {g: c.gewichten[g] for g in volgorde}) for c in componenten
    ]
    a = verdeel(D(totaal), componenten)
    b = verdeel(D(totaal), geschud)
    assert all(a.gemeentetotaal(g) == b.gemeentetotaal(g) for g in gemeenten)
    assert a.cellen == b.cellen
