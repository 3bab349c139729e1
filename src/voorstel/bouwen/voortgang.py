"""The progress bar of a batch build: on a terminal only, never in pipes, logs or CI."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def voortgangsbalk(stil: bool = False) -> Iterator[Callable[[int, int], None] | None]:
    """A callback (done, total) that draws a bar on stderr, or None when stderr is not a
    terminal or the user asked for quiet."""
    if stil or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm  # only on a terminal: keeps the import off the quiet path

    balk: Any = None

    def toon(klaar: int, totaal: int) -> None:
        nonlocal balk
        if balk is None:
            balk = tqdm(total=totaal, desc="documenten maken", unit=" document", leave=False)
        balk.update(klaar - balk.n)

    try:
        yield toon
    finally:
        if balk is not None:
            balk.close()
