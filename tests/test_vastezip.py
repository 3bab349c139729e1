"""The reproducible zip keeps the deflated bytes of large members and still writes exactly
the zip that zipfile writes, byte for byte (issue 16 part 1)."""

from __future__ import annotations

import io
import os
import zipfile

from voorstel.kern import vastezip
from voorstel.kern.vastezip import EERSTE, GROOT, vaste_zip


def zoals_zipfile(delen: dict[str, bytes]) -> bytes:
    """The same zip with every member deflated anew by zipfile, nothing kept."""
    return vaste_zip(delen, bewaar=False)


def test_ingepakte_leden_geven_dezelfde_bytes() -> None:
    groot = b"<w:styles>" + os.urandom(GROOT).hex().encode() + b"</w:styles>"
    ander = b"<w:theme>" + b"abc" * GROOT + b"</w:theme>"
    for document in (b"<w:document>een</w:document>", b"<w:document>twee</w:document>"):
        delen = {
            EERSTE: b"<Types/>",
            "word/document.xml": document,
            "word/styles.xml": groot,
            "word/theme/theme1.xml": ander,
        }
        verwacht = zoals_zipfile(delen)
        assert vaste_zip(delen) == verwacht  # first time: deflated, and kept
        assert groot in vastezip._INGEPAKT and ander in vastezip._INGEPAKT
        assert vaste_zip(delen) == verwacht  # from what was kept
        with zipfile.ZipFile(io.BytesIO(vaste_zip(delen))) as archief:
            assert archief.testzip() is None
            assert {n: archief.read(n) for n in archief.namelist()} == delen


def test_een_gewijzigd_groot_lid_wordt_opnieuw_ingepakt() -> None:
    basis = b"x" * (GROOT * 2)
    eerst = {EERSTE: b"<Types/>", "word/styles.xml": basis}
    vaste_zip(eerst)
    anders = {EERSTE: b"<Types/>", "word/styles.xml": basis[:-1] + b"y"}
    assert vaste_zip(anders) == zoals_zipfile(anders)
