"""The template's styles are read once per template, not for every document (issue 16
part 1), and a part nobody read is saved exactly as python-docx saves it once read."""

from __future__ import annotations

import io
import zipfile

from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml

from conftest import VOORBEELD
from voorstel.bouwen.build import laad_en_valideer
from voorstel.pijplijn.compute import varianten
from voorstel.uitvoer import DocxRenderer, sjabloon
from voorstel.uitvoer.sjabloon import Sjabloon


def _delen(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archief:
        return {naam: archief.read(naam) for naam in archief.namelist()}


def test_de_stijlen_worden_per_sjabloon_een_keer_gelezen() -> None:
    gevalideerd = laad_en_valideer(VOORBEELD)
    _, context = next(iter(varianten(gevalideerd.document, gevalideerd.sleutels)))
    renderer = DocxRenderer()
    eerst = renderer.render(context)  # the first document of this template reads them
    gemaakt: list[Sjabloon] = []
    echt = Sjabloon.als_bytes

    def onthoud(self: Sjabloon) -> bytes:
        gemaakt.append(self)
        return echt(self)

    Sjabloon.als_bytes = onthoud  # type: ignore[method-assign]
    try:
        tweede = renderer.render(context)
    finally:
        Sjabloon.als_bytes = echt  # type: ignore[method-assign]
    assert tweede == eerst
    [tpl] = gemaakt
    stijlen = tpl.docx.part._styles_part
    assert isinstance(stijlen, sjabloon._LuiStylesPart)
    assert stijlen.__dict__["_gelezen"] is None  # never parsed for this document
    assert stijlen.blob == serialize_part_xml(parse_xml(stijlen._bron))


def test_een_ongelezen_deel_is_als_een_gelezen_deel() -> None:
    from voorstel.pijplijn.sjabloonpad import standaard_sjabloon

    pad = standaard_sjabloon("memo/document.docx")
    assert pad is not None
    tpl = Sjabloon(pad)
    tpl.init_docx()
    stijlen = tpl.docx.part._styles_part
    ongelezen = stijlen.blob
    assert stijlen.element is not None  # now read
    assert stijlen.__dict__["_gelezen"] is not None
    assert stijlen.blob == ongelezen
    bron = _delen(pad.read_bytes())["word/styles.xml"]
    assert ongelezen == serialize_part_xml(parse_xml(bron))
