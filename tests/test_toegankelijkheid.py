"""Accessibility for publication, checked in the .docx XML of every example in data/:
language nl-NL, title and author, headings in order, table header rows, alt text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from voorstel.bouwen.build import bouw

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
DATA = ROOT / "data"


@pytest.fixture(scope="module")
def voorbeelden(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example in data/ built once as .docx (variants included), by output name."""
    out = tmp_path_factory.mktemp("toegankelijk")
    resultaten = bouw([DATA], out, ("docx",))
    assert resultaten and all(r.gelukt for r in resultaten), [str(r.fout) for r in resultaten]
    docx = {p.relative_to(out).as_posix(): p for r in resultaten for p in r.geschreven}
    assert len({r.bron for r in resultaten}) >= 3
    return docx


def _xml(docx: Path, deel: str) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(deel))


def _delen(docx: Path, patroon: str) -> list[etree._Element]:
    with zipfile.ZipFile(docx) as archive:
        namen = [n for n in archive.namelist() if re.fullmatch(patroon, n)]
        return [etree.fromstring(archive.read(n)) for n in namen]


def _kopniveaus(docx: Path) -> list[tuple[int, str]]:
    """(level, text) of every heading in the body; the Title counts as level 0."""
    styles = _xml(docx, "word/styles.xml")
    niveaus: dict[str, int] = {}
    for style in styles.findall("w:style", NS):
        naam = style.find("w:name", NS)
        if naam is None:
            continue
        match = re.fullmatch(r"heading (\d)", naam.get(f"{{{W}}}val", "").lower())
        if match:
            niveaus[style.get(f"{{{W}}}styleId", "")] = int(match.group(1))
        elif naam.get(f"{{{W}}}val") == "Title":
            niveaus[style.get(f"{{{W}}}styleId", "")] = 0
    koppen = []
    for p in _xml(docx, "word/document.xml").iter(f"{{{W}}}p"):
        stijl = p.find("w:pPr/w:pStyle", NS)
        if stijl is not None and stijl.get(f"{{{W}}}val") in niveaus:
            tekst = "".join(p.itertext())
            koppen.append((niveaus[stijl.get(f"{{{W}}}val", "")], tekst))
    return koppen


def test_elk_voorbeeld_is_gebouwd(voorbeelden: dict[str, Path]) -> None:
    namen = {Path(n).parent.name for n in voorbeelden}
    assert {"wbo", "dalfsen", "holland-rijnland"} <= namen


def test_taal_is_nederlands(voorbeelden: dict[str, Path]) -> None:
    for naam, docx in voorbeelden.items():
        styles = _xml(docx, "word/styles.xml")
        lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        assert lang is not None, naam
        assert lang.get(f"{{{W}}}val") == "nl-NL", naam
        core = _xml(docx, "docProps/core.xml")
        assert core.findtext("dc:language", namespaces=NS) == "nl-NL", naam


def test_titel_en_auteur(voorbeelden: dict[str, Path]) -> None:
    for naam, docx in voorbeelden.items():
        core = _xml(docx, "docProps/core.xml")
        titel = core.findtext("dc:title", namespaces=NS) or ""
        auteur = core.findtext("dc:creator", namespaces=NS) or ""
        assert ": " in titel and len(titel) > 15, (naam, titel)  # soort: onderwerp
        assert auteur.strip() and auteur != "voorstel", (naam, auteur)  # not the template's


def test_koppen_in_volgorde(voorbeelden: dict[str, Path]) -> None:
    for naam, docx in voorbeelden.items():
        koppen = _kopniveaus(docx)
        assert koppen[0][0] == 0, (naam, koppen[0])  # the title comes first
        assert sum(1 for niveau, _ in koppen if niveau == 0) == 1, naam
        vorige = 0
        for niveau, tekst in koppen:
            assert niveau <= vorige + 1, f"{naam}: kop '{tekst}' slaat een niveau over"
            assert tekst.strip(), f"{naam}: lege kop"
            vorige = niveau


def test_tabellen_hebben_een_kopregel(voorbeelden: dict[str, Path]) -> None:
    """A data table marks its header row; a table of label/value rows has a caption."""
    for naam, docx in voorbeelden.items():
        for tabel in _xml(docx, "word/document.xml").iter(f"{{{W}}}tbl"):
            rijen = tabel.findall("w:tr", NS)
            assert rijen, naam
            if tabel.find("w:tblPr/w:tblCaption", NS) is not None:
                assert len(rijen[0].findall("w:tc", NS)) == 2, naam  # label, waarde
                assert tabel.find("w:tblPr/w:tblDescription", NS) is not None, naam
                continue
            kop = rijen[0].find("w:trPr/w:tblHeader", NS)
            assert kop is not None, f"{naam}: tabel zonder kopregel: {''.join(tabel.itertext())}"
            assert all(r.find("w:trPr/w:tblHeader", NS) is None for r in rijen[1:]), naam


def test_elke_afbeelding_heeft_alternatieve_tekst(voorbeelden: dict[str, Path]) -> None:
    for naam, docx in voorbeelden.items():
        for deel in _delen(docx, r"word/(document|header\d*|footer\d*)\.xml"):
            for doc_pr in deel.iter(f"{{{NS['wp']}}}docPr"):
                assert (doc_pr.get("descr") or "").strip(), f"{naam}: afbeelding zonder alt-tekst"
