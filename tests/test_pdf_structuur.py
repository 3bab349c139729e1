"""The tagged PDF of every example, read back with pypdf: the structure tree has the
headings (H1-H3, in the order of the .docx), tables with header cells, lists as L/LI/LBody,
figures with their alt text; the catalog has /Lang nl-NL, /MarkInfo Marked and
DisplayDocTitle; the title is in the document information (and in the XMP metadata).

Every example in data/ is rendered to .docx once, and those .docx are converted by the real
LibreOffice once per variant (plain, --pdfa, --pdfua, --pdfa --pdfua), the four runs side
by side, for the whole module. pypdf is already a dependency, so no other PDF library.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from conftest import ROOT
from voorstel.bouwen.build import bouw
from voorstel.uitvoer import pdf

DATA = ROOT / "data"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
}
VARIANTEN = {
    "pdf": {"pdfa": False, "pdfua": False},
    "pdfa": {"pdfa": True, "pdfua": False},
    "pdfua": {"pdfa": False, "pdfua": True},
    "pdfa+pdfua": {"pdfa": True, "pdfua": True},
}


@dataclass
class Element:
    """A structure element: its standard role (through the RoleMap), its own /S, its
    attributes that matter here, and its children in document order."""

    rol: str
    eigen: str
    alt: str | None = None
    kinderen: list[Element] = field(default_factory=list)

    def alle(self) -> Iterator[Element]:
        yield self
        for kind in self.kinderen:
            yield from kind.alle()


@dataclass(frozen=True)
class Docx:
    """What the .docx says the PDF must have."""

    titel: str
    koppen: list[int]
    """Heading levels in document order (the Title paragraph not counted)."""
    kopregeltabellen: int
    """Tables whose first row is marked as header row."""
    tabellen: int
    lijsten: bool
    """Whether any paragraph is a list item (numbering)."""
    alt: list[str]
    """The alt text of every image in the body, in order."""


def _docx(data: bytes) -> Docx:
    with zipfile.ZipFile(io.BytesIO(data)) as archief:
        document = etree.fromstring(archief.read("word/document.xml"))
        styles = etree.fromstring(archief.read("word/styles.xml"))
        core = etree.fromstring(archief.read("docProps/core.xml"))
    niveaus: dict[str, int] = {}
    for stijl in styles.findall("w:style", NS):
        naam = stijl.find("w:name", NS)
        match = re.fullmatch(r"heading (\d)", "" if naam is None else naam.get(f"{{{W}}}val", ""))
        if match:
            niveaus[stijl.get(f"{{{W}}}styleId", "")] = int(match.group(1))
    body = document.find("w:body", NS)
    assert body is not None
    koppen = []
    for p in body.iter(f"{{{W}}}p"):
        stijl = p.find("w:pPr/w:pStyle", NS)
        if stijl is not None and stijl.get(f"{{{W}}}val") in niveaus:
            koppen.append(niveaus[stijl.get(f"{{{W}}}val", "")])
    tabellen = list(body.iter(f"{{{W}}}tbl"))
    return Docx(
        titel=core.findtext("dc:title", namespaces=NS) or "",
        koppen=koppen,
        kopregeltabellen=sum(
            1 for t in tabellen if t.find("w:tr/w:trPr/w:tblHeader", NS) is not None
        ),
        tabellen=len(tabellen),
        lijsten=body.find(".//w:numPr", NS) is not None or _stijllijsten(body, styles),
        alt=[d.get("descr", "") for d in body.iter(f"{{{NS['wp']}}}docPr")],
    )


def _stijllijsten(body: etree._Element, styles: etree._Element) -> bool:
    """Whether a paragraph style with numbering (List Number, List Bullet) is used."""
    genummerd = {
        s.get(f"{{{W}}}styleId")
        for s in styles.findall("w:style", NS)
        if s.find(".//w:numPr", NS) is not None
    } - {None}
    return any(s.get(f"{{{W}}}val") in genummerd for s in body.iterfind(".//w:pPr/w:pStyle", NS))


def _boom(lezer: PdfReader) -> Element:
    """The structure tree as Elements, each role resolved through the RoleMap."""
    wortel = lezer.trailer["/Root"]["/StructTreeRoot"].get_object()
    rollen = {str(k): str(v) for k, v in (wortel.get("/RoleMap") or {}).items()}

    def standaard(rol: str) -> str:
        gezien = set()
        while rol in rollen and rol not in gezien and rollen[rol] != rol:
            gezien.add(rol)
            rol = rollen[rol]
        return rol

    def kinderen(k: object) -> list[Element]:
        k = getattr(k, "get_object", lambda: k)()
        if isinstance(k, ArrayObject):
            return [e for kind in k for e in kinderen(kind)]
        if isinstance(k, DictionaryObject) and "/S" in k:
            alt = k.get("/Alt")
            element = Element(
                standaard(str(k["/S"])), str(k["/S"]), None if alt is None else str(alt)
            )
            if "/K" in k:
                element.kinderen = kinderen(k["/K"])
            return [element]
        return []  # marked content (an MCID) or an object reference: no structure element

    document = Element("/StructTreeRoot", "/StructTreeRoot")
    document.kinderen = kinderen(wortel.get("/K"))
    return document


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, tuple[Docx, bytes]]]:
    """{variant: {output name: (what its .docx says, its PDF)}} for every example."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice ontbreekt in CI; installeer libreoffice-writer-nogui")
        pytest.skip("LibreOffice niet geïnstalleerd")
    out = tmp_path_factory.mktemp("pdf-structuur")
    resultaten = bouw([DATA], out, ("docx",))
    assert resultaten and all(r.gelukt for r in resultaten), [str(r.fout) for r in resultaten]
    bronnen = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for r in resultaten
        for p in r.geschreven
        if p.suffix == ".docx"
    }
    verwacht = {naam: _docx(data) for naam, data in bronnen.items()}
    with ThreadPoolExecutor(len(VARIANTEN)) as pool:  # one LibreOffice per variant
        klaar = {
            variant: pool.submit(pdf.converteer, list(bronnen.values()), **opties)
            for variant, opties in VARIANTEN.items()
        }
        uit = {variant: taak.result() for variant, taak in klaar.items()}
    gemaakt: dict[str, dict[str, tuple[Docx, bytes]]] = {}
    for variant, lijst in uit.items():
        for naam, data in zip(bronnen, lijst, strict=True):
            assert isinstance(data, bytes), (variant, naam, data)
            gemaakt.setdefault(variant, {})[naam] = (verwacht[naam], data)
    return gemaakt


_BOMEN: dict[int, Element] = {}


def _elk(
    pdfs: dict[str, dict[str, tuple[Docx, bytes]]],
) -> Iterator[tuple[str, Docx, PdfReader]]:
    for variant, per_naam in pdfs.items():
        for naam, (docx, data) in per_naam.items():
            yield f"{variant}: {naam}", docx, PdfReader(io.BytesIO(data))


def _bomen(
    pdfs: dict[str, dict[str, tuple[Docx, bytes]]],
) -> Iterator[tuple[str, Docx, list[Element]]]:
    """(what, docx, every element of the PDF's structure tree), each tree read once."""
    for variant, per_naam in pdfs.items():
        for naam, (docx, data) in per_naam.items():
            if id(data) not in _BOMEN:
                _BOMEN[id(data)] = _boom(PdfReader(io.BytesIO(data)))
            yield f"{variant}: {naam}", docx, list(_BOMEN[id(data)].alle())


def test_elk_voorbeeld_in_elke_variant(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    assert set(pdfs) == set(VARIANTEN)
    namen = {Path(n).parent.name for n in pdfs["pdf"]}
    assert {"wbo", "dalfsen", "holland-rijnland"} <= namen
    assert len(pdfs["pdf"]) >= 10


def test_getagd_nederlands_met_titel(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    """/MarkInfo Marked, /Lang nl-NL, the title in the information dictionary, and the
    viewer shows the title (not the file name) in its window."""
    for wat, docx, lezer in _elk(pdfs):
        catalogus = lezer.trailer["/Root"]
        assert catalogus["/MarkInfo"]["/Marked"].value is True, wat
        assert catalogus["/Lang"] == "nl-NL", wat
        assert catalogus["/ViewerPreferences"]["/DisplayDocTitle"].value is True, wat
        assert "/StructTreeRoot" in catalogus, wat
        assert lezer.metadata is not None and lezer.metadata.title == docx.titel, wat
        assert docx.titel.strip(), wat


def test_xmp_zegt_pdfa_en_pdfua(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    """PDF/A-2b and PDF/UA-1 identify themselves in the XMP metadata, with the title."""
    for wat, docx, lezer in _elk(pdfs):
        variant = wat.split(":")[0]
        metadata = lezer.trailer["/Root"].get("/Metadata")
        xmp = b"" if metadata is None else metadata.get_object().get_data()
        assert (b"<pdfaid:part>2</pdfaid:part>" in xmp) == VARIANTEN[variant]["pdfa"], wat
        assert (b"<pdfuaid:part>1</pdfuaid:part>" in xmp) == VARIANTEN[variant]["pdfua"], wat
        if xmp:
            assert lezer.xmp_metadata is not None, wat
            assert lezer.xmp_metadata.dc_title == {"x-default": docx.titel}, wat


def test_koppen_h1_tot_h3_in_volgorde(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    """Every heading of the .docx is an H1-H3 in the structure tree, in the same order,
    none skipping a level."""
    for wat, docx, elementen in _bomen(pdfs):
        koppen = [int(e.rol[2:]) for e in elementen if re.fullmatch(r"/H\d", e.rol)]
        assert koppen == docx.koppen, wat
        assert koppen and koppen[0] == 1, wat
        assert max(koppen) <= 3, wat
        for vorige, kop in itertools.pairwise(koppen):
            assert kop <= vorige + 1, f"{wat}: H{kop} na H{vorige}"


def test_tabellen_met_kopcellen(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    """Every table is a Table of TR rows; every table with a header row in the .docx has
    TH cells in its first row (and only there)."""
    for wat, docx, elementen in _bomen(pdfs):
        tabellen = [e for e in elementen if e.rol == "/Table"]
        assert len(tabellen) == docx.tabellen, wat
        met_kop = 0
        for tabel in tabellen:
            rijen = [r for r in tabel.kinderen if r.rol == "/TR"]
            assert rijen, wat
            cellen = [[c.rol for c in r.kinderen] for r in rijen]
            assert all(set(rij) <= {"/TH", "/TD"} and rij for rij in cellen), (wat, cellen)
            if set(cellen[0]) == {"/TH"}:
                met_kop += 1
                assert all("/TH" not in rij for rij in cellen[1:]), (wat, cellen)
        assert met_kop == docx.kopregeltabellen, wat


def test_lijsten_als_l_li_lbody(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    """A document with list paragraphs has lists in its tree; each L holds LI items (or a
    nested L), each LI a body (LBody, with an optional Lbl)."""
    for wat, docx, elementen in _bomen(pdfs):
        lijsten = [e for e in elementen if e.rol == "/L"]
        assert bool(lijsten) == docx.lijsten, wat
        for lijst in lijsten:
            assert lijst.kinderen, wat
            assert {k.rol for k in lijst.kinderen} <= {"/LI", "/L"}, wat
            for item in (k for k in lijst.kinderen if k.rol == "/LI"):
                rollen = [k.rol for k in item.kinderen]
                assert "/LBody" in rollen and set(rollen) <= {"/LBody", "/Lbl"}, (wat, rollen)


def test_figuren_met_alternatieve_tekst(pdfs: dict[str, dict[str, tuple[Docx, bytes]]]) -> None:
    """Every image of the .docx is a Figure with the same alt text, in the same order."""
    figuren = 0
    for wat, docx, elementen in _bomen(pdfs):
        alt = [e.alt for e in elementen if e.rol == "/Figure"]
        assert alt == docx.alt, wat
        assert all(a and a.strip() for a in alt), wat
        figuren += len(alt)
    assert figuren >= 5 * len(VARIANTEN)  # the charts of the inkoopstrategie
