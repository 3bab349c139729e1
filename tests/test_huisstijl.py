"""Huisstijl: the gemeente's own Word file (made here with python-docx, no Jinja in it) dresses
every generated document: styles, page setup, header with logo, footer; the text stays."""

from __future__ import annotations

import os
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Cm, Pt, RGBColor
from lxml import etree

from conftest import VOORBEELD
from test_office import programma
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.kern.errors import HuisstijlFout
from voorstel.uitvoer.huisstijl import Huisstijl

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def png(breedte: int = 40, hoogte: int = 20) -> bytes:
    """A small red PNG, the gemeente's logo."""
    regels = b"".join(b"\x00" + bytes((200, 0, 0)) * breedte for _ in range(hoogte))

    def stuk(soort: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(soort + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + soort + data + struct.pack(">I", crc)

    kop = struct.pack(">IIBBBBB", breedte, hoogte, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + stuk(b"IHDR", kop)
        + stuk(b"IDAT", zlib.compress(regels))
        + stuk(b"IEND", b"")
    )


def maak_huisstijl(pad: Path, nederlands: bool = False) -> Path:
    """A house-style Word file as a gemeente would have it: Georgia, red headings, wide left
    margin, a header with the logo and a footer with the address."""
    logo = pad.with_suffix(".png")
    logo.write_bytes(png())
    doc = Document()
    normaal = doc.styles["Normal"]
    normaal.font.name = "Georgia"
    normaal.font.size = Pt(11)
    kop = doc.styles["Heading 1"]
    kop.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    if nederlands:  # as Dutch Word writes it: name and id in Dutch
        kop.name = "Kop 1"
        kop.style_id = "Kop1"
        normaal.name = "Standaard"
    sectie = doc.sections[0]
    sectie.left_margin = Cm(3.5)
    sectie.top_margin = Cm(3)
    alinea = sectie.header.paragraphs[0]
    alinea.add_run().add_picture(str(logo), width=Cm(3))
    alinea.add_run(" Gemeente Proefdorp")
    sectie.footer.paragraphs[0].text = "Gemeente Proefdorp, Raadhuisplein 1"
    doc.save(str(pad))
    return pad


def delen(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as archief:
        return {naam: archief.read(naam) for naam in archief.namelist()}


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data)


def tekst(docx: Path) -> list[str]:
    body = xml(delen(docx)["word/document.xml"])
    alineas = ("".join(t.text or "" for t in p.iter(f"{W}t")) for p in body.iter(f"{W}p"))
    return [a for a in alineas if a.strip()]


def stijl(styles: etree._Element, stijl_id: str) -> etree._Element:
    (gevonden,) = styles.xpath(f"w:style[@w:styleId='{stijl_id}']", namespaces={"w": W[1:-1]})
    return gevonden


@pytest.fixture(scope="module")
def gewoon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gewoon")
    assert bouw_bestand(VOORBEELD, out, ["docx"]).fout is None
    return out / "jim-oosterhout.docx"


def test_huisstijl_geeft_stijlen_marges_en_koptekst(tmp_path: Path, gewoon: Path) -> None:
    huisstijl = maak_huisstijl(tmp_path / "huisstijl.docx")
    resultaat = bouw_bestand(VOORBEELD, tmp_path / "uit", ["docx"], huisstijl=huisstijl)
    assert resultaat.fout is None, str(resultaat.fout)
    docx = tmp_path / "uit" / "jim-oosterhout.docx"
    onderdelen = delen(docx)
    styles = xml(onderdelen["word/styles.xml"])
    normaal = stijl(styles, "Normal")
    assert normaal.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == "Georgia"
    assert stijl(styles, "Heading1").find(f"{W}rPr/{W}color").get(f"{W}val") == "C00000"
    sectie = xml(onderdelen["word/document.xml"]).find(f"{W}body/{W}sectPr")
    assert sectie.find(f"{W}pgMar").get(f"{W}left") == str(Cm(3.5).twips)
    (kop,) = sectie.findall(f"{W}headerReference")
    rels = xml(onderdelen["word/_rels/document.xml.rels"])
    doel = next(r.get("Target") for r in rels if r.get("Id") == kop.get(f"{R}id"))
    koptekst = onderdelen[f"word/{doel}"].decode()
    assert "Gemeente Proefdorp" in koptekst and "<pic:pic" in koptekst
    kop_rels = xml(onderdelen[f"word/_rels/{doel}.rels"])
    (afbeelding,) = [r.get("Target") for r in kop_rels if r.get("Type").endswith("/image")]
    assert onderdelen[f"word/{afbeelding}"] == png()
    voet = "".join(onderdelen[n].decode() for n in onderdelen if "footer" in n)
    assert "Raadhuisplein 1" in voet
    assert tekst(docx) == tekst(gewoon)  # the content is the same text


def test_nederlandse_stijlnamen_worden_gevonden(tmp_path: Path) -> None:
    huisstijl = maak_huisstijl(tmp_path / "nl.docx", nederlands=True)
    resultaat = bouw_bestand(VOORBEELD, tmp_path / "uit", ["docx"], huisstijl=huisstijl)
    assert resultaat.fout is None, str(resultaat.fout)
    document = xml(delen(tmp_path / "uit" / "jim.docx")["word/document.xml"])
    gebruikt = {e.get(f"{W}val") for e in document.iter(f"{W}pStyle")}
    assert "Kop1" in gebruikt and "Heading1" not in gebruikt
    styles = xml(delen(tmp_path / "uit" / "jim.docx")["word/styles.xml"])
    assert stijl(styles, "Kop1").find(f"{W}name").get(f"{W}val") == "Kop 1"
    meldingen = {w.message for w in resultaat.waarschuwingen}
    assert (
        "de stijl 'Kopblok' staat niet in de huisstijl; voorstel gebruikt daarvoor zijn eigen "
        "stijl (voeg de stijl toe aan de huisstijl om hem zelf te bepalen)"
    ) in meldingen
    assert not any("Heading 1" in m or "Normal" in m for m in meldingen)
    assert all(w.path == str(huisstijl) and w.waarschuwing for w in resultaat.waarschuwingen)


def test_huisstijl_is_reproduceerbaar(tmp_path: Path) -> None:
    huisstijl = maak_huisstijl(tmp_path / "huisstijl.docx")
    for map_ in ("a", "b"):
        assert bouw_bestand(VOORBEELD, tmp_path / map_, ["docx"], huisstijl=huisstijl).fout is None
    assert (tmp_path / "a" / "jim.docx").read_bytes() == (tmp_path / "b" / "jim.docx").read_bytes()


def test_vertrouwelijk_blijft_gemarkeerd_in_de_huisstijl(tmp_path: Path) -> None:
    bron = tmp_path / "data" / "geheim.yaml"
    bron.parent.mkdir()
    tekst_ = VOORBEELD.read_text(encoding="utf-8").replace(
        "  openbaarheid: openbaar", "  openbaarheid: vertrouwelijk"
    )
    assert "openbaarheid: vertrouwelijk" in tekst_
    bron.write_text(tekst_, encoding="utf-8")
    for sleutel in VOORBEELD.parent.glob("verdeelsleutel*.yaml"):
        (bron.parent / sleutel.name).write_text(sleutel.read_text(encoding="utf-8"))
    huisstijl = maak_huisstijl(tmp_path / "huisstijl.docx")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ["docx"], huisstijl=huisstijl)
    assert resultaat.fout is None, str(resultaat.fout)
    onderdelen = delen(tmp_path / "uit" / "geheim-vertrouwelijk.docx")
    (kop,) = [d for n, d in onderdelen.items() if n.startswith("word/huisstijl-header")]
    assert "VERTROUWELIJK" in kop.decode() and "Gemeente Proefdorp" in kop.decode()


def zip_met(pad: Path, delen_: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(pad, "w") as archief:
        for naam, data in delen_.items():
            archief.writestr(naam, data)
    return pad


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (lambda p: p, "het huisstijlbestand bestaat niet; controleer het pad"),
        (
            lambda p: (p.write_bytes(b"\xd0\xcf\x11\xe0 oud Word"), p)[1],
            "dit is geen Word-bestand (.docx of .dotx): het is geen zip-pakket",
        ),
        (
            lambda p: zip_met(p, {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<x/>"}),
            "dit is een Excel-bestand, geen Word-bestand",
        ),
        (
            lambda p: zip_met(p, {"[Content_Types].xml": b"<Types"}),
            "het Word-bestand is beschadigd",
        ),
    ],
)
def test_kapotte_huisstijl_is_een_fout_en_er_wordt_niets_geschreven(
    tmp_path: Path, maak: object, melding: str
) -> None:
    pad = maak(tmp_path / "huisstijl.docx")  # type: ignore[operator]
    with pytest.raises(HuisstijlFout) as fout:
        Huisstijl.lees(pad)
    assert melding in str(fout.value) and str(pad) in str(fout.value)
    result = CliRunner().invoke(
        main, ["build", str(VOORBEELD), "--out", str(tmp_path / "uit"), "--huisstijl", str(pad)]
    )
    assert result.exit_code == 1
    assert melding in result.output
    assert not (tmp_path / "uit").exists()


def test_beschadigde_stijlen(tmp_path: Path) -> None:
    goed = delen(maak_huisstijl(tmp_path / "goed.docx"))
    goed["word/styles.xml"] = b"<w:styles xmlns:w='x'><w:style>"
    pad = zip_met(tmp_path / "kapot.docx", goed)
    with pytest.raises(HuisstijlFout) as fout:
        Huisstijl.lees(pad)
    assert "het Word-bestand is beschadigd (word/styles.xml is geen geldige XML)" in str(fout.value)


def test_huisstijl_uit_het_projectbestand_en_opnieuw_bouwen(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for bestand in VOORBEELD.parent.glob("*.yaml"):
        if bestand.name.startswith(("jim", "verdeelsleutel")):
            (tmp_path / "data" / bestand.name).write_text(bestand.read_text(encoding="utf-8"))
    maak_huisstijl(tmp_path / "huisstijl.docx")
    (tmp_path / "voorstel.toml").write_text('[bouwen]\nhuisstijl = "huisstijl.docx"\n')
    runner = CliRunner()
    vorige = Path.cwd()
    os.chdir(tmp_path)
    try:
        eerste = runner.invoke(main, ["build", "--format", "docx"])
        assert eerste.exit_code == 0, eerste.output
        koptekst = "".join(
            d.decode() for n, d in delen(tmp_path / "build" / "jim.docx").items() if "header" in n
        )
        assert "Gemeente Proefdorp" in koptekst
        assert runner.invoke(main, ["build", "--format", "docx"]).output.startswith(
            "0 van 1 documenten gewijzigd"
        )
        maak_huisstijl(tmp_path / "huisstijl.docx", nederlands=True)  # the house file changed
        opnieuw = runner.invoke(main, ["build", "--format", "docx"])
        assert opnieuw.output.endswith("1 van 1 documenten gemaakt\n"), opnieuw.output
        styles = delen(tmp_path / "build" / "jim.docx")["word/styles.xml"].decode()
        assert 'w:styleId="Kop1"' in styles
    finally:
        os.chdir(vorige)


def test_libreoffice_zet_de_huisstijl_om(tmp_path: Path) -> None:
    programma("soffice")
    programma("pdftotext")
    huisstijl = maak_huisstijl(tmp_path / "huisstijl.docx")
    result = CliRunner().invoke(
        main,
        [
            *("build", str(VOORBEELD), "--out", str(tmp_path / "uit"), "--format", "pdf"),
            *("--huisstijl", str(huisstijl)),
        ],
    )
    assert result.exit_code == 0, result.output
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "uit" / "jim-oosterhout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Gemeente Proefdorp" in pdf and "Raadhuisplein 1" in pdf
    assert "Continuïteit pilot JIM en inkoop JIM" in pdf
