"""Write: outputs into the output folder, atomically, and never outside it."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from voorstel.kern.errors import SchrijfFout

TIJDELIJK_VOORVOEGSEL = ".voorstel-"
TIJDELIJK_ACHTERVOEGSEL = ".tmp"
"""Temporary files are '.voorstel-XXXXXXXX.tmp' beside their target: short, so a long
target name still fits, and recognisable, so a later build can clean up after a killed one."""

CACHEMAP = Path(".voorstel-cache")
"""The folder in the output folder where a build keeps what later builds can reuse (the
drawn charts): no output of any document, never removed as an old output."""

_OORZAKEN = {
    errno.ENOSPC: "de schijf is vol; maak ruimte vrij en bouw opnieuw",
    errno.EDQUOT: "uw schijfquotum is op; maak ruimte vrij en bouw opnieuw",
    errno.EROFS: "de schijf of map is alleen-lezen; kies een andere uitvoermap (--out)",
    errno.EACCES: "u hebt geen toestemming om daar te schrijven; kies een andere uitvoermap "
    "of pas de rechten van de map aan",
    errno.EPERM: "het besturingssysteem staat schrijven daar niet toe; kies een andere uitvoermap",
    errno.ENOTDIR: "een deel van het pad is een bestand en geen map; hernoem of verwijder "
    "dat bestand, of kies een andere uitvoermap",
    errno.EEXIST: "een deel van het pad is een bestand en geen map; hernoem of verwijder "
    "dat bestand, of kies een andere uitvoermap",
    errno.EISDIR: "er staat een map met die naam; hernoem of verwijder die map",
    errno.ENAMETOOLONG: "de naam is te lang voor het bestandssysteem (meestal 255 tekens per "
    "map- of bestandsnaam); kies een kortere naam",
}


def schrijffout(exc: OSError, pad: Path | str) -> SchrijfFout:
    """An OS error while writing as a Dutch message that says what to do, naming the path
    (the OS's own text, in English, only for causes we do not know)."""
    oorzaak = _OORZAKEN.get(exc.errno or 0, f"het besturingssysteem meldt: {exc.strerror}")
    return SchrijfFout(f"kan niet schrijven: {oorzaak}", path=pad)


def binnen(out: Path, target: Path) -> Path:
    """`target` resolved, refusing anything that would land outside `out`."""
    root = out.resolve()
    resolved = (root / target).resolve() if not target.is_absolute() else target.resolve()
    if resolved != root and root not in resolved.parents:
        raise SchrijfFout(f"'{target}' ligt buiten de uitvoermap {out}; kies een andere naam")
    return resolved


def _rechten() -> int:
    """The permissions a new file gets (mkstemp's are private: owner only)."""
    masker = os.umask(0o022)
    os.umask(masker)
    return 0o666 & ~masker


RECHTEN = _rechten()


def _tijdelijk(path: Path, data: bytes) -> Path:
    """Write `data` to a new temporary file next to `path` (synced); return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(
        prefix=TIJDELIJK_VOORVOEGSEL, suffix=TIJDELIJK_ACHTERVOEGSEL, dir=path.parent
    )
    try:
        os.chmod(tmp, RECHTEN)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def schrijf_atomisch(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over the target."""
    try:
        tmp = _tijdelijk(path, data)
    except OSError as exc:
        raise schrijffout(exc, path) from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise schrijffout(exc, path) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def schrijf_nieuw(pad: Path, data: bytes) -> None:
    """Write a new file that must not exist yet: a complete temporary file, then linked in
    place (which fails if `pad` appeared meanwhile), with the permissions of every output."""
    tmp = _tijdelijk(pad, data)
    try:
        os.link(tmp, pad)
    finally:
        tmp.unlink(missing_ok=True)


class Klus:
    """Outputs written one by one, each to a temporary file beside its target, and renamed
    into place together by klaar(): so outputs can be written as they are made (memory
    stays at one output) while a failure still leaves every old output as it was. Leaving
    the `with` block without klaar() removes every temporary file."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._klaar: dict[Path, Path] = {}
        self._nieuwe_mappen: list[Path] = []
        self._gelukt = False

    def __enter__(self) -> Klus:
        return self

    def __exit__(self, *_: object) -> None:
        for tmp in self._klaar.values():
            tmp.unlink(missing_ok=True)  # only those not renamed are still there
        if not self._gelukt:  # leave no empty folders made for outputs that never came
            for map_ in reversed(self._nieuwe_mappen):
                with contextlib.suppress(OSError):
                    map_.rmdir()

    def zet(self, rel: Path, data: bytes) -> None:
        """Write one output (a path under the output folder) to its temporary file."""
        target = binnen(self.out, rel)
        nieuw = [m for m in [*reversed(target.parents)] if not m.exists()]
        self._nieuwe_mappen += [m for m in nieuw if m not in self._nieuwe_mappen]
        vorige = self._klaar.pop(target, None)
        if vorige is not None:
            vorige.unlink(missing_ok=True)
        try:
            self._klaar[target] = _tijdelijk(target, data)
        except OSError as exc:
            raise schrijffout(exc, target) from None

    def klaar(self) -> list[Path]:
        """Rename every written output into place; the targets."""
        for target, tmp in self._klaar.items():
            try:
                os.replace(tmp, target)
            except OSError as exc:
                raise schrijffout(exc, target) from None
        self._gelukt = True
        return list(self._klaar)


def schrijf_alles(out: Path, outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output (relative paths under `out`) in two phases: first each to a
    temporary file beside it, then, only when all are written, rename them all; so a
    failure while writing leaves every old output as it was."""
    with Klus(out) as klus:
        for rel, data in outputs.items():
            klus.zet(rel, data)
        return klus.klaar()


def ruim_tijdelijk_op(out: Path) -> list[Path]:
    """Remove temporary files a killed build left in the output folder (call it only while
    holding the folder's lock: then no other build is writing them)."""
    weg = []
    for tmp in out.rglob(f"{TIJDELIJK_VOORVOEGSEL}*{TIJDELIJK_ACHTERVOEGSEL}"):
        if tmp.is_file() and not tmp.is_symlink():
            tmp.unlink(missing_ok=True)
            weg.append(tmp)
    return weg
