"""The second fault matrix, builds (cases 6, 7, 8)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import MINIMAAL, ROOT
from voorstel.cli import main


def bouw(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args])
    return result.exit_code, result.output


def test_uitvoer_van_een_verwijderde_bron_verdwijnt(tmp_path: Path) -> None:
    """Case 6: outputs of a deleted or renamed source stayed forever, in the state too."""
    data, uit = tmp_path / "data", tmp_path / "uit"
    data.mkdir()
    (data / "a.yaml").write_text(MINIMAAL, encoding="utf-8")
    (data / "b.yaml").write_text(MINIMAAL, encoding="utf-8")
    assert bouw(str(data), "--out", str(uit))[0] == 0
    (data / "a.yaml").rename(data / "c.yaml")
    code, uitvoer = bouw(str(data), "--out", str(uit))
    assert code == 0, uitvoer
    assert sorted(p.name for p in uit.iterdir() if not p.name.startswith(".")) == [
        "b.docx",
        "b.md",
        "c.docx",
        "c.md",
    ]
    assert f"verwijderd: {uit / 'a.docx'} (de bron {data / 'a.yaml'} bestaat niet meer)" in uitvoer
    staat = (uit / ".voorstel-staat.json").read_text()
    assert "a.yaml" not in staat
    # building one file of the folder never removes the outputs of the others
    (data / "b.yaml").unlink()
    code, uitvoer = bouw(str(data / "c.yaml"), "--out", str(uit))
    assert (uit / "b.docx").exists() and "verwijderd" not in uitvoer


def test_uitvoer_van_een_verwijderde_bron_ook_in_publicatie(tmp_path: Path) -> None:
    data, uit = tmp_path / "data", tmp_path / "publicatie"
    data.mkdir()
    (data / "voorstel.toml").write_text('[organisatie]\ntooi = "gm0826"\n', "utf-8")
    (data / "a.yaml").write_text(MINIMAAL, encoding="utf-8")
    assert bouw(str(data), "--out", str(uit), "--publicatie")[0] == 0
    (data / "a.yaml").unlink()
    (data / "b.yaml").write_text(MINIMAAL, encoding="utf-8")
    assert bouw(str(data), "--out", str(uit), "--publicatie")[0] == 0
    assert not (uit / "a.docx").exists() and (uit / "b.docx").exists()


def test_versie_per_gemeente_botst_met_een_andere_bron(tmp_path: Path) -> None:
    """Case 7: jim.yaml's jim-altena.* and a source jim-altena.yaml overwrote each other."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "wbo", data)
    (data / "inkoopstrategie-jeugdhulp-2027.yaml").unlink()
    (data / "jim-altena.yaml").write_text(MINIMAAL, encoding="utf-8")
    code, uitvoer = bouw(str(data), "--out", str(tmp_path / "uit"))
    assert code == 1
    assert uitvoer.strip() == (
        f"'{data / 'jim.yaml'}' maakt ook jim-altena.* (de versie voor Altena), en dat is ook "
        f"de uitvoer van '{data / 'jim-altena.yaml'}'; hernoem '{data / 'jim-altena.yaml'}'"
    )
    assert not (tmp_path / "uit").exists()


def test_symlink_krijgt_zijn_eigen_naam(tmp_path: Path) -> None:
    """Case 8: output names came from the symlink's target: a link inside data/ stopped the
    batch, a link to outside landed in the root of the output folder."""
    data, buiten = tmp_path / "data", tmp_path / "elders"
    (data / "sub").mkdir(parents=True)
    buiten.mkdir()
    (data / "a.yaml").write_text(MINIMAAL, encoding="utf-8")
    (data / "sub" / "kopie.yaml").symlink_to(data / "a.yaml")
    (buiten / "ver.yaml").write_text(MINIMAAL, encoding="utf-8")
    (data / "sub" / "link.yaml").symlink_to(buiten / "ver.yaml")
    code, uitvoer = bouw(str(data), "--out", str(tmp_path / "uit"), "--format", "md")
    assert code == 0, uitvoer
    assert sorted(
        p.relative_to(tmp_path / "uit").as_posix() for p in (tmp_path / "uit").rglob("*.md")
    ) == ["a.md", "sub/kopie.md", "sub/link.md"]


def test_tweede_bouw_in_dezelfde_map_stopt(tmp_path: Path) -> None:
    """Case 5: two builds into one output folder each rewrote the whole state."""
    import subprocess
    import sys
    import time

    from filelock import FileLock

    data, uit = tmp_path / "data", tmp_path / "uit"
    data.mkdir()
    shutil.copy(ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml", data)
    for i in range(12):  # regional proposals: a first build that takes seconds
        shutil.copy(ROOT / "data" / "wbo" / "jim.yaml", data / f"jim{i:02}.yaml")
    voorstel = [sys.executable, "-m", "voorstel", "build", str(data), "--out", str(uit)]
    eerste = subprocess.Popen(
        [*voorstel, "--format", "docx", "-q", "-j", "1"], stdout=subprocess.PIPE, text=True
    )
    try:
        slot = FileLock(uit / ".voorstel.lock", timeout=0)
        for _ in range(600):  # until the first build holds the folder
            if (uit / ".voorstel.lock").exists():
                try:
                    slot.acquire()
                    slot.release()
                except Exception:
                    break
            time.sleep(0.05)
        tweede = subprocess.run([*voorstel, "--format", "docx"], capture_output=True, text=True)
    finally:
        uit_eerste, _ = eerste.communicate(timeout=300)
    assert eerste.returncode == 0, uit_eerste
    assert tweede.returncode == 1
    assert tweede.stderr.strip() == (
        f"{uit}: er draait al een andere voorstel build in deze uitvoermap; wacht tot die "
        "klaar is, of bouw in een andere map (--out)"
    )
    derde = subprocess.run([*voorstel, "--format", "docx"], capture_output=True, text=True)
    assert derde.returncode == 0
    assert derde.stdout.strip() == "0 van 12 documenten gewijzigd"  # the first one's state


def test_slot_wordt_vrijgegeven_en_laat_geen_lege_map(tmp_path: Path) -> None:
    bron = tmp_path / "kapot.yaml"
    bron.write_text("soort: collegevoorstel\n", encoding="utf-8")
    assert bouw(str(bron), "--out", str(tmp_path / "uit"))[0] == 1
    assert not (tmp_path / "uit").exists()
