"""Table shapes of a kostentabel: groepen with subtotals, no total, rounded units."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from voorstel.blokken.begroting import Begrotingstabel
from voorstel.blokken.modellen import Kostentabel
from voorstel.blokken.tabellen import begrotingstabel, kostentabel
from voorstel.kern import finance
from voorstel.uitvoer.tabel import md_tabel


def _groepen(totaal: object = None) -> dict[str, object]:
    data: dict[str, object] = {
        "titel": "Meerjarenraming",
        "groepen": [
            {"naam": "Personeel", "posten": [{"onderdeel": "Loon", "bedrag": 1200}]},
            {
                "naam": "Materieel",
                "posten": [
                    {"onderdeel": "Huur", "bedrag": 300},
                    {"onderdeel": "Inventaris", "bedrag": 50},
                ],
                "totaal": 350,
            },
        ],
    }
    if totaal is not None:
        data["totaal"] = totaal
    return data


def test_groepen_have_subtotals_and_a_computed_totaal_generaal() -> None:
    md = md_tabel(kostentabel(Kostentabel.model_validate(_groepen(1550))))
    assert "| Onderdeel | Bedrag |\n|---|---:|" in md
    assert "| **Subtotaal Personeel** | **€ 1.200** |" in md
    assert "| **Subtotaal Materieel** | **€ 350** |" in md
    assert md.splitlines()[-1] == "| **Totaal-generaal** | **€ 1.550** |"


def test_a_wrong_totaal_generaal_is_refused_with_both_figures() -> None:
    with pytest.raises(ValidationError) as info:
        Kostentabel.model_validate(_groepen(1600))
    assert "het opgegeven totaal € 1.600,00 wijkt af" in str(info.value)
    assert "€ 1.550,00" in str(info.value)


def test_a_wrong_subtotal_is_refused() -> None:
    data = _groepen()
    data["groepen"][1]["totaal"] = 351  # type: ignore[index]
    with pytest.raises(ValidationError, match=r"€ 351,00 wijkt af .* € 350,00"):
        Kostentabel.model_validate(data)


def test_totaal_false_draws_no_total_row() -> None:
    kt = Kostentabel.model_validate(
        {
            "posten": [
                {"onderdeel": "Subsidie", "bedrag": 2000000},
                {"onderdeel": "Leges", "bedrag": 431385},
            ],
            "totaal": False,
        }
    )
    md = md_tabel(kostentabel(kt))
    assert "Totaal" not in md
    assert "2.431.385" not in md


def test_posten_and_groepen_together_are_refused() -> None:
    data = _groepen()
    data["posten"] = [{"onderdeel": "Los", "bedrag": 1}]
    with pytest.raises(ValidationError, match="niet beide"):
        Kostentabel.model_validate(data)


def test_eenheid_duizend_rounds_so_the_table_foots() -> None:
    kt = Kostentabel.model_validate(
        {
            "titel": "Kosten",
            "eenheid": "duizend",
            "posten": [
                {"onderdeel": "A", "bedrag": 1400},
                {"onderdeel": "B", "bedrag": 1400},
                {"onderdeel": "C", "bedrag": 1400},
            ],
        }
    )
    md = md_tabel(kostentabel(kt))
    assert "*Kosten (bedragen x € 1.000)*" in md
    assert "| Onderdeel | Bedrag (x € 1.000) |" in md
    # exact 4.200: rounded 4; each 1,4 floors to 1 and one gets the unit left over
    assert md.count("| 2 |") == 1 and md.count("| 1 |") == 2
    assert "| **Totaal** | **4** |" in md


bedragen = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=8)


@given(st.lists(bedragen, min_size=1, max_size=5), st.sampled_from(["duizend", "miljoen"]))
def test_rounded_groepen_foot_at_every_level(groepen: list[list[int]], eenheid: str) -> None:
    kt = Kostentabel.model_validate(
        {
            "eenheid": eenheid,
            "groepen": [
                {"naam": f"G{i}", "posten": [{"onderdeel": "p", "bedrag": b} for b in g]}
                for i, g in enumerate(groepen)
            ],
        }
    )
    view = kostentabel(kt)
    factor = kt.factor
    rijen = iter(view.rijen)
    subtotalen = []
    for groep in groepen:
        next(rijen)  # the heading row of the groep
        cellen = [next(rijen)[-1].getal for _ in groep]
        subtotaal = next(rijen)[-1].getal
        assert sum(cellen, Decimal(0)) == subtotaal
        subtotalen.append(subtotaal)
    assert view.voet is not None
    totaal = view.voet[-1].getal
    assert sum(subtotalen, Decimal(0)) == totaal
    exact = Decimal(sum(sum(g) for g in groepen))
    assert totaal == finance.rond_af([exact], factor)[0] / factor


def _begroting(saldo: str) -> str:
    from voorstel.blokken.begroting import Begrotingstabel
    from voorstel.blokken.tabellen import begrotingstabel

    bt = Begrotingstabel.model_validate(
        {
            "kolommen": ["2026", "2027"],
            "saldo": saldo,
            "regels": [
                {"onderdeel": "Lasten jeugdhulp", "bedragen": {"2026": -250, "2027": -300}},
                {"onderdeel": "Rijksbijdrage", "bedragen": {"2026": 400, "2027": 100}},
            ],
        }
    )
    return md_tabel(begrotingstabel(bt))


def test_begroting_vn_shows_voordeel_and_nadeel_without_sign() -> None:
    md = _begroting("vn")
    assert "| Lasten jeugdhulp | € 250 N | € 300 N |" in md
    assert "| **Totaal** | **€ 150 V** | **€ 200 N** |" in md
    assert "V = voordeel, N = nadeel." in md
    assert "-" not in md.replace("---", "")


def test_begroting_signed_is_the_default() -> None:
    md = _begroting("teken")
    assert "V = voordeel" not in md
    assert " N |" not in md


def test_begroting_in_duizenden_has_a_caption_and_foots() -> None:
    bt = Begrotingstabel.model_validate(
        {
            "titel": "Meerjarenraming",
            "eenheid": "duizend",
            "rijtotaal": True,
            "kolommen": ["2026", "2027"],
            "regels": [
                {"onderdeel": "A", "bedragen": {"2026": 1400, "2027": -2600}},
                {"onderdeel": "B", "bedragen": {"2026": 1400, "2027": -2600}},
                {"onderdeel": "C", "bedragen": {"2026": 1400, "2027": "PM"}},
            ],
        }
    )
    tabel = begrotingstabel(bt)
    md = md_tabel(tabel)
    assert "*Meerjarenraming (bedragen x € 1.000)*" in md
    assert "afgerond met de methode van de grootste rest" in md
    assert tabel.eenheid == 1000
    # 4.200 is 4 thousand: 1,4 each floors to 1 and the first gets the one left over;
    # -5.200 is -5: -2,6 floors to -3 twice, and the first gets the unit back; PM stays PM
    assert "| A | 2 | -2 | 0 |" in md
    assert "| B | 1 | -3 | -2 |" in md
    assert "| C | 1 | PM | 1 |" in md
    assert "| **Totaal** | **4** | **-5** | **-1** |" in md


@given(
    st.lists(
        st.lists(st.integers(min_value=-(10**9), max_value=10**9), min_size=3, max_size=3),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["duizend", "miljoen"]),
)
def test_rounded_begroting_foots_in_every_row_and_column(
    regels: list[list[int]], eenheid: str
) -> None:
    kolommen = ["2026", "2027", "2028"]
    bt = Begrotingstabel.model_validate(
        {
            "eenheid": eenheid,
            "rijtotaal": True,
            "kolommen": kolommen,
            "regels": [
                {"onderdeel": f"r{i}", "bedragen": dict(zip(kolommen, r, strict=True))}
                for i, r in enumerate(regels)
            ],
        }
    )
    tabel = begrotingstabel(bt)
    factor = {"duizend": Decimal(1000), "miljoen": Decimal(10**6)}[eenheid]
    assert tabel.eenheid == factor
    rijen = [[c.getal for c in rij[1:]] for rij in tabel.rijen]
    voet = [c.getal for c in (tabel.voet or [])[1:]]
    for rij in rijen:  # every line: its Totaal is the sum of its rounded years
        assert rij[-1] == sum(rij[:-1], Decimal(0))
    for index in range(len(kolommen)):  # every column foots, to the rounded exact total
        getoond = [rij[index] for rij in rijen]
        assert voet[index] == sum(getoond, Decimal(0))  # type: ignore[arg-type]
        exact = Decimal(sum(r[index] for r in regels)) / factor
        assert abs(voet[index] - exact) <= Decimal("0.5")  # type: ignore[operator]
        assert voet[index] == finance.schaal([Decimal(sum(r[index] for r in regels))], factor)[0]
    assert voet[-1] == sum(voet[:-1], Decimal(0))  # type: ignore[arg-type]


MEERJARIG = {
    "titel": "Meerjarenraming",
    "kolommen": ["2026", "2027"],
    "rijtotaal": True,
    "groepen": [
        {
            "naam": "Lasten",
            "regels": [
                {"onderdeel": "Personeel", "bedragen": {"2026": -1200, "2027": -1300}},
                {"onderdeel": "Huur", "bedragen": {"2026": -300, "2027": "PM"}},
            ],
            "totaal": {"2026": -1500},
        },
        {
            "naam": "Baten",
            "regels": [{"onderdeel": "Rijksbijdrage", "bedragen": {"2026": 1000, "2027": 1000}}],
        },
    ],
}


def test_begroting_groepen_have_subtotals_and_a_totaal_generaal() -> None:
    md = md_tabel(begrotingstabel(Begrotingstabel.model_validate(MEERJARIG)))
    assert "| **Lasten** |  |  |  |" in md
    assert "| Huur | € -300 | PM | € -300 |" in md
    assert "| **Subtotaal Lasten** | **€ -1.500** | **€ -1.300** | **€ -2.800** |" in md
    assert "| **Subtotaal Baten** | **€ 1.000** | **€ 1.000** | **€ 2.000** |" in md
    assert "| **Totaal-generaal** | **€ -500** | **€ -300** | **€ -800** |" in md


@pytest.mark.parametrize(
    ("waar", "bericht"),
    [
        (
            "groep",
            "het opgegeven subtotaal € -1.400,00 wijkt af van de som € -1.500,00",
        ),
        ("generaal", "het opgegeven totaal-generaal € -600,00 wijkt af van de som € -500,00"),
    ],
)
def test_a_wrong_subtotal_or_totaal_generaal_of_a_begroting_is_refused(
    waar: str, bericht: str
) -> None:
    data = copy.deepcopy(MEERJARIG)
    if waar == "groep":
        data["groepen"][0]["totaal"] = {"2026": -1400}  # type: ignore[index]
    else:
        data["totaal"] = {"2026": -600}
    bt = Begrotingstabel.model_validate(data)
    meldingen = [m for _, m in bt.controles()]
    assert any(bericht in m for m in meldingen), meldingen


def test_begroting_totaal_false_has_no_total_line() -> None:
    bt = Begrotingstabel.model_validate(
        {
            "kolommen": ["Scenario 1", "Scenario 2"],
            "totaal": False,
            "regels": [
                {"onderdeel": "Bijdrage", "bedragen": {"Scenario 1": 100, "Scenario 2": 200}},
                {"onderdeel": "Krediet", "bedragen": {"Scenario 1": 900, "Scenario 2": 800}},
            ],
        }
    )
    md = md_tabel(begrotingstabel(bt))
    assert "Totaal" not in md and "1.000" not in md


def test_begroting_regels_and_groepen_together_are_refused() -> None:
    data = {**MEERJARIG, "regels": [{"onderdeel": "X", "bedragen": {"2026": 1, "2027": 1}}]}
    with pytest.raises(ValidationError, match="geef 'regels'"):
        Begrotingstabel.model_validate(data)


@given(
    st.lists(
        st.lists(
            st.lists(st.integers(min_value=-(10**8), max_value=10**8), min_size=2, max_size=2),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    ),
    st.sampled_from(["duizend", "miljoen"]),
)
def test_rounded_begroting_groepen_foot_at_every_level(
    groepen: list[list[list[int]]], eenheid: str
) -> None:
    kolommen = ["2026", "2027"]
    bt = Begrotingstabel.model_validate(
        {
            "eenheid": eenheid,
            "rijtotaal": True,
            "kolommen": kolommen,
            "groepen": [
                {
                    "naam": f"g{g}",
                    "regels": [
                        {"onderdeel": f"r{i}", "bedragen": dict(zip(kolommen, r, strict=True))}
                        for i, r in enumerate(regels)
                    ],
                }
                for g, regels in enumerate(groepen)
            ],
        }
    )
    tabel = begrotingstabel(bt)
    factor = {"duizend": Decimal(1000), "miljoen": Decimal(10**6)}[eenheid]
    rijen = iter(tabel.rijen)
    subtotalen = []
    for regels in groepen:
        next(rijen)  # the heading
        getoond = [[c.getal for c in next(rijen)[1:]] for _ in regels]
        subtotaal = [c.getal for c in next(rijen)[1:]]
        for rij in [*getoond, subtotaal]:
            assert rij[-1] == sum(rij[:-1], Decimal(0))  # type: ignore[arg-type]
        for index in range(len(kolommen) + 1):
            assert subtotaal[index] == sum((r[index] for r in getoond), Decimal(0))  # type: ignore[misc]
        subtotalen.append(subtotaal)
    voet = [c.getal for c in (tabel.voet or [])[1:]]
    for index, _ in enumerate(kolommen):
        assert voet[index] == sum((s[index] for s in subtotalen), Decimal(0))  # type: ignore[misc]
        exact = sum(r[index] for regels in groepen for r in regels)
        assert voet[index] == finance.schaal([Decimal(exact)], factor)[0]
