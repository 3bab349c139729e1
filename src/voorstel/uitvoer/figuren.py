"""Charts drawn from data (matplotlib, Agg): the same data gives the same PNG bytes.

The figures come from compute as plain views (title, years, values, changes, alt text);
this module only draws them, in one house style, with Dutch number notation. Coordinates
are floats because the plotting library needs them; every label is formatted from the
Decimal values with the Dutch filters.

A drawn chart is kept on disk in the output folder (GRAFIEKEN, see cache_in), keyed by a
hash of everything that decides its pixels; matplotlib is imported only when a chart must
really be drawn, so a build whose charts are all cached never loads it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from voorstel.kern import nl
from voorstel.kern.errors import VoorstelError
from voorstel.pijplijn.write import CACHEMAP, schrijf_atomisch

KLEUR = "#1F3A5F"
KLEUR_STIJGING = "#2E7D32"
KLEUR_DALING = "#C62828"
DPI = 200
BREEDTE_CM = 8.0
HOOGTE_CM = 6.0
WEERGAVE_CM = 7.6
"""Width in the Word document: two charts side by side in a 16 cm text column."""
STIJL: dict[str, Any] = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: identical glyphs everywhere
    "font.size": 7,
    "axes.edgecolor": "#888888",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "voorstel",
}


def _cm(waarde: float) -> float:
    return waarde / 2.54


def _teken(v: Decimal) -> str:
    return ("+" if v > 0 else "") + nl.procent(v, 2)


def lijndiagram(figuur: dict[str, Any]) -> bytes:
    """A line chart: a value per year, labelled, with the change from the year before."""
    import io

    import matplotlib

    matplotlib.use("Agg")  # no display, and the same raster on every machine
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FuncFormatter

    jaren = [int(j) for j in figuur["jaren"]]
    waarden = [int(w) for w in figuur["waarden"]]
    stijl: Any = STIJL  # the typed rcParams keys do not include every value type
    with plt.rc_context(stijl):
        fig, ax = plt.subplots(figsize=(_cm(BREEDTE_CM), _cm(HOOGTE_CM)), dpi=DPI)
        try:
            ax.plot(jaren, waarden, color=KLEUR, marker="o", markersize=3, linewidth=1.5)
            _labels(ax, jaren, waarden, figuur["veranderingen"])
            ax.set_title(str(figuur["titel"]).upper(), color=KLEUR, fontweight="bold", loc="left")
            ax.set_xticks(jaren)
            ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: nl.getal(round(y))))
            marge = max(1, (max(waarden) - min(waarden)) // 5)
            ax.set_ylim(min(waarden) - marge, max(waarden) + 2 * marge)
            ax.grid(axis="y", color="#DDDDDD", linewidth=0.5)
            fig.tight_layout()
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        finally:
            plt.close(fig)
    return buffer.getvalue()


def _labels(ax: Any, jaren: list[int], waarden: list[int], veranderingen: list[Any]) -> None:
    """The value above each point; the change, coloured, between two points."""
    for jaar, waarde in zip(jaren, waarden, strict=True):
        ax.annotate(
            nl.getal(waarde),
            (jaar, waarde),
            textcoords="offset points",
            xytext=(0, 5),
            ha="center",
            fontsize=6,
        )
    for index in range(1, len(jaren)):
        verandering = veranderingen[index]
        if verandering is None:
            continue
        midden = (jaren[index - 1] + jaren[index]) / 2
        hoogte = (waarden[index - 1] + waarden[index]) / 2
        ax.annotate(
            _teken(Decimal(verandering)),
            (midden, hoogte),
            textcoords="offset points",
            xytext=(0, -10),
            ha="center",
            fontsize=5,
            color=KLEUR_STIJGING if verandering > 0 else KLEUR_DALING,
        )


GRAFIEKEN = CACHEMAP / "grafieken"
"""Where the drawn charts are kept, under the output folder."""

_GETEKEND: dict[str, bytes] = {}
MAX_GETEKEND = 128
_cache: Path | None = None
tekeningen = 0
"""Charts this process really drew (not from memory or disk): for the tests."""


def cache_in(out: Path | None) -> None:
    """Keep drawn charts on disk under `out` (None: only in memory, as for a publication
    folder, which must hold nothing but what is published)."""
    global _cache
    _cache = None if out is None else Path(out) / GRAFIEKEN


@functools.cache
def _versies() -> str:
    """What else decides the pixels: the code of this module and of the Dutch number
    notation of its labels, and the versions of the drawing libraries."""
    from importlib import metadata

    delen = [hashlib.sha256(Path(m).read_bytes()).hexdigest() for m in (__file__, nl.__file__)]
    for naam in ("matplotlib", "pillow", "numpy"):
        try:
            delen.append(f"{naam}={metadata.version(naam)}")
        except metadata.PackageNotFoundError:
            delen.append(naam)
    return ";".join(delen)


def sleutel(figuur: dict[str, Any]) -> str:
    """The SHA-256 of a chart's data, style, size and dpi, and the code that draws it."""
    stijl = {
        "stijl": STIJL,
        "kleuren": [KLEUR, KLEUR_STIJGING, KLEUR_DALING],
        "maat": [BREEDTE_CM, HOOGTE_CM, DPI],
        "versies": _versies(),
    }
    tekst = json.dumps([figuur, stijl], sort_keys=True, default=repr)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def heel(png: bytes) -> bool:
    """Whether `png` is a complete PNG: the signature, then chunks with correct CRCs up
    to IEND (a file cut short by a full disk or a killed build is not)."""
    if not png.startswith(b"\x89PNG\r\n\x1a\n"):
        return False
    plek = 8
    while plek + 12 <= len(png):
        lengte = int.from_bytes(png[plek : plek + 4], "big")
        einde = plek + 12 + lengte
        if einde > len(png):
            return False
        soort = png[plek + 4 : plek + 8]
        crc = int.from_bytes(png[einde - 4 : einde], "big")
        if zlib.crc32(png[plek + 4 : einde - 4]) != crc:
            return False
        if soort == b"IEND":
            return einde == len(png)
        plek = einde
    return False


def _van_schijf(pad: Path) -> bytes | None:
    try:
        png = pad.read_bytes()
    except OSError:
        return None
    return png if heel(png) else None


def _naar_schijf(pad: Path, png: bytes) -> None:
    with contextlib.suppress(VoorstelError, OSError):  # a cache that cannot be written is
        schrijf_atomisch(pad, png)  # no failure: the chart is drawn again next time


def getekend(figuur: dict[str, Any]) -> bytes:
    """The line chart of `figuur`, drawn once for the same data: the .docx and the .md of
    a document, and the versions per gemeente, share their charts in memory, and the
    builds after this one (in other processes) find them on disk (cache_in)."""
    global tekeningen
    code = sleutel(figuur)
    png = _GETEKEND.get(code)
    if png is not None:
        return png
    pad = None if _cache is None else _cache / f"{code}.png"
    png = None if pad is None else _van_schijf(pad)
    if png is None:
        png = lijndiagram(figuur)
        tekeningen += 1
        if pad is not None:
            _naar_schijf(pad, png)
    if len(_GETEKEND) >= MAX_GETEKEND:
        _GETEKEND.clear()
    _GETEKEND[code] = png
    return png
