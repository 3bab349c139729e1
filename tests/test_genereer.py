"""The committed Word templates are exactly what each soort's sjabloon.py makes."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from voorstel.soorten import REGISTER
from voorstel.soorten.genereer import main


def onderdeel(docx: Path, naam: str) -> bytes:
    with zipfile.ZipFile(docx) as archive:
        return archive.read(naam)


@pytest.mark.parametrize(
    "naam", ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml"]
)
def test_sjablonen_komen_uit_genereer(tmp_path: Path, naam: str) -> None:
    """If this fails: run `make templates` and commit the regenerated document.docx."""
    main(tmp_path)
    for soort in REGISTER:
        assert soort.sjabloon is not None
        for stuk in soort.stukken:
            gemaakt = tmp_path / soort.naam / f"{stuk.naam}.docx"
            bestand = soort.map / f"{stuk.naam}.docx"
            assert onderdeel(gemaakt, naam) == onderdeel(bestand, naam), bestand
