"""Reproducible zips: the bytes of a .docx depend on its parts only, never on the clock.

Both the documents voorstel renders and the Word templates it generates are written this
way, so the same content gives the same file (and a regenerated template no binary diff)."""

from __future__ import annotations

import io
import stat
import zipfile

VASTE_TIJD = (1980, 1, 1, 0, 0, 0)
"""The date of every zip entry: the earliest a zip can hold, so no clock leaks in."""
EERSTE = "[Content_Types].xml"


def vaste_zip(delen: dict[str, bytes]) -> bytes:
    """A reproducible zip: [Content_Types].xml first, then the other entries by name,
    each with the same date, permissions and compression."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in sorted(delen, key=lambda naam: (naam != EERSTE, naam)):
            info = zipfile.ZipInfo(naam, VASTE_TIJD)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            doel.writestr(info, delen[naam])
    return uit.getvalue()


def herpak(zip_: bytes) -> bytes:
    """Any zip (such as python-docx's save) rewritten as a reproducible one."""
    with zipfile.ZipFile(io.BytesIO(zip_)) as bron:
        return vaste_zip({naam: bron.read(naam) for naam in bron.namelist()})
