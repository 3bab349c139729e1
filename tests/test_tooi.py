"""The TOOI value lists voorstel ships for Woo publication: exactly those of the vendored
DiWoo XSD 0.9.8 (tests/schemas/diwoo-0.9.8), each with its TOOI list and version; and a
document's own informatiecategorie is one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

import woo_lijsten
from conftest import MINIMAAL
from voorstel.blokken import tooi
from voorstel.kern.errors import VoorstelError
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate


def test_meegeleverde_waardelijsten_komen_uit_de_xsd() -> None:
    """The shipped lists are exactly those of the vendored XSD (make them again with
    `python tests/woo_lijsten.py`), each with its TOOI list and version."""
    assert tooi.BESTAND.read_text("utf-8") == woo_lijsten.als_json(woo_lijsten.lijsten())
    assert tooi.bron() == {
        "schema": "DiWoo-metadata 0.9.8",
        "bestand": "https://standaarden.overheid.nl/diwoo/metadata/0.9.8/xsd/diwoo/"
        "diwoo-metadata-lijsten.xsd",
        "gegenereerd": "2025-08-12",
    }
    categorie = tooi.lijst("informatiecategorie")
    assert (
        categorie.uri == "https://identifier.overheid.nl/tooi/set/scw_woo_informatiecategorieen/4"
    )
    assert len(categorie.waarden) == 18  # the 17 of art. 3.3 and the effort of art. 3.1
    assert tooi.organisatie("gm0148") == tooi.Waarde(
        "https://identifier.overheid.nl/tooi/id/gemeente/gm0148", "gemeente Dalfsen"
    )
    assert tooi.organisatie("so0507") is not None
    assert tooi.organisatie("gm9999") is None
    assert tooi.informatiecategorie("agenda's en besluitenlijsten bestuurscolleges") is not None


@pytest.mark.parametrize(
    "waarde",
    [
        "convenanten",
        "Agenda's en besluitenlijsten bestuurscolleges",
        "c_db4862c3",
        "https://identifier.overheid.nl/tooi/def/thes/kern/c_8c840238",
    ],
)
def test_informatiecategorie_van_een_document(tmp_path: Path, waarde: str) -> None:
    """By label (any case, either apostrophe), code or URI."""
    bron = tmp_path / "voorstel.yaml"
    bron.write_text(MINIMAAL + f"informatiecategorie: {waarde}\n", "utf-8")
    assert validate(load(bron)).document.informatiecategorie == waarde


def test_onbekende_informatiecategorie_noemt_ze_allemaal(tmp_path: Path) -> None:
    bron = tmp_path / "voorstel.yaml"
    bron.write_text(MINIMAAL + "informatiecategorie: notulen\n", "utf-8")
    with pytest.raises(VoorstelError) as fout:
        validate(load(bron))
    [probleem] = fout.value.problemen
    assert probleem.line == 9
    assert probleem.message.startswith(
        "onbekende informatiecategorie 'notulen'; kies uit de informatiecategorieën van de Woo "
        "(TOOI-waardelijst scw_woo_informatiecategorieen, versie 4): Woo-verzoeken en -besluiten; "
    )
    assert probleem.message.count("; ") == 18
