"""Output of the raadsinformatiebrief and memo: golden Markdown and the structure of the Word file.

After an intended change to the output, regenerate the golden files and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_soorten_uitvoer.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT
from test_render_docx import NS, alineas, koppen, tekst, xml
from voorstel.bouwen.build import bouw_bestand

GOLDEN = ROOT / "tests" / "golden"
RIB = ROOT / "data" / "dalfsen" / "rib-inkoop-jeugdhulp-ijsselland.yaml"
MEMO = ROOT / "data" / "holland-rijnland" / "memo-inkoopstrategie-jeugdhulp-2020.yaml"


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Both examples built once: (stem, suffix) -> path."""
    out = tmp_path_factory.mktemp("soorten")
    result = {}
    for bron in (RIB, MEMO):
        resultaat = bouw_bestand(bron, out)
        assert resultaat.fout is None, str(resultaat.fout)
        assert resultaat.waarschuwingen == []
        result.update({(bron.stem, p.suffix): p for p in resultaat.geschreven})
    return result


@pytest.mark.parametrize("bron", [RIB, MEMO], ids=["raadsinformatiebrief", "memo"])
def test_markdown_gelijk_aan_golden_bestand(
    gebouwd: dict[tuple[str, str], Path], bron: Path
) -> None:
    rendered = gebouwd[bron.stem, ".md"].read_text(encoding="utf-8")
    golden = GOLDEN / f"{bron.stem}.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def tabellen(docx: Path) -> list[list[list[str]]]:
    """Every table as rows of cell texts."""
    return [
        [[tekst(cel) for cel in rij.iterfind("w:tc", NS)] for rij in tabel.iterfind("w:tr", NS)]
        for tabel in xml(docx).iterfind(".//w:tbl", NS)
    ]


def test_rib_kopgegevens_en_vergaderingen(gebouwd: dict[tuple[str, str], Path]) -> None:
    docx = gebouwd[RIB.stem, ".docx"]
    assert tabellen(docx) == [
        [
            ["Onderwerp", "Inkoop specialistische Jeugdhulp Regio IJsselland"],
            ["Portefeuillehouder", "J.W. Uitslag (wethouder)"],
            ["Eenheid", "Maatschappelijke Ondersteuning"],
            ["Contactpersoon", "J. Goejer"],
            ["Contactgegevens", "j.goejer@dalfsen.nl"],
            ["Openbaarheid", "Openbaar"],
        ],
        [
            ["Behandeld in collegevergadering van", "30 maart 2021"],
            ["Behandeling in raadsvergadering van", "26 april 2021"],
        ],
    ]


def test_rib_secties_in_kopstijlen(gebouwd: dict[tuple[str, str], Path]) -> None:
    docx = gebouwd[RIB.stem, ".docx"]
    assert alineas(docx)[0] == ("Title", False, "INFORMATIE VOOR DE RAAD")
    assert koppen(docx, 1) == [
        "Kernboodschap",
        "Toelichting",
        "Betrokkenheid gemeenteraad",
        "Advies van Participatieraad Dalfsen",
        "Financiën",
        "Communicatie",
        "Vervolg",
        "Bijlagen",
    ]
    assert koppen(docx, 2) == [
        "Aanloop tot doorontwikkeling inkoopmodel",
        "Uitvoeringsplan doorontwikkeling inkoopmodel",
        "Ambulante Jeugdhulp, wonen en crisis",
        "Transformatie",
        "Inkoopstrategie",
        "Tariefonderzoek en impactanalyse",
    ]


def test_rib_bijlagen_geen_en_ondertekening(gebouwd: dict[tuple[str, str], Path]) -> None:
    teksten = [t for _, _, t in alineas(gebouwd[RIB.stem, ".docx"]) if t]
    einde = teksten.index("Bijlagen")
    assert teksten[einde:] == [
        "Bijlagen",
        "Geen",
        "Burgemeester en wethouders van de gemeente Dalfsen,",
        "de burgemeesterdrs. E. van Lente",
        "de gemeentesecretarising. S.A.D.C. van Geffen",
    ]
    regelovergangen = [
        p
        for p in xml(gebouwd[RIB.stem, ".docx"]).iterfind("w:body/w:p", NS)
        if p.find(".//w:br", NS) is not None
    ]
    assert len(regelovergangen) == 2


def test_memo_lettert_de_stand_van_zaken(gebouwd: dict[tuple[str, str], Path]) -> None:
    docx = gebouwd[MEMO.stem, ".docx"]
    assert koppen(docx, 1) == [
        "Inleiding",
        "Besluit PHO 30 mei 2018 m.b.t. inkoopstrategie",
        "Huidige contractering Jeugdhulp",
        "Stand van zaken Inkoopstrategie per 15-08-2018",
        "Relevante mijlpalen in parallelle processen",
        "Risico's",
        "Bijlagen",
        "BIJLAGE 1: resultaten/adviezen brede ambtelijke sessies",
        "BIJLAGE 2: opbrengsten gesprek met Samenwerkingsverbanden onderwijs",
    ]
    assert koppen(docx, 2) == [
        "a. Lokale oriëntatie op de vraag: Wat, welke, door wie en hoe?",
        "b. Contractering GI's en gesloten jeugdhulp",
        "c. Advies vanuit brede ambtelijke overleggen",
        "d. Advies vanuit gesprekken met onderwijs",
        "e. Wat staat er nog te gebeuren?",
        "a. Doorontwikkeling beleid",
        "b. Regionale samenwerking",
        "c. Financieel kader",
        "Gemeenten: interne organisatie",
        "Gemeenten: beleid",
        "Concrete adviezen m.b.t. inkoop",
    ]


def test_memo_datum_auteurs_en_bijlagen_op_eigen_pagina(
    gebouwd: dict[tuple[str, str], Path],
) -> None:
    docx = gebouwd[MEMO.stem, ".docx"]
    teksten = [t for _, _, t in alineas(docx) if t]
    datum = teksten.index("14 augustus 2018")
    assert teksten[datum : datum + 3] == [
        "14 augustus 2018",
        "Regionaal beleidsteam jeugd",
        "TWO Jeugdhulp",
    ]
    assert tabellen(docx) == [
        [
            ["Kennisnemen van", "voortgang regionale inkoopstrategie Jeugdhulp 2020"],
            [
                "Onderwerp",
                "Een beschrijving van activiteiten en eerste resultaten vanuit het regionale "
                "proces inkoopstrategie Jeugdhulp 2020.",
            ],
        ]
    ]
    nieuwe_pagina = [
        tekst(p)
        for p in xml(docx).iterfind("w:body/w:p", NS)
        if p.find("w:pPr/w:pageBreakBefore", NS) is not None
    ]
    assert nieuwe_pagina == [
        "BIJLAGE 1: resultaten/adviezen brede ambtelijke sessies",
        "BIJLAGE 2: opbrengsten gesprek met Samenwerkingsverbanden onderwijs",
    ]
    lijst = [t for style, _, t in alineas(docx) if style == "List Bullet"]
    assert "Maak een inkoopperceel van Veiligheid/crisis." in lijst
    assert lijst[-1] == "Komen tot gezamenlijk beleid op passend onderwijs – jeugdhulp."
