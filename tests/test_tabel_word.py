"""Word tables: rows that do not split, small tables kept with their caption, a header that
repeats, and column widths from content, in the XML and in the PDF LibreOffice makes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
from docx.oxml.ns import qn

from conftest import word_tabel
from test_libreoffice import programma
from voorstel.blokken.modellen import Kostentabel
from voorstel.blokken.tabellen import kostentabel

LANG = (
    "Inzet van een kwartiermaker die de stuurgroep faciliteert, de werkgroepen organiseert "
    "en de voortgang rapporteert aan het regionaal bestuurlijk overleg"
)


def _word(aantal: int, path: Path) -> Path:
    posten = [{"onderdeel": LANG, "bedrag": 30000}] + [
        {"onderdeel": f"Post {i}", "bedrag": 1000} for i in range(aantal - 1)
    ]
    document = docx.Document()
    word_tabel(
        document, kostentabel(Kostentabel.model_validate({"titel": "Kosten", "posten": posten}))
    )
    document.save(str(path))
    return path


def _rijen(path: Path) -> list[object]:
    return list(docx.Document(str(path)).tables[0]._tbl.iter(qn("w:tr")))


def test_no_row_splits_and_the_header_repeats(tmp_path: Path) -> None:
    rijen = _rijen(_word(30, tmp_path / "a.docx"))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rijen)
    assert rijen[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert rijen[1].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None


def _houdt_bij_volgende(rij: object) -> bool:
    return rij.find(f".//{qn('w:keepNext')}") is not None  # type: ignore[attr-defined]


def test_a_small_table_keeps_with_its_caption_and_together(tmp_path: Path) -> None:
    path = _word(5, tmp_path / "klein.docx")
    bijschrift = docx.Document(str(path)).paragraphs[0]
    assert bijschrift.text == "Kosten" and bijschrift.paragraph_format.keep_with_next
    rijen = _rijen(path)
    assert all(_houdt_bij_volgende(r) for r in rijen[:-1])
    assert not _houdt_bij_volgende(rijen[-1])


def test_a_long_table_may_break_between_rows(tmp_path: Path) -> None:
    assert not any(_houdt_bij_volgende(r) for r in _rijen(_word(30, tmp_path / "lang.docx")))


def _breedtes(path: Path) -> list[int]:
    grid = docx.Document(str(path)).tables[0]._tbl.tblGrid
    return [int(c.get(qn("w:w"))) for c in grid.iter(qn("w:gridCol"))]


def test_the_text_column_gets_the_room(tmp_path: Path) -> None:
    tekst, bedrag = _breedtes(_word(3, tmp_path / "b.docx"))
    assert tekst > 4 * bedrag


def test_the_pdf_lays_the_amounts_out_narrow(tmp_path: Path) -> None:
    soffice, pdftotext = programma("soffice"), programma("pdftotext")
    path = _word(3, tmp_path / "tabel.docx")
    profiel = tmp_path / "profiel"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profiel.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    bbox = subprocess.run(
        [pdftotext, "-bbox", str(tmp_path / "tabel.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pagina = float(re.search(r'<page width="([\d.]+)"', bbox).group(1))  # type: ignore[union-attr]
    woorden = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox)
    x_bedrag = min(float(x) for x, _, w in woorden if w == "30.000")
    regels_lang = {y for _, y, w in woorden if w in LANG.split()}
    # the amount column starts past three quarters of the page: not an equal half
    assert x_bedrag > 0.7 * pagina
    # and the long description wraps over at most three lines beside it (equal halves: six)
    assert len(regels_lang) <= 3


def test_many_figure_columns_leave_the_text_column_readable() -> None:
    from voorstel.blokken.begroting import Begrotingstabel
    from voorstel.blokken.tabellen import begrotingstabel
    from voorstel.uitvoer.tabel import MINIMUM_TEKST, TEKSTBREEDTE, inhoudsbreedtes

    kolommen = ["2026", "2027", "2028", "2029"]
    bt = Begrotingstabel.model_validate(
        {
            "kolommen": kolommen,
            "rijtotaal": True,
            "saldo": "vn",
            "regels": [
                {
                    "onderdeel": "Lasten contractmanagement (taakveld 6.72)",
                    "bedragen": dict.fromkeys(kolommen, -1398500),
                }
            ],
        }
    )
    breedtes = inhoudsbreedtes(begrotingstabel(bt))
    assert breedtes[0] >= MINIMUM_TEKST
    assert abs(sum(breedtes) - TEKSTBREEDTE) < 0.05
