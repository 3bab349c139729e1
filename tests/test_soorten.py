"""Tests for the raadsinformatiebrief and memo models, the shared blocks and their figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from voorstel.kern.errors import ValidatieFout
from voorstel.pijplijn.compute import compute, letter
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate
from voorstel.soorten.memo.model import Memo
from voorstel.soorten.raadsinformatiebrief.model import Raadsinformatiebrief

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

RIB = ROOT / "data" / "dalfsen" / "rib-inkoop-jeugdhulp-ijsselland.yaml"
MEMO = ROOT / "data" / "holland-rijnland" / "memo-inkoopstrategie-jeugdhulp-2020.yaml"

KLEINE_RIB = """\
soort: raadsinformatiebrief
gemeente: Dalfsen
onderwerp: Een onderwerp
kopblok:
  portefeuillehouder:
    naam: J.W. Uitslag
  eenheid: Maatschappelijke Ondersteuning
  contact:
    naam: J. Goejer
    email: {email}
behandeling:
  collegevergadering: {college}
  raadsvergadering: {raad}
kernboodschap: Een kernboodschap.
toelichting:
  - tekst: Een toelichting.
ondertekening:
  burgemeester: drs. E. van Lente
  gemeentesecretaris:
    titel: ing.
    naam: S.A.D.C. van Geffen
"""
"""A small raadsinformatiebrief: email on line 10, the meetings on lines 12 and 13."""

KLEINE_MEMO = """\
soort: memo
kopblok:
  datum: 2018-08-14
kennisnemen_van: voortgang
onderwerp: Een onderwerp
inleiding: Een inleiding.
stand_van_zaken:
  - titel: Stand van zaken
    onderdelen:
      - titel: Eerste
        tekst: Een.
      - titel: Tweede
        tekst: Twee.
  - titel: Mijlpalen
    onderdelen:
      - titel: Weer de eerste
        tekst: Drie.
risicos: De trein is gaan rijden.
auteurs:
  - Regionaal beleidsteam jeugd
  - TWO Jeugdhulp
"""


def rib(
    email: str = "j.goejer@dalfsen.nl", college: str = "2021-03-30", raad: str = "2021-04-26"
) -> str:
    return KLEINE_RIB.format(email=email, college=college, raad=raad)


def problemen(tree: Tree, text: str) -> list[str]:
    """Every problem as `line: field: message`."""
    path = tree({"doc.yaml": text})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


def document(tree: Tree, text: str) -> object:
    gevalideerd = validate(load(tree({"doc.yaml": text})["doc.yaml"]))
    assert gevalideerd.waarschuwingen == []
    return gevalideerd.document


@pytest.mark.parametrize(("path", "model"), [(RIB, Raadsinformatiebrief), (MEMO, Memo)])
def test_voorbeelden_zijn_geldig_zonder_waarschuwingen(path: Path, model: type) -> None:
    gevalideerd = validate(load(path))
    assert isinstance(gevalideerd.document, model)
    assert gevalideerd.waarschuwingen == []


def test_kleine_rib_is_geldig_en_vult_standaarden_aan(tree: Tree) -> None:
    doc = document(tree, rib())
    assert isinstance(doc, Raadsinformatiebrief)
    assert doc.kopblok.portefeuillehouder.rol == "wethouder"
    assert doc.kopblok.openbaarheid == "openbaar"
    assert doc.ondertekening.burgemeester.naam == "drs. E. van Lente"
    assert doc.ondertekening.burgemeester.titel is None
    assert doc.bijlagen == []


@pytest.mark.parametrize(
    "email", ["j.goejer@dalfsen", "j.goejer.dalfsen.nl", "j goejer@dalfsen.nl"]
)
def test_een_emailadres_dat_er_geen_is_is_een_fout(tree: Tree, email: str) -> None:
    assert problemen(tree, rib(email=f'"{email}"')) == [
        f'10: kopblok.contact.email: "{email}" is geen geldig e-mailadres; schrijf het als '
        "naam@gemeente.nl"
    ]


def test_contact_zonder_email_of_telefoon_is_een_fout(tree: Tree) -> None:
    text = rib().replace("    email: j.goejer@dalfsen.nl\n", "")
    assert problemen(tree, text) == [
        "8: kopblok.contact: geef een e-mailadres (email) of telefoonnummer (telefoon)"
    ]


def test_telefoonnummer_wordt_gecontroleerd(tree: Tree) -> None:
    goed = rib().replace("    email: j.goejer@dalfsen.nl\n", '    telefoon: "+31 529 48 83 88"\n')
    doc = document(tree, goed)
    assert isinstance(doc, Raadsinformatiebrief)
    assert compute(doc)["kopblok"]["contact"]["gegevens"] == "+31 529 48 83 88"
    fout = rib().replace("dalfsen.nl\n", 'dalfsen.nl\n    telefoon: "0529-4883"\n', 1)
    assert problemen(tree, fout) == [
        '11: kopblok.contact.telefoon: "0529-4883" is geen geldig telefoonnummer; schrijf '
        'bijvoorbeeld "0529 48 83 88" of "+31 529 48 83 88"'
    ]


def test_raadsvergadering_voor_collegevergadering_is_een_fout(tree: Tree) -> None:
    assert problemen(tree, rib(raad="2021-03-01")) == [
        "13: behandeling.raadsvergadering: de raadsvergadering (1 maart 2021) ligt vóór de "
        "collegevergadering (30 maart 2021); de raad behandelt het stuk na het college, "
        "controleer beide datums"
    ]


def test_raad_op_dezelfde_dag_als_college_mag(tree: Tree) -> None:
    doc = document(tree, rib(raad="2021-03-30"))
    assert isinstance(doc, Raadsinformatiebrief)
    assert doc.behandeling.raadsvergadering == dt.date(2021, 3, 30)


def test_datums_zijn_echte_datums(tree: Tree) -> None:
    assert problemen(tree, rib(college='"30 maart"')) == [
        "12: behandeling.collegevergadering: geen geldige datum; schrijf als JJJJ-MM-DD, "
        "bijvoorbeeld 2024-12-05"
    ]


def test_rib_zonder_ondertekening_en_toelichting(tree: Tree) -> None:
    text = rib().split("toelichting:")[0]
    assert problemen(tree, text) == [
        "1: ondertekening: verplicht veld ontbreekt; vul het in",
        "1: toelichting: verplicht veld ontbreekt; vul het in",
    ]


def test_memo_letters_beginnen_per_paragraaf_opnieuw(tree: Tree) -> None:
    context = compute(document(tree, KLEINE_MEMO))  # type: ignore[arg-type]
    letters = [
        [(deel["letter"], deel["titel"]) for deel in paragraaf["onderdelen"]]
        for paragraaf in context["stand_van_zaken"]
    ]
    assert letters == [[("a", "Eerste"), ("b", "Tweede")], [("a", "Weer de eerste")]]


def test_letters_na_de_z() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == [
        "a",
        "b",
        "z",
        "aa",
        "ab",
        "az",
        "ba",
    ]


def test_risicos_als_tekst_of_met_lijst(tree: Tree) -> None:
    doc = document(tree, KLEINE_MEMO)
    assert isinstance(doc, Memo)
    assert doc.risicos is not None
    assert doc.risicos.tekst == "De trein is gaan rijden."
    assert doc.risicos.lijst == []
    lijst = KLEINE_MEMO.replace(
        "risicos: De trein is gaan rijden.\n",
        "risicos:\n  lijst:\n    - risico: Vertraging\n      omschrijving: Later klaar.\n",
    )
    doc = document(tree, lijst)
    assert isinstance(doc, Memo) and doc.risicos is not None
    assert [r.risico for r in doc.risicos.lijst] == ["Vertraging"]
    assert problemen(tree, lijst.replace("      omschrijving: Later klaar.\n", "")) == [
        "20: risicos.lijst[0].omschrijving: verplicht veld ontbreekt; vul het in"
    ]


def test_memo_zonder_auteurs_is_een_fout(tree: Tree) -> None:
    text = KLEINE_MEMO.split("auteurs:")[0] + "auteurs: []\n"
    assert problemen(tree, text) == ["19: auteurs: mag niet leeg zijn; geef er minstens één"]


@pytest.mark.parametrize(
    ("path", "meta"),
    [
        (
            RIB,
            {
                "soortnaam": "Raadsinformatiebrief",
                "titel": "Raadsinformatiebrief: Inkoop specialistische Jeugdhulp Regio IJsselland",
                "auteur": "Gemeente Dalfsen",
                "datum": dt.datetime(2021, 3, 30, tzinfo=dt.UTC),
            },
        ),
        (
            MEMO,
            {
                "soortnaam": "Memo",
                "titel": "Memo: voortgang regionale inkoopstrategie Jeugdhulp 2020",
                "auteur": "Regionaal beleidsteam jeugd, TWO Jeugdhulp",
                "datum": dt.datetime(2018, 8, 14, tzinfo=dt.UTC),
            },
        ),
    ],
)
def test_documenteigenschappen_per_soort(path: Path, meta: dict[str, object]) -> None:
    context = compute(validate(load(path)).document)
    assert {key: context["meta"][key] for key in meta} == meta
