"""Finding and reading the sources: the document files of folders, each loaded and
validated, and the names their outputs get. Nothing of rendering: `voorstel validate`,
`allocate` and `diff`, and a build in which nothing changed, use this without loading Word,
Jinja or PDF."""

from __future__ import annotations

import bisect
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from voorstel import soorten
from voorstel.kern.errors import Probleem, VoorstelError
from voorstel.soorten import GEDEELDE_SOORTEN

if TYPE_CHECKING:
    from voorstel.pijplijn.validate import Gevalideerd


def laad_en_valideer(path: Path) -> Gevalideerd:
    """Load and validate one document (the models are imported only now: a build in which
    nothing changed never loads them)."""
    from voorstel.pijplijn.load import load
    from voorstel.pijplijn.validate import validate

    return validate(load(path))


def _kop(path: Path) -> str | None:
    """The first 4096 characters of a source (None when it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None


def _soort_in(kop: str) -> str | None:
    """The value of the `soort:` line in the head of a source, without its comment."""
    for line in kop.splitlines():
        if line.startswith("soort:"):
            return line.split(":", 1)[1].split("#", 1)[0].strip().strip("'\"")
    return None


def soort_van(path: Path) -> str | None:
    """The soort of a source from its `soort:` line, without parsing the YAML (None when it
    has none or cannot be read)."""
    kop = _kop(path)
    return None if kop is None else _soort_in(kop)


def is_document(path: Path) -> bool:
    """Whether a YAML file is a document to build (not a shared file such as a key): one
    that can be read and whose soort, if it names one, is not a shared soort."""
    kop = _kop(path)
    return kop is not None and _soort_in(kop) not in GEDEELDE_SOORTEN


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
                    from voorstel.pijplijn.load import geen_gewoon_bestand

                    overgeslagen.append(
                        Probleem(str(p), None, "", geen_gewoon_bestand(modus), waarschuwing=True)
                    )
            result.extend((p, path) for p in files if gedeeld or is_document(p))
        elif gedeeld or is_document(path):
            result.append((path, None))
    return result


def slug(naam: str) -> str:
    """A gemeente's name as part of a file name: 'Geertruidenberg' -> 'geertruidenberg'."""
    plain = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "gemeente"


def uitvoernaam(bron: Path, basis: Path | None) -> Path:
    """Where a source's outputs go under the output folder (without suffix): its path under
    the folder being built, by the name it has there (a symlink by its own name, never by
    that of the file it points to, wherever that is)."""
    if basis is not None:
        pad, map_ = Path(os.path.abspath(bron)), Path(os.path.abspath(basis))
        if not pad.is_relative_to(map_):  # through a symlink: by where both really are
            pad, map_ = bron.resolve(), basis.resolve()
        if pad.is_relative_to(map_):
            return pad.relative_to(map_).with_suffix("")
    return Path(bron.stem)


def stammen(gevalideerd: Gevalideerd, naam: Path) -> dict[Path, str]:
    """Every output name (without suffix) a valid document makes, with what it is: the
    document, each gemeente's version, each further stuk (raadsbesluit)."""
    from voorstel.pijplijn import openbaar  # pydantic: only once a document is loaded

    document = gevalideerd.document
    basis = openbaar.markeer(naam, document)
    regio = getattr(document, "regio", None)
    gemeenten: list[str | None] = [None]
    if regio is not None and regio.varianten and regio.verdeelsleutel in gevalideerd.sleutels:
        gemeenten += gevalideerd.sleutels[regio.verdeelsleutel].gemeenten
    uit: dict[Path, str] = {}
    for gemeente in gemeenten:
        for stuk in soorten.REGISTER.van(document).stukken:
            if gemeente is None and len(gemeenten) > 1 and not stuk.in_overzicht:
                continue  # a regional overview has no raadsbesluit: that is one raad's
            eind = ("" if gemeente is None else f"-{slug(gemeente)}") + stuk.achtervoegsel
            wat = f"de versie voor {gemeente}" if gemeente else "het document"
            uit[basis.with_name(basis.name + eind)] = wat + (
                f", {stuk.naam}" if stuk.achtervoegsel else ""
            )
    return uit


def controleer_namen(bronnen: Sequence[tuple[Path, Path | None]]) -> None:
    """Refuse two sources whose outputs would have the same name: ink.yaml and ink.yml, or
    a gemeente's version of jim.yaml (jim-altena.*) and a source jim-altena.yaml. Only a
    source whose name another one extends ('jim' of 'jim-altena') is validated for this."""
    gezien: dict[Path, Path] = {}
    for bron, basis in bronnen:
        naam = uitvoernaam(bron, basis)
        if naam in gezien:
            raise VoorstelError(
                f"'{gezien[naam]}' en '{bron}' zouden dezelfde uitvoer krijgen ({naam}.*); "
                "hernoem een van beide"
            )
        gezien[naam] = bron
    per_map: dict[Path, list[str]] = {}
    for naam in gezien:
        per_map.setdefault(naam.parent, []).append(naam.name)
    for namen in per_map.values():
        namen.sort()
    for naam, bron in gezien.items():
        # the names that extend this one ('jim-altena' of 'jim') sort right after it
        namen, begin = per_map[naam.parent], naam.name + "-"
        eerste = bisect.bisect_left(namen, begin)
        langer: list[Path] = []
        for volgende in namen[eerste:]:
            if not volgende.startswith(begin):
                break
            langer.append(naam.parent / volgende)
        if not langer:
            continue
        try:
            gevalideerd = laad_en_valideer(bron)
        except VoorstelError:
            continue  # its own build reports what is wrong with it
        if gevalideerd.soort in GEDEELDE_SOORTEN:
            continue
        gemaakt = stammen(gevalideerd, naam)
        for ander in langer:
            if ander in gemaakt:
                raise VoorstelError(
                    f"'{bron}' maakt ook {ander.name}.* ({gemaakt[ander]}), en dat is ook de "
                    f"uitvoer van '{gezien[ander]}'; hernoem '{gezien[ander]}'"
                )
