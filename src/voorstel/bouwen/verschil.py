"""Diff: every figure that changed between two versions of a proposal, in Dutch notation.

It compares what the documents show, not the YAML: the computed contexts (compute.py)
of the document and of each gemeente's variant, so computed totals and the allocation
per gemeente are compared too. Each figure gets a place a reader recognises, built from
the section, the titles of the parts and the row and column of a table.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from voorstel.blokken.tabellen import Tabel
from voorstel.bouwen.bronnen import laad_en_valideer
from voorstel.kern import nl
from voorstel.kern.errors import ValidatieFout, VoorstelError
from voorstel.pijplijn.compute import VERWIJZING, varianten
from voorstel.pijplijn.gedeeld import PROJECTMARKERS, ophalen
from voorstel.pijplijn.load import walk

Cijfers = dict[str, str]
"""Place -> the figure as the document writes it."""

SECTIES = {"financien": "financiën", "risicos": "risico's", "kopblok": "kopgegevens"}
LABELS = ("titel", "onderdeel", "omschrijving", "naam", "gemeente", "kop")
OVERSLAAN = frozenset({"meta", "cijfers", "voetnoten", "argumenten"})
"""Context keys that hold no figures of their own (or repeat those in the tables)."""
CONTAINERS = frozenset({"onderdelen", "tabel", "posten", "rijen", "begroting", "verdeling"})
BEDRAGEN = frozenset({"bedrag", "totaal", "bijdrage", "budget"})
GEEN = "–"


@dataclass(frozen=True)
class Wijziging:
    """One figure that changed, appeared or disappeared."""

    plaats: str
    oud: str | None
    nieuw: str | None

    def __str__(self) -> str:
        return f"{self.plaats}: {self.oud or GEEN} → {self.nieuw or GEEN}"


def opmaak(waarde: Decimal, soort: str) -> str:
    """A figure in Dutch notation; amounts always with cents and percentages with two
    decimals (as in the tables), so no change hides."""
    if soort == "bedrag":
        return nl.bedrag(waarde, centen=True)
    if soort == "procent":
        return nl.procent(waarde, 2)
    return nl.getal(waarde)


def naam(sleutel: str) -> str:
    """A context key as a reader names it."""
    return SECTIES.get(sleutel, sleutel.replace("_", " "))


def _label(item: Any, index: int) -> str:
    if isinstance(item, dict):
        for veld in LABELS:
            if isinstance(item.get(veld), str) and item[veld]:
                return str(item[veld])
    return f"nr. {index + 1}"


def _plaats(delen: list[str]) -> str:
    return ", ".join(d for d in delen if d)


def _tabel(view: Tabel, plaats: list[str]) -> Iterator[tuple[str, str]]:
    """The figures of a computed table: row label, column header. In a table with one
    column of figures, its Totaal row needs no column: '..., Totaal'."""
    kop = view.kop
    waar = [*plaats, view.titel or ""]
    een_kolom = sum(view.rechts()) == 1
    for rij in view.alle_rijen:
        label = str(rij[0].waarde) if rij and rij[0].soort == "tekst" else ""
        for index, cel in enumerate(rij):
            kolom = kop[index] if index < len(kop) else f"kolom {index + 1}"
            if rij is view.voet and een_kolom:
                kolom = ""
            cel_ = f" ({cel.herkomst})" if cel.herkomst else ""
            if cel.soort in ("bedrag", "procent", "getal") and cel.getal is not None:
                yield _plaats([*waar, label, kolom]) + cel_, opmaak(cel.getal, cel.soort)
            elif cel.soort == "pm":
                yield _plaats([*waar, label, kolom]) + cel_, "PM"
    for vervolg in view.vervolg:
        yield from _tabel(vervolg, plaats)


def figuren(waarde: Any, plaats: list[str], sleutel: str = "") -> Iterator[tuple[str, str]]:
    """Every figure in a context value with its place."""
    if isinstance(waarde, Tabel):
        yield from _tabel(waarde, plaats)
    elif isinstance(waarde, dict):
        for key, sub in waarde.items():
            if key in OVERSLAAN and not plaats:
                continue
            deel = "" if key in CONTAINERS else naam(str(key))
            if isinstance(sub, Decimal):
                soort = "bedrag" if key in BEDRAGEN else "getal"
                yield _plaats([*plaats, deel.capitalize()]), opmaak(sub, soort)
            else:
                yield from figuren(sub, [*plaats, deel], key)
    elif isinstance(waarde, list):
        gezien: dict[str, int] = {}
        for index, item in enumerate(waarde):
            label = _label(item, index)
            gezien[label] = gezien.get(label, 0) + 1
            if gezien[label] > 1:
                label = f"{label} ({gezien[label]})"
            yield from figuren(item, [*plaats, label], sleutel)


def cijfers_van(pad: Path) -> Cijfers:
    """Every figure of a document and its variants (a variant's own figures only)."""
    gevalideerd = laad_en_valideer(pad)
    gebruikt = tekstcijfers(gevalideerd.document.model_dump())
    result: Cijfers = {}
    for gemeente, context in varianten(
        gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers
    ):
        if gemeente is None:
            result.update(figuren(context, []))
            continue
        for key in ("bijdrage", "percentage"):
            if key not in gebruikt:
                continue
            waarde = context.get("cijfers", {}).get(key)
            if isinstance(waarde, Decimal):
                soort = "bedrag" if key == "bijdrage" else "procent"
                result[f"versie voor {gemeente}, {key} in de tekst"] = opmaak(waarde, soort)
    return result


def tekstcijfers(data: Any) -> set[str]:
    """The names of the figures the texts of a document refer to ({{ bijdrage }}, ...)."""
    return {
        match.group(1)
        for _, waarde in walk(data)
        if isinstance(waarde, str)
        for match in VERWIJZING.finditer(waarde)
    }


def vergelijk(oud: Cijfers, nieuw: Cijfers) -> list[Wijziging]:
    """Every figure that differs, in the order of the new version (removed ones last)."""
    wijzigingen = [
        Wijziging(plaats, oud.get(plaats), waarde)
        for plaats, waarde in nieuw.items()
        if oud.get(plaats) != waarde
    ]
    wijzigingen += [Wijziging(p, w, None) for p, w in oud.items() if p not in nieuw]
    return wijzigingen


def verschil(oud: Path, nieuw: Path) -> list[Wijziging]:
    """The changed figures between two files."""
    return vergelijk(cijfers_van(oud), cijfers_van(nieuw))


def git(*args: str, cwd: Path, uit: BinaryIO | None = None) -> bytes:
    """Output of a git command (into `uit` when given); a VoorstelError in Dutch if it fails.
    Paths given to git are literal, never patterns."""
    try:
        proces = subprocess.run(
            ["git", *args],
            cwd=cwd,
            stdout=uit or subprocess.PIPE,
            stderr=subprocess.PIPE,
            check=False,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "GIT_LITERAL_PATHSPECS": "1"},
        )
    except OSError as exc:
        raise VoorstelError(
            f"git kon niet starten ({exc.strerror}); is git geïnstalleerd?"
        ) from None
    if proces.returncode != 0:
        melding = proces.stderr.decode("utf-8", "replace").strip().splitlines()
        raise VoorstelError(
            f"git {' '.join(args)} mislukte: {melding[-1] if melding else proces.returncode}"
        )
    return proces.stdout or b""


def revisies(bereik: str) -> tuple[str, str | None]:
    """'A..B' -> (A, B); 'A..' or 'A' -> (A, None): None is the file as it is now."""
    oud, _, nieuw = bereik.partition("..")
    if not oud:
        raise VoorstelError(f"'{bereik}' is geen bereik; schrijf bijvoorbeeld HEAD~1..HEAD")
    return oud, nieuw or None


def verschil_rev(bereik: str, bestand: Path) -> list[Wijziging]:
    """The changed figures in a file between two revisions of its git repository (the
    shared files it refers to taken from the same revision)."""
    oud, nieuw = revisies(bereik)
    map_ = bestand.resolve().parent
    try:
        wortel = Path(git("rev-parse", "--show-toplevel", cwd=map_).decode().strip())
    except VoorstelError:
        raise VoorstelError(
            "staat niet in een git-repository; --rev vergelijkt versies uit git, vergelijk "
            "anders twee bestanden: OUD en NIEUW",
            path=bestand,
        ) from None
    relatief = bestand.resolve().relative_to(wortel.resolve())
    with tempfile.TemporaryDirectory(prefix="voorstel-diff-") as tmp:
        eerst = _cijfers_op(wortel, oud, Path(tmp) / "oud", relatief)
        if nieuw is None:
            return vergelijk(eerst, cijfers_van(bestand))
        return vergelijk(eerst, _cijfers_op(wortel, nieuw, Path(tmp) / "nieuw", relatief))


def commit_van(wortel: Path, revisie: str) -> str:
    """The commit a revision names, checked before git sees it as anything else."""
    fout = VoorstelError(
        f"'{revisie}' is geen bestaande versie in de git-repository {wortel}; geef een "
        "commit, tak of bijvoorbeeld HEAD~1 (zie 'git log' voor wat er is)"
    )
    if not revisie or revisie.startswith("-"):
        raise fout
    try:
        uit = git("rev-parse", "--verify", "--end-of-options", f"{revisie}^{{commit}}", cwd=wortel)
    except VoorstelError:
        raise fout from None
    return uit.decode().strip()


def _cijfers_op(wortel: Path, revisie: str, doel: Path, relatief: Path) -> Cijfers:
    """The figures of a file at a revision; problems name 'REVISIE:pad', not a temp dir."""
    commit = commit_van(wortel, revisie)
    doel.mkdir(parents=True)
    versie = Versie(wortel, revisie, commit, doel.resolve())
    versie.markeer(PurePosixPath(relatief.as_posix()))
    versie.haal(PurePosixPath(relatief.as_posix()))
    try:
        with ophalen(versie.ophaler):
            return cijfers_van(versie.doel / relatief)
    except ValidatieFout as exc:
        raise ValidatieFout(
            [replace(p, path=_hernoemd(p.path, doel, revisie) or p.path) for p in exc.problemen]
        ) from None
    except VoorstelError as exc:
        raise VoorstelError(
            exc.message, _hernoemd(exc.path, doel, revisie), exc.line, exc.field
        ) from None


def _hernoemd(pad: str | None, doel: Path, revisie: str) -> str | None:
    if pad is None:
        return None
    try:
        return f"{revisie}:{Path(pad).resolve().relative_to(doel.resolve()).as_posix()}"
    except ValueError:
        return pad


GEWONE_BESTANDEN = frozenset({"100644", "100755"})
"""The modes of a regular file in a git tree; 120000 is a symlink, 160000 a submodule."""
SNELKOPPELING = "120000"


@dataclass(frozen=True)
class Item:
    """One entry of a git tree: its mode, type (blob, tree, commit) and object."""

    modus: str
    soort: str
    object: str


@dataclass(frozen=True)
class Versie:
    """The files of one revision, taken from git one at a time into `doel` as the document
    needs them: the document itself, then each file it refers to (verdeelsleutels,
    workbooks). Nothing else of the repository is read: not its other files, however large,
    and not its symlinks, which are never followed (git keeps a symlink as the text of its
    target, and that target may lie anywhere)."""

    wortel: Path
    revisie: str
    commit: str
    doel: Path
    gehaald: set[PurePosixPath] = field(default_factory=set)

    def items(
        self, *paden: PurePosixPath, opties: tuple[str, ...] = ()
    ) -> dict[PurePosixPath, Item]:
        """What `git ls-tree` lists for these paths at this revision, by path."""
        uit = git(
            "ls-tree",
            "-z",
            "--full-tree",
            *opties,
            self.commit,
            "--",
            *map(str, paden),
            cwd=self.wortel,
        )
        items = {}
        for regel in uit.split(b"\0"):
            if regel:
                kop, _, naam = regel.partition(b"\t")
                modus, soort, object_ = kop.decode().split(" ")
                items[PurePosixPath(os.fsdecode(naam))] = Item(modus, soort, object_)
        return items

    def item(self, relatief: PurePosixPath) -> tuple[PurePosixPath, Item | None]:
        """The tree entry at `relatief`, or the first one on the way there that is no
        folder (a symlink, a file), or the first part that is missing (None)."""
        gevonden = self.items(relatief, opties=("-t",))  # every folder on the way, and it
        for pad in (*reversed(relatief.parents[:-1]), relatief):
            item = gevonden.get(pad)
            if item is None and pad != relatief:  # git lists a blob on the way only by name
                item = self.items(pad).get(pad)
            if item is None or item.soort != "tree" or pad == relatief:
                return pad, item
        raise AssertionError(relatief)  # pragma: no cover - the loop ends at relatief

    def haal(self, relatief: PurePosixPath, verwijzing: str | None = None) -> None:
        """Write the file at `relatief` (in the repository) from this revision into `doel`;
        a VoorstelError naming the revision and the path when it is no regular file there.
        `verwijzing` is the reference as the document wrote it (None: the document)."""
        if relatief in self.gehaald:
            return
        wat = f"'{verwijzing}'" if verwijzing is not None else "het document"
        plaats = f"{self.revisie}:{relatief}"
        pad, item = self.item(relatief)
        if item is not None and item.modus == SNELKOPPELING:
            doelwit = git("cat-file", "blob", item.object, cwd=self.wortel)[:200]
            raise VoorstelError(
                f"{wat} is in versie {self.revisie} een snelkoppeling"
                f"{' in het pad' if pad != relatief else ''} ({self.revisie}:{pad} verwijst "
                f"naar '{doelwit.decode('utf-8', 'replace')}'); voorstel volgt geen "
                "snelkoppelingen uit git: verwijs naar het bestand zelf"
            )
        if item is None or pad != relatief:
            raise VoorstelError(
                f"{wat} bestaat niet in versie {self.revisie} (gezocht: {plaats}); controleer "
                "de naam en de versie, of vergelijk met een versie waarin het bestand er al was"
            )
        if item.modus not in GEWONE_BESTANDEN:
            wat_het_is = "een map" if item.soort == "tree" else "een submodule"
            raise VoorstelError(
                f"{wat} is in versie {self.revisie} geen bestand maar {wat_het_is} "
                f"({plaats}); verwijs naar een bestand"
            )
        self._schrijf(item, self.doel.joinpath(*relatief.parts))
        self.gehaald.add(relatief)

    def ophaler(self, pad: Path, verwijzing: str) -> None:
        """The hook for gedeeld.los_op: fetch a referenced file below `doel` from git."""
        try:
            relatief = pad.relative_to(self.doel)
        except ValueError:
            return  # outside this revision's files: los_op says what is wrong with it
        self.haal(PurePosixPath(relatief.as_posix()), verwijzing)

    def markeer(self, relatief: PurePosixPath) -> None:
        """The project markers above the document as they are at this revision (they bound
        what it may refer to), and one at the top, where the repository's .git is."""
        mappen = [PurePosixPath(p) for p in relatief.parents]
        kandidaten = [m / naam for m in mappen for naam in PROJECTMARKERS if naam != ".git"]
        items = self.items(*kandidaten)
        for kandidaat in kandidaten:
            item = items.get(kandidaat)
            if item is None or item.soort != "blob":
                continue
            doelpad = self.doel.joinpath(*kandidaat.parts)
            if item.modus in GEWONE_BESTANDEN:
                self._schrijf(item, doelpad)
            else:  # a marker that is a symlink: only its presence counts, never its target
                doelpad.parent.mkdir(parents=True, exist_ok=True)
                doelpad.touch()
        (self.doel / "voorstel.toml").touch(exist_ok=True)

    def _schrijf(self, item: Item, doelpad: Path) -> None:
        """A blob into a new file, streamed from git (a large workbook is never in memory)."""
        doelpad.parent.mkdir(parents=True, exist_ok=True)
        with doelpad.open("wb") as bestand:
            git("cat-file", "blob", item.object, cwd=self.wortel, uit=bestand)
