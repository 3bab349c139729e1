"""PDF: every Word output of a build converted by one headless LibreOffice process.

Starting LibreOffice takes seconds, so a build collects the .docx of all its documents
and converts them in one `soffice --convert-to pdf` call, with a private profile (a
running LibreOffice of the user is never touched). LibreOffice does not update a table of
contents, so the documents that have one are converted once more, together, with the page
numbers of the first run written into it (inhoudsopgave.py); again only if that moved a
heading to another page. The PDFs are made in a temporary folder and only then written,
together with the document's other outputs, into the output folder (all or nothing).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from voorstel.kern.errors import Fouten, PdfFout, VoorstelError
from voorstel.pijplijn.write import schrijf_alles
from voorstel.uitvoer import inhoudsopgave

PDF = "pdf"
TIJD_START = 120
"""Seconds LibreOffice gets to start, plus TIJD_PER_DOCUMENT for each document."""
TIJD_PER_DOCUMENT = 30
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


def filter_optie(pdfa: bool) -> str:
    """The --convert-to argument: tagged PDF, bookmarks as named destinations (where the
    headings are, for the table of contents), and PDF/A-2 for archiving when asked."""
    opties: dict[str, dict[str, str]] = {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarksToPDFDestination": {"type": "boolean", "value": "true"},
    }
    if pdfa:
        opties["SelectPdfVersion"] = {"type": "long", "value": "2"}
    return "pdf:writer_pdf_Export:" + json.dumps(opties, separators=(",", ":"))


@dataclass(frozen=True)
class Mislukt:
    """No usable PDF for one document, and what the user can do about it (in Dutch)."""

    reden: str = "open het in Word of LibreOffice om te zien wat eraan mankeert"


VERSCHUIFT = Mislukt(
    f"de paginanummers van de inhoudsopgave lagen na {RONDES} omzettingen nog niet vast; "
    "maak de langste titels in de inhoudsopgave korter"
)
ONLEESBAAR = Mislukt("de PDF is niet te lezen om de inhoudsopgave te nummeren")


def converteer(bronnen: Sequence[bytes], pdfa: bool = False) -> list[bytes | Mislukt]:
    """Convert Word documents to PDF, their tables of contents numbered, in one LibreOffice
    run (and one more for the documents with a table of contents)."""
    if not bronnen:
        return []
    programma = soffice()
    with tempfile.TemporaryDirectory(prefix="voorstel-pdf-") as tmp:
        map_ = Path(tmp)
        uit = _ronde(programma, map_, 1, bronnen, pdfa)
        geschreven: dict[int, dict[str, int]] = {
            index: {}
            for index, (docx, pdf) in enumerate(zip(bronnen, uit, strict=True))
            if isinstance(pdf, bytes) and inhoudsopgave.ankers(docx)
        }
        for ronde in range(2, RONDES + 2):
            verschoven = _verschoven(bronnen, uit, geschreven)
            if not verschoven:
                break
            if ronde > RONDES:
                for index in verschoven:
                    uit[index] = VERSCHUIFT
                break
            gevuld = [inhoudsopgave.vul(bronnen[i], nummers) for i, nummers in verschoven.items()]
            nieuw = _ronde(programma, map_, ronde, gevuld, pdfa)
            for index, pdf in zip(verschoven, nieuw, strict=True):
                uit[index] = pdf
            geschreven = {i: n for i, n in verschoven.items() if isinstance(uit[i], bytes)}
        return uit


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
    programma: str, map_: Path, ronde: int, bronnen: Sequence[bytes], pdfa: bool
) -> list[bytes | Mislukt]:
    """One LibreOffice run over `bronnen` in its own folders, with the shared profile."""
    invoer = []
    for index, data in enumerate(bronnen):
        path = map_ / f"in{ronde}" / f"{index:05d}.docx"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        invoer.append(str(path))
    _draai(programma, map_, map_ / f"pdf{ronde}", invoer, pdfa)
    uit = [map_ / f"pdf{ronde}" / f"{index:05d}.pdf" for index in range(len(bronnen))]
    return [p.read_bytes() if p.is_file() and p.stat().st_size else Mislukt() for p in uit]


def _draai(programma: str, map_: Path, uitmap: Path, invoer: list[str], pdfa: bool) -> None:
    opdracht = [
        programma,
        f"-env:UserInstallation={(map_ / 'profiel').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter_optie(pdfa),
        "--outdir",
        str(uitmap),
        *invoer,
    ]
    try:
        subprocess.run(
            opdracht,
            capture_output=True,
            check=False,
            stdin=subprocess.DEVNULL,
            timeout=TIJD_START + TIJD_PER_DOCUMENT * len(invoer),
        )
    except subprocess.TimeoutExpired:
        raise PdfFout(
            f"LibreOffice was na {TIJD_START + TIJD_PER_DOCUMENT * len(invoer)} seconden nog "
            "niet klaar met de PDF's; probeer het opnieuw of met minder documenten"
        ) from None
    except OSError as exc:
        raise PdfFout(f"LibreOffice kon niet starten ({exc.strerror}); {INSTALLEER}") from None


def maak_pdfs(resultaten: Sequence[MetPdf], out: Path, pdfa: bool = False) -> None:
    """Convert the set-aside Word output of every successful result; write each document's
    PDFs together with its other outputs, or, if any of its PDFs failed, nothing of it."""
    taken = [
        (resultaat, naam, data)
        for resultaat in resultaten
        if resultaat.gelukt
        for naam, data in resultaat.pdf_bronnen.items()
    ]
    pdfs = converteer([data for _, _, data in taken], pdfa)
    gemaakt: dict[int, dict[Path, bytes]] = {}
    fouten: dict[int, list[VoorstelError]] = {}
    for (resultaat, naam, _), pdf in zip(taken, pdfs, strict=True):
        if isinstance(pdf, Mislukt):
            fouten.setdefault(id(resultaat), []).append(
                PdfFout(
                    f"LibreOffice kon {naam.with_suffix('.docx').name} niet omzetten naar PDF; "
                    + pdf.reden,
                    path=resultaat.bron,
                )
            )
        else:
            gemaakt.setdefault(id(resultaat), {})[naam] = pdf
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
