"""Batch builds: every document, only those that changed, in parallel across the cores.

The main process decides from the state in the output folder which documents changed
(without parsing YAML), hands those to worker processes and records what each was built
from. Each worker writes its own outputs atomically and returns only a small result, so
memory stays flat however many documents there are. Results come back in input order.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from voorstel.bouwen import werkers
from voorstel.bouwen.bronnen import controleer_namen, verzamel
from voorstel.bouwen.staat import Staat, Vingerafdrukken, code_hash, instellingen_hash, sleutel
from voorstel.kern.errors import Probleem, VoorstelError
from voorstel.kern.formaten import OMGEZET, STANDAARD_FORMATEN
from voorstel.pijplijn.project import PROJECTBESTAND
from voorstel.pijplijn.write import CACHEMAP, ruim_tijdelijk_op, schrijffout

if TYPE_CHECKING:
    from voorstel.bouwen.build import Resultaat
    from voorstel.uitvoer.omzetters import Omzetter

SLOTBESTAND = ".voorstel.lock"
"""The lock file in the output folder, held while a build runs there."""

BEWAAR_ELKE = 5.0
"""Seconds between writes of the state during a long batch (so a crash loses little)."""

Taak = tuple[Path, Path | None]
"""A source file and the folder it was found in (which decides its output path)."""
Voortgang = Callable[[int, int], None]
"""Called with (done, total) after every document built."""


@dataclass
class Batch:
    """What a batch build did: the results of the documents built, in input order."""

    resultaten: list[Resultaat] = field(default_factory=list)
    totaal: int = 0
    verwijderd: dict[Path, str] = field(default_factory=dict)
    """Old outputs removed because their document no longer makes them, with why (Dutch)."""
    overgeslagen: list[Probleem] = field(default_factory=list)
    """Paths named .yaml that are no regular file (a folder, a FIFO), left out."""
    staatfout: VoorstelError | None = None
    """The state could not be written (the outputs were): the next build rebuilds them."""

    @property
    def ongewijzigd(self) -> int:
        """Documents left as they were because nothing they are built from changed."""
        return self.totaal - len(self.resultaten)


class Afgebroken(Exception):
    """The build was stopped (Ctrl-C, SIGTERM); the documents that finished are written
    and recorded, the next build makes the rest."""

    def __init__(self, batch: Batch, gevraagd: int) -> None:
        super().__init__("afgebroken")
        self.batch = batch
        self.gevraagd = gevraagd


@dataclass(frozen=True)
class Opties:
    """The build options every document of a batch shares."""

    out: Path
    formaten: tuple[str, ...] = STANDAARD_FORMATEN
    sjablonen: tuple[Path, ...] = ()
    publicatie: bool = False
    pdfa: bool = False
    huisstijl: Path | None = None
    pdfua: bool = False
    zgw: bool = False
    """A zaaksysteem record (ZGW EnkelvoudigInformatieObject) beside every output file."""

    def instellingen(self, code: str, basis: Path | None) -> str:
        """The hash of everything besides files that decides a document's outputs."""
        return instellingen_hash(
            code=code,
            formaten=sorted(self.formaten),
            sjablonen=[os.path.abspath(p) for p in self.sjablonen],
            publicatie=self.publicatie,
            pdfa=self.pdfa,
            huisstijl=None if self.huisstijl is None else os.path.abspath(self.huisstijl),
            pdfua=self.pdfua,
            zgw=self.zgw,
            project=_projectafdruk() if self.publicatie or self.zgw else None,
            basis=None if basis is None else os.path.abspath(basis),
        )


def _projectafdruk() -> str | None:
    """The build's voorstel.toml as it is now: the organisation of documents without one
    of their own comes from it (publiceren), so a change there rebuilds them."""
    start = Path.cwd().resolve()
    for folder in (start, *start.parents):
        try:
            return hashlib.sha256((folder / PROJECTBESTAND).read_bytes()).hexdigest()
        except OSError:
            continue
    return None


def bouw_een(bron: Path, basis: Path | None, opties: Opties) -> Resultaat:
    """Build one document; any failure, even an unexpected one, becomes its result."""
    from voorstel.bouwen.build import Resultaat, bouw_bestand

    try:
        return bouw_bestand(
            bron,
            opties.out,
            opties.formaten,
            opties.sjablonen,
            basis,
            opties.publicatie,
            opties.huisstijl,
            opties.zgw,
        )
    except Exception as exc:  # a bug in one document must not stop the batch
        return Resultaat(bron, fout=_onverwacht(bron, exc))


def _onverwacht(bron: Path, exc: BaseException) -> VoorstelError:
    return VoorstelError(
        f"onverwachte fout bij het maken ({type(exc).__name__}: {exc}); de uitvoer van dit "
        "document is niet aangeraakt; meld dit aan de beheerders van voorstel",
        path=bron,
    )


def processen_standaard() -> int:
    """How many worker processes: one per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


def bouw_parallel(
    taken: Sequence[Taak], opties: Opties, processen: int
) -> Iterator[tuple[int, Resultaat]]:
    """(index, result) for every task as it finishes; in this process if there is only
    one worker or one task, else in worker processes (werkers.parallel: they die with the
    build, Ctrl-C stops them, a worker that dies fails only its own document)."""
    if processen <= 1 or len(taken) <= 1:
        for index, (bron, basis) in enumerate(taken):
            yield index, bouw_een(bron, basis, opties)
        return

    # Rendering is imported here, once, before the workers start: forked, they share it,
    # rather than each importing it again at its first document.
    from voorstel.bouwen.build import Resultaat

    def gestorven(index: int) -> Resultaat:
        bron = taken[index][0]
        return Resultaat(
            bron,
            fout=VoorstelError(
                "het proces dat dit document maakte, stopte onverwacht (gestopt door het "
                "systeem, bijvoorbeeld bij te weinig geheugen, of door een ander programma); "
                "de uitvoer van dit document is niet aangeraakt en de andere documenten zijn "
                "gewoon gemaakt; bouw het opnieuw, of apart met -j 1 om de oorzaak te zien",
                path=bron,
            ),
        )

    yield from werkers.parallel(functools.partial(_bouw_taak, opties), taken, processen, gestorven)


def _bouw_taak(opties: Opties, bron: Path, basis: Path | None) -> Resultaat:
    return bouw_een(bron, basis, opties)


def bouw_batch(
    paden: Sequence[Path],
    opties: Opties,
    forceer: bool = False,
    processen: int | None = None,
    voortgang: Voortgang | None = None,
) -> Batch:
    """Build every document under `paden` that changed since the last build into
    `opties.out` (with `forceer`: every document) and record the new state there."""
    # What a build that changes nothing does not need (rendering, PDF, publication) is
    # imported only when it is used: a no-op build of a thousand documents stays quick.
    if opties.huisstijl is not None:
        from voorstel.uitvoer.huisstijl import Huisstijl

        Huisstijl.lees(opties.huisstijl)  # before anything is built: a broken file stops here
    nodig: list[Omzetter] = []
    if any(formaat in OMGEZET for formaat in opties.formaten):
        from voorstel.uitvoer import omzetters

        nodig = omzetters.omzetters(opties.formaten, opties.pdfa, opties.pdfua, opties.publicatie)
    for omzetter in nodig:
        omzetter.controleer()  # before anything is built: say at once that LibreOffice is missing
    overgeslagen: list[Probleem] = []
    alle = verzamel(paden, overgeslagen=overgeslagen)
    controleer_namen(alle)
    if opties.publicatie or opties.zgw:
        from voorstel.bouwen import publiceren

        publiceren.controleer([bron for bron, _ in alle], opties.publicatie, opties.zgw)
    with werkers.sigterm_als_ctrl_c(), vergrendeld(opties.out):
        return _bouw(paden, opties, alle, overgeslagen, nodig, forceer, processen, voortgang)


@contextlib.contextmanager
def vergrendeld(out: Path) -> Iterator[None]:
    """The output folder for this build alone: a second build into it at the same time
    would rewrite the state without the first one's outputs. It stops with a Dutch message
    instead of waiting (filelock: a lock the OS releases when the process dies)."""
    nieuw = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise schrijffout(exc, out) from None
    slot = FileLock(out / SLOTBESTAND, timeout=0)
    try:
        slot.acquire()
    except Timeout:
        raise VoorstelError(
            "er draait al een andere voorstel build in deze uitvoermap; wacht tot die klaar "
            "is, of bouw in een andere map (--out)",
            path=out,
        ) from None
    except OSError as exc:
        raise schrijffout(exc, out / SLOTBESTAND) from None
    try:
        yield
    finally:
        (out / SLOTBESTAND).unlink(missing_ok=True)  # while held: no other build took it
        slot.release()
        if nieuw and not any(out.iterdir()):
            out.rmdir()  # nothing was built: leave no trace


def _bouw(
    paden: Sequence[Path],
    opties: Opties,
    alle: list[tuple[Path, Path | None]],
    overgeslagen: list[Probleem],
    nodig: list[Omzetter],
    forceer: bool,
    processen: int | None,
    voortgang: Voortgang | None,
) -> Batch:
    """The build itself, with the output folder locked."""
    ruim_tijdelijk_op(opties.out)  # half-files of a build that was killed while writing
    if opties.publicatie:  # charts of earlier builds, perhaps of documents not public
        ruim_cache_op(opties.out)
    staat = Staat.lees(opties.out)
    afdrukken = Vingerafdrukken()
    code = code_hash()
    instellingen = [opties.instellingen(code, basis) for _, basis in alle]
    te_bouwen = [
        index
        for index, (bron, _) in enumerate(alle)
        if forceer or not staat.actueel(bron, instellingen[index], afdrukken)
    ]
    for index in te_bouwen:
        afdrukken.van(os.path.abspath(alle[index][0]))  # the source as it was before building
    klaar: dict[int, Resultaat] = {}
    bewaard = time.monotonic()
    try:
        for positie, resultaat in bouw_parallel(
            [alle[i] for i in te_bouwen], opties, processen or processen_standaard()
        ):
            index = te_bouwen[positie]
            klaar[index] = resultaat
            if not nodig:
                _schrijf_records(resultaat, opties.out)
                _noteer(staat, resultaat, instellingen[index], afdrukken)
                if time.monotonic() - bewaard > BEWAAR_ELKE:
                    with contextlib.suppress(VoorstelError):  # told once, at the end
                        staat.schrijf()
                    bewaard = time.monotonic()
            if voortgang is not None:
                voortgang(len(klaar), len(te_bouwen))
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: the workers are stopped; keep what finished
        werkers.negeer_ctrl_c()  # stopping: a second Ctrl-C must not break it
        with contextlib.suppress(OSError):  # the half-files of the workers just stopped
            ruim_tijdelijk_op(opties.out)
        with contextlib.suppress(VoorstelError):
            staat.schrijf()
        bewaard_ = [] if nodig else [klaar[i] for i in sorted(klaar)]
        raise Afgebroken(Batch(bewaard_, len(alle)), len(te_bouwen)) from None
    resultaten = [klaar[index] for index in sorted(klaar)]
    if nodig:
        for omzetter in nodig:
            omzetter.zet_om(resultaten, opties.out)
        for index in sorted(klaar):
            _schrijf_records(klaar[index], opties.out)
            _noteer(staat, klaar[index], instellingen[index], afdrukken)
    weg = staat.verweesd([bron for bron, _ in alle], [p for p in paden if p.is_dir()])
    verwijderd = _ruim_op(staat, resultaten, weg)
    if opties.publicatie:  # the folder as it is now: what is new, without what was removed
        from voorstel.bouwen import publiceren

        publiceren.schrijf_index(opties.out)
    try:
        staat.schrijf()
    except VoorstelError as exc:  # every document's own result is still reported
        return Batch(resultaten, len(alle), verwijderd, overgeslagen, staatfout=exc)
    return Batch(resultaten, len(alle), verwijderd, overgeslagen)


def _schrijf_records(resultaat: Resultaat, out: Path) -> None:
    """The zaaksysteem records of a document built for them (--zgw)."""
    if resultaat.publicatie is None:
        return
    from voorstel.bouwen import publiceren

    publiceren.schrijf_records(resultaat, out)


def ruim_cache_op(out: Path) -> None:
    """Remove the chart cache from the output folder (never through a link)."""
    cache = out / CACHEMAP
    if cache.is_dir() and not cache.is_symlink():
        shutil.rmtree(cache, ignore_errors=True)


def _ruim_op(staat: Staat, resultaten: list[Resultaat], weg: set[str]) -> dict[Path, str]:
    """Remove the outputs documents no longer make; each with why, for the user."""
    niet_openbaar = {sleutel(r.bron) for r in resultaten if r.overgeslagen is not None}
    return {
        pad: "niet openbaar, hoort niet in uitvoer voor publicatie"
        if bron in niet_openbaar
        else f"de bron {bron} bestaat niet meer"
        if bron in weg
        else "niet meer gemaakt"
        for bron, pad in staat.ruim_op()
    }


def _noteer(
    staat: Staat, resultaat: Resultaat, instellingen: str, afdrukken: Vingerafdrukken
) -> None:
    """Record a built document; forget a failed one, so the next build tries it again."""
    if resultaat.fout is not None:
        staat.vergeet(resultaat.bron, resultaat.geschreven)
        return
    try:
        staat.noteer(
            resultaat.bron,
            instellingen,
            resultaat.afhankelijkheden,
            resultaat.geschreven,
            afdrukken,
        )
    except OSError:
        staat.vergeet(resultaat.bron, resultaat.geschreven)
