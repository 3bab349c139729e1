"""The raadsvoorstel: one source, three documents (raadsvoorstel, raadsbesluit, oplegger),
the besluit's beslispunten the proposal's own, word for word."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from test_render_docx import alineas
from voorstel.bouwen.build import bouw_bestand
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.compute import compute
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

VOORBEELD = ROOT / "data" / "dalfsen" / "raadsvoorstel-kademuur-vechtkade.yaml"
STARTER = ROOT / "src" / "voorstel" / "soorten" / "raadsvoorstel" / "nieuw.yaml"

KLEIN = """\
soort: raadsvoorstel
gemeente: Dalfsen
onderwerp: Een onderwerp
kopblok:
  datum: 2025-09-02
  raadsvergadering: 2025-10-27
  zaaknummer: "Z-1"
  portefeuillehouder:
    naam: M.J. Goossen
beslispunten:
  - Het eerste punt te besluiten.
  - Het tweede punt te besluiten.
ondertekening:
  burgemeester: drs. E. van Lente
  gemeentesecretaris: ing. S.A.D.C. van Geffen
besluit:
  gelet_op: artikel 108 van de Gemeentewet
  griffier: H. Koster
"""
"""The smallest raadsvoorstel: no college block, no vastgesteld date, no voorzitter."""


def bouw(bron: Path, out: Path, formaten: tuple[str, ...] = ("docx", "md")) -> dict[str, Path]:
    resultaat = bouw_bestand(bron, out, formaten)
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.waarschuwingen == []
    return {p.name.removeprefix(bron.stem): p for p in resultaat.geschreven}


def genummerd(docx: Path) -> list[str]:
    """The texts of the numbered paragraphs in the body, in order."""
    return [t for _, in_lijst, t in alineas(docx) if in_lijst]


def problemen(tree: Tree, text: str) -> list[str]:
    path = tree({"doc.yaml": text})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return bouw(VOORBEELD, tmp_path_factory.mktemp("raad"))


def test_een_bron_drie_documenten(voorbeeld: dict[str, Path]) -> None:
    assert sorted(voorbeeld) == [
        "-collegeoplegger.docx",
        "-collegeoplegger.md",
        "-raadsbesluit.docx",
        "-raadsbesluit.md",
        ".docx",
        ".md",
    ]


def test_beslispunten_van_het_besluit_zijn_die_van_het_voorstel(
    voorbeeld: dict[str, Path],
) -> None:
    voorstel = genummerd(voorbeeld[".docx"])
    besluit = genummerd(voorbeeld["-raadsbesluit.docx"])
    [groep] = compute(validate(load(VOORBEELD)).document)["beslispunten"]
    punten = groep["punten"]
    assert len(punten) == 3
    teksten = [t for p in punten for t in (p["tekst"], *(d["tekst"] for d in p["onderdelen"]))]
    assert besluit == teksten
    assert voorstel[: len(teksten)] == besluit  # after them: the list of bijlagen
    md_voorstel = voorbeeld[".md"].read_text(encoding="utf-8")
    md_besluit = voorbeeld["-raadsbesluit.md"].read_text(encoding="utf-8")
    for nummer, punt in enumerate(punten, start=1):
        assert f"\n{nummer}. {punt['tekst']}" in md_voorstel
        assert f"\n{nummer}. {punt['tekst']}" in md_besluit


def test_raadsbesluit_heeft_de_formule(voorbeeld: dict[str, Path]) -> None:
    teksten = [t for _, _, t in alineas(voorbeeld["-raadsbesluit.docx"])]
    teksten = teksten[: teksten.index("Bijlage 1 bij het besluit: begrotingswijziging")]
    assert teksten[0] == "ONTWERPBESLUIT"
    assert teksten[2:6] == [
        "De raad van de gemeente Dalfsen;",
        "gelezen het voorstel van burgemeester en wethouders van 2 september 2025, nummer "
        "Z-2025-004512;",
        "gehoord de Commissie Ruimte van 6 oktober 2025;",
        "overwegende dat de kademuur aan de Vechtkade binnen vijf jaar moet worden vervangen "
        "om de veiligheid van de weg en de bebouwing langs de kade te borgen;",
    ]
    assert teksten[6:8] == [
        "gelet op artikel 189 van de Gemeentewet en de Financiële verordening gemeente "
        "Dalfsen 2023;",
        "besluit:",
    ]
    assert teksten[-3:] == [
        "Aldus vastgesteld in de openbare vergadering van 27 oktober 2025.",
        "De griffier,H. Koster",
        "De voorzitter,drs. E. van Lente",  # no voorzitter given: the burgemeester
    ]


def test_voorstel_heeft_kop_voorstel_en_ondertekening(voorbeeld: dict[str, Path]) -> None:
    md = voorbeeld[".md"].read_text(encoding="utf-8")
    assert md.startswith("# RAADSVOORSTEL\n\n**Onderwerp:** Krediet voor de vervanging")
    assert "**Raadsvergadering:** 27 oktober 2025  \n**Commissie:** Commissie Ruimte" in md
    assert "**Programma:** Ruimte en wonen" in md
    assert "**Het college stelt de raad voor:**\n\n1. Een krediet van € 1.450.000" in md
    assert "### 2.1 De kapitaallasten passen binnen het meerjarenperspectief" in md
    assert "Burgemeester en wethouders van de gemeente Dalfsen," in md
    teksten = [t for _, _, t in alineas(voorbeeld[".docx"])]
    assert "de gemeentesecretarising. S.A.D.C. van Geffen" in teksten


def test_collegeoplegger(voorbeeld: dict[str, Path]) -> None:
    assert genummerd(voorbeeld["-collegeoplegger.docx"])[:2] == [
        "In te stemmen met bijgaand raadsvoorstel en ontwerpbesluit en deze ter "
        "besluitvorming voor te leggen aan de raad.",
        "De bewoners en ondernemers aan de Vechtkade met een brief te informeren over dit "
        "voorstel.",
    ]
    md = voorbeeld["-collegeoplegger.md"].read_text(encoding="utf-8")
    assert "**Collegevergadering:** 2 september 2025" in md
    assert "2. Ontwerpbesluit: Krediet voor de vervanging" in md


def test_zonder_college_geen_oplegger_en_vastgesteld_is_raadsbesluit(
    tree: Tree, tmp_path: Path
) -> None:
    bron = tree({"rv.yaml": KLEIN})["rv.yaml"]
    gebouwd = bouw(bron, tmp_path / "uit")
    assert sorted(gebouwd) == ["-raadsbesluit.docx", "-raadsbesluit.md", ".docx", ".md"]
    assert gebouwd["-raadsbesluit.md"].read_text(encoding="utf-8").startswith("# ONTWERPBESLUIT")
    vastgesteld = KLEIN.replace("  griffier:", "  vastgesteld: 2025-10-27\n  griffier:")
    bron.write_text(vastgesteld, encoding="utf-8")
    besluit = bouw(bron, tmp_path / "uit2")["-raadsbesluit.md"].read_text(encoding="utf-8")
    assert besluit.startswith("# RAADSBESLUIT\n")
    assert "De voorzitter,  \ndrs. E. van Lente" in besluit


def test_titel_van_elk_stuk_in_de_eigenschappen(tree: Tree, tmp_path: Path) -> None:
    bron = tree({"rv.yaml": KLEIN})["rv.yaml"]
    gebouwd = bouw(bron, tmp_path / "uit", ("docx",))
    with zipfile.ZipFile(gebouwd["-raadsbesluit.docx"]) as docx:
        core = docx.read("docProps/core.xml").decode()
    assert "<dc:title>Raadsbesluit: Een onderwerp</dc:title>" in core


def test_fouten_met_hun_regel(tree: Tree) -> None:
    tekst = KLEIN + (
        "argumenten:\n  - titel: Een argument\n    tekst: Tekst.\n    beslispunt: 3\n"
        "college:\n  collegevergadering: 2025-11-03\n"
    )
    assert problemen(tree, tekst) == [
        "22: argumenten[0].beslispunt: beslispunt 3 bestaat niet; er zijn 2 beslispunten, kies "
        "een nummer van 1 tot en met 2",
        "24: college.collegevergadering: de collegevergadering (3 november 2025) ligt na de "
        "raadsvergadering (27 oktober 2025); het college stuurt het voorstel vóór de raad het "
        "behandelt",
    ]
    vroeg = KLEIN.replace("raadsvergadering: 2025-10-27", "raadsvergadering: 2025-08-01")
    assert problemen(tree, vroeg) == [
        "6: kopblok.raadsvergadering: de raadsvergadering (1 augustus 2025) ligt vóór de datum "
        "van het voorstel (2 september 2025); controleer beide datums"
    ]
    zonder = KLEIN.replace("  griffier: H. Koster\n", "")
    assert problemen(tree, zonder) == ["16: besluit.griffier: verplicht veld ontbreekt; vul het in"]


def test_begrotingswijziging_is_bijlage_van_het_besluit(voorbeeld: dict[str, Path]) -> None:
    besluit = voorbeeld["-raadsbesluit.md"].read_text(encoding="utf-8")
    bijlage = besluit.split("## Bijlage 1 bij het besluit: begrotingswijziging", 1)[1]
    assert "*Begrotingswijziging 2026-03 Kademuur Vechtkade (bedragen x € 1.000)*" in bijlage
    assert "| **Saldo** | | | | **0** | **58 N** | **58 N** | **58 N** |" in bijlage
    punt = next(
        t for t in genummerd(voorbeeld["-raadsbesluit.docx"]) if t.startswith("De kapitaal")
    )
    assert punt.startswith("De kapitaallasten van dit krediet, structureel € 58.000 per jaar")
    assert punt.endswith("(saldo 2027 € 58.000 N).")
