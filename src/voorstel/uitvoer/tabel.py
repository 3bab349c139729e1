"""The table renderer of each format: every computed Tabel into a Word table or a Markdown
table, figures in Dutch notation. No template draws a table itself.

A cell of prose is written by the format's prose writer (passed in as `proza`): in Word its
paragraphs and lists inside the cell; in Markdown, where a pipe table cannot hold a list,
such a table is a heading per row with its texts under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell

from voorstel.blokken.tabellen import Cel, Tabel
from voorstel.kern import nl
from voorstel.kern.prose import escape
from voorstel.uitvoer import revisie
from voorstel.uitvoer.md_tekst import een_regel
from voorstel.uitvoer.revisie_docx import tekst_van, zet_tekst

KOPKLEUR = "D9E2F3"
TEKSTBREEDTE = 16.0
"""The text width of an A4 page with the default margins, in cm."""
KLEINE_TABEL = 15
"""Tables up to this many rows are kept on one page with their caption."""
MINIMUM_TEKST = 4.0
"""The least width of a text column, in cm, when figure columns crowd the table."""
CM_PER_TEKEN = 0.21
"""About the width of one character of 10-11 pt body text, in cm."""


def cel_tekst(cel: Cel) -> str:
    """A cell's text: figures through the Dutch filters, PM as 'PM'."""
    getal = cel.getal
    if cel.soort == "pm" or (cel.soort == "bedrag" and getal is None):
        return "PM"
    if getal is not None and cel.soort == "bedrag" and cel.vn:
        letter = " V" if getal > 0 else " N" if getal < 0 else ""
        return nl.bedrag(abs(getal), cel.centen) + letter
    if getal is not None and cel.soort == "bedrag":
        return nl.bedrag(getal, cel.centen)
    if getal is not None and cel.soort == "getal" and cel.vn:  # in the table's own unit
        return nl.getal(abs(getal)) + (" V" if getal > 0 else " N" if getal < 0 else "")
    if getal is not None and cel.soort == "procent":
        return nl.procent(getal, 2)
    if getal is not None and cel.soort == "getal":
        return nl.getal(getal)
    return "" if cel.waarde is None else str(cel.waarde)


def docx_tabel(sub: Any, view: Tabel, proza: Callable[[Any, Any], None] | None = None) -> None:
    """Add the table (title, header row that repeats, rows, total row, note) to a subdoc.

    `proza(cell, text)` writes a prose cell's paragraphs into the cell; without it the
    prose is written as it is. A row of prose may run over a page: such a table is not kept
    together, and its rows may split."""
    rijen = view.alle_rijen
    vast = not view.heeft_proza
    klein = vast and len(rijen) + 1 <= KLEINE_TABEL
    if view.titel:
        sub.add_paragraph(view.titel, style="Caption").paragraph_format.keep_with_next = True
    rechts = view.rechts()
    table = sub.add_table(rows=1 + len(rijen), cols=len(view.kop))
    table.style = "Table Grid"
    header = table.rows[0]
    tr_pr = header._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    tr_pr.append(mark)
    rows = list(table.rows)  # python-docx finds a row, and a row's cells, by a search
    koppen = _cellen(table, header)
    for index, titel in enumerate(view.kop):
        rechts_ = rechts[index] if index < len(rechts) else False
        _vul(koppen[index], titel, True, rechts_, view.lettergrootte)
        _arceer(koppen[index])
    for row, cellen in zip(rows[1:], rijen, strict=True):
        vakken = _cellen(table, row)
        for index, cel in enumerate(cellen):
            if cel.soort == "proza" and proza is not None:
                if cel.waarde:
                    _proza(vakken[index], _als_proza(cel.waarde), proza)
            else:
                _vul(vakken[index], cel_tekst(cel), cel.nadruk, rechts[index], view.lettergrootte)
    for nummer, row in enumerate(rows if vast else []):
        # a row never splits across pages; a small table stays together (each row keeps
        # with the next, the last one excepted)
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().insert(0, cant)
        if klein and nummer < len(rows) - 1:
            for tc in row._tr.tc_lst:
                for p in tc.p_lst:
                    _bij_de_volgende(p)
    for row, staat in zip(rows[1:], getattr(view, "staten", ()), strict=False):
        if staat != "beide":  # a row only one version has (tracked changes, revisie.py)
            merk = revisie.DEL if staat == "oud" else revisie.INS
            zet_tekst(row._tr, merk + (tekst_van(row._tr) or ""))
            row._tr.tail = revisie.EIND + (row._tr.tail or "")
    _breedtes(table, view.breedtes or inhoudsbreedtes(view))
    if view.lettergrootte is not None:
        _smalle_marges(table)
    if view.noot:
        sub.add_paragraph(view.noot, style="Caption")
    sub.add_paragraph()
    for vervolg in view.vervolg:
        docx_tabel(sub, vervolg, proza)


def _als_proza(waarde: Any) -> Any:
    """A prose cell's text; in tracked changes, a cell that changed keeps both versions."""
    return waarde if hasattr(waarde, "oud") and hasattr(waarde, "nieuw") else str(waarde)


def _cellen(table: Any, row: Any) -> list[Any]:
    """A row's cells, one per w:tc: the tables made here merge no cells, so python-docx's
    walk over the grid (row.cells) is not needed."""
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


_VOOR_KEEPNEXT = {qn("w:pStyle")}
"""What comes before w:keepNext in a paragraph's properties."""


def _bij_de_volgende(p: Any) -> None:
    """keep_with_next = True on a cell's paragraph (filled by _vul: it has its properties),
    as python-docx writes it: w:keepNext in its place among them."""
    p_pr = p.pPr
    if p_pr is None or p_pr.find(qn("w:keepNext")) is not None:
        p.get_or_add_pPr().keepNext_val = True  # python-docx's own way
        return
    plaats = sum(1 for kind in p_pr if kind.tag in _VOOR_KEEPNEXT)
    p_pr.insert(plaats, OxmlElement("w:keepNext"))


def _proza(cell: Any, text: Any, proza: Callable[[Any, Any], None]) -> None:
    """The prose's paragraphs in place of the cell's empty one (a cell keeps at least one)."""
    leeg = cell.paragraphs[0]._p
    proza(cell, text)
    if len(cell._tc.p_lst) > 1:
        cell._tc.remove(leeg)


def _breedtes(table: Any, breedtes: list[float] | None) -> None:
    """Column widths in cm, when the view gives them; LibreOffice reads the grid, Word
    the cells, so both are set."""
    if not breedtes:
        return
    table.autofit = False
    for column, breedte in zip(table.columns, breedtes, strict=True):
        column.width = Cm(breedte)
    for tr in table._tbl.tr_lst:  # a grid without merged cells: cell i is column i
        for tc, breedte in zip(tr.tc_lst, breedtes, strict=True):
            tc.width = Cm(breedte)


SMALLE_MARGE = 57
"""The left and right cell margin of a table in a smaller font: 0,1 cm, in twips."""


def _smalle_marges(table: Any) -> None:
    """Narrow left and right cell margins, for a wide table in a smaller font (a
    begrotingswijziging's eight columns), so its amounts fit without wrapping."""
    marges = OxmlElement("w:tblCellMar")
    for kant in ("left", "right"):
        marge = OxmlElement(f"w:{kant}")
        marge.set(qn("w:w"), str(SMALLE_MARGE))
        marge.set(qn("w:type"), "dxa")
        marges.append(marge)
    table._tbl.tblPr.insert_element_before(
        marges, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange"
    )


def inhoudsbreedtes(view: Tabel, beschikbaar: float = TEKSTBREEDTE) -> list[float]:
    """Column widths from content: a figure column as wide as its widest figure (or the
    longest word of its header), the text columns share the rest by their longest text."""
    rechts = view.rechts()
    kolommen = list(zip(*([cel_tekst(c) for c in rij] for rij in view.alle_rijen), strict=True))
    if not kolommen:
        return [beschikbaar / len(view.kop)] * len(view.kop)
    vast: dict[int, float] = {}
    for index, kolom in enumerate(kolommen):
        if rechts[index]:
            kop = view.kop[index]
            # a short header stays on one line; a long one may wrap between its words
            koptekens = len(kop) if len(kop) <= 14 else max(len(w) for w in kop.split())
            tekens = max([koptekens, *(len(t) for t in kolom)])
            vast[index] = round(tekens * CM_PER_TEKEN + 0.5, 2)
    tekst = [i for i in range(len(kolommen)) if i not in vast]
    if not tekst:
        return [beschikbaar / len(kolommen)] * len(kolommen)
    rest = beschikbaar - sum(vast.values())
    if rest < MINIMUM_TEKST * len(tekst):
        # many figure columns: they give up some width, the text keeps a readable minimum
        schaal = (beschikbaar - MINIMUM_TEKST * len(tekst)) / sum(vast.values())
        vast = {i: round(b * schaal, 2) for i, b in vast.items()}
        rest = beschikbaar - sum(vast.values())
    # a text column's share follows its longest text, and never falls below the longest
    # word of its header, so "Opmerking" is not broken over two lines
    gewicht = {
        i: max(4, *(len(w) for w in view.kop[i].split()), min(60, max(len(t) for t in kolommen[i])))
        for i in tekst
    }
    totaal = sum(gewicht.values())
    return [
        vast[i] if i in vast else round(rest * gewicht[i] / totaal, 2) for i in range(len(kolommen))
    ]


def _vul(cell: Any, text: str, vet: bool, rechts: bool, pt: float | None = None) -> None:
    """A figure or text in a cell's empty paragraph: the XML python-docx's paragraph_format,
    add_run, bold and font.size make, built directly (those walk the schema's child order
    on every call, and a table has hundreds of cells)."""
    if any(teken in text for teken in "\t\n\r"):  # tabs and breaks: python-docx's own way
        _vul_traag(cell, text, vet, rechts, pt)
        return
    p = cell._tc.p_lst[0]
    p_pr = _el("w:pPr", _el("w:spacing", after="0"))
    if rechts:
        p_pr.append(_el("w:jc", val="right"))
    p.append(p_pr)
    r_pr = _el("w:rPr")  # setting bold to None, as python-docx does, leaves it empty
    if vet:
        r_pr.append(_el("w:b"))
    if pt is not None:
        r_pr.append(_el("w:sz", val=str(int(Pt(pt).pt * 2))))
    r = _el("w:r", r_pr)
    if text:
        t = _el("w:t")
        t.text = text
        if len(text.strip()) < len(text):
            t.set(XML_SPACE, "preserve")
        r.append(t)
    p.append(r)


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _el(tag: str, *kinderen: Any, **attrs: str) -> Any:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    element.extend(kinderen)
    return element


def _vul_traag(cell: Any, text: str, vet: bool, rechts: bool, pt: float | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = 0
    if rechts:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(text)
    run.bold = vet or None
    if pt is not None:
        run.font.size = Pt(pt)


def _arceer(cell: Any) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), KOPKLEUR)
    cell._tc.get_or_add_tcPr().append(shading)


def md_tabel(
    view: Tabel, proza: Callable[[str], str] | None = None, kopniveau: int | None = None
) -> str:
    """The table as a Markdown pipe table, with its title and note; a table with prose as
    a heading per row (see md_per_rij)."""
    if view.heeft_proza:
        return md_per_rij(view, proza, kopniveau)
    rechts = view.rechts()
    lines = []
    if view.titel:
        lines += [f"*{escape(een_regel(view.titel))}*", ""]
    lines.append("| " + " | ".join(escape(een_regel(k)) for k in view.kop) + " |")
    lines.append("|" + "|".join("---:" if r else "---" for r in rechts) + "|")
    staten = list(getattr(view, "staten", ())) or ["beide"] * len(view.alle_rijen)
    for cellen, staat in zip(view.rijen, staten, strict=False):
        lines.append(_md_rij("| " + " | ".join(_md_cel(c) for c in cellen) + " |", staat))
    if view.voet:
        # the footer's empty cells as '| |': a total under text columns reads as one line
        regel = "|" + "|".join(f" {t} " if t else " " for t in map(_md_cel, view.voet)) + "|"
        lines.append(_md_rij(regel, staten[-1] if staten else "beide"))
    if view.noot:
        lines += ["", f"*{escape(een_regel(view.noot))}*"]
    lines += [f"\n{md_tabel(vervolg)}" for vervolg in view.vervolg]
    return "\n".join(lines)


def _md_rij(regel: str, staat: str) -> str:
    """A row only one version has (tracked changes, revisie.py) between its marks."""
    if staat == "beide":
        return regel
    return revisie.heel(regel, staat)


def md_per_rij(
    view: Tabel, proza: Callable[[str], str] | None = None, kopniveau: int | None = None
) -> str:
    """A table with prose in Markdown: per row its first cell as a heading of `kopniveau`
    hashes (a bold line without one), after the table's `rijlabel` if it has one; the second
    cell as the text under it, every further one under its column header in italics. An
    empty cell is left out. `proza` writes a prose cell's Markdown (as the text field it is)."""
    delen = []
    if view.titel:
        delen.append(f"*{escape(een_regel(view.titel))}*")
    staten = list(getattr(view, "staten", ())) or ["beide"] * len(view.alle_rijen)
    for cellen, staat in zip(view.alle_rijen, staten, strict=False):
        begin = len(delen)
        titel = escape(een_regel(cel_tekst(cellen[0]))) if cellen else ""
        if view.rijlabel:
            titel = f"{escape(een_regel(view.rijlabel))}: {titel}"
        delen.append(f"{'#' * kopniveau} {titel}" if kopniveau else f"**{titel}**")
        for index, cel in enumerate(cellen[1:], start=1):
            if cel.soort == "proza":
                tekst = (proza or str)(_als_proza(cel.waarde)) if cel.waarde else ""
            else:
                tekst = _md_cel(cel)
            if not tekst:
                continue
            if index > 1 and index < len(view.kop):
                delen.append(f"*{escape(een_regel(view.kop[index]))}*")
            delen.append(tekst)
        delen[begin:] = [_md_rij(d, staat) for d in delen[begin:]]
    if view.noot:
        delen.append(f"*{escape(een_regel(view.noot))}*")
    delen += [md_tabel(vervolg, proza, kopniveau) for vervolg in view.vervolg]
    return "\n\n".join(delen)


def _md_cel(cel: Cel) -> str:
    text = escape(een_regel(cel_tekst(cel)))
    return f"**{text}**" if cel.nadruk and text else text
