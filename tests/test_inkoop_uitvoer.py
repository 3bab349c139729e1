"""The inkoopstrategie example as Word, Markdown and PDF: table of contents, headings,
tables, charts with alt text, and chart bytes that depend on the data only."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT
from voorstel.bouwen.build import bouw_bestand
from voorstel.uitvoer.figuren import lijndiagram

VOORBEELD = ROOT / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"
GOLDEN = ROOT / "tests" / "golden" / "inkoopstrategie-jeugdhulp-2027.md"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {
    "w": W[1:-1],
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
}


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("inkoop")
    resultaat = bouw_bestand(VOORBEELD, out)
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.waarschuwingen == []
    return {p.name.removeprefix("inkoopstrategie-jeugdhulp-2027"): p for p in resultaat.geschreven}


def xml(docx: Path, deel: str) -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(deel))


def test_uitvoer_met_figuren_naast_de_md(gebouwd: dict[str, Path]) -> None:
    assert sorted(gebouwd) == sorted([".docx", ".md", *(f"-figuur-{n}.png" for n in range(1, 6))])
    assert all(gebouwd[f"-figuur-{n}.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for n in (1, 5))


def test_inhoudsopgave_is_een_word_veld(gebouwd: dict[str, Path]) -> None:
    document = xml(gebouwd[".docx"], "word/document.xml")
    instructies = [t.text for t in document.iter(f"{W}instrText")]
    assert ' TOC \\o "1-3" \\h \\z \\u ' in instructies
    settings = xml(gebouwd[".docx"], "word/settings.xml")
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"


def koppen(document: etree._Element) -> list[tuple[str, str]]:
    result = []
    for p in document.iter(f"{W}p"):
        stijl = p.find(f"{W}pPr/{W}pStyle")
        if stijl is not None and stijl.get(f"{W}val", "").startswith("Heading"):
            result.append((stijl.get(f"{W}val"), "".join(t.text or "" for t in p.iter(f"{W}t"))))
    return result


def test_genummerde_koppen_in_kopstijlen(gebouwd: dict[str, Path]) -> None:
    lijst = koppen(xml(gebouwd[".docx"], "word/document.xml"))
    assert ("Heading1", "2 Marktanalyse") in lijst
    assert ("Heading2", "4.3 Inrichtingskeuzes voor de inkoop") in lijst
    assert ("Heading3", "4.3.1 Looptijd van de overeenkomst") in lijst
    assert ("Heading3", "5.3.1 Looptijd van de overeenkomst(en)") in lijst
    assert ("Heading1", "Bijlage 2: Begrippenlijst") in lijst
    document = xml(gebouwd[".docx"], "word/document.xml")
    ankers = {b.get(f"{W}name") for b in document.iter(f"{W}bookmarkStart")}
    assert {"_Toc_1", "_Toc_4_3_1", "_Toc_bijlage_2"} <= ankers


def test_tabellen_en_teksten(gebouwd: dict[str, Path]) -> None:
    document = xml(gebouwd[".docx"], "word/document.xml")
    tekst = "".join(t.text or "" for t in document.iter(f"{W}t"))
    for verwacht in (
        "De duur van de overeenkomst is vijf jaar met twee verlengingsopties van één jaar.",
        "In totaal contracteren we dus minimaal twee en maximaal drie contractpartners",
        "Bijbehorend document",
        "Q1 2025",
        "Q2 2026",
        "€ 72.000.000",
        "Was: overeenkomst",
    ):
        assert verwacht in tekst, verwacht
    kopregels = [
        "".join(t.text or "" for t in tbl.find(f"{W}tr").iter(f"{W}t"))
        for tbl in document.iter(f"{W}tbl")
    ]
    for kop in ("RisicoOmschrijvingBeheersmaatregelen", "RandvoorwaardeOmschrijvingActie"):
        assert kop in kopregels


def test_figuren_met_alt_tekst(gebouwd: dict[str, Path]) -> None:
    document = xml(gebouwd[".docx"], "word/document.xml")
    beschrijvingen = [d.get("descr") for d in document.iterfind(".//wp:docPr", NS)]
    assert len(beschrijvingen) == 5
    assert beschrijvingen[0].startswith(
        "Lijndiagram: jeugdigen die hulp ontvingen per jaar in Altena, 2018 tot en met 2024. "
        "2018: 1.310; 2019: 1.344 (+2,60% ten opzichte van 2018)"
    )
    md = gebouwd[".md"].read_text(encoding="utf-8")
    assert "![Lijndiagram: jeugdigen die hulp ontvingen per jaar in Breda" in md
    assert "](inkoopstrategie-jeugdhulp-2027-figuur-2.png)" in md


def test_markdown_gelijk_aan_golden_bestand(gebouwd: dict[str, Path]) -> None:
    rendered = gebouwd[".md"].read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


FIGUUR = {
    "titel": "Drimmelen",
    "jaren": [2018, 2019, 2020],
    "waarden": [570, 640, 624],
    "veranderingen": [None, Decimal("12.28"), Decimal("-2.50")],
    "alt": "Lijndiagram",
}


def test_zelfde_data_geeft_zelfde_png() -> None:
    assert lijndiagram(FIGUUR) == lijndiagram(dict(FIGUUR))
    assert b"Software" not in lijndiagram(FIGUUR)


def test_andere_data_geeft_andere_png() -> None:
    assert lijndiagram(FIGUUR) != lijndiagram({**FIGUUR, "waarden": [570, 640, 625]})


def test_pdf_van_minstens_acht_paginas(gebouwd: dict[str, Path], tmp_path: Path) -> None:
    soffice, pdfinfo = shutil.which("soffice"), shutil.which("pdfinfo")
    if soffice is None or pdfinfo is None:
        if os.environ.get("CI") == "true":
            pytest.fail("soffice of pdfinfo ontbreekt in CI")
        pytest.skip("LibreOffice of poppler-utils niet geïnstalleerd")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profiel').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(gebouwd[".docx"]),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "inkoopstrategie-jeugdhulp-2027.pdf"
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
    paginas = int(next(r for r in info.stdout.splitlines() if r.startswith("Pages:")).split()[1])
    assert paginas >= 8


def test_figuren_bij_een_naam_met_spaties_en_haakjes(tmp_path: Path) -> None:
    bron = tmp_path / "mijn strategie (v2) [concept].yaml"
    shutil.copy(VOORBEELD, bron)
    resultaat = bouw_bestand(bron, tmp_path / "out", ["md", "html"])
    assert resultaat.fout is None, str(resultaat.fout)
    md = (tmp_path / "out" / "mijn strategie (v2) [concept].md").read_text("utf-8")
    html = (tmp_path / "out" / "mijn strategie (v2) [concept].html").read_text("utf-8")
    link = "mijn%20strategie%20%28v2%29%20%5Bconcept%5D-figuur-1.png"
    assert f"]({link})" in md
    assert f'<img src="{link}"' in html
    assert (tmp_path / "out" / "mijn strategie (v2) [concept]-figuur-1.png").is_file()
