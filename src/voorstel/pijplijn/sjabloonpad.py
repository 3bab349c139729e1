"""Where a template or starter file is found: the user's template folders first, then
voorstel's own. No Jinja, no Word: `voorstel new` and `validate` find files through this
without loading the renderers."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from voorstel.kern.errors import RenderFout
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER

GEDEELD = Path(__file__).resolve().parents[1] / "blokken" / "gedeeld"
"""The files of the shared soorten (their starters), found as `<soort>/<name>` like a soort's."""


def delen(naam: str) -> list[str]:
    """The parts of a template name 'soort/stuk.docx', as Jinja splits it: a part that
    climbs out ('..') or holds a path separator makes the name unknown (FileNotFoundError)."""
    result = []
    for deel in naam.split("/"):
        if os.path.sep in deel or (os.path.altsep and os.path.altsep in deel) or deel == "..":
            raise FileNotFoundError(naam)
        if deel and deel != ".":
            result.append(deel)
    return result


def standaard_sjabloon(naam: str) -> Path | None:
    """Where voorstel's own template `naam` lives: `<soort>/<file>` in the soort's folder,
    `<gedeelde soort>/<file>` (a verdeelsleutel's starter) among the shared soorten' files;
    None for any other name."""
    try:
        map_, *rest = delen(naam)
    except (FileNotFoundError, ValueError):
        return None
    if not rest:
        return None
    if map_ in REGISTER:
        return REGISTER[map_].map.joinpath(*rest)
    if map_ in GEDEELDE_SOORTEN:
        return GEDEELD.joinpath(map_, *rest)
    return None


def zoek_sjabloon(naam: str, extra: Sequence[Path] = ()) -> Path:
    """The first template file called `naam`: in the user's folders (in order), then ours;
    FileNotFoundError when there is none."""
    stukken = delen(naam)
    for folder in extra:
        candidate = folder.joinpath(*stukken)
        if candidate.is_file():
            if not candidate.resolve().is_relative_to(folder.resolve()):
                raise RenderFout(
                    f"het sjabloon '{naam}' verwijst (via een snelkoppeling) naar een bestand "
                    "buiten de sjabloonmap; een sjabloon moet echt in de sjabloonmap staan",
                    path=candidate,
                )
            return candidate
    standaard = standaard_sjabloon(naam)
    if standaard is not None and standaard.is_file():
        return standaard
    raise FileNotFoundError(naam)
