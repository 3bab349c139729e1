"""What the preview shows, and building it.

Every document under the folder is built as HTML into a preview folder of its own by the
batch machinery (`bouw_batch`), so a round after a change builds exactly what that change
touches: the state in the preview folder knows what each document was built from (its
source, verdeelsleutels, workbooks, templates). A document that fails keeps its last good
HTML there (a failed build never touches old output); the preview shows it beneath the
errors, marked as outdated. Downloads (.docx, .pdf) are built on demand the same way, each
document into a folder of its own, so a download is never older than its sources.

One build at a time (a lock): the renderers share caches, and a download waits for the
round under way. Nothing here raises on bad input: every problem becomes a message.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voorstel.bouwen import bedragen
from voorstel.bouwen.batch import Opties, bouw_batch
from voorstel.bouwen.build import Resultaat, laad_en_valideer, slug, uitvoernaam, verzamel
from voorstel.kern.errors import Probleem, VoorstelError
from voorstel.pijplijn import openbaar
from voorstel.pijplijn.project import PROJECTBESTAND, Project
from voorstel.pijplijn.validate import Gevalideerd
from voorstel.soorten import REGISTER
from voorstel.uitvoer import pdf
from voorstel.uitvoer.omgeving import vergeet_sjablonen

OMTREK = 2
"""Lines quoted before and after the line a problem is on."""
CITEERBAAR = frozenset({".yaml", ".yml", ".toml", ".j2", ".md", ".csv", ".txt"})
"""Files whose lines a message quotes (text a user writes; never a workbook or Word file)."""
MAX_CITEERBAAR = 5 * 2**20
DOWNLOADS = ("docx", "pdf")
AFBEELDINGEN = frozenset({".png", ".svg", ".jpg", ".jpeg"})
"""The files next to a page that the preview serves (the charts a page shows)."""
PAKKET = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Regel:
    """A quoted line of a file."""

    nummer: int
    tekst: str
    fout: bool
    """Whether it is the line the problem is on."""


@dataclass(frozen=True)
class Melding:
    """A problem as the preview shows it: the line `voorstel validate` prints, and the lines
    of the file around it."""

    tekst: str
    waarschuwing: bool = False
    citaat: tuple[Regel, ...] = ()


@dataclass(frozen=True)
class Versie:
    """One page of a document: the document, a gemeente's version, a further stuk."""

    stam: str
    """Its path in the preview folder without suffix, with '/': 'wbo/jim-altena'."""
    gemeente: str | None
    stuk: str
    """The stuk's label: 'Raadsvoorstel', 'Raadsbesluit'."""


@dataclass
class Document:
    """A document of the folder, as the preview last saw it."""

    id: str
    """Its output name without suffix, with '/' ('wbo/jim'): unique, and its address."""
    bron: Path
    soort: str
    titel: str | None = None
    versies: list[Versie] = field(default_factory=list)
    fouten: list[Melding] = field(default_factory=list)
    waarschuwingen: list[Melding] = field(default_factory=list)
    gebouwd: float | None = None
    """When its last good rendering was made (None: there is none)."""
    afhankelijkheden: list[Path] = field(default_factory=list)

    @property
    def status(self) -> str:
        """'fouten', 'waarschuwingen' or 'geldig'."""
        if self.fouten:
            return "fouten"
        return "waarschuwingen" if self.waarschuwingen else "geldig"

    @property
    def verouderd(self) -> bool:
        """Whether its rendering is from before the errors it has now."""
        return bool(self.fouten) and self.gebouwd is not None

    @property
    def gemeenten(self) -> list[str | None]:
        return list(dict.fromkeys(v.gemeente for v in self.versies))

    @property
    def stukken(self) -> list[str]:
        return list(dict.fromkeys(v.stuk for v in self.versies))

    def versie(self, gemeente: str | None, stuk: str) -> Versie | None:
        for versie in self.versies:
            if versie.gemeente == gemeente and versie.stuk == stuk:
                return versie
        return None

    def kenmerk(self) -> tuple[object, ...]:
        """What its pages show: when this changes, an open page reloads."""
        return (
            self.soort,
            self.titel,
            tuple(self.versies),
            tuple(self.fouten),
            tuple(self.waarschuwingen),
            self.gebouwd,
        )


@dataclass
class Ronde:
    """What one round of building did."""

    gewijzigd: set[str]
    """The ids of the documents whose pages changed; '*' when every page did."""
    gemaakt: list[Resultaat]
    duur: float


class NietGevonden(Exception):
    """No document or version by that name."""


class Voorbeeld:
    """The documents of one folder, built for the preview into `werkmap`."""

    def __init__(self, map_: Path, werkmap: Path, sjablonen: Sequence[Path] = ()) -> None:
        self.map = map_
        self.werkmap = werkmap
        self.extra_sjablonen = tuple(sjablonen)
        self.documenten: dict[str, Document] = {}
        self.algemeen: list[Melding] = []
        """Problems of the whole folder (the project file, two sources with one name)."""
        self.project = Project(Path.cwd().resolve())
        self.ronden = 0
        self._slot = threading.Lock()

    @property
    def html_map(self) -> Path:
        return self.werkmap / "html"

    @property
    def sjablonen(self) -> tuple[Path, ...]:
        return (*self.extra_sjablonen, *self.project.sjablonen)

    # -- building ---------------------------------------------------------------------------

    def bouw(
        self, veranderd: Iterable[str] = (), nieuw_of_weg: Iterable[str] = (), processen: int = 1
    ) -> Ronde:
        """Build what changed since the last round. `veranderd` are the files the watcher saw
        change, `nieuw_of_weg` those among them that came or went: a template that came or
        went in a template folder may go before one a document was built from, which its
        state cannot know, so then every document is built again (and templates are looked
        up anew). More than one process only from the main thread before any other thread
        starts (the first round): worker processes are forked."""
        with self._slot:
            begin = time.monotonic()
            if any(self._onder_sjablonen(Path(p)) for p in veranderd):
                vergeet_sjablonen()
            forceer = any(self._onder_sjablonen(Path(p)) for p in nieuw_of_weg)
            voor = {id_: doc.kenmerk() for id_, doc in self.documenten.items()}
            algemeen_voor = list(self.algemeen)
            gemaakt = self._ronde(processen, forceer)
            gewijzigd = {
                id_ for id_, doc in self.documenten.items() if voor.get(id_) != doc.kenmerk()
            } | (set(voor) - set(self.documenten))
            if self.algemeen != algemeen_voor:
                gewijzigd.add("*")
            if gewijzigd:
                self.ronden += 1
            return Ronde(gewijzigd, gemaakt, time.monotonic() - begin)

    def _ronde(self, processen: int, forceer: bool) -> list[Resultaat]:
        algemeen: list[Melding] = []
        try:
            self.project = Project.zoek(Path.cwd())
        except VoorstelError as exc:  # keep the settings read before; say what is wrong
            algemeen += self._meldingen(exc.problemen)
        resultaten: list[Resultaat] = []
        if not self.map.is_dir():
            algemeen.append(
                Melding(f"{self.map}: de map bestaat niet (meer); zet haar terug of herstart")
            )
            bronnen = []
        else:
            opties = Opties(self.html_map, ("html",), self.sjablonen)
            try:
                batch = bouw_batch([self.map], opties, forceer, processen)
            except VoorstelError as exc:
                algemeen += self._meldingen(exc.problemen)
            except OSError as exc:  # the folder changed while it was read: the next round
                algemeen.append(Melding(f"{self.map}: kon de map niet lezen ({exc})"))
            else:
                resultaten = batch.resultaten
                algemeen += self._meldingen(batch.overgeslagen)
                if batch.staatfout is not None:
                    algemeen += self._meldingen(batch.staatfout.problemen)
            try:
                bronnen = verzamel([self.map])
            except OSError as exc:
                algemeen.append(Melding(f"{self.map}: de map is niet te lezen ({exc.strerror})"))
                bronnen = []
        self.algemeen = algemeen
        self._werk_lijst_bij(bronnen)
        per_bron = {doc.bron: doc for doc in self.documenten.values()}
        for resultaat in resultaten:
            doc = per_bron.get(resultaat.bron)
            if doc is not None:
                self._werk_bij(doc, resultaat)
        gebouwd = {r.bron for r in resultaten}
        for doc in self.documenten.values():
            if doc.gebouwd is None and not doc.fouten and doc.bron not in gebouwd:
                # up to date in the state but not seen by this preview yet (its folder was
                # gone for a moment): describe it from its source and the HTML it has
                self._werk_bij(doc, Resultaat(doc.bron))
        return resultaten

    def _werk_lijst_bij(self, bronnen: list[tuple[Path, Path | None]]) -> None:
        """Add the documents that are new, forget those that are gone."""
        gezien: dict[str, Document] = {}
        for bron, basis in bronnen:
            id_ = uitvoernaam(bron, basis).as_posix()
            doc = self.documenten.get(id_)
            if doc is None or doc.bron != bron:
                doc = Document(id_, bron, _soort_uit_kop(bron))
            gezien[id_] = doc
        self.documenten = dict(sorted(gezien.items()))

    def _werk_bij(self, doc: Document, resultaat: Resultaat) -> None:
        """What a build of the document says about it now."""
        if resultaat.afhankelijkheden:
            doc.afhankelijkheden = list(resultaat.afhankelijkheden)
        if resultaat.fout is not None:
            doc.fouten = self._meldingen(resultaat.fout.problemen)
            doc.waarschuwingen = self._meldingen(resultaat.waarschuwingen)
            return
        try:
            gevalideerd = laad_en_valideer(doc.bron)
        except VoorstelError as exc:  # changed while it was built: the next round builds it
            doc.fouten = self._meldingen(exc.problemen)
            doc.gebouwd = time.time()
            return
        doc.soort = gevalideerd.soort
        doc.versies = self._versies(gevalideerd, doc.id)
        doc.titel = _onderwerp(gevalideerd) or self._paginatitel(doc)
        try:
            tekstbedragen = bedragen.controleer(gevalideerd)
        except VoorstelError:
            tekstbedragen = []
        doc.waarschuwingen = self._meldingen([*gevalideerd.waarschuwingen, *tekstbedragen])
        doc.fouten = []
        doc.gebouwd = time.time()

    def _versies(self, gevalideerd: Gevalideerd, id_: str) -> list[Versie]:
        """Every page the document made: each gemeente's version of each stuk."""
        document = gevalideerd.document
        basis = openbaar.markeer(Path(id_), document)
        regio = getattr(document, "regio", None)
        gemeenten: list[str | None] = [None]
        if regio is not None and regio.varianten and regio.verdeelsleutel in gevalideerd.sleutels:
            gemeenten += gevalideerd.sleutels[regio.verdeelsleutel].gemeenten
        soort = REGISTER.van(document)
        versies = []
        for gemeente in gemeenten:
            for stuk in soort.stukken:
                eind = ("" if gemeente is None else f"-{slug(gemeente)}") + stuk.achtervoegsel
                stam = basis.with_name(basis.name + eind).as_posix()
                if (self.html_map / f"{stam}.html").is_file():
                    label = stuk.soortnaam or soort.naam.capitalize()
                    versies.append(Versie(stam, gemeente, label))
        return versies

    def _paginatitel(self, doc: Document) -> str | None:
        if not doc.versies:
            return None
        with contextlib.suppress(OSError):
            tekst = (self.html_map / f"{doc.versies[0].stam}.html").read_text(encoding="utf-8")
            gevonden = re.search(r"<title>(.*?)</title>", tekst, re.S)
            if gevonden:
                return html.unescape(gevonden.group(1))
        return None

    # -- what the pages read ----------------------------------------------------------------

    def zoek(self, stam: str) -> tuple[Document, Versie | None]:
        """The document and version of an address: a version's stam, or a document's id (its
        first version, or None when it has none yet)."""
        for doc in self.documenten.values():
            for versie in doc.versies:
                if versie.stam == stam:
                    return doc, versie
        gevonden = self.documenten.get(stam)
        if gevonden is None:
            raise NietGevonden(stam)
        return gevonden, (gevonden.versies[0] if gevonden.versies else None)

    def inhoud(self, versie: Versie) -> str | None:
        """The rendered document of a version: what is inside <main> of its .html."""
        try:
            tekst = (self.html_map / f"{versie.stam}.html").read_text(encoding="utf-8")
        except OSError:
            return None
        gevonden = re.search(r"<main>\n?(.*)</main>", tekst, re.S)
        return gevonden.group(1) if gevonden else None

    def bestand(self, pad: str) -> Path:
        """A file a page refers to (a chart), only from inside the preview folder: a path
        with '..', an absolute path or a link out of it is not found."""
        delen = pad.split("/")
        if (
            not pad
            or pad.startswith("/")
            or "\\" in pad
            or "\x00" in pad
            or any(deel in ("", ".", "..") for deel in delen)
        ):
            raise NietGevonden(pad)
        doel = self.html_map.joinpath(*delen)
        if doel.suffix.lower() not in AFBEELDINGEN:
            raise NietGevonden(pad)
        echt = Path(os.path.realpath(doel))
        if not echt.is_relative_to(Path(os.path.realpath(self.html_map))) or not echt.is_file():
            raise NietGevonden(pad)
        return echt

    @staticmethod
    def pdf_mogelijk() -> bool:
        """Whether LibreOffice is there to make PDF."""
        try:
            pdf.soffice()
        except VoorstelError:
            return False
        return True

    def download(self, stam: str, formaat: str) -> tuple[str, bytes]:
        """A version as .docx or .pdf, built now from the sources as they are (a build that
        finds nothing changed builds nothing): (file name, bytes). A document with errors
        raises them; it has no download until they are solved."""
        if formaat not in DOWNLOADS:
            raise NietGevonden(formaat)
        with self._slot:
            doc, versie = self.zoek(stam)
            if versie is None or versie.stam != stam:
                raise NietGevonden(stam)
            out = self.werkmap / formaat / doc.id
            project = self.project
            opties = Opties(
                out,
                (formaat,),
                self.sjablonen,
                pdfa=project.pdfa and formaat == "pdf",
                huisstijl=project.huisstijl,
            )
            batch = bouw_batch([doc.bron], opties, processen=1)
            for resultaat in batch.resultaten:
                if resultaat.fout is not None:
                    raise resultaat.fout
            naam = f"{Path(stam).name}.{formaat}"
            try:
                return naam, (out / naam).read_bytes()
            except OSError:
                raise VoorstelError(
                    f"{naam} is niet gemaakt; het document heeft die versie niet (meer)",
                    path=doc.bron,
                ) from None

    # -- what the watcher watches -----------------------------------------------------------

    def bewaakt(self) -> tuple[list[Path], list[Path]]:
        """(folders to watch with everything in them, folders to watch only for the files
        right in them): the folder of documents and the template folders; and this folder,
        the folders of the project file, the house style and each file a document depends on
        elsewhere."""
        diep = [p for p in (self.map, *self.sjablonen) if p.is_dir()]
        onder = [Path(os.path.abspath(p)) for p in diep]
        los: set[Path] = set()
        bestanden = [Path.cwd() / PROJECTBESTAND, self.project.bestand, self.project.huisstijl]
        bestanden += [p for doc in self.documenten.values() for p in doc.afhankelijkheden]
        for bestand in bestanden:
            if bestand is None:
                continue
            pad = Path(os.path.abspath(bestand))
            if pad.is_relative_to(PAKKET) or any(pad.is_relative_to(m) for m in onder):
                continue
            if pad.parent.is_dir():
                los.add(pad.parent)
        return sorted(onder), sorted(los)

    def _onder_sjablonen(self, pad: Path) -> bool:
        pad = Path(os.path.abspath(pad))
        return any(pad.is_relative_to(os.path.abspath(m)) for m in self.sjablonen)

    # -- messages ---------------------------------------------------------------------------

    def _meldingen(self, problemen: Iterable[Probleem]) -> list[Melding]:
        return [self.melding(p) for p in problemen]

    def melding(self, probleem: Probleem) -> Melding:
        return Melding(str(probleem), probleem.waarschuwing, self._citaat(probleem))

    def _citaat(self, probleem: Probleem) -> tuple[Regel, ...]:
        """The lines around the problem's line, from a text file of the project."""
        if not probleem.path or not probleem.line:
            return ()
        pad = Path(probleem.path)
        if pad.suffix.lower() not in CITEERBAAR or not self._in_project(pad):
            return ()
        try:
            if pad.stat().st_size > MAX_CITEERBAAR:
                return ()
            regels = pad.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return ()
        if probleem.line > len(regels):
            return ()
        van = max(1, probleem.line - OMTREK)
        tot = min(len(regels), probleem.line + OMTREK)
        return tuple(Regel(n, regels[n - 1], n == probleem.line) for n in range(van, tot + 1))

    def _in_project(self, pad: Path) -> bool:
        """Whether a file lies in the project (its folder, the documents, the templates):
        only those are quoted, however a message names a file."""
        echt = Path(os.path.realpath(pad))
        mappen = [self.project.map, self.map, Path.cwd(), *self.sjablonen]
        return any(echt.is_relative_to(os.path.realpath(m)) for m in mappen)


def _soort_uit_kop(bron: Path) -> str:
    """The `soort:` a source names, without parsing it (for a document never built)."""
    try:
        kop = bron.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return ""
    for regel in kop.splitlines():
        if regel.startswith("soort:"):
            return regel.split(":", 1)[1].strip().strip("'\"")
    return ""


def _onderwerp(gevalideerd: Gevalideerd) -> str | None:
    onderwerp = getattr(gevalideerd.document, "onderwerp", None)
    return str(onderwerp) if onderwerp else None
