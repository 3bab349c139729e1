"""The prose check: amounts typed in a text must be figures of the document."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from voorstel.bouwen.bedragen import bedragen_in
from voorstel.cli import main

ROOT = Path(__file__).resolve().parent.parent
JIM = ROOT / "data" / "wbo" / "jim.yaml"


def _jim(tmp_path: Path, oud: str, nieuw: str) -> Path:
    doel = tmp_path / "wbo"
    doel.mkdir()
    (tmp_path / ".git").mkdir()
    for naam in ("verdeelsleutel-wbo-2024.yaml",):
        (doel / naam).write_text((JIM.parent / naam).read_text("utf-8"), "utf-8")
    tekst = JIM.read_text("utf-8")
    assert oud in tekst
    (doel / "jim.yaml").write_text(tekst.replace(oud, nieuw, 1), "utf-8")
    return doel / "jim.yaml"


BUDGET = "Voor WBO is er een budget van € 750.000"
BREDA = "Voor WBO is er een bijdrage van Breda van € 36.449 (en een budget van € 750.000"


def test_the_published_100_01_variant_is_caught(tmp_path: Path) -> None:
    """Breda's € 36.449 of the published variant against the computed € 36.442."""
    pad = _jim(tmp_path, BUDGET, BREDA)
    result = CliRunner().invoke(main, ["validate", str(pad)])
    assert result.exit_code == 0
    assert (
        "waarschuwing: € 36.449 in de tekst wijkt minder dan 1% af van het berekende "
        "€ 36.442,00: een tikfout?" in result.output
    )
    streng = CliRunner().invoke(main, ["validate", "--streng", str(pad)])
    assert streng.exit_code == 1
    assert "financien.tekst: € 36.449 in de tekst wijkt minder dan 1% af" in streng.output
    assert "1 probleem gevonden" in streng.output


def test_an_amount_that_is_no_figure_warns_and_losse_bedragen_silence_it(
    tmp_path: Path,
) -> None:
    pad = _jim(tmp_path, BUDGET, "Voor WBO is er een budget van € 812.000")
    result = CliRunner().invoke(main, ["validate", str(pad)])
    assert "€ 812.000 in de tekst is geen cijfer van dit document" in result.output
    tekst = pad.read_text("utf-8").replace('"€ 750.000",', '"€ 750.000", "€ 812.000",')
    pad.write_text(tekst, "utf-8")
    stil = CliRunner().invoke(main, ["validate", "--streng", str(pad)])
    assert (stil.exit_code, stil.output) == (0, f"{pad}: geldig\n")


def test_the_examples_pass_the_strict_check() -> None:
    result = CliRunner().invoke(main, ["validate", "--streng", str(ROOT / "data")])
    assert result.exit_code == 0, result.output
    assert "waarschuwing" not in result.output


def test_amounts_in_dutch_notation() -> None:
    assert [w for _, w in bedragen_in("€ 11.326,00, €5.100.000 en € 2,25 miljoen")] == [
        11326,
        5100000,
        2250000,
    ]


def test_an_amount_marked_los_is_written_and_not_checked(tmp_path: Path) -> None:
    pad = _jim(tmp_path, BUDGET, "Voor WBO is er een budget van {{ '€ 812.000'|los }}")
    result = CliRunner().invoke(main, ["validate", "--streng", str(pad)])
    assert (result.exit_code, result.output) == (0, f"{pad}: geldig\n")
    out = tmp_path / "build"
    bouw = CliRunner().invoke(
        main, ["build", str(pad), "--out", str(out), "-q", "--format", "md,docx"]
    )
    assert bouw.exit_code == 0, bouw.output
    md = (out / "jim-breda.md").read_text("utf-8")
    assert "Voor WBO is er een budget van € 812.000" in md and "|los" not in md
    import docx

    tekst = "\n".join(p.text for p in docx.Document(str(out / "jim-breda.docx")).paragraphs)
    assert "budget van € 812.000" in tekst and "los }}" not in tekst


def test_the_warning_says_how_to_mark_an_amount(tmp_path: Path) -> None:
    pad = _jim(tmp_path, BUDGET, "Voor WBO is er een budget van € 812.000")
    result = CliRunner().invoke(main, ["validate", str(pad)])
    assert "of schrijf {{ '€ 812.000'|los }} of zet het bedrag onder 'losse_bedragen'" in (
        result.output
    )
