"""Tests for validate and the models: every problem, each with path:line, in Dutch."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import MINIMAAL, VOORBEELD
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import Gevalideerd, validate
from voorstel.soorten.collegevoorstel.model import Collegevoorstel

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

TABEL = """\
financien:
  onderdelen:
    - titel: Kosten
      tabel:
        posten:
          - onderdeel: A
            bedrag: {a}
          - onderdeel: B
            bedrag: {b}
"""
"""A cost table starting at line 9 of MINIMAAL + TABEL: bedrag of A on 15, of B on 17."""


def geldig(tree: Tree, text: str) -> Gevalideerd:
    return validate(load(tree({"doc.yaml": text})["doc.yaml"]))


def problemen(tree: Tree, text: str) -> list[str]:
    """Every problem as `line: field: message` (the path is the same for all)."""
    path = tree({"doc.yaml": text})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    lines = str(info.value).splitlines()
    assert [str(p) for p in info.value.problemen] == lines
    assert all(line.startswith(f"{path}:") for line in lines)
    return [line.removeprefix(f"{path}:") for line in lines]


def test_voorbeeld_is_geldig_zonder_waarschuwingen() -> None:
    gevalideerd = validate(load(VOORBEELD))
    assert isinstance(gevalideerd.document, Collegevoorstel)
    assert gevalideerd.soort == "collegevoorstel"
    assert gevalideerd.waarschuwingen == []


def test_optionele_velden_hebben_standaardwaarden(tree: Tree) -> None:
    doc = geldig(tree, MINIMAAL).document
    assert isinstance(doc, Collegevoorstel)
    assert doc.kopblok.openbaarheid == "openbaar"
    assert doc.financien is None
    assert doc.argumenten == []
    assert doc.voetnoten == {}


def test_verplichte_velden(tree: Tree) -> None:
    assert problemen(tree, "soort: collegevoorstel\nkopblok:\n  openbaarheid: openbaar\n") == [
        "1: beslispunten: verplicht veld ontbreekt; vul het in",
        "1: onderwerp: verplicht veld ontbreekt; vul het in",
        "1: samenvatting: verplicht veld ontbreekt; vul het in",
        "2: kopblok.datum: verplicht veld ontbreekt; vul het in",
    ]


def test_soort_ontbreekt_of_is_onbekend(tree: Tree) -> None:
    assert problemen(tree, "# opmerking\nonderwerp: X\n") == [
        "2: veld 'soort' ontbreekt; begin het bestand met bijvoorbeeld 'soort: collegevoorstel'"
    ]
    assert problemen(tree, "onderwerp: X\nsoort: begrotingsnota\n") == [
        "2: soort: onbekende soort 'begrotingsnota'; kies uit ambtsdragers, collegevoorstel, "
        "inkoopstrategie, memo, raadsinformatiebrief, raadsvoorstel, verdeelsleutel"
    ]


def test_onbekend_veld_met_suggestie(tree: Tree) -> None:
    text = MINIMAAL.replace("  zaaknummer:", "  zaaknumer:")
    assert problemen(tree, text) == [
        "4: kopblok.zaaknumer: onbekend veld 'zaaknumer'; bedoelde u 'zaaknummer'?"
    ]


def test_onbekend_veld_zonder_suggestie_noemt_wat_mag(tree: Tree) -> None:
    text = MINIMAAL.replace("  zaaknummer:", "  kleur:")
    assert problemen(tree, text) == [
        "4: kopblok.kleur: onbekend veld 'kleur' (toegestaan: datum, openbaarheid, zaaknummer)"
    ]


@pytest.mark.parametrize(
    ("vervang", "door", "verwacht"),
    [
        (
            "datum: 2024-12-05",
            "datum: 5 december 2024",
            "3: kopblok.datum: geen geldige datum; schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-12-05",
        ),
        (
            "onderwerp: Een onderwerp",
            "onderwerp: [a, b]",
            "5: onderwerp: moet tekst zijn, geen lijst of groep velden",
        ),
        (
            "beslispunten:\n  - Iets te besluiten.",
            "beslispunten: Iets te besluiten.",
            "6: beslispunten: moet een lijst zijn (regels die beginnen met '- ')",
        ),
        (
            "beslispunten:\n  - Iets te besluiten.",
            "beslispunten: []",
            "6: beslispunten: mag niet leeg zijn; geef er minstens één",
        ),
        (
            "  zaaknummer:",
            "  openbaarheid: half\n  zaaknummer:",
            '4: kopblok.openbaarheid: ongeldige waarde; kies uit "openbaar", "vertrouwelijk" '
            'of "geheim"',
        ),
        (
            "onderwerp: Een onderwerp",
            'onderwerp: "  "',
            "5: onderwerp: mag niet leeg zijn",
        ),
    ],
    ids=["datum", "tekst", "lijst", "lege-lijst", "keuze", "leeg"],
)
def test_verkeerde_typen(tree: Tree, vervang: str, door: str, verwacht: str) -> None:
    text = MINIMAAL.replace(vervang, door)
    assert text != MINIMAAL
    assert problemen(tree, text) == [verwacht]


def test_nederlandse_bedragen_worden_decimal(tree: Tree) -> None:
    doc = geldig(tree, MINIMAAL + TABEL.format(a='"€ 11.326,00"', b="1500")).document
    assert isinstance(doc, Collegevoorstel)
    assert doc.financien is not None
    tabel = doc.financien.onderdelen[0].tabel
    assert tabel is not None
    assert [p.bedrag for p in tabel.posten] == [Decimal("11326.00"), Decimal(1500)]
    assert all(type(p.bedrag) is Decimal for p in tabel.posten)


def test_dubbelzinnig_bedrag_is_een_fout(tree: Tree) -> None:
    assert problemen(tree, MINIMAAL + TABEL.format(a="1.500", b="10")) == [
        '15: financien.onderdelen[0].tabel.posten[0].bedrag: "1.500" is dubbelzinnig; '
        'schrijf 1500 of "1.500,00"'
    ]


def test_bedrag_met_decimale_punt_is_dubbelzinnig(tree: Tree) -> None:
    assert problemen(tree, MINIMAAL + TABEL.format(a="10", b="12.5")) == [
        '17: financien.onderdelen[0].tabel.posten[1].bedrag: "12.5" is dubbelzinnig; '
        'schrijf "12,5" met een komma als decimaalteken (tussen aanhalingstekens)'
    ]


@pytest.mark.parametrize(
    ("waarde", "bericht"),
    [
        ('"veel"', '"veel" is geen getal; schrijf bijvoorbeeld 1500 of "1.500,00"'),
        ("true", "moet een bedrag zijn, geen ja/nee-waarde"),
        ("[1, 2]", 'moet een bedrag zijn, bijvoorbeeld 1500 of "€ 1.500,00"'),
        ("-5", "mag niet negatief zijn (€ -5,00)"),
    ],
    ids=["tekst", "ja-nee", "lijst", "negatief"],
)
def test_ongeldig_bedrag(tree: Tree, waarde: str, bericht: str) -> None:
    assert problemen(tree, MINIMAAL + TABEL.format(a="10", b=waarde)) == [
        f"17: financien.onderdelen[0].tabel.posten[1].bedrag: {bericht}"
    ]


def test_opgegeven_totaal_moet_kloppen(tree: Tree) -> None:
    text = MINIMAAL + TABEL.format(a="25000", b='"€ 45.007"') + "        totaal: 70000\n"
    assert problemen(tree, text) == [
        "18: financien.onderdelen[0].tabel.totaal: het opgegeven totaal € 70.000,00 wijkt af "
        "van de som van de posten € 70.007,00; pas het totaal of de posten aan (of laat "
        "'totaal' weg)"
    ]


def test_kloppend_totaal_in_nederlandse_notatie(tree: Tree) -> None:
    text = MINIMAAL + TABEL.format(a="25000", b='"€ 45.000"') + '        totaal: "€ 70.000,00"\n'
    assert geldig(tree, text).waarschuwingen == []


def test_onbekende_voetnoot(tree: Tree) -> None:
    text = MINIMAAL.replace("samenvatting.", "samenvatting[^bron].")
    assert problemen(tree, text) == [
        "8: samenvatting: voetnoot [^bron] is nergens beschreven; voeg '[^bron]: tekst' toe "
        "onder de tekst of 'bron: tekst' onder 'voetnoten'"
    ]


def test_voetnoot_in_de_tekst_of_onder_voetnoten_is_goed(tree: Tree) -> None:
    text = MINIMAAL.replace(
        "samenvatting: Een korte samenvatting.",
        "samenvatting: |\n  Kort[^a] en bondig[^b].\n\n  [^a]: Hier beschreven.\n"
        "voetnoten:\n  b: Centraal beschreven.",
    )
    assert geldig(tree, text).waarschuwingen == []


def test_ongebruikte_voetnoot_is_een_waarschuwing(tree: Tree) -> None:
    gevalideerd = geldig(tree, MINIMAAL + "voetnoten:\n  los: Nergens gebruikt.\n")
    assert [str(w) for w in gevalideerd.waarschuwingen] == [
        f"{gevalideerd.bron.path}:10: voetnoten.los: waarschuwing: voetnoot 'los' wordt "
        "nergens gebruikt; verwijs ernaar met [^los] of verwijder haar"
    ]


def test_lange_samenvatting_is_een_waarschuwing_geen_fout(tree: Tree) -> None:
    lang = " ".join(["woord"] * 160)
    gevalideerd = geldig(tree, MINIMAAL.replace("Een korte samenvatting.", lang))
    assert [str(w) for w in gevalideerd.waarschuwingen] == [
        f"{gevalideerd.bron.path}:8: samenvatting: waarschuwing: de samenvatting is 160 woorden "
        "(ongeveer 11 regels); het formulier vraagt circa 10 regels (ongeveer 150 woorden); "
        "kort haar in"
    ]
    assert all(w.waarschuwing for w in gevalideerd.waarschuwingen)


def test_samenvatting_van_150_woorden_mag(tree: Tree) -> None:
    kort = " ".join(["kort"] * 150)
    assert geldig(tree, MINIMAAL.replace("Een korte samenvatting.", kort)).waarschuwingen == []


def test_elk_probleem_wordt_gemeld(tree: Tree) -> None:
    text = MINIMAAL.replace("  zaaknummer:", "  zaaknumer:").replace(
        "samenvatting.", "samenvatting[^x]."
    ) + TABEL.format(a="1.500", b="10")
    assert problemen(tree, text) == [
        "4: kopblok.zaaknumer: onbekend veld 'zaaknumer'; bedoelde u 'zaaknummer'?",
        "8: samenvatting: voetnoot [^x] is nergens beschreven; voeg '[^x]: tekst' toe onder "
        "de tekst of 'x: tekst' onder 'voetnoten'",
        '15: financien.onderdelen[0].tabel.posten[0].bedrag: "1.500" is dubbelzinnig; '
        'schrijf 1500 of "1.500,00"',
    ]


def test_voetnootteken_in_gewone_tekst_is_geen_voetnoot(tree: Tree) -> None:
    text = MINIMAAL.replace("onderwerp: Een onderwerp", 'onderwerp: "Een [^x] onderwerp"')
    assert geldig(tree, text).waarschuwingen == []
    # Also while other fields are invalid: only prose fields are checked for footnotes.
    assert problemen(tree, text.replace("datum: 2024-12-05", "datum: morgen")) == [
        "3: kopblok.datum: geen geldige datum; schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-12-05"
    ]


def test_zaaknummer_met_voorloopnullen_blijft_zoals_geschreven(tree: Tree) -> None:
    text = MINIMAAL.replace('zaaknummer: "1060308"', "zaaknummer: 0012")
    bron = load(tree({"doc.yaml": text})["doc.yaml"])
    document = validate(bron).document
    assert isinstance(document, Collegevoorstel)
    assert document.kopblok.zaaknummer == "0012"


def test_voetnoot_in_de_tekst_en_onder_voetnoten_is_een_fout(tree: Tree) -> None:
    text = MINIMAAL.replace(
        "samenvatting: Een korte samenvatting.",
        "samenvatting: |\n  Kort[^a].\n\n  [^a]: Hier beschreven.\nvoetnoten:\n  a: Ook hier.",
    )
    assert problemen(tree, text) == [
        "8: samenvatting: voetnoot [^a] is twee keer beschreven: in deze tekst ('[^a]: ...') "
        "en onder 'voetnoten' (regel 13); één van beide teksten zou wegvallen, houd er één"
    ]


def test_argument_bij_een_beslispunt_dat_niet_bestaat(tree: Tree) -> None:
    text = MINIMAAL.replace(
        "  - Iets te besluiten.\n", "  - Iets te besluiten.\n  - Nog iets.\n"
    ) + ("argumenten:\n  - titel: Een argument\n    tekst: Omdat het moet.\n    beslispunt: 5\n")
    assert problemen(tree, text) == [
        "13: argumenten[0].beslispunt: beslispunt 5 bestaat niet; er zijn 2 beslispunten, "
        "kies een nummer van 1 tot en met 2"
    ]
