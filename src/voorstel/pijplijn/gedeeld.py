"""References from a document to shared files (verdeelsleutels), resolved safely."""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from voorstel.kern.errors import VoorstelError
from voorstel.kern.locaties import Bron

_OORZAAK = {
    errno.ENAMETOOLONG: "de naam is te lang voor het bestandssysteem (meestal 255 tekens per "
    "map- of bestandsnaam); controleer de verwijzing",
    errno.ELOOP: "het pad bevat een kring van snelkoppelingen; controleer de verwijzing",
}

PROJECTMARKERS = (".git", "pyproject.toml", "voorstel.toml")

Ophaler = Callable[[Path, str], None]
"""Puts the file a reference (the second argument, as written) resolves to (the first) in
place before it is read, or raises a VoorstelError saying why it cannot."""

_OPHALER: ContextVar[Ophaler | None] = ContextVar("voorstel_ophaler", default=None)


@contextmanager
def ophalen(ophaler: Ophaler) -> Iterator[None]:
    """Resolve references with `ophaler` fetching each file first: `diff --rev` takes only
    the files a document refers to from git, one by one, instead of the whole repository."""
    token = _OPHALER.set(ophaler)
    try:
        yield
    finally:
        _OPHALER.reset(token)


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
    try:
        pad = (bron.path.resolve().parent / verwijzing).resolve()
    except OSError as exc:
        raise VoorstelError(
            f"bestand '{verwijzing[:60]}' kan niet gelezen worden: {exc.strerror}"
        ) from None
    if project != pad and project not in pad.parents:
        raise VoorstelError(
            f"'{verwijzing}' ligt buiten het project ({project}); verwijs naar een bestand "
            "binnen de projectmap"
        )
    ophaler = _OPHALER.get()
    if ophaler is not None:
        ophaler(pad, verwijzing)
    try:
        bestaat = pad.is_file()
    except OSError as exc:  # a name too long for the file system, a loop of links
        raise VoorstelError(
            f"bestand '{verwijzing[:60]}{'…' if len(verwijzing) > 60 else ''}' kan niet "
            f"gelezen worden: {_OORZAAK.get(exc.errno or 0, exc.strerror)}"
        ) from None
    if not bestaat:
        raise VoorstelError(
            f"bestand '{verwijzing}' niet gevonden (gezocht: {pad}); controleer de naam en de "
            "map, relatief aan dit document"
        )
    return pad
