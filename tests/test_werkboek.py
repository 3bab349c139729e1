"""A begroting from a workbook or CSV: read as cached values, refused with the cell named,
tracked as a dependency so a changed cell rebuilds exactly the document that uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from voorstel.cli import main

ROOT = Path(__file__).resolve().parent.parent
VOORBEELD = ROOT / "data" / "dalfsen"

DOC = """\
soort: collegevoorstel
kopblok:
  datum: 2025-11-18
onderwerp: Begrotingswijziging
beslispunten:
  - De begroting te wijzigen.
samenvatting: Kort.
financien:
  onderdelen:
    - begroting:
        bron: {bron}
"""


def _project(tmp_path: Path, bron: str, cellen: dict[str, object] | None = None) -> Path:
    (tmp_path / ".git").mkdir()
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Wijziging"
    for adres, waarde in {
        "A1": "Onderdeel",
        "B1": 2026,
        "A2": "Lasten",
        "B2": -100,
        "A3": "Baten",
        "B3": 40,
        **(cellen or {}),
    }.items():
        blad[adres] = waarde
    boek.save(tmp_path / "begroting.xlsx")
    doc = tmp_path / "voorstel.yaml"
    doc.write_text(DOC.replace("{bron}", bron), encoding="utf-8")
    return doc


def _validate(doc: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", str(doc)])
    return result.exit_code, result.output


GOED = "{bestand: begroting.xlsx, blad: Wijziging, bereik: A1:B3}"


def test_a_begroting_from_a_workbook(tmp_path: Path) -> None:
    doc = _project(tmp_path, GOED)
    out = tmp_path / "build"
    result = CliRunner().invoke(
        main, ["build", str(doc), "--out", str(out), "-q", "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    md = (out / "voorstel.md").read_text(encoding="utf-8")
    assert (
        "| Lasten | -€ 100 |" in md or "| Lasten | € -100 |" in md or "| Lasten | - € 100 |" in md
    )
    assert "| **Totaal** | **-" in md or "**€ -60**" in md


@pytest.mark.parametrize(
    ("bron", "cellen", "bericht"),
    [
        (
            "{bestand: begroting.xlsx, blad: Wijzigingen, bereik: A1:B3}",
            None,
            "begroting.xlsx: blad 'Wijzigingen' bestaat niet; de bladen zijn Wijziging",
        ),
        (GOED, {"B2": "n.v.t."}, "begroting.xlsx, blad Wijziging, cel B2: 'n.v.t.' is geen getal"),
        (
            GOED,
            {"B3": "=B2*2"},
            "begroting.xlsx, blad Wijziging, cel B3: de formule =B2*2 heeft geen berekende "
            "waarde; open de werkmap in Excel (of LibreOffice) en sla hem op",
        ),
        (GOED, {"B3": None}, "begroting.xlsx, blad Wijziging, cel B3: de cel is leeg"),
        (
            "{bestand: begroting.xlsx, blad: Wijziging, bereik: A1:F30}",
            None,
            "begroting.xlsx, blad Wijziging: bereik A1:F30 valt buiten het blad (dat loopt van "
            "A1 tot B3)",
        ),
    ],
)
def test_bad_workbooks_are_refused_with_the_cell(
    tmp_path: Path, bron: str, cellen: dict[str, object] | None, bericht: str
) -> None:
    code, uitvoer = _validate(_project(tmp_path, bron, cellen))
    assert code == 1
    assert "voorstel.yaml:11: financien.onderdelen[0].begroting.bron: " in uitvoer
    assert bericht in uitvoer


def test_a_file_that_is_not_a_workbook(tmp_path: Path) -> None:
    doc = _project(tmp_path, "{bestand: nep.xlsx, bereik: A1:B3}")
    (tmp_path / "nep.xlsx").write_text("geen werkmap", encoding="utf-8")
    code, uitvoer = _validate(doc)
    assert code == 1 and "nep.xlsx is geen Excel-werkmap (.xlsx)" in uitvoer


def test_a_workbook_outside_the_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    doc = _project(project, "{bestand: ../buiten.xlsx, bereik: A1:B3}")
    shutil.copy(project / "begroting.xlsx", tmp_path / "buiten.xlsx")
    code, uitvoer = _validate(doc)
    assert code == 1 and "'../buiten.xlsx' ligt buiten het project" in uitvoer


def test_a_csv_with_dutch_numbers(tmp_path: Path) -> None:
    doc = _project(tmp_path, "{bestand: b.csv, getallen: nl}")
    (tmp_path / "b.csv").write_text("Onderdeel;2026\nLasten;-1.250,50\nBaten;PM\n", "utf-8")
    out = tmp_path / "build"
    result = CliRunner().invoke(
        main, ["build", str(doc), "--out", str(out), "-q", "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    assert "1.250" in (out / "voorstel.md").read_text(encoding="utf-8")


def test_a_csv_needs_its_number_format(tmp_path: Path) -> None:
    doc = _project(tmp_path, "{bestand: b.csv}")
    (tmp_path / "b.csv").write_text("Onderdeel;2026\nLasten;1\n", "utf-8")
    code, uitvoer = _validate(doc)
    assert code == 1 and "geef bij een CSV-bestand de getalnotatie" in uitvoer


def test_a_changed_cell_rebuilds_only_the_document_that_uses_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(VOORBEELD, data)
    (tmp_path / ".git").mkdir()
    out = tmp_path / "build"
    runner = CliRunner()
    eerst = runner.invoke(main, ["build", str(data), "--out", str(out), "--format", "md"])
    assert eerst.exit_code == 0, eerst.output
    boek = openpyxl.load_workbook(data / "begroting-2026.xlsx")
    boek["Wijziging"]["C4"] = -400000
    boek.save(data / "begroting-2026.xlsx")
    daarna = runner.invoke(main, ["build", str(data), "--out", str(out), "--format", "md"])
    assert daarna.exit_code == 0, daarna.output
    assert "begrotingswijziging-jeugdhulp-2026.md" in daarna.output
    assert "rib-inkoop-jeugdhulp-ijsselland.md" not in daarna.output
    md = (out / "begrotingswijziging-jeugdhulp-2026.md").read_text(encoding="utf-8")
    assert "€ 400.000 N" in md


def test_diff_names_the_cell_a_changed_figure_came_from(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    for versie in ("oud", "nieuw"):
        shutil.copytree(VOORBEELD, tmp_path / versie)
    boek = openpyxl.load_workbook(tmp_path / "nieuw" / "begroting-2026.xlsx")
    boek["Wijziging"]["C4"] = -400000
    boek.save(tmp_path / "nieuw" / "begroting-2026.xlsx")
    naam = "begrotingswijziging-jeugdhulp-2026.yaml"
    result = CliRunner().invoke(
        main, ["diff", str(tmp_path / "oud" / naam), str(tmp_path / "nieuw" / naam)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Lasten inkoop jeugdhulp (taakveld 6.72), 2027 (begroting-2026.xlsx, blad Wijziging, "
        "cel C4): € -398.500,00 → € -400.000,00\n" in result.output
    )
    assert result.output.endswith("4 cijfers gewijzigd\n")
