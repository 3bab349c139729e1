"""The TOOI value lists of Woo publication: organisations, informatiecategorieën, document
handelingen, languages and file types, each with the TOOI list and version it comes from.

They ship as data (tooi-waardelijsten.json), taken from the value lists of the DiWoo
metadata schema 0.9.8 (diwoo-metadata-lijsten.xsd, generated from the TOOI lists), so a
publication never needs the network. tests/woo_lijsten.py makes the file from that XSD.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BESTAND = Path(__file__).with_name("tooi-waardelijsten.json")

ORGANISATIES = (
    "gemeente",
    "provincie",
    "waterschap",
    "samenwerkingsorganisatie",
    "overige overheidsorganisatie",
    "zelfstandig bestuursorgaan",
    "ministerie",
    "Caribisch openbaar lichaam",
)
"""The lists an organisation (publisher, opsteller) is taken from, in this order."""


@dataclass(frozen=True)
class Waarde:
    """One value of a TOOI list: its URI and its label ('gemeente Dalfsen')."""

    uri: str
    label: str

    @property
    def code(self) -> str:
        """The last part of the URI: 'gm0148', 'c_db4862c3'."""
        return self.uri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Lijst:
    """A TOOI value list: its URI with version, its publication date and its values."""

    naam: str
    uri: str
    publicatiedatum: str
    waarden: tuple[Waarde, ...]

    @property
    def versie(self) -> str:
        return self.uri.rsplit("/", 1)[-1]

    def zoek(self, tekst: str) -> Waarde | None:
        """The value with this URI, code (last part of the URI) or label (any case)."""
        gezocht = _vergelijkbaar(tekst)
        for waarde in self.waarden:
            if gezocht in (
                waarde.uri.casefold(),
                waarde.code.casefold(),
                _vergelijkbaar(waarde.label),
            ):
                return waarde
        return None


def _vergelijkbaar(tekst: str) -> str:
    """A label as typed: spaces collapsed, any case, ’ and ' alike ("agenda's")."""
    return " ".join(tekst.replace("\u2019", "'").split()).casefold()


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(BESTAND.read_text(encoding="utf-8"))
    return data


def bron() -> dict[str, str]:
    """Where the lists come from: the schema, its file and the date it was generated."""
    return dict(_data()["bron"])


@functools.cache
def lijst(naam: str) -> Lijst:
    """The list `naam` ('informatiecategorie', 'gemeente', ...)."""
    ruw = _data()["lijsten"][naam]
    return Lijst(
        naam,
        ruw["lijst"],
        ruw["publicatiedatum"],
        tuple(Waarde(uri, label) for uri, label in ruw["waarden"].items()),
    )


def organisatie(tekst: str) -> Waarde | None:
    """An organisation by its TOOI code ('gm0148', 'so0507') or URI; None if no list has it."""
    for naam in ORGANISATIES:
        gevonden = lijst(naam).zoek(tekst)
        if gevonden is not None and gevonden.label.casefold() != tekst.casefold():
            return gevonden
    return None


def informatiecategorie(tekst: str) -> Waarde | None:
    """A Woo informatiecategorie by its label, code or URI."""
    return lijst("informatiecategorie").zoek(tekst)


def uitleg(naam: str) -> str:
    """Where a list comes from, for a message: 'TOOI-waardelijst scw_..., versie 4'."""
    gevonden = lijst(naam)
    deel = gevonden.uri.removeprefix("https://identifier.overheid.nl/tooi/set/")
    return f"TOOI-waardelijst {deel.rsplit('/', 1)[0]}, versie {gevonden.versie}"
