"""voorstel diff --docx: the new version with every change from the old one as a tracked
change, and --md with CriticMarkup.

Each example gets a changed figure, sentence, table row and beslispunt. The tests check the
w:ins and w:del in document.xml, and have LibreOffice accept and reject every change (UNO,
through tests/lo_revisies.py): the text must be that of the plain builds of the new and the
old version. Skipped where LibreOffice or its Python bridge is missing, except in CI.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import ROOT, VOORBEELD
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.uitvoer.revisie import DEL, EIND, INS, critic_md, tekstwijziging

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
SLEUTEL = ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml"
DALFSEN = ROOT / "data" / "dalfsen"
RIB = DALFSEN / "rib-inkoop-jeugdhulp-ijsselland.yaml"
RAADSVOORSTEL = DALFSEN / "raadsvoorstel-kademuur-vechtkade.yaml"
HELPER = Path(__file__).with_name("lo_revisies.py")
GEMEENTEN = ("altena", "breda", "drimmelen", "geertruidenberg", "oosterhout")


def kopie(map_: Path, bron: Path, *gedeeld: Path) -> Path:
    """A document and the shared files it uses in a folder of their own."""
    map_.mkdir(parents=True, exist_ok=True)
    for pad in gedeeld:
        shutil.copy(pad, map_ / pad.name)
    toml = bron.with_name("voorstel.toml")
    if toml.is_file():
        shutil.copy(toml, map_ / toml.name)  # the project's own kop fields
    else:
        (map_ / "voorstel.toml").touch()
    return Path(shutil.copy(bron, map_ / bron.name))


def vervang(pad: Path, *paren: tuple[str, str]) -> None:
    tekst = pad.read_text("utf-8")
    for oud, nieuw in paren:
        assert tekst.count(oud) == 1, oud
        tekst = tekst.replace(oud, nieuw)
    pad.write_text(tekst, "utf-8")


def jim_gewijzigd(pad: Path) -> None:
    """A figure, a sentence, a table row, a beslispunt and a footnote of the JIM proposal."""
    vervang(
        pad,
        ("bedrag: 25000", "bedrag: 27500"),
        ("totaal: 70000", "totaal: 82500"),
        (
            "Het voornemen is dit\n  taakgericht te doen.",
            "Het voornemen is dit\n  resultaatgericht te doen.",
        ),
        (
            "            bedrag: 1000\n",
            "            bedrag: 1000\n          - onderdeel: Projectleiding\n"
            "            toelichting: Regie op de aanbesteding\n            bedrag: 10000\n",
        ),
        (
            "  - >-\n    De inkoop van deze voorzieningen",
            "  - >-\n    De raad te informeren over de voortgang van de pilot JIM.\n"
            "  - >-\n    De inkoop van deze voorzieningen",
        ),
        ("Dit door personeelstekorten, niet", "Dit door personeelstekorten en het niet"),
    )


def diff(*args: str | Path) -> str:
    result = CliRunner().invoke(main, ["diff", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def wijzigingen(docx: Path, deel: str = "word/document.xml") -> list[tuple[str, str, str]]:
    """Every w:ins and w:del in a part: (ins/del, tekst/alinea/rij, the text it holds, or
    for a paragraph mark the paragraph's and for a row the row's text)."""
    root = etree.fromstring(zipfile.ZipFile(docx).read(deel))
    uit = []
    for element in root.iter(f"{W}ins", f"{W}del"):
        ouder = element.getparent()
        if ouder.tag == f"{W}trPr":
            cellen = ouder.getparent().iter(f"{W}tc")
            uit.append((element.tag[len(W) :], "rij", " | ".join(map(_tekst, cellen))))
        elif ouder.tag == f"{W}rPr":
            uit.append((element.tag[len(W) :], "alinea", _tekst(ouder.getparent().getparent())))
        else:
            uit.append((element.tag[len(W) :], "tekst", _tekst(element)))
    return uit


def _tekst(element: Any) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText"))


def lijstnummers(root: Any, begin: str) -> list[str]:
    """The numbering ids of the list items whose text starts with `begin`."""
    return [
        p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        for p in root.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}numPr") is not None and _tekst(p).startswith(begin)
    ]


def gebouwd(bron: Path, out: Path, naam: str) -> Path:
    """The plain build of a document: the output called `naam`."""
    resultaat = bouw_bestand(bron, out)
    assert resultaat.fout is None, str(resultaat.fout)
    return next(p for p in resultaat.geschreven if p.name == naam)


def uno_python() -> str:
    """A Python with LibreOffice's UNO bridge (python3-uno), and soffice; or skip."""
    ontbreekt = None
    if shutil.which("soffice") is None:
        ontbreekt = "soffice"
    else:
        for kandidaat in ("/usr/bin/python3", shutil.which("python3")):
            if kandidaat and Path(kandidaat).is_file():
                proef = subprocess.run(
                    [kandidaat, "-c", "import uno"], capture_output=True, check=False
                )
                if proef.returncode == 0:
                    return kandidaat
        ontbreekt = "python3-uno"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{ontbreekt} ontbreekt in CI; installeer libreoffice-writer en python3-uno")
    pytest.skip(f"{ontbreekt} niet geïnstalleerd")


def libreoffice(
    tmp: Path, opdrachten: Sequence[tuple[Path, str]], pdf: Path | None = None
) -> list[dict[str, Any]]:
    """Have LibreOffice do each (docx, 'accepteer'/'verwerp'/'niets'); what it then reads."""
    python = uno_python()
    jobs = [
        {"docx": str(docx), "doen": doen, "uit": str(tmp / f"lo-{n}.json")}
        for n, (docx, doen) in enumerate(opdrachten)
    ]
    if pdf is not None:
        jobs[0]["pdf"] = str(pdf)
    (tmp / "lo.json").write_text(json.dumps(jobs), "utf-8")
    subprocess.run([python, str(HELPER), str(tmp / "lo.json")], check=True, timeout=600)
    return [json.loads(Path(j["uit"]).read_text("utf-8")) for j in jobs]


def aanvaard_en_verworpen(
    tmp: Path, versies: tuple[Path, Path], *stukken: tuple[Path, str], voetnoten: bool = False
) -> list[dict[str, Any]]:
    """LibreOffice accepts and rejects every change of each tracked-changes file (with the
    name of its output): the text must be that of the plain builds of the new and the old
    version, in one LibreOffice run. What accepting gave, per file."""
    oud, nieuw = versies
    opdrachten: list[tuple[Path, str]] = []
    for docx, naam in stukken:
        plain_oud = gebouwd(oud, tmp / "b-oud", naam)
        plain_nieuw = gebouwd(nieuw, tmp / "b-nieuw", naam)
        opdrachten += [
            (docx, "accepteer"),
            (docx, "verwerp"),
            (plain_oud, "niets"),
            (plain_nieuw, "niets"),
        ]
    gelezen = libreoffice(tmp, opdrachten)
    aanvaard = []
    for begin in range(0, len(gelezen), 4):
        a, v, oud_lo, nieuw_lo = gelezen[begin : begin + 4]
        waar = opdrachten[begin][0]
        assert oud_lo["regels"] != nieuw_lo["regels"], waar
        assert a["regels"] == nieuw_lo["regels"], waar
        assert v["regels"] == oud_lo["regels"], waar
        if voetnoten:
            assert a["voetnoten"] == nieuw_lo["voetnoten"], waar
            assert v["voetnoten"] == oud_lo["voetnoten"], waar
        aanvaard.append(a)
    return aanvaard


def test_jim_oosterhout_wijzigingen_in_word(tmp_path: Path) -> None:
    oud = kopie(tmp_path / "oud", VOORBEELD, SLEUTEL)
    nieuw = kopie(tmp_path / "nieuw", VOORBEELD, SLEUTEL)
    jim_gewijzigd(nieuw)
    docx = tmp_path / "wijzigingen.docx"
    uitvoer = diff(oud, nieuw, "--docx", docx, "--gemeente", "oosterhout")
    assert "geschreven: " in uitvoer and "(de versie voor Oosterhout, " in uitvoer
    assert wijzigingen(docx) == [
        # beslispunt 1: the bijdrage in the text, word for word
        ("del", "tekst", "11.326,00"),
        ("ins", "tekst", "13.348,00"),
        # a new beslispunt: the paragraph mark and its text
        ("ins", "alinea", "De raad te informeren over de voortgang van de pilot JIM."),
        ("ins", "tekst", "De raad te informeren over de voortgang van de pilot JIM."),
        # a sentence of the samenvatting: one word
        ("del", "tekst", "taakgericht"),
        ("ins", "tekst", "resultaatgericht"),
        # the pilotkosten: a figure changed, a row inserted, the total
        ("del", "tekst", "€ 25.000"),
        ("ins", "tekst", "€ 27.500"),
        ("ins", "rij", "Projectleiding | Regie op de aanbesteding |  | € 10.000"),
        ("ins", "tekst", "Projectleiding"),
        ("ins", "tekst", "Regie op de aanbesteding"),
        ("ins", "tekst", "€ 10.000"),
        ("del", "tekst", "€ 70.000"),
        ("ins", "tekst", "€ 82.500"),
        # the verdeling: every bijdrage and the total, each cell one deletion and insertion
        ("del", "tekst", "€ 12.831,00"),
        ("ins", "tekst", "€ 15.122,00"),
        ("del", "tekst", "€ 36.442,00"),
        ("ins", "tekst", "€ 42.950,00"),
        ("del", "tekst", "€ 5.068,00"),
        ("ins", "tekst", "€ 5.973,00"),
        ("del", "tekst", "€ 4.333,00"),
        ("ins", "tekst", "€ 5.107,00"),
        ("del", "tekst", "€ 11.326,00"),
        ("ins", "tekst", "€ 13.348,00"),
        ("del", "tekst", "€ 70.000,00"),
        ("ins", "tekst", "€ 82.500,00"),
        # Oosterhout's bijdrage in the text after the table
        ("del", "tekst", "11.326,00"),
        ("ins", "tekst", "13.348,00"),
    ]
    assert wijzigingen(docx, "word/footnotes.xml") == [
        ("del", "tekst", ","),
        ("ins", "tekst", " en het"),
    ]
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    for element in root.iter(f"{W}ins", f"{W}del"):
        assert element.get(f"{W}author") == "voorstel"
        assert element.get(f"{W}date", "").endswith("Z")
    assert b"w:comment" not in zipfile.ZipFile(docx).read("word/document.xml")  # no shared file
    # the new beslispunt is in the same Word list as the others: Word numbers it, and
    # renumbers the rest after accepting or rejecting
    assert len(set(lijstnummers(root, "De "))) == 1

    plain_oud = gebouwd(oud, tmp_path / "b-oud", "jim-oosterhout.docx")
    plain_nieuw = gebouwd(nieuw, tmp_path / "b-nieuw", "jim-oosterhout.docx")
    pdf = tmp_path / "wijzigingen.pdf"
    zichtbaar, aanvaard, verworpen, oud_lo, nieuw_lo = libreoffice(
        tmp_path,
        [
            (docx, "niets"),
            (docx, "accepteer"),
            (docx, "verwerp"),
            (plain_oud, "niets"),
            (plain_nieuw, "niets"),
        ],
        pdf,
    )
    assert zichtbaar["wijzigingen"] > 0
    assert aanvaard["over"] == verworpen["over"] == 0
    assert aanvaard["regels"] == nieuw_lo["regels"]
    assert aanvaard["voetnoten"] == nieuw_lo["voetnoten"]
    assert verworpen["regels"] == oud_lo["regels"]
    assert verworpen["voetnoten"] == oud_lo["voetnoten"]
    assert oud_lo["regels"] != nieuw_lo["regels"]
    # the PDF shows both versions of a change (struck through and underlined)
    if shutil.which("pdftotext"):
        tekst = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        for stuk in ("taakgericht", "resultaatgericht", "25.000", "27.500", "Projectleiding"):
            assert stuk in tekst, stuk


def test_verdeelsleutel_gewijzigd_elke_versie_met_opmerking(tmp_path: Path) -> None:
    oud = kopie(tmp_path / "oud", VOORBEELD, SLEUTEL)
    nieuw = kopie(tmp_path / "nieuw", VOORBEELD, SLEUTEL)
    vervang(
        nieuw.with_name(SLEUTEL.name),
        ('Breda: "52,06%"', 'Breda: "50,06%"'),
        ('Oosterhout: "16,18%"', 'Oosterhout: "18,18%"'),
    )
    map_ = tmp_path / "wijzigingen"
    uitvoer = diff(oud, nieuw, "--docx", tmp_path / "wijzigingen.docx")
    namen = ["jim.docx", *(f"jim-{g}.docx" for g in GEMEENTEN)]
    assert sorted(p.name for p in map_.iterdir()) == sorted(namen)
    for naam in namen:
        assert f"geschreven: {map_ / naam}" in uitvoer or f"{naam} (" in uitvoer
        docx = map_ / naam
        gevonden = wijzigingen(docx)
        assert ("del", "tekst", "52,06%") in gevonden and ("ins", "tekst", "50,06%") in gevonden
        assert ("ins", "tekst", "€ 12.726,00") in gevonden  # Oosterhout's new bijdrage
        opmerkingen = zipfile.ZipFile(docx).read("word/comments.xml").decode()
        assert opmerkingen.count("<w:comment ") == 1
        assert "gewijzigd door verdeelsleutel-wbo-2024.yaml" in opmerkingen
        document = zipfile.ZipFile(docx).read("word/document.xml").decode()
        assert document.count("<w:commentRangeStart") == 1
        # the comment is on the first change the key made: around its deletion and insertion
        start = document.index("<w:commentRangeStart")
        einde = document.index("<w:commentRangeEnd")
        assert document.index("<w:del ", start) < document.index("<w:ins ", start) < einde
    breda = wijzigingen(map_ / "jim-breda.docx")
    assert breda[:2] == [("del", "tekst", "36.442,00"), ("ins", "tekst", "35.042,00")]
    altena = wijzigingen(map_ / "jim-altena.docx")
    assert ("del", "tekst", "12.831,00") not in altena  # Altena's own figures stayed
    bestanden = [map_ / n for n in namen]
    gelezen = libreoffice(tmp_path, [(p, "niets") for p in bestanden])
    for resultaat in gelezen:
        assert resultaat["opmerkingen"] == ["voorstel: gewijzigd door verdeelsleutel-wbo-2024.yaml"]


def test_raadsvoorstel_met_raadsbesluit(tmp_path: Path) -> None:
    """A soort with several stukken: the document at --docx, the others beside it; a
    beslispunt with onderdelen reworded, a table row removed, the begroting recomputed."""
    gedeeld = [DALFSEN / "begroting-2026.xlsx"]
    oud = kopie(tmp_path / "oud", RAADSVOORSTEL, *gedeeld)
    nieuw = kopie(tmp_path / "nieuw", RAADSVOORSTEL, *gedeeld)
    vervang(
        nieuw,
        (
            "over een lengte van 180 meter, bestaande uit:",
            "over een lengte van 200 meter, bestaande uit:",
        ),
        ("      - € 145.000 voor onvoorziene kosten (10%).\n", ""),
        (
            "      - € 230.000 voor de herinrichting van de kade;",
            "      - € 230.000 voor de herinrichting van de kade.",
        ),
        (
            "          - onderdeel: Onvoorzien (10%)\n            bedrag: 145000\n",
            "",
        ),
        ("totaal: 1450000", "totaal: 1305000"),
        ("Een krediet van € 1.450.000", "Een krediet van € 1.305.000"),
    )
    docx = tmp_path / "wijzigingen.docx"
    diff(oud, nieuw, "--docx", docx)
    assert docx.is_file()
    assert (tmp_path / "wijzigingen-raadsbesluit.docx").is_file()
    assert (tmp_path / "wijzigingen-collegeoplegger.docx").is_file()
    gevonden = wijzigingen(docx)
    assert ("del", "tekst", "180") in gevonden and ("ins", "tekst", "200") in gevonden
    assert ("del", "rij", "Onvoorzien (10%) | € 145.000") in gevonden
    assert ("del", "alinea", "€ 145.000 voor onvoorziene kosten (10%).") in gevonden
    # the deleted onderdeel d. keeps the numbering of a., b. and c. in the new document
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    assert len(set(lijstnummers(root, "€ "))) == 1
    besluit = wijzigingen(tmp_path / "wijzigingen-raadsbesluit.docx")
    assert ("del", "alinea", "€ 145.000 voor onvoorziene kosten (10%).") in besluit
    naam = "raadsvoorstel-kademuur-vechtkade"
    aanvaard_en_verworpen(
        tmp_path,
        (oud, nieuw),
        (docx, f"{naam}.docx"),
        (tmp_path / "wijzigingen-raadsbesluit.docx", f"{naam}-raadsbesluit.docx"),
        voetnoten=True,
    )


def test_raadsinformatiebrief_alinea_erbij_en_eraf(tmp_path: Path) -> None:
    oud = kopie(tmp_path / "oud", RIB)
    nieuw = kopie(tmp_path / "nieuw", RIB)
    vervang(
        nieuw,
        (
            "      Naast een keuzebudget is er ook de mogelijkheid",
            "      Een nieuwe alinea over de toegang.\n\n"
            "      Naast een keuzebudget is er ook de mogelijkheid",
        ),
        (
            "  inkoopproces.\n",
            "  inkoopproces. De aanbieders krijgen in mei een brief.\n",
        ),
        (
            "  De raad wordt over voortgang en effecten van het inkoopmodel geïnformeerd via de "
            "bestaande\n  periodieke rapportages.\n",
            "  De raad wordt geïnformeerd via de bestaande periodieke rapportages.\n",
        ),
    )
    docx = tmp_path / "wijzigingen.docx"
    md = tmp_path / "wijzigingen.md"
    diff(oud, nieuw, "--docx", docx, "--md", md)
    gevonden = wijzigingen(docx)
    assert gevonden[:2] == [
        ("ins", "alinea", "Een nieuwe alinea over de toegang."),
        ("ins", "tekst", "Een nieuwe alinea over de toegang."),
    ]
    assert ("ins", "tekst", " De aanbieders krijgen in mei een brief.") in gevonden
    assert ("del", "tekst", " over voortgang en effecten van het inkoopmodel") in gevonden
    tekst = md.read_text("utf-8")
    assert "{++Een nieuwe alinea over de toegang.++}" in tekst
    assert "inkoopproces.{++ De aanbieders krijgen in mei een brief.++}" in tekst
    aanvaard_en_verworpen(tmp_path, (oud, nieuw), (docx, "rib-inkoop-jeugdhulp-ijsselland.docx"))


def test_critic_markup() -> None:
    """A changed value word by word; marks as CriticMarkup, opened and closed per line, a
    line's indentation outside the stretch."""
    assert tekstwijziging("Een zin over de kosten.", "Een zin over de baten.") == (
        f"Een zin over de {DEL}kosten{EIND}{INS}baten{EIND}."
    )
    assert tekstwijziging("€ 11.326,00 per jaar", "€ 13.348,00 per jaar") == (
        f"€ {DEL}11.326,00{EIND}{INS}13.348,00{EIND} per jaar"
    )
    tekst, aantal = critic_md(
        f"1. Eerste punt\n{INS}   2. Nieuw punt\n\n   met een tweede regel\n{EIND}"
        f"| a | € {DEL}1{EIND}{INS}2{EIND} |\n"
    )
    assert tekst == (
        "1. Eerste punt\n   {++2. Nieuw punt++}\n\n   {++met een tweede regel++}\n"
        "| a | € {--1--}{++2++} |\n"
    )
    assert aantal == 4


def test_jim_md_met_criticmarkup(tmp_path: Path) -> None:
    oud = kopie(tmp_path / "oud", VOORBEELD, SLEUTEL)
    nieuw = kopie(tmp_path / "nieuw", VOORBEELD, SLEUTEL)
    jim_gewijzigd(nieuw)
    md = tmp_path / "wijzigingen.md"
    diff(oud, nieuw, "--md", md, "--gemeente", "Oosterhout")
    tekst = md.read_text("utf-8")
    assert "middelen van € {--11.326,00--}{++13.348,00++} in te zetten" in tekst
    assert "{++3. De raad te informeren over de voortgang van de pilot JIM.++}" in tekst
    assert "4. De inkoop van deze voorzieningen" in tekst  # renumbered, no change of its own
    assert "dit {--taakgericht--}{++resultaatgericht++} te doen" in tekst
    assert "{++| Projectleiding | Regie op de aanbesteding |  | € 10.000 |++}" in tekst
    assert "| **Totaal** | | | **€ {--70.000--}{++82.500++}** |" in tekst


def test_rev_auteur_en_datum_uit_git(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git niet geïnstalleerd")
    repo = tmp_path / "repo"
    pad = kopie(repo, VOORBEELD, SLEUTEL)
    omgeving = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Beleidsadviseur Jeugd",
        "GIT_AUTHOR_EMAIL": "jeugd@example.org",
        "GIT_COMMITTER_NAME": "Beleidsadviseur Jeugd",
        "GIT_COMMITTER_EMAIL": "jeugd@example.org",
        "GIT_COMMITTER_DATE": "2024-12-02T10:00:00+01:00",
        "GIT_AUTHOR_DATE": "2024-12-02T10:00:00+01:00",
    }

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=omgeving, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "eerste versie")
    jim_gewijzigd(pad)
    git("commit", "-qam", "na het portefeuillehoudersoverleg")
    docx = tmp_path / "wijzigingen.docx"
    diff("--rev", "HEAD~1..HEAD", pad, "--docx", docx, "--gemeente", "Oosterhout")
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    gevonden = list(root.iter(f"{W}ins", f"{W}del"))
    assert gevonden
    for element in gevonden:
        assert element.get(f"{W}author") == "Beleidsadviseur Jeugd"
        assert element.get(f"{W}date") == "2024-12-02T09:00:00Z"


def test_gemeente_onbekend_en_zonder_docx(tmp_path: Path) -> None:
    oud = kopie(tmp_path / "oud", VOORBEELD, SLEUTEL)
    nieuw = kopie(tmp_path / "nieuw", VOORBEELD, SLEUTEL)
    result = CliRunner().invoke(
        main,
        ["diff", str(oud), str(nieuw), "--docx", str(tmp_path / "w.docx"), "--gemeente", "Tilburg"],
    )
    assert result.exit_code == 1
    assert (
        "de gemeente 'Tilburg' staat niet in de verdeelsleutel; kies uit: Altena" in result.output
    )
    assert not (tmp_path / "w.docx").exists()
    result = CliRunner().invoke(main, ["diff", str(oud), str(nieuw), "--gemeente", "Breda"])
    assert result.exit_code == 2
    assert "--gemeente hoort bij --docx of --md" in result.output


def test_werkmap_gewijzigd_met_opmerking(tmp_path: Path) -> None:
    """A cell of the workbook changed: the begroting's figures change, and the first of
    those changes says which file made it; a sentence changed in the YAML says nothing."""
    bron = DALFSEN / "begrotingswijziging-jeugdhulp-2026.yaml"
    oud = kopie(tmp_path / "oud", bron, DALFSEN / "begroting-2026.xlsx")
    nieuw = kopie(tmp_path / "nieuw", bron, DALFSEN / "begroting-2026.xlsx")
    boek = openpyxl.load_workbook(nieuw.with_name("begroting-2026.xlsx"))
    boek["Wijziging"]["C4"] = -70000
    boek.save(nieuw.with_name("begroting-2026.xlsx"))
    vervang(nieuw, ("leidt tot hogere lasten", "leidt tot flink hogere lasten"))
    docx = tmp_path / "wijzigingen.docx"
    diff(oud, nieuw, "--docx", docx)
    gevonden = wijzigingen(docx)
    assert ("del", "tekst", "€ 398.500 N") in gevonden
    assert ("ins", "tekst", "€ 70.000 N") in gevonden
    document = zipfile.ZipFile(docx).read("word/document.xml").decode()
    assert document.count("<w:commentRangeStart") == 1
    start, einde = document.index("<w:commentRangeStart"), document.index("<w:commentRangeEnd")
    assert "€ 398.500 N" in document[start:einde] and "€ 70.000 N" in document[start:einde]
    assert document.index("flink") < start  # the sentence changed first, and by the YAML
    opmerkingen = zipfile.ZipFile(docx).read("word/comments.xml").decode()
    assert "gewijzigd door begroting-2026.xlsx" in opmerkingen
    (a,) = aanvaard_en_verworpen(tmp_path, (oud, nieuw), (docx, bron.with_suffix(".docx").name))
    assert a["opmerkingen"] == ["voorstel: gewijzigd door begroting-2026.xlsx"]


def test_inkoopstrategie_met_tabel_per_jaar(tmp_path: Path) -> None:
    """A table by year (its keys are numbers), a table of its own (opdrachtwaarde) with a
    row added, a sentence, and a prose cell of the risk table."""
    bron = ROOT / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"
    oud = kopie(tmp_path / "oud", bron)
    nieuw = kopie(tmp_path / "nieuw", bron)
    tekst = (
        ("Nederland staat voor grote", "Nederland staat voor enorme"),
        ("waardoor op- en afschalen niet mogelijk is", "waardoor op- en afschalen soms niet kan"),
    )
    vervang(
        nieuw,
        (
            "      bedrag: 16000000\n",
            "      bedrag: 17500000\n    - onderdeel: Ambulante hulp\n      bedrag: 5000000\n",
        ),
        ("    Oosterhout: {2018: 1403, 2019: 1448,", "    Oosterhout: {2018: 1403, 2019: 1548,"),
        *tekst,
    )
    docx = tmp_path / "wijzigingen.docx"
    uitvoer = diff(oud, nieuw, "--docx", docx)
    assert "Oosterhout, 2019: 1.448 → 1.548" in uitvoer
    gevonden = wijzigingen(docx)
    for paar in (("1.448", "1.548"), ("€ 16.000.000", "€ 17.500.000")):
        assert ("del", "tekst", paar[0]) in gevonden and ("ins", "tekst", paar[1]) in gevonden
    # Oosterhout's chart changed (its data did): that chart alone is deleted and inserted,
    # the other gemeenten' charts stand as they were; the old image is new to the file
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    weg = root.findall(f".//{W}del/{W}r/{W}drawing")
    erbij = root.findall(f".//{W}ins/{W}r/{W}drawing")
    assert len(weg) == len(erbij) == 1
    for tekening in (*weg, *erbij):
        alt = tekening.find(f".//{{{WP}}}docPr").get("descr")
        assert "per jaar in Oosterhout," in alt, alt
    assert "2019: 1.448 " in weg[0].find(f".//{{{WP}}}docPr").get("descr")
    assert "2019: 1.548 " in erbij[0].find(f".//{{{WP}}}docPr").get("descr")
    assert len(root.findall(f".//{W}drawing")) == 6
    namen = zipfile.ZipFile(docx).namelist()
    assert len([n for n in namen if n.startswith("word/media/")]) == 6
    assert ("del", "tekst", "grote") in gevonden and ("ins", "tekst", "enorme") in gevonden
    assert ("ins", "rij", "Ambulante hulp | € 5.000.000") in gevonden
    assert ("ins", "tekst", "soms ") in gevonden  # in a prose cell of the risk table
    assert ("del", "tekst", "mogelijk is") in gevonden and ("ins", "tekst", "kan") in gevonden
    # LibreOffice (7.x) joins a paragraph of charts to the one before it when it rejects a
    # changed chart in it, so accepting and rejecting is compared without the chart's change
    nieuw = kopie(tmp_path / "nieuw-tekst", bron)
    vervang(
        nieuw,
        (
            "      bedrag: 16000000\n",
            "      bedrag: 17500000\n    - onderdeel: Ambulante hulp\n      bedrag: 5000000\n",
        ),
        *tekst,
    )
    docx = tmp_path / "wijzigingen-tekst.docx"
    diff(oud, nieuw, "--docx", docx)
    naam = bron.with_suffix(".docx").name
    aanvaard_en_verworpen(tmp_path, (oud, nieuw), (docx, naam), voetnoten=True)


def test_collegevoorstel_dalfsen_wijzigingen_in_word(tmp_path: Path) -> None:
    """A figure and a row of the workbook, a sentence and a beslispunt of the YAML; the
    new row needs the new range, so what the workbook changed is found the other way round
    (the old text with the new workbook)."""
    bron = DALFSEN / "begrotingswijziging-jeugdhulp-2026.yaml"
    oud = kopie(tmp_path / "oud", bron, DALFSEN / "begroting-2026.xlsx")
    nieuw = kopie(tmp_path / "nieuw", bron, DALFSEN / "begroting-2026.xlsx")
    boek = openpyxl.load_workbook(nieuw.with_name("begroting-2026.xlsx"))
    boek["Wijziging"]["C4"] = -70000
    for kolom, waarde in zip(
        "ABCDE", ["Lasten projectleiding (taakveld 6.72)", -20000, -20000, 0, 0], strict=True
    ):
        boek["Wijziging"][f"{kolom}8"] = waarde
    boek.save(nieuw.with_name("begroting-2026.xlsx"))
    vervang(
        nieuw,
        ("bereik: A3:E7", "bereik: A3:E8"),
        ("leidt tot hogere lasten", "leidt tot flink hogere lasten"),
        (
            "    begrotingswijziging.\n",
            "    begrotingswijziging.\n  - >-\n"
            "    De raad te informeren over de uitkomst van de aanbesteding.\n",
        ),
    )
    docx = tmp_path / "wijzigingen.docx"
    diff(oud, nieuw, "--docx", docx)
    nieuwe_rij = "Lasten projectleiding (taakveld 6.72)"
    assert wijzigingen(docx) == [
        ("ins", "alinea", "De raad te informeren over de uitkomst van de aanbesteding."),
        ("ins", "tekst", "De raad te informeren over de uitkomst van de aanbesteding."),
        ("ins", "tekst", " flink"),
        ("del", "tekst", "€ 398.500 N"),
        ("ins", "tekst", "€ 70.000 N"),
        ("del", "tekst", "€ 1.607.500 N"),
        ("ins", "tekst", "€ 1.279.000 N"),
        ("ins", "rij", f"{nieuwe_rij} | € 20.000 N | € 20.000 N | € 0 | € 0 | € 40.000 N"),
        ("ins", "tekst", nieuwe_rij),
        ("ins", "tekst", "€ 20.000 N"),
        ("ins", "tekst", "€ 20.000 N"),
        ("ins", "tekst", "€ 0"),
        ("ins", "tekst", "€ 0"),
        ("ins", "tekst", "€ 40.000 N"),
        ("del", "tekst", "€ 46.250 N"),
        ("ins", "tekst", "€ 66.250 N"),
        ("del", "tekst", "€ 92.750 N"),
        ("ins", "tekst", "€ 215.750 V"),
        ("del", "tekst", "€ 939.500 N"),
        ("ins", "tekst", "€ 651.000 N"),
    ]
    document = zipfile.ZipFile(docx).read("word/document.xml").decode()
    start, einde = document.index("<w:commentRangeStart"), document.index("<w:commentRangeEnd")
    assert "€ 398.500 N" in document[start:einde] and "€ 70.000 N" in document[start:einde]
    naam = bron.with_suffix(".docx").name
    (a,) = aanvaard_en_verworpen(tmp_path, (oud, nieuw), (docx, naam))
    assert a["opmerkingen"] == ["voorstel: gewijzigd door begroting-2026.xlsx"]


WOORDEN = ("nieuw", "gewijzigd", "extra", "regio", "college")


def willekeurig(tekst: str, rnd: random.Random) -> str:
    """Six random edits of prose lines in a YAML text: a word replaced or added, a line
    replaced by one word."""
    regels = tekst.split("\n")
    proza = [
        i
        for i, regel in enumerate(regels)
        if re.match(r"^ {4,}[A-Za-z(]", regel)
        and ": " not in regel
        and "{{" not in regel
        and "[^" not in regel
        and regels[i - 1].strip()
        and regels[i + 1].strip()
    ]
    for _ in range(6):
        i = rnd.choice(proza)
        inspringing = len(regels[i]) - len(regels[i].lstrip())
        woorden = regels[i].split(" ")
        soort = rnd.choice(("woord", "erbij", "regel"))
        if soort == "woord":
            k = rnd.randrange(inspringing, len(woorden))
            if re.fullmatch(r"[a-z]+", woorden[k]):
                woorden[k] = rnd.choice(WOORDEN)
        elif soort == "erbij":
            woorden.insert(rnd.randrange(inspringing + 1, len(woorden) + 1), rnd.choice(WOORDEN))
        else:
            woorden = [" " * (inspringing - 1), rnd.choice(WOORDEN)]
        regels[i] = " ".join(woorden)
    return "\n".join(regels)


def test_willekeurige_wijzigingen_accepteren_en_weigeren(tmp_path: Path) -> None:
    """Random edits of the prose of three examples: LibreOffice's accept all and reject all
    give the plain builds' text every time."""
    voorbeelden = [
        (VOORBEELD, [SLEUTEL], "jim-altena.docx", ["--gemeente", "Altena"]),
        (RIB, [], RIB.with_suffix(".docx").name, []),
        (
            ROOT / "data" / "holland-rijnland" / "memo-inkoopstrategie-jeugdhulp-2020.yaml",
            [],
            "",
            [],
        ),
    ]
    opdrachten: list[tuple[Path, str]] = []
    for nummer, (bron, gedeeld, naam, extra) in enumerate(voorbeelden):
        for zaad in (1, 3):
            map_ = tmp_path / f"{nummer}-{zaad}"
            oud = kopie(map_ / "oud", bron, *gedeeld)
            nieuw = kopie(map_ / "nieuw", bron, *gedeeld)
            nieuw.write_text(willekeurig(nieuw.read_text("utf-8"), random.Random(zaad)), "utf-8")
            docx = map_ / "w.docx"
            diff(oud, nieuw, "--docx", docx, *extra)
            naam = naam or bron.with_suffix(".docx").name
            opdrachten += [
                (docx, "accepteer"),
                (docx, "verwerp"),
                (gebouwd(oud, map_ / "b-oud", naam), "niets"),
                (gebouwd(nieuw, map_ / "b-nieuw", naam), "niets"),
            ]
    gelezen = libreoffice(tmp_path, opdrachten)
    for start in range(0, len(gelezen), 4):
        aanvaard, verworpen, oud_lo, nieuw_lo = gelezen[start : start + 4]
        waar = opdrachten[start][0]
        assert oud_lo["regels"] != nieuw_lo["regels"], waar
        assert aanvaard["regels"] == nieuw_lo["regels"], waar
        assert verworpen["regels"] == oud_lo["regels"], waar
        assert aanvaard["voetnoten"] == nieuw_lo["voetnoten"], waar
        assert verworpen["voetnoten"] == oud_lo["voetnoten"], waar


RAADSVOORSTEL_JIM = ROOT / "data" / "wbo" / "raadsvoorstel-jim-2027.yaml"
MEMO = ROOT / "data" / "holland-rijnland" / "memo-inkoopstrategie-jeugdhulp-2020.yaml"


def test_regionaal_raadsvoorstel_elke_gemeente(tmp_path: Path) -> None:
    """A regional raadsvoorstel: a figure, a sentence, a table row and a beslispunt change;
    every gemeente's raadsvoorstel and raadsbesluit shows them in its own figures."""
    gedeeld = [SLEUTEL, ROOT / "data" / "wbo" / "ambtsdragers-wbo.yaml"]
    oud = kopie(tmp_path / "oud", RAADSVOORSTEL_JIM, *gedeeld)
    nieuw = kopie(tmp_path / "nieuw", RAADSVOORSTEL_JIM, *gedeeld)
    vervang(
        nieuw,
        (
            "JIM (Jouw Ingebrachte Mentor) helpt jeugdigen",
            "JIM (Jouw Ingebrachte Mentor) steunt jeugdigen",
        ),
        (
            "            bedrag: 36000\n",
            "            bedrag: 40000\n"
            "          - onderdeel: Reiskosten van mentoren\n            bedrag: 6000\n",
        ),
        ("        totaal: 600000\n", "        totaal: 610000\n"),
        ("            bedragen: {2027: 600000}", "            bedragen: {2027: 610000}"),
        ("        saldo: {2027: -187500}", "        saldo: {2027: -197500}"),
        (
            "  - >-\n    Kennis te nemen van de eindevaluatie",
            "  - >-\n    Het college te vragen de raad in 2027 over de trajecten te informeren.\n"
            "  - >-\n    Kennis te nemen van de eindevaluatie",
        ),
    )
    map_ = tmp_path / "wijzigingen"
    diff(oud, nieuw, "--docx", tmp_path / "wijzigingen.docx")
    for gemeente in GEMEENTEN:
        naam = f"raadsvoorstel-jim-2027-{gemeente}"
        gevonden = wijzigingen(map_ / f"{naam}.docx")
        assert ("del", "tekst", "helpt") in gevonden and ("ins", "tekst", "steunt") in gevonden
        rij = [g for g in gevonden if g[:2] == ("ins", "rij")]
        assert [r[2].split(" | ")[0] for r in rij] == ["Reiskosten van mentoren"], gemeente
        punt = "Het college te vragen de raad in 2027 over de trajecten te informeren."
        assert ("ins", "alinea", punt) in gevonden
        besluit = wijzigingen(map_ / f"{naam}-raadsbesluit.docx")
        assert ("ins", "alinea", punt) in besluit
        # the gemeente's own bijdrage changed with the total: deleted and inserted
        assert any(g[0] == "del" and re.fullmatch(r"[\d.]+", g[2]) for g in besluit), gemeente
    naam = "raadsvoorstel-jim-2027-oosterhout"
    aanvaard_en_verworpen(
        tmp_path,
        (oud, nieuw),
        (map_ / f"{naam}.docx", f"{naam}.docx"),
        (map_ / f"{naam}-raadsbesluit.docx", f"{naam}-raadsbesluit.docx"),
        voetnoten=True,
    )


def test_memo_besluit_en_opsomming(tmp_path: Path) -> None:
    """The memo: a sentence, a besluit added, an item of a list in its prose removed."""
    oud = kopie(tmp_path / "oud", MEMO)
    nieuw = kopie(tmp_path / "nieuw", MEMO)
    vervang(
        nieuw,
        (
            "  - titel: Besluit PHO 30 mei 2018 m.b.t. inkoopstrategie\n",
            "  - titel: Besluit PHO 12 juni 2019\n    tekst: |\n"
            "      De gemeenten stemmen in met de verlenging van de contracten.\n"
            "  - titel: Besluit PHO 30 mei 2018 m.b.t. inkoopstrategie\n",
        ),
        (
            "om zo meer tijd te hebben om zorgvuldige",
            "om zo meer tijd te hebben voor een zorgvuldige",
        ),
        (
            "      - *Diagnostiek en behandeling van Ernstige Enkelvoudige Dyslexie is voor 11 "
            "gemeenten\n        gecontracteerd via bestuurlijk contracteren.*\n",
            "",
        ),
    )
    docx = tmp_path / "wijzigingen.docx"
    md = tmp_path / "wijzigingen.md"
    diff(oud, nieuw, "--docx", docx, "--md", md)
    gevonden = wijzigingen(docx)
    assert ("ins", "alinea", "Besluit PHO 12 juni 2019") in gevonden
    assert ("ins", "alinea", "De gemeenten stemmen in met de verlenging van de contracten.") in (
        gevonden
    )
    assert ("del", "tekst", "om") in gevonden and ("ins", "tekst", "voor een") in gevonden
    weg = [g for g in gevonden if g[:2] == ("del", "alinea")]
    assert [g[2][:25] for g in weg] == ["Diagnostiek en behandelin"]
    tekst = md.read_text("utf-8")
    assert "{--- *Diagnostiek en behandeling" in tekst or "{--*Diagnostiek" in tekst, tekst
    naam = MEMO.with_suffix(".docx").name
    aanvaard_en_verworpen(tmp_path, (oud, nieuw), (docx, naam))


def test_een_stuk_dat_er_nieuw_bij_kwam_is_helemaal_ingevoegd(tmp_path: Path) -> None:
    """A college block added: the collegeoplegger is new, so all of it is inserted;
    accepting gives its plain build, rejecting leaves nothing of it."""
    gedeeld = [DALFSEN / "begroting-2026.xlsx"]
    oud = kopie(tmp_path / "oud", RAADSVOORSTEL, *gedeeld)
    nieuw = kopie(tmp_path / "nieuw", RAADSVOORSTEL, *gedeeld)
    tekst = oud.read_text("utf-8")
    begin, einde = tekst.index("\ncollege:\n"), tekst.index("\nvoetnoten:\n")
    oud.write_text(tekst[:begin] + tekst[einde:], "utf-8")
    diff(oud, nieuw, "--docx", tmp_path / "wijzigingen.docx", "--md", tmp_path / "w.md")
    oplegger = tmp_path / "wijzigingen-collegeoplegger.docx"
    gevonden = wijzigingen(oplegger)
    assert gevonden and {soort for soort, _, _ in gevonden} == {"ins"}
    punt = "De bewoners en ondernemers aan de Vechtkade met een brief te informeren over dit"
    assert any(punt in t for _, _, t in gevonden)
    md = (tmp_path / "w-collegeoplegger.md").read_text("utf-8")
    assert "--}" not in md and all(
        r.lstrip().startswith("{++") for r in md.splitlines() if r.strip()
    ), md
    naam = "raadsvoorstel-kademuur-vechtkade-collegeoplegger.docx"
    plain = gebouwd(nieuw, tmp_path / "b-nieuw", naam)
    a, v, nieuw_lo = libreoffice(
        tmp_path, [(oplegger, "accepteer"), (oplegger, "verwerp"), (plain, "niets")]
    )
    assert a["regels"] == nieuw_lo["regels"]
    assert [r for r in v["regels"] if r.strip()] == []


def test_met_huisstijl_uit_voorstel_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project's huisstijl (voorstel.toml) is in the tracked-changes file too, with
    the changes on top: accepting every change gives the plain build in that huisstijl."""
    from test_huisstijl import maak_huisstijl

    project = tmp_path / "project"
    project.mkdir()
    huisstijl = maak_huisstijl(project / "huisstijl.docx")
    (project / "voorstel.toml").write_text('[bouwen]\nhuisstijl = "huisstijl.docx"\n', "utf-8")
    oud = kopie(tmp_path / "oud", RIB)
    nieuw = kopie(tmp_path / "nieuw", RIB)
    vervang(
        nieuw, ("  inkoopproces.\n", "  inkoopproces. De aanbieders krijgen in mei een brief.\n")
    )
    monkeypatch.chdir(project)
    docx = tmp_path / "wijzigingen.docx"
    diff(oud, nieuw, "--docx", docx)
    assert ("ins", "tekst", " De aanbieders krijgen in mei een brief.") in wijzigingen(docx)
    with zipfile.ZipFile(docx) as archief:
        assert b"Georgia" in archief.read("word/styles.xml")
        koppen = [n for n in archief.namelist() if n.startswith("word/huisstijl-header")]
        assert any(b"Gemeente Proefdorp" in archief.read(n) for n in koppen)
    resultaat = bouw_bestand(nieuw, tmp_path / "b-nieuw", ["docx"], huisstijl=huisstijl)
    assert resultaat.fout is None, str(resultaat.fout)
    (plain,) = [p for p in resultaat.geschreven if p.suffix == ".docx"]
    a, plain_lo = libreoffice(tmp_path, [(docx, "accepteer"), (plain, "niets")])
    assert a["regels"] == plain_lo["regels"]
