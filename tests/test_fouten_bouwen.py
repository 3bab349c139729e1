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
