"""PDF through LibreOffice: one process per build, atomic writes, PDF/A-2, clear errors.

The tests with a stand-in `soffice` (nep_office.py on PATH, which records how it was
called and writes small whole PDFs) run everywhere; those with the real LibreOffice skip
where it is missing, except in CI (CI=true), where they must run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import nep_office
from conftest import MINIMAAL, VOORBEELD, libreoffice_starts, uno_python
from voorstel.bouwen.build import bouw
from voorstel.cli import main
from voorstel.kern.errors import PdfFout
from voorstel.uitvoer import libreoffice, omzetters, pdf


def programma(naam: str) -> str:
    path = shutil.which(naam)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{naam} ontbreekt in CI; installeer libreoffice-writer-nogui")
        pytest.skip(f"{naam} niet geïnstalleerd")
    return path


@pytest.fixture
def nep_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put the stand-in first on PATH; return the prefix of its call logs."""
    bin_map = tmp_path / "bin"
    nep_office.installeer(bin_map)
    monkeypatch.setenv("PATH", f"{bin_map}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("VOORSTEL_UNO_PYTHON", "")  # the stand-in: --convert-to only
    log = tmp_path / "aanroep"
    monkeypatch.setenv("NEP_LOG", str(log))
    return log


def _aanroepen(log: Path) -> list[list[str]]:
    return [p.read_text().splitlines() for p in sorted(log.parent.glob(log.name + ".*"))]


def _documenten(root: Path, aantal: int) -> Path:
    """A folder with `aantal` documents, two of them in subfolders with the same name."""
    for index in range(aantal):
        path = root / "data" / f"map{index % 2}" / f"voorstel{index // 2}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(MINIMAAL.replace("Een onderwerp", f"Onderwerp {index}"), "utf-8")
    return root / "data"


def test_een_proces_voor_de_hele_batch(tmp_path: Path, nep_soffice: Path) -> None:
    data = _documenten(tmp_path, 4)
    out = tmp_path / "uit"
    resultaten = bouw([data], out, ("pdf",))
    assert all(r.gelukt for r in resultaten)
    [aanroep] = _aanroepen(nep_soffice)
    assert aanroep[0].startswith("-env:UserInstallation=file://")
    assert "--headless" in aanroep
    filter_ = aanroep[aanroep.index("--convert-to") + 1]
    assert filter_ == (
        'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},'
        '"DisplayPDFDocumentTitle":{"type":"boolean","value":"true"},'
        '"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
    )
    assert sum(a.endswith(".docx") for a in aanroep) == 4
    geschreven = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert geschreven == [
        "map0/voorstel0.pdf",
        "map0/voorstel1.pdf",
        "map1/voorstel0.pdf",
        "map1/voorstel1.pdf",
    ]
    # each PDF is its own document's, even with equal names in different folders
    inhoud = {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.pdf")}
    assert len(set(inhoud.values())) == 4


def test_pdfa_kiest_pdf_a_2(tmp_path: Path, nep_soffice: Path) -> None:
    bouw([_documenten(tmp_path, 1)], tmp_path / "uit", ("pdf",), pdfa=True)
    [aanroep] = _aanroepen(nep_soffice)
    filter_ = aanroep[aanroep.index("--convert-to") + 1]
    assert '"SelectPdfVersion":{"type":"long","value":"2"}' in filter_
    assert "PDFUACompliance" not in filter_


def test_pdfua_vraagt_pdf_ua(tmp_path: Path, nep_soffice: Path) -> None:
    """--pdfua asks LibreOffice for PDF/UA; with --pdfa both (PDF/A-2b and PDF/UA-1)."""
    bouw([_documenten(tmp_path, 1)], tmp_path / "uit", ("pdf",), pdfua=True)
    bouw([_documenten(tmp_path, 1)], tmp_path / "uit2", ("pdf",), pdfa=True, pdfua=True)
    ua, beide = (a[a.index("--convert-to") + 1] for a in _aanroepen(nep_soffice))
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in ua
    assert "SelectPdfVersion" not in ua
    assert '"PDFUACompliance":{"type":"boolean","value":"true"}' in beide
    assert '"SelectPdfVersion":{"type":"long","value":"2"}' in beide


def test_pdfua_op_de_opdrachtregel_maakt_pdf(tmp_path: Path, nep_soffice: Path) -> None:
    out = tmp_path / "uit"
    result = CliRunner().invoke(
        main,
        ["build", str(_documenten(tmp_path, 1)), "--out", str(out), "--format", "md", "--pdfua"],
    )
    assert result.exit_code == 0, result.output
    [aanroep] = _aanroepen(nep_soffice)
    assert "PDFUACompliance" in aanroep[aanroep.index("--convert-to") + 1]
    assert sorted(p.name for p in out.rglob("*") if p.is_file() and p.parent != out) == [
        "voorstel0.md",
        "voorstel0.pdf",
    ]


def test_mislukte_omzetting_is_een_fout_van_dat_document(
    tmp_path: Path, nep_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEP_FAAL", "00001")  # the second document in the batch
    data = _documenten(tmp_path, 3)
    out = tmp_path / "uit"
    resultaten = bouw([data], out, ("docx", "pdf"))
    assert [r.gelukt for r in resultaten] == [True, False, True]
    fout = resultaten[1].fout
    assert isinstance(fout, PdfFout)
    assert str(fout) == (
        f"{resultaten[1].bron}: LibreOffice kon voorstel1.docx niet omzetten naar PDF; open het "
        "in Word of LibreOffice om te zien wat eraan mankeert"
    )
    assert not (out / "map0" / "voorstel1.pdf").exists()  # nothing half-made
    assert not (out / "map0" / "voorstel1.docx").exists()  # nor its Word output
    assert (out / "map0" / "voorstel0.docx").exists()
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]  # no temporary files


def test_docx_alleen_als_gevraagd(tmp_path: Path, nep_soffice: Path) -> None:
    out = tmp_path / "uit"
    bouw([_documenten(tmp_path, 1)], out, ("md", "pdf"))
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == [
        "voorstel0.md",
        "voorstel0.pdf",
    ]


def test_zonder_libreoffice_een_duidelijke_fout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _naam: None)
    out = tmp_path / "uit"
    result = CliRunner().invoke(
        main, ["build", str(VOORBEELD), "--out", str(out), "--format", "docx,pdf"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "LibreOffice (soffice) is niet gevonden, en is nodig voor PDF; installeer LibreOffice "
        "(Debian/Ubuntu: 'apt-get install libreoffice-writer-nogui', macOS/Windows: "
        "libreoffice.org) of maak geen PDF (laat --format pdf en --pdfa weg)\n"
    )
    assert not out.exists()  # said before anything was built


def test_apart_zet_word_opzij() -> None:
    outputs = {Path("a/x.docx"): b"docx", Path("a/x.md"): b"md"}
    bronnen: dict[Path, bytes] = {}
    assert omzetters.apart(outputs, ("md", "pdf"), bronnen) == {Path("a/x.md"): b"md"}
    assert bronnen == {Path("a/x.pdf"): b"docx"}
    assert omzetters.apart(outputs, ("docx", "md"), {}) == outputs
    assert omzetters.bronformaten(("md", "pdf")) == ["md", "docx"]
    assert omzetters.bronformaten(("docx", "pdf")) == ["docx"]


def test_omzetters_achter_een_interface() -> None:
    (omzetter,) = omzetters.omzetters(("md", "pdf"), pdfa=True)
    assert isinstance(omzetter, omzetters.PdfOmzetter) and omzetter.pdfa
    assert (omzetter.naam, omzetter.bron) == ("pdf", "docx")
    assert omzetters.omzetters(("docx", "md")) == []


def _echte_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pdfa: bool, warm: bool) -> Path:
    """The example as PDF by the real LibreOffice: `warm` through its UNO bridge, else with
    `soffice --convert-to`; in one LibreOffice either way."""
    programma("soffice")
    if warm:
        uno_python()
    else:
        monkeypatch.setenv(libreoffice.PYTHON_VARIABELE, "")
    aanroepen = libreoffice_starts(monkeypatch)
    out = tmp_path / "uit"
    [resultaat] = bouw([VOORBEELD], out, ("pdf",), pdfa=pdfa)
    assert resultaat.gelukt, str(resultaat.fout)
    [aanroep] = aanroepen
    assert (str(libreoffice.BRUG) in aanroep) == warm
    return out / "jim-oosterhout.pdf"


def test_echte_pdf_a_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PDF/A-2 through the warm LibreOffice: the export options go over the UNO bridge."""
    data = _echte_pdf(tmp_path, monkeypatch, pdfa=True, warm=True).read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"<pdfaid:part>2</pdfaid:part>" in data  # XMP metadata declares PDF/A-2


def test_echte_pdf_a_2_met_convert_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _echte_pdf(tmp_path, monkeypatch, pdfa=True, warm=False).read_bytes()
    assert b"<pdfaid:part>2</pdfaid:part>" in data


@pytest.mark.parametrize("warm", [True, False], ids=["warm", "convert-to"])
def test_echte_pdf_zonder_pdfa_is_geen_pdf_a(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm: bool
) -> None:
    data = _echte_pdf(tmp_path, monkeypatch, pdfa=False, warm=warm).read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"pdfaid:part" not in data


SLEUTEL = """\
soort: verdeelsleutel
naam: Sleutel
eenheid: euro
componenten:
  - naam: Verdeelsleutel
    aandeel: "100%"
    gewichten:
      Aadorp: "40%"
      Beekdorp: "60%"
"""


def test_mislukte_pdf_laat_alle_oude_uitvoer_en_meldt_elke_fout(
    tmp_path: Path, nep_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "sleutel.yaml").write_text(SLEUTEL, "utf-8")
    regio = "regio:\n  naam: Regio Test\n  verdeelsleutel: sleutel.yaml\n  varianten: true\n"
    bron = data / "voorstel.yaml"
    bron.write_text(MINIMAAL + regio, "utf-8")
    out = tmp_path / "uit"
    assert all(r.gelukt for r in bouw([bron], out, ("docx", "pdf")))
    oud = {p.name: p.read_bytes() for p in out.iterdir()}
    assert sorted(oud) == sorted(
        f"voorstel{v}.{f}" for v in ("", "-aadorp", "-beekdorp") for f in ("docx", "pdf")
    )
    bron.write_text(MINIMAAL.replace("Een onderwerp", "Ander onderwerp") + regio, "utf-8")
    monkeypatch.setattr(pdf, "converteer", lambda bronnen, *_: [pdf.Mislukt()] * len(bronnen))
    [resultaat] = bouw([bron], out, ("docx", "pdf"))
    assert resultaat.fout is not None
    assert [p.message.split(";")[0] for p in resultaat.fout.problemen] == [
        f"LibreOffice kon {naam}.docx niet omzetten naar PDF"
        for naam in ("voorstel", "voorstel-aadorp", "voorstel-beekdorp")
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == oud  # no new .docx, no temps
