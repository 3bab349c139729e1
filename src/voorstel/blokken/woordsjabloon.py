"""The Sjabloon class: the Word and Markdown templates of a document under construction.

Each operation writes its Word form and its Markdown form from the same call, so a block
is written once. Used by each soort's sjabloon.py and by woordblokken.py (the blocks every
soort shares); soorten/genereer.py saves the result (`make templates`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from voorstel.blokken.nummering import nieuwe_nummering, zet_nummering

LETTER = "Arial"
KLEUR = RGBColor(0x1F, 0x3A, 0x5F)
KOP_GROOTTES = {1: 13, 2: 11, 3: 10}

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


MD_KOP = (
    "{# Gemaakt door voorstel, samen met document.docx (make templates). "
    "Een kopie in een eigen sjabloonmap mag u aanpassen. #}\n"
)


class Sjabloon:
    """A Word template and its Markdown twin under construction, with the operations every
    soort uses."""

    def __init__(self, titel: str) -> None:
        self.doc = Document()
        self.body = self.doc
        self._md: list[str] = []
        self._md_aan = True
        self._stijlen()
        self._voetnoten()
        self._paginas()
        props = self.doc.core_properties
        props.title = titel
        props.author = "voorstel"
        props.language = "nl-NL"

    # -- set-up ---------------------------------------------------------------------------

    def _stijlen(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = LETTER
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        r_pr = normal.element.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), LETTER)
        _taal(r_pr)
        _taal(styles.element.find(f".//{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        for level, size in KOP_GROOTTES.items():
            kop = styles[f"Heading {level}"]
            kop.font.name = LETTER
            kop.font.size = Pt(size)
            kop.font.bold = True
            kop.font.italic = False
            kop.font.color.rgb = KLEUR
            kop.paragraph_format.space_before = Pt(12 if level == 1 else 8)
            kop.paragraph_format.space_after = Pt(4)
        title = styles["Title"]
        title.font.name = LETTER
        title.font.size = Pt(20)
        title.font.color.rgb = KLEUR
        for name in ("List Number", "List Bullet", "List Continue"):
            styles[name].paragraph_format.space_after = Pt(3)
        tekst = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        tekst.base_style = normal
        tekst.font.size = Pt(8)
        tekst.paragraph_format.space_after = Pt(0)
        ref = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
        ref.font.superscript = True
        kop = styles.add_style("Kopblok", WD_STYLE_TYPE.PARAGRAPH)
        kop.base_style = normal
        kop.font.size = Pt(9)
        kop.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        na_tabel = styles.add_style("Na tabel", WD_STYLE_TYPE.PARAGRAPH)
        na_tabel.base_style = normal
        na_tabel.font.size = Pt(4)
        na_tabel.paragraph_format.space_after = Pt(4)
        na_tabel.paragraph_format.line_spacing = 1.0
        bijschrift = styles["Caption"]
        bijschrift.font.name = LETTER
        bijschrift.font.size = Pt(9)

    def _voetnoten(self) -> None:
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            FOOTNOTES_XML.encode("utf-8"),
            self.doc.part.package,
        )
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        settings = self.doc.settings.element
        pr = OxmlElement("w:footnotePr")
        for footnote_id in ("-1", "0"):
            note = OxmlElement("w:footnote")
            note.set(qn("w:id"), footnote_id)
            pr.append(note)
        settings.insert(0, pr)

    def _paginas(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.2)
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = header.add_run(
            "{% if kopblok.openbaarheid != 'openbaar' %}{{ kopblok.openbaarheid|upper }}{% endif %}"
        )
        run.bold = True
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer.add_run("Pagina ")
        _veld(footer, "PAGE")

    # -- Markdown -----------------------------------------------------------------------
    # Every operation writes its Word form into self.doc and its Markdown form (a Jinja
    # template with trim_blocks and lstrip_blocks) into self._md: each block exists once.

    def md(self, text: str) -> None:
        """Raw Markdown template text, for a block whose Markdown form is its own."""
        if self._md_aan:
            self._md.append(text)

    @contextmanager
    def alleen_word(self) -> Iterator[None]:
        """Operations whose Markdown form the caller writes itself, with md()."""
        vorige, self._md_aan = self._md_aan, False
        try:
            yield
        finally:
            self._md_aan = vorige

    def _md_regel(self, text: str, blanco: bool = True) -> None:
        """A line of Markdown, then a blank line unless `blanco` is off. A line ending in a
        block tag gets one newline more: trim_blocks eats the one right after the tag."""
        self.md(text + ("\n" if text.endswith("%}") else "") + ("\n\n" if blanco else "\n"))

    @property
    def markdown(self) -> str:
        return MD_KOP + "".join(self._md)

    # -- text -----------------------------------------------------------------------------

    def alinea(self, text: str = "", style: str | None = None, vet: bool = False) -> None:
        """A paragraph; in Markdown a Title is '# ', a Caption italic, an empty one nothing."""
        paragraph = self.body.add_paragraph(style=style)
        if text:
            paragraph.add_run(text).bold = vet or None
            if style == "Title":
                self._md_regel(f"# {text}")
            elif style == "Caption":
                self._md_regel(f"*{text}*")
            else:
                self._md_regel(f"**{text}**" if vet else text)

    def tag(self, tag: str) -> None:
        """A paragraph holding only a docxtpl tag; docxtpl removes it when rendering.
        Word only: a caller writes the Markdown form of what the tag does with md()."""
        self.body.add_paragraph(tag)

    def kop(self, text: str, level: int = 1, nieuwe_pagina: bool = False) -> None:
        """Heading n in Word, n + 1 hashes in Markdown (where '#' is the title); a new page
        is a horizontal rule in Markdown."""
        kop = self.body.add_paragraph(text, style=f"Heading {level}")
        if nieuwe_pagina:
            kop.paragraph_format.page_break_before = True
            self.md("\n---\n\n")
        self._md_regel(f"{'#' * (level + 1)} {text}")

    def scheiding(self) -> None:
        """An empty paragraph in Word, a horizontal rule in Markdown."""
        self.body.add_paragraph()
        self.md("\n---\n\n")

    def tekst(self, expr: str, voorwaarde: bool = True) -> None:
        """Prose: the `tekst` filter turns Markdown into paragraphs, lists and footnotes."""
        self.tag(f"{{{{p {expr}|tekst }}}}")
        if voorwaarde:
            self.md(f"{{% if {expr} %}}\n")
        self._md_regel(f"{{{{ {expr}|tekst }}}}")
        if voorwaarde:
            self.md("{% endif %}\n")

    def tabel_van(self, expr: str) -> None:
        """A computed table (blokken.tabellen), drawn by each format's table renderer."""
        self.tag(f"{{{{p {expr}|tabel }}}}")
        self.md(f"{{% if {expr} %}}\n")
        self._md_regel(f"{{{{ {expr}|tabel }}}}")
        self.md("{% endif %}\n")

    @contextmanager
    def als(self, condition: str) -> Iterator[None]:
        self.tag(f"{{%p if {condition} %}}")
        self.md(f"{{% if {condition} %}}\n")
        yield
        self.tag("{%p endif %}")
        self.md("{% endif %}\n")

    @contextmanager
    def voor(self, loop: str) -> Iterator[None]:
        self.tag(f"{{%p for {loop} %}}")
        self.md(f"{{% for {loop} %}}\n")
        yield
        self.tag("{%p endfor %}")
        self.md("{% endfor %}\n")

    def sectie(self, titel: str, expr: str, level: int = 1) -> None:
        """An optional section of prose: heading and text, left out when empty."""
        with self.als(expr):
            self.kop(titel, level)
            self.tekst(expr, voorwaarde=False)

    def lijst(self, loop: str, text: str, blanco_na: bool = True) -> None:
        """A numbered list, one item per loop step, numbered from 1 (its own Word list);
        in Markdown a tight list, followed by a blank line unless `blanco_na` is off."""
        num_id = nieuwe_nummering(self.doc, "List Number")
        with self.voor(loop):
            zet_nummering(self.body.add_paragraph(text, style="List Number"), num_id)
            self._md_regel(f"{{{{ loop.index }}}}. {text}", blanco=False)
        if blanco_na:
            self.md("\n")

    def regels(self, item: str, lijst: str) -> None:
        """One paragraph per item in Word, one paragraph of lines in Markdown."""
        with self.alleen_word(), self.voor(f"{item} in {lijst}"):
            self.alinea(f"{{{{ {item} }}}}")
        self._md_regel(f'{{{{ {lijst}|join("  \\n") }}}}')

    # -- tables ---------------------------------------------------------------------------

    def tabel(
        self,
        kolommen: list[tuple[str, str, float]],
        loop: str,
        totaal: list[str] | None = None,
        bedragen: bool = True,
    ) -> Any:
        """A table with a repeating header row, one row per item, and an optional total row.
        Word only: its callers write the Markdown form themselves.

        kolommen: (header, cell expression, width in cm); the last column is right-aligned
        when it holds an amount.
        """
        rows = 4 + (1 if totaal else 0)
        table = self.body.add_table(rows=rows, cols=len(kolommen))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        header, start, data, end = table.rows[0], table.rows[1], table.rows[2], table.rows[3]
        _herhaal_kop(header)
        for index, (titel, expr, breedte) in enumerate(kolommen):
            rechts = bedragen and index == len(kolommen) - 1 and len(kolommen) > 1
            _cel(header.cells[index], titel, vet=True, rechts=rechts, arcering=True)
            _cel(data.cells[index], expr, rechts=rechts)
            # LibreOffice lays out by the grid, Word by the cells: set both.
            table.columns[index].width = Cm(breedte)
            for row in table.rows:
                row.cells[index].width = Cm(breedte)
        _cel(start.cells[0], f"{{%tr for {loop} %}}")
        _cel(end.cells[0], "{%tr endfor %}")
        _niet_splitsen(header)
        _niet_splitsen(data)  # a row is never cut across two pages
        if totaal:
            row = table.rows[4]
            _niet_splitsen(row)
            for index, text in enumerate(totaal):
                _cel(row.cells[index], text, vet=True, rechts=index == len(totaal) - 1)
        # Word has no space below a table; a small paragraph keeps the next text off it.
        self.body.add_paragraph(style="Na tabel")
        return table

    def gegevens(self, rijen: list[tuple[str, str, str | None]], velden: str | None = None) -> Any:
        """A borderless table of 'label  value' rows; a row with a condition may be left out.

        rijen: (label, value expression, condition or None). velden: an expression of a
        list of {label, waarde} (the gemeente's own kop fields), a row each after them.
        """
        aantal = sum(3 if conditie else 1 for _, _, conditie in rijen) + (3 if velden else 0)
        table = self.body.add_table(rows=aantal, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        _beschrijf(table, "Gegevens", "Gegevens van het document: per regel een naam en waarde.")
        rows = iter(table.rows)
        for label, waarde, conditie in rijen:
            if conditie:
                _cel(next(rows).cells[0], f"{{%tr if {conditie} %}}")
            row = next(rows)
            _cel(row.cells[0], label, vet=True)
            _cel(row.cells[1], waarde)
            if conditie:
                _cel(next(rows).cells[0], "{%tr endif %}")
        if velden:
            _cel(next(rows).cells[0], f"{{%tr for veld in {velden} %}}")
            row = next(rows)
            _cel(row.cells[0], "{{ veld.label }}", vet=True)
            _cel(row.cells[1], "{{ veld.waarde }}")
            _cel(next(rows).cells[0], "{%tr endfor %}")
        table.autofit = False
        for column, breedte in zip(table.columns, (Cm(6.8), Cm(9.2)), strict=True):
            column.width = breedte
            for cell in column.cells:
                cell.width = breedte
        self.body.add_paragraph(style="Na tabel")
        self._md_regel(_md_gegevens(rijen, velden))
        return table

    def bewaar(self, path: Path) -> None:
        """The Word template at `path` (<stuk>.docx) and the Markdown one beside it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        path.with_suffix(".md.j2").write_text(self.markdown, encoding="utf-8")


def _md_gegevens(rijen: list[tuple[str, str, str | None]], velden: str | None = None) -> str:
    """'**Label:** value' lines with hard line breaks; a row with a condition is left out,
    with its line break, when the condition is false; then a line per item of `velden`."""
    text = ""
    for label, waarde, conditie in rijen:
        regel = f"**{label}:** {waarde}"
        if conditie:
            text += f"{{% if {conditie} %}}  \n{regel}{{% endif %}}"
        else:
            text += ("  \n" if text else "") + regel
    if velden:
        breuk = "  \n" if text else "{% if not loop.first %}  \n{% endif %}"
        text += (
            f"{{% for veld in {velden} %}}{breuk}**{{{{ veld.label }}}}:** {{{{ veld.waarde }}}}"
        )
        text += "{% endfor %}"
    return text


def _taal(r_pr: object) -> None:
    lang = r_pr.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)  # type: ignore[attr-defined]
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), "nl-NL")


def _veld(paragraph: object, instr: str) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (
        ("begin", None),
        (None, instr),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def _beschrijf(table: Table, titel: str, omschrijving: str) -> None:
    """Alternative text of a table without a header row (its headers are in column 1)."""
    tbl_pr = table._tbl.tblPr
    for tag, waarde in (("w:tblCaption", titel), ("w:tblDescription", omschrijving)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), waarde)
        tbl_pr.append(element)


def _niet_splitsen(row: object) -> None:
    """Keep a row on one page (cantSplit comes first in its properties)."""
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().insert(0, cant)  # type: ignore[attr-defined]


def _herhaal_kop(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _cel(
    cell: object, text: str, vet: bool = False, rechts: bool = False, arcering: bool = False
) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    paragraph.paragraph_format.space_after = Pt(0)
    if rechts:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = vet or None
    if arcering:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "D9E2F3")
        cell._tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]


def _veldteken(paragraph: object, soort: str, dirty: bool = False) -> None:
    teken = OxmlElement("w:fldChar")
    teken.set(qn("w:fldCharType"), soort)
    if dirty:
        teken.set(qn("w:dirty"), "true")
    paragraph.add_run()._r.append(teken)  # type: ignore[attr-defined]


def _instructie(paragraph: object, instr: str) -> None:
    el = OxmlElement("w:instrText")
    el.set(qn("xml:space"), "preserve")
    el.text = f" {instr} "
    paragraph.add_run()._r.append(el)  # type: ignore[attr-defined]
