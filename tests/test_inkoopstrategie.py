"""The inkoopstrategie model: numbering, inrichtingskeuzes, and the consistency checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.compute import compute
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate
from voorstel.soorten.inkoopstrategie.model import Inkoopstrategie

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

KLEIN = """\
soort: inkoopstrategie
organisatie: Regio WBO Jeugd
onderwerp: Jeugdhulp
kopblok:
  datum: 2025-03-04
hoofdstukken:
  - titel: Inleiding
    paragrafen:
      - titel: Context
        tekst: Tekst.
        paragrafen:
          - titel: Dieper
            tekst: Nog dieper.
  - titel: Taakgebied SLT
    taakgebied:
      id: slt
      naam: Stevig lokaal team
      aanduiding: de SLT's
      inrichtingskeuzes:
        looptijd:
          ingangsdatum: 2027-01-01
          jaren: 5
          verlengingen: 2
        aanbestedingsprocedure:
          procedure: een openbare procedure
        contractpartners:
          per_perceel: 1
          meerdere_percelen: true
          minimum: 2
          maximum: 3
        uitvoering:
          uitvoeringsvariant: taakgericht
          bekostiging: lumpsumfinanciering
    paragrafen:
      - titel: Processen
        tekst: Processen.
        blokken: [planning]
percelen:
  - naam: Perceel noord
    taakgebied: slt
  - naam: Perceel Breda 1
    taakgebied: slt
    aparte_partner: Breda
  - naam: Perceel Breda 2
    taakgebied: slt
    aparte_partner: Breda
planning:
  - titel: Planning
    activiteiten:
      - activiteit: Selectiefase
        van: 2025-07-01
        tot: 2025-09-30
      - activiteit: Gunning
        van: 2026-04-01
        tot: 2026-06-30
begrippen:
  - begrip: Zorg
    definitie: Hulp.
  - begrip: analyse
    definitie: Onderzoek.
  - begrip: Één
    definitie: Getal.
"""
"""A small valid inkoopstrategie; the tests change one line to break one check."""


def geldig(tree: Tree, text: str = KLEIN) -> Inkoopstrategie:
    document = validate(load(tree({"doc.yaml": text})["doc.yaml"])).document
    assert isinstance(document, Inkoopstrategie)
    return document


def problemen(tree: Tree, text: str) -> list[str]:
    """Every problem as `line: field: message`."""
    path = tree({"doc.yaml": text})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


def vervang(oud: str, nieuw: str) -> str:
    assert KLEIN.count(oud) == 1, oud
    return KLEIN.replace(oud, nieuw)


def test_nummers_worden_berekend(tree: Tree) -> None:
    context = compute(geldig(tree))
    koppen = [(d["niveau"], d["nummer"], d["titel"]) for d in context["inhoud"]]
    assert koppen == [
        (1, "1", "Inleiding"),
        (2, "1.1", "Context"),
        (3, "1.1.1", "Dieper"),
        (1, "2", "Taakgebied SLT"),
        (2, "2.1", "Processen"),
        (2, "2.2", "Inrichtingskeuzes voor de inkoop"),
        (3, "2.2.1", "Looptijd van de overeenkomst"),
        (3, "2.2.2", "Aanbestedingsprocedure"),
        (3, "2.2.3", "Perceelindeling"),
        (3, "2.2.4", "Aantal contractpartners"),
        (3, "2.2.5", "Uitvoeringsvariant en bekostiging"),
        (1, "", "Bijlage 1: Begrippenlijst"),
    ]
    assert context["inhoudsopgave"][2] == {
        "niveau": 3,
        "nummer": "1.1.1",
        "titel": "Dieper",
        "anker": "_Toc_1_1_1",
    }


def test_inrichtingskeuzes_als_tekst(tree: Tree) -> None:
    teksten = {d["nummer"]: d["tekst"] for d in compute(geldig(tree))["inhoud"]}
    assert teksten["2.2.1"] == (
        "De ingangsdatum van de overeenkomst voor de SLT's is 1 januari 2027. De duur van de "
        "overeenkomst is vijf jaar met twee verlengingsopties van één jaar."
    )
    assert teksten["2.2.2"] == "We besteden de SLT's aan via een openbare procedure."
    assert teksten["2.2.3"] == "1. Perceel noord\n2. Perceel Breda 1\n3. Perceel Breda 2"
    assert teksten["2.2.4"] == (
        "Per perceel contracteert Regio WBO Jeugd één contractpartner. In totaal contracteren "
        "we dus minimaal twee en maximaal drie contractpartners binnen dit taakgebied."
    )
    assert teksten["2.2.5"] == (
        "De uitvoeringsvariant voor de SLT's is **taakgericht**. De bekostiging vindt plaats "
        "op basis van lumpsumfinanciering."
    )


def test_planning_per_kwartaal_uit_de_datums(tree: Tree) -> None:
    tabel = compute(geldig(tree))["planning"][0]["tabel"]
    assert tabel.kop == ["Activiteit", "Q3 2025", "Q4 2025", "Q1 2026", "Q2 2026"]
    assert [[c.waarde for c in rij] for rij in tabel.rijen] == [
        ["Selectiefase", "X", "", "", ""],
        ["Gunning", "", "", "", "X"],
    ]


def test_begrippen_alfabetisch_zonder_accenten_en_hoofdletters(tree: Tree) -> None:
    begrippen = [b["begrip"] for b in compute(geldig(tree))["begrippen"]]
    assert begrippen == ["analyse", "Één", "Zorg"]


def test_looptijd_na_de_planning(tree: Tree) -> None:
    tekst = vervang("ingangsdatum: 2027-01-01", "ingangsdatum: 2026-05-01")
    assert problemen(tree, tekst) == [
        "21: hoofdstukken[1].taakgebied.inrichtingskeuzes.looptijd[0].ingangsdatum: de "
        "looptijd van 'Stevig lokaal team' begint op 1 mei 2026, maar de planning 'Planning' "
        "loopt tot 30 juni 2026; de overeenkomst gaat pas in na de aanbesteding: pas de "
        "ingangsdatum of de planning aan"
    ]


def test_perceel_hoort_bij_een_taakgebied(tree: Tree) -> None:
    tekst = vervang(
        "  - naam: Perceel noord\n    taakgebied: slt",
        "  - naam: Perceel noord\n    taakgebied: jeugd",
    )
    assert problemen(tree, tekst) == [
        "30: hoofdstukken[1].taakgebied.inrichtingskeuzes.contractpartners[0].maximum: maximum "
        "3 klopt niet met de percelen: 1 per perceel bij 2 percelen in taakgebied 'slt' is "
        "maximaal 2; pas het maximum of de percelen aan",
        "40: percelen[0].taakgebied: perceel 'Perceel noord' hoort bij taakgebied 'jeugd', maar "
        "dat taakgebied bestaat niet; kies uit slt",
    ]


def test_contractpartners_een_per_perceel(tree: Tree) -> None:
    tekst = vervang("meerdere_percelen: true", "meerdere_percelen: false")
    assert problemen(tree, tekst) == [
        "29: hoofdstukken[1].taakgebied.inrichtingskeuzes.contractpartners[0].minimum: minimum "
        "2 klopt niet met de percelen: elk perceel krijgt eigen contractpartners "
        "(meerdere_percelen: false), dus het minimum is 3; pas het minimum of de percelen aan"
    ]


def test_contractpartners_minimum_volgt_uit_aparte_partners(tree: Tree) -> None:
    tekst = vervang("          minimum: 2\n", "          minimum: 1\n")
    assert problemen(tree, tekst) == [
        "29: hoofdstukken[1].taakgebied.inrichtingskeuzes.contractpartners[0].minimum: minimum "
        "1 klopt niet met de percelen: één partij mag meerdere percelen krijgen, behalve "
        "percelen met dezelfde 'aparte_partner', dus het minimum is 2; pas het minimum of de "
        "percelen aan"
    ]


def test_contractpartners_maximum_boven_minimum(tree: Tree) -> None:
    tekst = vervang("          maximum: 3\n", "          maximum: 1\n")
    assert problemen(tree, tekst) == [
        "30: hoofdstukken[1].taakgebied.inrichtingskeuzes.contractpartners[0].maximum: het "
        "maximum (1) is kleiner dan het minimum (2); verwissel ze of pas een van beide aan"
    ]


def test_begrip_eenmaal_gedefinieerd(tree: Tree) -> None:
    tekst = vervang("  - begrip: analyse\n", "  - begrip: ZORG\n")
    assert problemen(tree, tekst) == [
        "59: begrippen[1].begrip: begrip 'ZORG' is al gedefinieerd in begrippen[0]; definieer "
        "elk begrip één keer"
    ]


def test_blok_geplaatst_maar_ontbreekt(tree: Tree) -> None:
    tekst = vervang("blokken: [planning]", "blokken: [planning, risicos]")
    assert problemen(tree, tekst) == [
        "37: hoofdstukken[1].paragrafen[0].blokken[1]: 'risicos' wordt hier geplaatst, maar "
        "staat niet in het document; voeg 'risicos:' toe of haal het hier weg"
    ]


def test_blok_nergens_geplaatst(tree: Tree) -> None:
    tekst = vervang("        blokken: [planning]\n", "")
    assert problemen(tree, tekst) == [
        "46: planning: 'planning' wordt nergens geplaatst; zet 'blokken: [planning]' onder de "
        "paragraaf waar het hoort"
    ]


def test_onderdeel_moet_bestaan(tree: Tree) -> None:
    tekst = vervang("        looptijd:\n", "        looptijd:\n          onderdeel: dagbesteding\n")
    assert problemen(tree, tekst) == [
        "21: hoofdstukken[1].taakgebied.inrichtingskeuzes.looptijd[0].onderdeel: taakgebied "
        "'slt' heeft geen onderdeel 'dagbesteding'; kies uit (geen)"
    ]


def test_marktanalyse_totaal_wordt_gecontroleerd(tree: Tree) -> None:
    tekst = KLEIN.replace(
        "        blokken: [planning]\n", "        blokken: [planning, marktanalyse]\n"
    ) + (
        "marktanalyse:\n"
        "  titel: Jeugdigen\n"
        "  reeksen:\n"
        "    Altena: {2018: 10, 2019: 12}\n"
        "    Breda: {2018: 20, 2019: 25}\n"
        "  totaal: {2018: 31}\n"
    )
    assert problemen(tree, tekst) == [
        "68: marktanalyse.totaal[2018]: het opgegeven totaal voor 2018 (31) wijkt af van de som "
        "van de gemeenten (30); pas het totaal of de reeksen aan"
    ]


def test_marktanalyse_zonder_jaren(tree: Tree) -> None:
    tekst = KLEIN.replace(
        "        blokken: [planning]\n", "        blokken: [planning, marktanalyse]\n"
    ) + ("marktanalyse:\n  titel: Jeugdigen\n  reeksen:\n    Noorddorp: {}\n    Zuiddorp: {}\n")
    assert problemen(tree, tekst) == [
        "65: marktanalyse.reeksen: geef minstens twee opeenvolgende jaren, zonder gaten"
    ]


@pytest.mark.parametrize(
    ("van", "delen", "eerste", "kwartaal"),
    [
        ("2025-07-01", [4], 9.6, [1.6]),
        ("2024-01-01", [8, 2], 4.0, [1.5, 1.6]),
        ("2021-07-01", [8, 8, 4], 4.0, [1.5, 1.5, 1.6]),
    ],
)
def test_lange_planning_past_in_kolommen(
    tree: Tree, van: str, delen: list[int], eerste: float, kwartaal: list[float]
) -> None:
    tekst = vervang("van: 2025-07-01", f"van: {van}")
    tabel = compute(geldig(tree, tekst))["planning"][0]["tabel"]
    views = [tabel, *tabel.vervolg]
    assert [len(v.kop) - 1 for v in views] == delen
    assert [v.titel for v in views] == ["Planning", *["Planning (vervolg)"] * (len(delen) - 1)]
    for view, q in zip(views, kwartaal, strict=True):
        n = len(view.kop) - 1
        assert view.breedtes == pytest.approx([16.0 - q * n, *[q] * n])
        assert view.breedtes[0] >= eerste
    assert views[-1].kop[-1] == "Q2 2026"


def test_lange_planning_wordt_gemaakt(tmp_path: Path) -> None:
    from voorstel.bouwen.build import bouw_bestand

    bron = tmp_path / "doc.yaml"
    bron.write_text(vervang("van: 2025-07-01", "van: 2021-07-01"), encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", ["docx", "md"])
    assert resultaat.fout is None, resultaat.fout
    assert (tmp_path / "out" / "doc.docx").stat().st_size > 0
    md = (tmp_path / "out" / "doc.md").read_text("utf-8")
    assert "| Activiteit | Q3 2021 |" in md and "*Planning (vervolg)*" in md
