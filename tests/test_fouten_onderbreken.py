"""Fault matrix 4 and 24: a build that is interrupted or killed, a worker that dies.

Real signals to a real `voorstel build` of 150 documents in worker processes: Ctrl-C
(SIGINT, once and twice) and SIGTERM stop it within seconds and keep what finished;
SIGKILL of the build takes its workers with it. A worker that dies fails only the
document it was making.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAAL
from voorstel.bouwen import build
from voorstel.bouwen.batch import Opties, bouw_parallel
from voorstel.bouwen.staat import STAATBESTAND

VOORSTEL = Path(sys.executable).with_name("voorstel")
AANTAL = 150

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="leest de processen uit /proc (Linux)"
)


def levend(groep: int) -> list[int]:
    """The processes of a process group that still run (zombies, which only wait to be
    reaped, do not count)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            velden = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(velden[2]) == groep and velden[0] != "Z":
            pids.append(int(stat.parent.name))
    return pids


@pytest.fixture
def veel(tmp_path: Path) -> Path:
    """A project with AANTAL documents."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    for nummer in range(AANTAL):
        tekst = MINIMAAL.replace("Een onderwerp", f"Onderwerp {nummer}")
        (data / f"doc-{nummer:03d}.yaml").write_text(tekst, encoding="utf-8")
    return tmp_path


def start(project: Path) -> subprocess.Popen[str]:
    """A build in 4 workers, in a process group of its own."""
    return subprocess.Popen(
        [str(VOORSTEL), "build", "data", "--out", "uit", "-j", "4", "--format", "docx,md,html"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wacht_op_uitvoer(project: Path, proces: subprocess.Popen[str], aantal: int = 8) -> None:
    """Until a few documents are written (the build is busy in its workers)."""
    grens = time.monotonic() + 60
    while len(list((project / "uit").glob("*.docx"))) < aantal:
        assert proces.poll() is None, "de build was al klaar voor het signaal"
        assert time.monotonic() < grens, "de build schreef niets"
        time.sleep(0.05)


def gemaakt(project: Path) -> set[str]:
    """The documents the state records as built."""
    staat = json.loads((project / "uit" / STAATBESTAND).read_text(encoding="utf-8"))
    return {Path(bron).stem for bron in staat["documenten"]}


def stopt_binnen(proces: subprocess.Popen[str], seconden: float) -> tuple[int, str]:
    try:
        _, fout = proces.communicate(timeout=seconden)
    except subprocess.TimeoutExpired:
        os.killpg(proces.pid, signal.SIGKILL)
        proces.communicate()
        pytest.fail(f"de build stopte niet binnen {seconden} s")
    return proces.returncode, fout


@pytest.mark.parametrize(
    "signalen",
    [[signal.SIGINT], [signal.SIGINT, signal.SIGINT], [signal.SIGTERM]],
    ids=["ctrl-c", "twee-keer-ctrl-c", "sigterm"],
)
def test_onderbroken_build_stopt_en_bewaart_wat_klaar_is(
    veel: Path, signalen: list[signal.Signals]
) -> None:
    proces = start(veel)
    wacht_op_uitvoer(veel, proces)
    for nummer in signalen:
        # Ctrl-C in a terminal reaches the whole foreground group, the workers too
        os.killpg(proces.pid, nummer) if nummer == signal.SIGINT else proces.send_signal(nummer)
        time.sleep(0.1)
    code, fout = stopt_binnen(proces, 10)
    assert code == 130, fout
    regel = fout.strip().splitlines()[-1]
    assert regel.startswith("afgebroken: ") and regel.endswith(
        f"van {AANTAL} documenten waren klaar en zijn bewaard; de volgende build maakt de rest"
    ), fout
    assert "Traceback" not in fout
    assert levend(proces.pid) == []  # no worker left writing
    klaar = gemaakt(veel)
    assert 0 < len(klaar) < AANTAL
    for stam in klaar:  # what the state records is complete
        assert {p.suffix for p in (veel / "uit").glob(f"{stam}.*")} == {".docx", ".md", ".html"}
    assert not list((veel / "uit").rglob(".voorstel-*.tmp"))
    opnieuw = subprocess.run(
        [str(VOORSTEL), "build", "data", "--out", "uit", "--format", "docx,md,html", "-j", "4"],
        cwd=veel,
        capture_output=True,
        text=True,
    )
    assert opnieuw.returncode == 0, opnieuw.stderr
    assert opnieuw.stdout.strip().splitlines()[-1] == (
        f"{AANTAL - len(klaar)} van {AANTAL} documenten gewijzigd, {AANTAL - len(klaar)} gemaakt"
    )


def test_gedode_build_neemt_zijn_werkers_mee(veel: Path) -> None:
    proces = start(veel)
    wacht_op_uitvoer(veel, proces)
    assert len(levend(proces.pid)) > 1  # the build and its workers
    proces.kill()  # SIGKILL: no chance to clean up
    proces.communicate()
    grens = time.monotonic() + 5
    while levend(proces.pid):
        assert time.monotonic() < grens, f"werkers leven nog: {levend(proces.pid)}"
        time.sleep(0.1)


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="de nagemaakte dood van een werker gaat via fork mee naar de werkers",
)
def test_gestorven_werker_kost_alleen_zijn_eigen_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    taken = []
    for nummer in range(12):
        bron = tmp_path / f"doc-{nummer:02d}.yaml"
        bron.write_text(MINIMAAL, encoding="utf-8")
        taken.append((bron, tmp_path))
    echt = build.bouw_bestand

    def bouw(bron: Path, *args: object, **kwargs: object) -> build.Resultaat:
        if bron.name == "doc-05.yaml":
            os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer does
        return echt(bron, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "bouw_bestand", bouw)  # batch looks it up per document
    resultaten = dict(bouw_parallel(taken, Opties(out=tmp_path / "uit", formaten=("md",)), 4))
    assert sorted(resultaten) == list(range(12))  # every document has a result
    mislukt = {taken[i][0].name: r.fout for i, r in resultaten.items() if r.fout is not None}
    assert list(mislukt) == ["doc-05.yaml"]
    assert str(mislukt["doc-05.yaml"]) == (
        f"{taken[5][0]}: het proces dat dit document maakte, stopte onverwacht (gestopt door "
        "het systeem, bijvoorbeeld bij te weinig geheugen, of door een ander programma); de "
        "uitvoer van dit document is niet aangeraakt en de andere documenten zijn gewoon "
        "gemaakt; bouw het opnieuw, of apart met -j 1 om de oorzaak te zien"
    )
    assert len(list((tmp_path / "uit").glob("*.md"))) == 11
