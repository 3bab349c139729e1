"""The real-office test: every example in data/ becomes a PDF through LibreOffice (in one
batch, as `voorstel build --format pdf` does), with the expected number of pages and its
key sentences and figures in the text that pdftotext reads from it; the inkoopstrategie's
table of contents gives for each heading the page it is really on.

Skipped where soffice or pdftotext is missing, except in CI (CI=true), where it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, libreoffice_starts, uno_python
from voorstel.bouwen.build import bouw
from voorstel.uitvoer import libreoffice

DATA = ROOT / "data"

VERWACHT: dict[str, tuple[int, list[str]]] = {
    "wbo/jim-oosterhout.pdf": (
        6,
        [
            "COLLEGEVOORSTEL",
            "Continuïteit pilot JIM en inkoop JIM",
            "Datum: 5 december 2024 | Openbaar | Zaaknummer: 1060308",
            "Voor Oosterhout betekent dit een bijdrage van € 11.326,00.",
            "1.1 Dit voorstel past binnen de bestuurlijke opgave",
            "Kosten JIM januari t/m juni 2025",
            "18,33%",
            "100,00%",
            "€ 70.000",
        ],
    ),
    "wbo/jim-altena.pdf": (6, ["Voor Altena betekent dit een bijdrage van € 12.831,00."]),
    "wbo/jim-breda.pdf": (6, ["Voor Breda betekent dit een bijdrage van € 36.442,00."]),
    "wbo/jim-drimmelen.pdf": (6, ["Voor Drimmelen betekent dit een bijdrage van € 5.068,00."]),
    "wbo/jim-geertruidenberg.pdf": (
        6,
        ["Voor Geertruidenberg betekent dit een bijdrage van € 4.333,00."],
    ),
    "wbo/jim.pdf": (
        6,
        ["€ 12.831,00", "€ 36.442,00", "€ 5.068,00", "€ 4.333,00", "€ 11.326,00", "€ 70.000,00"],
    ),
    "dalfsen/rib-inkoop-jeugdhulp-ijsselland.pdf": (
        3,
        [
            "INFORMATIE VOOR DE RAAD",
            "Inkoop specialistische Jeugdhulp Regio IJsselland",
            "J.W. Uitslag (wethouder)",
            "30 maart 2021",
            "26 april 2021",
            "Het college van B&W stelt u voor kennis te nemen van:",
        ],
    ),
    "dalfsen/raadsvoorstel-kademuur-vechtkade.pdf": (
        4,
        [
            "RAADSVOORSTEL",
            "Het college stelt de raad voor:",
            "Een krediet van € 1.450.000 beschikbaar te stellen",
            "1.2 Eén integrale aanpak is goedkoper dan herstel in delen",
            "Burgemeester en wethouders van de gemeente Dalfsen,",
        ],
    ),
    "dalfsen/raadsvoorstel-kademuur-vechtkade-raadsbesluit.pdf": (
        2,
        [
            "ONTWERPBESLUIT",
            "De raad van de gemeente Dalfsen;",
            "gelezen het voorstel van burgemeester en wethouders van 2 september 2025",
            "besluit:",
            # pdftotext reads the column of numbers 1., 2., 3. apart from the points;
            # test_beslispunten reads them in place (-layout)
            "Een krediet van € 1.450.000 beschikbaar te stellen",
            "a. € 95.000 voor de voorbereiding en het ontwerp;",
            "Aldus vastgesteld in de openbare vergadering van 27 oktober 2025.",
            "De griffier, H. Koster",
            "De voorzitter, drs. E. van Lente",
            "Bijlage 1 bij het besluit: begrotingswijziging",
            "(bedragen x € 1.000)",
            "58 N",
        ],
    ),
    "dalfsen/raadsvoorstel-kademuur-vechtkade-collegeoplegger.pdf": (
        1,
        ["Het college besluit:", "In te stemmen met bijgaand raadsvoorstel en ontwerpbesluit"],
    ),
    "wbo/raadsvoorstel-jim-2027.pdf": (
        4,
        [
            "RAADSVOORSTEL",
            "een budget van € 600.000 beschikbaar te stellen",
            "Burgemeester en wethouders van de gemeente Breda,",
            "De bedragen zijn die van de hele regio",
            "187.500 N",
        ],
    ),
    "wbo/raadsvoorstel-jim-2027-oosterhout.pdf": (
        4,
        [
            "Voor Oosterhout betekent dit een bijdrage van € 97.080.",
            "Burgemeester en wethouders van de gemeente Oosterhout,",
            "de burgemeester drs. C.M. Jacobs",
            "30.338 N",
        ],
    ),
    "wbo/raadsvoorstel-jim-2027-oosterhout-raadsbesluit.pdf": (
        2,
        [
            "De raad van de gemeente Oosterhout;",
            "een budget van € 97.080 beschikbaar te stellen: het aandeel van Oosterhout",
            "Dit budget voor € 66.742 te dekken uit de reserve Sociaal domein",
            "De griffier, N. van Loon De voorzitter, drs. C.M. Jacobs",
            "Bijlage 1 bij het besluit: begrotingswijziging",
            "Saldo 0 30.338 N 0 0",
            "De bedragen zijn het aandeel van Oosterhout (16,18%) in die van de regio",
        ],
    ),
    "wbo/raadsvoorstel-jim-2027-oosterhout-collegeoplegger.pdf": (
        1,
        ["Het college besluit:", "Voor Oosterhout is dat € 97.080."],
    ),
    "holland-rijnland/memo-inkoopstrategie-jeugdhulp-2020.pdf": (
        6,
        [
            "MEMO",
            "voortgang regionale inkoopstrategie Jeugdhulp 2020",
            "In het PHO van 30 mei 2018 is de notitie Proces Inkoopstrategie Jeugdhulp 2020 "
            "besproken",
        ],
    ),
    "wbo/inkoopstrategie-jeugdhulp-2027.pdf": (
        21,
        [
            "INKOOPSTRATEGIE",
            "Inhoudsopgave",
            "4.3.1 Looptijd van de overeenkomst",
            "De duur van de overeenkomst is vijf jaar met twee verlengingsopties van één jaar.",
            "In totaal contracteren we dus minimaal twee en maximaal drie contractpartners",
            "Q1 2025",
            "€ 72.000.000",
            "Bijlage 2: Begrippenlijst",
        ],
    ),
}
"""Per PDF: its pages and sentences that must be in it (measured with LibreOffice 7.4)."""


def programma(naam: str) -> str:
    path = shutil.which(naam)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{naam} ontbreekt in CI; installeer libreoffice-writer-nogui en poppler")
        pytest.skip(f"{naam} niet geïnstalleerd")
    return path


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every example of data/ built as PDF in one build, by path under the output folder."""
    programma("soffice")
    uno_python()
    out = tmp_path_factory.mktemp("office")
    omgezet: list[Path] = []
    zet_om = libreoffice.WarmeLibreOffice.zet_om

    def tel_document(warm: Any, docx: Path, *args: Any) -> None:
        omgezet.append(docx)
        zet_om(warm, docx, *args)

    with pytest.MonkeyPatch.context() as mp:
        aanroepen = libreoffice_starts(mp)
        mp.setattr(libreoffice.WarmeLibreOffice, "zet_om", tel_document)
        resultaten = bouw([DATA], out, ("pdf",))
    assert all(r.gelukt for r in resultaten), [str(r.fout) for r in resultaten]
    # one warm LibreOffice for the whole batch (no --convert-to); the document with a table
    # of contents (the inkoopstrategie) converted once more in it, with its page numbers;
    # no third time: they stayed put
    [aanroep] = aanroepen
    assert str(libreoffice.BRUG) in aanroep
    geschreven = [p for r in resultaten for p in r.geschreven if p.suffix == ".pdf"]
    assert len(omgezet) == len(geschreven) + 1
    assert sum(d.parent.name == "in2" for d in omgezet) == 1
    assert (out / ".voorstel-cache" / "libreoffice").is_dir()  # kept for the next build
    return {p.relative_to(out).as_posix(): p for r in resultaten for p in r.geschreven}


def _info(pdf: Path) -> dict[str, str]:
    uit = subprocess.run(
        [programma("pdfinfo"), str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return {k.strip(): v.strip() for k, _, v in (r.partition(":") for r in uit.splitlines())}


def _tekst(pdf: Path) -> str:
    """The PDF's text with every run of white space as one space."""
    uit = subprocess.run(
        [programma("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return re.sub(r"\s+", " ", uit)


def test_elk_voorbeeld_wordt_pdf(pdfs: dict[str, Path]) -> None:
    assert set(VERWACHT) <= set(pdfs)
    assert all(p.suffix == ".pdf" and p.read_bytes().startswith(b"%PDF-") for p in pdfs.values())


@pytest.mark.parametrize("naam", list(VERWACHT))
def test_paginas_en_kernzinnen(pdfs: dict[str, Path], naam: str) -> None:
    paginas, zinnen = VERWACHT[naam]
    assert int(_info(pdfs[naam])["Pages"]) == paginas
    tekst = _tekst(pdfs[naam])
    for zin in zinnen:
        assert zin in tekst, zin
    assert "{{" not in tekst and "{%" not in tekst


def test_nieuwe_voorbeelden_hebben_titel_en_onderwerp(pdfs: dict[str, Path]) -> None:
    """Examples not (yet) in VERWACHT: at least a page, and their title in the text."""
    for naam, pdf in pdfs.items():
        info = _info(pdf)
        assert int(info["Pages"]) >= 1, naam
        soort, _, onderwerp = info["Title"].partition(": ")
        assert soort and onderwerp, (naam, info["Title"])
        assert onderwerp in _tekst(pdf), naam


def _paginas(pdf: Path) -> list[str]:
    """The text of each page, white space runs as one space (pdftotext ends pages in \\f)."""
    uit = subprocess.run(
        [programma("pdftotext"), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [re.sub(r"\s+", " ", pagina).strip() for pagina in uit.split("\f")]


TOC_REGEL = re.compile(r"^\s*(\S.*?)\s*\.{5,}\s*(\d+)$", re.MULTILINE)


def test_inhoudsopgave_met_de_echte_paginanummers(pdfs: dict[str, Path]) -> None:
    pdf = pdfs["wbo/inkoopstrategie-jeugdhulp-2027.pdf"]
    layout = subprocess.run(
        [programma("pdftotext"), "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\f")
    regels = [
        (index, titel, int(nummer))
        for index, pagina in enumerate(layout, start=1)
        for titel, nummer in TOC_REGEL.findall(pagina)
    ]
    titels = [titel for _, titel, _ in regels]
    assert len(regels) == 37, titels  # every heading of levels 1-3 and the two bijlagen
    assert "4.3 Inrichtingskeuzes voor de inkoop" in titels
    assert titels[-1] == "Bijlage 2: Begrippenlijst"
    paginas = _paginas(pdf)
    na_toc = max(index for index, _, _ in regels) + 1
    for _, titel, nummer in regels:
        assert titel in paginas[nummer - 1], (titel, nummer)  # on the page the TOC says
        eerder = paginas[na_toc - 1 : nummer - 1]
        assert not any(titel in p for p in eerder), (titel, nummer)  # and not before it
    nummers = [nummer for _, _, nummer in regels]
    assert nummers == sorted(nummers) and nummers[0] == na_toc
