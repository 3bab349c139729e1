"""Numbered lists in Word: a new numbering instance per list, so each starts at its own number."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from voorstel.kern.errors import RenderFout


def nieuwe_nummering(document: Any, style_name: str, start: int = 1) -> str:
    """A new w:num for a numbered list, so each list starts at its own number."""
    style = document.styles[style_name].element
    style_num_id = style.find(f".//{qn('w:numId')}")
    if style_num_id is None:
        raise RenderFout(
            f"de opmaakstijl '{style_name}' in het Word-sjabloon heeft geen nummering; "
            "zet in Word nummering aan voor die stijl of begin met het standaardsjabloon"
        )
    style_num = style_num_id.get(qn("w:val"))
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


def zet_nummering(paragraph: Any, num_id: str) -> None:
    """Attach a paragraph to a numbering instance."""
    p_pr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), num_id)
    num_pr.append(ilvl)
    num_pr.append(num)
    p_pr.append(num_pr)
