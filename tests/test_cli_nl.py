"""Click's own texts in Dutch: help headings, the help option, usage errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from voorstel.cli import main
from voorstel.cli.nl import vertaal


def test_hulp_is_nederlands() -> None:
    result = CliRunner().invoke(main, ["--help"], prog_name="voorstel")
    assert result.exit_code == 0
    assert result.output.startswith("Gebruik: voorstel [OPTIES] OPDRACHT [ARGUMENTEN]...")
    for kop in ("Opties:", "Opdrachten:", "Toon deze hulptekst en stop."):
        assert kop in result.output
    for engels in ("Usage:", "Options:", "Commands:", "Show this message"):
        assert engels not in result.output


def test_hulp_van_build_heeft_nederlandse_waarden() -> None:
    result = CliRunner().invoke(main, ["build", "-h"], prog_name="voorstel")
    assert "-o, --out MAP" in result.output
    assert "[standaard: uit voorstel.toml, anders build]" in " ".join(result.output.split())
    assert "[default" not in result.output and "DIRECTORY" not in result.output


@pytest.mark.parametrize(
    ("args", "fout"),
    [
        (["build", "--nope"], "Fout: onbekende optie --nope."),
        (["validate"], "Fout: argument BESTANDEN... ontbreekt."),
        (["frobnicate"], "Fout: onbekende opdracht 'frobnicate'."),
        (["validate", "weg.yaml"], "Fout: 'BESTANDEN...': 'weg.yaml' bestaat niet."),
        (
            ["new", "brief", "x.yaml"],
            "Fout: 'SOORT': 'brief' is geen geldige keuze; kies uit 'ambtsdragers', "
            "'collegevoorstel', 'inkoopstrategie', 'memo', 'raadsinformatiebrief', "
            "'raadsvoorstel', 'verdeelsleutel'.",
        ),
        (["allocate", "data", "1"], "Fout: 'SLEUTEL': 'data' is een map."),
        (["build", "-j", "abc"], "Fout: '--jobs' / '-j': 'abc' is geen geheel getal."),
    ],
)
def test_gebruiksfouten_in_het_nederlands(args: list[str], fout: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="voorstel")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == fout
    assert "Zie 'voorstel" in result.output


def test_onbekende_melding_blijft_staan() -> None:
    assert vertaal("Something new.") == "Something new."


@pytest.mark.parametrize(
    ("engels", "nederlands"),
    [
        ("Invalid value for '-j': '1,5' is not a valid float.", "'-j': '1,5' is geen getal."),
        ("Invalid value for 'X': 'a' is not 'b'.", "'X': 'a' is geen geldige keuze; kies 'b'."),
        (
            "Invalid value for '--x': 'nee?' is not a valid boolean. Recognized values: 1, 0",
            "'--x': 'nee?' is geen ja/nee-waarde.",
        ),
        ("Invalid value for '-j': 0 is not in the range x>=1.", "'-j': 0 is te klein; minstens 1."),
        ("Invalid value for '-j': 0 is not in the range x>0.", "'-j': 0 is te klein; meer dan 0."),
        (
            "Invalid value for '-j': 9 is not in the range x<=8.",
            "'-j': 9 is te groot; hoogstens 8.",
        ),
        (
            "Invalid value for '-j': 8 is not in the range x<8.",
            "'-j': 8 is te groot; minder dan 8.",
        ),
        (
            "Invalid value for '-j': 9 is not in the range 1<=x<=8.",
            "'-j': 9 ligt niet tussen 1 en 8 (die meegerekend).",
        ),
        (
            "Invalid value for '-j': 9 is not in the range 1<x<8.",
            "'-j': 9 ligt buiten het bereik 1<x<8.",
        ),
    ],
)
def test_klik_typefouten_in_het_nederlands(engels: str, nederlands: str) -> None:
    assert vertaal(engels) == nederlands
