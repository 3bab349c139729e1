"""The second fault matrix, files and folders (cases 14, 15, 19, 20, 22)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.pijplijn.write import TIJDELIJK_VOORVOEGSEL

LANG = "x" * 300 + ".yaml"
MET_SLEUTEL = MINIMAAL.replace(
    "kopblok:", f"gemeente: A\nregio:\n  naam: R\n  verdeelsleutel: {LANG}\nkopblok:"
)


@pytest.mark.parametrize("args", [["validate"], ["build", "--out", "uit"], ["diff", "X"]])
def test_verdeelsleutel_met_te_lange_naam(tmp_path: Path, args: list[str]) -> None:
    """Case 14: a path component over 255 characters crashed validate, diff and build."""
    bron = tmp_path / "v.yaml"
    bron.write_text(MET_SLEUTEL, encoding="utf-8")
    args = [str(bron) if a == "X" else str(tmp_path / a) if a == "uit" else a for a in args]
    result = CliRunner().invoke(main, [*args, str(bron)])
    assert result.exit_code == 1
    assert "kan niet gelezen worden: de naam is te lang voor het bestandssysteem" in result.output
    assert "onverwachte fout" not in result.output and "Traceback" not in result.output


def test_new_met_te_lange_naam_of_een_bestand_als_map(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["new", "memo", str(tmp_path / ("z" * 300 + ".yaml"))])
    assert result.exit_code == 1
    assert "kan niet schrijven: de naam is te lang voor het bestandssysteem" in result.output
    (tmp_path / "bestand").write_text("al hier")
    result = runner.invoke(main, ["new", "memo", str(tmp_path / "bestand" / "x.yaml")])
    assert result.exit_code == 1
    assert "een deel van het pad is een bestand en geen map" in result.output
    assert "bestaat al" not in result.output


def test_map_en_fifo_met_yaml_naam_worden_overgeslagen(tmp_path: Path) -> None:
    """Case 15: a folder called *.yaml gave a traceback, a FIFO made build and validate hang."""
    data = tmp_path / "data"
    (data / "map.yaml").mkdir(parents=True)
    os.mkfifo(data / "pijp.yaml")
    (data / "goed.yaml").write_text(MINIMAAL, encoding="utf-8")
    for args in (["validate", str(data)], ["build", str(data), "--out", str(tmp_path / "uit")]):
        uitkomst: list[object] = []

        def draai(a: list[str] = args, naar: list[object] = uitkomst) -> None:
            naar.append(CliRunner().invoke(main, a))

        draad = threading.Thread(target=draai)
        draad.start()
        draad.join(timeout=60)
        if draad.is_alive():  # unblock the reader, then fail
            with open(data / "pijp.yaml", "w"):
                pass
            pytest.fail(f"voorstel {args[0]} blijft hangen op een FIFO")
        (result,) = uitkomst
        assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
        uit = result.output  # type: ignore[attr-defined]
        assert f"{data / 'map.yaml'}: waarschuwing: is geen gewoon bestand maar een map" in uit
        assert (
            f"{data / 'pijp.yaml'}: waarschuwing: is geen gewoon bestand maar een pijp (FIFO)"
            in uit
        )


def test_fifo_direct_opgegeven(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pijp.yaml")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "pijp.yaml")])
    assert result.exit_code == 1
    assert "is geen gewoon bestand maar een pijp (FIFO)" in result.output


def test_lange_bronnaam_past(tmp_path: Path) -> None:
    """Case 20: a 240-character source name could not be built: its temp name did not fit."""
    bron = tmp_path / ("y" * 240 + ".yaml")
    bron.write_text(MINIMAAL, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ["docx", "md"])
    assert resultaat.fout is None, str(resultaat.fout)
    assert sorted(p.suffix for p in (tmp_path / "uit").iterdir()) == [".docx", ".md"]


def test_new_respecteert_de_umask(tmp_path: Path) -> None:
    """Case 22: `new` wrote 0600 files (mkstemp), unlike every other output."""
    oud = os.umask(0o022)
    try:
        assert CliRunner().invoke(main, ["new", "memo", str(tmp_path / "m.yaml")]).exit_code == 0
    finally:
        os.umask(oud)
    assert stat.S_IMODE((tmp_path / "m.yaml").stat().st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TIJDELIJK_VOORVOEGSEL)]


def koppel(map_: Path, opties: str) -> bool:
    mount = shutil.which("mount")
    if mount is None:
        return False
    uit = subprocess.run([mount, "-t", "tmpfs", "-o", opties, "tmpfs", str(map_)], check=False)
    return uit.returncode == 0


def test_alleen_lezen_uitvoermap(tmp_path: Path) -> None:
    """Case 19: a read-only output folder crashed while writing the state file, and the
    build's own messages were lost."""
    bron = tmp_path / "a.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    uit = tmp_path / "uit"
    uit.mkdir()
    if os.geteuid() == 0:  # root may write anywhere: a read-only file system instead
        if not koppel(uit, "ro,size=64k"):
            if os.environ.get("CI") == "true":
                pytest.fail("CI kan geen alleen-lezen tmpfs koppelen")
            pytest.skip("geen rechten om een alleen-lezen tmpfs te koppelen")
    else:
        uit.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["build", str(bron), "--out", str(uit)])
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", str(uit)], check=False)
        else:
            uit.chmod(0o755)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "kan niet schrijven: " in result.output
    assert "alleen-lezen" in result.output or "geen toestemming" in result.output
    assert "Traceback" not in result.output


def test_een_bestand_in_de_weg_van_de_uitvoermap(tmp_path: Path) -> None:
    """Case 19: a folder that is a file gave the OS's 'File exists'."""
    bron = tmp_path / "a.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    (tmp_path / "uit").write_text("geen map")
    result = CliRunner().invoke(main, ["build", str(bron), "--out", str(tmp_path / "uit" / "x")])
    assert result.exit_code == 1
    assert "een deel van het pad is een bestand en geen map" in result.output
    assert "File exists" not in result.output and "Traceback" not in result.output


@pytest.fixture
def kleine_schijf(tmp_path: Path) -> object:
    """A 256 kB tmpfs, where the machine allows mounting one (never skipped in CI)."""
    map_ = tmp_path / "klein"
    map_.mkdir()
    if not koppel(map_, "size=256k"):
        if os.environ.get("CI") == "true":
            pytest.fail("CI kan geen kleine tmpfs koppelen voor de test van een volle schijf")
        pytest.skip("geen rechten om een kleine tmpfs te koppelen (mount -t tmpfs)")
    yield map_
    subprocess.run(["umount", str(map_)], check=False)


def test_volle_schijf(tmp_path: Path, kleine_schijf: Path) -> None:
    """Case 19: a full disk gave 'No space left on device'; no half file stays behind."""
    (kleine_schijf / "vul").write_bytes(b"\0" * (256 * 1024 - 8192))
    bron = tmp_path / "a.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(bron), "--out", str(kleine_schijf / "uit")])
    assert result.exit_code == 1
    assert "kan niet schrijven: de schijf is vol; maak ruimte vrij en bouw opnieuw" in result.output
    assert "No space left" not in result.output
    rest = (
        [p.name for p in (kleine_schijf / "uit").rglob("*")]
        if (kleine_schijf / "uit").exists()
        else []
    )
    assert not [n for n in rest if n.endswith(".tmp") or n.endswith(".docx")]
