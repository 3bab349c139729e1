"""Shared fixtures: small YAML file trees and the built example."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from voorstel.bouwen.build import bouw_bestand

ROOT = Path(__file__).resolve().parents[1]


def libreoffice_starts(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every LibreOffice a build starts from now on (a `soffice --convert-to` run or the
    warm LibreOffice's bridge), by its command line."""
    import subprocess

    from voorstel.uitvoer import libreoffice

    starts: list[list[str]] = []
    echt = subprocess.Popen

    def tel(*args: Any, **kwargs: Any) -> Any:
        if "--convert-to" in args[0] or str(libreoffice.BRUG) in args[0]:
            starts.append(args[0])
        return echt(*args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", tel)
    return starts


def uno_python() -> str:
    """The Python with LibreOffice's UNO bridge that a build uses for its warm LibreOffice;
    in CI a failure when it is missing (.ci/run installs python3-uno), elsewhere a skip."""
    from voorstel.uitvoer import libreoffice

    gevonden = libreoffice.uno_python(shutil.which("soffice") or "soffice")
    if gevonden is None:
        if os.environ.get("CI") == "true":
            pytest.fail("geen Python met LibreOffice's UNO-brug in CI; installeer python3-uno")
        pytest.skip("geen Python met LibreOffice's UNO-brug (python3-uno)")
    return gevonden


VOORBEELD = ROOT / "data" / "wbo" / "jim.yaml"

MINIMAAL = """\
soort: collegevoorstel
kopblok:
  datum: 2024-12-05
  zaaknummer: "1060308"
onderwerp: Een onderwerp
beslispunten:
  - Iets te besluiten.
samenvatting: Een korte samenvatting.
"""
"""The smallest valid collegevoorstel; tests add or change lines."""


def build_file_tree(root: Path, spec: dict[str, str | bytes]) -> dict[str, Path]:
    """Write {relative path: text} under root (text dedented); return the paths."""
    paths = {}
    for name, content in spec.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        paths[name] = path
    return paths


@pytest.fixture
def tree(tmp_path: Path) -> Callable[[dict[str, str | bytes]], dict[str, Path]]:
    """build_file_tree bound to this test's tmp_path."""

    def make(spec: dict[str, str | bytes]) -> dict[str, Path]:
        return build_file_tree(tmp_path, spec)

    return make


@pytest.fixture(scope="session")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example's Oosterhout variant (the seed's copy) built once, .docx and .md by suffix."""
    out = tmp_path_factory.mktemp("build")
    resultaat = bouw_bestand(VOORBEELD, out)
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.waarschuwingen == []
    return {p.suffix: p for p in resultaat.geschreven if p.stem == "jim-oosterhout"}


def word_tabel(document: Any, view: Any, proza: Any = None) -> None:
    """A computed table as the Word renderer writes it (uitvoer.tabel.docx_tabel, its
    WordprocessingML), added to the body of a python-docx document."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    from voorstel.uitvoer.tabel import docx_tabel

    soorten = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "table": WD_STYLE_TYPE.TABLE}

    def stijl_id(naam: str, soort: str) -> Any:
        return document.part.get_style_id(naam, soorten[soort])

    xml = docx_tabel(view, stijl_id, proza)
    body = parse_xml(
        f'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"{xml}</w:body>"
    )
    sect_pr = document.element.body.sectPr
    for element in list(body):
        if sect_pr is not None:
            sect_pr.addprevious(element)
        else:
            document.element.body.append(element)
