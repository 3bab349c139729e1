"""The reproducible zip keeps the deflated bytes of large members and still writes exactly
the zip that zipfile writes, byte for byte (issue 16 part 1)."""

from __future__ import annotations

import io
import os
import stat
import zipfile

from voorstel.kern import vastezip
from voorstel.kern.vastezip import EERSTE, GROOT, VASTE_TIJD, vaste_zip


def zoals_zipfile(delen: dict[str, bytes]) -> bytes:
    """The same zip made with zipfile's writestr only, every member deflated anew."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in sorted(delen, key=lambda naam: (naam != EERSTE, naam)):
            info = zipfile.ZipInfo(naam, VASTE_TIJD)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            doel.writestr(info, delen[naam])
    return uit.getvalue()


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
