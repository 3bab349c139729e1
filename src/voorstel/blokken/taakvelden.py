"""The BBV list of taakvelden (0.1 Bestuur ... 8.3 Wonen en bouwen), shipped as package data.

The list and its source are in taakvelden.csv beside this module; it is read once.
"""

from __future__ import annotations

import functools
from importlib import resources

RESERVES = "0.10"
"""The taakveld every toevoeging to and onttrekking from a reserve goes through."""


@functools.cache
def taakvelden() -> dict[str, str]:
    """Every taakveld by its code ('0.10' -> 'Mutaties reserves'), in the list's order."""
    tekst = resources.files("voorstel.blokken").joinpath("taakvelden.csv").read_text("utf-8")
    regels = (r for r in tekst.splitlines() if r.strip() and not r.startswith("#"))
    return dict(tuple(r.split(";", 1)) for r in regels)  # type: ignore[misc]
