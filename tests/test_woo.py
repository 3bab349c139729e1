"""Woo publication metadata: `voorstel build --publicatie` writes a DiWoo metadata file
beside every published document and a sitemap of the folder; both validate against the
vendored DiWoo XSD 0.9.8 (tests/schemas/diwoo-0.9.8, see BRON.md there). The TOOI value
lists voorstel ships are those of that XSD; a missing TOOI code stops the build."""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import nep_office
from conftest import MINIMAAL, ROOT
from voorstel.blokken import tooi
from voorstel.cli import main
from voorstel.uitvoer import woo

DATA = ROOT / "data"
SCHEMAS = ROOT / "tests" / "schemas" / "diwoo-0.9.8"
XS = "http://www.w3.org/2001/XMLSchema"
NS = {"diwoo": woo.DIWOO, "s": woo.SITEMAP}
RAADSVOORSTEL = "dalfsen/raadsvoorstel-kademuur-vechtkade"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The DiWoo XSD, with its import of MDTO laid on the stub (BRON.md)."""
    boom = etree.parse(str(SCHEMAS / "diwoo-metadata.xsd"))
    [invoer] = boom.getroot().iter(f"{{{XS}}}import")
    assert invoer.get("schemaLocation") == "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
    invoer.set("schemaLocation", (SCHEMAS / "mdto-stub.xsd").as_uri())
    return etree.XMLSchema(boom)


@pytest.fixture
def hier(tmp_path: Path) -> Iterator[Path]:
    """A fresh current folder (the build's project is the voorstel.toml found from it)."""
    oud = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(oud)


def _bouw(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "-q", *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def publicatie(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example in data/ built for publication (Word, Markdown, HTML), once."""
    map_ = tmp_path_factory.mktemp("woo")
    (map_ / "voorstel.toml").write_text('[publicatie]\nadres = "https://example.nl/woo/"\n')
    oud = Path.cwd()
    os.chdir(map_)
    try:
        code, uitvoer = _bouw(str(DATA), "--out", "uit", "--publicatie", "--format", "docx,md,html")
    finally:
        os.chdir(oud)
    assert code == 0, uitvoer
    return map_ / "uit"


def test_diwoo_metadata_van_de_voorbeelden_is_geldig(
    publicatie: Path, schema: etree.XMLSchema
) -> None:
    bestanden = sorted(publicatie.rglob(f"*{woo.SUFFIX}"))
    documenten = sorted(p for p in publicatie.rglob("*.html"))
    assert [p.name.removesuffix(woo.SUFFIX) for p in bestanden] == [
        p.name.removesuffix(".html") for p in documenten
    ]
    assert len(bestanden) >= 13
    for bestand in bestanden:
        document = etree.parse(str(bestand))
        assert schema.validate(document), (bestand.name, str(schema.error_log))
        diwoo = document.getroot()
        [titel] = diwoo.findall(".//diwoo:officieleTitel", NS)
        assert ": " in (titel.text or ""), bestand.name
        [taal] = diwoo.findall(".//diwoo:language", NS)
        assert taal.get("resource", "").endswith("/NLD")
        [soort] = diwoo.findall(".//diwoo:format", NS)
        assert soort.text == "HTML"  # without a PDF, the HTML is the published file


def test_xsd_weigert_foute_metadata(publicatie: Path, schema: etree.XMLSchema) -> None:
    """The check is real: an unknown organisation or a missing title is invalid."""
    goed = etree.parse(str(publicatie / f"{RAADSVOORSTEL}{woo.SUFFIX}"))
    assert schema.validate(goed)
    fout = etree.fromstring(etree.tostring(goed))
    fout.find(".//diwoo:publisher", NS).set("resource", "https://example.nl/gemeente")
    assert not schema.validate(fout)
    fout = etree.fromstring(etree.tostring(goed))
    titels = fout.find(".//diwoo:titelcollectie", NS)
    titels.getparent().remove(titels)
    assert not schema.validate(fout)


def test_metadata_van_een_raadsvoorstel(publicatie: Path) -> None:
    """Publisher and opsteller by TOOI, the informatiecategorie of the soort, the dates and
    the handling: the college's vaststelling of the proposal, the draft besluit signed."""

    def lees(naam: str) -> dict[str, str]:
        wortel = etree.parse(str(publicatie / f"{naam}{woo.SUFFIX}")).getroot()
        return {
            etree.QName(e).localname: (e.get("resource") or "") + "|" + (e.text or "").strip()
            for e in wortel.iter()
            if len(e) == 0
        }

    voorstel = lees(RAADSVOORSTEL)
    gm0148 = "https://identifier.overheid.nl/tooi/id/gemeente/gm0148|gemeente Dalfsen"
    assert voorstel["publisher"] == voorstel["opsteller"] == gm0148
    assert voorstel["officieleTitel"] == (
        "|Raadsvoorstel: Krediet voor de vervanging van de kademuur aan de Vechtkade"
    )
    assert voorstel["informatiecategorie"] == (
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"
        "|vergaderstukken decentrale overheden"
    )
    assert voorstel["creatiedatum"] == "|2025-09-02"
    assert voorstel["soortHandeling"].endswith("|vaststelling")  # by the college
    assert voorstel["atTime"] == "|2025-09-02T00:00:00"
    besluit = lees(f"{RAADSVOORSTEL}-raadsbesluit")
    assert besluit["officieleTitel"].startswith("|Raadsbesluit: ")
    assert besluit["soortHandeling"].endswith("|ondertekening")  # not adopted yet
    rib = lees("dalfsen/rib-inkoop-jeugdhulp-ijsselland")
    assert rib["informatiecategorie"].endswith("|bij vertegenwoordigende organen ingekomen stukken")
    memo = lees("holland-rijnland/memo-inkoopstrategie-jeugdhulp-2020")
    assert memo["publisher"] == (
        "https://identifier.overheid.nl/tooi/id/so/so0507|Samenwerkingsorgaan Holland Rijnland"
    )


def test_sitemap_noemt_elk_gepubliceerd_document(publicatie: Path, schema: etree.XMLSchema) -> None:
    """sitemap.xml: one url per published file, its address under [publicatie] adres, the
    date of its last handling, and its DiWoo metadata (valid on its own)."""
    index = etree.parse(str(publicatie / woo.INDEX)).getroot()
    assert etree.QName(index).localname == "urlset"
    urls = index.findall("s:url", NS)
    assert len(urls) == len(list(publicatie.rglob(f"*{woo.SUFFIX}")))
    for url in urls:
        loc = url.findtext("s:loc", namespaces=NS) or ""
        assert loc.startswith("https://example.nl/woo/"), loc
        assert (publicatie / loc.removeprefix("https://example.nl/woo/")).is_file(), loc
        assert len(url.findtext("s:lastmod", namespaces=NS) or "") == 10
        [document] = url.findall("diwoo:Document", NS)
        assert schema.validate(etree.ElementTree(etree.fromstring(etree.tostring(document))))


def _project(map_: Path, toml: str, yaml: str = MINIMAAL) -> Path:
    (map_ / "voorstel.toml").write_text(textwrap.dedent(toml), "utf-8")
    (map_ / "data").mkdir(exist_ok=True)
    (map_ / "data" / "voorstel.yaml").write_text(yaml, "utf-8")
    return map_ / "data"


def test_zonder_tooi_code_stopt_publicatie(hier: Path) -> None:
    """No TOOI code: exit 1 before anything is built, saying where to set it."""
    data = _project(hier, '[organisatie]\nnaam = "Gemeente Dalfsen"\ngemeente = "Dalfsen"\n')
    code, uitvoer = _bouw(str(data), "--out", "uit", "--publicatie")
    assert code == 1
    assert uitvoer == (
        "voor --publicatie is de TOOI-code van de organisatie nodig (de uitgever in de "
        'Woo-metadata); zet in voorstel.toml onder [organisatie] de regel tooi = "gm0148" '
        "(een gemeente is gm en haar CBS-code, een provincie pv, een waterschap ws, een "
        "samenwerkingsorganisatie so; zie https://standaarden.overheid.nl/tooi/waardelijsten)\n"
    )
    assert not (hier / "uit").exists()
    (hier / "voorstel.toml").unlink()
    code, uitvoer = _bouw(str(data), "--out", "uit", "--publicatie")
    assert code == 1
    assert "maak voorstel.toml (of data/voorstel.toml, voor de documenten in die map)" in uitvoer
    assert _bouw(str(data), "--out", "uit")[0] == 0  # without --publicatie it is not needed


def test_onbekende_tooi_code_is_een_fout_op_zijn_regel(hier: Path) -> None:
    data = _project(hier, '[organisatie]\nnaam = "X"\ntooi = "gm9999"\n')
    code, uitvoer = _bouw(str(data), "--out", "uit")
    assert code == 1
    assert uitvoer.startswith(
        "voorstel.toml:3: organisatie.tooi: 'gm9999' staat in geen TOOI-waardelijst van "
        "organisaties; "
    )


def test_informatiecategorie_per_soort_en_per_document(hier: Path) -> None:
    """voorstel.toml may choose another informatiecategorie for a soort, a document for
    itself (by label, code or URI); an unknown one is an error that lists them all."""
    data = _project(
        hier,
        """\
        [organisatie]
        tooi = "gm0148"
        [publicatie.informatiecategorie]
        collegevoorstel = "adviezen"
        """,
    )
    assert _bouw(str(data), "--out", "uit", "--publicatie", "--format", "md")[0] == 0
    meta = (hier / "uit" / f"voorstel{woo.SUFFIX}").read_text("utf-8")
    assert 'kern/c_99a836c7">adviezen<' in meta
    (data / "voorstel.yaml").write_text(MINIMAAL + "informatiecategorie: convenanten\n", "utf-8")
    assert _bouw(str(data), "--out", "uit", "--publicatie", "--format", "md")[0] == 0
    assert ">convenanten<" in (hier / "uit" / f"voorstel{woo.SUFFIX}").read_text("utf-8")
    assert "<diwoo:format" not in (hier / "uit" / f"voorstel{woo.SUFFIX}").read_text("utf-8")
    (data / "voorstel.yaml").write_text(MINIMAAL + "informatiecategorie: notulen\n", "utf-8")
    code, uitvoer = _bouw(str(data), "--out", "uit", "--publicatie")
    assert code == 1
    assert "informatiecategorie: onbekende informatiecategorie 'notulen'; kies uit de " in uitvoer
    assert "scw_woo_informatiecategorieen, versie 4): Woo-verzoeken en -besluiten; " in uitvoer


def test_met_pdf_beschrijft_de_metadata_de_pdf(
    hier: Path, schema: etree.XMLSchema, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a PDF among the formats the metadata describe the PDF, and are written with
    it (the stand-in LibreOffice makes it)."""
    nep_office.installeer(hier / "bin")
    monkeypatch.setenv("PATH", f"{hier / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("VOORSTEL_UNO_PYTHON", "")  # the stand-in: --convert-to only
    monkeypatch.setenv("NEP_LOG", str(hier / "aanroep"))
    data = _project(hier, '[organisatie]\ntooi = "gm0148"\n')
    code, uitvoer = _bouw(str(data), "--out", "uit", "--publicatie", "--format", "md,pdf")
    assert code == 0, uitvoer
    meta = etree.parse(str(hier / "uit" / f"voorstel{woo.SUFFIX}"))
    assert schema.validate(meta)
    assert meta.findtext(".//diwoo:format", namespaces=NS) == "PDF"
    index = etree.parse(str(hier / "uit" / woo.INDEX))
    assert index.findtext(".//s:loc", namespaces=NS) == "voorstel.pdf"  # no adres: the path


def test_pdf_is_het_gepubliceerde_bestand() -> None:
    """With a PDF among the formats, the metadata describe the PDF."""
    assert woo.gepubliceerd(["a.docx", "a.md", "a.pdf", "a.html"]) == "a.pdf"
    assert woo.gepubliceerd(["a.md", "a.docx"]) == "a.docx"
    assert woo.gepubliceerd(["a.png"]) is None


def test_vastgesteld_besluit_is_een_vaststelling() -> None:
    import datetime as dt

    k = woo.Kenmerken(
        "Raadsbesluit: x", "Gemeente X", "x", "raadsvoorstel", "raadsbesluit", dt.date(2025, 9, 2),
        "openbaar", vastgesteld=dt.date(2025, 10, 27),
    )  # fmt: skip
    assert k.handeling == (woo.VASTSTELLING, dt.date(2025, 10, 27))
    organisatie = tooi.organisatie("gm0148")
    assert organisatie is not None
    data = woo.metadata(k, organisatie, woo.informatiecategorie(k), "x.pdf")
    assert b"<diwoo:atTime>2025-10-27T00:00:00</diwoo:atTime>" in data
    assert b">PDF</diwoo:format>" in data
    assert json.dumps(woo.INFORMATIECATEGORIE)  # every soort has one
