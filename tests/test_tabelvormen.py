"""Table shapes of a kostentabel: groepen with subtotals, no total, rounded units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from voorstel.blokken.modellen import Kostentabel
from voorstel.blokken.tabellen import kostentabel
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
