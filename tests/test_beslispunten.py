"""Beslispunten with structure: onderdelen a., b. under a point, groups I., II. in a
collegevoorstel; real Word list numbering, the same labels in the Markdown and in the
raadsbesluit; a Markdown list typed into a beslispunt is refused."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAAL
from test_office import programma
from test_raadsvoorstel import KLEIN
from test_render_docx import NS, W, xml
from voorstel.bouwen.build import bouw, bouw_bestand
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

ONDERDELEN = """\
beslispunten:
  - tekst: "Een krediet beschikbaar te stellen voor:"
    onderdelen:
      - de sloop van de oude kademuur;
      - de bouw van de nieuwe kademuur.
  - Het tweede punt te besluiten.
"""

RAAD = KLEIN.replace(
    "beslispunten:\n  - Het eerste punt te besluiten.\n  - Het tweede punt te besluiten.\n",
    ONDERDELEN,
)

GROEPEN = MINIMAAL.replace(
    "beslispunten:\n  - Iets te besluiten.\n",
    """\
beslispunten:
  - groep: "Het college besluit:"
    punten:
      - In te stemmen met het plan.
      - De wethouder te machtigen.
  - groep: "De raad voor te stellen:"
    punten:
      - tekst: "Een krediet beschikbaar te stellen voor:"
        onderdelen: [de sloop, de bouw]
      - De begroting te wijzigen.
""",
) + (
    "argumenten:\n"
    "  - titel: Het plan is klaar\n    tekst: Daarom.\n    beslispunt: 1\n"
    "  - titel: Het krediet is nodig\n    tekst: Daarom.\n    beslispunt: 3\n"
    "  - titel: De kade is oud\n    tekst: Daarom.\n    beslispunt: 3\n"
)


def gebouwd(tree: Tree, tekst: str) -> dict[str, Path]:
    bron = tree({"doc.yaml": tekst})["doc.yaml"]
    resultaat = bouw_bestand(bron, bron.parent / "build")
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.name.removeprefix("doc"): p for p in resultaat.geschreven}


def problemen(tree: Tree, tekst: str) -> list[str]:
    path = tree({"doc.yaml": tekst})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


def lijst(docx: Path) -> list[tuple[str, str, str]]:
    """Every numbered body paragraph as (numId, ilvl, text)."""
    uit = []
    for p in xml(docx).iterfind("w:body/w:p", NS):
        num_pr = p.find("w:pPr/w:numPr", NS)
        if num_pr is not None:
            uit.append(
                (
                    num_pr.find("w:numId", NS).get(f"{{{W}}}val"),
                    num_pr.find("w:ilvl", NS).get(f"{{{W}}}val"),
                    "".join(p.itertext()),
                )
            )
    return uit


def formaten(docx: Path, num_id: str) -> list[tuple[str, str]]:
    """(numFmt, lvlText) of each level of the numbering definition behind a w:num."""
    numbering = xml(docx, "word/numbering.xml")
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    abstract_id = num.find("w:abstractNumId", NS).get(f"{{{W}}}val")
    abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    return [
        (
            lvl.find("w:numFmt", NS).get(f"{{{W}}}val"),
            lvl.find("w:lvlText", NS).get(f"{{{W}}}val"),
        )
        for lvl in abstract.iterfind("w:lvl", NS)
    ]


def beslispunten_md(md: Path, na: str) -> str:
    """The Markdown from the line `na` to the next heading, rule or 'Aldus vastgesteld'."""
    tekst = md.read_text(encoding="utf-8")
    deel = tekst.split(na + "\n\n", 1)[1]
    return re.split(r"(?<=\n)(?=#|---|Aldus)", deel, maxsplit=1)[0].rstrip("\n") + "\n"


def test_onderdelen_zijn_word_nummering(tree: Tree) -> None:
    uit = gebouwd(tree, RAAD)
    punten = lijst(uit[".docx"])[:4]
    assert [(ilvl, t) for _, ilvl, t in punten] == [
        ("0", "Een krediet beschikbaar te stellen voor:"),
        ("1", "de sloop van de oude kademuur;"),
        ("1", "de bouw van de nieuwe kademuur."),
        ("0", "Het tweede punt te besluiten."),
    ]
    assert len({num for num, _, _ in punten}) == 1  # one list: a. restarts under each point
    assert formaten(uit[".docx"], punten[0][0])[:2] == [("decimal", "%1."), ("lowerLetter", "%2.")]


def test_groepen_zijn_word_nummering(tree: Tree) -> None:
    uit = gebouwd(tree, GROEPEN)
    regels = lijst(uit[".docx"])[:8]
    groep, punt = regels[0][0], regels[1][0]
    assert [(num == groep, ilvl, t) for num, ilvl, t in regels] == [
        (True, "0", "Het college besluit:"),
        (False, "2", "In te stemmen met het plan."),
        (False, "2", "De wethouder te machtigen."),
        (True, "0", "De raad voor te stellen:"),
        (False, "2", "Een krediet beschikbaar te stellen voor:"),
        (False, "3", "de sloop"),
        (False, "3", "de bouw"),
        (False, "2", "De begroting te wijzigen."),
    ]
    assert {num for num, _, _ in regels[1:] if num != groep} == {punt}
    assert formaten(uit[".docx"], groep) == [("upperRoman", "%1.")]
    assert formaten(uit[".docx"], punt)[2:] == [("decimal", "%3."), ("lowerLetter", "%4.")]


def test_groepen_in_markdown_tellen_door(tree: Tree) -> None:
    uit = gebouwd(tree, GROEPEN)
    assert beslispunten_md(uit[".md"], "## Voorstel") == (
        "I. Het college besluit:\n\n"
        "   1. In te stemmen met het plan.\n"
        "   2. De wethouder te machtigen.\n\n"
        "II. De raad voor te stellen:\n\n"
        "   3. Een krediet beschikbaar te stellen voor:  \n"
        "      a. de sloop  \n"
        "      b. de bouw\n"
        "   4. De begroting te wijzigen.\n"
    )
    md = uit[".md"].read_text(encoding="utf-8")
    assert "### 1.1 Het plan is klaar" in md
    assert "### 3.1 Het krediet is nodig" in md
    assert "### 3.2 De kade is oud" in md


def test_raadsbesluit_heeft_dezelfde_beslispunten(tree: Tree) -> None:
    uit = gebouwd(tree, RAAD)
    verwacht = (
        "1. Een krediet beschikbaar te stellen voor:  \n"
        "   a. de sloop van de oude kademuur;  \n"
        "   b. de bouw van de nieuwe kademuur.\n"
        "2. Het tweede punt te besluiten.\n"
    )
    assert beslispunten_md(uit[".md"], "**Het college stelt de raad voor:**") == verwacht
    assert beslispunten_md(uit["-raadsbesluit.md"], "**besluit:**") == verwacht
    voorstel = [(ilvl, t) for _, ilvl, t in lijst(uit[".docx"])][:4]
    besluit = [(ilvl, t) for _, ilvl, t in lijst(uit["-raadsbesluit.docx"])]
    assert besluit == voorstel
    [num] = {num for num, _, _ in lijst(uit["-raadsbesluit.docx"])}
    assert formaten(uit["-raadsbesluit.docx"], num)[:2] == [
        ("decimal", "%1."),
        ("lowerLetter", "%2."),
    ]


def test_libreoffice_toont_de_letters(tree: Tree) -> None:
    """The PDF LibreOffice makes shows the numbers and letters Word's numbering gives."""
    programma("soffice")
    bron = tree({"doc.yaml": RAAD})["doc.yaml"]
    [resultaat] = bouw([bron], bron.parent / "pdf", ("pdf",))
    assert resultaat.gelukt, str(resultaat.fout)
    pdfs = {p.name: p for p in resultaat.geschreven}
    for naam, na in (("doc.pdf", "voor:"), ("doc-raadsbesluit.pdf", "besluit:")):
        uit = subprocess.run(
            [programma("pdftotext"), "-layout", str(pdfs[naam]), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        tekst = re.sub(r"\s+", " ", uit)
        assert (
            f"{na} 1. Een krediet beschikbaar te stellen voor: a. de sloop van de oude "
            "kademuur; b. de bouw van de nieuwe kademuur. 2. Het tweede punt te besluiten."
        ) in tekst, tekst


def test_lijst_in_een_beslispunt_is_een_fout(tree: Tree) -> None:
    tekst = MINIMAAL.replace(
        "  - Iets te besluiten.\n",
        "  - |\n    Een krediet beschikbaar te stellen voor:\n    - de sloop;\n    - de bouw.\n",
    )
    assert problemen(tree, tekst) == [
        "7: beslispunten[0]: een lijst in een beslispunt wordt in het document geen lijst maar "
        "lopende tekst; schrijf de onderdelen (a., b., ...) apart: '- tekst: <het beslispunt>' "
        "met daaronder 'onderdelen:' en per onderdeel een regel '- <onderdeel>'"
    ]
    genummerd = MINIMAAL.replace("  - Iets te besluiten.\n", '  - "1. Iets te besluiten."\n')
    assert problemen(tree, genummerd) == [
        "7: beslispunten[0]: begin een beslispunt niet met een nummer: de nummers komen vanzelf"
    ]


def test_onderdeel_zonder_letter_en_zonder_lijst(tree: Tree) -> None:
    basis = KLEIN.replace(
        "  - Het eerste punt te besluiten.\n",
        "  - tekst: Het eerste punt.\n    onderdelen:\n      - {onderdeel}\n",
    )
    assert problemen(tree, basis.format(onderdeel='"a. de sloop"')) == [
        "13: beslispunten[0].onderdelen[0]: begin een onderdeel niet met een letter: de "
        "letters a., b., ... komen vanzelf"
    ]
    assert problemen(tree, basis.format(onderdeel='"de sloop\\n- de bouw"')) == [
        "13: beslispunten[0].onderdelen[0]: een onderdeel is één stuk tekst; een lijst erin "
        "wordt in het document lopende tekst: maak van elk punt een eigen onderdeel"
    ]
    te_veel = basis.format(onderdeel="x").replace(
        "      - x\n", "".join(f"      - punt {i}\n" for i in range(27))
    )
    assert problemen(tree, te_veel) == [
        "12: beslispunten[0].onderdelen: te veel (27); geef er hoogstens 26"
    ]


def test_groepen_en_losse_punten_niet_door_elkaar(tree: Tree) -> None:
    tekst = MINIMAAL.replace(
        "  - Iets te besluiten.\n",
        "  - Iets te besluiten.\n  - groep: 'De raad voor te stellen:'\n    punten: [Iets.]\n",
    )
    assert problemen(tree, tekst) == [
        "7: beslispunten[0]: dit beslispunt staat niet in een groep, de andere wel; zet het in "
        "een groep ('- groep: ...' met 'punten:') of haal de groepen weg"
    ]


def test_onbekend_veld_in_een_groep(tree: Tree) -> None:
    tekst = MINIMAAL.replace(
        "  - Iets te besluiten.\n", "  - groep: 'De raad voor te stellen:'\n    punen: [Iets.]\n"
    )
    assert problemen(tree, tekst) == [
        "8: beslispunten[0].punen: onbekend veld 'punen'; bedoelde u 'punten'?"
    ]
    punt = MINIMAAL.replace("  - Iets te besluiten.\n", "  - tekst: Iets.\n    onderdeln: [a]\n")
    assert problemen(tree, punt) == [
        "8: beslispunten[0].onderdeln: onbekend veld 'onderdeln'; bedoelde u 'onderdelen'?"
    ]


def test_argument_telt_door_de_groepen(tree: Tree) -> None:
    tekst = GROEPEN.replace("beslispunt: 1\n", "beslispunt: 5\n")
    assert problemen(tree, tekst) == [
        "20: argumenten[0].beslispunt: beslispunt 5 bestaat niet; er zijn 4 beslispunten, kies "
        "een nummer van 1 tot en met 4"
    ]


def test_raadsvoorstel_kent_geen_groepen(tree: Tree) -> None:
    tekst = KLEIN.replace("  - Het eerste punt te besluiten.\n", "  - groep: Het college besluit\n")
    assert problemen(tree, tekst)[0].startswith("11: beslispunten[0].groep: onbekend veld 'groep'")
