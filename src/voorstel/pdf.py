"""PDF: every Word output of a build converted by one headless LibreOffice process.

Starting LibreOffice takes seconds, so a build collects the .docx of all its documents
and converts them in one `soffice --convert-to pdf` call, with a private profile (a
running LibreOffice of the user is never touched). The PDFs are made in a temporary
folder and only then written, atomically, into the output folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from voorstel.errors import PdfFout, VoorstelError
from voorstel.write import binnen, schrijf_atomisch

PDF = "pdf"
TIJD_START = 120
"""Seconds LibreOffice gets to start, plus TIJD_PER_DOCUMENT for each document."""
TIJD_PER_DOCUMENT = 30

INSTALLEER = (
    "installeer LibreOffice (Debian/Ubuntu: 'apt-get install libreoffice-writer-nogui', "
    "macOS/Windows: libreoffice.org) of maak geen PDF (laat --format pdf en --pdfa weg)"
)


class MetPdf(Protocol):
    """What the converter needs of a build result (build.Resultaat)."""

    bron: Path
    geschreven: list[Path]
    pdf_bronnen: dict[Path, bytes]
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


def bronformaten(formaten: Sequence[str]) -> list[str]:
    """The renderers a build needs: the requested ones, and Word when PDF is asked."""
    namen = [f for f in formaten if f != PDF]
    if PDF in formaten and "docx" not in namen:
        namen.append("docx")
    return namen


def apart(
    outputs: dict[Path, bytes], formaten: Sequence[str], bronnen: dict[Path, bytes]
) -> dict[Path, bytes]:
    """Set aside each .docx to convert (in `bronnen`, by .pdf name); keep it if asked."""
    if PDF not in formaten:
        return outputs
    for naam, data in outputs.items():
        if naam.suffix == ".docx":
            bronnen[naam.with_suffix(".pdf")] = data
    if "docx" in formaten:
        return outputs
    return {naam: data for naam, data in outputs.items() if naam.suffix != ".docx"}


def filter_optie(pdfa: bool) -> str:
    """The --convert-to argument: tagged PDF, and PDF/A-2 for archiving when asked."""
    opties: dict[str, dict[str, str]] = {"UseTaggedPDF": {"type": "boolean", "value": "true"}}
    if pdfa:
        opties["SelectPdfVersion"] = {"type": "long", "value": "2"}
    return "pdf:writer_pdf_Export:" + json.dumps(opties, separators=(",", ":"))


def converteer(bronnen: Sequence[bytes], pdfa: bool = False) -> list[bytes | None]:
    """Convert Word documents to PDF in one LibreOffice run; None where one failed."""
    if not bronnen:
        return []
    programma = soffice()
    with tempfile.TemporaryDirectory(prefix="voorstel-pdf-") as tmp:
        map_ = Path(tmp)
        (map_ / "in").mkdir()
        invoer = []
        for index, data in enumerate(bronnen):
            path = map_ / "in" / f"{index:05d}.docx"
            path.write_bytes(data)
            invoer.append(str(path))
        _draai(programma, map_, invoer, pdfa)
        uit = [map_ / "pdf" / f"{index:05d}.pdf" for index in range(len(bronnen))]
        return [p.read_bytes() if p.is_file() and p.stat().st_size else None for p in uit]


def _draai(programma: str, map_: Path, invoer: list[str], pdfa: bool) -> None:
    opdracht = [
        programma,
        f"-env:UserInstallation={(map_ / 'profiel').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        filter_optie(pdfa),
        "--outdir",
        str(map_ / "pdf"),
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
    """Convert the set-aside Word output of every successful result; write the PDFs."""
    taken = [
        (resultaat, naam, data)
        for resultaat in resultaten
        if resultaat.gelukt
        for naam, data in resultaat.pdf_bronnen.items()
    ]
    pdfs = converteer([data for _, _, data in taken], pdfa)
    for (resultaat, naam, _), pdf in zip(taken, pdfs, strict=True):
        if pdf is None:
            resultaat.fout = PdfFout(
                f"LibreOffice kon {naam.with_suffix('.docx').name} niet omzetten naar PDF; open "
                "het in Word of LibreOffice om te zien wat eraan mankeert",
                path=resultaat.bron,
            )
            continue
        doel = binnen(out, naam)
        try:
            schrijf_atomisch(doel, pdf)
        except OSError as exc:
            resultaat.fout = PdfFout(f"kan {doel} niet schrijven: {exc.strerror}", resultaat.bron)
            continue
        resultaat.geschreven.append(doel)
