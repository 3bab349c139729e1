"""Lakken (redaction for publication): the Woo grounds and the markers in text.

A passage in any text field may be marked `[[lak 5.1.2e: tekst]]`. In an internal build it
is normal text (highlighted in Word); in a build for publication it becomes
"[gelakt: 5.1.2e]" before anything is rendered, so nothing of the original reaches an
output. One pattern decides what a marker is, for the check, the highlight and the
redaction alike, and anything that looks like a marker but is not one is an error: a
marker with a typo must never be published as plain text.

The grounds (artikel 5.1 and 5.2 of the Wet open overheid) and their source are in
woogronden.csv beside this module; the list is read once.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

PERSOONSGEGEVENS: dict[str, str] = {
    "contactpersoon": "de naam van de contactpersoon (inlichtingen bij)",
    "email": "het e-mailadres van de contactpersoon",
    "telefoon": "het telefoonnummer van de contactpersoon",
    "auteur": "de naam van een ambtenaar als auteur (van een memo)",
}
"""The kinds of personal data of officials a field may hold, by the name voorstel.toml
gives them in [lakken] (to set the Woo ground of each)."""


STANDAARDGROND = "5.1.2e"
"""The ground for personal data of officials: the eerbiediging van de persoonlijke levenssfeer."""

MARKERING = re.compile(r"\[\[lak[ \t]+(?P<grond>[^\s:\[\]]+)[ \t]*:[ \t]*(?P<tekst>[^\[\]]+?)\]\]")
"""A marked passage: `[[lak <grond>: <tekst>]]`; the text holds no brackets."""

_BEGIN = re.compile(r"\[\[\s*lak", re.IGNORECASE)
"""What starts a marker, also one written wrong (`[[ lak`, `[[LAK`)."""

_WITREGEL = re.compile(r"\n[ \t]*\n")

VORM = "[[lak 5.1.2e: tekst]]"


def gelakt_als(grond: str) -> str:
    """What takes the place of a redacted passage or field."""
    return f"[gelakt: {grond}]"


@functools.cache
def gronden() -> dict[str, str]:
    """Every Woo ground by its code ('5.1.2e' -> 'de eerbiediging van ...'), in order."""
    tekst = resources.files("voorstel.kern").joinpath("woogronden.csv").read_text("utf-8")
    regels = (r for r in tekst.splitlines() if r.strip() and not r.startswith("#"))
    return dict(tuple(r.split(";", 1)) for r in regels)  # type: ignore[misc]


def gronden_lijst() -> str:
    """The valid grounds for a message: '5.1.1a, 5.1.1b, ..., 5.2'."""
    return ", ".join(gronden())


def onbekende_grond(grond: str) -> str:
    """The message for a ground that is not in the Woo: with the closest one and the list."""
    bijna = difflib.get_close_matches(grond, list(gronden()), n=1, cutoff=0.7)
    hint = f" (bedoelde u '{bijna[0]}'?)" if bijna else ""
    return (
        f"onbekende Woo-grond '{grond}'{hint}; geldig zijn (artikel 5.1 en 5.2 Woo): "
        f"{gronden_lijst()}"
    )


@dataclass(frozen=True)
class Markering:
    """One marked passage: where it is in its text, its ground and the passage itself."""

    begin: int
    eind: int
    grond: str
    tekst: str


def markeringen(tekst: str) -> list[Markering]:
    """Every marker in a text, in order."""
    if "[[" not in tekst:
        return []
    return [
        Markering(m.start(), m.end(), m.group("grond"), m.group("tekst"))
        for m in MARKERING.finditer(tekst)
    ]


def problemen(tekst: str) -> Iterator[tuple[int, str]]:
    """(offset, Dutch message) for every marker that is wrong: unknown ground, a passage
    over more than one paragraph, and anything that starts like a marker but is none."""
    if "[[" not in tekst:
        return
    geldig = {m.begin: m for m in markeringen(tekst)}
    for begin in _BEGIN.finditer(tekst):
        markering = geldig.get(begin.start())
        if markering is None:
            yield (
                begin.start(),
                f"onvolledige of onjuiste lakmarkering '{_begin_van(tekst, begin.start())}'; "
                f"schrijf {VORM}: 'lak' in kleine letters, de Woo-grond, een dubbele punt en "
                "de tekst, gesloten met ]] (de tekst zonder [ of ], dus ook zonder voetnoot)",
            )
            continue
        if not markering.tekst.strip():
            yield markering.begin, f"de gelakte passage is leeg; schrijf {VORM}"
        if markering.grond not in gronden():
            yield markering.begin, onbekende_grond(markering.grond)
        if _WITREGEL.search(markering.tekst):
            yield (
                markering.begin,
                "een gelakte passage loopt over een witregel; lak elke alinea apart",
            )


def _begin_van(tekst: str, begin: int) -> str:
    """The start of a wrong marker, to name it: up to its ]] or the end of its line."""
    stuk = tekst[begin : begin + 40].split("\n")[0]
    if "]]" in stuk:
        return stuk[: stuk.index("]]") + 2]
    return stuk + "…"


def ontlakt(tekst: str) -> str:
    """The text with every marker replaced by its passage (an internal build)."""
    if "[[" not in tekst:
        return tekst
    return MARKERING.sub(lambda m: m.group("tekst"), tekst)


def gelakt(tekst: str) -> tuple[str, list[str]]:
    """The text with every marked passage replaced by "[gelakt: <grond>]", and the grounds
    of the passages, in order (a build for publication)."""
    if "[[" not in tekst:
        return tekst, []
    grondenlijst: list[str] = []

    def vervang(m: re.Match[str]) -> str:
        grondenlijst.append(m.group("grond"))
        return gelakt_als(m.group("grond"))

    return MARKERING.sub(vervang, tekst), grondenlijst


LAK_BEGIN = "\x01"
LAK_MIDDEN = "\x02"
LAK_EIND = "\x03"
"""Stand-ins for a marker while the prose is parsed as Markdown: control characters, which
validation refuses in any text, so user text can never hold them."""


def als_tekens(tekst: str) -> str:
    """The text with each marker as LAK_BEGIN grond LAK_MIDDEN passage LAK_EIND, for the
    Markdown parser, which then keeps the passage's own formatting."""
    if "[[" not in tekst:
        return tekst
    return MARKERING.sub(
        lambda m: f"{LAK_BEGIN}{m.group('grond')}{LAK_MIDDEN}{m.group('tekst')}{LAK_EIND}", tekst
    )
