"""Prose into Word: real paragraphs, lists and footnotes in the template's styles."""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Callable
from typing import Any, TypeVar

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from lxml import etree

from voorstel.blokken.nummering import nieuwe_nummering, zet_nummering
from voorstel.blokken.tabellen import GEEN_TABEL, Tabel
from voorstel.kern import prose
from voorstel.kern.errors import RenderFout
from voorstel.kern.prose import Alinea, Blok, Kop, Lijst, Run, Tekststuk
from voorstel.uitvoer.tabel import docx_tabel

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

KOP_BASIS = 2
"""Prose headings (#) become Heading 2: the sections themselves are Heading 1."""

MARKEERKLEUR = WD_COLOR_INDEX.YELLOW
"""The highlight of a passage marked for redaction ([[lak ...]]) in an internal build, so
the writer sees what a publication leaves out."""

_GEEN_STIJL = re.compile(r"no style with name '(.*)'")
T = TypeVar("T")


def _stijlen_nodig(functie: Callable[..., T]) -> Callable[..., T]:
    """A style the (user's) Word template lacks becomes a RenderFout naming it."""

    @functools.wraps(functie)
    def met_stijlen(*args: Any, **kwargs: Any) -> T:
        try:
            return functie(*args, **kwargs)
        except KeyError as exc:
            gevonden = _GEEN_STIJL.fullmatch(str(exc.args[0]) if exc.args else "")
            if gevonden is None:
                raise
            raise RenderFout(
                f"het Word-sjabloon mist de opmaakstijl '{gevonden.group(1)}'; voeg die stijl "
                "toe in Word (Stijlen beheren) of begin met het standaardsjabloon"
            ) from None

    return met_stijlen


class DocxTekst:
    """Writes prose fields into one docxtpl document and keeps its footnotes."""

    def __init__(self, tpl: DocxTemplate, voetnoten: dict[str, str]) -> None:
        self.tpl = tpl
        self.centraal = voetnoten
        self.voetnoten: list[tuple[int, tuple[Run, ...]]] = []
        self._afbeeldingen = 0

    @_stijlen_nodig
    def subdoc(self, text: str) -> Any:
        """A docxtpl Subdoc holding the prose as Word paragraphs."""
        stuk = prose.parse(text, frozenset(self.centraal))
        sub = self.tpl.new_subdoc()
        self._blokken(sub, stuk.blokken, stuk, diepte=0)
        return sub

    @_stijlen_nodig
    def tabel(self, view: Any, kopniveau: Any = None) -> Any:
        """A docxtpl Subdoc holding a computed table, its prose cells as Word paragraphs.
        `kopniveau` is for Markdown (a heading per row); in Word a table is a table."""
        sub = self.tpl.new_subdoc()
        if not isinstance(view, Tabel):
            raise RenderFout(GEEN_TABEL.format(type(view).__name__))
        docx_tabel(sub, view, self._proza)
        return sub

    def _proza(self, cell: Any, text: str) -> None:
        """Prose into a table cell: paragraphs, lists and footnotes, as in the text."""
        stuk = prose.parse(text, frozenset(self.centraal))
        self._blokken(cell, stuk.blokken, stuk, diepte=0)

    def figuur(self, view: dict[str, Any]) -> Afbeelding:
        """A chart as an inline image with its alt text."""
        from voorstel.uitvoer.figuren import WEERGAVE_CM, getekend

        self._afbeeldingen += 1
        return Afbeelding(
            self.tpl, getekend(view), Cm(WEERGAVE_CM), str(view["alt"]), self._afbeeldingen
        )

    def _blokken(self, sub: Any, blokken: tuple[Blok, ...], stuk: Tekststuk, diepte: int) -> None:
        for blok in blokken:
            if isinstance(blok, Alinea):
                self._runs(sub.add_paragraph(), blok.runs, stuk)
            elif isinstance(blok, Kop):
                niveau = min(blok.niveau + KOP_BASIS - 1, 9)
                self._runs(sub.add_paragraph(style=f"Heading {niveau}"), blok.runs, stuk)
            else:
                self._lijst(sub, blok, stuk, diepte)

    def _stijlnummer(self, style: str) -> str | None:
        """The numbering of a list style, known per template when the template keeps it
        (Sjabloon), so the styles need not be read for every document."""
        bekend = getattr(self.tpl, "stijlnummer", None)
        return bekend(style) if bekend is not None else None

    def _lijst(self, sub: Any, lijst: Lijst, stuk: Tekststuk, diepte: int) -> None:
        suffix = "" if diepte == 0 else f" {min(diepte + 1, 3)}"
        style = ("List Number" if lijst.genummerd else "List Bullet") + suffix
        num_id = (
            nieuwe_nummering(self.tpl.docx, style, lijst.start, self._stijlnummer(style))
            if lijst.genummerd
            else None
        )
        for item in lijst.items:
            first = True
            for blok in item:
                if isinstance(blok, Lijst):
                    self._lijst(sub, blok, stuk, diepte + 1)
                    continue
                runs = blok.runs
                if first:
                    paragraph = sub.add_paragraph(style=style)
                    if num_id is not None:
                        zet_nummering(paragraph, num_id)
                    first = False
                else:
                    paragraph = sub.add_paragraph(style="List Continue" + suffix)
                self._runs(paragraph, runs, stuk)

    def _runs(self, paragraph: Any, runs: tuple[Run, ...], stuk: Tekststuk) -> None:
        for run in runs:
            if run.voetnoot is not None:
                self._voetnoot_verwijzing(paragraph, self._voetnoot_tekst(run.voetnoot, stuk))
                continue
            r = voeg_run_toe(paragraph, run.tekst)
            r.bold = run.vet or None
            r.italic = run.cursief or None
            if run.lak is not None:
                r.font.highlight_color = MARKEERKLEUR

    def _voetnoot_tekst(self, label: str, stuk: Tekststuk) -> tuple[Run, ...]:
        if label in stuk.voetnoten:
            return stuk.voetnoten[label]
        eigen = prose.parse(self.centraal[label])
        return tuple(r for b in eigen.blokken if not isinstance(b, Lijst) for r in b.runs)

    def _voetnoot_verwijzing(self, paragraph: Any, runs: tuple[Run, ...]) -> None:
        footnote_id = len(self.voetnoten) + 1
        self.voetnoten.append((footnote_id, runs))
        r = paragraph.add_run()
        r.style = "Footnote Reference"
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(footnote_id))
        r._r.append(ref)

    def schrijf_voetnoten(self) -> None:
        """Add the collected footnotes to the document's footnotes part (after rendering)."""
        if not self.voetnoten:
            return
        part = _footnotes_part(self.tpl)
        root = etree.fromstring(part.blob)
        for footnote_id, runs in self.voetnoten:
            root.append(_footnote_xml(footnote_id, runs))
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class Afbeelding(InlineImage):  # type: ignore[misc]
    """An inline image whose drawing carries alt text (wp:docPr/@descr) for screen readers."""

    def __init__(self, tpl: DocxTemplate, png: bytes, breedte: Any, alt: str, nummer: int) -> None:
        if not alt.strip():  # a tagged PDF needs it too: never an image without it
            raise RenderFout(f"figuur {nummer} heeft geen alternatieve tekst voor schermlezers")
        super().__init__(tpl, io.BytesIO(png), width=breedte)
        self.alt = alt
        self.nummer = nummer

    def _insert_image(self) -> str:
        self.image_descriptor.seek(0)
        inline = self.tpl.current_rendering_part.new_pic_inline(
            self.image_descriptor, self.width, self.height
        )
        inline.docPr.set("descr", self.alt)
        inline.docPr.set("name", f"Figuur {self.nummer}")
        return (
            f"</w:t></w:r><w:r><w:drawing>{inline.xml}</w:drawing></w:r><w:r>"
            '<w:t xml:space="preserve">'
        )


def voeg_run_toe(paragraph: Any, tekst: str) -> Any:
    """paragraph.add_run(tekst), without python-docx's walk over every character when the
    text has no tab or line break (the same XML, a lot faster for long prose)."""
    if "\t" in tekst or "\n" in tekst or "\r" in tekst:
        return paragraph.add_run(tekst)
    run = paragraph.add_run()
    if tekst:
        run._r.add_t(tekst)
    return run


def _footnotes_part(tpl: DocxTemplate) -> Any:
    for part in tpl.docx.part.package.parts:
        if part.content_type == FOOTNOTES_CT:
            return part
    raise RenderFout(
        "het Word-sjabloon heeft geen voetnotendeel (footnotes.xml), maar de tekst heeft "
        "voetnoten; begin met het standaardsjabloon, dat er wel een heeft"
    )


def _w(tag: str, **attrs: str) -> Any:
    element = etree.Element(f"{{{W_NS}}}{tag}")
    for key, value in attrs.items():
        element.set(f"{{{W_NS}}}{key}", value)
    return element


def _footnote_xml_run(p: Any, text: str) -> None:
    t = etree.SubElement(etree.SubElement(p, f"{{{W_NS}}}r"), f"{{{W_NS}}}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text


def _footnote_xml(footnote_id: int, runs: tuple[Run, ...]) -> Any:
    footnote = _w("footnote", id=str(footnote_id))
    p = etree.SubElement(footnote, f"{{{W_NS}}}p")
    p_pr = etree.SubElement(p, f"{{{W_NS}}}pPr")
    p_pr.append(_w("pStyle", val="FootnoteText"))
    ref_run = etree.SubElement(p, f"{{{W_NS}}}r")
    r_pr = etree.SubElement(ref_run, f"{{{W_NS}}}rPr")
    r_pr.append(_w("rStyle", val="FootnoteReference"))
    ref_run.append(_w("footnoteRef"))
    first = True
    for run in runs:
        text = (" " if first else "") + run.tekst
        if first and run.lak is not None:  # the space after the number is not marked
            _footnote_xml_run(p, " ")
            text = run.tekst
        first = False
        r = etree.SubElement(p, f"{{{W_NS}}}r")
        if run.vet or run.cursief or run.lak is not None:
            props = etree.SubElement(r, f"{{{W_NS}}}rPr")
            if run.vet:
                props.append(_w("b"))
            if run.cursief:
                props.append(_w("i"))
            if run.lak is not None:
                props.append(_w("highlight", val="yellow"))
        t = etree.SubElement(r, f"{{{W_NS}}}t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
    return copy.deepcopy(footnote)
