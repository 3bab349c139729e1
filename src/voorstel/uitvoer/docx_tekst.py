"""Prose into Word: real paragraphs, lists and footnotes in the template's styles."""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Callable
from typing import Any, TypeVar

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from lxml import etree
from markupsafe import Markup

from voorstel.blokken.nummering import nieuwe_nummering
from voorstel.blokken.tabellen import GEEN_TABEL, Tabel
from voorstel.kern import prose
from voorstel.kern.errors import RenderFout
from voorstel.kern.prose import Alinea, Blok, Kop, Lijst, Run, Tekststuk
from voorstel.uitvoer import revisie, revisie_inhoud, wml
from voorstel.uitvoer.tabel import docx_tabel

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

KOP_BASIS = 2
"""Prose headings (#) become Heading 2: the sections themselves are Heading 1."""

MARKEERKLEUR = "yellow"
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


class Wml(Markup):
    """WordprocessingML a filter writes in place of the paragraph it stands in ({{p }}):
    shown by the template, never escaped (wml.py made it from escaped text)."""


class DocxTekst(revisie_inhoud.BeideVersies):
    """Writes prose fields into one docxtpl document and keeps its footnotes.

    Prose and tables are written straight as WordprocessingML (wml.py): paragraphs in the
    template's styles, numbering, footnote references, each the XML python-docx wrote."""

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
        self._opgelost = revisie_inhoud.Voetnoten()
        self._heel: str | None = None
        """In a tracked-changes render, 'oud' or 'nieuw' while writing prose only that
        version has: each paragraph written is marked as such."""

    def _stijl_id(self, naam: str, soort: str = "paragraph") -> str | None:
        """A style's id in the template (looked up once per template, sjabloon.py); a
        style the template lacks is a KeyError python-docx words, as before."""
        typen = {
            "paragraph": WD_STYLE_TYPE.PARAGRAPH,
            "character": WD_STYLE_TYPE.CHARACTER,
            "table": WD_STYLE_TYPE.TABLE,
        }
        return self.tpl.docx.part.get_style_id(naam, typen[soort])  # type: ignore[no-any-return]

    @_stijlen_nodig
    def subdoc(self, text: str) -> Wml:
        """The prose as Word paragraphs."""
        if self._voetnoten_gewijzigd():
            return self.subdoc_wijziging(text, text)
        stuk = prose.parse(text, frozenset(self.centraal))
        uit: list[str] = []
        self._blokken(uit, stuk.blokken, stuk, diepte=0)
        return Wml("".join(uit))

    @_stijlen_nodig
    def tabel(self, view: Any, kopniveau: Any = None) -> Wml:
        """A computed table, its prose cells as Word paragraphs. `kopniveau` is for
        Markdown (a heading per row); in Word a table is a table."""
        if not isinstance(view, Tabel):
            raise RenderFout(GEEN_TABEL.format(type(view).__name__))
        return Wml(docx_tabel(view, self._stijl_id, self._proza))

    def _proza(self, text: Any) -> str:
        """Prose in a table cell: paragraphs, lists and footnotes, as in the text."""
        uit: list[str] = []
        if isinstance(text, revisie.Wijziging):
            self._beide(uit, _tekst(text.oud), _tekst(text.nieuw))
        elif self._voetnoten_gewijzigd():
            self._beide(uit, text, text)
        else:
            stuk = prose.parse(text, frozenset(self.centraal))
            self._blokken(uit, stuk.blokken, stuk, diepte=0)
        return "".join(uit)

    # -- tracked changes (revisie.py): both versions of a field at once -------------------

    def _voetnoten_gewijzigd(self) -> bool:
        """Whether the document's own footnotes differ between the versions being rendered:
        then a prose field that is the same may still refer to one that changed."""
        return revisie.kant() == "beide" and self.centraal_oud != self.centraal

    @_stijlen_nodig
    def subdoc_wijziging(self, oud: Any, nieuw: Any) -> Wml:
        """A prose field in both versions: its blocks aligned, a paragraph in both with its
        changes word by word, one only in one version marked whole."""
        uit: list[str] = []
        self._beide(uit, _tekst(oud), _tekst(nieuw))
        return Wml("".join(uit))

    def _beide(self, uit: list[str], oud: str, nieuw: str) -> None:
        a = prose.parse(oud, frozenset(self.centraal_oud))
        b = prose.parse(nieuw, frozenset(self.centraal))
        self._blokken_beide(uit, a.blokken, b.blokken, a, b, 0)

    def _blokken_beide(
        self,
        uit: list[str],
        oude: tuple[Blok, ...],
        nieuwe: tuple[Blok, ...],
        sa: Tekststuk,
        sb: Tekststuk,
        diepte: int,
    ) -> None:
        for i, j in revisie_inhoud.blokparen(oude, nieuwe):
            if j is None:
                assert i is not None
                self._alleen(uit, (oude[i],), sa, diepte, "oud")
            elif i is None:
                self._alleen(uit, (nieuwe[j],), sb, diepte, "nieuw")
            else:
                a, b = oude[i], nieuwe[j]
                if isinstance(a, Lijst) and isinstance(b, Lijst):
                    self._lijst_beide(uit, a, b, sa, sb, diepte)
                elif isinstance(b, Kop):
                    niveau = min(b.niveau + KOP_BASIS - 1, 9)
                    runs = self._runs(self._runs_samen(a, b, sa, sb), sb)
                    uit.append(self._alinea(runs, f"Heading {niveau}"))
                else:
                    uit.append(self._alinea(self._runs(self._runs_samen(a, b, sa, sb), sb)))

    def _alleen(
        self, uit: list[str], blokken: tuple[Blok, ...], stuk: Tekststuk, diepte: int, staat: str
    ) -> None:
        with self._alleen_in(staat):
            self._blokken(uit, blokken, stuk, diepte)

    def _lijst_beide(
        self, uit: list[str], a: Lijst, b: Lijst, sa: Tekststuk, sb: Tekststuk, diepte: int
    ) -> None:
        suffix = "" if diepte == 0 else f" {min(diepte + 1, 3)}"
        style = ("List Number" if b.genummerd else "List Bullet") + suffix
        num_id = self._nummering(style, b)
        for staat, item in self._itemstappen(a, b):
            if staat == "alinea":
                runs = self._runs(self._runs_samen(item[0], item[1], sa, sb), sb)
                uit.append(self._alinea(runs, style, num_id))
            elif staat == "zelfde":
                self._item(uit, item, style, num_id, suffix, sb, diepte)
            else:
                with self._alleen_in(staat):
                    stuk = sa if staat == "oud" else sb
                    self._item(uit, item, style, num_id, suffix, stuk, diepte)

    @_stijlen_nodig
    def tabel_wijziging(self, oud: Any, nieuw: Any, kopniveau: Any = None) -> Wml:
        """A table in both versions: rows aligned, a changed cell as one deletion and one
        insertion, a row only in one version inserted or deleted whole."""
        for waarde in (oud, nieuw):
            if waarde not in (None, revisie.AFWEZIG) and not isinstance(waarde, Tabel):
                raise RenderFout(GEEN_TABEL.format(type(waarde).__name__))
        if isinstance(oud, Tabel) and isinstance(nieuw, Tabel):
            samen = revisie_inhoud.tabel_samen(oud, nieuw, revisie_inhoud.cel_heel)
            if samen is not None:
                return Wml(docx_tabel(samen, self._stijl_id, self._proza))
        delen = []
        for waarde, staat in ((oud, "oud"), (nieuw, "nieuw")):
            if isinstance(waarde, Tabel):
                delen.append(revisie.heel(docx_tabel(waarde, self._stijl_id, self._proza), staat))
        return Wml("".join(delen))

    def figuur_wijziging(self, oud: Any, nieuw: Any) -> Any:
        """A chart that changed: the old one deleted, the new one inserted."""
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

    # -- the blocks of prose ----------------------------------------------------------------

    def _alinea(self, runs: str, stijl: str | None = None, num_id: str | None = None) -> str:
        """A paragraph (in a style, of a list), marked whole while writing what only one
        version has."""
        sid = None if stijl is None else self._stijl_id(stijl)
        xml = wml.p(runs, sid, met_stijl=stijl is not None, num_id=num_id)
        return xml if self._heel is None else revisie.heel(xml, self._heel)

    def _blokken(
        self, uit: list[str], blokken: tuple[Blok, ...], stuk: Tekststuk, diepte: int
    ) -> None:
        for blok in blokken:
            if isinstance(blok, Alinea):
                uit.append(self._alinea(self._runs(blok.runs, stuk)))
            elif isinstance(blok, Kop):
                niveau = min(blok.niveau + KOP_BASIS - 1, 9)
                uit.append(self._alinea(self._runs(blok.runs, stuk), f"Heading {niveau}"))
            else:
                self._lijst(uit, blok, stuk, diepte)

    def _stijlnummer(self, style: str) -> str | None:
        """The numbering of a list style, known per template when the template keeps it
        (Sjabloon), so the styles need not be read for every document."""
        bekend = getattr(self.tpl, "stijlnummer", None)
        return bekend(style) if bekend is not None else None

    def _nummering(self, style: str, lijst: Lijst) -> str | None:
        if not lijst.genummerd:
            return None
        self._stijl_id(style)  # a template without the style says so, before numbering it
        return nieuwe_nummering(self.tpl.docx, style, lijst.start, self._stijlnummer(style))

    def _lijst(self, uit: list[str], lijst: Lijst, stuk: Tekststuk, diepte: int) -> None:
        suffix = "" if diepte == 0 else f" {min(diepte + 1, 3)}"
        style = ("List Number" if lijst.genummerd else "List Bullet") + suffix
        num_id = self._nummering(style, lijst)
        for item in lijst.items:
            self._item(uit, item, style, num_id, suffix, stuk, diepte)

    def _item(
        self,
        uit: list[str],
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
                self._lijst(uit, blok, stuk, diepte + 1)
                continue
            runs = self._runs(blok.runs, stuk)
            if first:
                uit.append(self._alinea(runs, style, num_id))
                first = False
            else:
                uit.append(self._alinea(runs, "List Continue" + suffix))

    def _runs(self, runs: tuple[Run, ...], stuk: Tekststuk) -> str:
        uit = []
        for run in runs:
            if run.voetnoot is not None:
                uit.append(self._voetnoot_verwijzing(self._voetnoot_runs(run.voetnoot, stuk)))
                continue
            markering = MARKEERKLEUR if run.lak is not None else None
            eigenschappen = wml.r_pr(vet=run.vet, cursief=run.cursief, markering=markering)
            uit.append(wml.r(wml.inhoud(run.tekst), eigenschappen))
        return "".join(uit)

    def _voetnoot_verwijzing(self, runs: tuple[Run, ...]) -> str:
        footnote_id = len(self.voetnoten) + 1
        self.voetnoten.append((footnote_id, runs))
        stijl = self._stijl_id("Footnote Reference", "character")
        return wml.r(f'<w:footnoteReference w:id="{footnote_id}"/>', wml.r_pr(stijl=stijl))

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
