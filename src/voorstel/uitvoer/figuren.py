"""Charts drawn from data (matplotlib, Agg): the same data gives the same PNG bytes.

The figures come from compute as plain views (title, years, values, changes, alt text);
this module only draws them, in one house style, with Dutch number notation. Coordinates
are floats because the plotting library needs them; every label is formatted from the
Decimal values with the Dutch filters.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display, and the same raster on every machine

from matplotlib import pyplot as plt
from matplotlib.ticker import FuncFormatter

from voorstel.kern import nl

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


_GETEKEND: dict[str, bytes] = {}
MAX_GETEKEND = 128


def getekend(figuur: dict[str, Any]) -> bytes:
    """The line chart of `figuur`, drawn once per process for the same data: the .docx and
    the .md of a document, and the versions per gemeente, share their charts."""
    sleutel = json.dumps(figuur, sort_keys=True, default=repr)
    png = _GETEKEND.get(sleutel)
    if png is None:
        if len(_GETEKEND) >= MAX_GETEKEND:
            _GETEKEND.clear()
        png = _GETEKEND[sleutel] = lijndiagram(figuur)
    return png
