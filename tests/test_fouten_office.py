"""The fault matrix, PDF through LibreOffice (cases 9, 10, 21).

Each test puts a stand-in `soffice` first on PATH (nep_office.py: hangs, crashes half-way
through a PDF, makes nothing, or makes garbage), builds a document whose good PDF is
already in the output folder, and checks the Dutch message, exit code 1, that the good
PDF is untouched, and that the next build tries the document again. No real LibreOffice.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

import nep_office
from conftest import MINIMAAL
from voorstel.cli import main
from voorstel.uitvoer import pdf

GOED = nep_office.pdf("00000")
"""The PDF the stand-in makes of the first (here: only) document of a run."""


@dataclass
class Eerder:
    """A document built once with a good PDF: its source, output folder and that PDF."""

    bron: Path
    out: Path
    pdf: Path
    data: bytes
    mtime_ns: int

    def onaangeroerd(self) -> bool:
        return (self.pdf.read_bytes(), self.pdf.stat().st_mtime_ns) == (self.data, self.mtime_ns)

    def staat(self) -> dict[str, object]:
        """What the state in the output folder records of the document."""
        documenten = json.loads((self.out / ".voorstel-staat.json").read_text())["documenten"]
        return dict(documenten[os.path.abspath(self.bron)])


@pytest.fixture
def nep(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in first on PATH, doing its good work until a test says otherwise."""
    nep_office.installeer(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("VOORSTEL_UNO_PYTHON", "")  # the stand-in: --convert-to only
    for naam in ("NEP_GEDRAG", "NEP_LOG", "NEP_FAAL", "NEP_HEEL", "NEP_CODE", pdf.TIJD_VARIABELE):
        monkeypatch.delenv(naam, raising=False)


def bouw(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", *args, "--format", "pdf", "-j", "1"])
    return result.exit_code, result.stdout, result.stderr


def eerst_goed(tmp_path: Path, aantal: int = 1) -> list[Eerder]:
    """`aantal` documents in data/, built once with the stand-in's good PDFs."""
    data, out = tmp_path / "data", tmp_path / "uit"
    data.mkdir()
    for index in range(aantal):
        (data / f"voorstel{index or ''}.yaml").write_text(MINIMAAL, encoding="utf-8")
    code, stdout, stderr = bouw(str(data), "--out", str(out))
    assert code == 0, stdout + stderr
    eerder = []
    for bron in sorted(data.iterdir()):
        uit = out / f"{bron.stem}.pdf"
        eerder.append(Eerder(bron, out, uit, uit.read_bytes(), uit.stat().st_mtime_ns))
    assert eerder[0].data == GOED
    return eerder


def daarna_opnieuw(monkeypatch: pytest.MonkeyPatch, *eerder: Eerder, totaal: int = 0) -> None:
    """With LibreOffice working again, the next build (no --force) makes these PDFs again
    (of `totaal` documents, if there are more): the failed build did not record them as up
    to date."""
    for document in eerder:
        assert "instellingen" not in document.staat()  # forgotten: to be built again
    monkeypatch.setenv("NEP_GEDRAG", "goed")
    code, stdout, stderr = bouw(str(eerder[0].bron.parent), "--out", str(eerder[0].out))
    assert (code, stderr) == (0, "")
    for document in eerder:
        assert f"geschreven: {document.pdf}" in stdout
    n = len(eerder)
    if totaal:
        assert stdout.endswith(f"{n} van {totaal} documenten gewijzigd, {n} gemaakt\n")
    else:
        assert stdout.endswith(f"{n} van {n} documenten gemaakt\n")


def _weg(pid: int) -> bool:
    """Whether a process is gone (a zombie nobody reaped yet counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")


def wacht_tot_weg(*pids: int) -> None:
    """Wait (at most 2 s) until these processes are gone: SIGKILL is delivered at once,
    dying takes the kernel a moment."""
    for _ in range(40):
        if all(_weg(pid) for pid in pids):
            return
        time.sleep(0.05)


def test_vastgelopen_libreoffice_wordt_met_zijn_hele_groep_gestopt(
    tmp_path: Path, nep: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case 10: a hung LibreOffice took 120 s + 30 s per document, and then only the direct
    child was killed, while soffice.bin went on. Now the whole process group is stopped
    (SIGTERM, then SIGKILL for what ignores that) after VOORSTEL_PDF_TIJD seconds."""
    [eerder] = eerst_goed(tmp_path)
    pids = tmp_path / "pids"
    monkeypatch.setenv("NEP_GEDRAG", "hangt")
    monkeypatch.setenv("NEP_PIDS", str(pids))
    monkeypatch.setenv(pdf.TIJD_VARIABELE, "1")
    monkeypatch.setattr(pdf, "GEDULD", 0.5)
    begin = time.monotonic()
    code, stdout, stderr = bouw(str(eerder.bron), "--out", str(eerder.out), "--force")
    duur = time.monotonic() - begin
    assert code == 1
    assert stderr == (
        "LibreOffice gaf binnen 1 seconde geen antwoord; het is gestopt, met alle processen die "
        "het startte; voorstel.pdf is niet gemaakt, en de eerdere uitvoer is niet aangeraakt; "
        "probeer het opnieuw, of geef LibreOffice meer tijd met de "
        "omgevingsvariabele VOORSTEL_PDF_TIJD (in seconden, bijvoorbeeld VOORSTEL_PDF_TIJD=2)\n"
        "LibreOffice meldde:\n"
        "    nep: bezig met omzetten\n"
    )
    assert stdout == "0 van 1 documenten gemaakt\n"
    assert duur < 10
    soffice, kind = (int(pid) for pid in pids.read_text().split())
    wacht_tot_weg(soffice, kind)
    assert _weg(soffice), "soffice loopt nog"
    assert _weg(kind), "het proces dat soffice startte (soffice.bin) loopt nog"
    assert eerder.onaangeroerd()
    daarna_opnieuw(monkeypatch, eerder)


def test_tijd_schaalt_met_het_aantal_documenten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pdf.TIJD_VARIABELE, raising=False)
    assert pdf.tijd(1) == 65
    assert pdf.tijd(100) == 560  # was 120 + 30 * 100 = 3120 s, 52 minutes
    monkeypatch.setenv(pdf.TIJD_VARIABELE, "900")
    assert pdf.tijd(100) == 900


def test_tijd_die_geen_getal_is_stopt_voor_het_bouwen(
    tmp_path: Path, nep: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "voorstel.yaml").write_text(MINIMAAL, encoding="utf-8")
    monkeypatch.setenv(pdf.TIJD_VARIABELE, "vijf")
    code, _, stderr = bouw(str(tmp_path / "voorstel.yaml"), "--out", str(tmp_path / "uit"))
    assert code == 1
    assert stderr == (
        "VOORSTEL_PDF_TIJD='vijf' is geen aantal seconden; geef een heel getal groter dan 0 "
        "(bijvoorbeeld VOORSTEL_PDF_TIJD=600), of laat het weg: dan krijgt LibreOffice 60 "
        "seconden plus 5 per document\n"
    )
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize(
    ("code", "afloop"),
    [
        ("1", "LibreOffice stopte met foutcode 1"),
        ("SIGSEGV", "LibreOffice liep vast (het stopte door signaal 11, SIGSEGV)"),
    ],
)
def test_afgebroken_pdf_is_geen_pdf(
    tmp_path: Path, nep: None, monkeypatch: pytest.MonkeyPatch, code: str, afloop: str
) -> None:
    """Cases 9 and 21: LibreOffice crashed half-way through a PDF; what it left was taken as
    the PDF, written over the good one and recorded as up to date, and LibreOffice's error
    output thrown away. Now its exit status counts, and what it said is shown (escaped)."""
    [eerder] = eerst_goed(tmp_path)
    monkeypatch.setenv("NEP_GEDRAG", "half")
    monkeypatch.setenv("NEP_CODE", code)
    uitkomst, stdout, stderr = bouw(str(eerder.bron), "--out", str(eerder.out), "--force")
    assert uitkomst == 1
    assert stderr == (
        f"{afloop}; voorstel.pdf is niet gemaakt, en de eerdere uitvoer is niet aangeraakt; "
        "probeer het opnieuw\n"
        "LibreOffice meldde:\n"
        "    U+001B[31mfatal error: Segmentation faultU+001B[0m\n"
    )
    assert stdout == "0 van 1 documenten gemaakt\n"
    assert eerder.onaangeroerd()
    daarna_opnieuw(monkeypatch, eerder)


def test_crash_halverwege_houdt_de_goede_pdfs(
    tmp_path: Path, nep: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash at the second of three documents: the first one's PDF (whole, pypdf reads it)
    is written; the other two fail with the one message about LibreOffice."""
    eerste, tweede, derde = eerst_goed(tmp_path, 3)
    monkeypatch.setenv("NEP_GEDRAG", "half")
    monkeypatch.setenv("NEP_HEEL", "1")
    code, stdout, stderr = bouw(str(eerste.bron.parent), "--out", str(eerste.out), "--force")
    assert code == 1
    assert stderr == (
        "LibreOffice stopte met foutcode 1; 2 PDF's zijn niet gemaakt (voorstel1.pdf en "
        "voorstel2.pdf), en de eerdere uitvoer is niet aangeraakt; probeer het opnieuw\n"
        "LibreOffice meldde:\n"
        "    U+001B[31mfatal error: Segmentation faultU+001B[0m\n"
    )
    assert stdout == f"geschreven: {eerste.pdf}\n1 van 3 documenten gemaakt\n"
    assert not eerste.onaangeroerd() and eerste.pdf.read_bytes() == GOED
    assert "instellingen" in eerste.staat()
    assert tweede.onaangeroerd() and derde.onaangeroerd()
    daarna_opnieuw(monkeypatch, tweede, derde, totaal=3)


def test_libreoffice_zonder_uitvoer_is_een_melding_niet_een_per_document(
    tmp_path: Path, nep: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Case 21: LibreOffice that exited 0 and made nothing blamed every document ("open het
    in Word om te zien wat eraan mankeert"), and threw its own error output away. Now it
    is one message about LibreOffice, with what LibreOffice said."""
    eerder = eerst_goed(tmp_path, 3)
    monkeypatch.setenv("NEP_GEDRAG", "leeg")
    code, stdout, stderr = bouw(str(eerder[0].bron.parent), "--out", str(eerder[0].out), "--force")
    assert code == 1
    assert stderr == (
        "LibreOffice stopte zonder foutcode, maar maakte geen enkele PDF; 3 PDF's zijn niet "
        "gemaakt (voorstel.pdf, voorstel1.pdf en voorstel2.pdf), en de eerdere uitvoer is niet "
        "aangeraakt; probeer het opnieuw; lukt het weer niet, controleer "
        "dan of LibreOffice Writer geïnstalleerd is en zelf werkt (Debian/Ubuntu: "
        "libreoffice-writer-nogui)\n"
        "LibreOffice meldde:\n"
        "    Error: source file could not be loaded\n"
        "    Error: source file could not be loaded\n"
        "    Error: source file could not be loaded\n"
    )
    assert "Word" not in stderr
    assert stdout == "0 van 3 documenten gemaakt\n"
    assert all(document.onaangeroerd() for document in eerder)
    daarna_opnieuw(monkeypatch, *eerder)


def test_rommel_is_geen_pdf(tmp_path: Path, nep: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Case 9: LibreOffice exited 0 with bytes that are no PDF; they were written as the
    PDF and recorded as up to date. Now pypdf must read it, or it fails its document."""
    [eerder] = eerst_goed(tmp_path)
    monkeypatch.setenv("NEP_GEDRAG", "rommel")
    code, stdout, stderr = bouw(str(eerder.bron), "--out", str(eerder.out), "--force")
    assert code == 1
    assert stderr == (
        f"{eerder.bron}: LibreOffice kon voorstel.docx niet omzetten naar PDF; wat LibreOffice "
        "maakte is geen leesbare PDF (afgebroken of beschadigd); open het in Word of "
        "LibreOffice om te zien wat eraan mankeert\n"
    )
    assert stdout == "0 van 1 documenten gemaakt\n"
    assert eerder.onaangeroerd()
    daarna_opnieuw(monkeypatch, eerder)


def test_bruikbaar() -> None:
    assert pdf.bruikbaar(GOED)
    assert not pdf.bruikbaar(GOED[: len(GOED) // 2])
    assert not pdf.bruikbaar(GOED[: len(GOED) // 2] + b"\n%%EOF\n")  # the end alone is not it
    assert not pdf.bruikbaar(b"%PDF-1.6\n%%EOF\n")
    assert not pdf.bruikbaar(b"")
