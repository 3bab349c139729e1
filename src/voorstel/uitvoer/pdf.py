"""PDF: every Word output of a build converted by one headless LibreOffice process.

Starting LibreOffice takes seconds, so a build collects the .docx of all its documents
and converts them in one `soffice --convert-to pdf` call, with a private profile (a
running LibreOffice of the user is never touched). LibreOffice does not update a table of
contents, so the documents that have one are converted once more, together, with the page
numbers of the first run written into it (inhoudsopgave.py); again only if that moved a
heading to another page. The PDFs are made in a temporary folder and only then written,
together with the document's other outputs, into the output folder (all or nothing).

A PDF counts only when pypdf can read it: it starts with %PDF-, ends with %%EOF and has
pages. What else LibreOffice leaves (a truncated file after a crash, garbage) fails its
document and keeps the previous outputs. When LibreOffice itself fails (it does not start,
answers too late, stops with an error code or a signal, or makes no PDF at all) that is
one Storing, told once with what LibreOffice wrote on stderr, for every document it left
without a PDF (the PDFs it did make and pypdf reads are kept). LibreOffice runs in its own
session: on a timeout (VOORSTEL_PDF_TIJD, or 60 s plus 5 s per document) its whole process
group is stopped, soffice.bin too, with SIGTERM and after GEDULD seconds SIGKILL.
"""

from __future__ import annotations

import contextlib
import functools
import io
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pypdf import PdfReader

from voorstel.kern.errors import Fouten, PdfFout, VoorstelError, zichtbaar
from voorstel.pijplijn.write import CACHEMAP, schrijf_alles
from voorstel.uitvoer import inhoudsopgave, libreoffice

PDF = "pdf"
TIJD_START = 60
"""Seconds LibreOffice gets to start, plus TIJD_PER_DOCUMENT for each document (a document
takes LibreOffice well under a second; 100 documents get 560 s)."""
TIJD_PER_DOCUMENT = 5
TIJD_VARIABELE = "VOORSTEL_PDF_TIJD"
"""The environment variable that sets the seconds of one LibreOffice run instead."""
GEDULD = 5.0
"""Seconds LibreOffice gets to stop after SIGTERM, before its process group gets SIGKILL."""
MELDINGEN_MAX = 1500
"""At most this many characters of LibreOffice's stderr in a message (the last ones)."""
RONDES = 3
"""At most this many LibreOffice runs: all documents, then those with a table of contents
until its page numbers stay put (one more run in practice: the numbers fit on its lines)."""

INSTALLEER = (
    "installeer LibreOffice (Debian/Ubuntu: 'apt-get install libreoffice-writer-nogui', "
    "macOS/Windows: libreoffice.org) of maak geen PDF (laat --format pdf en --pdfa weg)"
)


class MetPdf(Protocol):
    """What the converter needs of a build result (build.Resultaat)."""

    bron: Path
    geschreven: list[Path]
    pdf_bronnen: dict[Path, bytes]
    te_schrijven: dict[Path, bytes]
    fout: VoorstelError | None

    @property
    def gelukt(self) -> bool: ...  # pragma: no cover


def soffice() -> str:
    """The LibreOffice program; a PdfFout saying how to install it when it is missing."""
    for naam in ("soffice", "libreoffice"):
        path = shutil.which(naam)
        if path is not None:
            return path
    raise PdfFout(f"LibreOffice (soffice) is niet gevonden, en is nodig voor PDF; {INSTALLEER}")


def filter_opties(pdfa: bool, pdfua: bool = False) -> dict[str, bool | int]:
    """The options of LibreOffice's PDF export: tagged PDF whose viewer shows the document's
    title, bookmarks as named destinations (where the headings are, for the table of
    contents), PDF/A-2 for archiving and PDF/UA for accessibility when asked (both together
    give PDF/A-2b plus PDF/UA-1; LibreOffice 7.2 and newer)."""
    opties: dict[str, bool | int] = {
        "UseTaggedPDF": True,
        "DisplayPDFDocumentTitle": True,
        "ExportBookmarksToPDFDestination": True,
    }
    if pdfa:
        opties["SelectPdfVersion"] = 2
    if pdfua:
        opties["PDFUACompliance"] = True
    return opties


def filter_optie(pdfa: bool, pdfua: bool = False) -> str:
    """The --convert-to argument with filter_opties, each with its UNO type."""
    getypt = {
        naam: (
            {"type": "boolean", "value": str(waarde).lower()}
            if isinstance(waarde, bool)
            else {"type": "long", "value": str(waarde)}
        )
        for naam, waarde in filter_opties(pdfa, pdfua).items()
    }
    return "pdf:writer_pdf_Export:" + json.dumps(getypt, separators=(",", ":"))


def tijd(aantal: int) -> int:
    """Seconds one LibreOffice run over `aantal` documents may take: VOORSTEL_PDF_TIJD if
    set, else TIJD_START plus TIJD_PER_DOCUMENT per document; a PdfFout if it is no number."""
    waarde = os.environ.get(TIJD_VARIABELE, "").strip()
    if not waarde:
        return TIJD_START + TIJD_PER_DOCUMENT * aantal
    seconden = int(waarde) if waarde.isdecimal() else 0
    if seconden <= 0:
        raise PdfFout(
            f"{TIJD_VARIABELE}={zichtbaar(waarde)!r} is geen aantal seconden; geef een heel "
            f"getal groter dan 0 (bijvoorbeeld {TIJD_VARIABELE}=600), of laat het weg: dan "
            f"krijgt LibreOffice {TIJD_START} seconden plus {TIJD_PER_DOCUMENT} per document"
        )
    return seconden


def _seconden(aantal: int) -> str:
    return f"{aantal} {'seconde' if aantal == 1 else 'seconden'}"


@dataclass(frozen=True, eq=False)
class Storing:
    """LibreOffice itself failed (not one document): told once, with what LibreOffice said,
    for every document it left without a PDF. Compared by identity: one per run."""

    wat: str
    """What happened, in Dutch: 'LibreOffice stopte met foutcode 1'."""
    advies: str
    """What the user can do about it, in Dutch."""
    meldingen: str = ""
    """LibreOffice's own stderr, trimmed, control characters shown as their codes."""


@dataclass(frozen=True)
class Mislukt:
    """No usable PDF for one document, and what the user can do about it (in Dutch); with
    a `storing`, because LibreOffice itself failed, not because of this document."""

    reden: str = "open het in Word of LibreOffice om te zien wat eraan mankeert"
    storing: Storing | None = None


class _Gestoord(Exception):
    """A LibreOffice run that gave no result at all (it did not start, or hung)."""

    def __init__(self, storing: Storing) -> None:
        super().__init__(storing.wat)
        self.storing = storing


OPNIEUW = "probeer het opnieuw"
ONBRUIKBAAR = Mislukt(
    "wat LibreOffice maakte is geen leesbare PDF (afgebroken of beschadigd); open het in Word "
    "of LibreOffice om te zien wat eraan mankeert"
)


VERSCHUIFT = Mislukt(
    f"de paginanummers van de inhoudsopgave lagen na {RONDES} omzettingen nog niet vast; "
    "maak de langste titels in de inhoudsopgave korter"
)
ONLEESBAAR = Mislukt("de PDF is niet te lezen om de inhoudsopgave te nummeren")


def converteer(
    bronnen: Sequence[bytes], pdfa: bool = False, pdfua: bool = False, cache: Path | None = None
) -> list[bytes | Mislukt]:
    """Convert Word documents to PDF, their tables of contents numbered: in one warm
    LibreOffice (libreoffice.py, its profile kept in `cache`), or without its UNO bridge in
    one `soffice --convert-to` run (and one more for the documents with a table of contents)."""
    if not bronnen:
        return []
    programma = soffice()
    with (
        tempfile.TemporaryDirectory(prefix="voorstel-pdf-") as tmp,
        _rondes(programma, Path(tmp), cache, pdfa, pdfua) as ronde,
    ):
        uit = ronde(1, bronnen)
        geschreven: dict[int, dict[str, int]] = {
            index: {}
            for index, (docx, pdf) in enumerate(zip(bronnen, uit, strict=True))
            if isinstance(pdf, bytes) and inhoudsopgave.ankers(docx)
        }
        for nummer in range(2, RONDES + 2):
            verschoven = _verschoven(bronnen, uit, geschreven)
            if not verschoven:
                break
            if nummer > RONDES:
                for index in verschoven:
                    uit[index] = VERSCHUIFT
                break
            gevuld = [inhoudsopgave.vul(bronnen[i], nummers) for i, nummers in verschoven.items()]
            nieuw = ronde(nummer, gevuld)
            for index, pdf in zip(verschoven, nieuw, strict=True):
                uit[index] = pdf
            geschreven = {i: n for i, n in verschoven.items() if isinstance(uit[i], bytes)}
        return uit


Ronde = Callable[[int, Sequence[bytes]], list[bytes | Mislukt]]
"""One conversion of documents: its number (for its folders), the .docx, a PDF or Mislukt
for each."""


@contextlib.contextmanager
def _rondes(
    programma: str, map_: Path, cache: Path | None, pdfa: bool, pdfua: bool
) -> Iterator[Ronde]:
    """How the rounds of one build convert: in a warm LibreOffice when its UNO bridge is
    there and it starts (with the kept profile, else a new one), else per round."""
    optie = filter_optie(pdfa, pdfua)

    def koud(nummer: int, bronnen: Sequence[bytes]) -> list[bytes | Mislukt]:
        return _ronde(programma, map_, nummer, bronnen, optie)

    python = libreoffice.uno_python(programma)
    if python is None:
        yield koud
        return
    with libreoffice.profiel_in(cache, map_) as profiel:
        warm = _start_warm(python, programma, profiel, map_)
        if warm is None:
            yield koud
            return
        try:
            yield functools.partial(_warme_ronde, warm, map_, filter_opties(pdfa, pdfua))
        except BaseException:  # Ctrl-C as well: do not wait for the document it is on
            warm.sluit(meteen=True)
            raise
        warm.sluit()


def _start_warm(
    python: str, programma: str, profiel: Path, map_: Path
) -> libreoffice.WarmeLibreOffice | None:
    """A started warm LibreOffice; with a new profile if the kept one does not start (it
    may be broken by a crash); None when it does not start at all."""
    for poging in range(2):
        warm = libreoffice.WarmeLibreOffice(
            python,
            programma,
            profiel,
            map_ / f"warm{poging}",
            max(TIJD_START, tijd(0)),
            tijd(1),
            stop,
        )
        try:
            warm.start()
        except libreoffice.Gestoord:
            if poging == 0 and profiel.exists():
                shutil.rmtree(profiel, ignore_errors=True)
                continue
            return None
        return warm
    return None


def _warme_ronde(
    warm: libreoffice.WarmeLibreOffice,
    map_: Path,
    opties: dict[str, bool | int],
    nummer: int,
    bronnen: Sequence[bytes],
) -> list[bytes | Mislukt]:
    """One round in the warm LibreOffice, document by document. When LibreOffice hangs or
    stops, the document it was converting gets that Storing and LibreOffice is started once
    more for the rest; when that fails too, every document after it gets the second one."""
    uit: list[bytes | Mislukt] = []
    for index, data in enumerate(bronnen):
        if warm.kapot is not None:
            uit.append(Mislukt(warm.kapot.wat, warm.kapot))
            continue
        docx = map_ / f"in{nummer}" / f"{index:05d}.docx"
        docx.parent.mkdir(exist_ok=True)
        docx.write_bytes(data)
        pad = map_ / f"pdf{nummer}" / f"{index:05d}.pdf"
        pad.parent.mkdir(exist_ok=True)
        try:
            warm.zet_om(docx, pad, opties)
        except libreoffice.DocumentFout as exc:
            uit.append(
                Mislukt(
                    f"LibreOffice meldde '{meldingen(str(exc).encode())}'; open het in Word of "
                    "LibreOffice om te zien wat eraan mankeert"
                )
            )
            continue
        except libreoffice.Gestoord as exc:
            eerst = warm.starts < 2
            storing = Storing(
                exc.wat,
                (
                    f"LibreOffice is opnieuw gestart voor de documenten erna; {OPNIEUW}"
                    if eerst
                    else f"{OPNIEUW}; het ging ook na een nieuwe start van LibreOffice mis"
                ),
                meldingen(exc.meldingen),
            )
            uit.append(Mislukt(storing.wat, storing))
            _herstart(warm, storing)
            continue
        pdf = pad.read_bytes() if pad.is_file() else None
        if pdf is not None and bruikbaar(pdf):
            uit.append(pdf)
        else:
            uit.append(Mislukt() if pdf is None else ONBRUIKBAAR)
    return uit


def _herstart(warm: libreoffice.WarmeLibreOffice, storing: Storing) -> None:
    """Start LibreOffice once more after it failed; after a second failure (or when it
    does not start again) the rest of the build gets `storing` (or why it did not start)."""
    if warm.starts >= 2:
        warm.kapot = storing
        return
    try:
        warm.start()
    except libreoffice.Gestoord as exc:
        warm.kapot = Storing(
            f"{exc.wat} (bij de nieuwe start na: {storing.wat})", OPNIEUW, meldingen(exc.meldingen)
        )


def _verschoven(
    bronnen: Sequence[bytes], uit: list[bytes | Mislukt], geschreven: dict[int, dict[str, int]]
) -> dict[int, dict[str, int]]:
    """The page numbers of each table of contents whose PDF differs from what it says."""
    verschoven = {}
    for index, nummers in geschreven.items():
        pdf = uit[index]
        assert isinstance(pdf, bytes)
        try:
            gevonden = inhoudsopgave.paginas(pdf, inhoudsopgave.ankers(bronnen[index]))
        except inhoudsopgave.OnleesbarePdf:
            uit[index] = ONLEESBAAR
            continue
        if gevonden != nummers:
            verschoven[index] = gevonden
    return verschoven


def _ronde(
    programma: str, map_: Path, ronde: int, bronnen: Sequence[bytes], optie: str
) -> list[bytes | Mislukt]:
    """One LibreOffice run over `bronnen` in its own folders, with the shared profile."""
    invoer = []
    for index, data in enumerate(bronnen):
        path = map_ / f"in{ronde}" / f"{index:05d}.docx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        invoer.append(str(path))
    uitmap = map_ / f"pdf{ronde}"
    try:
        code, gemeld = _draai(programma, map_, ronde, uitmap, invoer, optie)
    except _Gestoord as exc:
        return [Mislukt(exc.storing.wat, exc.storing)] * len(bronnen)
    paden = [uitmap / f"{index:05d}.pdf" for index in range(len(bronnen))]
    gevonden = [p.read_bytes() if p.is_file() else None for p in paden]
    if code != 0:
        storing = Storing(_afloop(code), OPNIEUW, gemeld)
    elif all(data is None for data in gevonden):
        storing = Storing(
            "LibreOffice stopte zonder foutcode, maar maakte geen enkele PDF",
            f"{OPNIEUW}; lukt het weer niet, controleer dan of LibreOffice Writer "
            "geïnstalleerd is en zelf werkt (Debian/Ubuntu: libreoffice-writer-nogui)",
            gemeld,
        )
    else:
        storing = None
    uit: list[bytes | Mislukt] = []
    for pdf in gevonden:
        if pdf is not None and bruikbaar(pdf):
            uit.append(pdf)  # even after an error code: pypdf reads it whole
        elif storing is not None:
            uit.append(Mislukt(storing.wat, storing))
        else:
            uit.append(Mislukt() if pdf is None else ONBRUIKBAAR)
    return uit


def bruikbaar(data: bytes) -> bool:
    """Whether `data` is a whole PDF: %PDF- at the start, %%EOF at the end, and pages that
    pypdf reads (a file LibreOffice broke off, or garbage, is not)."""
    if not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        return False
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return len(PdfReader(io.BytesIO(data), strict=False).pages) > 0
    except Exception:  # pypdf raises more than its own errors on a damaged file
        return False


def _afloop(code: int) -> str:
    """How LibreOffice ended, in Dutch, for a non-zero exit status."""
    if code < 0:
        return f"LibreOffice liep vast (het stopte door signaal {libreoffice.signaal(code)})"
    return f"LibreOffice stopte met foutcode {code}"


def meldingen(data: bytes) -> str:
    """LibreOffice's stderr for a message: at most MELDINGEN_MAX characters (the last, where
    the error is), every control character shown as its code."""
    tekst = data.decode("utf-8", "replace").strip()
    if len(tekst) > MELDINGEN_MAX:
        tekst = "…" + tekst[-MELDINGEN_MAX:]
    return zichtbaar(tekst)


def _draai(
    programma: str, map_: Path, ronde: int, uitmap: Path, invoer: list[str], optie: str
) -> tuple[int, str]:
    """Run LibreOffice in its own session; its exit status and stderr (for a message).
    _Gestoord if it did not start or did not finish in time (then its whole process group
    is stopped)."""
    opdracht = [
        programma,
        f"-env:UserInstallation={(map_ / 'profiel').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        optie,
        "--outdir",
        str(uitmap),
        *invoer,
    ]
    seconden = tijd(len(invoer))
    stderr = map_ / f"stderr{ronde}"
    with stderr.open("wb") as uitvoer:  # a file, not a pipe: no child left can block us
        try:
            proces = subprocess.Popen(
                opdracht,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=uitvoer,
                start_new_session=True,  # its own process group, soffice.bin included
            )
        except OSError as exc:
            raise _Gestoord(
                Storing(f"LibreOffice kon niet starten ({exc.strerror})", INSTALLEER)
            ) from None
        try:
            code = proces.wait(timeout=seconden)
        except subprocess.TimeoutExpired:
            stop(proces)
            raise _Gestoord(
                Storing(
                    f"LibreOffice gaf binnen {_seconden(seconden)} geen antwoord; het is "
                    "gestopt, met alle processen die het startte",
                    f"{OPNIEUW}, of geef LibreOffice meer tijd met de omgevingsvariabele "
                    f"{TIJD_VARIABELE} (in seconden, bijvoorbeeld {TIJD_VARIABELE}={2 * seconden})",
                    meldingen(stderr.read_bytes()),
                )
            ) from None
        except BaseException:  # Ctrl-C: its own session does not get it, so stop it here
            stop(proces)
            raise
    return code, meldingen(stderr.read_bytes())


def stop(proces: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and every process it started (its process group): SIGTERM, and
    SIGKILL to what is left after GEDULD seconds."""
    if sys.platform == "win32":  # no process groups to signal
        proces.kill()
        proces.wait()
        return
    groep = proces.pid  # start_new_session: the leader of its own group
    try:
        os.killpg(groep, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        proces.wait()
        return
    einde = time.monotonic() + GEDULD
    while time.monotonic() < einde:
        proces.poll()  # reap the leader once it is gone
        try:
            os.killpg(groep, 0)
        except (ProcessLookupError, PermissionError):
            break  # the whole group is gone
        time.sleep(0.05)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(groep, signal.SIGKILL)
    proces.wait()


def maak_pdfs(
    resultaten: Sequence[MetPdf],
    out: Path,
    pdfa: bool = False,
    pdfua: bool = False,
    profiel: bool = True,
) -> None:
    """Convert the set-aside Word output of every successful result; write each document's
    PDFs together with its other outputs, or, if any of its PDFs failed, nothing of it.
    A document whose PDF failed through a Storing gets that one error, shared with every
    document it hit (so it is told once). With `profiel` LibreOffice's profile is kept in
    the output folder's cache for the next build."""
    taken = [
        (resultaat, naam, data)
        for resultaat in resultaten
        if resultaat.gelukt
        for naam, data in resultaat.pdf_bronnen.items()
    ]
    pdfs = converteer(
        [data for _, _, data in taken], pdfa, pdfua, out / CACHEMAP if profiel else None
    )
    gemaakt: dict[int, dict[Path, bytes]] = {}
    fouten: dict[int, list[VoorstelError]] = {}
    storingen: dict[Storing, list[Path]] = {}
    getroffen: dict[int, list[Storing]] = {}
    for (resultaat, naam, _), pdf in zip(taken, pdfs, strict=True):
        if isinstance(pdf, Mislukt) and pdf.storing is not None:
            storingen.setdefault(pdf.storing, []).append(naam)
            geraakt = getroffen.setdefault(id(resultaat), [])
            if pdf.storing not in geraakt:
                geraakt.append(pdf.storing)
        elif isinstance(pdf, Mislukt):
            fouten.setdefault(id(resultaat), []).append(
                PdfFout(
                    f"LibreOffice kon {naam.with_suffix('.docx').name} niet omzetten naar PDF; "
                    + pdf.reden,
                    path=resultaat.bron,
                )
            )
        else:
            gemaakt.setdefault(id(resultaat), {})[naam] = pdf
    gedeeld = {storing: storingsfout(storing, namen) for storing, namen in storingen.items()}
    for sleutel, geraakt in getroffen.items():
        fouten.setdefault(sleutel, []).extend(gedeeld[storing] for storing in geraakt)
    for resultaat in resultaten:
        if not resultaat.gelukt or not (resultaat.pdf_bronnen or resultaat.te_schrijven):
            continue
        if id(resultaat) in fouten:
            lijst = fouten[id(resultaat)]
            resultaat.fout = lijst[0] if len(lijst) == 1 else Fouten(lijst)
            continue
        try:
            resultaat.geschreven = schrijf_alles(
                out, {**resultaat.te_schrijven, **gemaakt.get(id(resultaat), {})}
            )
        except VoorstelError as exc:
            exc.path = exc.path or str(resultaat.bron)
            resultaat.fout = exc


NAMEN_MAX = 3
"""At most this many PDFs named in the message of a Storing; the rest counted."""


def storingsfout(storing: Storing, namen: Sequence[Path]) -> PdfFout:
    """The one error of a Storing, naming the PDFs it left unmade (not any document's
    fault, so without a document's path), with what LibreOffice wrote on stderr."""
    genoemd = [naam.as_posix() for naam in namen[:NAMEN_MAX]]
    if len(namen) > NAMEN_MAX:
        genoemd.append(f"{len(namen) - NAMEN_MAX} andere")
    if len(namen) == 1:
        wat = f"{genoemd[0]} is niet gemaakt"
    else:
        wat = f"{len(namen)} PDF's zijn niet gemaakt ({', '.join(genoemd[:-1])} en {genoemd[-1]})"
    bericht = f"{storing.wat}; {wat}, en de eerdere uitvoer is niet aangeraakt; {storing.advies}"
    if storing.meldingen:
        bericht += "\nLibreOffice meldde:\n    " + storing.meldingen.replace("\n", "\n    ")
    else:
        bericht += "\nLibreOffice meldde zelf niets."
    return PdfFout(bericht)
