"""The project file voorstel.toml and `voorstel init`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from voorstel.bouwen.build import FORMATEN
from voorstel.cli import main
from voorstel.kern.errors import ValidatieFout, VoorstelError
from voorstel.pijplijn import project
from voorstel.pijplijn.project import Project, lees
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER


@pytest.fixture
def in_map(tmp_path: Path) -> Iterator[Path]:
    vorige = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(vorige)


def schrijf(map_: Path, tekst: str) -> Path:
    pad = map_ / "voorstel.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_formaten_gelijk_aan_die_van_build() -> None:
    assert project.FORMATEN == FORMATEN


def test_lees_project(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        '[organisatie]\ngemeente = "Dalfsen"\ntooi = "gm0148"\n\n'
        '[bouwen]\nuitvoer = "publicatie"\nformaten = ["docx", "pdf"]\n'
        'huisstijl = "huisstijl/dalfsen.dotx"\nsjablonen = ["eigen"]\npdfa = true\n',
    )
    p = lees(pad)
    assert p.organisatie.gemeente == "Dalfsen" and p.organisatie.tooi == "gm0148"
    assert p.uitvoer == tmp_path.resolve() / "publicatie"
    assert p.formaten == ("docx", "pdf")
    assert p.huisstijl == tmp_path.resolve() / "huisstijl" / "dalfsen.dotx"
    assert p.sjablonen == (tmp_path.resolve() / "eigen",)
    assert p.pdfa is True and p.data is None


def test_onbekende_sleutels_met_regel_en_voorstel(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path,
        '[organisatie]\ngemeente = "Dalfsen"\ngemeete = "x"\n\n[bouwe]\n\n'
        '[bouwen]\nformaten = ["docx", "odt"]\nuitvoer = 3\n',
    )
    with pytest.raises(ValidatieFout) as exc:
        lees(pad)
    assert [str(p) for p in exc.value.problemen] == [
        f"{pad}:3: organisatie.gemeete: onbekende instelling 'gemeete'; bedoelde u 'gemeente'?",
        f"{pad}:5: bouwe: onbekend onderdeel 'bouwe'; bedoelde u 'bouwen'?",
        f"{pad}:8: bouwen.formaten: onbekend formaat 'odt'; kies uit docx, md, html, pdf",
        f"{pad}:9: bouwen.uitvoer: verwacht tekst tussen aanhalingstekens: de uitvoermap",
    ]


def test_kapotte_toml_noemt_de_regel(tmp_path: Path) -> None:
    pad = schrijf(tmp_path, '[bouwen]\nuitvoer = "build\n')
    with pytest.raises(VoorstelError) as exc:
        lees(pad)
    assert exc.value.line == 2
    assert "geen geldige TOML" in str(exc.value)


def test_zoek_kijkt_omhoog(tmp_path: Path) -> None:
    schrijf(tmp_path, '[bouwen]\ndata = "stukken"\n')
    dieper = tmp_path / "stukken" / "2025"
    dieper.mkdir(parents=True)
    assert Project.zoek(dieper).data == tmp_path.resolve() / "stukken"


def test_init_en_build_met_project(in_map: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["init", "--gemeente", "Dalfsen"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "gemaakt: voorstel.toml",
        "gemaakt: .gitignore",
        "gemaakt: data/voorbeeld/collegevoorstel.yaml",
        "gemaakt: .voorstel/schemas/ (JSON Schema's voor uw editor)",
        "maak de documenten met: voorstel build",
    ]
    assert "build/" in (in_map / ".gitignore").read_text().splitlines()
    assert "gemeente: Dalfsen" in (in_map / "data/voorbeeld/collegevoorstel.yaml").read_text()
    toml = (in_map / "voorstel.toml").read_text()
    toml = toml.replace('uitvoer = "build"', 'uitvoer = "uit"').replace('"docx", "md"', '"md"')
    (in_map / "voorstel.toml").write_text(toml)
    (in_map / "data" / "voorbeeld").joinpath("sub").mkdir()
    os.chdir(in_map / "data" / "voorbeeld" / "sub")  # the project is found from below
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (in_map / "uit").rglob("*.*") if p.is_file()) == [
        ".voorstel-staat.json",
        "collegevoorstel.md",
    ]


def test_init_overschrijft_niets(in_map: Path) -> None:
    (in_map / ".gitignore").write_text("eigen\n")
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 1
    assert ".gitignore: bestaat al; voorstel init maakt een nieuw project" in result.output
    assert not (in_map / "voorstel.toml").exists()
    assert (in_map / ".gitignore").read_text() == "eigen\n"


def test_build_met_fout_projectbestand(in_map: Path) -> None:
    schrijf(in_map, '[bouwen]\nuitvoor = "x"\n')
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert result.output == (
        "voorstel.toml:2: bouwen.uitvoor: onbekende instelling 'uitvoor'; bedoelde u 'uitvoer'?\n"
    )


def test_init_met_sjablonen_die_het_project_gebruikt(in_map: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["init", "--sjablonen"])
    assert result.exit_code == 0, result.output
    assert "gemaakt: sjablonen/ (de standaardsjablonen)" in result.output
    eigen = in_map / "sjablonen" / "collegevoorstel" / "document.md.j2"
    for soort in REGISTER:
        assert (in_map / "sjablonen" / soort.naam / "document.docx").is_file()
        assert (in_map / "sjablonen" / soort.naam / "document.md.j2").is_file()
    # every soort, and the starters of the shared soorten (verdeelsleutel, ambtsdragers)
    assert sorted(p.name for p in (in_map / "sjablonen").iterdir()) == sorted(
        [*REGISTER.namen(), *GEDEELDE_SOORTEN]
    )
    eigen.write_text("Huisstijl Voorbeeldstad\n\n" + eigen.read_text(encoding="utf-8"))
    result = runner.invoke(main, ["build", "--format", "md"])
    assert result.exit_code == 0, result.output
    md = (in_map / "build" / "voorbeeld" / "collegevoorstel.md").read_text(encoding="utf-8")
    assert md.startswith("Huisstijl Voorbeeldstad\n\n# COLLEGEVOORSTEL")
