"""The build state in the output folder: what each document was last built from.

Per document it records a fingerprint (size, mtime in ns, SHA-256) of its source and of
every file it depends on (verdeelsleutels, templates), a hash of the settings (tool,
formats, options) and the size and mtime of each output. A document is up to date when
all of that still holds. An output a document made before but no longer makes (another
name, a dropped format, not built for publication) is listed to be removed, and removed
at the end of the build (`ruim_op`), so no stale file stays behind to be published. A
file whose size and mtime are unchanged counts as unchanged
without being read (like make and git do); otherwise its bytes are hashed, and equal
bytes count as unchanged too. Nothing here parses YAML, so checking is cheap.

The state is written atomically; after a crash the previous state is intact, and the
documents built since are simply built again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voorstel.kern.errors import SchrijfFout
from voorstel.pijplijn.write import CACHEMAP, binnen, schrijf_atomisch

STAATBESTAND = ".voorstel-staat.json"
VERSIE = 1
Vingerafdruk = tuple[int, int, str]
"""(size in bytes, mtime in ns, SHA-256 of the bytes)."""


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for blok in iter(lambda: handle.read(1 << 20), b""):
            digest.update(blok)
    return digest.hexdigest()


def sleutel(path: Path) -> str:
    """How a file is named in the state: its absolute path."""
    return os.path.abspath(path)


@dataclass
class Vingerafdrukken:
    """Fingerprints of files, each file read at most once per build."""

    _cache: dict[str, Vingerafdruk | None] = field(default_factory=dict)

    def van(self, path: str) -> Vingerafdruk | None:
        """The fingerprint of a file now; None if it is gone."""
        if path not in self._cache:
            try:
                stat = os.stat(path)
                self._cache[path] = (stat.st_size, stat.st_mtime_ns, sha256(Path(path)))
            except OSError:
                self._cache[path] = None
        return self._cache[path]

    def ongewijzigd(self, path: str, eerder: list[Any]) -> bool:
        """Whether a file is as recorded: same size and mtime, or else the same bytes."""
        gezien = self._cache.get(path)
        if gezien is not None:
            return bool(gezien[2] == eerder[2])
        try:
            stat = os.stat(path)
        except OSError:
            return False
        if stat.st_size == eerder[0] and stat.st_mtime_ns == eerder[1]:
            return True
        nu = self.van(path)
        return nu is not None and bool(nu[2] == eerder[2])


def uitvoer_intact(out: Path, uitvoer: Mapping[str, list[int]]) -> bool:
    """Whether every recorded output is still there, untouched (size and mtime)."""
    for naam, (grootte, mtime_ns) in uitvoer.items():
        try:
            stat = os.stat(out / naam)
        except OSError:
            return False
        if stat.st_size != grootte or stat.st_mtime_ns != mtime_ns:
            return False
    return True


def verwijder_binnen(out: Path, naam: str) -> Path | None:
    """Remove the file `naam` (relative) from `out`; never a folder, never anything whose
    folder lies outside `out` (a link is removed itself, not what it points to). The path
    removed, or None if there was nothing to remove."""
    pad = Path(os.path.abspath(out / naam))
    try:
        binnen(out, pad.parent)
    except SchrijfFout:
        return None
    if pad == Path(os.path.abspath(out / STAATBESTAND)) or not (pad.is_symlink() or pad.is_file()):
        return None
    if Path(os.path.abspath(out / CACHEMAP)) in pad.parents:
        return None  # the chart cache is no output of any document
    try:
        pad.unlink()
    except OSError:
        return None
    return pad


@dataclass
class Staat:
    """The build state of one output folder."""

    out: Path
    documenten: dict[str, dict[str, Any]] = field(default_factory=dict)
    bestond: bool = False

    @classmethod
    def lees(cls, out: Path) -> Staat:
        """The state in `out`; an empty one if there is none or it cannot be read."""
        try:
            data = json.loads((out / STAATBESTAND).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(out)
        if not isinstance(data, dict) or data.get("versie") != VERSIE:
            return cls(out, bestond=True)
        documenten = data.get("documenten")
        return cls(out, documenten if isinstance(documenten, dict) else {}, bestond=True)

    def actueel(self, bron: Path, instellingen: str, afdrukken: Vingerafdrukken) -> bool:
        """Whether a document's outputs are up to date: nothing it was built from changed."""
        eerder = self.documenten.get(sleutel(bron))
        if not isinstance(eerder, dict) or eerder.get("instellingen") != instellingen:
            return False
        try:
            return all(
                afdrukken.ongewijzigd(pad, afdruk) for pad, afdruk in eerder["bestanden"].items()
            ) and uitvoer_intact(self.out, eerder["uitvoer"])
        except (KeyError, TypeError, ValueError, IndexError):
            return False

    def noteer(
        self,
        bron: Path,
        instellingen: str,
        bestanden: Iterable[Path],
        uitvoer: Sequence[Path],
        afdrukken: Vingerafdrukken,
    ) -> None:
        """Record what a document was just built from and what it wrote."""
        gelezen = {}
        for path in (bron, *bestanden):
            afdruk = afdrukken.van(sleutel(path))
            if afdruk is None:
                self.vergeet(bron, uitvoer)
                return
            gelezen[sleutel(path)] = list(afdruk)
        geschreven = {}
        for path in uitvoer:
            stat = path.stat()
            geschreven[path.resolve().relative_to(self.out.resolve()).as_posix()] = [
                stat.st_size,
                stat.st_mtime_ns,
            ]
        weg = self._eerdere_uitvoer(bron) - set(geschreven)
        self.documenten[sleutel(bron)] = {
            "instellingen": instellingen,
            "bestanden": gelezen,
            "uitvoer": geschreven,
            **({"opruimen": sorted(weg)} if weg else {}),
        }

    def _eerdere_uitvoer(self, bron: Path) -> set[str]:
        """The outputs a document had (and those still to be removed), as recorded."""
        eerder = self.documenten.get(sleutel(bron))
        if not isinstance(eerder, dict):
            return set()
        namen = set(eerder.get("uitvoer") or {}) | set(eerder.get("opruimen") or [])
        return {naam for naam in namen if isinstance(naam, str)}

    def vergeet(self, bron: Path, geschreven: Iterable[Path] = ()) -> None:
        """Forget how a document was built, so the next build builds it again; keep which
        outputs it has (with any it just wrote), so a later build can remove stale ones."""
        namen = self._eerdere_uitvoer(bron)
        for path in geschreven:
            namen.add(path.resolve().relative_to(self.out.resolve()).as_posix())
        if namen:
            self.documenten[sleutel(bron)] = {"uitvoer": {naam: [-1, -1] for naam in namen}}
        else:
            self.documenten.pop(sleutel(bron), None)

    def verweesd(self, levend: Iterable[Path], mappen: Iterable[Path]) -> set[str]:
        """Mark every output of a document whose source is gone (deleted or renamed) for
        removal, if it lay in one of the folders being built; the documents so marked."""
        bekend = {sleutel(p) for p in levend}
        onder = [sleutel(m) + os.sep for m in mappen]
        weg = set()
        for bron in list(self.documenten):
            if bron in bekend or not any(bron.startswith(m) for m in onder):
                continue
            if os.path.lexists(bron):
                continue  # still there, just no document (now) or not built: leave it
            self.documenten[bron] = {"opruimen": sorted(self._eerdere_uitvoer(Path(bron)))}
            weg.add(bron)
        return weg

    def ruim_op(self) -> list[tuple[str, Path]]:
        """Remove every output a document had before but no longer makes, unless another
        document makes it now; only inside the output folder. (document, removed file)."""
        beschermd = {
            naam
            for eerder in self.documenten.values()
            if isinstance(eerder, dict) and isinstance(eerder.get("uitvoer"), dict)
            for naam in eerder["uitvoer"]
        }
        verwijderd = []
        for bron, eerder in self.documenten.items():
            if not isinstance(eerder, dict) or "opruimen" not in eerder:
                continue
            for naam in eerder.pop("opruimen") or []:
                if isinstance(naam, str) and naam not in beschermd:
                    pad = verwijder_binnen(self.out, naam)
                    if pad is not None:
                        verwijderd.append((bron, pad))
        for bron in [b for b, eerder in self.documenten.items() if eerder == {}]:
            del self.documenten[bron]  # a source that is gone, its outputs removed
        return verwijderd

    def schrijf(self) -> None:
        """Write the state atomically (not at all if there is nothing to keep)."""
        if not self.documenten and not self.bestond:
            return
        data = {"versie": VERSIE, "documenten": self.documenten}
        tekst = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        schrijf_atomisch(self.out / STAATBESTAND, tekst.encode("utf-8"))
        self.bestond = True


def instellingen_hash(**instellingen: Any) -> str:
    """A hash of everything besides files that decides the output: tool, code, options."""
    tekst = json.dumps(instellingen, sort_keys=True, default=str)
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()


def code_hash() -> str:
    """A hash of the tool itself: its version, its source files and the libraries it
    renders with, so a changed tool rebuilds everything."""
    from importlib import metadata

    from voorstel import __version__

    digest = hashlib.sha256(__version__.encode())
    pakket = Path(__file__).resolve().parents[1]
    for path in sorted(pakket.rglob("*.py")):
        digest.update(path.relative_to(pakket).as_posix().encode())
        digest.update(path.read_bytes())
    for naam in ("docxtpl", "python-docx", "jinja2", "babel"):
        try:
            digest.update(f"{naam}={metadata.version(naam)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(naam.encode())
    return digest.hexdigest()
