"""The second fault matrix, security: a template reaches no files, a template folder is no
way out through a symlink, and no message steers the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAAL
from test_sjabloonfouten import _docx, _fout, _md
from voorstel.cli import main
from voorstel.kern.errors import Probleem, VoorstelError, zichtbaar

ONTSNAPPINGEN = [
    "{{ voorstel_render.tpl.save('DOEL') }}",
    "{{ (samenvatting|tekst).tpl.save('DOEL') }}",
    "{{ (samenvatting|tekst).tpl.replace_zipname('word/document.xml', '/etc/passwd') }}",
    "{{ (samenvatting|tekst).subdocx.save('DOEL') }}",
]


@pytest.mark.parametrize("tag", ONTSNAPPINGEN)
def test_word_sjabloon_bereikt_geen_bestanden(tmp_path: Path, tag: str) -> None:
    """Case 1: nothing of the renderer (DocxTemplate, a Subdoc) is reachable from a template."""
    doel = tmp_path / "buiten.docx"
    map_ = _docx(tmp_path, "Onderwerp: {{ onderwerp }}", tag.replace("DOEL", str(doel)))
    melding = _fout(tmp_path, map_, "docx")
    assert melding.startswith(f"{map_}/collegevoorstel/document.docx: ")
    assert not doel.exists()


@pytest.mark.parametrize("tag", ONTSNAPPINGEN)
def test_markdown_sjabloon_bereikt_geen_bestanden(tmp_path: Path, tag: str) -> None:
    doel = tmp_path / "buiten.md"
    map_ = _md(tmp_path, "# {{ onderwerp }}\n\n" + tag.replace("DOEL", str(doel)) + "\n")
    _fout(tmp_path, map_, "md")
    assert not doel.exists()


def test_filters_werken_nog(tmp_path: Path) -> None:
    map_ = _md(tmp_path, "{{ samenvatting|tekst }}\n{{ kopblok.datum|datum }}\n")
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    from voorstel.bouwen.build import bouw_bestand

    resultaat = bouw_bestand(bron, tmp_path / "out", ["md"], [map_])
    assert resultaat.fout is None, str(resultaat.fout)
    assert (tmp_path / "out" / "doc.md").read_text() == (
        "Een korte samenvatting.\n5 december 2024\n"
    )


def test_include_via_symlink_naar_buiten_wordt_geweigerd(tmp_path: Path) -> None:
    """Case 2: a template folder's file that is a symlink to outside it is refused."""
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("wachtwoord=hunter2\n")
    map_ = _md(tmp_path, '{% include "stukken/kop.md.j2" %}\n')
    (map_ / "stukken").mkdir()
    (map_ / "stukken" / "kop.md.j2").symlink_to(geheim)
    melding = _fout(tmp_path, map_, "md")
    assert melding == (
        f"{map_}/stukken/kop.md.j2: het sjabloon 'stukken/kop.md.j2' verwijst (via een "
        "snelkoppeling) naar een bestand buiten de sjabloonmap; een sjabloon moet echt in de "
        "sjabloonmap staan"
    )
    assert "hunter2" not in melding


def test_word_sjabloon_via_symlink_naar_buiten_wordt_geweigerd(tmp_path: Path) -> None:
    buiten = _docx(tmp_path / "b", "{{ onderwerp }}") / "collegevoorstel" / "document.docx"
    map_ = tmp_path / "eigen"
    (map_ / "collegevoorstel").mkdir(parents=True)
    (map_ / "collegevoorstel" / "document.docx").symlink_to(buiten)
    assert "buiten de sjabloonmap" in _fout(tmp_path, map_, "docx")


def test_symlink_binnen_de_map_mag(tmp_path: Path) -> None:
    map_ = _md(tmp_path, "x")
    echt = map_ / "collegevoorstel" / "echt.md.j2"
    echt.write_text("# {{ onderwerp }}\n")
    (map_ / "collegevoorstel" / "document.md.j2").unlink()
    (map_ / "collegevoorstel" / "document.md.j2").symlink_to(echt)
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    from voorstel.bouwen.build import bouw_bestand

    assert bouw_bestand(bron, tmp_path / "out", ["md"], [map_]).fout is None


def test_stuurtekens_in_meldingen_worden_zichtbaar(tmp_path: Path) -> None:
    """Case 3: an ESC sequence in a field name from a shared repository reaches no terminal."""
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL + '"\\e]0;gehackt\\a\\e[2J": 1\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bron)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "U+001B]0;gehacktU+0007U+001B[2J" in result.output


def test_zichtbaar_overal_waar_gemeld_wordt() -> None:
    assert zichtbaar("a\x1b[31mb\u202ec\nd\te") == "aU+001B[31mbU+202Ec\nd\te"
    assert str(Probleem("p\x1b.yaml", 3, "v\x07", "m\x9b")) == "pU+001B.yaml:3: vU+0007: mU+009B"
    assert str(VoorstelError("fout \x1b[2J")) == "fout U+001B[2J"


def test_pad_met_stuurtekens(tmp_path: Path) -> None:
    bron = tmp_path / "a\x1b[2J.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(bron), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "aU+001B[2J.docx" in result.output
