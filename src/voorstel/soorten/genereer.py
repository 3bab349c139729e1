"""Generate the default Word templates of every registered soort from code (`make templates`).

A soort whose `Soort.sjabloon` names a module gets `<folder>/document.docx` from that
module's `maak()`, and every other stuk `<folder>/<stuk>.docx` from its `maak_<stuk>()`,
so a change to a template is a readable diff of Python.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from voorstel.soorten import REGISTER, Soort


def genereer(soort: Soort, doel: Path | None = None) -> list[Path]:
    """Write the generated Word templates of `soort`, one per stuk (into `doel`/<soort>/
    if given)."""
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
            print(f"sjabloon gemaakt: {pad}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
