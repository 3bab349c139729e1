"""Tracked changes computed on the data, written by the renderers.

`samenvoegen(oud, nieuw)` merges the computed contexts of two versions of a document into
one: what is equal stays a plain value, what differs becomes a `Wijziging` (its old and its
new value), a list becomes a `Lijstwijziging` whose items are aligned (equal items by their
content, the most alike of the rest paired, the others only old or only new), and a table
is a `Wijziging` of two `Tabel`s that the table writer aligns by row and column.

The template is then rendered once, with that merged context, in an environment that sees
both versions (`RevisieOmgeving`): every `{% if %}` is decided for the old and for the new
version, every `{% for %}` runs over the aligned items. What only the new version has is
written between the marks INS and EIND, what only the old one has between DEL and EIND,
with the values of that version; a changed value is written as its old value (DEL) and its
new one (INS), word by word for text; prose and tables are aligned by their writers
(revisie_inhoud). The format's own code turns the marks into its revisions: w:ins and w:del
in Word (revisie_docx), CriticMarkup in Markdown (`critic_md`).
Nothing is compared after rendering: the renderer writes what the data says changed.

A change caused by a shared file (a verdeelsleutel, a workbook) is known by its pair of
values (`Oorzaken`): its first change gets a comment naming the file.
"""

from __future__ import annotations

import contextvars
import difflib
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from voorstel.blokken.tabellen import Cel, Tabel

INS = "\ue000"
"""Begins what only the new version has."""
DEL = "\ue001"
"""Begins what only the old version has."""
EIND = "\ue002"
"""Ends the stretch INS or DEL began."""
OPMERKING = 0xE100
"""chr(OPMERKING + n) begins the stretch of a change caused by shared file n..."""
OPMERKING_EIND = 0xE200
"""...and chr(OPMERKING_EIND + n) ends it."""
MARKERINGEN = re.compile("[\ue000-\ue002\ue100-\ue2ff]")
MARKERINGEN_SPLIT = re.compile("([\ue000-\ue002\ue100-\ue2ff])")
MARKEERTEKENS = frozenset((INS, DEL, EIND))

GELIJKENIS = 0.4
"""How alike two paragraphs or items must be (difflib's ratio of their words) to count as
one that changed, rather than one deleted and another inserted."""
MAX_PAREN = 40_000
"""Beyond this many candidate pairs, a stretch is deleted and inserted whole."""
STIL = frozenset({"nummer", "letter"})
"""Fields of a list item that number it: they follow from the items before it, so a
number that changed with them is no change of its own (Word numbers its lists itself)."""

_KANT: contextvars.ContextVar[str] = contextvars.ContextVar(
    "voorstel_revisie_kant", default="nieuw"
)
"""Which version a value stands for while rendering: 'oud', 'nieuw', or 'beide' (a changed
value shows its change). Outside a tracked-changes render: the new one."""
_STAPEL: contextvars.ContextVar[tuple[tuple[str, str], ...]] = contextvars.ContextVar(
    "voorstel_revisie_stapel", default=()
)


def kant() -> str:
    return _KANT.get()


@contextmanager
def als(welke: str) -> Iterator[None]:
    """Render (or evaluate) as the version `welke`."""
    token = _KANT.set(welke)
    try:
        yield
    finally:
        _KANT.reset(token)


class _Afwezig:
    """The side of a Wijziging where the value is not there at all (a key only one version
    has): nothing, as text and as truth."""

    _enkel: _Afwezig | None = None

    def __new__(cls) -> _Afwezig:
        if cls._enkel is None:
            cls._enkel = super().__new__(cls)
        return cls._enkel

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "AFWEZIG"

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[Any]:
        return iter(())


AFWEZIG = _Afwezig()


class Wijziging:
    """A value that differs between the versions. It behaves as the value of the version
    being rendered (kant()); written while both are (kant 'beide'), it shows its change."""

    __slots__ = ("nieuw", "oud", "stil")

    def __init__(self, oud: Any, nieuw: Any, stil: bool = False) -> None:
        self.oud = oud
        self.nieuw = nieuw
        self.stil = stil
        """A number of a list item: written as the new one, without a change."""

    def zijde(self, welke: str | None = None) -> Any:
        return self.oud if (welke or kant()) == "oud" else self.nieuw

    def __bool__(self) -> bool:
        return bool(self.zijde())

    def __len__(self) -> int:
        return len(self.zijde())

    def __iter__(self) -> Iterator[Any]:
        return iter(self.zijde())

    def __contains__(self, item: Any) -> bool:
        return item in self.zijde()

    def __eq__(self, ander: object) -> bool:
        return bool(self.zijde() == zijde(ander))

    def __ne__(self, ander: object) -> bool:
        return not self == ander

    def __lt__(self, ander: Any) -> bool:
        return bool(self.zijde() < zijde(ander))

    def __le__(self, ander: Any) -> bool:
        return bool(self.zijde() <= zijde(ander))

    def __gt__(self, ander: Any) -> bool:
        return bool(self.zijde() > zijde(ander))

    def __ge__(self, ander: Any) -> bool:
        return bool(self.zijde() >= zijde(ander))

    __hash__ = None  # type: ignore[assignment]

    def __add__(self, ander: Any) -> Any:
        return _reken(operator.add, self, ander)

    def __radd__(self, ander: Any) -> Any:
        return _reken(operator.add, ander, self)

    def __sub__(self, ander: Any) -> Any:
        return _reken(operator.sub, self, ander)

    def __rsub__(self, ander: Any) -> Any:
        return _reken(operator.sub, ander, self)

    def __mul__(self, ander: Any) -> Any:
        return _reken(operator.mul, self, ander)

    def __rmul__(self, ander: Any) -> Any:
        return _reken(operator.mul, ander, self)

    def __truediv__(self, ander: Any) -> Any:
        return _reken(operator.truediv, self, ander)

    def __rtruediv__(self, ander: Any) -> Any:
        return _reken(operator.truediv, ander, self)

    def __floordiv__(self, ander: Any) -> Any:
        return _reken(operator.floordiv, self, ander)

    def __rfloordiv__(self, ander: Any) -> Any:
        return _reken(operator.floordiv, ander, self)

    def __mod__(self, ander: Any) -> Any:
        return _reken(operator.mod, self, ander)

    def __rmod__(self, ander: Any) -> Any:
        return _reken(operator.mod, ander, self)

    def __getitem__(self, sleutel: Any) -> Any:
        return _reken(operator.getitem, self, sleutel)

    def __index__(self) -> int:
        return operator.index(self.zijde())

    def __int__(self) -> int:
        return int(self.zijde())

    def __float__(self) -> float:
        return float(self.zijde())

    def __neg__(self) -> Any:
        return _reken(operator.neg, self)

    def __pos__(self) -> Any:
        return _reken(operator.pos, self)

    def __abs__(self) -> Any:
        return _reken(operator.abs, self)

    def __str__(self) -> str:
        if kant() == "beide" and not self.stil:
            return tekstwijziging(_tekst(self.oud), _tekst(self.nieuw))
        return _tekst(self.zijde("oud" if kant() == "oud" else "nieuw"))

    def __repr__(self) -> str:
        return f"Wijziging({self.oud!r}, {self.nieuw!r})"


def _tekst(waarde: Any) -> str:
    return str(waarde)  # None as Jinja writes it: "None"


def _reken(bewerking: Callable[..., Any], *args: Any) -> Any:
    """Arithmetic in a template on a value that changed: for each version (getild)."""
    return getild(bewerking)(*args)


@dataclass
class Item:
    """One item of an aligned list: in both versions ('beide'), or only in one; with its
    place among the items each version has (gefilterd), for `loop.index` and the like."""

    staat: str
    waarde: Any
    weg: bool = False
    """Left out by the loop's test in every version (item_filter)."""
    plaats: dict[str, int] = field(default_factory=dict)
    per_versie: dict[str, list[Item]] = field(default_factory=dict)


class Lijstwijziging(Wijziging):
    """A list that differs: its sides, and its items aligned."""

    __slots__ = ("items",)

    def __init__(self, oud: list[Any], nieuw: list[Any], items: list[Item]) -> None:
        super().__init__(oud, nieuw)
        self.items = items


def zijde(waarde: Any, welke: str | None = None) -> Any:
    """The value as one version has it: a merged structure taken apart again."""
    welke = welke or kant()
    if welke == "beide":
        welke = "nieuw"
    if isinstance(waarde, Lijstwijziging):
        return waarde.zijde(welke)
    if isinstance(waarde, Wijziging):
        return waarde.zijde(welke)
    if isinstance(waarde, dict):
        uit = {}
        sleutels = waarde.oud if isinstance(waarde, Volgorde) and welke == "oud" else waarde
        for sleutel in sleutels:
            kant_ = zijde(waarde[sleutel], welke)
            if kant_ is not AFWEZIG:
                uit[sleutel] = kant_
        return uit
    if _benoemd(waarde) and gewijzigd(waarde):
        return type(waarde)(*(zijde(veld, welke) for veld in waarde))
    if _gemarkeerd(waarde):  # text a macro or block wrote with its changes marked
        return tekstzijde(waarde, welke)
    return waarde


def zijde_nu(waarde: Any) -> Any:
    """The value as the version being worked out has it (in both versions at once: as it
    is)."""
    return waarde if kant() == "beide" else zijde(waarde)


def gewijzigd(waarde: Any) -> bool:
    """Whether a merged value holds a change anywhere."""
    if isinstance(waarde, Wijziging):
        return not waarde.stil
    if isinstance(waarde, Volgorde):
        return True
    if isinstance(waarde, dict):
        return any(gewijzigd(v) for v in waarde.values())
    if _benoemd(waarde):
        return any(gewijzigd(v) for v in waarde)
    return False


def _benoemd(waarde: Any) -> bool:
    """Whether a value is a named tuple (groupby's grouper and list)."""
    return isinstance(waarde, tuple) and hasattr(waarde, "_fields")


class Volgorde(dict[Any, Any]):
    """A merged dictionary whose keys the old version had in another order (`oud`): a
    template that runs over its keys writes them in each version's order."""

    __slots__ = ("oud",)

    def __init__(self, samen: dict[Any, Any], oud: list[Any]) -> None:
        super().__init__(samen)
        self.oud = oud


# -- merging two contexts -------------------------------------------------------------------


def samenvoegen(oud: Any, nieuw: Any) -> Any:
    """One context of two: equal values as they are, the rest as Wijziging (see above)."""
    if oud is nieuw:
        return nieuw
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        uit: dict[Any, Any] = {}
        for sleutel, waarde in nieuw.items():
            if sleutel not in oud:
                uit[sleutel] = Wijziging(AFWEZIG, waarde)
            elif sleutel in STIL and oud[sleutel] != waarde:
                uit[sleutel] = Wijziging(oud[sleutel], waarde, stil=True)
            else:
                uit[sleutel] = samenvoegen(oud[sleutel], waarde)
        for sleutel, waarde in oud.items():
            if sleutel not in nieuw:
                uit[sleutel] = Wijziging(waarde, AFWEZIG)
        if [k for k in uit if k in oud] != list(oud):  # the old order is not the merge's
            return Volgorde(uit, list(oud))
        return uit
    try:
        if gelijk(oud, nieuw):
            return nieuw
    except Exception:  # a value that cannot be compared has changed
        pass
    if _benoemd(nieuw) and type(oud) is type(nieuw) and len(oud) == len(nieuw):
        # a named tuple (groupby's grouper and list): field by field, still named
        return type(nieuw)(*(samenvoegen(a, b) for a, b in zip(oud, nieuw, strict=True)))
    if isinstance(oud, list | tuple) and isinstance(nieuw, list | tuple):
        return lijst(list(oud), list(nieuw))
    return Wijziging(oud, nieuw)


def gelijk(oud: Any, nieuw: Any) -> bool:
    """Equal, and written the same: Decimal 1.0 and 1.00 are equal but read differently,
    and so are 1, 1.0 and True; in lists and dictionaries (in their order) too."""
    if isinstance(oud, Decimal) and isinstance(nieuw, Decimal):
        return str(oud) == str(nieuw)
    if isinstance(oud, list | tuple) and isinstance(nieuw, list | tuple):
        return (
            type(oud) is type(nieuw)
            and len(oud) == len(nieuw)
            and all(gelijk(a, b) for a, b in zip(oud, nieuw, strict=True))
        )
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        return (
            type(oud) is type(nieuw)
            and list(oud) == list(nieuw)
            and all(gelijk(oud[k], nieuw[k]) for k in oud)
        )
    return bool(type(oud) is type(nieuw) and oud == nieuw) or (
        isinstance(oud, str) and isinstance(nieuw, str) and oud == nieuw
    )


def lijst(oud: list[Any], nieuw: list[Any]) -> Any:
    """Two lists aligned: equal items first, then the most alike of the rest paired."""
    paar = uitlijnen(
        oud, nieuw, _vingerafdruk, lambda a, b: gelijkenis(_woorden_van(a), _woorden_van(b))
    )
    items = []
    for i, j in paar:
        if j is None:
            items.append(Item("oud", oud[i]))  # type: ignore[index]
        elif i is None:
            items.append(Item("nieuw", nieuw[j]))
        else:
            items.append(Item("beide", samenvoegen(oud[i], nieuw[j])))
    if all(item.staat == "beide" and not gewijzigd(item.waarde) for item in items):
        return nieuw
    return Lijstwijziging(oud, nieuw, items)


def _vingerafdruk(waarde: Any) -> str:
    """An item as a text that is equal when the item is, its numbering left out."""
    if isinstance(waarde, dict):
        return repr([(k, _vingerafdruk(v)) for k, v in waarde.items() if k not in STIL])
    if isinstance(waarde, list | tuple):
        return repr([_vingerafdruk(v) for v in waarde])
    return repr(waarde)


def _woorden_van(waarde: Any) -> str:
    if isinstance(waarde, dict):
        return " ".join(_woorden_van(v) for k, v in waarde.items() if k not in STIL)
    if isinstance(waarde, list | tuple):
        return " ".join(_woorden_van(v) for v in waarde)
    if isinstance(waarde, Tabel):
        return " ".join(str(c.waarde) for rij in waarde.alle_rijen for c in rij)
    return "" if waarde is None else str(waarde)


def gelijkenis(oud: str, nieuw: str) -> float:
    a, b = oud.split(), nieuw.split()
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < GELIJKENIS or matcher.quick_ratio() < GELIJKENIS:
        return 0.0
    verhouding = matcher.ratio()
    return verhouding if verhouding >= GELIJKENIS else 0.0


def paren(
    oud: Sequence[Any], nieuw: Sequence[Any], score: Callable[[Any, Any], float]
) -> list[tuple[int | None, int | None]]:
    """A monotone alignment of two short sequences that pairs the most alike elements
    (score above zero); every other element stands alone, deletions before insertions."""
    n, m = len(oud), len(nieuw)
    if n * m > MAX_PAREN:
        return [(i, None) for i in range(n)] + [(None, j) for j in range(m)]
    scores = [[score(a, b) for b in nieuw] for a in oud]
    tabel = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            beste = max(tabel[i + 1][j], tabel[i][j + 1])
            if scores[i][j] > 0:
                beste = max(beste, scores[i][j] + tabel[i + 1][j + 1])
            tabel[i][j] = beste
    uit: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if scores[i][j] > 0 and tabel[i][j] == scores[i][j] + tabel[i + 1][j + 1]:
            uit.append((i, j))
            i, j = i + 1, j + 1
        elif tabel[i][j] == tabel[i + 1][j]:
            uit.append((i, None))
            i += 1
        else:
            uit.append((None, j))
            j += 1
    uit += [(k, None) for k in range(i, n)]
    uit += [(None, k) for k in range(j, m)]
    return uit


def uitlijnen(
    oud: Sequence[Any],
    nieuw: Sequence[Any],
    sleutel: Callable[[Any], Any],
    score: Callable[[Any, Any], float],
) -> list[tuple[int | None, int | None]]:
    """Align two sequences: equal keys first (difflib), then the most alike pairs within
    each stretch that differs."""
    matcher = difflib.SequenceMatcher(
        None, [sleutel(x) for x in oud], [sleutel(x) for x in nieuw], autojunk=False
    )
    uit: list[tuple[int | None, int | None]] = []
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        if soort == "equal":
            uit += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            for i, j in paren(oud[i1:i2], nieuw[j1:j2], score):
                uit.append((None if i is None else i1 + i, None if j is None else j1 + j))
    return uit


# -- words ----------------------------------------------------------------------------------

WOORD = re.compile(r"\s+|[^\s.,;:!?()\[\]\"']+(?:[.,:][^\s.,;:!?()\[\]\"']+)*|\S")
"""Words, spaces and punctuation apart; a figure (11.326,00) is one word."""


def woorddiff(
    a: Sequence[Any], b: Sequence[Any], spatie: Callable[[Any], bool]
) -> list[tuple[str, list[Any], list[Any]]]:
    """The stretches of a diff of two token sequences ('equal' or 'change', old tokens,
    new tokens), with a lone space between two changes taken into the change, so a reader
    sees 'old words' -> 'new words' rather than word by word."""
    matcher = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False)
    delen: list[tuple[str, list[Any], list[Any]]] = []
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        oude, nieuwe = list(a[i1:i2]), list(b[j1:j2])
        if soort == "equal":
            delen.append(("equal", oude, nieuwe))
        elif delen and delen[-1][0] == "change":
            delen[-1][1].extend(oude)
            delen[-1][2].extend(nieuwe)
        else:
            delen.append(("change", oude, nieuwe))
        if (
            len(delen) >= 3
            and delen[-1][0] == "change"
            and delen[-2][0] == "equal"
            and delen[-3][0] == "change"
            and all(spatie(s) for s in delen[-2][2])
        ):
            _, spatie_oud, spatie_nieuw = delen.pop(-2)
            laatste = delen.pop()
            delen[-1][1].extend(spatie_oud + laatste[1])
            delen[-1][2].extend(spatie_nieuw + laatste[2])
    return delen


def tekstwijziging(oud: str, nieuw: str, woord: re.Pattern[str] = WOORD) -> str:
    """The new text with its change from the old marked word by word (DEL ... EIND, INS
    ... EIND)."""
    if oud == nieuw:
        return nieuw
    uit = []
    for soort, oude, nieuwe in woorddiff(
        woord.findall(oud), woord.findall(nieuw), lambda s: not s.strip()
    ):
        if soort == "equal":
            uit.append("".join(nieuwe))
            continue
        if oude:
            uit.append(DEL + "".join(oude) + EIND)
        if nieuwe:
            uit.append(INS + "".join(nieuwe) + EIND)
    return "".join(uit)


def heel(tekst: str, staat: str) -> str:
    """A text that is only in one version, marked as such ('oud', 'nieuw'); as it is in
    both ('beide')."""
    if staat == "beide" or not tekst:
        return tekst
    return (DEL if staat == "oud" else INS) + tekst + EIND


# -- causes ---------------------------------------------------------------------------------


def paar(oud: Any, nieuw: Any) -> tuple[str, str]:
    """A change as a key: the texts of its two values."""
    return (_sleuteltekst(oud), _sleuteltekst(nieuw))


def _sleuteltekst(waarde: Any) -> str:
    if isinstance(waarde, Decimal):
        return format(waarde.normalize(), "f")
    if isinstance(waarde, Cel):
        return repr((_sleuteltekst(waarde.waarde), waarde.soort))
    return repr(waarde)


@dataclass
class Oorzaken:
    """Per shared file that changed, the changes it made (their pairs of values); and the
    files whose first change has been written with its comment."""

    bestanden: list[str] = field(default_factory=list)
    paren: dict[tuple[str, str], int] = field(default_factory=dict)

    def voeg_toe(self, bestand: str, samengevoegd: Any) -> None:
        """Every change in `samengevoegd` (the two versions of a build that differ only in
        this file) is this file's doing."""
        nummer = len(self.bestanden)
        self.bestanden.append(bestand)
        for sleutel in _paren_in(samengevoegd):
            self.paren.setdefault(sleutel, nummer)

    def van(self, oud: Any, nieuw: Any) -> int | None:
        return self.paren.get(paar(oud, nieuw)) if self.paren else None

    def om(self, tekst: str, oud: Any, nieuw: Any) -> str:
        """`tekst` (a change) between the marks of its cause, if a shared file caused it."""
        nummer = self.van(oud, nieuw)
        if nummer is None:
            return tekst
        return chr(OPMERKING + nummer) + tekst + chr(OPMERKING_EIND + nummer)


def _paren_in(waarde: Any) -> Iterator[tuple[str, str]]:
    if isinstance(waarde, Lijstwijziging):
        for item in waarde.items:
            if item.staat == "beide":
                yield from _paren_in(item.waarde)
    elif isinstance(waarde, Wijziging):
        if isinstance(waarde.oud, Tabel) and isinstance(waarde.nieuw, Tabel):
            for a, b in zip(
                [c for r in waarde.oud.alle_rijen for c in r],
                [c for r in waarde.nieuw.alle_rijen for c in r],
                strict=False,
            ):
                if a != b:
                    yield paar(a, b)
        elif not waarde.stil:
            yield paar(waarde.oud, waarde.nieuw)
    elif isinstance(waarde, dict):
        for ding in waarde.values():
            yield from _paren_in(ding)


_HUIDIG: contextvars.ContextVar[Revisie | None] = contextvars.ContextVar(
    "voorstel_revisie", default=None
)


def huidige() -> Revisie | None:
    """The tracked-changes render under way, if any."""
    return _HUIDIG.get()


@contextmanager
def met_revisie(rev: Revisie) -> Iterator[None]:
    """Render in both versions, as `rev`."""
    token = _HUIDIG.set(rev)
    try:
        with als("beide"):
            yield
    finally:
        _HUIDIG.reset(token)


def oorzaak_om(tekst: str, oud: Any, nieuw: Any) -> str:
    rev = huidige()
    return tekst if rev is None else rev.oorzaken.om(tekst, oud, nieuw)


@dataclass
class Revisie:
    """A tracked-changes render: who made the changes and when, and what caused them."""

    auteur: str
    datum: datetime
    oorzaken: Oorzaken = field(default_factory=Oorzaken)
    aantal: int = 0
    """The number of changes written (w:ins and w:del; CriticMarkup stretches)."""
    alles_nieuw: bool = False
    """The old version has no such document at all (a collegeoplegger that came with a
    college block): everything in it is inserted."""

    @property
    def datum_tekst(self) -> str:
        return self.datum.strftime("%Y-%m-%dT%H:%M:%SZ")


# -- the template sees both versions --------------------------------------------------------


def _tak(_a: Any, oud: Any, _b: Any, _c: Any, nieuw: Any, _d: Any) -> int:
    """The outcome of an {% if %} whose test was worked out for each version (as the
    arguments of _vs_uit): 0 both true, 1 only new, 2 only old, 3 neither."""
    oud, nieuw = _waarheid(oud, nieuw)
    return 0 if oud and nieuw else 1 if nieuw else 2 if oud else 3


def _waarheid(oud: Any, nieuw: Any) -> tuple[bool, bool]:
    """The truth of a value worked out as the old and as the new version: of the side of
    the version it was worked out as (in one version only, both are that one)."""
    huidig = kant()
    if huidig != "beide":  # in one version only: worked out once, as that one
        waar = bool(zijde(nieuw, huidig))
        return waar, waar
    return bool(zijde(oud, "oud")), bool(zijde(nieuw, "nieuw"))


def _beide() -> bool:
    """Whether the expression about to be worked out as the old version is needed: only
    when both versions are being rendered (in one version the new slot is that version,
    and working it out twice would run a joiner or cycler twice)."""
    stapel = _STAPEL.get()
    return bool(stapel) and stapel[-1][0] == "beide"


def _zet(welke: str) -> None:
    """Evaluate the next test as the version `welke`, when both are being rendered."""
    huidig = kant()
    _STAPEL.set((*_STAPEL.get(), (huidig, "")))
    _KANT.set(welke if huidig == "beide" else huidig)


def _herstel() -> None:
    stapel = _STAPEL.get()
    (vorige, _), rest = stapel[-1], stapel[:-1]
    _STAPEL.set(rest)
    _KANT.set(vorige)


class Markeerder:
    """Turns the outcome of a branch or an item into the marks the format writes."""

    def __init__(self, markeer: Callable[[str], Any]) -> None:
        self.markeer = markeer

    def begin(self, staat: str) -> Any:
        huidig = kant()
        if huidig != "beide" or staat == "beide":
            _STAPEL.set((*_STAPEL.get(), (huidig, "")))
            return self.markeer("")
        _STAPEL.set((*_STAPEL.get(), (huidig, EIND)))
        _KANT.set(staat)
        return self.markeer(INS if staat == "nieuw" else DEL)

    def eind(self) -> Any:
        stapel = _STAPEL.get()
        (vorige, teken), rest = stapel[-1], stapel[:-1]
        _STAPEL.set(rest)
        _KANT.set(vorige)
        return self.markeer(teken)

    def tak_begin(self, uitkomst: int, als: bool) -> Any:
        if als:
            staat = {0: "beide", 1: "nieuw", 2: "oud"}.get(uitkomst, "beide")
        else:
            staat = {3: "beide", 1: "oud", 2: "nieuw"}.get(uitkomst, "beide")
        return self.begin(staat)

    def item_begin(self, item: Item) -> Any:
        return self.begin(item.staat)


def lus(waarde: Any) -> list[Item]:
    """The items a {% for %} runs over: in both versions the aligned items, else those of
    the version being rendered."""
    if kant() == "beide":
        if isinstance(waarde, Lijstwijziging):
            return [Item(item.staat, item.waarde) for item in waarde.items]
        if isinstance(waarde, Wijziging):
            return _uitgelijnd(waarde.oud, waarde.nieuw)
        if isinstance(waarde, dict) and gewijzigd(waarde):  # its keys, as each version has them
            return _uitgelijnd(zijde(waarde, "oud"), zijde(waarde, "nieuw"))
        return [Item("beide", x) for x in waarde]
    return [Item("beide", x) for x in _als_lijst(zijde(waarde))]


def lus_per_versie(_a: Any, oud: Any, _b: Any, _c: Any, nieuw: Any, _d: Any) -> list[Item]:
    """The items of a {% for %} whose list was worked out for each version (its value as
    the old and as the new version): aligned."""
    if oud is nieuw or kant() != "beide":
        return lus(nieuw)
    return _uitgelijnd(zijde(oud, "oud"), zijde(nieuw, "nieuw"))


def _uitgelijnd(oud: Any, nieuw: Any) -> list[Item]:
    samen = samenvoegen(_als_lijst(zijde(oud, "oud")), _als_lijst(zijde(nieuw, "nieuw")))
    if isinstance(samen, Lijstwijziging):
        return [Item(item.staat, item.waarde) for item in samen.items]
    return [Item("beide", x) for x in samen]


def gefilterd(items: list[Item]) -> list[Item]:
    """The items a loop's test let through (item_filter), each with its place among the
    items of each version."""
    over = [item for item in items if not item.weg]
    per_versie: dict[str, list[Item]] = {"oud": [], "nieuw": []}
    for item in over:
        for welke in ("oud", "nieuw"):
            if item.staat in ("beide", welke):
                item.plaats[welke] = len(per_versie[welke])
                per_versie[welke].append(item)
        item.per_versie = per_versie
    return over


def leeg(items: list[Item], welke: str) -> bool:
    """Whether a loop had no items in version `welke` (for its {% else %})."""
    return not any(not item.weg and item.staat in ("beide", welke) for item in items)


def lusinfo(loop: Any, item: Item, attr: str) -> Any:
    """`loop.<attr>` as the version being written sees it: its index, length, first and
    last, neighbours and cycle among the items that version has, and `loop.changed`
    remembering each version's last value."""
    if attr == "changed" and kant() != "beide":
        return _veranderd(loop, item, kant())
    welke = "oud" if kant() == "oud" else "nieuw"
    if welke not in item.plaats:
        welke = "oud" if welke == "nieuw" else "nieuw"
    if welke not in item.plaats or attr not in LUSVELDEN:
        return getattr(loop, attr)
    index0, items = item.plaats[welke], item.per_versie[welke]
    lengte = len(items)
    if attr == "cycle":
        return lambda *waarden: waarden[index0 % len(waarden)]
    if attr == "previtem":
        return items[index0 - 1].waarde if index0 > 0 else getattr(loop, attr)
    if attr == "nextitem":
        return items[index0 + 1].waarde if index0 + 1 < lengte else getattr(loop, attr)
    return {
        "index": index0 + 1,
        "index0": index0,
        "revindex": lengte - index0,
        "revindex0": lengte - index0 - 1,
        "first": index0 == 0,
        "last": index0 == lengte - 1,
        "length": lengte,
    }[attr]


def _veranderd(loop: Any, item: Item, welke: str) -> Any:
    """`loop.changed(...)` in version `welke`: whether the value differs from the one it
    was last called with in that version (Jinja keeps one last value, and both versions
    call it for each item). For an item that version does not have: False, and nothing
    remembered (its output is not written in that version)."""
    vorige: dict[str, Any] = loop.__dict__.setdefault("_vs_veranderd", {})

    def changed(*waarde: Any) -> bool:
        if item.staat not in ("beide", welke):
            return False
        waarde = tuple(zijde(w, welke) for w in waarde)
        if welke in vorige and vorige[welke] == waarde:
            return False
        vorige[welke] = waarde
        return True

    return changed


LUSVELDEN = frozenset(
    {"index", "index0", "revindex", "revindex0", "first", "last", "length", "cycle"}
    | {"previtem", "nextitem", "changed"}
)
"""The attributes of Jinja's `loop` that depend on the items of a version."""


def _als_lijst(waarde: Any) -> list[Any]:
    if waarde is AFWEZIG or waarde is None:
        return []
    return list(waarde)


def toegewezen(vorige: Any, waarde: Any) -> Any:
    """The value of `{% set x = waarde %}`: inside what only one version has (a branch,
    an item), written while both versions are, it is that version's value of x; the
    other version keeps the value x had before."""
    welke = kant()
    if welke == "beide" or not any(teken == EIND for _, teken in _STAPEL.get()):
        return waarde
    from jinja2 import Undefined

    ander = "nieuw" if welke == "oud" else "oud"
    eerder = AFWEZIG if isinstance(vorige, Undefined) else zijde(vorige, ander)
    zelf = zijde(waarde, welke)
    return Wijziging(zelf, eerder) if welke == "oud" else Wijziging(eerder, zelf)


def item_waarde(item: Item) -> Any:
    return item.waarde


def item_filter(item: Item, _a: Any, oud: Any, _b: Any, _c: Any, nieuw: Any, _d: Any) -> None:
    """The test of `{% for x in L if T %}` for an item, T worked out for each version: an
    item in both that only one version lets through is only in that one."""
    waar_oud, waar_nieuw = _waarheid(oud, nieuw)
    oud = waar_oud and item.staat != "nieuw"
    nieuw = waar_nieuw and item.staat != "oud"
    if oud and nieuw:
        return
    if oud or nieuw:
        item.staat = "oud" if oud else "nieuw"
    else:
        item.weg = True


def per_versie(_a: Any, oud: Any, _b: Any, _c: Any, nieuw: Any, _d: Any) -> Any:
    """The value of an expression worked out for each version (its value as the old and
    as the new version): the value when they are equal, else a Wijziging of the two."""
    if oud is nieuw or kant() != "beide":
        return nieuw
    stil = any(isinstance(w, Wijziging) and w.stil for w in (oud, nieuw))
    return _verschil(zijde(oud, "oud"), zijde(nieuw, "nieuw"), stil)


def _verschil(oud: Any, nieuw: Any, stil: bool = False) -> Any:
    """The new value when both versions give the same, else a Wijziging of the two."""
    try:
        if gelijk(oud, nieuw):
            return nieuw
    except Exception:  # values that cannot be compared differ
        pass
    return Wijziging(oud, nieuw, stil=stil)


def pak(waarde: Any, aantal: int) -> Any:
    """A value to unpack into `aantal` names ({% set a, b = V %}, {% for k, v in L %}):
    position by position for each version."""
    if not isinstance(waarde, Wijziging):
        return waarde
    oud, nieuw = zijde(waarde, "oud"), zijde(waarde, "nieuw")
    oude = [AFWEZIG] * aantal if oud is AFWEZIG else list(oud)
    nieuwe = [AFWEZIG] * aantal if nieuw is AFWEZIG else list(nieuw)
    return [samenvoegen(a, b) for a, b in itertools.zip_longest(oude, nieuwe, fillvalue=AFWEZIG)]


def getild(
    functie: Callable[..., Any], onbekend: bool = False, tekst_veilig: bool = False
) -> Callable[..., Any]:
    """A filter (or test) that takes each version's values: in both versions at once, its
    result for each, a Wijziging when they differ; in one version, that version's values
    (also inside merged dictionaries, and of text with its changes marked in it). A side
    where a value is absent stays absent, but a filter about being there (`onbekend`:
    default, defined) sees it undefined, as a plain render would. A filter that changes
    text character by character (`tekst_veilig`: upper, replace) keeps the marks in it."""

    @functools.wraps(functie)
    def per_versie(*args: Any, **kwargs: Any) -> Any:
        waarden = (*args, *kwargs.values())
        if any(_samengevoegd(a) for a in waarden):
            stil = all(a.stil for a in waarden if isinstance(a, Wijziging))
        elif not tekst_veilig and any(_gemarkeerd(a) for a in waarden):
            stil = False  # a macro's marked output: |length, |first, |center per version
        else:
            return functie(*args, **kwargs)
        huidig = kant()
        if huidig != "beide":
            return _op(functie, huidig, args, kwargs, onbekend)
        with als("oud"):
            oud = _op(functie, "oud", args, kwargs, onbekend)
        with als("nieuw"):
            nieuw = _op(functie, "nieuw", args, kwargs, onbekend)
        return _verschil(oud, nieuw, stil)

    return per_versie


def _gemarkeerd(waarde: Any) -> bool:
    """Whether a value is text with changes marked in it (a macro's output)."""
    return isinstance(waarde, str) and MARKERINGEN.search(waarde) is not None


def tekstzijde(tekst: str, welke: str) -> str:
    """Marked text as version `welke` has it: what only the other version has left out,
    the marks (and those of comments) taken away."""
    uit: list[str] = []
    stapel: list[str] = []
    weg = INS if welke == "oud" else DEL
    for stuk in MARKERINGEN_SPLIT.split(tekst):
        if stuk in (INS, DEL):
            stapel.append(stuk)
        elif stuk == EIND:
            if stapel:
                stapel.pop()
        elif MARKERINGEN.fullmatch(stuk) is None and weg not in stapel:
            uit.append(stuk)
    return type(tekst)("".join(uit))


def _samengevoegd(waarde: Any) -> bool:
    """Whether a value is (or holds, as a dictionary) something of both versions."""
    return (
        isinstance(waarde, Wijziging)
        or waarde is AFWEZIG
        or (isinstance(waarde, dict | tuple) and gewijzigd(waarde))
    )


def _op(functie: Callable[..., Any], welke: str, args: Any, kwargs: Any, onbekend: bool) -> Any:
    zijden = [zijde(a, welke) for a in args]
    kw = {k: zijde(v, welke) for k, v in kwargs.items()}
    if any(z is AFWEZIG for z in (*zijden, *kw.values())):
        if not onbekend:
            return AFWEZIG  # nothing there in this version: nothing to filter
        from jinja2 import Undefined

        zijden = [Undefined() if z is AFWEZIG else z for z in zijden]
        kw = {k: Undefined() if v is AFWEZIG else v for k, v in kw.items()}
    return functie(*zijden, **kw)


# -- Markdown -------------------------------------------------------------------------------


def critic_md(tekst: str) -> tuple[str, int]:
    """Markdown with marks as CriticMarkup: {--old--} for what only the old version has,
    {++new++} for what only the new one has, opened and closed on every line (a stretch
    never holds a line break or a blank line). The number of stretches."""
    uit: list[str] = []
    stapel: list[str] = []
    open_: str | None = None
    aantal = 0

    def sluit() -> None:
        nonlocal open_
        if open_ is not None:
            uit.append("++}" if open_ == INS else "--}")
            open_ = None

    for teken in tekst:
        if teken in (INS, DEL):
            sluit()
            stapel.append(teken)
            continue
        if teken == EIND:
            sluit()
            if stapel:
                stapel.pop()
            continue
        if MARKERINGEN.fullmatch(teken):
            continue
        modus = stapel[-1] if stapel else None
        if teken == "\n":
            sluit()
            uit.append(teken)
            continue
        if modus is not None and open_ != modus:
            if teken.isspace() and (not uit or uit[-1] == "\n" or uit[-1].isspace()):
                uit.append(teken)  # a line's indentation stays outside the stretch
                continue
            sluit()
            uit.append("{++" if modus == INS else "{--")
            open_ = modus
            aantal += 1
        uit.append(teken)
    sluit()
    return "".join(uit), aantal
