"""New: a starter YAML for a soort, with every field present and a Dutch comment on each.

The starter texts are files, templates/<soort>/nieuw.yaml, so a user's own template folder
(--templates) can hold its own version, as it can for the .docx and .md templates.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from voorstel.kern.errors import SchrijfFout, VoorstelError
from voorstel.soorten import REGISTER
from voorstel.uitvoer.omgeving import zoek_sjabloon

STARTBESTAND = "nieuw.yaml"


def startbestand(soort: str, sjablonen: Sequence[Path] = ()) -> Path:
    """The starter file of a soort: the user's template folders first, then the defaults."""
    if soort not in REGISTER:
        raise VoorstelError(
            f"onbekende soort '{soort}'; kies uit {', '.join(sorted(REGISTER.namen()))}"
        )
    try:
        return zoek_sjabloon(f"{soort}/{STARTBESTAND}", sjablonen)
    except FileNotFoundError:
        raise VoorstelError(
            f"geen startbestand voor soort '{soort}' gevonden; "
            f"verwacht {soort}/{STARTBESTAND} in een sjabloonmap"
        ) from None


def nieuw(soort: str, pad: Path, sjablonen: Sequence[Path] = ()) -> Path:
    """Write the starter of `soort` to `pad`; an existing file is never overwritten."""
    tekst = startbestand(soort, sjablonen).read_bytes()
    if pad.exists() or pad.is_symlink():
        raise _bestaat_al(pad)
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        _schrijf_nieuw(pad, tekst)
    except FileExistsError:
        raise _bestaat_al(pad) from None
    except OSError as exc:
        raise SchrijfFout(f"kan {pad} niet schrijven: {exc.strerror}", path=pad) from None
    return pad


def _schrijf_nieuw(pad: Path, tekst: bytes) -> None:
    """Write a complete temporary file, then link it in place: fails if `pad` appeared."""
    fd, tmp = tempfile.mkstemp(prefix=f".{pad.name}.", suffix=".tmp", dir=pad.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(tekst)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, pad)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _bestaat_al(pad: Path) -> SchrijfFout:
    return SchrijfFout(
        "bestaat al en wordt niet overschreven; kies een andere naam of verwijder het "
        "bestand eerst",
        path=pad,
    )
