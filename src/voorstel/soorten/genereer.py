"""Generate the default templates of every registered soort from code (`make templates`).

A soort whose `Soort.sjabloon` names a module gets `<folder>/document.docx` and
`<folder>/document.md.j2` from that module's `maak()`, and every other stuk `<stuk>.docx`
and `<stuk>.md.j2` from its `maak_<stuk>()`. One Sjabloon makes both templates of a stuk,
so each block is written once, and a change to a template is a readable diff of Python.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from voorstel.soorten import REGISTER, Soort


def genereer(soort: Soort, doel: Path | None = None) -> list[Path]:
    """Write the generated Word and Markdown templates of `soort`, one pair per stuk (into
    `doel`/<soort>/ if given); returns the paths of the .docx files."""
    if soort.sjabloon is None:
        return []
    module = importlib.import_module(soort.sjabloon)
    paden = []
    for stuk in soort.stukken:
        maak = module.maak if stuk.naam == "document" else getattr(module, f"maak_{stuk.naam}")
        pad = (doel / soort.naam if doel else soort.map) / f"{stuk.naam}.docx"
        maak().bewaar(pad)
        paden.append(pad)
    return paden


def main(doel: Path | None = None) -> None:
    for soort in REGISTER:
        for pad in genereer(soort, doel):
            print(f"sjabloon gemaakt: {pad} en {pad.with_suffix('.md.j2').name}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
