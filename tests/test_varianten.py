"""Regional proposals: one document per gemeente, every figure from one computation."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from conftest import MINIMAAL, ROOT, VOORBEELD
from voorstel.bouwen.build import bouw_bestand
from voorstel.kern import nl
from voorstel.pijplijn.compute import vul_in

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]
GEMEENTEN = ["Altena", "Breda", "Drimmelen", "Geertruidenberg", "Oosterhout"]


@pytest.fixture(scope="module")
def varianten(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("varianten")
    resultaat = bouw_bestand(VOORBEELD, out, formaten=("docx", "md"))
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.name: p for p in resultaat.geschreven}


def test_vijf_varianten_en_een_overzicht(varianten: dict[str, Path]) -> None:
    namen = sorted(n for n in varianten if n.endswith(".docx"))
    assert namen == [
        "jim-altena.docx",
        "jim-breda.docx",
        "jim-drimmelen.docx",
        "jim-geertruidenberg.docx",
        "jim-oosterhout.docx",
        "jim.docx",
    ]


def _bijdrage(text: str, gemeente: str) -> Decimal:
    found = re.search(rf"Voor {gemeente} betekent dit een bijdrage van (€ [\d.,]+)\.", text)
    assert found, f"geen bijdrage in de tekst voor {gemeente}"
    return nl.parse_bedrag(found.group(1))


def test_elke_variant_draagt_de_eigen_bijdrage(varianten: dict[str, Path]) -> None:
    totaal = Decimal(0)
    for gemeente in GEMEENTEN:
        doc = Document(str(varianten[f"jim-{gemeente.lower()}.docx"]))
        text = "\n".join(p.text for p in doc.paragraphs)
        bijdrage = _bijdrage(text, gemeente)
        beslispunt = next(p.text for p in doc.paragraphs if "JIM-methodiek" in p.text)
        assert f"middelen van {nl.bedrag(bijdrage)} in te zetten" in beslispunt
        rij = next(
            [c.text for c in row.cells]
            for table in doc.tables
            for row in table.rows
            if row.cells[0].text == gemeente
        )
        assert rij[-1] == nl.bedrag(bijdrage)
        totaal += bijdrage
    assert totaal == Decimal("70000.00")


def test_oosterhout_zoals_de_seed(varianten: dict[str, Path]) -> None:
    text = varianten["jim-oosterhout.md"].read_text(encoding="utf-8")
    assert "Voor Oosterhout betekent dit een bijdrage van € 11.326,00." in text
    assert "| **Totaal** | **100,00%** | **€ 70.000,00** |" in text


def test_verdeeltabel_telt_op(varianten: dict[str, Path]) -> None:
    doc = Document(str(varianten["jim.docx"]))
    tabel = next(t for t in doc.tables if t.rows[0].cells[0].text == "Gemeente")
    bedragen = [nl.parse_bedrag(r.cells[-1].text) for r in tabel.rows[1:-1]]
    assert sum(bedragen) == nl.parse_bedrag(tabel.rows[-1].cells[-1].text) == Decimal(70000)
    assert tabel.rows[0]._tr.trPr.xml.count("tblHeader") == 1


def test_verwijzingen_worden_alleen_als_bekende_cijfers_ingevuld() -> None:
    cijfers = {"bijdrage": Decimal("11326"), "gemeente": "Oosterhout"}
    assert vul_in("{{ bijdrage }} / {{bijdrage|bedrag_heel}}", cijfers) == (
        "€ 11.326,00 / € 11.326"
    )
    for letterlijk in [
        "{{ 7*7 }}",
        "{{ onbekend }}",
        "{{ gemeente.__class__ }}",
        "{% include '/etc/passwd' %}",
        "{{ bijdrage|attr('x') }}",
        "{{ gemeente|bedrag }}",
    ]:
        assert vul_in(letterlijk, cijfers) == letterlijk


def test_ontbrekende_sleutel_en_buiten_het_project(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    tekst = MINIMAAL + "regio:\n  naam: Regio\n  verdeelsleutel: {pad}\n"
    paths = tree(
        {
            "a.yaml": tekst.format(pad="weg.yaml"),
            "b.yaml": tekst.format(pad="../../../etc/passwd"),
        }
    )
    for naam, bericht in [
        ("a.yaml", "bestand 'weg.yaml' niet gevonden"),
        ("b.yaml", "'../../../etc/passwd' ligt buiten het project"),
    ]:
        resultaat = bouw_bestand(paths[naam], tmp_path / "out")
        assert resultaat.fout is not None
        assert f"{paths[naam]}:11: regio.verdeelsleutel: {bericht}" in str(resultaat.fout)


def test_voorbeeld_kiest_gecorrigeerde_percentages() -> None:
    text = (ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml").read_text(encoding="utf-8")
    assert 'Breda: "52,06%"' in text
    assert "normaliseren: true" not in text


def test_onbekende_gemeente_in_de_sleutel(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    sleutel = (ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml").read_text(encoding="utf-8")
    tekst = MINIMAAL.replace(
        "soort: collegevoorstel\n", "soort: collegevoorstel\ngemeente: Oosterhoud\n"
    )
    paths = tree(
        {
            "k.yaml": sleutel,
            "v.yaml": tekst
            + "regio:\n  naam: Regio\n  verdeelsleutel: k.yaml\n  varianten: false\n",
        }
    )
    resultaat = bouw_bestand(paths["v.yaml"], tmp_path / "out")
    assert str(resultaat.fout) == (
        f"{paths['v.yaml']}:2: gemeente: gemeente 'Oosterhoud' staat niet in verdeelsleutel "
        "'k.yaml' (Altena, Breda, Drimmelen, Geertruidenberg, Oosterhout); bedoelde u "
        "'Oosterhout'?"
    )


def test_waarschuwing_bij_een_verschreven_verwijzing(tree: Tree) -> None:
    from voorstel.pijplijn.load import load
    from voorstel.pijplijn.validate import validate

    tekst = MINIMAAL.replace(
        "  - Iets te besluiten.\n", "  - Betaal {{ bijdrag }} en {{ 7*7 }} of {{ totaal }}.\n"
    )
    path = tree({"v.yaml": tekst})["v.yaml"]
    assert [str(w) for w in validate(load(path)).waarschuwingen] == [
        f"{path}:7: beslispunten[0]: waarschuwing: {{{{ bijdrag }}}} is geen bekend cijfer en "
        "blijft letterlijk staan; bedoelde u {{ bijdrage }}?",
        f"{path}:7: beslispunten[0]: waarschuwing: {{{{ totaal }}}} kan hier niet worden "
        "ingevuld (dit document heeft geen verdeling) en blijft letterlijk staan",
    ]


def test_verdeling_met_andere_gemeenten_dan_de_regio(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    sleutel = (ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml").read_text(encoding="utf-8")
    ander = sleutel.replace("Breda", "Tilburg")
    extra = """\
regio:
  naam: Regio
  verdeelsleutel: k.yaml
financien:
  onderdelen:
    - verdeling:
        sleutel: k2.yaml
        bedrag: 1000
"""
    paths = tree({"k.yaml": sleutel, "k2.yaml": ander, "v.yaml": MINIMAAL + extra})
    resultaat = bouw_bestand(paths["v.yaml"], tmp_path / "out")
    assert str(resultaat.fout) == (
        f"{paths['v.yaml']}:15: financien.onderdelen[0].verdeling.sleutel: verdeelsleutel "
        "'k2.yaml' mist Breda en noemt ook Tilburg; een regionaal voorstel verdeelt over de "
        "gemeenten van regio.verdeelsleutel ('k.yaml')"
    )


def test_gemeenten_met_dezelfde_bestandsnaam(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    sleutel = """\
soort: verdeelsleutel
naam: K
componenten:
  - naam: Inwoners
    aandeel: "100%"
    gewichten:
      Bergen: 1
      bergen: 1
"""
    extra = "regio:\n  naam: R\n  verdeelsleutel: k.yaml\n"
    paths = tree({"k.yaml": sleutel, "v.yaml": MINIMAAL + extra})
    resultaat = bouw_bestand(paths["v.yaml"], tmp_path / "out")
    assert str(resultaat.fout) == (
        f"{paths['v.yaml']}: de gemeenten 'Bergen' en 'bergen' zouden dezelfde bestandsnaam "
        "krijgen (v-bergen); maak de namen in de verdeelsleutel duidelijker verschillend"
    )
    assert not (tmp_path / "out").exists()


def test_overzicht_negeert_gemeente_van_het_document(tree: Tree, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    sleutel = """\
soort: verdeelsleutel
naam: K
componenten:
  - naam: Inwoners
    aandeel: "100%"
    gewichten:
      Breda: 3
      Oosterhout: 1
"""
    extra = """\
gemeente: Oosterhout
regio:
  naam: Regio Oost
  verdeelsleutel: k.yaml
  varianten: true
financien:
  onderdelen:
    - tekst: Voor {{ gemeente }} betekent dit een bijdrage van {{ bijdrage }}.
      verdeling:
        bedrag: 1000
"""
    paths = tree({"k.yaml": sleutel, "v.yaml": MINIMAAL + extra})
    resultaat = bouw_bestand(paths["v.yaml"], tmp_path / "out", formaten=("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    overzicht = (tmp_path / "out" / "v.md").read_text(encoding="utf-8")
    oosterhout = (tmp_path / "out" / "v-oosterhout.md").read_text(encoding="utf-8")
    assert "Voor Regio Oost betekent dit een bijdrage van € 1.000,00." in overzicht
    assert "**Oosterhout**" not in overzicht
    assert "Voor Oosterhout betekent dit een bijdrage van € 250,00." in oosterhout
    assert "**Oosterhout**" in oosterhout
