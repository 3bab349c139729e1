"""Charts kept on disk in the output folder: a later build in a new process reuses them
(without importing matplotlib) and writes the same bytes; new data is drawn anew; a broken
cache file is drawn again; the cache stays inside the output folder and is no output."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from voorstel.bouwen.staat import STAATBESTAND, verwijder_binnen
from voorstel.cli import main
from voorstel.pijplijn.write import CACHEMAP
from voorstel.uitvoer import figuren, woo

REPO = Path(__file__).resolve().parents[1]
INKOOP = REPO / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"

BOUW = """\
import sys
from voorstel.cli import main
try:
    main(["build", "-q", "--force", sys.argv[1], "--out", sys.argv[2]])
except SystemExit as exc:
    assert not exc.code, exc.code
print("matplotlib" in sys.modules)
"""
"""A build in a new process, saying afterwards whether it imported matplotlib (one
document is built in the process itself, so its drawing would show here)."""


def _bouw_apart(out: Path) -> bool:
    klaar = subprocess.run(
        [sys.executable, "-c", BOUW, str(INKOOP), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert klaar.returncode == 0, klaar.stderr
    return klaar.stdout.strip().splitlines()[-1] == "True"


def _uitvoer(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and CACHEMAP.name not in p.relative_to(out).parts
    }


def _cache(out: Path) -> list[Path]:
    return sorted((out / figuren.GRAFIEKEN).glob("*.png"))


def test_tweede_build_tekent_niets_en_is_byte_gelijk(tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert _bouw_apart(out)  # the first build draws: matplotlib loaded
    eerste = _uitvoer(out)
    assert len(_cache(out)) == 5
    assert sum(naam.endswith(".png") for naam in eerste) == 5
    assert not _bouw_apart(out)  # the second, with --force: every chart from the cache
    tweede = _uitvoer(out)
    assert tweede.keys() == eerste.keys()
    for naam in eerste:
        if naam != STAATBESTAND:
            assert tweede[naam] == eerste[naam], naam
    # the cache is no output: not in the state, never reported or removed as old output
    staat = (out / STAATBESTAND).read_text(encoding="utf-8")
    assert CACHEMAP.name not in staat
    assert len(_cache(out)) == 5


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    """Charts cached under tmp_path/uit, with an empty memory."""
    out = tmp_path / "uit"
    figuren._GETEKEND.clear()
    figuren.cache_in(out)
    try:
        yield out
    finally:
        figuren.cache_in(None)
        figuren._GETEKEND.clear()


def _figuur(**anders: Any) -> dict[str, Any]:
    figuur: dict[str, Any] = {
        "titel": "Altena",
        "jaren": [2022, 2023, 2024],
        "waarden": [1310, 1344, 1372],
        "veranderingen": [None, Decimal("0.026"), Decimal("0.0208")],
        "alt": "Lijndiagram",
    }
    return {**figuur, **anders}


def test_andere_gegevens_geven_een_nieuw_plaatje(cache: Path) -> None:
    getekend = figuren.tekeningen
    een = figuren.getekend(_figuur())
    twee = figuren.getekend(_figuur(waarden=[1310, 1344, 1400]))
    assert een != twee
    assert figuren.tekeningen == getekend + 2
    assert sorted(p.read_bytes() for p in _cache(cache)) == sorted([een, twee])
    figuren._GETEKEND.clear()  # as in a new process: only the disk remembers
    assert figuren.getekend(_figuur()) == een
    assert figuren.tekeningen == getekend + 2


def test_de_sleutel_volgt_data_en_stijl(monkeypatch: pytest.MonkeyPatch) -> None:
    sleutel = figuren.sleutel(_figuur())
    assert figuren.sleutel(_figuur()) == sleutel
    assert figuren.sleutel(_figuur(titel="Baarle-Nassau")) != sleutel
    monkeypatch.setattr(figuren, "DPI", 150)
    assert figuren.sleutel(_figuur()) != sleutel
    monkeypatch.undo()
    monkeypatch.setitem(figuren.STIJL, "font.size", 8)
    assert figuren.sleutel(_figuur()) != sleutel


@pytest.mark.parametrize("bederf", ["afgekapt", "leeg", "geen png", "foute crc"])
def test_een_kapot_cachebestand_wordt_opnieuw_getekend(cache: Path, bederf: str) -> None:
    goed = figuren.getekend(_figuur())
    [pad] = _cache(cache)
    kapot = {
        "afgekapt": goed[: len(goed) // 2],
        "leeg": b"",
        "geen png": b"GIF89a" + goed[6:],
        "foute crc": goed[:40] + bytes([goed[40] ^ 0xFF]) + goed[41:],
    }[bederf]
    pad.write_bytes(kapot)
    assert not figuren.heel(kapot)
    figuren._GETEKEND.clear()
    getekend = figuren.tekeningen
    assert figuren.getekend(_figuur()) == goed
    assert figuren.tekeningen == getekend + 1
    assert pad.read_bytes() == goed  # and repaired for the next build


def test_een_cache_die_niet_te_schrijven_is_is_geen_fout(tmp_path: Path) -> None:
    (tmp_path / CACHEMAP).write_text("een bestand, geen map")  # the cache cannot be made
    figuren.cache_in(tmp_path)
    try:
        assert figuren.heel(figuren.getekend(_figuur(titel="Drimmelen")))
    finally:
        figuren.cache_in(None)


def test_de_cache_staat_alleen_in_de_uitvoermap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "thuis"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "thuis" / ".cache"))
    figuren._GETEKEND.clear()
    result = CliRunner().invoke(main, ["build", "-q", str(INKOOP), "--out", "uit"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["uit"]
    assert [p.parent for p in _cache(tmp_path / "uit")] == [
        tmp_path / "uit" / figuren.GRAFIEKEN
    ] * 5
    # nothing is left in memory pointing at it once the build is done
    assert figuren._cache is None
    # the cleanup of old outputs refuses it, even if the state named it
    [pad] = _cache(tmp_path / "uit")[:1]
    assert verwijder_binnen(tmp_path / "uit", pad.relative_to(tmp_path / "uit").as_posix()) is None
    assert pad.is_file()


def test_geen_cache_in_een_publicatiemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A publication folder holds only what is published: an earlier build's cache (with
    perhaps the charts of documents that are not public) is removed, and none is made."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "voorstel.toml").write_text('[publicatie]\nadres = "https://example.nl/woo/"\n')
    figuren._GETEKEND.clear()
    result = CliRunner().invoke(main, ["build", "-q", str(INKOOP), "--out", "uit"])
    assert result.exit_code == 0, result.output
    assert len(_cache(tmp_path / "uit")) == 5
    figuren._GETEKEND.clear()
    result = CliRunner().invoke(main, ["build", "-q", str(INKOOP), "--out", "uit", "--publicatie"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "uit" / CACHEMAP).exists()
    sitemap = (tmp_path / "uit" / woo.INDEX).read_text(encoding="utf-8")
    assert CACHEMAP.name not in sitemap
