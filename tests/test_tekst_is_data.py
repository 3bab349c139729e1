"""Text is data, never code: hostile text in every kind of field comes out literally.

Each case goes into plain fields (onderwerp, a beslispunt, a table cell, a bijlage) and
prose fields (samenvatting, a footnote), is built into .docx and .md, and is read back:
from the .docx with python-docx (and its footnotes part), from the .md through a
CommonMark parser, as a reader would see it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from voorstel.bouwen.build import bouw_bestand
from voorstel.uitvoer import pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

VIJANDIG: dict[str, str] = {
    "jinja-expressie": "{{ 7*7 }}",
    "jinja-include": "{% include '/etc/passwd' %}",
    "jinja-commentaar": "{# weg #} {{ range(10**9)|list }}",
    "docxtpl-opener": "a {_{ b",
    "docxtpl-sluiter": "c %_} d",
    "xml-element": "<w:p>",
    "ampersand": "R&D",
    "entiteit": "&amp; &#123; &lt;",
    "kleiner-dan": "a < b",
    "cdata-einde": "]]>",
    "rechts-naar-links": "\u200fשלום\u202e omgekeerd\u202c",
    "emoji": "👩‍👩‍👧 🇳🇱 €",
}

DOCUMENT = """\
soort: collegevoorstel
kopblok:
  datum: 2024-12-05
onderwerp: {tekst}
beslispunten:
  - {tekst}
samenvatting: {proza}
voetnoten:
  noot: {tekst}
financien:
  onderdelen:
    - tabel:
        posten:
          - onderdeel: {tekst}
            bedrag: 100
bijlagen:
  - {tekst}
"""


def _docx_teksten(path: Path) -> list[str]:
    """Every paragraph's text: body, table cells and footnotes (after their number)."""
    document = docx.Document(str(path))
    teksten = [p.text for p in document.paragraphs]
    for table in document.tables:
        teksten.extend(cell.text for row in table.rows for cell in row.cells)
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/footnotes.xml"))
    for p in root.iter(f"{W}p"):
        teksten.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    return teksten


def _md_teksten(text: str) -> list[str]:
    """The text of every inline block as a reader sees it (CommonMark, tables, notes)."""
    tokens = MarkdownIt("commonmark").enable("table").use(footnote_plugin).parse(text)
    return [
        "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))
        for token in tokens
        if token.type == "inline"
    ]


def _bouw(tmp_path: Path, tekst: str) -> dict[str, Path]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    bron = tmp_path / "vijandig.yaml"
    waarden = {"tekst": tekst, "proza": tekst + "[^noot]"}
    yaml = DOCUMENT.format(**{k: json.dumps(v, ensure_ascii=False) for k, v in waarden.items()})
    bron.write_text(yaml, "utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out")
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.suffix: p for p in resultaat.geschreven}


@pytest.mark.parametrize("naam", list(VIJANDIG))
def test_tekst_komt_letterlijk_terug(tmp_path: Path, naam: str) -> None:
    tekst = VIJANDIG[naam]
    uit = _bouw(tmp_path, tekst)

    docx_teksten = _docx_teksten(uit[".docx"])
    # onderwerp, beslispunt, cel, bijlage, samenvatting (its reference is no text)
    assert docx_teksten.count(tekst) == 5
    assert docx_teksten.count(" " + tekst) == 1  # the note, after its number
    assert docx.Document(str(uit[".docx"])).core_properties.title == f"Collegevoorstel: {tekst}"

    md_teksten = _md_teksten(uit[".md"].read_text("utf-8"))
    # onderwerp, beslispunt, samenvatting, cel, bijlage, and the note
    assert md_teksten.count(tekst) == 6


def test_libreoffice_opent_elk_vijandig_document(tmp_path: Path) -> None:
    """Every hostile .docx converts in LibreOffice (one batch), its text still literal."""
    for naam in ("soffice", "pdftotext"):
        if shutil.which(naam) is None:
            if os.environ.get("CI") == "true":
                pytest.fail(f"{naam} ontbreekt in CI")
            pytest.skip(f"{naam} niet geïnstalleerd")
    docx = [_bouw(tmp_path / naam, tekst)[".docx"].read_bytes() for naam, tekst in VIJANDIG.items()]
    pdfs = pdf.converteer(docx)
    for (naam, tekst), data in zip(VIJANDIG.items(), pdfs, strict=True):
        assert data is not None and data.startswith(b"%PDF-"), naam
        if not tekst.isascii():
            continue  # right-to-left and emoji: present, but pdftotext may reorder them
        path = tmp_path / f"{naam}.pdf"
        path.write_bytes(data)
        uit = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        zonder_spaties = "".join(uit.stdout.split())  # pdftotext guesses spaces from gaps
        assert zonder_spaties.count("".join(tekst.split())) >= 4, naam
