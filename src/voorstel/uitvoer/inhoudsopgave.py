"""Page numbers for the table of contents of a Word document, read from its PDF.

LibreOffice shows a Word TOC field as it was saved and does not update it when it makes a
PDF. So the template saves each entry as a hyperlink to its heading's bookmark, pdf.py
converts once, reads on which page each bookmark landed (the PDF's named destinations), and
converts again with those numbers written into the entries (tab, number; the TOC styles
have a right tab stop with dot leader). Word updates the field itself (w:updateFields).
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lxml import etree
from pypdf import PdfReader
from pypdf.errors import PyPdfError

DOCUMENT = "word/document.xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


@dataclass
class _Veld:
    instructie: str = ""
    resultaat: bool = False

    @property
    def is_toc(self) -> bool:
        return self.instructie.split()[:1] == ["TOC"]


def _regels(root: etree._Element) -> Iterator[etree._Element]:
    """The hyperlinks to a bookmark in the shown result of every TOC field, in order."""
    velden: list[_Veld] = []
    for el in root.iter(_w("fldChar"), _w("instrText"), _w("hyperlink")):
        if el.tag == _w("fldChar"):
            soort = el.get(_w("fldCharType"))
            if soort == "begin":
                velden.append(_Veld())
            elif soort == "separate" and velden:
                velden[-1].resultaat = True
            elif soort == "end" and velden:
                velden.pop()
        elif el.tag == _w("instrText"):
            if velden:
                velden[-1].instructie += el.text or ""
        elif el.get(_w("anchor")) and any(v.resultaat and v.is_toc for v in velden):
            yield el


def _document(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zip_:
        return etree.fromstring(zip_.read(DOCUMENT))


def ankers(docx: bytes) -> list[str]:
    """The bookmarks the table of contents links to, in order; empty without a TOC."""
    return [str(el.get(_w("anchor"))) for el in _regels(_document(docx))]


def pdf_naam(anker: str) -> str:
    """A bookmark's name as LibreOffice writes it as PDF destination ('_Toc_1' -> '5FToc5F1')."""
    tekens = []
    for teken in anker:
        if teken.isascii() and (teken.isalnum() or teken == "-"):
            tekens.append(teken)
        else:
            code = ord(teken)
            tekens.append((f"{code >> 8:02X}" if code > 0xFF else "") + f"{code & 0xFF:02X}")
    return "".join(tekens)


class OnleesbarePdf(Exception):
    """The PDF LibreOffice made cannot be read to find the page numbers."""


def paginas(pdf: bytes, gezocht: list[str]) -> dict[str, int]:
    """The page (from 1) of each bookmark in `gezocht`, by name; those not found left out."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(pdf))
        bestemmingen = {
            str(naam).lstrip("/"): reader.get_destination_page_number(dest)
            for naam, dest in reader.named_destinations.items()
        }
    except (PyPdfError, ValueError, KeyError) as exc:
        raise OnleesbarePdf(str(exc)) from exc
    gevonden = {}
    for anker in gezocht:
        index = bestemmingen.get(pdf_naam(anker), bestemmingen.get(anker))
        if index is not None and index >= 0:
            gevonden[anker] = index + 1
    return gevonden


def vul(docx: bytes, nummers: Mapping[str, int]) -> bytes:
    """The Word document with a tab and its page number after each TOC entry in `nummers`."""
    root = _document(docx)
    for link in _regels(root):
        nummer = nummers.get(str(link.get(_w("anchor"))))
        if nummer is None:
            continue
        run = etree.SubElement(link, _w("r"))
        etree.SubElement(run, _w("tab"))
        etree.SubElement(run, _w("t")).text = str(nummer)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as oud, zipfile.ZipFile(uit, "w") as nieuw:
        for info in oud.infolist():
            data = xml if info.filename == DOCUMENT else oud.read(info)
            nieuw.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue()
