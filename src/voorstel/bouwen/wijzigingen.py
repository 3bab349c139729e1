"""Tracked changes between two versions of a proposal: `voorstel diff OUD NIEUW --docx`.

The computed contexts of both versions are merged (uitvoer/revisie.py: what changed, on the
data) and rendered once through the same renderers and templates as `voorstel build`, which
write every change: w:ins and w:del in Word, CriticMarkup in Markdown. The versions are two
files, or one file at two revisions in git (its shared files from the same revisions, as
`diff --rev` takes them).

A figure that changed because a shared file changed (a verdeelsleutel, a workbook) gets a
comment naming the file. Which values a shared file changed is found by computing the new
version once more with that one file as it was in the old version: what differs between
that context and the new one is the shared file's doing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from voorstel.bouwen.build import laad_en_valideer, slug, stuk_context
from voorstel.bouwen.verschil import Versie, _hernoemd, commit_van, git, revisies
from voorstel.kern.errors import ValidatieFout, VoorstelError
from voorstel.pijplijn import openbaar
from voorstel.pijplijn.compute import varianten
from voorstel.pijplijn.gedeeld import ophalen, projectmap
from voorstel.pijplijn.validate import Gevalideerd
from voorstel.pijplijn.write import schrijf_alles
from voorstel.soorten import REGISTER
from voorstel.soorten.soort import Stuk
from voorstel.uitvoer import DocxRenderer, MarkdownRenderer, Renderer, revisie

AUTEUR = "voorstel"


@dataclass
class Versies:
    """The old and the new version, who made the new one and when, and per shared file
    that changed the new version built with that file as it was."""

    oud: Gevalideerd
    nieuw: Gevalideerd
    auteur: str
    datum: datetime
    gedeeld: list[Gedeeld] = field(default_factory=list)


@dataclass(frozen=True)
class Geschreven:
    """A tracked-changes file that was written, and how many changes it shows."""

    pad: Path
    wijzigingen: int
    wat: str


def _datum(pad: Path) -> datetime:
    return datetime.fromtimestamp(pad.stat().st_mtime, UTC).replace(microsecond=0)


@contextmanager
def versies(oud: Path, nieuw: Path) -> Iterator[Versies]:
    """Two files: the author is voorstel, the date that of the new file."""
    eerst, dan = laad_en_valideer(oud), laad_en_valideer(nieuw)
    with tempfile.TemporaryDirectory(prefix="voorstel-wijzigingen-") as tmp:
        yield Versies(eerst, dan, AUTEUR, _datum(nieuw), gedeeld_gewijzigd(eerst, dan, Path(tmp)))


@contextmanager
def versies_rev(bereik: str, bestand: Path) -> Iterator[Versies]:
    """One file at two revisions: the author and date of the commit of B (without B: the
    file as it is now, by voorstel, at the file's date)."""
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
    with tempfile.TemporaryDirectory(prefix="voorstel-wijzigingen-") as tmp:
        eerst = _op(wortel, oud, Path(tmp) / "oud", relatief)
        if nieuw is None:
            dan, auteur, datum = laad_en_valideer(bestand), AUTEUR, _datum(bestand)
        else:
            dan = _op(wortel, nieuw, Path(tmp) / "nieuw", relatief)
            wie, _, wanneer = (
                git("log", "-1", "--format=%an%x00%cI", commit_van(wortel, nieuw), cwd=wortel)
                .decode("utf-8", "replace")
                .strip()
                .partition("\0")
            )
            auteur = wie or AUTEUR
            datum = datetime.fromisoformat(wanneer).astimezone(UTC)
        yield Versies(eerst, dan, auteur, datum, gedeeld_gewijzigd(eerst, dan, Path(tmp)))


def _op(wortel: Path, revisie: str, doel: Path, relatief: Path) -> Gevalideerd:
    """The validated document at a revision; problems name 'REVISIE:pad', not a temp dir."""
    commit = commit_van(wortel, revisie)
    doel.mkdir(parents=True)
    versie = Versie(wortel, revisie, commit, doel.resolve())
    versie.markeer(PurePosixPath(relatief.as_posix()))
    versie.haal(PurePosixPath(relatief.as_posix()))
    try:
        with ophalen(versie.ophaler):
            return laad_en_valideer(versie.doel / relatief)
    except ValidatieFout as exc:
        raise ValidatieFout(
            [replace(p, path=_hernoemd(p.path, doel, revisie) or p.path) for p in exc.problemen]
        ) from None
    except VoorstelError as exc:
        raise VoorstelError(
            exc.message, _hernoemd(exc.path, doel, revisie), exc.line, exc.field
        ) from None


def _gedeelde(gevalideerd: Gevalideerd) -> dict[str, Path]:
    """The shared files of a document by their path relative to it."""
    map_ = gevalideerd.bron.path.resolve().parent
    return {
        Path(os.path.relpath(p.resolve(), map_)).as_posix(): p for p in gevalideerd.afhankelijkheden
    }


@dataclass(frozen=True)
class Gedeeld:
    """A shared file that changed, and a build that tells what it changed: the new document
    with the file as it was (`oud_bestand`), or, when the new text does not fit the old
    file (a range that grew with the workbook), the old document with the new file."""

    bestand: str
    gevalideerd: Gevalideerd
    oud_bestand: bool


def gedeeld_gewijzigd(oud: Gevalideerd, nieuw: Gevalideerd, tmp: Path) -> list[Gedeeld]:
    """Per shared file both versions refer to (by the same reference) and that differs:
    a build with only that file swapped between the versions."""
    eerst, dan = _gedeelde(oud), _gedeelde(nieuw)
    uit = []
    for nummer, rel in enumerate(sorted(r for r in dan if r in eerst)):
        if eerst[rel].read_bytes() == dan[rel].read_bytes():
            continue
        for oud_bestand, document, bestanden, ander in (
            (True, nieuw, dan, eerst),
            (False, oud, eerst, dan),
        ):
            wortel = tmp / f"gedeeld-{nummer}-{int(oud_bestand)}"
            try:
                gevalideerd = _met(document, bestanden, rel, ander[rel], wortel)
            except VoorstelError:
                continue  # this text does not fit the other file: try the other way round
            uit.append(Gedeeld(PurePosixPath(rel).name, gevalideerd, oud_bestand))
            break
    return uit


def _met(
    document: Gevalideerd, bestanden: dict[str, Path], rel: str, vervanger: Path, wortel: Path
) -> Gevalideerd:
    """`document` validated again in a folder of its own, its shared files beside it as
    before, `rel` replaced by `vervanger`."""
    diepte = max(r.split("/").count("..") for r in bestanden)
    map_ = wortel.joinpath(*(["d"] * diepte))
    map_.mkdir(parents=True)
    toml = projectmap(document.bron.path) / "voorstel.toml"
    if toml.is_file():
        shutil.copy(toml, wortel / "voorstel.toml")
    else:
        (wortel / "voorstel.toml").touch()
    for naam, pad in bestanden.items():
        doel = Path(os.path.normpath(map_ / naam))
        doel.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(vervanger if naam == rel else pad, doel)
    kopie = map_ / document.bron.path.name
    shutil.copy(document.bron.path, kopie)
    return laad_en_valideer(kopie)


def _contexten(
    gevalideerd: Gevalideerd, keuze: str | None
) -> dict[str, tuple[dict[str, Any], Stuk]]:
    """The context of every output `voorstel build` makes, by its suffix after the name
    ('-breda-raadsbesluit'); with `keuze`, only those of that variant."""
    uit: dict[str, tuple[dict[str, Any], Stuk]] = {}
    stukken = REGISTER.van(gevalideerd.document).stukken
    for gemeente, context in varianten(
        gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers
    ):
        achtervoegsel = "" if gemeente is None else f"-{slug(gemeente)}"
        if keuze is not None and achtervoegsel != keuze:
            continue
        for stuk in stukken:
            if stuk.gemaakt(context):
                uit[achtervoegsel + stuk.achtervoegsel] = (stuk_context(context, stuk), stuk)
    return uit


def gemeenten(gevalideerd: Gevalideerd) -> list[str]:
    """The gemeenten a regional proposal has a version for (none for another document)."""
    regio = getattr(gevalideerd.document, "regio", None)
    if regio is None or not regio.varianten or regio.verdeelsleutel not in gevalideerd.sleutels:
        return []
    return list(gevalideerd.sleutels[regio.verdeelsleutel].gemeenten)


def _gekozen(gevalideerd: Gevalideerd, gemeente: str | None) -> str | None:
    """The suffix of the chosen variant ('' for the document), None: every variant."""
    namen = gemeenten(gevalideerd)
    if gemeente is None:
        return None if namen else ""
    if not namen:
        raise VoorstelError(
            "--gemeente kiest de versie van een gemeente, maar dit is geen regionaal voorstel "
            "met een versie per gemeente; laat --gemeente weg",
            path=gevalideerd.bron.path,
        )
    gevonden = [n for n in namen if n.casefold() == gemeente.casefold()]
    if not gevonden:
        raise VoorstelError(
            f"de gemeente '{gemeente}' staat niet in de verdeelsleutel; kies uit: "
            + ", ".join(namen),
            path=gevalideerd.bron.path,
        )
    return f"-{slug(gevonden[0])}"


def schrijf(
    paar: Versies,
    doel: Path,
    formaat: str,
    gemeente: str | None = None,
    sjablonen: Sequence[Path] = (),
    huisstijl: Path | None = None,
) -> list[Geschreven]:
    """Write the tracked-changes files of one format ('docx', 'md') for `doel`: for one
    document (or the --gemeente variant) `doel` itself, further stukken (a raadsbesluit)
    beside it; for a regional proposal without --gemeente a folder `doel` with a file per
    variant, named as `voorstel build` names them.

    The changes are computed on the data: the contexts of both versions are merged
    (revisie.samenvoegen) and rendered once, the renderer writing every change."""
    renderer: Renderer = (DocxRenderer if formaat == "docx" else MarkdownRenderer)(
        sjablonen, huisstijl if formaat == "docx" else None
    )
    naam = openbaar.markeer(Path(paar.nieuw.bron.path.stem), paar.nieuw.document).name
    keuze = _gekozen(paar.nieuw, gemeente)
    stukken = [s.achtervoegsel for s in REGISTER.van(paar.nieuw.document).stukken]
    oud = _contexten(paar.oud, keuze)
    nieuw = _contexten(paar.nieuw, keuze)
    tussen = [(g, _contexten(g.gevalideerd, keuze)) for g in paar.gedeeld]
    if keuze is None:
        map_ = doel.with_suffix("") if doel.suffix == renderer.suffix else doel
        namen = {s: map_ / f"{naam}{s}{renderer.suffix}" for s in nieuw}
    else:
        basis = doel.with_suffix("") if doel.suffix == renderer.suffix else doel
        namen = {
            keuze + s: basis.with_name(basis.name + s + renderer.suffix)
            for s in stukken
            if keuze + s in nieuw
        }
    uitvoer: dict[Path, bytes] = {}
    geschreven = []
    for sleutel, pad in namen.items():
        context, stuk = nieuw[sleutel]
        eerder = oud.get(sleutel, (None, stuk))[0]
        oorzaken = revisie.Oorzaken()
        for gedeeld, contexten in tussen:
            if sleutel not in contexten:
                continue
            ander = contexten[sleutel][0]
            if gedeeld.oud_bestand:  # the new text with the old file: what the file changed
                oorzaken.voeg_toe(gedeeld.bestand, revisie.samenvoegen(ander, context))
            elif eerder is not None:  # the old text with the new file
                oorzaken.voeg_toe(gedeeld.bestand, revisie.samenvoegen(eerder, ander))
        rev = revisie.Revisie(paar.auteur, paar.datum, oorzaken, alles_nieuw=eerder is None)
        # a stuk the old version lacks is the new one, inserted whole (alles_nieuw)
        samen = context if eerder is None else revisie.samenvoegen(eerder, context)
        data = renderer.render(samen, stuk.naam, rev)  # type: ignore[call-arg]
        uitvoer[pad.resolve()] = data
        geschreven.append(Geschreven(pad, rev.aantal, _wat(sleutel, paar.nieuw)))
    if uitvoer:
        wortel = Path(os.path.commonpath([p.parent for p in uitvoer]))
        schrijf_alles(wortel, {p.relative_to(wortel): d for p, d in uitvoer.items()})
    return geschreven


def _wat(sleutel: str, gevalideerd: Gevalideerd) -> str:
    """What an output is, as `voorstel build` names it: 'de versie voor Breda, raadsbesluit'."""
    for gemeente in [None, *gemeenten(gevalideerd)]:
        for stuk in REGISTER.van(gevalideerd.document).stukken:
            eind = ("" if gemeente is None else f"-{slug(gemeente)}") + stuk.achtervoegsel
            if sleutel == eind:
                wat = f"de versie voor {gemeente}" if gemeente else "het document"
                return wat + (f", {stuk.naam}" if stuk.achtervoegsel else "")
    return "het document"
