"""The gemeente's own kop fields and required sections, declared in voorstel.toml
([kop.<soort>]): accepted when declared, refused with a suggestion when not, values checked,
shown with their labels in the kop of the Word and Markdown output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAAL, ROOT
from test_raadsvoorstel import KLEIN
from test_render_docx import NS, tekst, xml
from voorstel.bouwen.build import bouw_bestand
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.load import load
from voorstel.pijplijn.project import Kop, Kopveld, lees
from voorstel.pijplijn.validate import validate
from voorstel.soorten import REGISTER

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

TOML = """\
[kop.raadsvoorstel]
verplichte_secties = ["alternatieven", "beoogd_effect"]

[[kop.raadsvoorstel.velden]]
naam = "bevoegdheid"
label = "Soort bevoegdheid"
verplicht = true
waarden = ["kaderstellend", "controlerend", "budgetrecht", "overig"]

[[kop.raadsvoorstel.velden]]
naam = "beleidsvrijheid"
label = "Beleidsvrijheid"

[kop.collegevoorstel]

[[kop.collegevoorstel.velden]]
naam = "programma"
label = "Programma"
verplicht = true
"""

SECTIES = "alternatieven: Er is geen alternatief.\nbeoogd_effect: Een veilige kade.\n"

RAAD = (
    KLEIN.replace(
        "  portefeuillehouder:\n",
        "  beleidsvrijheid: groot\n  bevoegdheid: budgetrecht\n  portefeuillehouder:\n",
    )
    + SECTIES
)
"""A raadsvoorstel with the declared fields, in another order than declared."""

COLLEGE = MINIMAAL.replace(
    '  zaaknummer: "1060308"\n', '  zaaknummer: "1060308"\n  programma: Sociaal domein\n'
)


def project(tree: Tree, doc: str, toml: str = TOML) -> Path:
    return tree({"voorstel.toml": toml, "data/doc.yaml": doc})["data/doc.yaml"]


def problemen(bron: Path) -> list[str]:
    with pytest.raises(ValidatieFout) as info:
        validate(load(bron))
    return [str(p).removeprefix(f"{bron}:") for p in info.value.problemen]


def gebouwd(bron: Path) -> dict[str, Path]:
    resultaat = bouw_bestand(bron, bron.parent / "build")
    assert resultaat.fout is None, str(resultaat.fout)
    assert resultaat.waarschuwingen == []
    return {p.name.removeprefix("doc"): p for p in resultaat.geschreven}


def kop(docx: Path) -> list[list[str]]:
    """The rows of the first table (the kop), cell texts."""
    tabel = xml(docx).find(".//w:tbl", NS)
    return [[tekst(tc) for tc in tr.iterfind("w:tc", NS)] for tr in tabel.iterfind("w:tr", NS)]


def test_lees_kop(tmp_path: Path) -> None:
    pad = tmp_path / "voorstel.toml"
    pad.write_text(TOML, encoding="utf-8")
    assert lees(pad).kop == {
        "raadsvoorstel": Kop(
            velden=(
                Kopveld(
                    "bevoegdheid",
                    "Soort bevoegdheid",
                    True,
                    ("kaderstellend", "controlerend", "budgetrecht", "overig"),
                ),
                Kopveld("beleidsvrijheid", "Beleidsvrijheid"),
            ),
            verplichte_secties=("alternatieven", "beoogd_effect"),
        ),
        "collegevoorstel": Kop(velden=(Kopveld("programma", "Programma", True),)),
    }


def test_gedeclareerd_veld_in_de_kop_met_zijn_label(tree: Tree) -> None:
    uit = gebouwd(project(tree, RAAD))
    rijen = kop(uit[".docx"])
    assert rijen[-3:] == [
        ["Openbaarheid", "Openbaar"],
        ["Soort bevoegdheid", "budgetrecht"],  # in the declared order, not the YAML's
        ["Beleidsvrijheid", "groot"],
    ]
    md = uit[".md"].read_text(encoding="utf-8")
    assert (
        "**Openbaarheid:** Openbaar  \n**Soort bevoegdheid:** budgetrecht  \n"
        "**Beleidsvrijheid:** groot\n"
    ) in md
    # the oplegger has the same kop
    oplegger = RAAD + "college:\n  collegevergadering: 2025-09-02\n"
    uit = gebouwd(project(tree, oplegger))
    assert kop(uit["-collegeoplegger.docx"])[-2:] == [
        ["Soort bevoegdheid", "budgetrecht"],
        ["Beleidsvrijheid", "groot"],
    ]


def test_collegevoorstel_krijgt_een_kop_met_de_velden(tree: Tree) -> None:
    uit = gebouwd(project(tree, COLLEGE))
    assert kop(uit[".docx"]) == [["Programma", "Sociaal domein"]]
    md = uit[".md"].read_text(encoding="utf-8")
    assert "Zaaknummer: 1060308\n\n**Programma:** Sociaal domein\n\n## Onderwerp" in md


def test_zonder_declaratie_geen_extra_kop(tree: Tree) -> None:
    bron = tree({"doc.yaml": MINIMAAL})["doc.yaml"]
    uit = gebouwd(bron)
    assert xml(uit[".docx"]).find(".//w:tbl", NS) is None
    assert "Zaaknummer: 1060308\n\n## Onderwerp" in uit[".md"].read_text(encoding="utf-8")


def test_niet_gedeclareerd_veld_met_voorstel(tree: Tree) -> None:
    bron = project(
        tree,
        RAAD.replace(
            "  bevoegdheid: budgetrecht\n", "  bevoegdheid: budgetrecht\n  bevoegdheit: x\n"
        ),
    )
    assert problemen(bron) == [
        "10: kopblok.bevoegdheit: onbekend veld 'bevoegdheit'; bedoelde u 'bevoegdheid'?"
    ]
    ver = project(
        tree,
        RAAD.replace(
            "  bevoegdheid: budgetrecht\n", "  bevoegdheid: budgetrecht\n  hamerstuk: ja\n"
        ),
    )
    assert problemen(ver) == [
        "10: kopblok.hamerstuk: onbekend veld 'hamerstuk' (toegestaan: datum, "
        "raadsvergadering, commissie, zaaknummer, portefeuillehouder, programma, "
        "inlichtingen_bij, openbaarheid, bevoegdheid, beleidsvrijheid)"
    ]


def test_zonder_declaratie_is_het_veld_onbekend(tree: Tree) -> None:
    bron = tree({"doc.yaml": RAAD})["doc.yaml"]
    assert problemen(bron) == [
        "8: kopblok.beleidsvrijheid: onbekend veld 'beleidsvrijheid' (toegestaan: datum, "
        "raadsvergadering, commissie, zaaknummer, portefeuillehouder, programma, "
        "inlichtingen_bij, openbaarheid)",
        "9: kopblok.bevoegdheid: onbekend veld 'bevoegdheid' (toegestaan: datum, "
        "raadsvergadering, commissie, zaaknummer, portefeuillehouder, programma, "
        "inlichtingen_bij, openbaarheid)",
    ]


def test_waarde_niet_toegestaan(tree: Tree) -> None:
    bron = project(tree, RAAD.replace("bevoegdheid: budgetrecht", "bevoegdheid: budget"))
    assert problemen(bron) == [
        '9: kopblok.bevoegdheid: ongeldige waarde "budget"; kies uit "kaderstellend", '
        '"controlerend", "budgetrecht" of "overig"'
    ]
    ja_nee = TOML.replace(
        'label = "Beleidsvrijheid"', 'label = "Beleidsvrijheid"\nwaarden = ["ja", "nee"]'
    )
    bron = project(tree, RAAD.replace("beleidsvrijheid: groot", "beleidsvrijheid: true"), ja_nee)
    assert problemen(bron) == [
        '8: kopblok.beleidsvrijheid: ongeldige waarde "true"; kies uit "ja" of "nee"'
    ]
    leeg = project(tree, RAAD.replace("beleidsvrijheid: groot", "beleidsvrijheid:"))
    assert problemen(leeg) == [
        "8: kopblok.beleidsvrijheid: is leeg; vul het in of haal het veld weg"
    ]
    lijst = project(tree, RAAD.replace("beleidsvrijheid: groot", "beleidsvrijheid: [a, b]"))
    assert problemen(lijst) == [
        "8: kopblok.beleidsvrijheid: moet tekst zijn, geen lijst of groep velden"
    ]


def test_verplicht_veld_ontbreekt(tree: Tree) -> None:
    bron = project(tree, RAAD.replace("  bevoegdheid: budgetrecht\n", ""))
    assert problemen(bron) == [
        "4: kopblok.bevoegdheid: verplicht veld ontbreekt (Soort bevoegdheid, gevraagd in "
        f'{bron.parent.parent / "voorstel.toml"}); vul het in: "kaderstellend", '
        '"controlerend", "budgetrecht" of "overig"'
    ]


def test_verplichte_sectie_ontbreekt(tree: Tree) -> None:
    bron = project(
        tree,
        "# Een raadsvoorstel zonder alternatieven.\n"
        + RAAD.replace(SECTIES, "beoogd_effect: ''\n"),
    )
    toml = bron.parent.parent / "voorstel.toml"
    assert problemen(bron) == [
        f"1: alternatieven: verplichte sectie ontbreekt: {toml} vraagt 'alternatieven' in elk "
        "raadsvoorstel; voeg 'alternatieven:' toe",
        f"22: beoogd_effect: verplichte sectie is leeg: {toml} vraagt 'beoogd_effect' in elk "
        "raadsvoorstel; vul haar in",
    ]


def test_alle_problemen_tegelijk(tree: Tree) -> None:
    """The gemeente's rules and the model's own problems are reported together."""
    bron = project(
        tree,
        RAAD.replace("  bevoegdheid: budgetrecht\n", "").replace("  griffier: H. Koster\n", ""),
    )
    assert [p.split(":")[1].strip() for p in problemen(bron)] == [
        "kopblok.bevoegdheid",
        "besluit.griffier",
    ]


def test_projectbestand_is_een_afhankelijkheid(tree: Tree) -> None:
    bron = project(tree, RAAD)
    assert (bron.parent.parent / "voorstel.toml").resolve() in [
        p.resolve() for p in validate(load(bron)).afhankelijkheden
    ]


def test_fouten_in_de_declaratie(tree: Tree) -> None:
    toml = """\
[kop.raadsvoorstel]
verplichte_secties = ["alternatief"]

[[kop.raadsvoorstel.velden]]
naam = "programma"
label = "Programma"

[[kop.raadsvoorstel.velden]]
naam = "Soort bevoegdheid"
lable = "Soort bevoegdheid"

[[kop.raadsvoorstel.velden]]
naam = "hamerstuk"
label = "Hamerstuk"
waarden = []

[kop.inkoopstrategie]

[kop.raadvoorstel]

[[kop.velden]]
naam = "x"
label = "X"
"""
    pad = tree({"voorstel.toml": toml})["voorstel.toml"]
    with pytest.raises(ValidatieFout) as info:
        lees(pad)
    assert [str(p).removeprefix(f"{pad}:") for p in info.value.problemen] == [
        "2: kop.raadsvoorstel.verplichte_secties: een raadsvoorstel heeft geen sectie "
        "'alternatief'; bedoelde u 'alternatieven'?",
        "5: kop.raadsvoorstel.velden[0].naam: 'programma' is al een veld van de kop van een "
        "raadsvoorstel (datum, raadsvergadering, commissie, zaaknummer, portefeuillehouder, "
        "programma, inlichtingen_bij, openbaarheid); kies een andere naam",
        "8: kop.raadsvoorstel.velden[1]: 'label' ontbreekt: de naam van het veld in het "
        "document, bijvoorbeeld 'Soort bevoegdheid'",
        "9: kop.raadsvoorstel.velden[1].naam: 'Soort bevoegdheid' kan geen veldnaam zijn; "
        "schrijf kleine letters, cijfers en _, zoals 'soort_bevoegdheid'",
        "10: kop.raadsvoorstel.velden[1].lable: onbekende instelling 'lable'; bedoelde u 'label'?",
        "15: kop.raadsvoorstel.velden[2].waarden: geef minstens één waarde, of laat 'waarden' weg",
        "17: kop.inkoopstrategie: een inkoopstrategie heeft geen kop met gegevens; een kop met "
        "eigen velden hebben collegevoorstel, raadsinformatiebrief, memo, raadsvoorstel",
        "19: kop.raadvoorstel: onbekende soort 'raadvoorstel'; bedoelde u 'raadsvoorstel'?; "
        "een kop met eigen velden hebben collegevoorstel, raadsinformatiebrief, memo, "
        "raadsvoorstel",
        "21: kop.velden: 'velden' staat per documentsoort: schrijf "
        "[[kop.raadsvoorstel.velden]] (of een andere soort: collegevoorstel, "
        "raadsinformatiebrief, memo, raadsvoorstel)",
    ]


def test_fout_projectbestand_bij_het_document(tree: Tree) -> None:
    """A document whose voorstel.toml is broken is not built: the project file's problem
    is reported at its line."""
    bron = project(tree, RAAD, '[kop.raadsvoorstel]\nverplichte_sectie = ["x"]\n')
    with pytest.raises(ValidatieFout) as info:
        validate(load(bron))
    [probleem] = info.value.problemen
    assert str(probleem).endswith(
        "voorstel.toml:2: kop.raadsvoorstel.verplichte_sectie: onbekende instelling "
        "'verplichte_sectie'; bedoelde u 'verplichte_secties'?"
    )


def test_voorbeeld_van_dalfsen(tmp_path: Path) -> None:
    """data/dalfsen has its own voorstel.toml; its raadsvoorstel fills the fields in."""
    bron = ROOT / "data" / "dalfsen" / "raadsvoorstel-kademuur-vechtkade.yaml"
    resultaat = bouw_bestand(bron, tmp_path)
    assert resultaat.fout is None, str(resultaat.fout)
    [docx] = [p for p in resultaat.geschreven if p.name.endswith("vechtkade.docx")]
    assert kop(docx)[-3:] == [
        ["Soort bevoegdheid", "budgetrecht"],
        ["Programmabegrotingswijziging", "ja"],
        ["Behandeling", "bespreekstuk"],
    ]


@pytest.mark.parametrize("soort", ["raadsinformatiebrief", "memo"])
def test_andere_soorten_met_een_kop(tree: Tree, soort: str) -> None:
    starter = REGISTER[soort].bestand("nieuw.yaml").read_text(encoding="utf-8")
    doc = starter.replace("\nkopblok:\n", "\nkopblok:\n  programma: Sociaal domein\n", 1)
    toml = f'[[kop.{soort}.velden]]\nnaam = "programma"\nlabel = "Programma"\n'
    uit = gebouwd(project(tree, doc, toml))
    assert kop(uit[".docx"])[-1] == ["Programma", "Sociaal domein"]
    assert "  \n**Programma:** Sociaal domein\n" in uit[".md"].read_text(encoding="utf-8")
