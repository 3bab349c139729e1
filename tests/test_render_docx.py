"""Tests for the Word output: assertions on the XML (styles, tables, lists, footnotes)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def xml(docx: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(docx) as archive:
        return etree.fromstring(archive.read(part))


def tekst(element: etree._Element) -> str:
    return "".join(element.itertext())


def stijlnamen(docx: Path) -> dict[str, str]:
    """Style id -> style name, as Word shows it."""
    styles = xml(docx, "word/styles.xml")
    return {
        s.get(f"{{{W}}}styleId"): s.find("w:name", NS).get(f"{{{W}}}val")
        for s in styles.iterfind("w:style", NS)
    }


def genummerde_stijlen(docx: Path) -> set[str]:
    """Ids of the paragraph styles that are list styles (numbering in the style)."""
    styles = xml(docx, "word/styles.xml")
    return {
        s.get(f"{{{W}}}styleId")
        for s in styles.iterfind("w:style", NS)
        if s.find("w:pPr/w:numPr", NS) is not None
    }


def alineas(docx: Path) -> list[tuple[str, bool, str]]:
    """Every body paragraph (not in tables) as (style name, in a list, text)."""
    names = stijlnamen(docx)
    lijststijlen = genummerde_stijlen(docx)
    result = []
    for p in xml(docx).iterfind("w:body/w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        style_id = style.get(f"{{{W}}}val") if style is not None else "Normal"
        numbered = p.find("w:pPr/w:numPr", NS) is not None or style_id in lijststijlen
        result.append((names.get(style_id, style_id), numbered, tekst(p)))
    return result


def koppen(docx: Path, niveau: int) -> list[str]:
    return [t for style, _, t in alineas(docx) if style == f"heading {niveau}"]


def bouw_docx(tree: Tree, text: str, out: Path) -> Path:
    bron = tree({"doc.yaml": text})["doc.yaml"]
    resultaat = bouw_bestand(bron, out, formaten=("docx",))
    assert resultaat.fout is None, str(resultaat.fout)
    return resultaat.geschreven[0]


@pytest.fixture(scope="module")
def docx(gebouwd: dict[str, Path]) -> Path:
    return gebouwd[".docx"]


def test_secties_in_kopstijlen(docx: Path) -> None:
    assert koppen(docx, 1) == [
        "Onderwerp",
        "Voorstel",
        "Samenvatting",
        "Juridisch kader",
        "Aanleiding",
        "Welke data zijn gebruikt en op welke manier wordt de uitvoering gemonitord?",
        "Welke externe belanghebbenden zijn betrokken en hoe is het proces gevoerd?",
        "Wat willen we gaan doen?",
        "Afweging van argumenten voor en tegen",
        "Kanttekeningen",
        "Wat mag het kosten en waar gaan we het van betalen?",
        "Risico's",
        "Communicatie",
        "Bijlagen",
    ]
    kop2 = koppen(docx, 2)
    assert kop2[:3] == [
        "1.1 Dit voorstel past binnen de bestuurlijke opgave",
        "1.2 JIM is een alternatieve vorm die gesloten jeugdzorg kan voorkomen en sluit aan "
        "bij de opdracht vanuit de Hervormingsagenda Jeugd om deze alternatieven te "
        "ontwikkelen",
        "1.3 JIM en Sterke Lokale Teams",
    ]
    assert "Kosten JIM januari t/m juni 2025" in kop2
    assert "Kernboodschap" in kop2


def test_beslispunten_zijn_een_genummerde_lijst(docx: Path) -> None:
    paragraphs = alineas(docx)
    start = paragraphs.index(("heading 1", False, "Voorstel")) + 1
    punten = paragraphs[start : start + 4]
    assert [(style, numbered) for style, numbered, _ in punten] == [("List Number", True)] * 4
    assert punten[0][2].startswith("De huidige pilot JIM-methodiek voort te zetten")
    assert "€ 11.326,00" in punten[0][2]
    assert paragraphs[start + 4] == ("heading 1", False, "Samenvatting")


def test_lijsten_beginnen_elk_bij_een(docx: Path) -> None:
    """Each numbered list has its own w:num restarting at 1, so 'Snel & dichtbij' is 1."""
    body = xml(docx)
    num_ids = [
        n.get(f"{{{W}}}val") for n in body.iterfind(".//w:body/w:p/w:pPr/w:numPr/w:numId", NS)
    ]
    beslispunten, opgaven, bijlagen = num_ids[:4], num_ids[4:6], num_ids[6:]
    assert len(set(beslispunten)) == len(set(opgaven)) == len(set(bijlagen)) == 1
    assert len({beslispunten[0], opgaven[0], bijlagen[0]}) == 3
    numbering = xml(docx, "word/numbering.xml")
    for num_id in {beslispunten[0], opgaven[0], bijlagen[0]}:
        start = numbering.find(f"w:num[@w:numId='{num_id}']/w:lvlOverride/w:startOverride", NS)
        assert start is not None and start.get(f"{{{W}}}val") == "1"


def test_kostentabel_is_een_echte_tabel(docx: Path) -> None:
    tabellen = xml(docx).findall(".//w:tbl", NS)
    assert len(tabellen) == 4
    kosten = tabellen[1]
    rijen = [[tekst(tc) for tc in tr.iterfind("w:tc", NS)] for tr in kosten.iterfind("w:tr", NS)]
    assert rijen[0] == ["Onderdeel", "Toelichting", "Opmerking", "Bedrag"]
    assert rijen[1][0] == "Inzet systeemtherapeut JIM 8 u p.w."
    assert rijen[1][3] == "€ 25.000"
    assert [r[3] for r in rijen[1:-1]] == ["€ 25.000", "€ 30.000", "€ 10.000", "€ 4.000", "€ 1.000"]
    assert rijen[-1] == ["Totaal", "", "", "€ 70.000"]
    kop = kosten.find("w:tr", NS)
    assert kop.find("w:trPr/w:tblHeader", NS) is not None
    assert all(tr.find("w:trPr/w:tblHeader", NS) is None for tr in kosten.findall("w:tr", NS)[1:])
    tweede = [
        [tekst(tc) for tc in tr.iterfind("w:tc", NS)] for tr in tabellen[3].iterfind("w:tr", NS)
    ]
    assert tweede[0] == ["Onderdeel", "Bedrag 1 jaar"]
    assert tweede[-1] == ["Totaal", "€ 503.504"]


def test_doelen_tabel(docx: Path) -> None:
    doelen = xml(docx).find(".//w:tbl", NS)
    rijen = [[tekst(tc) for tc in tr.iterfind("w:tc", NS)] for tr in doelen.iterfind("w:tr", NS)]
    assert rijen == [
        ["Beoogd resultaat", "Aantal"],
        ["Aantal getrainde professionals", "24"],
        ["Aantal casussen specialistische context", "30"],
        ["Aantal casussen begeleidingscontext", "25"],
    ]


def test_kopblok(docx: Path) -> None:
    kop = [t for style, _, t in alineas(docx) if style == "Kopblok"]
    assert kop == ["Datum: 5 december 2024 | Openbaar | Zaaknummer: 1060308"]


def test_vet_wordt_w_b_en_nooit_sterretjes(docx: Path) -> None:
    body = xml(docx)
    assert "*" not in tekst(body)
    vet = [
        tekst(r)
        for r in body.iterfind(".//w:body/w:p/w:r", NS)
        if r.find("w:rPr/w:b", NS) is not None
    ]
    assert vet == ["Let op:"]


def test_voetnoten(docx: Path) -> None:
    body = xml(docx)
    refs = [r.get(f"{{{W}}}id") for r in body.iterfind(".//w:footnoteReference", NS)]
    assert refs == ["1", "2", "3"]
    notes = {
        n.get(f"{{{W}}}id"): tekst(n).strip()
        for n in xml(docx, "word/footnotes.xml").iterfind("w:footnote", NS)
        if n.get(f"{{{W}}}type") is None
    }
    assert notes == {
        "1": "De jeugdhulpregio West-Brabant Oost bestaat uit de gemeenten Altena, Breda, "
        "Drimmelen, Geertruidenberg en Oosterhout.",
        "2": "Plan van Aanpak JIM regio West-Brabant Oost juli 2022-juli 2024",
        "3": "Dit door personeelstekorten, niet vervangen van ziekteverlof.",
    }
    assert "[^" not in tekst(body)


def test_geen_sjabloontags_over(docx: Path) -> None:
    text = tekst(xml(docx))
    for tag in ("{{", "}}", "{%", "%}"):
        assert tag not in text


def test_eigenschappen(docx: Path) -> None:
    props = Document(str(docx)).core_properties
    assert props.title == "Collegevoorstel: Continuïteit pilot JIM en inkoop JIM"
    assert props.language == "nl-NL"
    assert props.author == "Gemeente Oosterhout"


def test_prozalijsten_en_opmaak(tree: Tree, tmp_path: Path) -> None:
    prose = (
        "samenvatting: |\n"
        "  Eerst **vet** en *cursief*.\n\n"
        "  - appel\n"
        "  - peer\n\n"
        "  3. drie\n"
        "  4. vier\n"
    )
    text = MINIMAAL.replace("samenvatting: Een korte samenvatting.\n", prose)
    docx = bouw_docx(tree, text, tmp_path / "out")
    paragraphs = alineas(docx)
    start = paragraphs.index(("heading 1", False, "Samenvatting")) + 1
    assert paragraphs[start:] == [
        ("Normal", False, "Eerst vet en cursief."),
        ("List Bullet", True, "appel"),
        ("List Bullet", True, "peer"),
        ("List Number", True, "drie"),
        ("List Number", True, "vier"),
    ]
    runs = xml(docx).findall(".//w:body/w:p", NS)[-5].findall("w:r", NS)
    opmaak = [
        (tekst(r), r.find("w:rPr/w:b", NS) is not None, r.find("w:rPr/w:i", NS) is not None)
        for r in runs
    ]
    assert opmaak == [
        ("Eerst ", False, False),
        ("vet", True, False),
        (" en ", False, False),
        ("cursief", False, True),
        (".", False, False),
    ]


def test_weggelaten_secties_verschijnen_niet(tree: Tree, tmp_path: Path) -> None:
    docx = bouw_docx(tree, MINIMAAL, tmp_path / "out")
    assert koppen(docx, 1) == ["Onderwerp", "Voorstel", "Samenvatting"]
    assert koppen(docx, 2) == []
    assert xml(docx).find(".//w:tbl", NS) is None
    assert [t for _, _, t in alineas(docx) if not t] == []


def test_kerneigenschappen_in_de_juiste_namespace(docx: Path) -> None:
    core = xml(docx, "docProps/core.xml")
    kern = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    vreemd = [el.tag for el in core if el.tag.startswith("{") and "custom-properties" in el.tag]
    assert vreemd == []
    assert len(core.findall(f"{{{kern}}}keywords")) == 1
    assert core.findtext(f"{{{kern}}}keywords") == "collegevoorstel"
    assert core.findtext(f"{{{kern}}}revision") == "1"
