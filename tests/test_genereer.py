"""The committed templates (Word and Markdown) are exactly what each soort's sjabloon.py
makes: one Sjabloon writes both, so no block lives in two places."""

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


def test_sjablonen_zijn_byte_voor_byte_wat_genereer_maakt(tmp_path: Path) -> None:
    """A generated .docx depends on its content only (no clock in the zip): regenerating
    an unchanged template changes no byte, so git shows no binary change."""
    main(tmp_path)
    for soort in REGISTER:
        for stuk in soort.stukken:
            bestand = soort.map / f"{stuk.naam}.docx"
            gemaakt = tmp_path / soort.naam / f"{stuk.naam}.docx"
            assert gemaakt.read_bytes() == bestand.read_bytes(), bestand


def test_markdown_sjablonen_komen_uit_genereer(tmp_path: Path) -> None:
    """If this fails: run `make templates` and commit the regenerated document.md.j2."""
    main(tmp_path)
    for soort in REGISTER:
        for stuk in soort.stukken:
            gemaakt = tmp_path / soort.naam / f"{stuk.naam}.md.j2"
            bestand = soort.map / f"{stuk.naam}.md.j2"
            assert gemaakt.read_text(encoding="utf-8") == bestand.read_text(encoding="utf-8"), (
                bestand
            )


def test_geen_handgeschreven_markdownsjablonen() -> None:
    """Every .md.j2 in the package is made by a sjabloon.py: none is written by hand."""
    pakket = REGISTER["collegevoorstel"].map.parents[1]
    gevonden = sorted(p.relative_to(pakket).as_posix() for p in pakket.rglob("*.md.j2"))
    gemaakt = [
        f"soorten/{soort.naam}/{stuk.naam}.md.j2" for soort in REGISTER for stuk in soort.stukken
    ]
    assert gevonden == sorted(gemaakt)
