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


def test_merged_cells_have_their_own_message(tmp_path: Path) -> None:
    doc = _project(tmp_path, GOED, {"B2": -100})
    boek = openpyxl.load_workbook(tmp_path / "begroting.xlsx")
    boek["Wijziging"].merge_cells("A2:B2")
    boek.save(tmp_path / "begroting.xlsx")
    code, uitvoer = _validate(doc)
    assert code == 1
    assert (
        "begroting.xlsx, blad Wijziging: de cellen A2:B2 zijn samengevoegd; een bron leest elke "
        "cel apart" in uitvoer
    )


KOSTEN = """\
soort: collegevoorstel
kopblok:
  datum: 2025-11-18
onderwerp: Pilot
beslispunten:
  - De kosten te dekken.
samenvatting: Kort.
financien:
  onderdelen:
    - tabel:
        titel: Kosten pilot
        bron: {bestand: kosten.xlsx, bereik: A1:C4}
"""


def _kosten(tmp_path: Path, cellen: dict[str, object] | None = None) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    boek = openpyxl.Workbook()
    blad = boek.active
    for adres, waarde in {
        "A1": "Onderdeel",
        "B1": "Toelichting",
        "C1": "Kosten 2026",
        "A2": "Projectleider",
        "B2": "0,4 fte",
        "C2": 41250.5,
        "A3": "Licenties",
        "C3": "=10*100",
        "A4": "Evaluatie",
        "C4": "PM",
        **(cellen or {}),
    }.items():
        blad[adres] = waarde
    boek.save(tmp_path / "kosten.xlsx")
    # a formula needs its cached value, as Excel or LibreOffice writes it
    if "C3" not in (cellen or {}):
        _met_berekende_waarde(tmp_path / "kosten.xlsx", "C3", 1000)
    doc = tmp_path / "voorstel.yaml"
    doc.write_text(KOSTEN, encoding="utf-8")
    return doc


def _met_berekende_waarde(pad: Path, adres: str, waarde: int) -> None:
    """Write the cached value of a formula into the sheet XML, as a spreadsheet would."""
    import re
    import zipfile

    tijdelijk = pad.with_suffix(".tmp")
    with zipfile.ZipFile(pad) as oud, zipfile.ZipFile(tijdelijk, "w") as nieuw:
        for item in oud.infolist():
            inhoud = oud.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                tekst = inhoud.decode()
                tekst = re.sub(
                    rf'(<c r="{adres}"[^>]*>)<f>([^<]*)</f>(<v\s*/>|<v></v>)?',
                    rf"\1<f>\2</f><v>{waarde}</v>",
                    tekst,
                )
                inhoud = tekst.encode()
            nieuw.writestr(item, inhoud)
    tijdelijk.replace(pad)


def test_a_kostentabel_from_a_workbook(tmp_path: Path) -> None:
    doc = _kosten(tmp_path)
    out = tmp_path / "build"
    result = CliRunner().invoke(
        main, ["build", str(doc), "--out", str(out), "-q", "--format", "md,docx"]
    )
    assert result.exit_code == 0, result.output
    md = (out / "voorstel.md").read_text(encoding="utf-8")
    assert "| Onderdeel | Toelichting | Kosten 2026 |" in md
    assert "| Projectleider | 0,4 fte | € 41.250,50 |" in md
    assert "| Licenties |  | € 1.000 |" in md  # the formula's cached value
    assert "| Evaluatie |  | PM |" in md
    assert "| **Totaal** | | **€ 42.250,50** |" in md
    import docx

    tekst = "\n".join(
        c.text
        for t in docx.Document(str(out / "voorstel.docx")).tables
        for r in t.rows
        for c in r.cells
    )
    assert "Projectleider" in tekst and "Kosten 2026" in tekst


@pytest.mark.parametrize(
    ("cellen", "bericht"),
    [
        ({"C2": -5}, "kosten.xlsx, blad Sheet, cel C2: -5 is negatief"),
        ({"C2": "veel"}, "kosten.xlsx, blad Sheet, cel C2: 'veel' is geen getal"),
        (
            {"A3": None},
            "kosten.xlsx, blad Sheet, cel A3: de cel is leeg; geef de post een onderdeel",
        ),
        ({"B1": "Jaar"}, "een kostentabel heeft precies één kolom met bedragen"),
    ],
)
def test_bad_kostentabel_cells(tmp_path: Path, cellen: dict[str, object], bericht: str) -> None:
    code, uitvoer = _validate(_kosten(tmp_path, cellen))
    assert code == 1
    assert "voorstel.yaml:12: financien.onderdelen[0].tabel.bron: " in uitvoer
    assert bericht in uitvoer


def test_diff_names_the_cell_of_a_kostentabel(tmp_path: Path) -> None:
    for versie, bedrag in (("oud", 41250.5), ("nieuw", 43000)):
        (tmp_path / versie).mkdir()
        _kosten(tmp_path / versie, {"C2": bedrag})
    result = CliRunner().invoke(
        main,
        [
            "diff",
            str(tmp_path / "oud" / "voorstel.yaml"),
            str(tmp_path / "nieuw" / "voorstel.yaml"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "(kosten.xlsx, blad Sheet, cel C2)" in result.output


SLEUTEL = """\
soort: verdeelsleutel
naam: Inwoners 2026
componenten:
  - naam: Inwoners
    aandeel: 100%
    gewichten:
      bron: {bestand: inwoners.xlsx, blad: Inwoners, bereik: A1:B4}
"""


def _sleutel(tmp_path: Path, inwoners: dict[str, object]) -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Inwoners"
    blad["A1"], blad["B1"] = "Gemeente", "Inwoners"
    for rij, (gemeente, aantal) in enumerate(inwoners.items(), start=2):
        blad[f"A{rij}"], blad[f"B{rij}"] = gemeente, aantal
    boek.save(tmp_path / "inwoners.xlsx")
    pad = tmp_path / "sleutel.yaml"
    pad.write_text(SLEUTEL, encoding="utf-8")
    return pad


def test_verdeelsleutel_weights_from_a_workbook(tmp_path: Path) -> None:
    sleutel = _sleutel(tmp_path, {"Dalfsen": 28000, "Olst-Wijhe": 18000, "Raalte": 37000})
    result = CliRunner().invoke(main, ["allocate", str(sleutel), "83000"])
    assert result.exit_code == 0, result.output
    assert "Dalfsen" in result.output and "28.000" in result.output
    assert "Raalte" in result.output and "37.000" in result.output


def test_verdeelsleutel_workbook_errors_name_the_cell(tmp_path: Path) -> None:
    sleutel = _sleutel(tmp_path, {"Dalfsen": 28000, "Dalfsen ": 1, "Raalte": "veel"})
    result = CliRunner().invoke(main, ["validate", str(sleutel)])
    assert result.exit_code == 1
    assert "sleutel.yaml:7: componenten[0].gewichten.bron: " in result.output
    assert "inwoners.xlsx, blad Inwoners, cel A3: 'Dalfsen' staat twee keer" in result.output


def test_a_changed_weight_rebuilds_the_documents_of_that_key(tmp_path: Path) -> None:
    _sleutel(tmp_path, {"Dalfsen": 28000, "Olst-Wijhe": 18000, "Raalte": 37000})
    _kosten(tmp_path)
    (tmp_path / "ander.yaml").write_text(KOSTEN.replace("Pilot", "Ander"), encoding="utf-8")
    verdeling = "    - verdeling:\n        sleutel: sleutel.yaml\n        bedrag: 83000\n"
    (tmp_path / "voorstel.yaml").write_text(
        KOSTEN.replace("    - tabel:", verdeling + "    - tabel:"), encoding="utf-8"
    )
    out = tmp_path / "build"
    runner = CliRunner()
    args = ["build", str(tmp_path), "--out", str(out), "--format", "md"]
    eerst = runner.invoke(main, args)
    assert eerst.exit_code == 0, eerst.output
    assert "| Dalfsen | 33,73% | € 28.000,00 |" in (out / "voorstel.md").read_text("utf-8")
    boek = openpyxl.load_workbook(tmp_path / "inwoners.xlsx")
    boek["Inwoners"]["B2"] = 38000
    boek.save(tmp_path / "inwoners.xlsx")
    daarna = runner.invoke(main, args)
    assert daarna.exit_code == 0, daarna.output
    assert daarna.output.splitlines()[-1] == "1 van 2 documenten gewijzigd, 1 gemaakt"
    # 38.000 of 93.000 inwoners: 40,86% of € 83.000, in whole euros (the key's eenheid)
    assert "| Dalfsen | 40,86% | € 33.914,00 |" in (out / "voorstel.md").read_text("utf-8")
