"""Checks on composed YAML before anything is built from it: tags, aliases, depth, dates.

The loader composes the YAML into a node graph first (cheap, and aliases stay shared
nodes there), runs these checks, and only then constructs data. So a tag that would
construct an object, an alias bomb (billion laughs) or a date that does not exist is
refused with its line before it can run code, eat memory or crash the constructor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.scanner import RoundTripScanner

from voorstel.kern import nl

YAML_TAG = "tag:yaml.org,2002:"
TOEGESTANE_TAGS = frozenset(
    YAML_TAG + naam for naam in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)
"""Plain text, numbers, yes/no, dates, lists and fields: nothing that builds objects."""

MAX_EXTRA_KNOPEN = 100_000
"""How many parts aliases (*naam) may add on top of what is written out."""

MAX_DIEPTE = 64
"""How deep lists and fields may nest; real documents stay far below."""

MAX_CIJFERS = 40
"""Longest whole number accepted; longer is a typing error (and slow to convert)."""

_DATUM = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


class Onveilig(Exception):
    """A problem in the node graph, with the (1-based) line it was found on."""

    def __init__(self, bericht: str, line: int) -> None:
        super().__init__(bericht)
        self.bericht = bericht
        self.line = line


def _te_diep(line: int) -> Onveilig:
    return Onveilig(
        f"lijsten en velden zijn dieper dan {MAX_DIEPTE} niveaus genest; "
        "controleer de inspringing en de haakjes",
        line,
    )


class Scanner(RoundTripScanner):
    """ruamel's scanner, stopping at absurd nesting before its cost grows out of hand."""

    def fetch_flow_collection_start(self, TokenClass: Any, to_push: str) -> None:
        if len(self.flow_context) >= MAX_DIEPTE:
            raise _te_diep(int(self.reader.get_mark().line) + 1)
        super().fetch_flow_collection_start(TokenClass, to_push)

    def add_indent(self, column: int) -> bool:
        if len(self.indents) >= MAX_DIEPTE:
            raise _te_diep(int(self.reader.get_mark().line) + 1)
        return bool(super().add_indent(column))


def _regel(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _tagnaam(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG) :] if tag.startswith(YAML_TAG) else tag


class _Controle:
    """One walk over the node graph; counts expanded parts, follows each node once."""

    def __init__(self) -> None:
        self.grootte: dict[int, int] = {}
        self.bezig: set[int] = set()
        self.extra = 0

    def knoop(self, node: Node, diepte: int, ouder: Node) -> int:
        """The expanded size of `node`; raise Onveilig on the first problem."""
        key = id(node)
        if key in self.grootte:
            self.extra += self.grootte[key]
            if self.extra > MAX_EXTRA_KNOPEN:
                raise Onveilig(
                    "ankers en verwijzingen (&naam en *naam) herhalen samen meer dan "
                    f"{nl.getal(MAX_EXTRA_KNOPEN)} onderdelen; schrijf de gegevens uit of "
                    "verwijs minder vaak",
                    _regel(ouder),
                )
            return self.grootte[key]
        if key in self.bezig:
            raise Onveilig(
                "een verwijzing (*naam) verwijst naar het onderdeel waar ze zelf in staat; "
                "haal de verwijzing weg",
                _regel(ouder),
            )
        if diepte > MAX_DIEPTE:
            raise _te_diep(_regel(node))
        _tag(node)
        self.bezig.add(key)
        size = 1 + sum(self.knoop(kind, diepte + 1, node) for kind in _kinderen(node))
        self.bezig.discard(key)
        self.grootte[key] = size
        return size


def _kinderen(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        for sleutel, _ in node.value:
            _sleutel(sleutel)
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _sleutel(node: Node) -> None:
    if node.tag == YAML_TAG + "merge":
        raise Onveilig(
            "samenvoegen met '<<' wordt niet ondersteund; schrijf de velden uit",
            _regel(node),
        )
    if not isinstance(node, ScalarNode):
        raise Onveilig("een veldnaam moet een woord zijn, geen lijst of groep velden", _regel(node))


def _tag(node: Node) -> None:
    tag = str(node.tag)
    if tag not in TOEGESTANE_TAGS:
        raise Onveilig(
            f"YAML-tag '{_tagnaam(tag)}' is niet toegestaan; het bestand mag alleen tekst, "
            "getallen, datums, lijsten en velden bevatten (haal de tag weg)",
            _regel(node),
        )
    if not isinstance(node, ScalarNode):
        return
    if tag == YAML_TAG + "timestamp":
        _datum(str(node.value), _regel(node))
    elif tag == YAML_TAG + "int" and len(str(node.value)) > MAX_CIJFERS:
        raise Onveilig(
            f"getal van {len(str(node.value))} tekens is te lang; controleer het getal",
            _regel(node),
        )


def _datum(text: str, line: int) -> None:
    match = _DATUM.match(text)
    if match is None:
        return
    jaar, maand, dag = (int(g) for g in match.groups())
    try:
        dt.date(jaar, maand, dag)
    except ValueError:
        pass
    else:
        _tijd(text[match.end() :], match.group(0), line)
        return
    if not 1 <= maand <= 12:
        hint = f"maand {maand} bestaat niet"
    elif jaar < 1:
        hint = f"jaar {jaar} bestaat niet"
    else:
        dagen = calendar.monthrange(jaar, maand)[1]
        hint = f"{nl.maand(dt.date(jaar, maand, 1))} heeft {dagen} dagen"
    raise Onveilig(
        f"datum {match.group(0)} bestaat niet ({hint}); schrijf een bestaande datum als JJJJ-MM-DD",
        line,
    )


_TIJD = re.compile(r"[Tt \t]+([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?")


def _tijd(rest: str, datum: str, line: int) -> None:
    """The time of a timestamp (2024-12-05 25:00:00): a time that does not exist is refused
    here, with its line (YAML would fail later in English, without one)."""
    match = _TIJD.match(rest)
    if match is None:
        return
    uur, minuut, seconde = (int(g or 0) for g in match.groups())
    if uur <= 23 and minuut <= 59 and seconde <= 59:
        return
    tijd = match.group(0).strip(" \tTt")
    raise Onveilig(
        f"tijd {tijd} op {datum} bestaat niet (uren 0 tot en met 23, minuten en seconden 0 "
        "tot en met 59); schrijf alleen de datum als JJJJ-MM-DD, of een bestaande tijd",
        line,
    )


def controleer(root: Any) -> None:
    """Check a composed document; raise Onveilig with the line of the first problem."""
    if root is None:
        return
    _Controle().knoop(root, 0, root)
