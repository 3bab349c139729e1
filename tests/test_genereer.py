"""The committed Word templates are exactly what templates/genereer.py makes."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT

SJABLONEN = ROOT / "templates"


def genereer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("genereer", SJABLONEN / "genereer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def onderdeel(docx: Path, naam: str) -> bytes:
    with zipfile.ZipFile(docx) as archive:
        return archive.read(naam)


@pytest.mark.parametrize(
    "naam", ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml"]
)
def test_sjablonen_komen_uit_genereer(tmp_path: Path, naam: str) -> None:
    """If this fails: run `make templates` and commit the regenerated document.docx."""
    module = genereer()
    module.main(tmp_path)
    for soort in module.SOORTEN:
        gemaakt = tmp_path / soort / "document.docx"
        assert onderdeel(gemaakt, naam) == onderdeel(SJABLONEN / soort / "document.docx", naam)
