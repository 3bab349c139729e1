"""Batch builds: only what changed, one bad document does not stop the rest, state in
the output folder, reproducible bytes, atomic writes."""

from __future__ import annotations

import errno
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import MINIMAAL
from voorstel.bouwen.batch import SLOTBESTAND, Batch, Opties, bouw_batch
from voorstel.bouwen.build import bouw_bestand
from voorstel.bouwen.staat import STAATBESTAND
from voorstel.cli import main
from voorstel.kern.errors import SchrijfFout
from voorstel.pijplijn import write

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

SLEUTEL = """\
soort: verdeelsleutel
naam: Sleutel {naam}
eenheid: euro
componenten:
  - naam: Verdeelsleutel
    aandeel: "100%"
    gewichten:
      Aadorp: "{a}"
      Beekdorp: "{b}"
"""


def voorstel(onderwerp: str, sleutel: str | None = None) -> str:
    """A small valid collegevoorstel, using a verdeelsleutel if one is named."""
    tekst = MINIMAAL.replace("Een onderwerp", onderwerp)
    if sleutel is not None:
        tekst += f"regio:\n  naam: Regio Test\n  verdeelsleutel: {sleutel}\n  varianten: false\n"
    return tekst


@pytest.fixture
def project(tree: Tree, tmp_path: Path) -> Path:
    """A data folder: two documents using key a, one using key b, one using none."""
    tree(
        {
            "voorstel.toml": "",
            "data/sleutels/a.yaml": SLEUTEL.format(naam="A", a="40%", b="60%"),
            "data/sleutels/b.yaml": SLEUTEL.format(naam="B", a="50%", b="50%"),
            "data/regio/een.yaml": voorstel("Een", "../sleutels/a.yaml"),
            "data/regio/twee.yaml": voorstel("Twee", "../sleutels/a.yaml"),
            "data/regio/drie.yaml": voorstel("Drie", "../sleutels/b.yaml"),
            "data/los/vier.yaml": voorstel("Vier"),
        }
    )
    return tmp_path / "data"


def bouw(data: Path, formaten: tuple[str, ...] = ("md",), **kwargs: Any) -> Batch:
    return bouw_batch([data], Opties(data.parent / "build", formaten), processen=1, **kwargs)


def gebouwd(batch: Batch) -> list[str]:
    return [r.bron.stem for r in batch.resultaten]


def uitvoer(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every output file (not the state or its lock) with its bytes and mtime."""
    return {
        p.relative_to(out).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in (STAATBESTAND, SLOTBESTAND)
    }


def test_eerste_keer_alles_daarna_niets(project: Path) -> None:
    eerste = bouw(project)
    assert gebouwd(eerste) == ["vier", "drie", "een", "twee"]
    assert all(r.fout is None for r in eerste.resultaten)
    voor = uitvoer(project.parent / "build")
    tweede = bouw(project)
    assert tweede.resultaten == []
    assert (tweede.totaal, tweede.ongewijzigd) == (4, 4)
    assert uitvoer(project.parent / "build") == voor


def test_cli_zegt_dat_niets_gewijzigd_is(project: Path) -> None:
    args = ["build", str(project), "--out", str(project.parent / "build"), "--format", "md"]
    assert CliRunner().invoke(main, args).exit_code == 0
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 van 4 documenten gewijzigd\n"


def test_gewijzigde_sleutel_maakt_precies_wie_hem_gebruikt(project: Path) -> None:
    bouw(project)
    (project / "sleutels" / "a.yaml").write_text(
        SLEUTEL.format(naam="A", a="45%", b="55%"), encoding="utf-8"
    )
    batch = bouw(project)
    assert gebouwd(batch) == ["een", "twee"]
    assert bouw(project).resultaten == []


def test_aanraken_zonder_wijziging_maakt_niets(project: Path) -> None:
    bouw(project)
    sleutel = project / "sleutels" / "b.yaml"
    later = time.time_ns() + 5_000_000_000
    os.utime(sleutel, ns=(later, later))
    assert bouw(project).resultaten == []


def test_gewijzigd_document_en_verwijderde_uitvoer(project: Path) -> None:
    bouw(project)
    vier = project / "los" / "vier.yaml"
    vier.write_text(voorstel("Vier, herzien"), encoding="utf-8")
    (project.parent / "build" / "regio" / "drie.md").unlink()
    batch = bouw(project)
    assert gebouwd(batch) == ["vier", "drie"]
    assert (project.parent / "build" / "regio" / "drie.md").is_file()


def test_force_en_andere_opties_maken_alles(project: Path) -> None:
    bouw(project)
    assert gebouwd(bouw(project, forceer=True)) == ["vier", "drie", "een", "twee"]
    assert len(bouw(project, ("md", "docx")).resultaten) == 4


def test_kapotte_staat_maakt_alles_opnieuw(project: Path) -> None:
    bouw(project)
    (project.parent / "build" / STAATBESTAND).write_text('{"versie": 1, "documenten": [', "utf-8")
    assert len(bouw(project).resultaten) == 4
    assert len(bouw(project).resultaten) == 0


def test_kapot_document_laat_oude_uitvoer_staan(project: Path) -> None:
    out = project.parent / "build"
    bouw(project)
    oud = uitvoer(out)
    (project / "regio" / "twee.yaml").write_text(
        voorstel("Twee", "../sleutels/a.yaml").replace("onderwerp:", "onderwrp:"), "utf-8"
    )
    (project / "sleutels" / "a.yaml").write_text(
        SLEUTEL.format(naam="A", a="30%", b="70%"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["build", str(project), "--out", str(out), "--format", "md", "--jobs", "1"]
    )
    assert result.exit_code == 1
    twee = project / "regio" / "twee.yaml"
    assert f"{twee}:5: onderwrp: onbekend veld 'onderwrp'; bedoelde u 'onderwerp'?" in (
        result.stderr
    )
    assert result.stdout.splitlines() == [
        f"geschreven: {out / 'regio' / 'een.md'}",
        "2 van 4 documenten gewijzigd, 1 gemaakt, 1 mislukt",
    ]
    nieuw = uitvoer(out)
    assert nieuw["regio/twee.md"] == oud["regio/twee.md"]
    assert nieuw["regio/een.md"] != oud["regio/een.md"]
    # the failed document is tried again next time; the one that built is not
    assert gebouwd(bouw(project)) == ["twee"]


def test_fout_zonder_eerdere_build_schrijft_geen_staat(tree: Tree, tmp_path: Path) -> None:
    tree({"data/kapot.yaml": "soort: collegevoorstel\n"})
    batch = bouw(tmp_path / "data")
    assert batch.resultaten[0].fout is not None
    assert not (tmp_path / "build").exists()


def test_twee_builds_zijn_byte_gelijk(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    eerste = bouw_batch([project], Opties(tmp_path / "een", ("docx", "md")), processen=1)
    assert all(r.fout is None for r in eerste.resultaten)

    class AndereKlok:
        """A clock a day and a half later, for anything that would read it."""

        @staticmethod
        def time() -> float:
            return time.time() + 129_600

        @staticmethod
        def localtime(seconden: float | None = None) -> time.struct_time:
            return time.localtime(time.time() + 129_600)

    monkeypatch.setattr(zipfile, "time", AndereKlok)
    bouw_batch([project], Opties(tmp_path / "twee", ("docx", "md")), processen=1)
    een = {k: v[0] for k, v in uitvoer(tmp_path / "een").items()}
    twee = {k: v[0] for k, v in uitvoer(tmp_path / "twee").items()}
    assert sorted(een) == sorted(twee) and len(een) == 8
    assert een == twee
    with zipfile.ZipFile(tmp_path / "een" / "los" / "vier.docx") as archief:
        assert {i.date_time for i in archief.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archief.namelist()[0] == "[Content_Types].xml"
        core = archief.read("docProps/core.xml").decode()
    assert "<dcterms:created" in core and "2024-12-05T00:00:00Z</dcterms:created>" in core
    assert "2024-12-05T00:00:00Z</dcterms:modified>" in core


def test_parallel_geeft_hetzelfde_in_dezelfde_volgorde(project: Path, tmp_path: Path) -> None:
    serieel = bouw_batch([project], Opties(tmp_path / "een"), processen=1)
    parallel = bouw_batch([project], Opties(tmp_path / "twee"), processen=2)
    assert gebouwd(parallel) == gebouwd(serieel) == ["vier", "drie", "een", "twee"]
    een = {k: v[0] for k, v in uitvoer(tmp_path / "een").items()}
    assert een == {k: v[0] for k, v in uitvoer(tmp_path / "twee").items()}


class HalfGeschreven:
    """A file handle that writes half of what it is given, then fails (a full disk)."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> HalfGeschreven:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        self.handle.flush()

    def fileno(self) -> int:
        return int(self.handle.fileno())


def test_onderbroken_schrijven_laat_het_oude_bestand_heel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doel = tmp_path / "uit" / "voorstel.docx"
    doel.parent.mkdir()
    doel.write_bytes(b"de goede versie")
    echte_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfGeschreven(echte_fdopen(fd, *a)))
    with pytest.raises(SchrijfFout, match="kan niet schrijven"):
        write.schrijf_atomisch(doel, b"x" * 10_000)
    assert doel.read_bytes() == b"de goede versie"
    assert [p.name for p in doel.parent.iterdir()] == ["voorstel.docx"]


def test_onderbroken_build_laat_geen_halve_uitvoer(
    tree: Tree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bron = tree({"voorstel.yaml": voorstel("Eerst")})["voorstel.yaml"]
    out = tmp_path / "uit"
    assert bouw_bestand(bron, out).fout is None
    oud = uitvoer(out)
    bron.write_text(voorstel("Daarna"), encoding="utf-8")

    def onderbroken(fd: int) -> None:
        raise KeyboardInterrupt  # the user stops the build while a file is being written

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", onderbroken)
        with pytest.raises(KeyboardInterrupt):
            bouw_bestand(bron, out)
    assert uitvoer(out) == oud
    assert sorted(p.name for p in out.iterdir()) == ["voorstel.docx", "voorstel.md"]
    echte_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfGeschreven(echte_fdopen(fd, *a)))
    resultaat = bouw_bestand(bron, out)
    assert isinstance(resultaat.fout, SchrijfFout)
    assert "kan " in resultaat.fout.message and "niet schrijven" in resultaat.fout.message
    assert uitvoer(out) == oud
    assert sorted(p.name for p in out.iterdir()) == ["voorstel.docx", "voorstel.md"]


def test_nooit_buiten_de_uitvoermap(tree: Tree, tmp_path: Path) -> None:
    with pytest.raises(SchrijfFout, match="buiten de uitvoermap"):
        write.schrijf_alles(tmp_path / "uit", {Path("../ontsnapt.md"): b"x"})
    assert not (tmp_path / "ontsnapt.md").exists()


def test_mislukt_schrijven_van_een_bestand_laat_alle_oude_uitvoer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "uit"
    write.schrijf_alles(out, {Path("a.docx"): b"oud a", Path("a.md"): b"oud md"})
    echte_fsync = os.fsync
    aanroepen = []

    def vol(fd: int) -> None:
        aanroepen.append(fd)
        if len(aanroepen) == 2:  # the second output: the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        echte_fsync(fd)

    monkeypatch.setattr(os, "fsync", vol)
    with pytest.raises(SchrijfFout, match=r"a\.md: kan niet schrijven: de schijf is vol"):
        write.schrijf_alles(out, {Path("a.docx"): b"nieuw a", Path("a.md"): b"nieuw md"})
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {
        "a.docx": b"oud a",
        "a.md": b"oud md",
    }
