"""Tables with prose cells (risico's, randvoorwaarden, begrippen): computed like every
table; in Word the prose's paragraphs and lists inside the cell, in Markdown a heading per
row with its texts under it, since a pipe table cannot hold a list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from conftest import MINIMAAL
from test_sjabloonfouten import _fout, _md
from voorstel.blokken.tabellen import cel, tabel
from voorstel.uitvoer.tabel import docx_tabel, md_tabel


def test_markdown_van_een_tabel_met_proza() -> None:
    view = tabel(
        "Titel",
        ["Naam", "Uitleg", "Actie"],
        [
            [cel("Een *ster*"), cel("Tekst\n\n- een\n- twee", "proza"), cel(None, "proza")],
            [cel("Twee"), cel("Kort.", "proza"), cel("Doen.", "proza")],
        ],
        noot="Een noot.",
    )
    view.rijlabel = "Voorwaarde"
    assert md_tabel(view, kopniveau=4) == (
        "*Titel*\n\n#### Voorwaarde: Een \\*ster\\*\n\nTekst\n\n- een\n- twee\n\n"
        "#### Voorwaarde: Twee\n\nKort.\n\n*Actie*\n\nDoen.\n\n*Een noot.*"
    )
    view.rijlabel = None
    assert md_tabel(view, lambda tekst: tekst.upper()).startswith(
        "*Titel*\n\n**Een \\*ster\\***\n\nTEKST\n\n- EEN\n- TWEE\n\n**Twee**"
    )


def test_een_tabel_zonder_proza_blijft_een_markdowntabel() -> None:
    view = tabel(None, ["Wanneer", "Wat"], [[cel("Q1 2025"), cel("Besluit *raad*")]])
    assert not view.heeft_proza
    assert md_tabel(view, kopniveau=3) == (
        "| Wanneer | Wat |\n|---|---|\n| Q1 2025 | Besluit \\*raad\\* |"
    )


def test_word_schrijft_proza_in_de_cel() -> None:
    """The prose writer fills the cell in place of its empty paragraph; an empty prose cell
    keeps the one paragraph Word needs. A row of prose may run over a page."""
    document = docx.Document()

    def proza(cell: Any, tekst: str) -> None:
        for alinea in tekst.split("\n\n"):
            cell.add_paragraph(alinea)

    view = tabel(None, ["Naam", "Uitleg"], [[cel("Een"), cel("Eerste.\n\nTweede.", "proza")]])
    view.rijen.append([cel("Twee"), cel(None, "proza")])
    docx_tabel(document, view, proza)
    (tabel_,) = document.tables
    assert [p.text for p in tabel_.rows[1].cells[1].paragraphs] == ["Eerste.", "Tweede."]
    assert [p.text for p in tabel_.rows[2].cells[1].paragraphs] == [""]
    rijen = list(tabel_._tbl.iter(qn("w:tr")))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for r in rijen)
    assert rijen[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_een_tabel_zonder_proza_houdt_zijn_regels_bij_elkaar() -> None:
    """A table of short texts keeps its rows whole (and a small one on one page); only a
    table with prose lets a row run over a page."""
    document = docx.Document()
    docx_tabel(document, tabel(None, ["Wanneer", "Wat"], [[cel("Q1"), cel("Besluit")]]))
    rijen = list(document.tables[0]._tbl.iter(qn("w:tr")))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rijen)


def test_een_filter_zonder_argumenten_krijgt_er_geen(tmp_path: Path) -> None:
    map_ = _md(tmp_path, "{{ samenvatting|tekst(3) }}\n")
    assert _fout(tmp_path, map_, "md", MINIMAAL).endswith(
        "het filter 'tekst' krijgt geen argumenten, niet 1; controleer het sjabloon"
    )
