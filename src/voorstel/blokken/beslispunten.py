"""Beslispunten: numbered points (1., 2.) with lettered onderdelen (a., b.), and in a
collegevoorstel groups of them (I. Het college besluit: ...; II. De raad voor te stellen: ...).

Shared by the collegevoorstel and the raadsvoorstel; the raadsbesluit renders the
raadsvoorstel's list itself. The numbers are data: `beslislijst` gives every group, point
and onderdeel its label, which the Markdown shows and Word's own list numbering (see
woordblokken.beslispunten) matches. Points are numbered through the groups (I: 1, 2;
II: 3, 4), so each beslispunt has one number in the document and an argument refers to it
by that number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

from pydantic import AfterValidator, Discriminator, Field, Tag

from voorstel.blokken.types import Kort, Model, Tekst, fout
from voorstel.kern.locaties import Loc
from voorstel.kern.nl import letter, romeins

_LIJSTREGEL = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]", re.M)
_NUMMER = re.compile(r"[ \t]*\d+[.)][ \t]")
_LETTER = re.compile(r"[ \t]*[a-z][.)][ \t]")

SCHRIJFWIJZE = (
    "schrijf de onderdelen (a., b., ...) apart: '- tekst: <het beslispunt>' met daaronder "
    "'onderdelen:' en per onderdeel een regel '- <onderdeel>'"
)
"""How sub-points are written, for the messages that refuse other ways."""


def _punttekst(tekst: str) -> str:
    tekst = tekst.strip()
    if _NUMMER.match(tekst) and "\n" not in tekst:
        raise fout("nummer", "begin een beslispunt niet met een nummer: de nummers komen vanzelf")
    if _LIJSTREGEL.search(tekst):
        raise fout(
            "lijst",
            "een lijst in een beslispunt wordt in het document geen lijst maar lopende tekst; "
            + SCHRIJFWIJZE,
        )
    return tekst


def _onderdeeltekst(tekst: str) -> str:
    tekst = tekst.strip()
    if _LETTER.match(tekst):
        raise fout(
            "letter",
            "begin een onderdeel niet met een letter: de letters a., b., ... komen vanzelf",
        )
    if _LIJSTREGEL.search(tekst):
        raise fout(
            "lijst",
            "een onderdeel is één stuk tekst; een lijst erin wordt in het document lopende "
            "tekst: maak van elk punt een eigen onderdeel",
        )
    return tekst


PuntTekst = Annotated[Tekst, AfterValidator(_punttekst)]
OnderdeelTekst = Annotated[Tekst, AfterValidator(_onderdeeltekst)]

MAX_ONDERDELEN = 26
"""a. to z.: more sub-points than letters make a beslispunt no one can amend point by point."""


class Beslispunt(Kort):
    """A beslispunt, numbered 1., 2., ...; with onderdelen a., b., ... under it. Plain text
    alone is a beslispunt without onderdelen."""

    tekst: PuntTekst
    onderdelen: list[OnderdeelTekst] = Field(default_factory=list, max_length=MAX_ONDERDELEN)

    kort_veld = "tekst"
    kort_als = (str, int)


class Beslisgroep(Model):
    """A group of beslispunten, numbered I., II., ...: its opening ('De raad voor te
    stellen:') and its points; a group without points is a decision of its own."""

    groep: Tekst
    punten: list[Beslispunt] = Field(default_factory=list)


def _soort(value: Any) -> str:
    """Which model an item of a collegevoorstel's beslispunten is: a group has 'groep'."""
    if isinstance(value, Beslisgroep) or (isinstance(value, dict) and "groep" in value):
        return "beslis-groep"
    return "beslis-punt"


# The tags hold a '-': validate drops such parts from an error's location, as pydantic's own.
BeslispuntOfGroep = Annotated[
    Annotated[Beslispunt, Tag("beslis-punt")] | Annotated[Beslisgroep, Tag("beslis-groep")],
    Discriminator(_soort),
]
"""An item of a collegevoorstel's beslispunten: a beslispunt, or a group of them."""


def punten(beslispunten: Sequence[Beslispunt | Beslisgroep]) -> list[Beslispunt]:
    """Every numbered beslispunt, in order, through the groups."""
    return [
        punt
        for item in beslispunten
        for punt in (item.punten if isinstance(item, Beslisgroep) else [item])
    ]


def controleer_groepen(
    beslispunten: Sequence[Beslispunt | Beslisgroep],
) -> Iterator[tuple[Loc, str]]:
    """Either every item is a group or none is: a loose point between groups has no place
    in the numbering I., II."""
    groepen = [isinstance(item, Beslisgroep) for item in beslispunten]
    if not any(groepen) or all(groepen):
        return
    for index, groep in enumerate(groepen):
        if not groep:
            yield (
                ("beslispunten", index),
                "dit beslispunt staat niet in een groep, de andere wel; zet het in een groep "
                "('- groep: ...' met 'punten:') of haal de groepen weg",
            )


def beslislijst(views: Sequence[Any]) -> list[dict[str, Any]]:
    """The beslispunten as they are rendered: a list of groups (one without a name when
    there are none), each with its number (I.), its points numbered through the groups
    (1., 2.) and their onderdelen lettered (a., b.). `niveau` is the point's level in Word's
    list: 0 and 1 (a.) on their own, 2 and 3 under a group, indented."""
    gegroepeerd = any(isinstance(v, dict) and "groep" in v for v in views)
    groepen: list[dict[str, Any]] = (
        list(views) if gegroepeerd else [{"groep": None, "punten": list(views)}]
    )
    diepte = 2 if gegroepeerd else 0
    nummer = 0
    lijst: list[dict[str, Any]] = []
    for index, groep in enumerate(groepen):
        punten_: list[dict[str, Any]] = []
        for punt in groep["punten"]:
            nummer += 1
            punt = punt if isinstance(punt, dict) else {"tekst": punt, "onderdelen": []}
            punten_.append(
                {
                    "nummer": f"{nummer}.",
                    "tekst": punt["tekst"],
                    "niveau": diepte,
                    "onderdelen": [
                        {"letter": f"{letter(i)}.", "tekst": deel, "niveau": diepte + 1}
                        for i, deel in enumerate(punt.get("onderdelen") or [])
                    ],
                }
            )
        lijst.append(
            {
                "groep": groep["groep"],
                "nummer": f"{romeins(index + 1)}." if gegroepeerd else None,
                "punten": punten_,
            }
        )
    return lijst
