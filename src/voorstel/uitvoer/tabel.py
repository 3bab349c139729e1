"""The table renderer of each format: every computed Tabel into a Word table or a Markdown
table, figures in Dutch notation. No template draws a table itself.

A cell of prose is written by the format's prose writer (passed in as `proza`): in Word its
paragraphs and lists inside the cell; in Markdown, where a pipe table cannot hold a list,
such a table is a heading per row with its texts under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.shared import Cm, Emu, Pt

from voorstel.blokken.tabellen import Cel, Tabel
from voorstel.kern import nl
from voorstel.kern.prose import escape
from voorstel.uitvoer import revisie, wml
from voorstel.uitvoer.md_tekst import een_regel

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


def docx_tabel(
    view: Tabel,
    stijl_id: Callable[[str, str], str | None],
    proza: Callable[[Any], str] | None = None,
) -> str:
    """The table (title, header row that repeats, rows, total row, note) as
    WordprocessingML, the XML python-docx writes for it (wml.py).

    `stijl_id(naam, soort)` gives a style's id ('paragraph' or 'table'); `proza(text)` the
    paragraphs of a prose cell (without it, the prose is written as it is). A row of prose
    may run over a page: such a table is not kept together, and its rows may split. In a
    tracked-changes render (revisie.py) a row only one version has is between its marks."""
    rijen = view.alle_rijen
    vast = not view.heeft_proza
    klein = vast and len(rijen) + 1 <= KLEINE_TABEL
    delen: list[str] = []
    if view.titel:
        bijschrift = stijl_id("Caption", "paragraph")
        delen.append(wml.p(wml.r(wml.inhoud(view.titel), None), bijschrift, True, keep_next=True))
    rechts = view.rechts()
    teksten = [[cel_tekst(c) for c in rij] for rij in rijen]
    breedtes = view.breedtes or inhoudsbreedtes(view, teksten=teksten)
    kolommen = len(view.kop)
    if breedtes:
        twips = [str(Cm(b).twips) for b in breedtes]
    else:  # python-docx's own: the text width of its blank document, shared out
        twips = [str(Emu(_BLOKBREEDTE // kolommen).twips)] * kolommen
    tabelstijl = stijl_id("Table Grid", "table")
    t_pr = "" if tabelstijl is None else f'<w:tblStyle w:val="{wml.attr(tabelstijl)}"/>'
    t_pr += '<w:tblW w:type="auto" w:w="0"/>'
    if breedtes:
        t_pr += '<w:tblLayout w:type="fixed"/>'
    if view.lettergrootte is not None:
        t_pr += (
            "<w:tblCellMar>"
            + "".join(
                f'<w:{kant} w:w="{SMALLE_MARGE}" w:type="dxa"/>' for kant in ("left", "right")
            )
            + "</w:tblCellMar>"
        )
    t_pr += (
        '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" '
        'w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
    )
    rijen_xml: list[str] = []
    grootte = None if view.lettergrootte is None else int(Pt(view.lettergrootte).pt * 2)
    aantal = 1 + len(rijen)
    staten = list(getattr(view, "staten", ())) or ["beide"] * len(rijen)
    for nummer in range(aantal):
        kop = nummer == 0
        houden = klein and nummer < aantal - 1
        cellen: list[str] = []
        for index in range(kolommen):
            tc_pr = f'<w:tcW w:type="dxa" w:w="{twips[index]}"/>'
            rechts_ = rechts[index] if index < len(rechts) else False
            if kop:
                tc_pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{KOPKLEUR}"/>'
                inhoud = _cel_xml(view.kop[index], True, rechts_, grootte, houden)
            else:
                rij = rijen[nummer - 1]
                if index >= len(rij):
                    inhoud = wml.p(keep_next=houden)
                elif rij[index].soort == "proza" and proza is not None:
                    waarde = rij[index].waarde
                    inhoud = (proza(_als_proza(waarde)) if waarde else "") or "<w:p/>"
                else:
                    cel = rij[index]
                    tekst = teksten[nummer - 1][index]
                    inhoud = _cel_xml(tekst, cel.nadruk, rechts[index], grootte, houden)
            cellen.append(f"<w:tc><w:tcPr>{tc_pr}</w:tcPr>{inhoud}</w:tc>")
        tr_pr = ('<w:cantSplit w:val="true"/>' if vast else "") + (
            '<w:tblHeader w:val="true"/>' if kop else ""
        )
        rij_xml = "<w:tr>" + (f"<w:trPr>{tr_pr}</w:trPr>" if tr_pr else "") + "".join(cellen)
        rij_xml += "</w:tr>"
        staat = "beide" if kop else staten[nummer - 1]
        rijen_xml.append(revisie.heel(rij_xml, staat))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    delen.append(f"<w:tbl><w:tblPr>{t_pr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")
    delen.append("".join(rijen_xml) + "</w:tbl>")
    if view.noot:
        bijschrift = stijl_id("Caption", "paragraph")
        delen.append(wml.p(wml.r(wml.inhoud(view.noot), None), bijschrift, True))
    delen.append("<w:p/>")
    for vervolg in view.vervolg:
        delen.append(docx_tabel(vervolg, stijl_id, proza))
    return "".join(delen)


def _cel_xml(text: str, vet: bool, rechts: bool, grootte: int | None, houden: bool) -> str:
    """A figure or text in a cell's paragraph, as _vul wrote it with python-docx."""
    extra = '<w:spacing w:after="0"/>' + ('<w:jc w:val="right"/>' if rechts else "")
    run = wml.r(wml.inhoud(text), wml.r_pr(vet=vet, grootte=grootte))
    return wml.p(run, keep_next=houden, extra=extra)


def _blokbreedte() -> int:
    import docx

    sectie = docx.Document().sections[0]
    maten = (sectie.page_width, sectie.left_margin, sectie.right_margin)
    breedte, links, rechts = (int(m or 0) for m in maten)
    return breedte - links - rechts


_BLOKBREEDTE = _blokbreedte()
"""The text width of python-docx's blank document, in EMU (a table without widths)."""


def _als_proza(waarde: Any) -> Any:
    """A prose cell's text; in tracked changes, a cell that changed keeps both versions."""
    return waarde if hasattr(waarde, "oud") and hasattr(waarde, "nieuw") else str(waarde)


SMALLE_MARGE = 57
"""The left and right cell margin of a table in a smaller font: 0,1 cm, in twips."""


def inhoudsbreedtes(
    view: Tabel, beschikbaar: float = TEKSTBREEDTE, teksten: list[list[str]] | None = None
) -> list[float]:
    """Column widths from content: a figure column as wide as its widest figure (or the
    longest word of its header), the text columns share the rest by their longest text.
    `teksten`: the cells' texts, when the caller has them already."""
    rechts = view.rechts()
    if teksten is None:
        teksten = [[cel_tekst(c) for c in rij] for rij in view.alle_rijen]
    kolommen = list(zip(*teksten, strict=True))
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
