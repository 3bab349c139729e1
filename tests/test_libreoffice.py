"""The Word output opens in LibreOffice and its PDF reads like the seed.

Skipped where soffice or pdftotext is missing, except in CI (CI=true), where it must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

VERWACHT = [
    "COLLEGEVOORSTEL",
    "5 december 2024",
    "1060308",
    "€ 70.000",
    "€ 11.326,00",
    "Kosten JIM januari t/m juni 2025",
    "1.1 Dit voorstel past binnen de bestuurlijke opgave",
]


def programma(naam: str) -> str:
    path = shutil.which(naam)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{naam} ontbreekt in CI; installeer libreoffice-writer-nogui en poppler-utils"
            )
        pytest.skip(f"{naam} niet geïnstalleerd")
    return path


def test_docx_wordt_pdf_met_de_juiste_tekst(gebouwd: dict[str, Path], tmp_path: Path) -> None:
    soffice, pdftotext = programma("soffice"), programma("pdftotext")
    profiel = tmp_path / "profiel"  # private profile: parallel runs do not share a lock
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profiel.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(gebouwd[".docx"]),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "jim-oosterhout.pdf"
    assert pdf.is_file()
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for fragment in VERWACHT:
        assert fragment in text, fragment
    assert "{{" not in text and "{%" not in text
