"""Converters: output formats made from another format's output by an outside program,
for all documents of a build at once (PDF from Word, by LibreOffice).

A converter has a name (as --format takes it), the renderer whose output it converts, a
check that its program is there (before anything is built), and one batch conversion after
every document is rendered. Build and batch know converters only through this interface.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

if TYPE_CHECKING:  # the PDF maker (and pypdf) is loaded only by a build that makes PDF
    from voorstel.uitvoer.pdf import MetPdf


class Omzetter(Protocol):
    """An output format made from another format's output, for a whole build at once."""

    naam: ClassVar[str]
    """The format, as --format takes it."""
    bron: ClassVar[str]
    """The renderer whose output it converts."""

    def controleer(self) -> None:
        """Raise a Dutch VoorstelError, before anything is built, when it cannot work."""

    def zet_om(self, resultaten: Sequence[MetPdf], out: Path) -> None:
        """Convert the set-aside outputs of every successful result, and write each
        document's outputs together with its conversions (or, if one failed, nothing)."""


@dataclass(frozen=True)
class PdfOmzetter:
    """PDF from the Word output, by one headless LibreOffice for the whole build."""

    pdfa: bool = False
    pdfua: bool = False
    publicatie: bool = False
    """A folder to publish holds what is published only: no LibreOffice profile is kept in
    it (a temporary one is used)."""
    naam: ClassVar[str] = "pdf"
    bron: ClassVar[str] = "docx"

    def controleer(self) -> None:
        from voorstel.uitvoer import pdf

        pdf.soffice()
        pdf.tijd(0)  # a VOORSTEL_PDF_TIJD that is no number stops here, not after building

    def zet_om(self, resultaten: Sequence[MetPdf], out: Path) -> None:
        from voorstel.uitvoer import pdf

        pdf.maak_pdfs(resultaten, out, self.pdfa, self.pdfua, profiel=not self.publicatie)


OMZETTERS: dict[str, type[PdfOmzetter]] = {PdfOmzetter.naam: PdfOmzetter}
"""Every converter by the format it makes."""


def omzetters(
    formaten: Sequence[str], pdfa: bool = False, pdfua: bool = False, publicatie: bool = False
) -> list[Omzetter]:
    """The converters a build with these formats needs."""
    return [
        OMZETTERS[naam](pdfa=pdfa, pdfua=pdfua, publicatie=publicatie)
        for naam in formaten
        if naam in OMZETTERS
    ]


def bronformaten(formaten: Sequence[str]) -> list[str]:
    """The renderers a build needs: the requested ones, and the source of each converter."""
    namen = [f for f in formaten if f not in OMZETTERS]
    for naam in formaten:
        if naam in OMZETTERS and OMZETTERS[naam].bron not in namen:
            namen.append(OMZETTERS[naam].bron)
    return namen


def apart(
    outputs: dict[Path, bytes], formaten: Sequence[str], bronnen: dict[Path, bytes]
) -> dict[Path, bytes]:
    """Set aside each output a converter needs (in `bronnen`, under the converted name);
    keep it among the outputs only if its own format was asked for."""
    gevraagd = [OMZETTERS[naam] for naam in formaten if naam in OMZETTERS]
    if not gevraagd:
        return outputs
    weg: set[str] = set()
    for omzetter in gevraagd:
        achtervoegsel = f".{omzetter.bron}"
        for naam, data in outputs.items():
            if naam.suffix == achtervoegsel:
                bronnen[naam.with_suffix(f".{omzetter.naam}")] = data
        if omzetter.bron not in formaten:
            weg.add(achtervoegsel)
    return {naam: data for naam, data in outputs.items() if naam.suffix not in weg}
