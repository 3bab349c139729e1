"""References from a document to shared files (verdeelsleutels), resolved safely."""

from __future__ import annotations

from pathlib import Path

from voorstel.kern.errors import VoorstelError
from voorstel.kern.locaties import Bron

PROJECTMARKERS = (".git", "pyproject.toml", "voorstel.toml")


def projectmap(document: Path) -> Path:
    """The project a document belongs to: the nearest folder with .git, pyproject.toml or
    voorstel.toml; without one, the document's own folder."""
    start = document.resolve().parent
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in PROJECTMARKERS):
            return folder
    return start


def los_op(bron: Bron, verwijzing: str) -> Path:
    """The file a relative reference points to; refuse what lies outside the project."""
    project = projectmap(bron.path)
    pad = (bron.path.resolve().parent / verwijzing).resolve()
    if project != pad and project not in pad.parents:
        raise VoorstelError(
            f"'{verwijzing}' ligt buiten het project ({project}); verwijs naar een bestand "
            "binnen de projectmap"
        )
    if not pad.is_file():
        raise VoorstelError(
            f"bestand '{verwijzing}' niet gevonden (gezocht: {pad}); controleer de naam en de "
            "map, relatief aan dit document"
        )
    return pad
