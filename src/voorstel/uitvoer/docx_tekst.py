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
from voorstel.uitvoer import revisie
from voorstel.uitvoer.revisie_docx import tekst_van, zet_tekst
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

    def __init__(
        self,
        tpl: DocxTemplate,
        voetnoten: dict[str, str],
        oude_voetnoten: dict[str, str] | None = None,
    ) -> None:
        self.tpl = tpl
        self.centraal = voetnoten
        self.centraal_oud = voetnoten if oude_voetnoten is None else oude_voetnoten
        """In a tracked-changes render, the document's footnotes as the old version has them."""
        self.voetnoten: list[tuple[int, tuple[Run, ...]]] = []
        self._afbeeldingen = 0
        self._opgelost = revisie.Voetnoten()
        self._heel: str | None = None
        """In a tracked-changes render, 'oud' or 'nieuw' while writing prose only that
        version has: each paragraph written is marked as such."""

    @_stijlen_nodig
    def subdoc(self, text: str) -> Any:
        """A docxtpl Subdoc holding the prose as Word paragraphs."""
        if self._voetnoten_gewijzigd():
            return self.subdoc_wijziging(text, text)
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

    def _proza(self, cell: Any, text: Any) -> None:
        """Prose into a table cell: paragraphs, lists and footnotes, as in the text."""
        if isinstance(text, revisie.Wijziging):
            self._beide(cell, _tekst(text.oud), _tekst(text.nieuw))
            return
        if self._voetnoten_gewijzigd():
            self._beide(cell, text, text)
            return
        stuk = prose.parse(text, frozenset(self.centraal))
        self._blokken(cell, stuk.blokken, stuk, diepte=0)

    # -- tracked changes (revisie.py): both versions of a field at once -------------------

    def _voetnoten_gewijzigd(self) -> bool:
        """Whether the document's own footnotes differ between the versions being rendered:
        then a prose field that is the same may still refer to one that changed."""
        return revisie.kant() == "beide" and self.centraal_oud != self.centraal

    @_stijlen_nodig
    def subdoc_wijziging(self, oud: Any, nieuw: Any) -> Any:
        """A prose field in both versions: its blocks aligned, a paragraph in both with its
        changes word by word, one only in one version marked whole."""
        sub = self.tpl.new_subdoc()
        self._beide(sub, _tekst(oud), _tekst(nieuw))
        return sub

    def _beide(self, sub: Any, oud: str, nieuw: str) -> None:
        a = prose.parse(oud, frozenset(self.centraal_oud))
        b = prose.parse(nieuw, frozenset(self.centraal))
        self._blokken_beide(sub, a.blokken, b.blokken, a, b, 0)

    def _blokken_beide(
        self,
        sub: Any,
        oude: tuple[Blok, ...],
        nieuwe: tuple[Blok, ...],
        sa: Tekststuk,
        sb: Tekststuk,
        diepte: int,
    ) -> None:
        for i, j in revisie.blokparen(oude, nieuwe):
            if j is None:
                assert i is not None
                self._alleen(sub, (oude[i],), sa, diepte, "oud")
            elif i is None:
                self._alleen(sub, (nieuwe[j],), sb, diepte, "nieuw")
            else:
                a, b = oude[i], nieuwe[j]
                if isinstance(a, Lijst) and isinstance(b, Lijst):
                    self._lijst_beide(sub, a, b, sa, sb, diepte)
                elif isinstance(b, Kop):
                    niveau = min(b.niveau + KOP_BASIS - 1, 9)
                    p = sub.add_paragraph(style=f"Heading {niveau}")
                    self._runs(p, self._runs_samen(a, b, sa, sb), sb)
                else:
                    self._runs(sub.add_paragraph(), self._runs_samen(a, b, sa, sb), sb)

    def _runs_samen(self, a: Any, b: Any, sa: Tekststuk, sb: Tekststuk) -> tuple[Run, ...]:
        return revisie.runs_samen(
            a.runs,
            b.runs,
            lambda label: self._eigen_voetnoot(label, sa, self.centraal_oud),
            lambda label: self._eigen_voetnoot(label, sb, self.centraal),
            self._opgelost,
        )

    def _alleen(
        self, sub: Any, blokken: tuple[Blok, ...], stuk: Tekststuk, diepte: int, staat: str
    ) -> None:
        vorige, self._heel = self._heel, staat
        try:
            self._blokken(sub, blokken, stuk, diepte)
        finally:
            self._heel = vorige

    def _lijst_beide(
        self, sub: Any, a: Lijst, b: Lijst, sa: Tekststuk, sb: Tekststuk, diepte: int
    ) -> None:
        suffix = "" if diepte == 0 else f" {min(diepte + 1, 3)}"
        style = ("List Number" if b.genummerd else "List Bullet") + suffix
        num_id = (
            nieuwe_nummering(self.tpl.docx, style, b.start, self._stijlnummer(style))
            if b.genummerd
            else None
        )
        for i, j in revisie.itemparen(a.items, b.items):
            if j is None:
                assert i is not None
                self._item_alleen(sub, a.items[i], style, num_id, suffix, sa, diepte, "oud")
            elif i is None:
                self._item_alleen(sub, b.items[j], style, num_id, suffix, sb, diepte, "nieuw")
            else:
                oud, nieuw = a.items[i], b.items[j]
                if (
                    len(oud) == len(nieuw) == 1
                    and isinstance(oud[0], Alinea)
                    and isinstance(nieuw[0], Alinea)
                ):
                    paragraph = sub.add_paragraph(style=style)
                    if num_id is not None:
                        zet_nummering(paragraph, num_id)
                    self._runs(paragraph, self._runs_samen(oud[0], nieuw[0], sa, sb), sb)
                elif oud == nieuw:
                    self._item(sub, nieuw, style, num_id, suffix, sb, diepte)
                else:
                    self._item_alleen(sub, oud, style, num_id, suffix, sa, diepte, "oud")
                    self._item_alleen(sub, nieuw, style, num_id, suffix, sb, diepte, "nieuw")

    def _item_alleen(
        self,
        sub: Any,
        item: tuple[Blok, ...],
        style: str,
        num_id: str | None,
        suffix: str,
        stuk: Tekststuk,
        diepte: int,
        staat: str,
    ) -> None:
        vorige, self._heel = self._heel, staat
        try:
            self._item(sub, item, style, num_id, suffix, stuk, diepte)
        finally:
            self._heel = vorige

    @_stijlen_nodig
    def tabel_wijziging(self, oud: Any, nieuw: Any, kopniveau: Any = None) -> Any:
        """A table in both versions: rows aligned, a changed cell as one deletion and one
        insertion, a row only in one version inserted or deleted whole."""
        sub = self.tpl.new_subdoc()
        for waarde in (oud, nieuw):
            if waarde not in (None, revisie.AFWEZIG) and not isinstance(waarde, Tabel):
                raise RenderFout(GEEN_TABEL.format(type(waarde).__name__))
        if isinstance(oud, Tabel) and isinstance(nieuw, Tabel):
            samen = revisie.tabel_samen(oud, nieuw, revisie.cel_heel)
            if samen is not None:
                docx_tabel(sub, samen, self._proza)
                return sub
        for waarde, staat in ((oud, "oud"), (nieuw, "nieuw")):
            if isinstance(waarde, Tabel):
                _gemarkeerd(sub, functools.partial(docx_tabel, sub, waarde, self._proza), staat)
        return sub

    def figuur_wijziging(self, oud: Any, nieuw: Any) -> Any:
        """A chart that changed: the old one deleted, the new one inserted."""
        from markupsafe import Markup

        delen = []
        if oud not in (None, revisie.AFWEZIG) and oud:
            delen += [revisie.DEL, self.figuur(oud).__html__(), revisie.EIND]
        if nieuw not in (None, revisie.AFWEZIG) and nieuw:
            delen += [revisie.INS, self.figuur(nieuw).__html__(), revisie.EIND]
        return Markup("".join(delen))

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
            self._item(sub, item, style, num_id, suffix, stuk, diepte)

    def _item(
        self,
        sub: Any,
        item: tuple[Blok, ...],
        style: str,
        num_id: str | None,
        suffix: str,
        stuk: Tekststuk,
        diepte: int,
    ) -> None:
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
        if self._heel is not None:  # a paragraph only one version has: marked whole
            p = paragraph._p
            mark = revisie.DEL if self._heel == "oud" else revisie.INS
            zet_tekst(p, mark + (tekst_van(p) or ""))
            p.tail = revisie.EIND + (p.tail or "")
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
        if label in self._opgelost.runs:
            return self._opgelost.runs[label]
        centraal = self.centraal_oud if self._heel == "oud" else self.centraal
        return self._eigen_voetnoot(label, stuk, centraal)

    @staticmethod
    def _eigen_voetnoot(label: str, stuk: Tekststuk, centraal: dict[str, str]) -> tuple[Run, ...]:
        if label in stuk.voetnoten:
            return stuk.voetnoten[label]
        eigen = prose.parse(str(centraal[label]))
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


def _tekst(waarde: Any) -> str:
    return "" if waarde is None or waarde is revisie.AFWEZIG else str(waarde)


def _gemarkeerd(sub: Any, schrijf: Callable[[], None], staat: str) -> None:
    """What `schrijf` adds to the subdocument, marked as only in version `staat`."""
    body = sub.subdocx.element.body
    voor = set(body)
    schrijf()
    nieuw = [e for e in body if e not in voor and e.tag != f"{{{W_NS}}}sectPr"]
    if not nieuw:
        return
    mark = revisie.DEL if staat == "oud" else revisie.INS
    zet_tekst(nieuw[0], mark + (tekst_van(nieuw[0]) or ""))
    nieuw[-1].tail = (nieuw[-1].tail or "") + revisie.EIND


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
