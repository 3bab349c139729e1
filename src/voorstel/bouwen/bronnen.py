"""Finding and reading the sources: the document files of folders, each loaded and
validated. Nothing of rendering: `voorstel validate`, `allocate` and `diff` use this
without loading Word, Jinja or PDF."""

from __future__ import annotations

import stat
from collections.abc import Iterable
from pathlib import Path

from voorstel.kern.errors import Probleem
from voorstel.pijplijn.load import geen_gewoon_bestand, load
from voorstel.pijplijn.validate import Gevalideerd, validate
from voorstel.soorten import GEDEELDE_SOORTEN


def laad_en_valideer(path: Path) -> Gevalideerd:
    """Load and validate one document."""
    return validate(load(path))


def is_document(path: Path) -> bool:
    """Whether a YAML file is a document to build (not a shared file such as a key)."""
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return False
    for line in head.splitlines():
        if line.startswith("soort:"):
            return line.split(":", 1)[1].strip().strip("'\"") not in GEDEELDE_SOORTEN
    return True


def verzamel(
    paden: Iterable[Path], gedeeld: bool = False, overgeslagen: list[Probleem] | None = None
) -> list[tuple[Path, Path | None]]:
    """Expand folders into their document files (with `gedeeld`, shared files such as
    verdeelsleutels too), each with the folder it came from. What is named .yaml but is no
    regular file (a folder, a FIFO that would block reading) is left out, and added to
    `overgeslagen` with why."""
    result: list[tuple[Path, Path | None]] = []
    for path in paden:
        if path.is_dir():
            files = []
            for p in sorted(path.rglob("*")):
                if p.suffix not in (".yaml", ".yml"):
                    continue
                modus = p.stat().st_mode if p.exists() else 0
                if stat.S_ISREG(modus):
                    files.append(p)
                elif overgeslagen is not None and modus:
                    overgeslagen.append(
                        Probleem(str(p), None, "", geen_gewoon_bestand(modus), waarschuwing=True)
                    )
            result.extend((p, path) for p in files if gedeeld or is_document(p))
        elif gedeeld or is_document(path):
            result.append((path, None))
    return result
