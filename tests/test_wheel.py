"""The package installs anywhere: a wheel in a fresh virtual environment outside the
repository can start a project, begin a document and build every example in data/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from voorstel.soorten import REGISTER


@pytest.fixture(scope="module")
def wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    bron = tmp_path_factory.mktemp("bron") / "voorstel"
    # build from a copy, so the test never writes into the work tree (build/, *.egg-info)
    shutil.copytree(
        ROOT,
        bron,
        ignore=shutil.ignore_patterns(
            ".venv", "build", ".git", "*.egg-info", "__pycache__", ".*_cache"
        ),
    )
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(bron)],
        check=True,
        capture_output=True,
    )
    (wiel,) = dist.glob("voorstel-*.whl")
    return wiel


def test_wiel_bevat_sjablonen_en_startbestanden(wiel: Path) -> None:
    with zipfile.ZipFile(wiel) as archief:
        namen = set(archief.namelist())
    for soort in REGISTER:
        for stuk in soort.stukken:
            assert f"voorstel/soorten/{soort.naam}/{stuk.naam}.docx" in namen
            assert f"voorstel/soorten/{soort.naam}/{stuk.naam}.md.j2" in namen
        assert f"voorstel/soorten/{soort.naam}/nieuw.yaml" in namen
        assert f"voorstel/schemas/{soort.naam}.schema.json" in namen
    assert not any(n.startswith("voorstel/blokken/") and n.endswith(".j2") for n in namen)
    assert "voorstel/schemas/verdeelsleutel.schema.json" in namen
    assert "voorstel/schemas/voorstel.toml.schema.json" in namen
    assert "voorstel/blokken/gedeeld/verdeelsleutel/nieuw.yaml" in namen
    assert "voorstel/schemas/ambtsdragers.schema.json" in namen
    assert not any(n.startswith(("tests/", "data/")) for n in namen)


def test_wiel_installeert_en_bouwt_buiten_de_repository(wiel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wiel)]
    subprocess.run(pip, check=True, capture_output=True)
    voorstel = str(venv / "bin" / "voorstel")
    werk = tmp_path / "gemeente"
    omgeving = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}

    def run(*args: str, cwd: Path = werk) -> str:
        uit = subprocess.run(
            [voorstel, *args], cwd=cwd, env=omgeving, capture_output=True, text=True
        )
        assert uit.returncode == 0, uit.stdout + uit.stderr
        return uit.stdout

    werk.mkdir()
    assert "gemaakt: voorstel.toml" in run("init", "--gemeente", "Dalfsen")
    run("new", "raadsinformatiebrief", "data/rib.yaml")
    # the schema line of a new file names a schema that is there, outside the repository too
    for bestand in (
        werk / "data" / "rib.yaml",
        werk / "data" / "voorbeeld" / "collegevoorstel.yaml",
    ):
        regel = bestand.read_text(encoding="utf-8").splitlines()[0]
        assert regel.startswith("# yaml-language-server: $schema=../")
        doel = (bestand.parent / regel.split("$schema=", 1)[1]).resolve()
        assert doel.parent == werk.resolve() / ".voorstel" / "schemas" and doel.is_file()
    los = tmp_path / "los"
    los.mkdir()
    run("new", "memo", "memo.yaml", cwd=los)
    regel = (los / "memo.yaml").read_text(encoding="utf-8").splitlines()[0]
    doel = Path(regel.split("$schema=", 1)[1])
    assert doel.is_absolute() and doel.is_file() and doel.is_relative_to(venv)
    assert doel.name == "memo.schema.json"
    shutil.copytree(ROOT / "data", werk / "data" / "voorbeelden")
    pdf = shutil.which("soffice") is not None or os.environ.get("CI") == "true"
    formaten = "docx,md,html,pdf" if pdf else "docx,md,html"
    uitvoer = run("build", "--format", formaten)
    assert uitvoer.splitlines()[-1] == "9 van 9 documenten gemaakt"
    gebouwd = werk / "build"
    assert (gebouwd / "rib.docx").is_file()
    assert (gebouwd / "voorbeelden" / "wbo" / "jim-oosterhout.md").is_file()
    assert (gebouwd / "voorbeelden" / "wbo" / "inkoopstrategie-jeugdhulp-2027.html").is_file()
    if pdf:
        assert (gebouwd / "voorbeelden" / "wbo" / "jim-breda.pdf").is_file()
    gouden = (ROOT / "tests" / "golden" / "jim-oosterhout.md").read_text(encoding="utf-8")
    md = (gebouwd / "voorbeelden" / "wbo" / "jim-oosterhout.md").read_text(encoding="utf-8")
    assert md == gouden
