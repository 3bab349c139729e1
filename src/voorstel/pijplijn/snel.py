"""The fast path of load: libyaml composes (PyYAML's C parser), this module checks and builds.

libyaml composes a file 10-50x faster than ruamel's pure-Python round-trip loader. The node
tree it gives is walked here once: scalars are resolved with YAML 1.2's rules (ruamel's own
table, so `yes` stays text and `1.5e3` is a number), numbers stay the text written, and every
key and list item gets its line. The same safety limits as veilig.py hold on that tree: no
explicit tags, aliases expanding to at most MAX_EXTRA_KNOPEN extra parts, no nesting deeper
than MAX_DIEPTE.

The fast path only accepts. Whatever it does not handle plainly (a YAML error, a tag, an
alias bomb, a duplicate key, a date that does not exist, a character no document can hold, a
%YAML directive, a time of day, ...) returns None, and load reads the file again with ruamel,
which refuses it with today's Dutch message and line, or builds it as before. So a valid
file is fast, and a bad one gets exactly the message it always got.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.resolver import VersionedResolver
from yaml import MappingNode, ScalarNode, SequenceNode
from yaml._yaml import CParser

from voorstel.kern.locaties import Loc, YamlFloat, YamlInt
from voorstel.pijplijn.veilig import MAX_CIJFERS, MAX_DIEPTE, MAX_EXTRA_KNOPEN

_STR, _INT, _FLOAT, _BOOL, _NULL, _DATUM = " str", " int", " float", " bool", " null", " datum"
_SEQ, _MAP, _ANDERS = " seq", " map", " anders"
"""Implicit tags. A space cannot occur in a tag written in YAML, so any other tag on a node
was written explicitly."""

_NAMEN = {"str": _STR, "int": _INT, "float": _FLOAT, "bool": _BOOL, "null": _NULL}
_NAMEN["timestamp"] = _DATUM


def _tabel() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """ruamel's YAML 1.2 implicit resolvers, by first character, as our implicit tags."""
    tabel: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    versie = VersionedResolver(version=(1, 2)).versioned_resolver
    overal = versie.get(None, [])
    for eerste, regels in versie.items():
        if eerste is None:
            continue
        tabel[eerste] = [
            (_NAMEN.get(str(tag).rsplit(":", 1)[-1], _ANDERS), regexp)
            for tag, regexp in [*regels, *overal]
        ]
    return tabel


_TABEL = _tabel()
_GEEN: list[tuple[str, re.Pattern[str]]] = []
_GEWOON_GETAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_ALLEEN_DATUM = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_NIET_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Terug(Exception):
    """Not for the fast path: load reads the file with ruamel instead."""


class _Parser(CParser):  # type: ignore[misc]
    """libyaml's composer, resolving implicit tags with YAML 1.2's table."""

    def descend_resolver(self, *args: Any) -> None:
        pass

    def ascend_resolver(self, *args: Any) -> None:
        pass

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _TABEL.get(value[:1], _GEEN):
                    if regexp.match(value):
                        return tag
                return _STR
            return _STR if implicit[1] else _ANDERS
        if not implicit:
            return _ANDERS
        return _SEQ if kind is SequenceNode else _MAP


class _Bouwer:
    """One walk over libyaml's node tree: plain data, lines, and the safety limits."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.regels: dict[Loc, int] = {}
        self.gezien: set[int] = set()
        self.bezig: set[int] = set()
        self.extra = 0

    def knoop(self, node: Any, loc: Loc, diepte: int) -> Any:
        key = id(node)
        if key in self.gezien:
            # An alias: the same node again. Every part it expands to counts.
            self.extra += 1
            if self.extra > MAX_EXTRA_KNOPEN or key in self.bezig:
                raise _Terug
        else:
            self.gezien.add(key)
        if self.text[node.start_mark.index : node.start_mark.index + 1] == "!":
            raise _Terug  # a '!' tag: ruamel decides what it means
        tag = node.tag
        if tag is _STR or tag == _STR:
            return _xml_tekst(node.value)
        if isinstance(node, MappingNode):
            return self.veld(node, loc, diepte)
        if isinstance(node, SequenceNode):
            return self.lijst(node, loc, diepte)
        return self.waarde(node, tag)

    def veld(self, node: Any, loc: Loc, diepte: int) -> dict[str, Any]:
        if node.tag != _MAP or diepte > MAX_DIEPTE - 8:
            raise _Terug
        self.bezig.add(id(node))
        result: dict[str, Any] = {}
        sleutels: set[Any] = set()
        for sleutel_knoop, waarde_knoop in node.value:
            if not isinstance(sleutel_knoop, ScalarNode):
                raise _Terug
            sleutel = self.knoop(sleutel_knoop, loc, diepte + 1)
            if sleutel in sleutels:
                raise _Terug  # a duplicate key: ruamel's message names it
            sleutels.add(sleutel)
            naam = _xml_tekst(str(sleutel))
            key_loc = (*loc, naam)
            self.regels[key_loc] = sleutel_knoop.start_mark.line + 1
            result[naam] = self.knoop(waarde_knoop, key_loc, diepte + 1)
        self.bezig.discard(id(node))
        return result

    def lijst(self, node: Any, loc: Loc, diepte: int) -> list[Any]:
        if node.tag != _SEQ or diepte > MAX_DIEPTE - 8:
            raise _Terug
        self.bezig.add(id(node))
        items = []
        for index, kind in enumerate(node.value):
            item_loc = (*loc, index)
            self.regels[item_loc] = kind.start_mark.line + 1
            items.append(self.knoop(kind, item_loc, diepte + 1))
        self.bezig.discard(id(node))
        return items

    def waarde(self, node: Any, tag: str) -> Any:
        value: str = node.value
        if tag == _INT:
            if len(value) > MAX_CIJFERS:
                raise _Terug
            return int(value) if _GEWOON_GETAL.fullmatch(value) else YamlInt(value)
        if tag == _FLOAT:
            return YamlFloat(value)
        if tag == _NULL:
            return None
        if tag == _BOOL:
            if self.text[node.start_mark.index : node.start_mark.index + 1] == "&":
                raise _Terug  # ruamel builds an anchored yes/no as a number
            return value.lower() == "true"
        if tag == _DATUM:
            match = _ALLEEN_DATUM.fullmatch(value)
            if match is None:
                raise _Terug  # a time of day: ruamel's timestamp type
            jaar, maand, dag = (int(g) for g in match.groups())
            try:
                return dt.date(jaar, maand, dag)
            except ValueError:
                raise _Terug from None
        raise _Terug


def _xml_tekst(text: str) -> str:
    if _NIET_XML.search(text) is not None:
        raise _Terug
    return text


_RICHTLIJN = re.compile(r"^%", re.MULTILINE)
_BIJZONDER = re.compile(
    "[^\n\r\u0020-\u007e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Characters where ruamel and libyaml may read a file differently; ruamel reads such a file."""


def laad_snel(text: str) -> tuple[dict[str, Any], dict[Loc, int]] | None:
    """The data and lines of a plain, valid file; None when ruamel must read it."""
    if _RICHTLIJN.search(text) is not None:
        return None  # a %YAML or %TAG directive changes how the rest is read
    if _BIJZONDER.search(text) is not None:
        return None  # tabs, BOMs, control characters, Unicode line breaks: libyaml differs
    try:
        parser = _Parser(text)
        try:
            root = parser.get_single_node()
        finally:
            parser.dispose()
        if not isinstance(root, MappingNode):
            return None
        bouwer = _Bouwer(text)
        bouwer.regels[()] = root.start_mark.line + 1
        data = bouwer.knoop(root, (), 0)
    except Exception:
        return None  # every problem is ruamel's to report, with its message
    return data, bouwer.regels
