"""Begrotingstabellen: multi-year, scenarios, mutations, PM, stated totals checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

FINANCIEN = """\
financien:
  onderdelen:
    - titel: Begroting inkoop 2021-2024
      begroting:
        titel: Begroting inkoop (x € 1.000)
        kolommen: ["2021", "2022", "2023", "2024"]
        rijtotaal: true
        regels:
          - onderdeel: Projectleiding
            bedragen: {"2021": 100, "2022": 120, "2023": 80, "2024": PM}
          - onderdeel: Juridisch advies
            bedragen: {"2021": 50, "2022": 25, "2023": 25, "2024": 10}
        totaal: {"2021": 150}
    - titel: Scenario's
      begroting:
        kolommen: [Scenario 1, Scenario 2]
        verschil: [Scenario 1, Scenario 2]
        regels:
          - onderdeel: Inkoop
            bedragen: {Scenario 1: "1.500.000", Scenario 2: "1.725.000"}
    - titel: Mutaties
      begroting:
        kolommen: ["2024", "2025"]
        basis: "2024"
        regels:
          - onderdeel: Jeugdhulp
            bedragen: {"2024": 800, "2025": 1000}
"""


def test_meerjarig_scenario_en_mutaties_in_markdown(tree: Tree, tmp_path: Path) -> None:
    path = tree({"v.yaml": MINIMAAL + FINANCIEN})["v.yaml"]
    resultaat = bouw_bestand(path, tmp_path / "out", formaten=("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    md = resultaat.geschreven[0].read_text(encoding="utf-8")
    assert "| Onderdeel | 2021 | 2022 | 2023 | 2024 | Totaal |" in md
    assert "| Projectleiding | € 100 | € 120 | € 80 | PM | € 300 |" in md
    assert "| **Totaal** | **€ 150** | **€ 145** | **€ 105** | **€ 10** | **€ 410** |" in md
    assert "PM = pro memorie" in md
    assert "| Inkoop | € 1.500.000 | € 1.725.000 | € 225.000 |" in md
    assert "Verschil Scenario 1 en Scenario 2" in md
    assert "| Jeugdhulp | € 800 | € 1.000 | € 200 | 25,00% |" in md


def test_opgegeven_totaal_wordt_gecontroleerd(tree: Tree) -> None:
    path = tree({"v.yaml": MINIMAAL + FINANCIEN.replace('{"2021": 150}', '{"2021": 160}')})[
        "v.yaml"
    ]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    assert [str(p) for p in info.value.problemen] == [
        f"{path}:21: financien.onderdelen[0].begroting.totaal.2021: het opgegeven totaal "
        "€ 160,00 wijkt af van de som € 150,00; pas het totaal of de regels aan"
    ]


def test_ontbrekende_kolom(tree: Tree) -> None:
    path = tree({"v.yaml": MINIMAAL + FINANCIEN.replace(', "2024": 10}', "}")})["v.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    assert "bedrag ontbreekt voor 2024; vul het in of schrijf PM" in str(info.value)


def test_pm_post_in_kostentabel(tree: Tree, tmp_path: Path) -> None:
    extra = """\
financien:
  onderdelen:
    - tabel:
        posten:
          - onderdeel: Inhuur
            bedrag: 1000
          - onderdeel: Juridisch advies
            bedrag: PM
        totaal: 1000
"""
    path = tree({"v.yaml": MINIMAAL + extra})["v.yaml"]
    resultaat = bouw_bestand(path, tmp_path / "out", formaten=("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    md = resultaat.geschreven[0].read_text(encoding="utf-8")
    assert "| Juridisch advies | PM |" in md
    assert "| **Totaal** | **€ 1.000** |" in md


def test_afgeleide_kolommen_tellen_op_met_pm(tree: Tree, tmp_path: Path) -> None:
    financien = """\
financien:
  onderdelen:
    - begroting:
        kolommen: ["2025", "2026"]
        verschil: ["2025", "2026"]
        basis: "2025"
        regels:
          - onderdeel: Inkoop
            bedragen: {"2025": 1000, "2026": 1800}
          - onderdeel: Advies
            bedragen: {"2025": PM, "2026": 100}
          - onderdeel: Beheer
            bedragen: {"2025": 200, "2026": 100}
"""
    path = tree({"v.yaml": MINIMAAL + financien})["v.yaml"]
    resultaat = bouw_bestand(path, tmp_path / "out", formaten=("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    md = resultaat.geschreven[0].read_text(encoding="utf-8")
    assert "| Inkoop | € 1.000 | € 1.800 | € 800 | € 800 | 80,00% |" in md
    assert "| Advies | PM | € 100 | PM | PM | n.v.t. |" in md
    assert "| Beheer | € 200 | € 100 | € -100 | € -100 | -50,00% |" in md
    # 800 - 100 = 700 in each derived column; 700 / (1000 + 200) = 58,33%.
    assert "| **Totaal** | **€ 1.200** | **€ 2.000** | **€ 700** | **€ 700** | **58,33%** |" in md


def test_negatieve_bedragen_in_een_begroting(tree: Tree, tmp_path: Path) -> None:
    financien = """\
financien:
  onderdelen:
    - begroting:
        kolommen: ["2025", "2026"]
        rijtotaal: true
        regels:
          - onderdeel: Bezuiniging
            bedragen: {"2025": -250, "2026": "-1.500,00"}
          - onderdeel: Inkoop
            bedragen: {"2025": 1000, "2026": PM}
"""
    path = tree({"v.yaml": MINIMAAL + financien})["v.yaml"]
    resultaat = bouw_bestand(path, tmp_path / "out", formaten=("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    md = resultaat.geschreven[0].read_text(encoding="utf-8")
    assert "| Bezuiniging | € -250 | € -1.500 | € -1.750 |" in md
    assert "| **Totaal** | **€ 750** | **€ -1.500** | **€ -750** |" in md


def test_negatieve_post_in_kostentabel_blijft_fout(tree: Tree) -> None:
    financien = """\
financien:
  onderdelen:
    - tabel:
        posten:
          - onderdeel: Korting
            bedrag: -500
"""
    path = tree({"v.yaml": MINIMAAL + financien})["v.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    assert [str(p) for p in info.value.problemen] == [
        f"{path}:14: financien.onderdelen[0].tabel.posten[0].bedrag: "
        "mag niet negatief zijn (€ -500,00)"
    ]


def test_verdeling_van_een_onbekende_tabel(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    sleutel = """\
soort: verdeelsleutel
naam: K
componenten:
  - naam: Inwoners
    aandeel: "100%"
    gewichten: {Breda: 1, Oosterhout: 1}
"""
    financien = """\
financien:
  onderdelen:
    - tabel:
        id: pilotkosten
        posten:
          - {onderdeel: Inzet, bedrag: 1000}
      verdeling:
        sleutel: k.yaml
        tabel: kk
"""
    paths = tree({"k.yaml": sleutel, "v.yaml": MINIMAAL + financien})
    with pytest.raises(ValidatieFout) as info:
        validate(load(paths["v.yaml"]))
    assert [str(p) for p in info.value.problemen] == [
        f"{paths['v.yaml']}:17: financien.onderdelen[0].verdeling.tabel: geen kostentabel met "
        "id 'kk'; de kostentabellen met een id zijn: pilotkosten"
    ]
