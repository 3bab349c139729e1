"""Bijlagen keep the numbers the data gives them ("Bijlage 5"), in the list and in the
'BIJLAGE n: titel' heading of a bijlage with content; without numbers they count 1..n."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAAL
from test_render_docx import alineas
from voorstel.bouwen.build import bouw_bestand
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

INHOUD = "    inhoud:\n      - tekst: De inhoud van de bijlage.\n"


def bouw(tree: Tree, bijlagen: str) -> dict[str, Path]:
    bron = tree({"doc.yaml": MINIMAAL + "bijlagen:\n" + bijlagen})["doc.yaml"]
    resultaat = bouw_bestand(bron, bron.parent / "build")
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.suffix: p for p in resultaat.geschreven}


def problemen(tree: Tree, bijlagen: str) -> list[str]:
    path = tree({"doc.yaml": MINIMAAL + "bijlagen:\n" + bijlagen})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


def teksten(docx: Path) -> list[str]:
    return [t for _, _, t in alineas(docx)]


def test_eigen_nummers_blijven_staan(tree: Tree) -> None:
    uit = bouw(
        tree,
        "  - nummer: 5\n    titel: Inspectierapport\n    omschrijving: 12 november 2024\n"
        + INHOUD
        + "  - titel: Kostenraming\n"
        "  - nummer: 9\n    titel: Begrotingswijziging\n",
    )
    word = teksten(uit[".docx"])
    lijst = word[word.index("Bijlagen") + 1 :][:3]
    assert lijst == [
        "Bijlage 5: Inspectierapport (12 november 2024)",
        "Bijlage 6: Kostenraming",
        "Bijlage 9: Begrotingswijziging",
    ]
    assert "BIJLAGE 5: Inspectierapport" in word
    md = uit[".md"].read_text(encoding="utf-8")
    assert (
        "## Bijlagen\n\nBijlage 5: Inspectierapport (12 november 2024)  \n"
        "Bijlage 6: Kostenraming  \nBijlage 9: Begrotingswijziging\n"
    ) in md
    assert "## BIJLAGE 5: Inspectierapport\n" in md


def test_zonder_nummers_geteld_van_een(tree: Tree) -> None:
    uit = bouw(tree, "  - titel: Eerste\n  - titel: Tweede\n" + INHOUD)
    alles = alineas(uit[".docx"])
    lijst = [(stijl, genummerd, t) for stijl, genummerd, t in alles if t in ("Eerste", "Tweede")]
    assert lijst == [("List Number", True, "Eerste"), ("List Number", True, "Tweede")]
    assert "BIJLAGE 2: Tweede" in teksten(uit[".docx"])
    md = uit[".md"].read_text(encoding="utf-8")
    assert "1. Eerste\n2. Tweede\n" in md
    assert "## BIJLAGE 2: Tweede\n" in md


def test_dubbel_nummer_is_een_fout(tree: Tree) -> None:
    assert problemen(
        tree, "  - nummer: 2\n    titel: Eerste\n  - nummer: 2\n    titel: Tweede\n"
    ) == [
        "12: bijlagen[1].nummer: bijlage 2 bestaat al (bijlagen[0]); geef elke bijlage een "
        "eigen nummer"
    ]


def test_doortellen_op_een_bestaand_nummer_is_een_fout(tree: Tree) -> None:
    assert problemen(
        tree, "  - nummer: 2\n    titel: Eerste\n  - Tweede\n  - nummer: 3\n    titel: Derde\n"
    ) == [
        "13: bijlagen[2].nummer: bijlage 3 bestaat al (bijlagen[1]); geef elke bijlage een "
        "eigen nummer"
    ]
    assert problemen(
        tree, "  - nummer: 2\n    titel: Eerste\n  - nummer: 1\n    titel: Tweede\n  - Derde\n"
    ) == [
        "14: bijlagen[2]: bijlage 2 bestaat al (bijlagen[0]); een bijlage zonder nummer krijgt "
        "het nummer na de vorige; geef elke bijlage een eigen nummer"
    ]


def test_nummer_is_een_positief_geheel_getal(tree: Tree) -> None:
    assert problemen(tree, "  - nummer: 0\n    titel: Eerste\n") == [
        "10: bijlagen[0].nummer: moet minstens 1 zijn"
    ]
