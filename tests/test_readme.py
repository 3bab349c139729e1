"""The example in the README is a valid collegevoorstel, so the manual cannot drift."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from conftest import ROOT
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]


def test_readme_voorbeeld_is_geldig(tree: Tree) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blokken = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    voorbeeld = next(b for b in blokken if b.startswith("soort: "))
    path = tree({"readme.yaml": voorbeeld})["readme.yaml"]
    gevalideerd = validate(load(path))
    assert gevalideerd.waarschuwingen == []
