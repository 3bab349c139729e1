"""A soort is one folder plus one line in the registry: a soort from a temporary folder,
registered and built, with two documents from one source."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from conftest import ROOT
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.soorten import REGISTER, Register, Soort
from voorstel.soorten.collegevoorstel.model import Collegevoorstel

BRON = Path(__file__).parent / "roots" / "adviesnota"

NOTA = """\
soort: adviesnota
gemeente: Dalfsen
kopblok:
  datum: 2025-03-04
  zaaknummer: "Z-2025-1"
onderwerp: Snippergroen aan de Kerkstraat
advies: |
  Verkoop het snippergroen aan de **bewoners**.
besluit:
  - Het snippergroen te verkopen.
  - De opbrengst toe te voegen aan de algemene reserve.
"""


def laad_module(map_: Path, naam: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        naam, map_ / "__init__.py", submodule_search_locations=[str(map_)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[naam] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def adviesnota(tmp_path: Path) -> Iterator[Soort]:
    """The test soort copied to a temporary folder, its Word templates made there, and
    registered with the one line a soort needs."""
    map_ = tmp_path / "adviesnota"
    shutil.copytree(BRON, map_)
    module = laad_module(map_, "adviesnota_test")
    importlib.import_module("adviesnota_test.maak").maak(map_)
    with REGISTER.tijdelijk(module.SOORT) as soort:
        yield soort
    sys.modules.pop("adviesnota_test", None)
    sys.modules.pop("adviesnota_test.maak", None)


def test_nieuwe_soort_wordt_gebouwd(adviesnota: Soort, tmp_path: Path) -> None:
    bron = tmp_path / "data" / "nota.yaml"
    bron.parent.mkdir()
    bron.write_text(NOTA, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "build", ["docx", "md"])
    assert resultaat.fout is None, str(resultaat.fout)
    namen = sorted(p.name for p in resultaat.geschreven)
    assert namen == ["nota-besluit.docx", "nota-besluit.md", "nota.docx", "nota.md"]
    md = (tmp_path / "build" / "nota.md").read_text(encoding="utf-8")
    assert md.startswith("# ADVIESNOTA\n\nDatum: 4 maart 2025 | Openbaar | Zaaknummer: Z-2025-1")
    assert "Verkoop het snippergroen aan de **bewoners**." in md
    besluit = (tmp_path / "build" / "nota-besluit.md").read_text(encoding="utf-8")
    assert "van Dalfsen besluit (2 punten):" in besluit  # the soort's own compute step
    assert "2. De opbrengst toe te voegen aan de algemene reserve." in besluit
    with zipfile.ZipFile(tmp_path / "build" / "nota-besluit.docx") as docx:
        xml = docx.read("word/document.xml").decode()
    assert "Het snippergroen te verkopen." in xml and "Snippergroen" not in xml
    templates = {p.name for p in resultaat.afhankelijkheden}
    assert {"document.docx", "besluit.docx", "document.md.j2", "besluit.md.j2"} <= templates


def test_nieuwe_soort_in_cli(adviesnota: Soort, tmp_path: Path) -> None:
    runner = CliRunner()
    hulp = " ".join(runner.invoke(main, ["new", "--help"]).output.split())
    assert "adviesnota" in hulp
    pad = tmp_path / "nota.yaml"
    result = runner.invoke(main, ["new", "adviesnota", str(pad)])
    assert result.exit_code == 0, result.output
    assert pad.read_bytes() == (adviesnota.map / "nieuw.yaml").read_bytes()
    result = runner.invoke(main, ["validate", str(pad)])
    assert result.exit_code == 0, result.output


def test_onbekende_soort_noemt_de_geregistreerde(adviesnota: Soort, tmp_path: Path) -> None:
    pad = tmp_path / "x.yaml"
    pad.write_text(NOTA.replace("soort: adviesnota", "soort: adviesnotaa"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(pad)])
    assert result.exit_code == 1
    assert (
        "onbekende soort 'adviesnotaa'; kies uit adviesnota, ambtsdragers, collegevoorstel,"
        in result.output
    )


def test_na_afloop_is_de_soort_weer_weg(tmp_path: Path) -> None:
    assert "adviesnota" not in REGISTER


def test_een_naam_wordt_eenmaal_geregistreerd() -> None:
    soort = REGISTER["collegevoorstel"]
    with pytest.raises(ValueError, match="al geregistreerd"):
        Register(soort, soort)
    with pytest.raises(ValueError, match="al geregistreerd"):
        Register(Soort("verdeelsleutel", Collegevoorstel, ROOT, "x"))


def test_elke_soort_is_een_volledige_map() -> None:
    """Every registered soort has its templates for every document it makes, and a starter."""
    for soort in REGISTER:
        assert soort.map.parent == ROOT / "src" / "voorstel" / "soorten"
        for stuk in soort.stukken:
            assert (soort.map / f"{stuk.naam}.docx").is_file()
            assert (soort.map / f"{stuk.naam}.md.j2").is_file()
        assert (soort.map / "nieuw.yaml").is_file()
