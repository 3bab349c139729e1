"""Lakken: a build for publication leaves nothing of a redacted passage in any output.

The example raadsvoorstel (data/dalfsen) has a contactpersoon (inlichtingen_bij: name,
e-mail, phone) and passages marked [[lak 5.1.2e: ...]] in its text and in a footnote; the
test adds one to the onderwerp, which is also the title in the document properties and the
PDF's metadata. Built with --publicatie in every format, every output is searched byte for
byte: the file itself, each member of a .docx decompressed (and its XML without tags, for a
name Word might split over runs), and each stream of a PDF decompressed, with its text
layer and its metadata. The internal build still shows every passage (highlighted in Word).
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from click.testing import CliRunner
from lxml import etree
from pypdf.generic import StreamObject

from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.kern import lakken
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn import openbaar
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import modellen, ruwe_prozavelden, validate
from voorstel.soorten import REGISTER

ROOT = Path(__file__).resolve().parents[1]
VOORBEELD = ROOT / "data" / "dalfsen" / "raadsvoorstel-kademuur-vechtkade.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

GELAKT = [
    "R. Kleinjan",  # inlichtingen_bij: a contactpersoon, e-mail and phone (fields)
    "Kleinjan",
    "r.kleinjan@dalfsen.nl",
    "kleinjan@",
    "0529 48 83 88",
    "48 83 88",
    "ing. W.H. Brinkerink",  # [[lak 5.1.2e: ...]] in the aanleiding
    "Brinkerink",
    "Scholte-Wolbers",  # in a footnote
    "richtprijs voor de",  # [[lak 5.1.2b: ...]], a passage over three lines
    "aanbesteding duurder maken",
    "Kadeplan Oudeveld",  # added by the test to the onderwerp: title and properties
    "Oudeveld",
]
"""Every string that must be gone from a publication (and is in the internal build)."""

BLIJFT = ["M.J. Goossen", "E. van Lente", "S.A.D.C. van Geffen", "H. Koster"]
"""Office holders: the wethouder, burgemeester, secretaris and griffier stay."""


ORGANISATIE = '[organisatie]\ntooi = "gm0148"\n'
"""Publishing needs the publisher's TOOI code (the Woo metadata); every test folder has it."""


@pytest.fixture(autouse=True)
def _uitgever(tmp_path: Path) -> None:
    (tmp_path / "voorstel.toml").write_text(ORGANISATIE, "utf-8")


def programma(naam: str) -> None:
    if shutil.which(naam) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{naam} ontbreekt in CI; installeer libreoffice-writer-nogui")
        pytest.skip(f"{naam} niet geïnstalleerd")


def _voorbeeld(tmp_path: Path) -> Path:
    """The example in a folder of its own, with its voorstel.toml, and a marked onderwerp."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(VOORBEELD.parent / "voorstel.toml", data / "voorstel.toml")
    tekst = VOORBEELD.read_text("utf-8")
    onderwerp = "onderwerp: Krediet voor de vervanging van de kademuur aan de Vechtkade\n"
    assert onderwerp in tekst
    tekst = tekst.replace(
        onderwerp,
        "onderwerp: 'Krediet voor de kademuur aan de Vechtkade ([[lak 5.1.2e: Kadeplan "
        "Oudeveld]])'\n",
    )
    bron = data / VOORBEELD.name
    bron.write_text(tekst, "utf-8")
    return bron


def _stukken(pad: Path) -> Iterator[tuple[str, bytes]]:
    """Every piece of an output to search: the file, its zip members decompressed (and
    their XML without tags), a PDF's decompressed streams, text layer and metadata."""
    data = pad.read_bytes()
    yield pad.name, data
    if zipfile.is_zipfile(pad):
        with zipfile.ZipFile(pad) as archief:
            for naam in archief.namelist():
                inhoud = archief.read(naam)
                yield f"{pad.name}:{naam}", inhoud
                if naam.endswith((".xml", ".rels")):
                    yield f"{pad.name}:{naam} (tekst)", re.sub(rb"<[^>]+>", b"", inhoud)
    if data.startswith(b"%PDF-"):
        lezer = pypdf.PdfReader(io.BytesIO(data))
        for nummer in range(1, int(lezer.trailer["/Size"])):
            try:
                obj = lezer.get_object(nummer)
            except Exception:  # a free entry in the cross-reference table
                continue
            if isinstance(obj, StreamObject):
                yield f"{pad.name}:stream {nummer}", obj.get_data()
            elif obj is not None:
                yield f"{pad.name}:object {nummer}", repr(obj).encode("utf-8")
        tekst = "\n".join(page.extract_text() for page in lezer.pages)
        yield f"{pad.name}:tekst", tekst.encode("utf-8")
        yield f"{pad.name}:tekst zonder regeleinden", " ".join(tekst.split()).encode("utf-8")
        yield f"{pad.name}:tekst zonder witruimte", "".join(tekst.split()).encode("utf-8")
        yield f"{pad.name}:metadata", json.dumps(dict(lezer.metadata or {})).encode("utf-8")


def _vormen(tekst: str) -> list[bytes]:
    """A string as it may be stored: UTF-8, XML-escaped, UTF-16 (PDF strings), Markdown-
    escaped; without spaces, for a text layer that breaks a line in it."""
    md = re.sub(r"([\\`*_\[\]<>#|{}~])", r"\\\1", tekst)
    return [
        tekst.encode("utf-8"),
        "".join(tekst.split()).encode("utf-8"),
        html.escape(tekst).encode("utf-8"),
        tekst.encode("utf-16-be"),
        md.encode("utf-8"),
    ]


def _gevonden(uitvoer: list[Path], tekst: str) -> list[str]:
    return [
        waar
        for pad in uitvoer
        for waar, inhoud in _stukken(pad)
        if any(vorm in inhoud for vorm in _vormen(tekst))
    ]


def _bouw(bron: Path, out: Path, *opties: str) -> tuple[list[Path], str]:
    result = CliRunner().invoke(
        main, ["build", str(bron), "--out", str(out), "-j", "1", *opties], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return sorted(p for p in out.rglob("*") if p.is_file()), result.output  # the state too


def test_publicatie_laat_niets_van_het_gelakte_achter(tmp_path: Path) -> None:
    programma("soffice")
    bron = _voorbeeld(tmp_path)
    formaten = ("--format", "docx,md,html,pdf")
    publicatie, uitvoer = _bouw(bron, tmp_path / "publicatie", *formaten, "--publicatie")
    intern, _ = _bouw(bron, tmp_path / "intern", *formaten)

    soorten = {p.suffix for p in publicatie}
    assert soorten == {".docx", ".md", ".html", ".pdf", ".json", ".xml"}, publicatie
    # voorstel, raadsbesluit and collegeoplegger, 4 formats and the Woo metadata each; the
    # publication's sitemap and the build's state
    assert len(publicatie) == 17, publicatie
    pdf = [p for p in intern if p.name == "raadsvoorstel-kademuur-vechtkade.pdf"]
    for tekst in GELAKT:
        assert _gevonden(publicatie, tekst) == [], tekst
        assert _gevonden(pdf, tekst) != [], tekst  # the search finds it where it is
    for tekst in BLIJFT:
        assert _gevonden(publicatie, tekst), tekst
    for markering in ("[[lak", "lak 5.1"):  # the markers themselves: in no output at all
        assert _gevonden(publicatie + intern, markering) == [], markering

    # The place of each passage says what was there: in the text, in the footnote, in the
    # title, in the PDF's metadata.
    voorstel = tmp_path / "publicatie" / "raadsvoorstel-kademuur-vechtkade"
    tekst = " ".join(_docx_teksten(voorstel.with_suffix(".docx")))
    assert "een constructeur, [gelakt: 5.1.2e], de kademuur" in tekst
    assert "opgesteld door [gelakt: 5.1.2e]." in tekst
    assert "naar de raad. [gelakt: 5.1.2b]" in tekst
    titel = "Raadsvoorstel: Krediet voor de kademuur aan de Vechtkade ([gelakt: 5.1.2e])"
    assert docx.Document(str(voorstel.with_suffix(".docx"))).core_properties.title == titel
    assert pypdf.PdfReader(voorstel.with_suffix(".pdf")).metadata.title == titel
    assert "<title>" + html.escape(titel) in voorstel.with_suffix(".html").read_text("utf-8")
    assert "\\[gelakt: 5.1.2e\\]" in voorstel.with_suffix(".md").read_text("utf-8")

    # One line per document: 3 contact fields, 3 passages and the onderwerp.
    assert f"gelakt in {bron}: 7 passages, op grond van 5.1.2b (1) en 5.1.2e (6)" in uitvoer


def _docx_teksten(pad: Path) -> list[str]:
    """Every paragraph's text: body, table cells and footnotes."""
    document = docx.Document(str(pad))
    teksten = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        teksten.extend(cel.text for rij in tabel.rows for cel in rij.cells)
    with zipfile.ZipFile(pad) as archief:
        root = etree.fromstring(archief.read("word/footnotes.xml"))
    teksten.extend("".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p"))
    return teksten


def _gemarkeerd(pad: Path) -> list[str]:
    """The text of every highlighted run, in the body and in the footnotes."""
    teksten = []
    with zipfile.ZipFile(pad) as archief:
        for deel in ("word/document.xml", "word/footnotes.xml"):
            root = etree.fromstring(archief.read(deel))
            for run in root.iter(f"{W}r"):
                kleur = run.find(f"{W}rPr/{W}highlight")
                if kleur is not None:
                    assert kleur.get(f"{W}val") == "yellow"
                    teksten.append("".join(t.text or "" for t in run.iter(f"{W}t")))
    return teksten


def test_intern_staat_alles_er_gemarkeerd_in(tmp_path: Path) -> None:
    bron = _voorbeeld(tmp_path)
    uitvoer, regels = _bouw(bron, tmp_path / "intern", "--format", "docx,md,html")
    assert "gelakt" not in regels
    docx_ = tmp_path / "intern" / "raadsvoorstel-kademuur-vechtkade.docx"
    assert _gemarkeerd(docx_) == [
        "ing. W.H. Brinkerink",
        "De richtprijs voor de aannemers blijft tot de gunning onder ons: openbaar maken zou "
        "de aanbesteding duurder maken.",
        "ir. J.M. Scholte-Wolbers",
    ]
    tekst = " ".join(_docx_teksten(docx_))
    assert "een constructeur, ing. W.H. Brinkerink, de kademuur" in tekst
    md = docx_.with_suffix(".md").read_text("utf-8")
    assert "een constructeur, ing. W.H. Brinkerink, de kademuur" in md
    assert "opgesteld door ir. J.M. Scholte-Wolbers." in md
    assert "lak" not in md.replace("Vlak", "")  # the marker itself is nowhere
    assert "[[" not in docx_.with_suffix(".html").read_text("utf-8")
    titel = docx.Document(str(docx_)).core_properties.title
    assert titel == "Raadsvoorstel: Krediet voor de kademuur aan de Vechtkade (Kadeplan Oudeveld)"
    assert "R. Kleinjan, r.kleinjan@dalfsen.nl, 0529 48 83 88" in md
    assert len(uitvoer) == 10


MINIMAAL = """\
soort: raadsinformatiebrief
gemeente: Dalfsen
onderwerp: Een onderwerp
kopblok:
  portefeuillehouder:
    naam: J.W. Uitslag
  eenheid: Maatschappelijke Ondersteuning
  contact:
    naam: J. Goejer
    email: j.goejer@dalfsen.nl
    telefoon: "0529 48 83 88"
behandeling:
  collegevergadering: 2021-03-30
kernboodschap: |
  Eerste regel.

  Tweede alinea, met {tekst} erin.
toelichting:
  - titel: Een titel
    tekst: Tekst.
ondertekening:
  burgemeester: drs. E. van Lente
  gemeentesecretaris: ing. S.A.D.C. van Geffen
"""


def _fouten(tmp_path: Path, tekst: str) -> list[str]:
    bron = tmp_path / "rib.yaml"
    bron.write_text(MINIMAAL.format(tekst=tekst), "utf-8")
    with pytest.raises(ValidatieFout) as fout:
        validate(load(bron))
    return [str(p) for p in fout.value.problemen]


def test_onbekende_grond_noemt_regel_en_de_geldige_gronden(tmp_path: Path) -> None:
    [fout] = _fouten(tmp_path, "[[lak 5.1.2x: J. Jansen]]")
    assert fout == (
        f"{tmp_path / 'rib.yaml'}:17: kernboodschap: onbekende Woo-grond '5.1.2x' (bedoelde "
        "u '5.1.2i'?); geldig zijn (artikel 5.1 en 5.2 Woo): 5.1.1a, 5.1.1b, 5.1.1c, 5.1.1d, "
        "5.1.1e, 5.1.2a, 5.1.2b, 5.1.2c, 5.1.2d, 5.1.2e, 5.1.2f, 5.1.2g, 5.1.2h, 5.1.2i, "
        "5.1.5, 5.2"
    )


@pytest.mark.parametrize(
    "tekst",
    [
        "[[LAK 5.1.2e: J. Jansen]]",
        "[[ lak 5.1.2e: J. Jansen]]",
        "[[lak: J. Jansen]]",
        "[[lak 5.1.2e J. Jansen]]",
        "[[lak 5.1.2e: J. Jansen]",
        "[[lak 5.1.2e: J. Jansen[^noot]]]",
    ],
)
def test_een_verkeerde_markering_wordt_nooit_gewone_tekst(tmp_path: Path, tekst: str) -> None:
    """A marker written wrong would otherwise be published as it stands: it is an error."""
    [fout] = [f for f in _fouten(tmp_path, tekst) if "voetnoot [^noot] is nergens" not in f]
    assert fout.startswith(f"{tmp_path / 'rib.yaml'}:17: kernboodschap: onvolledige of onjuiste")
    assert "schrijf [[lak 5.1.2e: tekst]]" in fout


def test_een_lege_passage_is_een_fout(tmp_path: Path) -> None:
    assert _fouten(tmp_path, "[[lak 5.1.2e: ]]") == [
        f"{tmp_path / 'rib.yaml'}:17: kernboodschap: de gelakte passage is leeg; schrijf "
        "[[lak 5.1.2e: tekst]]"
    ]


def test_een_passage_over_een_witregel_is_een_fout(tmp_path: Path) -> None:
    bron = tmp_path / "rib.yaml"
    bron.write_text(
        MINIMAAL.format(tekst="iets").replace("Eerste regel.", "[[lak 5.1.2e: Eerste regel."),
        "utf-8",
    )
    bron.write_text(bron.read_text("utf-8").replace("met iets erin.", "met iets erin.]]"), "utf-8")
    with pytest.raises(ValidatieFout) as fout:
        validate(load(bron))
    assert [str(p) for p in fout.value.problemen] == [
        f"{bron}:15: kernboodschap: een gelakte passage loopt over een witregel; lak elke "
        "alinea apart"
    ]


def test_grond_per_veld_uit_voorstel_toml(tmp_path: Path) -> None:
    (tmp_path / "voorstel.toml").write_text(
        ORGANISATIE + '[lakken]\ntelefoon = "5.1.2i"\nemail = false  # het algemene adres\n',
        "utf-8",
    )
    bron = tmp_path / "rib.yaml"
    bron.write_text(MINIMAAL.format(tekst="[[lak 5.2: een mening]]"), "utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("md",), publicatie=True)
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.gelakt == {"5.1.2e": 1, "5.1.2i": 1, "5.2": 1}
    md = (tmp_path / "uit" / "rib.md").read_text("utf-8")
    assert "**Contactpersoon:** \\[gelakt: 5.1.2e\\]" in md
    assert "**Contactgegevens:** j.goejer@dalfsen.nl, \\[gelakt: 5.1.2i\\]" in md
    assert "met \\[gelakt: 5.2\\] erin" in md
    for weg in ("Goejer", "48 83 88", "een mening"):
        assert weg not in md
    assert "J.W. Uitslag" in md  # the wethouder is an office holder


def test_onbekende_grond_in_voorstel_toml(tmp_path: Path) -> None:
    (tmp_path / "voorstel.toml").write_text(
        ORGANISATIE + '[lakken]\ncontactpersoon = "5.1.2e"\nemail = "artikel 10"\n', "utf-8"
    )
    bron = tmp_path / "rib.yaml"
    bron.write_text(MINIMAAL.format(tekst="iets"), "utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("md",), publicatie=True)
    assert resultaat.fout is not None
    [fout] = [str(p) for p in resultaat.fout.problemen]
    assert fout.startswith(
        f"{tmp_path / 'voorstel.toml'}:5: lakken.email: onbekende Woo-grond 'artikel 10'; "
        "geldig zijn (artikel 5.1 en 5.2 Woo): 5.1.1a,"
    )


def test_de_gronden_zijn_de_woo() -> None:
    gronden = lakken.gronden()
    verwacht = [
        *(f"5.1.1{letter}" for letter in "abcde"),
        *(f"5.1.2{letter}" for letter in "abcdefghi"),
        "5.1.5",
        "5.2",
    ]
    assert list(gronden) == verwacht
    assert gronden["5.1.2e"] == "de eerbiediging van de persoonlijke levenssfeer"
    bron = (ROOT / "src" / "voorstel" / "kern" / "woogronden.csv").read_text("utf-8")
    assert "https://wetten.overheid.nl/BWBR0045754" in bron


VIJANDIG = {
    "jinja-expressie": "{{ 7*7 }}",
    "jinja-include": "{% include '/etc/passwd' %}",
    "docxtpl-opener": "a {_{ b",
    "xml-element": "<w:p>",
    "ampersand": "R&D",
    "entiteit": "&amp; &#123; &lt;",
    "markdown": "**vet** *schuin* # kop",
    "emoji": "👩‍👩‍👧 🇳🇱 €",
}
"""Hostile text that may stand in a marked passage (no [ or ]: those end a marker)."""


@pytest.mark.parametrize("naam", list(VIJANDIG))
def test_gelakte_tekst_is_gegevens(tmp_path: Path, naam: str) -> None:
    """A marked passage is text like any other: internally it comes out as typed (in the
    onderwerp, a prose field and a footnote), in a publication it is gone; the marker runs
    nothing and adds no markup."""
    tekst = VIJANDIG[naam]
    geheim = f"Geheim {tekst} einde"
    marker = f"[[lak 5.1.2e: {geheim}]]"
    bron = tmp_path / "rib.yaml"
    yaml = MINIMAAL.format(tekst="x").replace(
        "onderwerp: Een onderwerp", f"onderwerp: {json.dumps('Over ' + marker, ensure_ascii=False)}"
    )
    yaml = yaml.replace(
        "    tekst: Tekst.", f"    tekst: {json.dumps(marker + '[^n]', ensure_ascii=False)}"
    )
    yaml += f"voetnoten:\n  n: {json.dumps(marker, ensure_ascii=False)}\n"
    bron.write_text(yaml, "utf-8")

    intern = bouw_bestand(bron, tmp_path / "intern", ("docx", "md", "html"))
    assert intern.fout is None, str(intern.fout)
    docx_ = tmp_path / "intern" / "rib.docx"
    if "*" not in tekst and "#" not in tekst:  # Markdown in prose is formatting
        teksten = _docx_teksten(docx_)
        assert teksten.count(geheim) == 1  # the toelichting
        assert "Over " + geheim in teksten  # the onderwerp, a field
        assert teksten.count(" " + geheim) == 1  # the footnote, after its number
        assert _gemarkeerd(docx_) == [geheim, geheim]
    assert docx.Document(str(docx_)).core_properties.title == f"Raadsinformatiebrief: Over {geheim}"

    publicatie = bouw_bestand(
        bron, tmp_path / "publicatie", ("docx", "md", "html"), publicatie=True
    )
    assert publicatie.fout is None, str(publicatie.fout)
    assert publicatie.gelakt == {"5.1.2e": 6}  # 3 contact fields, 3 passages
    uitvoer = sorted((tmp_path / "publicatie").glob("rib.*"))
    for weg in ("Geheim", "einde", geheim):
        assert _gevonden(uitvoer, weg) == [], weg


def test_geen_stuurteken_kan_een_markering_nadoen(tmp_path: Path) -> None:
    """The parser's stand-ins for a marker are control characters, which no text may hold."""
    bron = tmp_path / "rib.yaml"
    bron.write_text(MINIMAAL.format(tekst=f"{lakken.LAK_BEGIN}5.1.2e{lakken.LAK_MIDDEN}x"), "utf-8")
    with pytest.raises(Exception, match="U\\+0001"):
        load(bron)


def test_alternatieve_tekst_van_een_grafiek_wordt_gelakt(tmp_path: Path) -> None:
    """A chart's alt text is made from the data (the marktanalyse's titel): redacted too."""
    inkoop = ROOT / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"
    titel = "  titel: Jeugdigen die hulp ontvingen per jaar\n"
    tekst = inkoop.read_text("utf-8")
    assert titel in tekst
    bron = tmp_path / inkoop.name
    bron.write_text(
        tekst.replace(
            titel,
            "  titel: 'Jeugdigen die hulp ontvingen per jaar [[lak 5.1.2e: volgens Pietersma]]'\n",
        ),
        "utf-8",
    )
    intern = bouw_bestand(bron, tmp_path / "intern", ("docx", "md", "html"))
    assert intern.fout is None, str(intern.fout)
    alt = _alt_teksten(tmp_path / "intern" / "inkoopstrategie-jeugdhulp-2027.docx")
    assert alt and all("per jaar volgens pietersma in" in a for a in alt), alt

    publicatie = bouw_bestand(
        bron, tmp_path / "publicatie", ("docx", "md", "html"), publicatie=True
    )
    assert publicatie.fout is None, str(publicatie.fout)
    docx_ = tmp_path / "publicatie" / "inkoopstrategie-jeugdhulp-2027.docx"
    assert all("per jaar [gelakt: 5.1.2e] in" in a for a in _alt_teksten(docx_))
    uitvoer = sorted(p for p in (tmp_path / "publicatie").iterdir() if p.is_file())
    assert _gevonden(uitvoer, "ietersma") == []
    intern_ = sorted(p for p in (tmp_path / "intern").iterdir() if p.is_file())
    assert _gevonden(intern_, "ietersma") != []


def _alt_teksten(pad: Path) -> list[str]:
    """The alt text (wp:docPr/@descr) of every image in a .docx."""
    with zipfile.ZipFile(pad) as archief:
        root = etree.fromstring(archief.read("word/document.xml"))
    wp = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
    return [str(d.get("descr")) for d in root.iter(f"{wp}docPr")]


@pytest.mark.parametrize("soort", [s.naam for s in REGISTER])
def test_elke_soort_lakt_elk_tekstveld_en_elk_persoonsgegeven(tmp_path: Path, soort: str) -> None:
    """Every soort's starter file, with a marked passage at the start of every prose field:
    internally the passages show without their markers; in a publication neither the
    passages nor the values of the fields with personal data are anywhere."""
    model = REGISTER[soort].model
    data = load(REGISTER[soort].map / "nieuw.yaml").data
    velden = list(ruwe_prozavelden(model, data))
    assert velden, soort
    for nummer, (loc, tekst) in enumerate(velden):
        plek: Any = data
        for deel in loc[:-1]:
            plek = plek[deel]
        plek[loc[-1]] = f"[[lak 5.1.2e: Geheimpje{nummer}x]] {tekst}"
    bron = tmp_path / f"{soort}.yaml"
    bron.write_text(json.dumps(data, ensure_ascii=False, default=str), "utf-8")
    gevalideerd = validate(load(bron))
    persoonlijk = [
        str(waarde)
        for _, model_ in modellen(gevalideerd.document)
        for naam, info in type(model_).model_fields.items()
        if openbaar.persoonsgegeven(info) is not None
        for waarde in _als_lijst(getattr(model_, naam))
    ]

    intern = bouw_bestand(bron, tmp_path / "intern", ("docx", "md", "html"))
    assert intern.fout is None, str(intern.fout)
    for pad in intern.geschreven:
        if pad.suffix in (".md", ".html"):
            assert "[[lak" not in pad.read_text("utf-8"), pad.name
    publicatie = bouw_bestand(
        bron, tmp_path / "publicatie", ("docx", "md", "html"), publicatie=True
    )
    assert publicatie.fout is None, str(publicatie.fout)
    assert publicatie.gelakt is not None
    assert sum(publicatie.gelakt.values()) >= len(velden) + len(persoonlijk)
    for weg in ["Geheimpje", *persoonlijk]:
        assert _gevonden(publicatie.geschreven, weg) == [], weg
    assert _gevonden(intern.geschreven, "Geheimpje") != []


def _als_lijst(waarde: Any) -> list[Any]:
    if waarde is None:
        return []
    return list(waarde) if isinstance(waarde, list) else [waarde]
