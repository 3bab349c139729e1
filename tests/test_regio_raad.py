"""Regional raadsvoorstellen: one source, for every gemeente of the key its raadsvoorstel,
raadsbesluit and collegeoplegger, each with its own raad, bijdrage and office holders (from
the shared ambtsdragers file), plus the regional overview with the whole verdeling."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from docx import Document

from conftest import ROOT
from voorstel.blokken.regio import Ambtsdragers
from voorstel.bouwen.batch import Opties, bouw_batch
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.kern import finance, nl
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.compute import varianten
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

WBO = ROOT / "data" / "wbo"
VOORBEELD = WBO / "raadsvoorstel-jim-2027.yaml"
GEMEENTEN = ["Altena", "Breda", "Drimmelen", "Geertruidenberg", "Oosterhout"]
TOTAAL = Decimal(600000)


def _ambtsdragers() -> dict[str, dict[str, str]]:
    document = validate(load(WBO / "ambtsdragers-wbo.yaml")).document
    assert isinstance(document, Ambtsdragers)
    return {
        gemeente: {
            functie: " ".join(d for d in (wie.titel, wie.naam) if d)
            for functie, wie in (
                ("burgemeester", a.burgemeester),
                ("gemeentesecretaris", a.gemeentesecretaris),
                ("griffier", a.griffier),
            )
        }
        for gemeente, a in document.gemeenten.items()
    }


AMBTSDRAGERS = _ambtsdragers()
"""The example's office holders per gemeente: {'Altena': {'burgemeester': 'drs. ...'}}."""


def woord(docx: Path) -> str:
    """All text of a Word document: its paragraphs, then its tables, cell by cell."""
    doc = Document(str(docx))
    delen = [p.text for p in doc.paragraphs]
    delen += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(delen)


@pytest.fixture(scope="module")
def gebouwd(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example built once, by output name without the source's stem."""
    out = tmp_path_factory.mktemp("regioraad")
    resultaat = bouw_bestand(VOORBEELD, out, ("docx", "md"))
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.waarschuwingen == []
    return {p.name.removeprefix(VOORBEELD.stem): p for p in resultaat.geschreven}


def slug(gemeente: str) -> str:
    return gemeente.lower()


def test_per_gemeente_drie_stukken_en_een_overzicht(gebouwd: dict[str, Path]) -> None:
    assert sorted(gebouwd) == sorted(
        [".docx", ".md"]
        + [
            f"-{slug(g)}{stuk}{suffix}"
            for g in GEMEENTEN
            for stuk in ("", "-raadsbesluit", "-collegeoplegger")
            for suffix in (".docx", ".md")
        ]
    )


def _bijdrage(tekst: str) -> Decimal:
    gevonden = re.search(r"een budget van (€ [\d.]+) beschikbaar te stellen", tekst)
    assert gevonden, tekst
    return nl.parse_bedrag(gevonden.group(1))


@pytest.mark.parametrize("gemeente", GEMEENTEN)
def test_raadsbesluit_van_elke_gemeente(gebouwd: dict[str, Path], gemeente: str) -> None:
    """Its own raad, bijdrage, griffier and voorzitter (the burgemeester), in the Word text."""
    tekst = woord(gebouwd[f"-{slug(gemeente)}-raadsbesluit.docx"])
    eigen = AMBTSDRAGERS[gemeente]
    assert "De raad van de gemeente " + gemeente + ";" in tekst.splitlines()
    assert f"het aandeel van {gemeente} in de regionale kosten van € 600.000" in tekst
    assert f"De griffier,\n{eigen['griffier']}" in tekst
    assert f"De voorzitter,\n{eigen['burgemeester']}" in tekst
    anderen = [AMBTSDRAGERS[g] for g in GEMEENTEN if g != gemeente]
    for ander in anderen:
        for naam in ander.values():
            assert naam not in tekst, naam
    for ander in GEMEENTEN:
        assert ander == gemeente or f"gemeente {ander}" not in tekst


@pytest.mark.parametrize("gemeente", GEMEENTEN)
def test_raadsvoorstel_van_elke_gemeente(gebouwd: dict[str, Path], gemeente: str) -> None:
    """Its own bijdrage in beslispunt, text and table (its row bold), signed by its own
    burgemeester and secretaris."""
    docx = gebouwd[f"-{slug(gemeente)}.docx"]
    tekst = woord(docx)
    eigen = AMBTSDRAGERS[gemeente]
    bijdrage = _bijdrage(tekst)
    assert f"Voor {gemeente} betekent dit een bijdrage van {nl.bedrag_heel(bijdrage)}." in tekst
    assert f"Burgemeester en wethouders van de gemeente {gemeente}," in tekst
    assert f"de burgemeester\n{eigen['burgemeester']}" in tekst
    assert f"de gemeentesecretaris\n{eigen['gemeentesecretaris']}" in tekst
    rij = next(
        r
        for t in Document(str(docx)).tables
        for r in t.rows
        if r.cells[0].text == gemeente and len(r.cells) == 3
    )
    assert rij.cells[2].text == nl.bedrag(bijdrage, centen=True)
    assert all(run.bold for c in rij.cells for p in c.paragraphs for run in p.runs)
    oplegger = woord(gebouwd[f"-{slug(gemeente)}-collegeoplegger.docx"])
    assert "In te stemmen met bijgaand raadsvoorstel en ontwerpbesluit" in oplegger
    assert f"Voor {gemeente} is dat {nl.bedrag_heel(bijdrage)}." in oplegger


def test_bijdragen_tellen_precies_op(gebouwd: dict[str, Path]) -> None:
    besluiten = {g: _bijdrage(woord(gebouwd[f"-{slug(g)}-raadsbesluit.docx"])) for g in GEMEENTEN}
    voorstellen = {g: _bijdrage(woord(gebouwd[f"-{slug(g)}.docx"])) for g in GEMEENTEN}
    assert besluiten == voorstellen
    assert sum(besluiten.values()) == TOTAAL
    assert besluiten["Oosterhout"] == Decimal(97080)  # 16,18% of € 600.000, exactly


def test_overzicht_toont_de_hele_verdeling_met_de_eigen_ondertekening(
    gebouwd: dict[str, Path],
) -> None:
    docx = gebouwd[".docx"]
    tabel = next(t for t in Document(str(docx)).tables if t.rows[0].cells[0].text == "Gemeente")
    rijen = [[c.text for c in r.cells] for r in tabel.rows[1:]]
    assert [r[0] for r in rijen] == [*GEMEENTEN, "Totaal"]
    assert sum(nl.parse_bedrag(r[2]) for r in rijen[:-1]) == nl.parse_bedrag(rijen[-1][2])
    assert rijen[-1][2] == "€ 600.000,00"
    tekst = woord(docx)
    assert "Burgemeester en wethouders van de gemeente Breda," in tekst
    assert "de burgemeester\nP.A.M. van Dongen" in tekst  # the document's own
    # a raadsbesluit is one raad's: the overview has none, and no oplegger
    assert not any(
        n.startswith("-raadsbesluit") or n.startswith("-collegeoplegger") for n in gebouwd
    )


def test_markdown_van_een_besluit(gebouwd: dict[str, Path]) -> None:
    md = gebouwd["-geertruidenberg-raadsbesluit.md"].read_text(encoding="utf-8")
    assert "De raad van de gemeente Geertruidenberg;" in md
    assert "De griffier,  \nmr. T.H. van Gils" in md
    assert "De voorzitter,  \nW.P.J. Brouwers" in md


def _project(tree: Tree, tmp_path: Path, ambtsdragers: str, document: str | None = None) -> Path:
    """The example in a project of its own, with the given ambtsdragers file."""
    (tmp_path / "voorstel.toml").write_text("", encoding="utf-8")
    paden = tree(
        {
            "data/sleutel.yaml": (WBO / "verdeelsleutel-wbo-2024.yaml").read_text("utf-8"),
            "data/ambtsdragers.yaml": ambtsdragers,
            "data/raad.yaml": document
            or VOORBEELD.read_text("utf-8")
            .replace("verdeelsleutel-wbo-2024.yaml", "sleutel.yaml")
            .replace("ambtsdragers-wbo.yaml", "ambtsdragers.yaml"),
        }
    )
    return paden["data/raad.yaml"]


def _problemen(pad: Path) -> list[str]:
    with pytest.raises(ValidatieFout) as info:
        validate(load(pad))
    return [str(p) for p in info.value.problemen]


def _regel(pad: Path, begin: str) -> int:
    return next(
        i + 1
        for i, r in enumerate(pad.read_text(encoding="utf-8").splitlines())
        if r.strip().startswith(begin)
    )


def test_ontbrekende_gemeente_met_voorstel_voor_een_tikfout(tree: Tree, tmp_path: Path) -> None:
    tekst = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    pad = _project(tree, tmp_path, tekst.replace("  Drimmelen:", "  Drimmelem:"))
    regel = _regel(pad, "ambtsdragers:")
    assert _problemen(pad) == [
        f"{pad}:{regel}: regio.ambtsdragers: gemeente 'Drimmelen' van verdeelsleutel "
        "'sleutel.yaml' staat niet in 'ambtsdragers.yaml'; staat er 'Drimmelem' voor "
        "'Drimmelen'? Schrijf de naam zoals in de verdeelsleutel"
    ]


def test_ontbrekende_gemeente_zonder_gelijkende_naam(tree: Tree, tmp_path: Path) -> None:
    tekst = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    for gemeente, volgende in (("Altena", "Breda"), ("Oosterhout", None)):
        begin = tekst.index(f"  {gemeente}:")
        tekst = tekst[:begin] + (tekst[tekst.index(f"  {volgende}:") :] if volgende else "")
    pad = _project(tree, tmp_path, tekst)
    regel = _regel(pad, "ambtsdragers:")
    assert _problemen(pad) == [
        f"{pad}:{regel}: regio.ambtsdragers: gemeente '{g}' van verdeelsleutel 'sleutel.yaml' "
        "staat niet in 'ambtsdragers.yaml' (dat noemt Breda, Drimmelen, Geertruidenberg); "
        f"voeg de ambtsdragers van {g} toe"
        for g in ("Altena", "Oosterhout")
    ]


def test_onbekend_veld_in_het_bestand_met_ambtsdragers(tree: Tree, tmp_path: Path) -> None:
    tekst = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("    gemeentesecretaris: {naam: R.F. Hendrikx}", "    secretaris: R.F.")
    pad = _project(tree, tmp_path, tekst)
    bestand = pad.with_name("ambtsdragers.yaml")
    regel = _regel(bestand, "secretaris:")
    assert _problemen(pad) == [
        f"{bestand}:{regel - 2}: gemeenten.Drimmelen.gemeentesecretaris: verplicht veld "
        "ontbreekt; vul het in",
        f"{bestand}:{regel}: gemeenten.Drimmelen.secretaris: onbekend veld 'secretaris'; "
        "bedoelde u 'gemeentesecretaris'?",
    ]


def test_verwijzing_naar_iets_anders_dan_ambtsdragers(tree: Tree, tmp_path: Path) -> None:
    sleutel = (WBO / "verdeelsleutel-wbo-2024.yaml").read_text(encoding="utf-8")
    pad = _project(tree, tmp_path, sleutel)
    assert _problemen(pad) == [
        f"{pad}:{_regel(pad, 'ambtsdragers:')}: regio.ambtsdragers: 'ambtsdragers.yaml' is geen "
        "bestand met ambtsdragers (het bestand begint niet met 'soort: ambtsdragers')"
    ]


def test_versies_per_gemeente_vragen_ambtsdragers(tree: Tree, tmp_path: Path) -> None:
    tekst = VOORBEELD.read_text("utf-8").replace("  ambtsdragers: ambtsdragers-wbo.yaml\n", "")
    pad = _project(tree, tmp_path, "", tekst.replace("verdeelsleutel-wbo-2024", "sleutel"))
    assert _problemen(pad) == [
        f"{pad}:{_regel(pad, 'regio:')}: regio: een raadsvoorstel met een versie per gemeente "
        "heeft de ambtsdragers van elke gemeente nodig (burgemeester, gemeentesecretaris en "
        "griffier), anders ondertekent elke raad met dezelfde namen; noem het bestand met "
        "'ambtsdragers: <bestand>.yaml' onder regio (zie voorstel new ambtsdragers)"
    ]


def test_griffier_blijft_verplicht_zonder_regio(tree: Tree) -> None:
    dalfsen = ROOT / "data" / "dalfsen"
    tekst = (dalfsen / "raadsvoorstel-kademuur-vechtkade.yaml").read_text("utf-8")
    tekst = tekst.replace("  griffier:\n    naam: H. Koster\n", "")
    toml = (dalfsen / "voorstel.toml").read_text("utf-8")  # Dalfsen's own kop fields
    pad = tree({"raad.yaml": tekst, "voorstel.toml": toml})["raad.yaml"]
    assert _problemen(pad) == [
        f"{pad}:{_regel(pad, 'besluit:')}: besluit.griffier: verplicht veld ontbreekt; vul het in"
    ]


def test_eigen_voorzitter_en_ongebruikte_velden(tree: Tree, tmp_path: Path) -> None:
    """A voorzitter in the file signs that gemeente's besluit; a griffier or voorzitter in
    the document's own besluit would be used nowhere, and is named in a warning."""
    tekst = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace("    # voorzitter: {naam: ...}", "    voorzitter: {naam: G.H. Peeters}")
    document = (
        VOORBEELD.read_text("utf-8")
        .replace("verdeelsleutel-wbo-2024.yaml", "sleutel.yaml")
        .replace("ambtsdragers-wbo.yaml", "ambtsdragers.yaml")
        .replace("  gelet_op:", "  griffier: H. Koster\n  gelet_op:")
    )
    pad = _project(tree, tmp_path, tekst, document)
    resultaat = bouw_bestand(pad, tmp_path / "uit", ("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    assert [str(w) for w in resultaat.waarschuwingen] == [
        f"{pad}:{_regel(pad, 'griffier:')}: besluit.griffier: waarschuwing: wordt niet gebruikt: "
        "in een raadsvoorstel met een versie per gemeente komt de griffier van elk raadsbesluit "
        "uit regio.ambtsdragers, en het regionale overzicht heeft geen raadsbesluit; haal het "
        "veld weg"
    ]
    uit = tmp_path / "uit"
    oosterhout = (uit / "raad-oosterhout-raadsbesluit.md").read_text(encoding="utf-8")
    assert "De voorzitter,  \nG.H. Peeters" in oosterhout
    assert "De griffier,  \nN. van Loon" in oosterhout
    breda = (uit / "raad-breda-raadsbesluit.md").read_text(encoding="utf-8")
    assert "De voorzitter,  \nP.A.M. van Dongen" in breda
    assert "H. Koster" not in breda + oosterhout


def test_een_gewijzigde_ambtsdrager_bouwt_precies_wie_het_bestand_gebruikt(
    tree: Tree, tmp_path: Path
) -> None:
    """The ambtsdragers file is a dependency: the regional raadsvoorstel is made again, the
    collegevoorstel with the same verdeelsleutel is not."""
    ambtsdragers = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    _project(tree, tmp_path, ambtsdragers)
    shutil.copy(ROOT / "data" / "wbo" / "jim.yaml", tmp_path / "data" / "jim.yaml")
    jim = tmp_path / "data" / "jim.yaml"
    jim.write_text(jim.read_text("utf-8").replace("verdeelsleutel-wbo-2024", "sleutel"), "utf-8")
    data = tmp_path / "data"

    def bouw() -> list[str]:
        batch = bouw_batch([data], Opties(tmp_path / "build", ("md",)), processen=1)
        assert all(r.fout is None for r in batch.resultaten)
        return [r.bron.name for r in batch.resultaten]

    assert bouw() == ["jim.yaml", "raad.yaml"]
    assert bouw() == []
    (data / "ambtsdragers.yaml").write_text(
        ambtsdragers.replace("L. Vermeulen", "P. Rijken"), encoding="utf-8"
    )
    assert bouw() == ["raad.yaml"]
    besluit = (tmp_path / "build" / "raad-drimmelen-raadsbesluit.md").read_text("utf-8")
    assert "De griffier,  \nP. Rijken" in besluit
    assert bouw() == []


def test_startbestanden_van_de_gedeelde_bestanden(tmp_path: Path) -> None:
    """`voorstel new ambtsdragers` and `voorstel new verdeelsleutel` give files that
    validate, and with them the raadsvoorstel's starter builds as a regional proposal."""
    runner = CliRunner()
    paden = {}
    for soort in ("raadsvoorstel", "verdeelsleutel", "ambtsdragers"):
        paden[soort] = tmp_path / "data" / f"{soort}.yaml"
        result = runner.invoke(main, ["new", soort, str(paden[soort])])
        assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["new", "ambtsdragers", str(tmp_path / "x.yaml")]).stdout == (
        f"gemaakt: {tmp_path / 'x.yaml'}\nvul de velden in, controleer het bestand met: "
        f"voorstel validate {tmp_path / 'x.yaml'}, en verwijs ernaar vanuit de documenten die "
        "het gebruiken\n"
    )
    result = runner.invoke(main, ["validate", str(paden["ambtsdragers"])])
    assert (result.exit_code, result.output) == (0, f"{paden['ambtsdragers']}: geldig\n")
    (tmp_path / "voorstel.toml").write_text("", encoding="utf-8")
    raad = paden["raadsvoorstel"]
    tekst = raad.read_text(encoding="utf-8")
    blok = re.search(r"^# regio:\n(?:#   .*\n)+", tekst, re.M)
    assert blok is not None
    tekst = tekst.replace(blok.group(0), re.sub(r"(?m)^# ", "", blok.group(0)))
    for veld in ("griffier", "voorzitter"):  # they come from the ambtsdragers now
        tekst = re.sub(rf"(?m)^  {veld}:\n(?:    .*\n)+", "", tekst)
    raad.write_text(tekst, encoding="utf-8")
    resultaat = bouw_bestand(raad, tmp_path / "uit", ("md",))
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.waarschuwingen == []
    stad = (tmp_path / "uit" / "raadsvoorstel-voorbeeldstad-raadsbesluit.md").read_text("utf-8")
    assert "De griffier,  \nmr. F. de Groot" in stad
    assert "De voorzitter,  \ndr. G. Visser" in stad
    dorp = (tmp_path / "uit" / "raadsvoorstel-voorbeelddorp.md").read_text("utf-8")
    assert "Burgemeester en wethouders van de gemeente Voorbeelddorp," in dorp
    assert "de burgemeester  \nH. Mulder" in dorp


BATEN = Decimal(412500)
"""The example's onttrekking aan de reserve, for the whole region."""


def _wijziging(docx: Path) -> dict[str, list[Decimal]]:
    """The begrotingswijziging of a Word document: per row label its amounts per year, the
    saldo signed (N negative), read back from the table's text."""

    def getal(tekst: str) -> Decimal:
        waarde, _, vn = tekst.partition(" ")
        bedrag = Decimal(waarde.replace(".", "").replace(",", "."))
        return -bedrag if vn == "N" else bedrag

    tabel = next(t for t in Document(str(docx)).tables if t.rows[0].cells[0].text == "Taakveld")
    assert [c.text for c in tabel.rows[0].cells][4:] == ["2026", "2027", "2028", "2029"]
    return {
        r.cells[1].text or r.cells[0].text: [getal(c.text) for c in r.cells[4:]]
        for r in tabel.rows[2:]
    }


LASTEN = "Bijdrage voortzetting JIM 2027"
ONTTREKKING = "Onttrekking reserve Sociaal domein (resultaat inkoop 2024)"


def test_begrotingswijziging_van_het_overzicht_is_die_van_de_regio(
    gebouwd: dict[str, Path],
) -> None:
    regio = _wijziging(gebouwd[".docx"])
    assert regio[LASTEN] == [0, TOTAAL, 0, 0]
    assert regio[ONTTREKKING] == [0, BATEN, 0, 0]
    assert regio["Saldo"] == [0, BATEN - TOTAAL, 0, 0]
    assert "De bedragen zijn die van de hele regio" in woord(gebouwd[".docx"])


def test_begrotingswijzigingen_per_gemeente_tellen_op_tot_die_van_de_regio(
    gebouwd: dict[str, Path],
) -> None:
    """Every gemeente's begrotingswijziging holds its share of each line, in its raadsvoorstel
    and as bijlage of its raadsbesluit; the shares add up to the region's, line by line and
    year by year, and so do the saldi; each table foots on its own."""
    regio = _wijziging(gebouwd[".docx"])
    per_gemeente = {}
    for gemeente in GEMEENTEN:
        eigen = _wijziging(gebouwd[f"-{slug(gemeente)}.docx"])
        assert _wijziging(gebouwd[f"-{slug(gemeente)}-raadsbesluit.docx"]) == eigen
        for jaar in range(4):
            assert eigen["Totaal lasten"][jaar] == eigen[LASTEN][jaar]
            assert eigen["Totaal baten"][jaar] == eigen[ONTTREKKING][jaar]
            assert eigen["Saldo"][jaar] == eigen["Totaal baten"][jaar] - eigen[LASTEN][jaar]
        besluit = woord(gebouwd[f"-{slug(gemeente)}-raadsbesluit.docx"])
        assert eigen[LASTEN][1] == _bijdrage(besluit)  # the same split as the verdeling
        assert f"voor {nl.bedrag_heel(eigen[ONTTREKKING][1])} te dekken uit de reserve" in besluit
        assert f"(saldo 2027 {nl.saldo(eigen['Saldo'][1])})" in besluit
        per_gemeente[gemeente] = eigen
    for rij, bedragen in regio.items():
        for jaar, bedrag in enumerate(bedragen):
            assert sum(per_gemeente[g][rij][jaar] for g in GEMEENTEN) == bedrag, (rij, jaar)
    # 18,33% of € 412.500 is € 75.611,25: the key's largest remainder decides the euros
    assert [per_gemeente[g][ONTTREKKING][1] for g in GEMEENTEN] == [
        Decimal(d) for d in (75611, 214748, 29865, 25534, 66742)
    ]


def test_markdown_van_de_begrotingswijziging_per_gemeente(gebouwd: dict[str, Path]) -> None:
    md = gebouwd["-drimmelen-raadsbesluit.md"].read_text(encoding="utf-8")
    assert "## Bijlage 1 bij het besluit: begrotingswijziging" in md
    assert (
        "| 6.72 Maatwerkdienstverlening 18- | Bijdrage voortzetting JIM 2027 | L | I | 0 | " in md
    )
    assert "| 43.440 | 0 | 0 |" in md
    assert "De bedragen zijn het aandeel van Drimmelen (7,24%) in die van de regio" in md


def test_delen_van_negatieve_en_scheve_bedragen_tellen_op(tree: Tree, tmp_path: Path) -> None:
    """Amounts that do not split evenly, a negative one, several years, in thousands: every
    gemeente's share still adds up exactly to the region's amount."""

    document = (
        VOORBEELD.read_text("utf-8")
        .replace("verdeelsleutel-wbo-2024.yaml", "sleutel.yaml")
        .replace("ambtsdragers-wbo.yaml", "ambtsdragers.yaml")
        .replace("bedragen: {2027: 600000}", "bedragen: {2027: 600001, 2028: -33333, 2029: 7}")
        .replace("saldo: {2027: -187500}", "saldo: {2027: -187501, 2028: 33333, 2029: -7}")
    )
    ambtsdragers = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    gevalideerd = validate(load(_project(tree, tmp_path, ambtsdragers, document)))
    cijfers = {
        gemeente: context["cijfers"]
        for gemeente, context in varianten(
            gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers
        )
    }
    regio = cijfers.pop(None)
    assert sorted(cijfers) == sorted(GEMEENTEN)
    for naam in ("lasten", "baten", "saldo"):
        for jaar in (2026, 2027, 2028, 2029):
            sleutel = f"{naam}_{jaar}"
            assert sum(c[sleutel] for c in cijfers.values()) == regio[sleutel], sleutel
    assert regio["saldo_2028"] == Decimal(33333)
    # € 7 over 18,33%, 52,06%, 7,24%, 6,19%, 16,18%: the two largest remainders get a euro
    assert [cijfers[g]["lasten_2029"] for g in GEMEENTEN] == [1, 4, 1, 0, 1]


def test_verdelen_zonder_regio_is_een_fout(tree: Tree) -> None:
    tekst = (ROOT / "data" / "dalfsen" / "raadsvoorstel-kademuur-vechtkade.yaml").read_text("utf-8")
    tekst = tekst.replace(
        "        duizendtallen: true\n", "        duizendtallen: true\n        verdelen: true\n"
    )
    toml = (ROOT / "data" / "dalfsen" / "voorstel.toml").read_text("utf-8")
    pad = tree({"raad.yaml": tekst, "voorstel.toml": toml})["raad.yaml"]
    assert _problemen(pad) == [
        f"{pad}:{_regel(pad, 'verdelen:')}: financien.onderdelen[1].begrotingswijziging.verdelen: "
        "'verdelen: true' geeft elke gemeente haar aandeel in de bedragen volgens "
        "regio.verdeelsleutel, maar dit document heeft geen regio; voeg een regio toe of haal "
        "het veld weg"
    ]


def test_een_bedrag_in_centen_met_een_sleutel_in_euros(tree: Tree, tmp_path: Path) -> None:
    document = (
        VOORBEELD.read_text("utf-8")
        .replace("verdeelsleutel-wbo-2024.yaml", "sleutel.yaml")
        .replace("ambtsdragers-wbo.yaml", "ambtsdragers.yaml")
        .replace("bedragen: {2027: 412500}", 'bedragen: {2027: "412.500,50"}')
        .replace("saldo: {2027: -187500}", "")
    )
    ambtsdragers = (WBO / "ambtsdragers-wbo.yaml").read_text(encoding="utf-8")
    pad = _project(tree, tmp_path, ambtsdragers, document)
    regel = _regel(pad, 'bedragen: {2027: "412')
    assert _problemen(pad) == [
        f"{pad}:{regel}: "
        "financien.onderdelen[1].begrotingswijziging.regels[1].bedragen[2027]: € 412.500,50 is "
        "niet in hele euro's te verdelen; rond het bedrag af of gebruik 'eenheid: cent'; dit "
        "bedrag wordt over de gemeenten van 'sleutel.yaml' verdeeld"
    ]


def test_bedragen_en_woorden_van_de_begrotingswijziging_passen_in_hun_kolom(
    gebouwd: dict[str, Path],
) -> None:
    """Eight columns in 16 cm: in 9 pt with narrow margins no amount wraps (a year is as
    wide as its widest amount) and no BBV name is cut ('Maatwerkdienstverlening')."""
    from docx.shared import Cm, Pt

    from voorstel.blokken.tabellen import tekstbreedte

    for naam in (".docx", "-breda.docx", "-breda-raadsbesluit.docx"):
        tabel = next(
            t for t in Document(str(gebouwd[naam])).tables if t.rows[0].cells[0].text == "Taakveld"
        )
        breedtes = [c.width for c in tabel.columns]
        assert abs(sum(breedtes) - Cm(16)) < Cm(0.05)
        for rij in tabel.rows:
            for cel, breedte in zip(rij.cells, breedtes, strict=True):
                assert all(r.font.size == Pt(9) for p in cel.paragraphs for r in p.runs)
                vet = any(r.bold for p in cel.paragraphs for r in p.runs)
                bedrag = re.fullmatch(r"[\d.]+( [VN])?", cel.text) is not None
                for deel in [cel.text] if bedrag else cel.text.split():
                    assert Cm(tekstbreedte(deel, 9, vet) + 0.2) <= breedte, deel


def test_een_grote_regio_verdeelt_elk_bedrag_een_keer(
    tree: Tree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every amount of the begrotingswijziging is allocated once for all variants, as the
    verdeling is: a region of hundreds of gemeenten grows linearly, not quadratically."""
    from voorstel.blokken.verdeelsleutel import Verdeelsleutel

    namen = [f"Gemeente {i:03d}" for i in range(40)]
    sleutel = "soort: verdeelsleutel\nnaam: T\nnormaliseren: true\ncomponenten:\n"
    sleutel += '  - naam: I\n    aandeel: "100%"\n    gewichten:\n'
    sleutel += "".join(f"      {naam}: {100 + i}\n" for i, naam in enumerate(namen))
    ambtsdragers = "soort: ambtsdragers\nnaam: T\ngemeenten:\n" + "".join(
        f"  {naam}:\n    burgemeester: B. {i}\n    gemeentesecretaris: S. {i}\n"
        f"    griffier: G. {i}\n"
        for i, naam in enumerate(namen)
    )
    document = (
        VOORBEELD.read_text("utf-8")
        .replace("verdeelsleutel-wbo-2024.yaml", "sleutel.yaml")
        .replace("ambtsdragers-wbo.yaml", "ambtsdragers.yaml")
        .replace("\ngemeente: Breda\n", f"\ngemeente: {namen[0]}\n")
    )
    pad = _project(tree, tmp_path, ambtsdragers, document)
    (pad.parent / "sleutel.yaml").write_text(sleutel, encoding="utf-8")
    gevalideerd = validate(load(pad))
    verdeeld: list[Decimal] = []
    echt = Verdeelsleutel.verdeel

    def tel(self: Verdeelsleutel, bedrag: Decimal) -> object:
        verdeeld.append(bedrag)
        return echt(self, bedrag)

    monkeypatch.setattr(Verdeelsleutel, "verdeel", tel)
    percentages: list[int] = []  # each takes the region's size: never once per variant
    echte_percentages = finance.effectieve_percentages

    def procenten(*args: Any) -> Any:
        percentages.append(1)
        return echte_percentages(*args)

    monkeypatch.setattr(finance, "effectieve_percentages", procenten)
    alle = list(varianten(gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers))
    assert len(alle) == 41
    assert sorted(verdeeld) == [0, BATEN, TOTAAL]  # 0: the shares for the table's note
    assert len(percentages) == 3
    assert sum(c["cijfers"]["lasten_2027"] for g, c in alle if g is not None) == TOTAAL
