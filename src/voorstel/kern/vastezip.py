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


def vaste_zip(delen: dict[str, bytes], bewaar: bool = True) -> bytes:
    """A reproducible zip: [Content_Types].xml first, then the other entries by name,
    each with the same date, permissions and compression. A large member that comes again is
    deflated once per process and then written from what was kept (`bewaar`), with the same
    bytes."""
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for naam in sorted(delen, key=lambda naam: (naam != EERSTE, naam)):
            info = zipfile.ZipInfo(naam, VASTE_TIJD)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            data = delen[naam]
            groot = bewaar and len(data) >= GROOT
            vooraf = _INGEPAKT.get(data) if groot else None
            if vooraf is None:
                doel.writestr(info, data)
                if groot and _weer(data):
                    _onthoud(doel, data)
                continue
            info.file_size = len(data)  # as writestr sets it
            with doel.open(info, "w") as bestand:
                if not hasattr(bestand, "_compressor"):  # another zipfile: deflate as usual
                    bestand.write(data)
                    continue
                bestand._compressor = _Ingepakt(vooraf)
                bestand.write(data)  # the CRC and size of the data, its deflated bytes kept
    return uit.getvalue()


GROOT = 16_384
"""Members of at least this many bytes that come again (the styles of a template, 0,8 MB,
are the same in every document made from it) are deflated once per process and kept."""
MAX_INGEPAKT = 32 * 2**20
"""At most this many bytes of members and their deflated bytes are kept."""
MAX_GEZIEN = 1024
_INGEPAKT: dict[bytes, bytes] = {}
"""The deflated bytes of large members that came again, by their content."""
_GEZIEN: dict[int, None] = {}
"""The hashes of large members seen once (oldest first): a document's own text is seen only
once and never kept, so a worker's memory stays the same however many documents it makes."""
_bewaard = 0


def _weer(data: bytes) -> bool:
    """Whether a large member was seen before (and so is worth keeping); else remember it."""
    sleutel = hash(data)
    if sleutel in _GEZIEN:
        return True
    if len(_GEZIEN) >= MAX_GEZIEN:
        del _GEZIEN[next(iter(_GEZIEN))]
    _GEZIEN[sleutel] = None
    return False


def _onthoud(archief: zipfile.ZipFile, data: bytes) -> None:
    """Keep the deflated bytes just written for `data` (the last entry of the archive)."""
    global _bewaard
    info = archief.infolist()[-1]
    geschreven = archief.fp.getvalue()  # type: ignore[union-attr]
    begin = info.header_offset + len(info.FileHeader(False))
    if _bewaard + len(data) + info.compress_size > MAX_INGEPAKT:
        _INGEPAKT.clear()
        _bewaard = 0
    _INGEPAKT[data] = geschreven[begin : begin + info.compress_size]
    _bewaard += len(data) + info.compress_size


class _Ingepakt:
    """A compressor that gives the kept deflated bytes, exactly what zlib would give
    (zipfile's own: zlib.compressobj(Z_DEFAULT_COMPRESSION, DEFLATED, -15))."""

    def __init__(self, ingepakt: bytes) -> None:
        self.ingepakt = ingepakt

    def compress(self, _data: bytes) -> bytes:
        return b""

    def flush(self) -> bytes:
        return self.ingepakt


def herpak(zip_: bytes) -> bytes:
    """Any zip (such as python-docx's save) rewritten as a reproducible one."""
    with zipfile.ZipFile(io.BytesIO(zip_)) as bron:
        return vaste_zip({naam: bron.read(naam) for naam in bron.namelist()})
