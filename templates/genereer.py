"""Generate the default Word templates (docxtpl) from code, so changes are readable diffs.

Run with `make templates`. A user restyles a generated document.docx in Word to their
huisstijl and points `voorstel build --templates` at their own folder.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from voorstel.render.docx_tekst import nieuwe_nummering, zet_nummering

HIER = Path(__file__).resolve().parent
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


class Sjabloon:
    """A Word template under construction, with the building blocks every soort shares."""

    def __init__(self, titel: str) -> None:
        self.doc = Document()
        self.body = self.doc
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

    # -- text -----------------------------------------------------------------------------

    def alinea(self, text: str = "", style: str | None = None, vet: bool = False) -> None:
        paragraph = self.body.add_paragraph(style=style)
        if text:
            paragraph.add_run(text).bold = vet or None

    def tag(self, tag: str) -> None:
        """A paragraph holding only a docxtpl tag; docxtpl removes it when rendering."""
        self.body.add_paragraph(tag)

    def kop(self, text: str, level: int = 1) -> None:
        self.body.add_paragraph(text, style=f"Heading {level}")

    def tekst(self, expr: str) -> None:
        """Prose: the `tekst` filter turns Markdown into paragraphs, lists and footnotes."""
        self.tag(f"{{{{p {expr}|tekst }}}}")

    @contextmanager
    def als(self, condition: str) -> Iterator[None]:
        self.tag(f"{{%p if {condition} %}}")
        yield
        self.tag("{%p endif %}")

    @contextmanager
    def voor(self, loop: str) -> Iterator[None]:
        self.tag(f"{{%p for {loop} %}}")
        yield
        self.tag("{%p endfor %}")

    def sectie(self, titel: str, expr: str, level: int = 1) -> None:
        """An optional section of prose: heading and text, left out when empty."""
        with self.als(expr):
            self.kop(titel, level)
            self.tekst(expr)

    def genummerd(self, text: str, num_id: str) -> None:
        """A numbered paragraph in its own list (numbering restarts at 1)."""
        zet_nummering(self.body.add_paragraph(text, style="List Number"), num_id)

    def nieuwe_lijst(self) -> str:
        """A new numbering instance of the List Number style, starting at 1."""
        return nieuwe_nummering(self.doc, "List Number")

    # -- tables ---------------------------------------------------------------------------

    def tabel(
        self,
        kolommen: list[tuple[str, str, float]],
        loop: str,
        totaal: list[str] | None = None,
        bedragen: bool = True,
    ) -> Table:
        """A table with a repeating header row, one row per item, and an optional total row.

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
        if totaal:
            row = table.rows[4]
            for index, text in enumerate(totaal):
                _cel(row.cells[index], text, vet=True, rechts=index == len(totaal) - 1)
        # Word has no space below a table; a small paragraph keeps the next text off it.
        self.body.add_paragraph(style="Na tabel")
        return table

    def gegevens(self, rijen: list[tuple[str, str, str | None]]) -> Table:
        """A borderless table of 'label  value' rows; a row with a condition may be left out.

        rijen: (label, value expression, condition or None).
        """
        aantal = sum(3 if conditie else 1 for _, _, conditie in rijen)
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
        table.autofit = False
        for column, breedte in zip(table.columns, (Cm(6.8), Cm(9.2)), strict=True):
            column.width = breedte
            for cell in column.cells:
                cell.width = breedte
        self.body.add_paragraph(style="Na tabel")
        return table

    def bewaar(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))


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


# -- shared blocks ------------------------------------------------------------------------


def kopblok(s: Sjabloon, soortnaam: str, kopregel: bool = True) -> None:
    """Title, then 'Datum: ... | Openbaar | Zaaknummer: ...' (unless `kopregel` is off)."""
    s.alinea(soortnaam.upper(), style="Title")
    if not kopregel:
        return
    s.alinea(
        "Datum: {{ kopblok.datum|datum }} | {{ kopblok.openbaarheid|capitalize }}"
        "{% if kopblok.zaaknummer %} | Zaaknummer: {{ kopblok.zaaknummer }}{% endif %}",
        style="Kopblok",
    )


def kostentabel(s: Sjabloon, tabel: str) -> None:
    """A cost table: four columns when any post has a toelichting or opmerking, else two."""
    bedrag = f"{{{{ post.bedrag|bedrag({tabel}.centen) if post.bedrag is not none else 'PM' }}}}"
    totaal = f"{{{{ {tabel}.totaal|bedrag({tabel}.centen) }}}}"
    with s.als(f"{tabel}.titel"):
        s.alinea(f"{{{{ {tabel}.titel }}}}", style="Caption")
    s.tag(f"{{%p if {tabel}.uitgebreid %}}")
    s.tabel(
        [
            ("Onderdeel", "{{ post.onderdeel }}", 4.0),
            ("Toelichting", "{{ post.toelichting or '' }}", 5.0),
            ("Opmerking", "{{ post.opmerking or '' }}", 4.0),
            (f"{{{{ {tabel}.kolom_bedrag }}}}", bedrag, 3.0),
        ],
        f"post in {tabel}.posten",
        totaal=["Totaal", "", "", totaal],
    )
    s.tag("{%p else %}")
    s.tabel(
        [
            ("Onderdeel", "{{ post.onderdeel }}", 10.0),
            (f"{{{{ {tabel}.kolom_bedrag }}}}", bedrag, 6.0),
        ],
        f"post in {tabel}.posten",
        totaal=["Totaal", totaal],
    )
    s.tag("{%p endif %}")
    with s.als(f"{tabel}.noot"):
        s.alinea(f"{{{{ {tabel}.noot }}}}", style="Caption")


def bijlagen(s: Sjabloon, geen: bool = False) -> None:
    """The list of bijlagen; with `geen`, the section shows 'Geen' when there are none."""
    lijst = s.nieuwe_lijst()
    if geen:
        s.kop("Bijlagen")
        with s.als("not bijlagen"):
            s.alinea("Geen")
    with s.als("bijlagen"):
        if not geen:
            s.kop("Bijlagen")
        with s.voor("bijlage in bijlagen"):
            s.genummerd(
                "{{ bijlage.titel }}{% if bijlage.omschrijving %}: "
                "{{ bijlage.omschrijving }}{% endif %}",
                lijst,
            )


def kopgegevens(s: Sjabloon) -> None:
    """The metadata block: onderwerp, portefeuillehouder, eenheid, contact, openbaarheid."""
    kop = "kopblok"
    s.gegevens(
        [
            ("Onderwerp", "{{ onderwerp }}", None),
            (
                "Portefeuillehouder",
                f"{{{{ {kop}.portefeuillehouder.naam }}}} ({{{{ {kop}.portefeuillehouder.rol }}}})",
                None,
            ),
            ("Eenheid", f"{{{{ {kop}.eenheid }}}}", None),
            ("Contactpersoon", f"{{{{ {kop}.contact.naam }}}}", None),
            ("Contactgegevens", f"{{{{ {kop}.contact.gegevens }}}}", None),
            ("Openbaarheid", f"{{{{ {kop}.openbaarheid|capitalize }}}}", None),
            ("Zaaknummer", f"{{{{ {kop}.zaaknummer }}}}", f"{kop}.zaaknummer"),
        ]
    )


def behandeling(s: Sjabloon) -> None:
    """The dates of the college and council meetings."""
    s.gegevens(
        [
            (
                "Behandeld in collegevergadering van",
                "{{ behandeling.collegevergadering|datum }}",
                None,
            ),
            (
                "Behandeling in raadsvergadering van",
                "{{ behandeling.raadsvergadering|datum }}",
                "behandeling.raadsvergadering",
            ),
        ]
    )


def paragrafen(s: Sjabloon, expr: str, niveau: int = 2) -> None:
    """Paragrafen: heading, text, lettered onderdelen (a., b., ...) and text after them."""
    with s.voor(f"paragraaf in {expr}"):
        with s.als("paragraaf.titel"):
            s.kop("{{ paragraaf.titel }}", niveau)
        s.tekst("paragraaf.tekst")
        with s.voor("deel in paragraaf.onderdelen"):
            s.kop("{{ deel.letter }}. {{ deel.titel }}", min(niveau + 1, 3))
            s.tekst("deel.tekst")
        s.tekst("paragraaf.tekst_na")


def financien(s: Sjabloon, titel: str) -> None:
    """The financial section: text, then onderdelen each with an optional cost table."""
    with s.als("financien"):
        s.kop(titel)
        s.tekst("financien.tekst")
        with s.voor("onderdeel in financien.onderdelen"):
            with s.als("onderdeel.titel"):
                s.kop("{{ onderdeel.titel }}", 2)
            s.tekst("onderdeel.tekst")
            with s.als("onderdeel.tabel"):
                kostentabel(s, "onderdeel.tabel")
            s.tag("{{p onderdeel.begroting|tabel }}")
            s.tag("{{p onderdeel.verdeling|tabel }}")
            s.tekst("onderdeel.tekst_na")


def risicotabel(s: Sjabloon, expr: str) -> None:
    """The table of risks: risico, omschrijving, and the beheersmaatregelen as a list."""
    s.tabel(
        [
            ("Risico", "{{ risico.risico }}", 4.0),
            ("Omschrijving", "{{p risico.omschrijving|tekst }}", 6.0),
            (
                "Beheersmaatregelen",
                "{{p (risico.beheersmaatregelen or '')|tekst }}",
                6.0,
            ),
        ],
        f"risico in {expr}",
        bedragen=False,
    )


def risicos(s: Sjabloon, titel: str = "Risico's") -> None:
    """Risico's: text and/or a table of risks with their beheersmaatregelen."""
    with s.als("risicos"):
        s.kop(titel)
        s.tekst("risicos.tekst")
        with s.als("risicos.lijst"):
            risicotabel(s, "risicos.lijst")


def ondertekening(s: Sjabloon) -> None:
    """'Burgemeester en wethouders van de gemeente X,' with burgemeester and secretaris."""
    s.alinea()
    s.alinea("Burgemeester en wethouders van de gemeente {{ gemeente }},")
    for functie in ("burgemeester", "gemeentesecretaris"):
        ondertekenaar = f"ondertekening.{functie}"
        paragraph = s.body.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.paragraph_format.keep_together = True
        paragraph.add_run(f"de {functie}").add_break()
        paragraph.add_run(
            f"{{% if {ondertekenaar}.titel %}}{{{{ {ondertekenaar}.titel }}}} {{% endif %}}"
            f"{{{{ {ondertekenaar}.naam }}}}"
        )


def bijlagen_inhoud(s: Sjabloon) -> None:
    """Bijlagen with content of their own, each on a new page: 'BIJLAGE 1: titel'."""
    with s.voor("bijlage in bijlagen"), s.als("bijlage.inhoud"):
        kop = s.body.add_paragraph(
            "BIJLAGE {{ loop.index }}: {{ bijlage.titel }}", style="Heading 1"
        )
        kop.paragraph_format.page_break_before = True
        paragrafen(s, "bijlage.inhoud")


def communicatie(s: Sjabloon) -> None:
    with s.als("communicatie"):
        s.kop("Communicatie")
        with s.als("communicatie.kernboodschap"):
            s.kop("Kernboodschap", 2)
            s.tekst("communicatie.kernboodschap")
        s.tekst("communicatie.tekst")


# -- document types -----------------------------------------------------------------------


def collegevoorstel() -> Sjabloon:
    s = Sjabloon("Collegevoorstel")
    kopblok(s, "Collegevoorstel")
    s.kop("Onderwerp")
    s.alinea("{{ onderwerp }}")
    s.kop("Voorstel")
    punten = s.nieuwe_lijst()
    with s.voor("punt in beslispunten"):
        s.genummerd("{{ punt }}", punten)
    s.kop("Samenvatting")
    s.tekst("samenvatting")
    s.sectie("Juridisch kader", "juridisch_kader")
    s.sectie("Aanleiding", "aanleiding")
    with s.als("monitoring"):
        s.kop("Welke data zijn gebruikt en op welke manier wordt de uitvoering gemonitord?")
        s.tekst("monitoring.tekst")
        with s.als("monitoring.doelen"):
            s.tabel(
                [
                    ("Beoogd resultaat", "{{ doel.omschrijving }}", 12.0),
                    ("Aantal", "{{ doel.aantal|getal }}", 4.0),
                ],
                "doel in monitoring.doelen",
            )
        s.tekst("monitoring.tekst_na")
    s.sectie(
        "Welke externe belanghebbenden zijn betrokken en hoe is het proces gevoerd?",
        "belanghebbenden",
    )
    s.sectie("Wat willen we gaan doen?", "wat_willen_we")
    with s.als("argumenten"):
        s.kop("Afweging van argumenten voor en tegen")
        with s.voor("argument in argumenten"):
            s.kop("{{ argument.nummer }} {{ argument.titel }}", 2)
            s.tekst("argument.tekst")
    with s.als("kanttekeningen"):
        s.kop("Kanttekeningen")
        with s.voor("kanttekening in kanttekeningen"):
            s.kop("{{ kanttekening.titel }}", 2)
            s.tekst("kanttekening.tekst")
    financien(s, "Wat mag het kosten en waar gaan we het van betalen?")
    risicos(s)
    communicatie(s)
    bijlagen(s)
    bijlagen_inhoud(s)
    return s


def raadsinformatiebrief() -> Sjabloon:
    s = Sjabloon("Raadsinformatiebrief")
    kopblok(s, "Informatie voor de raad", kopregel=False)
    kopgegevens(s)
    behandeling(s)
    s.kop("Kernboodschap")
    s.tekst("kernboodschap")
    s.kop("Toelichting")
    paragrafen(s, "toelichting")
    s.sectie("Betrokkenheid gemeenteraad", "betrokkenheid_gemeenteraad")
    with s.als("advies"):
        s.kop("Advies van {{ advies.adviesraad }}")
        s.tekst("advies.tekst")
    financien(s, "Financiën")
    s.sectie("Communicatie", "communicatie")
    s.sectie("Vervolg", "vervolg")
    bijlagen(s, geen=True)
    ondertekening(s)
    bijlagen_inhoud(s)
    return s


def memo() -> Sjabloon:
    s = Sjabloon("Memo")
    kopblok(s, "Memo", kopregel=False)
    s.gegevens(
        [
            ("Kennisnemen van", "{{ kennisnemen_van }}", None),
            ("Onderwerp", "{{ onderwerp }}", None),
            ("Zaaknummer", "{{ kopblok.zaaknummer }}", "kopblok.zaaknummer"),
        ]
    )
    s.kop("Inleiding")
    s.tekst("inleiding")
    paragrafen(s, "besluiten", 1)
    paragrafen(s, "stand_van_zaken", 1)
    risicos(s)
    s.alinea()
    s.alinea("{{ kopblok.datum|datum }}")
    with s.voor("auteur in auteurs"):
        s.alinea("{{ auteur }}")
    bijlagen(s)
    bijlagen_inhoud(s)
    return s


def inhoudsopgave(s: Sjabloon) -> None:
    """A Word TOC field over Heading 1-3, pre-filled with the headings, each linked to its
    heading's bookmark; Word updates it on opening (w:updateFields), pdf.py adds the page
    numbers before LibreOffice makes the PDF (LibreOffice does not update it)."""
    s.alinea("Inhoudsopgave", style="TOC Heading")
    begin = s.body.add_paragraph(style="toc 1")
    _veldteken(begin, "begin", dirty=True)
    _instructie(begin, 'TOC \\o "1-3" \\h \\z \\u')
    _veldteken(begin, "separate")
    with s.voor("item in inhoudsopgave"):
        for niveau in (1, 2, 3):
            with s.als(f"item.niveau == {niveau}"):
                entry = s.body.add_paragraph(style=f"toc {niveau}")
                link = OxmlElement("w:hyperlink")
                link.set(qn("w:anchor"), "{{ item.anker }}")
                link.set(qn("w:history"), "1")
                run = entry.add_run(
                    "{% if item.nummer %}{{ item.nummer }} {% endif %}{{ item.titel }}"
                )
                link.append(run._r)
                entry._p.append(link)
    _veldteken(s.body.add_paragraph(style="toc 1"), "end")
    s.alinea()
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    s.doc.settings.element.append(update)


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


def genummerde_kop(s: Sjabloon, niveau: int, nieuwe_pagina: bool = False) -> None:
    """'5.3.2 Titel' in Heading n, with the bookmark the table of contents links to."""
    kop = s.body.add_paragraph(style=f"Heading {niveau}")
    kop.paragraph_format.page_break_before = nieuwe_pagina or None
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "{{ loop.index }}")
    start.set(qn("w:name"), "{{ deel.anker }}")
    kop._p.append(start)
    kop.add_run("{% if deel.nummer %}{{ deel.nummer }} {% endif %}{{ deel.titel }}")
    einde = OxmlElement("w:bookmarkEnd")
    einde.set(qn("w:id"), "{{ loop.index }}")
    kop._p.append(einde)


def inkoopblokken(s: Sjabloon) -> None:
    """The data blocks a paragraph may place: charts, tables, risks, planning, bijlagen."""
    with s.als('"marktanalyse" in deel.blokken'):
        s.alinea("{{ marktanalyse.titel }}", style="Caption")
        s.alinea("{% for figuur in marktanalyse.figuren %}{{ figuur|figuur }}{% endfor %}")
        s.tag("{{p marktanalyse.tabel|tabel }}")
    with s.als('"opdrachtwaarde" in deel.blokken'):
        kostentabel(s, "opdrachtwaarde")
    with s.als('"risicos" in deel.blokken'):
        s.tekst("risicos.tekst")
        with s.als("risicos.lijst"):
            risicotabel(s, "risicos.lijst")
    with s.als('"randvoorwaarden" in deel.blokken'):
        s.tekst("randvoorwaarden.tekst")
        s.tabel(
            [
                ("Randvoorwaarde", "{{ rv.randvoorwaarde }}", 4.0),
                ("Omschrijving", "{{p rv.omschrijving|tekst }}", 6.0),
                ("Actie", "{{p rv.actie|tekst }}", 6.0),
            ],
            "rv in randvoorwaarden.lijst",
            bedragen=False,
        )
    with s.als('"planning" in deel.blokken'), s.voor("schema in planning"):
        s.tag("{{p schema.tabel|tabel }}")
    with s.als('"vertaaltabel" in deel.blokken'):
        s.tag("{{p vertaaltabel_tabel|tabel }}")
    with s.als('"begrippen" in deel.blokken'):
        s.tabel(
            [
                ("Begrip", "{{ begrip.begrip }}", 4.5),
                ("Definitie", "{{p begrip.definitie|tekst }}", 11.5),
            ],
            "begrip in begrippen",
            bedragen=False,
        )


def inkoopstrategie() -> Sjabloon:
    s = Sjabloon("Inkoopstrategie")
    for niveau, inspringing in ((1, 0.0), (2, 0.5), (3, 1.0)):
        stijl = s.doc.styles.add_style(f"toc {niveau}", WD_STYLE_TYPE.PARAGRAPH)
        stijl.base_style = s.doc.styles["Normal"]
        stijl.paragraph_format.left_indent = Cm(inspringing)
        stijl.paragraph_format.space_after = Pt(2)
        stijl.paragraph_format.tab_stops.add_tab_stop(
            Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    s.alinea("{{ organisatie }}", style="Subtitle")
    s.alinea("INKOOPSTRATEGIE", style="Title")
    s.alinea("{{ onderwerp }}", style="Subtitle")
    with s.als("ondertitel"):
        s.alinea("{{ ondertitel }}")
    s.alinea(
        "{{ kopblok.datum|datum }} | {{ kopblok.openbaarheid|capitalize }}"
        "{% if kopblok.zaaknummer %} | Zaaknummer: {{ kopblok.zaaknummer }}{% endif %}",
        style="Kopblok",
    )
    inhoudsopgave(s)
    with s.voor("deel in inhoud"):
        s.tag("{%p if deel.niveau == 1 and deel.nieuwe_pagina %}")
        genummerde_kop(s, 1, nieuwe_pagina=True)
        for niveau in (1, 2, 3):
            s.tag(f"{{%p elif deel.niveau == {niveau} %}}")
            genummerde_kop(s, niveau)
        s.tag("{%p endif %}")
        s.tekst("deel.tekst")
        s.tag("{{p deel.tabel|tabel }}")
        inkoopblokken(s)
        s.tekst("deel.tekst_na")
    return s


SOORTEN: dict[str, Callable[[], Sjabloon]] = {
    "collegevoorstel": collegevoorstel,
    "raadsinformatiebrief": raadsinformatiebrief,
    "memo": memo,
    "inkoopstrategie": inkoopstrategie,
}


def main(doel: Path = HIER) -> None:
    for soort, maak in SOORTEN.items():
        maak().bewaar(doel / soort / "document.docx")
        print(f"sjabloon gemaakt: {soort}/document.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HIER)
