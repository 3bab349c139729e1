"""Generate the default templates of every registered soort from code (`make templates`).

A soort whose `Soort.sjabloon` names a module gets `<folder>/document.docx` and
`<folder>/document.md.j2` from that module's `maak()`: one Sjabloon makes both, so each
block is written once, and a change to a template is a readable diff of Python.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from voorstel.soorten import REGISTER, Soort


def genereer(soort: Soort, doel: Path | None = None) -> Path | None:
    """Write the generated Word and Markdown templates of `soort` (into `doel`/<soort>/ if
    given); returns the path of the .docx."""
    if soort.sjabloon is None:
        return None
    module = importlib.import_module(soort.sjabloon)
    pad = (doel / soort.naam if doel else soort.map) / "document.docx"
    module.maak().bewaar(pad)
    return pad


def main(doel: Path | None = None) -> None:
    for soort in REGISTER:
        pad = genereer(soort, doel)
        if pad is not None:
            print(f"sjabloon gemaakt: {pad}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
