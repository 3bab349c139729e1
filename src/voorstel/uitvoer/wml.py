"""WordprocessingML written straight as text: paragraphs, runs and tables.

The prose and table writers (docx_tekst.py, tabel.py) build their XML here instead of as
python-docx objects in a subdocument that is then serialized and parsed again by docxtpl.
The XML is the same as python-docx writes (element order, attributes, `xml:space`), so a
document reads and looks as before; only the round trip is gone.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape as _escape

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def tekst(waarde: str) -> str:
    """Text as XML character data (what lxml writes: &amp;, &lt;, &gt;)."""
    return _escape(waarde)


def attr(waarde: str) -> str:
    return _escape(waarde, {'"': "&quot;"})


def t(waarde: str) -> str:
    """A w:t, preserving its spaces when it begins or ends with one (as python-docx)."""
    if len(waarde.strip()) < len(waarde):
        return f'<w:t xml:space="preserve">{tekst(waarde)}</w:t>'
    return f"<w:t>{tekst(waarde)}</w:t>"


def inhoud(waarde: str) -> str:
    """A run's content for a text: its words as w:t, a tab as w:tab, a line break as w:br
    (python-docx's _RunContentAppender)."""
    if "\t" not in waarde and "\n" not in waarde and "\r" not in waarde:
        return t(waarde) if waarde else ""
    uit: list[str] = []
    buffer: list[str] = []

    def leeg() -> None:
        if buffer:
            uit.append(t("".join(buffer)))
            buffer.clear()

    for teken in waarde:
        if teken == "\t":
            leeg()
            uit.append("<w:tab/>")
        elif teken in "\r\n":
            leeg()
            uit.append("<w:br/>")
        else:
            buffer.append(teken)
    leeg()
    return "".join(uit)


def r_pr(
    stijl: str | None = None,
    vet: bool = False,
    cursief: bool = False,
    grootte: int | None = None,
    markering: str | None = None,
) -> str:
    """A w:rPr with its children in the schema's order; empty (but there) without any."""
    delen = []
    if stijl is not None:
        delen.append(f'<w:rStyle w:val="{attr(stijl)}"/>')
    if vet:
        delen.append("<w:b/>")
    if cursief:
        delen.append("<w:i/>")
    if grootte is not None:
        delen.append(f'<w:sz w:val="{grootte}"/>')
    if markering is not None:
        delen.append(f'<w:highlight w:val="{markering}"/>')
    return f"<w:rPr>{''.join(delen)}</w:rPr>" if delen else "<w:rPr/>"


def r(inhoud_: str, eigenschappen: str | None = "<w:rPr/>") -> str:
    return f"<w:r>{eigenschappen or ''}{inhoud_}</w:r>"


def p(
    runs: str = "",
    stijl: str | None = None,
    met_stijl: bool = False,
    keep_next: bool = False,
    num_id: str | None = None,
    extra: str = "",
) -> str:
    """A w:p. `met_stijl`: a style was set (python-docx then writes a w:pPr, with a
    w:pStyle unless it is the default style, whose id is None)."""
    p_pr = []
    if stijl is not None:
        p_pr.append(f'<w:pStyle w:val="{attr(stijl)}"/>')
    if keep_next:
        p_pr.append("<w:keepNext/>")
    p_pr.append(extra)
    if num_id is not None:
        p_pr.append(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{attr(num_id)}"/></w:numPr>')
    eigenschappen = "".join(p_pr)
    if eigenschappen or met_stijl:
        eigenschappen = f"<w:pPr>{eigenschappen}</w:pPr>" if eigenschappen else "<w:pPr/>"
    if not eigenschappen and not runs:
        return "<w:p/>"
    return f"<w:p>{eigenschappen}{runs}</w:p>"


def samen(delen: Iterable[str]) -> str:
    return "".join(delen)
