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


def test_elke_genoemde_test_bestaat() -> None:
    """The README names the tests behind its promises; a renamed test must not leave it lying."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    genoemd = set(re.findall(r"`(test_\w+)`", readme))
    assert len(genoemd) > 40
    bestaand: set[str] = set()
    for bestand in (ROOT / "tests").glob("test_*.py"):
        bestaand |= set(re.findall(r"^def (test_\w+)", bestand.read_text(encoding="utf-8"), re.M))
    assert sorted(genoemd - bestaand) == []
