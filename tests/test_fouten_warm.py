"""The fault matrix of the warm LibreOffice (issue 16 part 6): one LibreOffice for the
whole build through its UNO bridge, started once more when it hangs or crashes.

A stand-in for the bridge's Python (nep_brug.py, as VOORSTEL_UNO_PYTHON) speaks lo_brug.py's
JSON lines and dies, hangs or refuses a document when a test says so; no real LibreOffice.
For a start that fails, the stand-in `soffice` of nep_office.py does the --convert-to.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import nep_brug
import nep_office
from conftest import MINIMAAL
from test_fouten_office import _weg, wacht_tot_weg
from voorstel.cli import main
from voorstel.uitvoer import libreoffice, pdf


@pytest.fixture
def brug(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The stand-ins first on PATH and as the UNO Python; the file logging its starts."""
    nep_office.installeer(tmp_path / "bin")
    python = nep_brug.installeer(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv(libreoffice.PYTHON_VARIABELE, str(python))
    log = tmp_path / "starts"
    monkeypatch.setenv("NEP_BRUG_LOG", str(log))
    monkeypatch.setenv("NEP_LOG", str(tmp_path / "soffice"))
    for naam in ("NEP_BRUG", "NEP_BRUG_STARTS", "NEP_GEDRAG", pdf.TIJD_VARIABELE):
        monkeypatch.delenv(naam, raising=False)
    return log


def starts(log: Path) -> list[list[str]]:
    return [json.loads(r) for r in log.read_text().splitlines()] if log.exists() else []


def bron(tmp_path: Path, aantal: int = 3) -> tuple[Path, Path]:
    data, out = tmp_path / "data", tmp_path / "uit"
    data.mkdir()
    for index in range(aantal):
        (data / f"voorstel{index}.yaml").write_text(MINIMAAL, encoding="utf-8")
    return data, out


def bouw(data: Path, out: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["build", str(data), "--out", str(out), "--format", "pdf", "-j", "1"]
    )
    return result.exit_code, result.stdout, result.stderr


def test_een_warme_libreoffice_voor_de_hele_build(tmp_path: Path, brug: Path) -> None:
    data, out = bron(tmp_path)
    code, stdout, stderr = bouw(data, out)
    assert (code, stderr) == (0, "")
    assert stdout.endswith("3 van 3 documenten gemaakt\n")
    [start] = starts(brug)
    assert start[0] == str(libreoffice.BRUG)
    profiel = out / ".voorstel-cache" / "libreoffice"
    assert start[2] == profiel.resolve().as_uri()  # kept in the build folder
    for index in range(3):
        assert (out / f"voorstel{index}.pdf").read_bytes() == nep_office.pdf(f"{index:05d}")
    assert not (tmp_path / "soffice").exists()  # no --convert-to


def test_een_crash_halverwege_start_libreoffice_eenmaal_opnieuw(
    tmp_path: Path, brug: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, out = bron(tmp_path)
    monkeypatch.setenv("NEP_BRUG", "sterft:2")
    code, stdout, stderr = bouw(data, out)
    assert code == 1
    assert stderr.startswith(
        "LibreOffice stopte onverwacht bij het omzetten (door signaal 9, SIGKILL); voorstel1.pdf "
        "is niet "
        "gemaakt, en de eerdere uitvoer is niet aangeraakt; LibreOffice is opnieuw gestart "
        "voor de documenten erna; probeer het opnieuw\nLibreOffice meldde:\n    nepbrug: crash"
    )
    assert stdout.endswith("2 van 3 documenten gemaakt\n")
    assert len(starts(brug)) == 2
    assert (out / "voorstel0.pdf").is_file() and (out / "voorstel2.pdf").is_file()
    assert not (out / "voorstel1.pdf").exists() and not (out / "voorstel1.docx").exists()
    assert not list(out.glob("*.tmp"))  # no half-written files
    monkeypatch.delenv("NEP_BRUG")
    code, stdout, _ = bouw(data, out)  # the next build makes only the one that failed
    assert code == 0 and stdout.endswith("1 van 3 documenten gewijzigd, 1 gemaakt\n")


def test_een_vastgelopen_libreoffice_wordt_met_zijn_groep_gestopt_en_herstart(
    tmp_path: Path, brug: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, out = bron(tmp_path)
    pids = tmp_path / "pids"
    monkeypatch.setenv("NEP_BRUG", "hangt:1")
    monkeypatch.setenv("NEP_PIDS", str(pids))
    monkeypatch.setenv(pdf.TIJD_VARIABELE, "1")
    monkeypatch.setattr(pdf, "GEDULD", 0.5)
    begin = time.monotonic()
    code, stdout, stderr = bouw(data, out)
    assert time.monotonic() - begin < 15
    assert code == 1
    assert stderr.startswith(
        "LibreOffice gaf bij het omzetten binnen 1 seconde geen antwoord; het is gestopt, met "
        "alle processen die het startte; voorstel0.pdf is niet gemaakt"
    )
    assert stdout.endswith("2 van 3 documenten gemaakt\n"), stderr
    processen = [int(p) for p in pids.read_text().split()]
    wacht_tot_weg(*processen)
    for pid in processen:
        assert _weg(pid), f"proces {pid} loopt nog"
    assert len(starts(brug)) == 2
    assert (out / "voorstel1.pdf").is_file() and (out / "voorstel2.pdf").is_file()


def test_twee_keer_mis_geeft_de_rest_op(
    tmp_path: Path, brug: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Restarted once only: after a second crash the documents left are reported with it."""
    data, out = bron(tmp_path, 4)
    monkeypatch.setenv("NEP_BRUG", "sterft:1")
    monkeypatch.setenv("NEP_BRUG_STARTS", "1,2")
    code, stdout, stderr = bouw(data, out)
    assert code == 1
    assert len(starts(brug)) == 2
    assert "voorstel0.pdf is niet gemaakt" in stderr
    assert (
        "3 PDF's zijn niet gemaakt (voorstel1.pdf, voorstel2.pdf en voorstel3.pdf), en de "
        "eerdere uitvoer is niet aangeraakt; probeer het opnieuw; het ging ook na een nieuwe "
        "start van LibreOffice mis"
    ) in stderr
    assert stdout.endswith("0 van 4 documenten gemaakt\n")
    assert not list(out.glob("*.pdf"))


def test_een_geweigerd_document_is_een_fout_van_dat_document(
    tmp_path: Path, brug: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, out = bron(tmp_path)
    monkeypatch.setenv("NEP_BRUG", "weigert:2")
    code, stdout, stderr = bouw(data, out)
    assert code == 1
    assert "LibreOffice kon voorstel1.docx niet omzetten naar PDF; LibreOffice meldde " in stderr
    assert "'IOException: kapot bestand'" in stderr
    assert stdout.endswith("2 van 3 documenten gemaakt\n")
    assert len(starts(brug)) == 1  # LibreOffice itself went on


def test_start_die_niet_lukt_zet_om_met_convert_to(
    tmp_path: Path, brug: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm LibreOffice that does not start (twice: the second time with a new profile)
    leaves the build to `soffice --convert-to`."""
    data, out = bron(tmp_path, 2)
    (out / ".voorstel-cache" / "libreoffice").mkdir(parents=True)
    monkeypatch.setenv("NEP_BRUG", "start")
    monkeypatch.setenv("NEP_BRUG_STARTS", "1,2")
    code, stdout, stderr = bouw(data, out)
    assert (code, stderr) == (0, "")
    assert stdout.endswith("2 van 2 documenten gemaakt\n")
    assert len(starts(brug)) == 2
    assert not (out / ".voorstel-cache" / "libreoffice").exists()  # the broken profile
    [aanroep] = [p.read_text().splitlines() for p in tmp_path.glob("soffice.*")]
    assert "--convert-to" in aanroep
    assert (out / "voorstel0.pdf").is_file() and (out / "voorstel1.pdf").is_file()


def test_een_tweede_bouw_in_dezelfde_map_krijgt_een_eigen_profiel(tmp_path: Path) -> None:
    """Two LibreOffices on one profile would hand their work to each other: while one build
    holds the kept profile, another gets a new one in its temporary folder."""
    cache, werk = tmp_path / "uit" / ".voorstel-cache", tmp_path / "werk"
    with libreoffice.profiel_in(cache, werk) as eerste:
        assert eerste == cache / "libreoffice"
        with libreoffice.profiel_in(cache, werk) as tweede:
            assert tweede == werk / "profiel"
    with libreoffice.profiel_in(cache, werk) as daarna:
        assert daarna == cache / "libreoffice"  # free again
    with libreoffice.profiel_in(None, werk) as zonder:
        assert zonder == werk / "profiel"


def test_het_einde_van_een_vorige_start_stopt_de_nieuwe_niet(tmp_path: Path, brug: Path) -> None:
    """The output of a LibreOffice that was stopped may end only after the new one started
    (on a busy machine a hung one takes a while to go): that end belongs to the old start and
    must not read as the new one stopping."""
    warm = libreoffice.WarmeLibreOffice(
        str(tmp_path / "bin" / "nepbrug"),
        "soffice",
        tmp_path / "profiel",
        tmp_path / "werk",
        tijd_start=10,
        tijd_document=10,
        stop=pdf.stop,
    )
    warm.start()
    oud = warm.proces
    assert oud is not None
    warm.proces = None  # started again while the old one is still there
    warm.start()
    oud.kill()  # now the old one's output ends
    oud.wait()
    time.sleep(0.2)  # its reader has seen the end
    docx = tmp_path / "voorstel0.docx"
    docx.write_bytes(b"docx")
    warm.zet_om(docx, tmp_path / "voorstel0.pdf", {})
    assert (tmp_path / "voorstel0.pdf").read_bytes() == nep_office.pdf("voorstel0")
    warm.sluit()
