"""Click's own texts in Dutch: help headings, the help option, usage errors."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from voorstel.cli import main
from voorstel.cli_nl import vertaal


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
    assert "[standaard: build]" in result.output
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
            "Fout: 'SOORT': 'brief' is geen geldige keuze; kies uit 'collegevoorstel', "
            "'inkoopstrategie', 'memo', 'raadsinformatiebrief'.",
        ),
        (["allocate", "data", "1"], "Fout: 'SLEUTEL': 'data' is een map."),
    ],
)
def test_gebruiksfouten_in_het_nederlands(args: list[str], fout: str) -> None:
    result = CliRunner().invoke(main, args, prog_name="voorstel")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == fout
    assert "Zie 'voorstel" in result.output


def test_onbekende_melding_blijft_staan() -> None:
    assert vertaal("Something new.") == "Something new."
