"""Load: a YAML file -> plain data, with the line of every key and list item."""

from __future__ import annotations

import datetime as dt
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from voorstel.kern.errors import LaadFout
from voorstel.kern.locaties import Bron, Loc, YamlFloat, YamlInt
from voorstel.pijplijn.snel import laad_snel
from voorstel.pijplijn.veilig import Onveilig, Scanner, controleer

MAX_BESTANDSGROOTTE = 5 * 1024 * 1024


_GEWOON_GETAL = re.compile(r"[-+]?(0|[1-9][0-9]*)")


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, but floats and odd integers stay the text written."""


def _float_als_tekst(constructor: Any, node: Any) -> YamlFloat:
    return YamlFloat(node.value)


def _int_of_tekst(constructor: Any, node: Any) -> Any:
    if _GEWOON_GETAL.fullmatch(node.value):
        return RoundTripConstructor.construct_yaml_int(constructor, node)
    return YamlInt(node.value)


_Constructor.add_constructor("tag:yaml.org,2002:float", _float_als_tekst)
_Constructor.add_constructor("tag:yaml.org,2002:int", _int_of_tekst)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Scanner = Scanner
    yaml.allow_duplicate_keys = False
    return yaml


def _plain(node: Any, loc: Loc, regels: dict[Loc, int]) -> Any:
    """Turn ruamel's commented containers into dicts and lists, recording lines."""
    if isinstance(node, CommentedMap):
        result: dict[str, Any] = {}
        for key, value in node.items():
            key_loc = (*loc, str(key))
            regels[key_loc] = node.lc.key(key)[0] + 1
            _xml_tekst(str(key), key_loc)
            result[str(key)] = _plain(value, key_loc, regels)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            item_loc = (*loc, index)
            regels[item_loc] = node.lc.item(index)[0] + 1
            items.append(_plain(value, item_loc, regels))
        return items
    if isinstance(node, YamlFloat | YamlInt):
        return node
    if isinstance(node, bool | int | dt.date | type(None)):
        return node if isinstance(node, bool | dt.date | type(None)) else int(node)
    if isinstance(node, str):
        return _xml_tekst(str(node), loc)
    return node


_NIET_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 cannot hold: control characters, lone surrogates, U+FFFE/U+FFFF."""


class OnleesbaarTeken(Exception):
    """A string with a character no document can hold, and where it was."""

    def __init__(self, teken: str, loc: Loc) -> None:
        super().__init__(teken)
        self.teken = teken
        self.loc = loc


def _xml_tekst(text: str, loc: Loc) -> str:
    match = _NIET_XML.search(text)
    if match is not None:
        raise OnleesbaarTeken(match.group(0), loc)
    return text


def _mark_line(error: MarkedYAMLError) -> int | None:
    mark = error.problem_mark or error.context_mark
    return None if mark is None else mark.line + 1


def _fout_regel(error: MarkedYAMLError) -> int | None:
    """The line to show: where an unclosed quote opened, not the end of the file."""
    if "quoted scalar" in str(error.context or "") and error.context_mark is not None:
        return int(error.context_mark.line) + 1
    return _mark_line(error)


def geen_gewoon_bestand(modus: int) -> str:
    """Why a path that is no regular file is not read (a FIFO would wait forever)."""
    wat = (
        "een map"
        if stat.S_ISDIR(modus)
        else "een pijp (FIFO)"
        if stat.S_ISFIFO(modus)
        else "een apparaat of socket"
    )
    return f"is geen gewoon bestand maar {wat}; voorstel leest alleen gewone bestanden"


def _lees_tekst(path: Path) -> str:
    try:
        gegevens = path.stat()
    except FileNotFoundError:
        raise LaadFout("bestand niet gevonden", path=path) from None
    except OSError as exc:
        raise LaadFout(f"kan het bestand niet lezen: {exc.strerror}", path=path) from None
    if not stat.S_ISREG(gegevens.st_mode):
        raise LaadFout(geen_gewoon_bestand(gegevens.st_mode), path=path)
    size = gegevens.st_size
    if size > MAX_BESTANDSGROOTTE:
        raise LaadFout(
            f"bestand is te groot ({size // (1024 * 1024)} MB; hoogstens "
            f"{MAX_BESTANDSGROOTTE // (1024 * 1024)} MB); splits het op of verwijder bijlagen",
            path=path,
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LaadFout(
            "bestand is geen UTF-8; sla het op als UTF-8 (in de meeste editors: "
            "'Opslaan als' met codering UTF-8)",
            path=path,
            line=line,
        ) from None


def load(path: str | Path) -> Bron:
    """Read one YAML file; raise LaadFout with file:line when it cannot be read.

    libyaml reads a plain, valid file (snel.py); anything else is read by ruamel, which gives
    the Dutch message with its line."""
    path = Path(path)
    text = _lees_tekst(path)
    if not text.strip():
        raise LaadFout("bestand is leeg; begin met 'soort:' en de velden van het document", path)
    snel = laad_snel(text)
    if snel is not None:
        data, regels = snel
        return Bron(path=path, data=data, regels=regels)
    return _laad_ruamel(path, text)


def load_ruamel(path: str | Path) -> Bron:
    """load without the fast path: ruamel reads every file (for the benchmark and tests)."""
    path = Path(path)
    text = _lees_tekst(path)
    if not text.strip():
        raise LaadFout("bestand is leeg; begin met 'soort:' en de velden van het document", path)
    return _laad_ruamel(path, text)


def _laad_ruamel(path: Path, text: str) -> Bron:
    """ruamel's pure-Python loader: every file the fast path leaves, and its Dutch messages."""
    yaml = _yaml()
    try:
        root = yaml.compose(text)
        controleer(root)
        node = None if root is None else yaml.constructor.construct_document(root)
    except Onveilig as exc:
        raise LaadFout(exc.bericht, path=path, line=exc.line) from None
    except DuplicateKeyError as exc:
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else ""
        raise LaadFout(
            f"sleutel '{key}' komt twee keer voor; verwijder of hernoem een van beide",
            path=path,
            line=_mark_line(exc),
            field=key,
        ) from None
    except MarkedYAMLError as exc:
        raise LaadFout(_yaml_bericht(exc), path=path, line=_fout_regel(exc)) from None
    except ReaderError as exc:
        raise LaadFout(
            f"het bestand bevat het teken {_teken(chr(exc.character))}, dat niet in "
            "een document kan staan; verwijder het",
            path=path,
            line=text[: exc.position].count("\n") + 1,
        ) from None
    except RecursionError:
        raise LaadFout(
            "lijsten en velden zijn te diep genest; controleer de inspringing", path=path
        ) from None
    except AssertionError:
        # ruamel asserts on %YAML directives other than 1.1 and 1.2.
        raise LaadFout(
            "onbekende YAML-versie in de %YAML-regel; laat die regel weg of schrijf %YAML 1.2",
            path=path,
            line=1 + next((i for i, r in enumerate(text.splitlines()) if r.startswith("%")), 0),
        ) from None
    except (YAMLError, ValueError) as exc:
        raise LaadFout(f"ongeldige YAML: {exc}", path=path) from None
    # The document itself starts at its first key: where a missing top-level field is reported.
    regels: dict[Loc, int] = {(): node.lc.line + 1} if isinstance(node, CommentedMap) else {}
    try:
        data = _plain(node, (), regels)
    except OnleesbaarTeken as exc:
        raise LaadFout(
            f"tekst bevat het teken {_teken(exc.teken)}, dat niet in een document kan "
            "staan; verwijder het",
            path=path,
            line=Bron(path, None, regels).regel(exc.loc),
            field=_veld(exc.loc),
        ) from None
    if not isinstance(data, dict):
        raise LaadFout(
            "het bestand moet uit velden bestaan ('naam: waarde'), te beginnen met 'soort:'",
            path=path,
            line=1,
        )
    return Bron(path=path, data=data, regels=regels)


def _teken(teken: str) -> str:
    return f"U+{ord(teken):04X}"


def _veld(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


_YAML_MELDINGEN = {
    "another document": "na '---' begint een tweede document, maar een bestand is één "
    "document; haal de '---'-regel en wat erna komt weg, of zet het in een eigen bestand",
    "mapping values are not allowed": "een dubbele punt op een plek waar die niet kan; zet "
    "tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing",
    "could not find expected ':'": "er ontbreekt een dubbele punt na een veldnaam, of een "
    "tekst loopt door over meer regels zonder '|'; controleer deze regel",
    "cannot start any token": "een teken waarmee geen waarde kan beginnen (zoals @ of `); "
    "zet de tekst tussen aanhalingstekens",
    "expected <block end>": "de inspringing klopt niet: deze regel staat niet onder het "
    "veld waar hij bij hoort; spring in met spaties zoals de regels erboven",
}
"""ruamel's problems that a user makes often, in Dutch with what to do."""


def _yaml_bericht(exc: MarkedYAMLError) -> str:
    problem = str(exc.problem or "")
    if "\\t" in problem or "tab" in problem:
        return "tab gevonden; gebruik spaties om in te springen, geen tabs"
    if "quoted scalar" in str(exc.context or ""):
        return "aanhalingsteken niet gesloten; sluit de tekst af met hetzelfde teken"
    for engels, nederlands in _YAML_MELDINGEN.items():
        if engels in problem:
            return nederlands
    return f"ongeldige YAML ({problem or exc.context}); controleer inspringing en dubbele punten"


def walk(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any]]:
    """Every (location, value) pair in plain data or a model, depth first, parents first.
    With a stack of its own, not a generator per level (a document has thousands of
    values, each one yielded through every level above it otherwise)."""
    stapel: list[tuple[Loc, Any]] = [(loc, data)]
    while stapel:
        loc, data = stapel.pop()
        yield loc, data
        fields = getattr(type(data), "model_fields", None)  # a pydantic model: its fields
        if fields is not None:
            kinderen = [((*loc, name), getattr(data, name)) for name in fields]
        elif isinstance(data, dict):
            kinderen = [((*loc, str(key)), value) for key, value in data.items()]
        elif isinstance(data, list | tuple):
            kinderen = [((*loc, index), value) for index, value in enumerate(data)]
        else:
            continue
        stapel.extend(reversed(kinderen))
