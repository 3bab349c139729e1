"""Tests for the Markdown output: a golden file, and prose that stays literal.

The golden file tests/golden/jim-oosterhout.md is the expected Markdown of the example.
After an intended change to the output, regenerate it and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_md.py
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from conftest import MINIMAAL, ROOT
from voorstel.bouwen.build import bouw_bestand

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]
GOLDEN = ROOT / "tests" / "golden"


def test_voorbeeld_gelijk_aan_golden_bestand(gebouwd: dict[str, Path]) -> None:
    rendered = gebouwd[".md"].read_text(encoding="utf-8")
    golden = GOLDEN / "jim-oosterhout.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def bouw_md(tree: Tree, text: str, out: Path) -> str:
    bron = tree({"doc.yaml": text})["doc.yaml"]
    resultaat = bouw_bestand(bron, out, formaten=("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    assert [p.suffix for p in resultaat.geschreven] == [".md"]
    return resultaat.geschreven[0].read_text(encoding="utf-8")


def test_minimaal_document_zonder_optionele_secties(tree: Tree, tmp_path: Path) -> None:
    assert bouw_md(tree, MINIMAAL, tmp_path / "out") == (
        "# COLLEGEVOORSTEL\n"
        "\n"
        "Datum: 5 december 2024 | Openbaar | Zaaknummer: 1060308\n"
        "\n"
        "## Onderwerp\n"
        "\n"
        "Een onderwerp\n"
        "\n"
        "## Voorstel\n"
        "\n"
        "1. Iets te besluiten.\n"
        "\n"
        "## Samenvatting\n"
        "\n"
        "Een korte samenvatting.\n"
    )


def test_gebruikerstekst_blijft_letterlijk(tree: Tree, tmp_path: Path) -> None:
    text = MINIMAAL.replace(
        "onderwerp: Een onderwerp", 'onderwerp: "*niet vet* {{ 1 + 1 }} <b>x</b>"'
    ).replace("samenvatting: Een korte samenvatting.", 'samenvatting: "{% if 1 %}ja{% endif %}"')
    md = bouw_md(tree, text, tmp_path / "out")
    assert "\\*niet vet\\* \\{\\{ 1 + 1 \\}\\} \\<b\\>x\\</b\\>\n" in md
    assert "\\{% if 1 %\\}ja\\{% endif %\\}\n" in md


def test_tekst_over_meer_regels_houdt_de_tabel_heel(tree: Tree, tmp_path: Path) -> None:
    text = MINIMAAL + (
        "financien:\n"
        "  onderdelen:\n"
        "    - tabel:\n"
        "        titel: |\n          Kosten\n          2025\n"
        "        posten:\n"
        "          - onderdeel: |\n              Inhuur\n              extern\n"
        "            toelichting: |\n              Twee\n              regels\n"
        "            bedrag: 500\n"
    )
    md = bouw_md(tree, text, tmp_path / "out")
    assert "*Kosten 2025*\n" in md
    assert "| Onderdeel | Toelichting | Bedrag |\n" in md  # no empty Opmerking column
    assert "| Inhuur extern | Twee regels | € 500 |\n" in md


def test_md_tabel_zet_regeleinden_om_in_spaties() -> None:
    from voorstel.blokken.tabellen import cel, tabel
    from voorstel.uitvoer.tabel import md_tabel

    view = tabel("Titel\nop twee", ["Kop\na", "B"], [[cel("een\r\ntwee"), cel("drie")]])
    view.noot = "Noot\n\nlang"
    assert md_tabel(view) == (
        "*Titel op twee*\n\n| Kop a | B |\n|---|---|\n| een twee | drie |\n\n*Noot lang*"
    )
