"""Tests for load: YAML with the line of every part, and exact errors with path:line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from voorstel.kern.errors import LaadFout
from voorstel.pijplijn.load import YamlFloat, YamlInt, load

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]


def laadfout(path: Path) -> str:
    with pytest.raises(LaadFout) as info:
        load(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "regel", "bericht"),
    [
        (
            "soort: collegevoorstel\nkopblok:\n\tdatum: 2024-12-05\n",
            3,
            "tab gevonden; gebruik spaties om in te springen, geen tabs",
        ),
        (
            'soort: collegevoorstel\nonderwerp: "open\nbeslispunten:\n  - a\n  - b\n',
            2,
            "aanhalingsteken niet gesloten; sluit de tekst af met hetzelfde teken",
        ),
        (
            "soort: collegevoorstel\nonderwerp: 'open\n",
            2,
            "aanhalingsteken niet gesloten; sluit de tekst af met hetzelfde teken",
        ),
        (
            "soort: collegevoorstel\nonderwerp: a\nsamenvatting: b\nonderwerp: c\n",
            4,
            "onderwerp: sleutel 'onderwerp' komt twee keer voor; verwijder of hernoem een van "
            "beide",
        ),
        (
            "- soort: collegevoorstel\n",
            1,
            "het bestand moet uit velden bestaan ('naam: waarde'), te beginnen met 'soort:'",
        ),
        (
            "# versie\n%YAML 1.0\n---\nsoort: collegevoorstel\n",
            2,
            "onbekende YAML-versie in de %YAML-regel; laat die regel weg of schrijf %YAML 1.2",
        ),
    ],
    ids=[
        "tab",
        "dubbel-aanhalingsteken",
        "enkel-aanhalingsteken",
        "dubbele-sleutel",
        "lijst",
        "yaml-versie",
    ],
)
def test_yaml_fout_met_regel(tree: Tree, text: str, regel: int, bericht: str) -> None:
    path = tree({"doc.yaml": text})["doc.yaml"]
    assert laadfout(path) == f"{path}:{regel}: {bericht}"


@pytest.mark.parametrize("text", ["", "  \n\n"], ids=["leeg", "witruimte"])
def test_leeg_bestand(tree: Tree, text: str) -> None:
    path = tree({"leeg.yaml": text})["leeg.yaml"]
    assert laadfout(path) == (
        f"{path}: bestand is leeg; begin met 'soort:' en de velden van het document"
    )


def test_geen_utf8_noemt_de_regel(tree: Tree) -> None:
    path = tree({"latin1.yaml": "soort: collegevoorstel\nonderwerp: café\n".encode("latin-1")})[
        "latin1.yaml"
    ]
    assert laadfout(path) == (
        f"{path}:2: bestand is geen UTF-8; sla het op als UTF-8 (in de meeste editors: "
        "'Opslaan als' met codering UTF-8)"
    )


def test_bom_wordt_overgeslagen(tree: Tree) -> None:
    path = tree({"bom.yaml": "\ufeffsoort: collegevoorstel\n".encode()})["bom.yaml"]
    assert load(path).data == {"soort": "collegevoorstel"}


def test_bestand_niet_gevonden(tmp_path: Path) -> None:
    path = tmp_path / "weg.yaml"
    assert laadfout(path) == f"{path}: bestand niet gevonden"


def test_regels_van_geneste_sleutels_en_lijstitems(tree: Tree) -> None:
    path = tree(
        {
            "doc.yaml": """\
            soort: collegevoorstel
            kopblok:
              datum: 2024-12-05

            financien:
              onderdelen:
                - titel: Eerste
                  tabel:
                    posten:
                      - onderdeel: A
                        bedrag: 10
                      - onderdeel: B
                        bedrag: 20
            """
        }
    )["doc.yaml"]
    bron = load(path)
    assert bron.regel(("kopblok", "datum")) == 3
    assert bron.regel(("financien",)) == 5
    assert bron.regel(("financien", "onderdelen", 0)) == 7
    posten = ("financien", "onderdelen", 0, "tabel", "posten")
    assert bron.regel((*posten, 1)) == 12
    assert bron.regel((*posten, 1, "bedrag")) == 13
    # An unknown deeper part falls back to the deepest known one.
    assert bron.regel((*posten, 1, "bedrag", "nergens")) == 13
    # A missing top-level field is reported where the document starts.
    assert bron.regel(("bestaat", "niet")) == 1


def test_yaml_float_blijft_tekst(tree: Tree) -> None:
    path = tree({"doc.yaml": "bedrag: 1.500\nander: 1.5e3\ngeheel: 1500\n"})["doc.yaml"]
    data = load(path).data
    assert data["bedrag"] == "1.500"
    assert isinstance(data["bedrag"], YamlFloat)
    assert data["ander"] == "1.5e3"
    assert data["geheel"] == 1500
    assert type(data["geheel"]) is int


def test_yaml_int_in_andere_notatie_blijft_tekst(tree: Tree) -> None:
    tekst = "a: 0x10\nb: 0o10\nc: 0b101\nd: 0012\ne: -12\nf: 0\ng: +7\nh: 1_000\n"
    data = load(tree({"doc.yaml": tekst})["doc.yaml"]).data
    assert data == {
        "a": "0x10", "b": "0o10", "c": "0b101", "d": "0012",
        "e": -12, "f": 0, "g": 7, "h": "1_000",
    }  # fmt: skip
    assert all(isinstance(data[k], YamlInt) for k in "abcdh")
    assert all(type(data[k]) is int for k in "efg")


def test_gequote_getal_blijft_gewone_tekst(tree: Tree) -> None:
    path = tree({"doc.yaml": 'bedrag: "1.500,00"\nnummer: "1060308"\n'})["doc.yaml"]
    data = load(path).data
    assert data == {"bedrag": "1.500,00", "nummer": "1060308"}
    assert not isinstance(data["bedrag"], YamlFloat)
