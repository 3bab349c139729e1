"""Numbered lists in Word: a new numbering instance per list, so each starts at its own
number; and numbering definitions of their own, such as the multilevel list of beslispunten
(1., a.) and the groups above them (I., II.)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from voorstel.kern.errors import RenderFout

CM = 567
"""Twips (twentieths of a point) in a centimetre, Word's unit of indentation."""


@dataclass(frozen=True)
class Niveau:
    """A level of a numbering definition: its format (decimal, lowerLetter, upperRoman, ...)
    and indentation in twips: the text's left edge and how far the number hangs before it."""

    formaat: str
    links: int
    hangend: int = 360


def stijlnummer(document: Any, style_name: str) -> str | None:
    """The w:numId a paragraph style numbers with (None: the style has no numbering)."""
    style_num_id = document.styles[style_name].element.find(f".//{qn('w:numId')}")
    return None if style_num_id is None else str(style_num_id.get(qn("w:val")))


def nieuwe_nummering(
    document: Any, style_name: str, start: int = 1, style_num: str | None = None
) -> str:
    """A new w:num for a numbered list, so each list starts at its own number. `style_num`:
    the style's own numbering (stijlnummer), when the caller knows it already."""
    if style_num is None:
        style_num = stijlnummer(document, style_name)
    if style_num is None:
        raise RenderFout(
            f"de opmaakstijl '{style_name}' in het Word-sjabloon heeft geen nummering; "
            "zet in Word nummering aan voor die stijl of begin met het standaardsjabloon"
        )
    numbering = document.part.numbering_part.element
    nums = numbering.findall(qn("w:num"))
    base = next(n for n in nums if n.get(qn("w:numId")) == style_num)
    abstract = base.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(1 + max(int(n.get(qn("w:numId"))) for n in nums))
    num = etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): new_id})
    etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): abstract})
    override = etree.SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
    etree.SubElement(override, qn("w:startOverride"), {qn("w:val"): str(start)})
    return new_id


def nieuwe_lijst(document: Any, niveaus: Sequence[Niveau]) -> str:
    """A numbering definition of its own (w:abstractNum, one w:lvl per level) and a w:num
    that uses it, starting at 1; the w:num's id. A level restarts after each item of a
    level above it, as Word does by default."""
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    nums = numbering.findall(qn("w:num"))
    abstract_id = str(1 + max((int(a.get(qn("w:abstractNumId"))) for a in abstracts), default=-1))
    abstract = etree.Element(qn("w:abstractNum"), {qn("w:abstractNumId"): abstract_id})
    etree.SubElement(abstract, qn("w:multiLevelType"), {qn("w:val"): "multilevel"})
    for index, niveau in enumerate(niveaus):
        lvl = etree.SubElement(abstract, qn("w:lvl"), {qn("w:ilvl"): str(index)})
        etree.SubElement(lvl, qn("w:start"), {qn("w:val"): "1"})
        etree.SubElement(lvl, qn("w:numFmt"), {qn("w:val"): niveau.formaat})
        etree.SubElement(lvl, qn("w:lvlText"), {qn("w:val"): f"%{index + 1}."})
        etree.SubElement(lvl, qn("w:lvlJc"), {qn("w:val"): "left"})
        p_pr = etree.SubElement(lvl, qn("w:pPr"))
        etree.SubElement(
            p_pr,
            qn("w:ind"),
            {qn("w:left"): str(niveau.links), qn("w:hanging"): str(niveau.hangend)},
        )
    # The schema puts every w:abstractNum before the first w:num.
    if nums:
        nums[0].addprevious(abstract)
    elif abstracts:
        abstracts[-1].addnext(abstract)
    else:
        numbering.append(abstract)
    new_id = str(1 + max((int(n.get(qn("w:numId"))) for n in nums), default=0))
    num = etree.SubElement(numbering, qn("w:num"), {qn("w:numId"): new_id})
    etree.SubElement(num, qn("w:abstractNumId"), {qn("w:val"): abstract_id})
    override = etree.SubElement(num, qn("w:lvlOverride"), {qn("w:ilvl"): "0"})
    etree.SubElement(override, qn("w:startOverride"), {qn("w:val"): "1"})
    return new_id


def zet_nummering(paragraph: Any, num_id: str, niveau: int | str = 0) -> None:
    """Attach a paragraph to a numbering instance, at a level (0 is the first); the level
    may be a template expression ("{{ punt.niveau }}") that the data fills in."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(niveau))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(num)
    p_pr.append(num_pr)
