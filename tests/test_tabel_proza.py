"""Tables with prose cells (risico's, randvoorwaarden, begrippen): computed like every
table; in Word the prose's paragraphs and lists inside the cell, in Markdown a heading per
row with its texts under it, since a pipe table cannot hold a list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn

from conftest import MINIMAAL, word_tabel
from test_inkoopstrategie import KLEIN
from test_raadsvoorstel import STARTER, bouw
from test_sjabloonfouten import _fout, _md
from voorstel.blokken.tabellen import cel, tabel
from voorstel.bouwen.build import bouw_bestand
from voorstel.uitvoer.tabel import md_tabel

RISICOS = """\
risicos:
  tekst: Er zijn twee risico's.
  lijst:
    - risico: Vertraging
      omschrijving: |
        Besluiten komen *later* dan gepland[^plan].

        Een tweede alinea.

        [^plan]: Zie de planning.
    - risico: Kosten
      omschrijving: Het wordt duurder.
      beheersmaatregelen: |
        1. Eerst dit.
        2. Dan **dat**.
"""


@pytest.fixture
def gebouwd(tmp_path: Path) -> dict[str, Path]:
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL + RISICOS, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", ["docx", "md"])
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.suffix: p for p in resultaat.geschreven}


def test_risicos_in_word_als_tabel_met_tekst_in_de_cellen(gebouwd: dict[str, Path]) -> None:
    document = docx.Document(str(gebouwd[".docx"]))
    (tabel_,) = document.tables
    kop, vertraging, kosten = tabel_.rows
    assert [c.text for c in kop.cells] == ["Risico", "Omschrijving", "Beheersmaatregelen"]
    omschrijving = vertraging.cells[1].paragraphs
    assert [p.text for p in omschrijving] == [
        "Besluiten komen later dan gepland.",
        "Een tweede alinea.",
    ]
    assert [r.text for r in omschrijving[0].runs if r.italic] == ["later"]
    assert omschrijving[0]._p.find(f".//{qn('w:footnoteReference')}") is not None
    # an empty cell keeps one (empty) paragraph: Word needs one in every cell
    assert [p.text for p in vertraging.cells[2].paragraphs] == [""]
    maatregelen = kosten.cells[2].paragraphs
    assert [(p.style.name, p.text) for p in maatregelen] == [
        ("List Number", "Eerst dit."),
        ("List Number", "Dan dat."),
    ]
    assert all(p._p.pPr.numPr is not None for p in maatregelen)
    # a row of prose may run over a page: it may split, the header repeats
    rijen = list(tabel_._tbl.iter(qn("w:tr")))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for r in rijen)
    assert rijen[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_risicos_in_markdown_een_kop_per_risico(gebouwd: dict[str, Path]) -> None:
    md = gebouwd[".md"].read_text(encoding="utf-8")
    assert (
        "## Risico's\n\nEr zijn twee risico's.\n\n"
        "### Vertraging\n\nBesluiten komen *later* dan gepland[^1].\n\nEen tweede alinea.\n\n"
        "### Kosten\n\nHet wordt duurder.\n\n*Beheersmaatregelen*\n\n1. Eerst dit.\n"
        "2. Dan **dat**.\n\n"
    ) in md
    assert md.endswith("[^1]: Zie de planning.\n")


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

    def proza(tekst: str) -> str:
        return "".join(f"<w:p><w:r><w:t>{a}</w:t></w:r></w:p>" for a in tekst.split("\n\n"))

    view = tabel(None, ["Naam", "Uitleg"], [[cel("Een"), cel("Eerste.\n\nTweede.", "proza")]])
    view.rijen.append([cel("Twee"), cel(None, "proza")])
    word_tabel(document, view, proza)
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
    word_tabel(document, tabel(None, ["Wanneer", "Wat"], [[cel("Q1"), cel("Besluit")]]))
    rijen = list(document.tables[0]._tbl.iter(qn("w:tr")))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rijen)


@pytest.mark.parametrize(
    ("tag", "melding"),
    [
        (
            "{{ risicos.tabel|tabel(9) }}",
            "het filter 'tabel' krijgt als kopniveau het aantal #-tekens van de kop per regel, "
            "van 1 tot 6, niet 9; controleer het sjabloon",
        ),
        (
            "{{ risicos.tabel|tabel('drie') }}",
            "het filter 'tabel' krijgt als kopniveau het aantal #-tekens van de kop per regel, "
            "van 1 tot 6, niet 'drie'; controleer het sjabloon",
        ),
        (
            "{{ risicos.tabel|tabel(3, 4) }}",
            "het filter 'tabel' krijgt hoogstens één argument, niet 2; controleer het sjabloon",
        ),
        (
            "{{ samenvatting|tekst(3) }}",
            "het filter 'tekst' krijgt geen argumenten, niet 1; controleer het sjabloon",
        ),
    ],
)
def test_verkeerd_argument_van_een_filter(tmp_path: Path, tag: str, melding: str) -> None:
    map_ = _md(tmp_path, tag + "\n")
    assert _fout(tmp_path, map_, "md", MINIMAAL + RISICOS).endswith(melding)


RANDVOORWAARDEN = """\
randvoorwaarden:
  lijst:
    - randvoorwaarde: Draagvlak
      omschrijving: Alle partijen zijn *nodig*.
      actie: |
        - Betrekken van stakeholders.
        - Communiceren.
"""


@pytest.fixture
def inkoop(tmp_path: Path) -> dict[str, Path]:
    tekst = KLEIN.replace("blokken: [planning]", "blokken: [planning, randvoorwaarden]")
    bron = tmp_path / "inkoop.yaml"
    bron.write_text(tekst + RANDVOORWAARDEN, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", ["docx", "md"])
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.suffix: p for p in resultaat.geschreven}


def _tabel_met_kop(document: Any, *kop: str) -> Any:
    (gevonden,) = [t for t in document.tables if [c.text for c in t.rows[0].cells] == list(kop)]
    return gevonden


def test_randvoorwaarden_en_begrippen_in_word(inkoop: dict[str, Path]) -> None:
    document = docx.Document(str(inkoop[".docx"]))
    randvoorwaarden = _tabel_met_kop(document, "Randvoorwaarde", "Omschrijving", "Actie")
    (rij,) = randvoorwaarden.rows[1:]
    assert rij.cells[0].text == "Draagvlak"
    assert [r.text for r in rij.cells[1].paragraphs[0].runs if r.italic] == ["nodig"]
    assert [(p.style.name, p.text) for p in rij.cells[2].paragraphs] == [
        ("List Bullet", "Betrekken van stakeholders."),
        ("List Bullet", "Communiceren."),
    ]
    begrippen = _tabel_met_kop(document, "Begrip", "Definitie")
    assert [[c.text for c in r.cells] for r in begrippen.rows[1:]] == [
        ["analyse", "Onderzoek."],
        ["Één", "Getal."],
        ["Zorg", "Hulp."],
    ]


def test_randvoorwaarden_en_begrippen_in_markdown(inkoop: dict[str, Path]) -> None:
    md = inkoop[".md"].read_text(encoding="utf-8")
    # the paragraph is of level 2 (###): each randvoorwaarde a level-4 heading under it
    assert (
        "#### Randvoorwaarde: Draagvlak\n\nAlle partijen zijn *nodig*.\n\n*Actie*\n\n"
        "- Betrekken van stakeholders.\n- Communiceren.\n\n"
    ) in md
    assert "**analyse**\n\nOnderzoek.\n\n**Één**\n\nGetal.\n\n**Zorg**\n\nHulp.\n" in md
    assert "| Randvoorwaarde |" not in md and "| Begrip |" not in md


def test_planning_van_een_raadsvoorstel_is_een_gewone_tabel(tmp_path: Path) -> None:
    """The planning holds short texts only: a pipe table in Markdown, and in Word a table
    whose rows do not split."""
    gebouwd = bouw(STARTER, tmp_path)
    md = gebouwd[".md"].read_text(encoding="utf-8")
    assert "| Wanneer | Wat |\n|---|---|\n| april 2025 | Besluit van de raad |\n" in md
    document = docx.Document(str(gebouwd[".docx"]))
    planning = _tabel_met_kop(document, "Wanneer", "Wat")
    assert [[c.text for c in r.cells] for r in planning.rows[1:]] == [
        ["april 2025", "Besluit van de raad"]
    ]
    rijen = list(planning._tbl.iter(qn("w:tr")))
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rijen)
