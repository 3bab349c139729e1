"""The reproducible zip keeps the deflated bytes of large members and still writes exactly
the zip that zipfile writes, byte for byte (issue 16 part 1)."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

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
        assert vaste_zip(delen) == verwacht  # first (or second) time: deflated
        assert vaste_zip(delen) == verwacht  # seen again: kept
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


def test_wat_maar_een_keer_voorkomt_wordt_niet_bewaard() -> None:
    """A document's own text (its document.xml, different in every document) is never kept:
    a worker that makes thousands of documents keeps only the template's members."""
    vastezip._INGEPAKT.clear()
    for nummer in range(20):
        eigen = b"<w:document>" + str(nummer).encode() * GROOT + b"</w:document>"
        vaste_zip({EERSTE: b"<Types/>", "word/document.xml": eigen})
        assert eigen not in vastezip._INGEPAKT
    assert not vastezip._INGEPAKT


def test_het_bewaarde_blijft_onder_de_grens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vastezip, "MAX_INGEPAKT", 10 * GROOT)
    vastezip._INGEPAKT.clear()
    monkeypatch.setattr(vastezip, "_bewaard", 0)
    for nummer in range(12):
        lid = bytes([65 + nummer]) * (2 * GROOT)
        delen = {EERSTE: b"<Types/>", "word/styles.xml": lid}
        vaste_zip(delen)
        assert vaste_zip(delen) == zoals_zipfile(delen)
        assert sum(len(k) + len(v) for k, v in vastezip._INGEPAKT.items()) <= 10 * GROOT
