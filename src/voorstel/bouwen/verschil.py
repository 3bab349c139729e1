"""Diff: every figure that changed between two versions of a proposal, in Dutch notation.

It compares what the documents show, not the YAML: the computed contexts (compute.py)
of the document and of each gemeente's variant, so computed totals and the allocation
per gemeente are compared too. Each figure gets a place a reader recognises, built from
the section, the titles of the parts and the row and column of a table.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from voorstel.blokken.tabellen import Tabel
from voorstel.bouwen.build import laad_en_valideer
from voorstel.kern import nl
from voorstel.kern.errors import ValidatieFout, VoorstelError
from voorstel.pijplijn.compute import VERWIJZING, varianten
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
            deel = "" if key in CONTAINERS else naam(key)
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
    for gemeente, context in varianten(gevalideerd.document, gevalideerd.sleutels):
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


def git(*args: str, cwd: Path) -> bytes:
    """Output of a git command; a VoorstelError in Dutch if it fails."""
    try:
        proces = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, stdin=subprocess.DEVNULL
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
    return proces.stdout


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
    _uitgepakt(wortel, commit_van(wortel, revisie), doel)
    try:
        return cijfers_van(doel / relatief)
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


def _uitgepakt(wortel: Path, revisie: str, doel: Path) -> Path:
    """The repository's files at a revision, in `doel` (with a project marker)."""
    tar = git("archive", "--format=tar", revisie, cwd=wortel)
    doel.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(tar)) as archief:
        archief.extractall(doel, filter="data")
    (doel / "voorstel.toml").touch(exist_ok=True)
    return doel
