"""Verdeelsleutels as their own files, and `voorstel allocate`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from voorstel.cli import main
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.validate import laad_sleutel

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

SEED = """\
soort: verdeelsleutel
naam: Verdeelsleutel Regio WBO (zoals gepubliceerd)
eenheid: euro
componenten:
  - naam: Verdeelsleutel
    aandeel: "100%"
    gewichten:
      Altena: "18,33%"
      Breda: "52,07%"
      Drimmelen: "7,24%"
      Geertruidenberg: "6,19%"
      Oosterhout: "16,18%"
"""

TWEE = """\
soort: verdeelsleutel
naam: Verdeelsleutel Regio Zuid 2025
eenheid: cent
componenten:
  - naam: Rato
    aandeel: "25%"
    gewichten:
      Beek: "50%"
      Beekdaelen: "50%"
  - naam: Jongeren <20
    aandeel: "75%"
    gewichten:
      Beek: 1234
      Beekdaelen: 2871
"""


def problemen(path: Path) -> list[str]:
    with pytest.raises(ValidatieFout) as info:
        laad_sleutel(path)
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


def test_percentages_van_de_seed_tellen_op_tot_100_01(tree: Tree) -> None:
    path = tree({"k.yaml": SEED})["k.yaml"]
    assert problemen(path) == [
        "7: componenten[0].gewichten: de percentages van 'Verdeelsleutel' tellen op tot "
        "100,01% in plaats van 100%; corrigeer de percentages of zet 'normaliseren: true' om "
        "ze naar verhouding te schalen"
    ]


def test_validate_noemt_100_01_en_eindigt_met_1(tree: Tree) -> None:
    path = tree({"k.yaml": SEED})["k.yaml"]
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "100,01%" in result.output


def test_normaliseren_schaalt_naar_verhouding(tree: Tree) -> None:
    text = SEED.replace("eenheid: euro\n", "eenheid: euro\nnormaliseren: true\n")
    sleutel = laad_sleutel(tree({"k.yaml": text})["k.yaml"])
    verdeling = sleutel.verdeel(__import__("decimal").Decimal(70000))
    assert sum(verdeling.gemeentetotaal(g) for g in verdeling.gemeenten) == 70000
    assert verdeling.gemeentetotaal("Oosterhout") == 11325


@pytest.mark.parametrize(
    ("wijziging", "verwacht"),
    [
        (
            ('aandeel: "75%"', 'aandeel: "70%"'),
            "4: componenten: de aandelen van de componenten tellen op tot 95,00% in plaats "
            "van 100%; corrigeer de percentages of zet 'normaliseren: true' om ze naar "
            "verhouding te schalen",
        ),
        (
            ("Beek: 1234", 'Beek: "12%"'),
            "12: componenten[1].gewichten: component 'Jongeren <20' mengt percentages en "
            'getallen; gebruik overal percentages ("6,25%") of overal getallen (relatieve '
            "gewichten)",
        ),
        (
            ("Beekdaelen: 2871", "Beekdael: 2871"),
            "12: componenten[1].gewichten: component 'Jongeren <20' mist gemeente(n): Beekdaelen",
        ),
        (
            ('aandeel: "25%"', "aandeel: 25"),
            '6: componenten[0].aandeel: 25 mist het procentteken; schrijf "25%"',
        ),
        (
            ('aandeel: "25%"', 'aandeel: "125%"'),
            "6: componenten[0].aandeel: moet tussen 0% en 100% liggen, niet 125%",
        ),
        (
            ('Beek: "50%"', 'Beek: "-50%"'),
            "8: componenten[0].gewichten.Beek: een gewicht mag niet negatief zijn",
        ),
        (
            ("Beek: 1234", "Beek: -1234"),
            "13: componenten[1].gewichten.Beek: een gewicht mag niet negatief zijn",
        ),
        (
            ("Beek: 1234\n      Beekdaelen: 2871", "Beek: 0\n      Beekdaelen: 0"),
            "12: componenten[1].gewichten: de gewichten van component 'Jongeren <20' zijn "
            "allemaal 0; er valt niets naar te verdelen; geef minstens één gemeente een "
            "gewicht groter dan 0",
        ),
    ],
)
def test_fouten_in_een_sleutel(tree: Tree, wijziging: tuple[str, str], verwacht: str) -> None:
    path = tree({"k.yaml": TWEE.replace(*wijziging)})["k.yaml"]
    assert verwacht in problemen(path)


def test_allocate_tabel(tree: Tree) -> None:
    path = tree({"k.yaml": TWEE})["k.yaml"]
    result = CliRunner().invoke(main, ["allocate", str(path), "1.500"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Verdeelsleutel Regio Zuid 2025: € 1.500,00",
        "",
        "Gemeente        Rato  Jongeren <20      Totaal",
        "----------  --------  ------------  ----------",
        "Beek        € 187,50      € 338,19    € 525,69",
        "Beekdaelen  € 187,50      € 786,81    € 974,31",
        "----------  --------  ------------  ----------",
        "Totaal      € 375,00    € 1.125,00  € 1.500,00",
    ]


@pytest.mark.parametrize("bedrag", ["70000", "70.000", "€ 70.000,00"])
def test_allocate_csv(tree: Tree, bedrag: str) -> None:
    sleutel = SEED.replace('"52,07%"', '"52,06%"')
    path = tree({"k.yaml": sleutel})["k.yaml"]
    result = CliRunner().invoke(main, ["allocate", str(path), bedrag, "--csv"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "gemeente;Verdeelsleutel;totaal\n"
        "Altena;12831;12831\n"
        "Breda;36442;36442\n"
        "Drimmelen;5068;5068\n"
        "Geertruidenberg;4333;4333\n"
        "Oosterhout;11326;11326\n"
        "Totaal;70000;70000\n"
    )


def test_allocate_csv_in_centen(tree: Tree) -> None:
    path = tree({"k.yaml": TWEE})["k.yaml"]
    result = CliRunner().invoke(main, ["allocate", str(path), "1000", "--csv"])
    assert result.output.splitlines() == [
        "gemeente;Rato;Jongeren <20;totaal",
        "Beek;125,00;225,46;350,46",
        "Beekdaelen;125,00;524,54;649,54",
        "Totaal;250,00;750,00;1000,00",
    ]


def test_allocate_fouten(tree: Tree) -> None:
    path = tree({"k.yaml": TWEE})["k.yaml"]
    result = CliRunner().invoke(main, ["allocate", str(path), "1.5"])
    assert result.exit_code == 1
    assert "geen Nederlandse notatie" in result.output
    seed = tree({"s.yaml": SEED})["s.yaml"]
    result = CliRunner().invoke(main, ["allocate", str(seed), "70000"])
    assert result.exit_code == 1
    assert f"{seed}:7: componenten[0].gewichten: de percentages" in result.output
