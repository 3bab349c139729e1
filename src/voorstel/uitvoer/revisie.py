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
new one (INS), word by word for text. The format's own code turns the marks into its
revisions: w:ins and w:del in Word (revisie_docx), CriticMarkup in Markdown (`critic_md`).
Nothing is compared after rendering: the renderer writes what the data says changed.

A change caused by a shared file (a verdeelsleutel, a workbook) is known by its pair of
values (`Oorzaken`): its first change gets a comment naming the file.
"""

from __future__ import annotations

import contextvars
import difflib
import functools
import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
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
    return "" if waarde is None else str(waarde)


def _reken(bewerking: Callable[..., Any], *args: Any) -> Any:
    """Arithmetic in a template on a value that changed: for each version (getild)."""
    return getild(bewerking)(*args)


@dataclass
class Item:
    """One item of an aligned list: in both versions ('beide'), or only in one."""

    staat: str
    waarde: Any


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
        for sleutel, ding in waarde.items():
            kant_ = zijde(ding, welke)
            if kant_ is not AFWEZIG:
                uit[sleutel] = kant_
        return uit
    return waarde


def gewijzigd(waarde: Any) -> bool:
    """Whether a merged value holds a change anywhere."""
    if isinstance(waarde, Wijziging):
        return not waarde.stil
    if isinstance(waarde, dict):
        return any(gewijzigd(v) for v in waarde.values())
    return False


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
        return uit
    if type(oud) is type(nieuw) or (isinstance(oud, str) and isinstance(nieuw, str)):
        try:
            if oud == nieuw:
                return nieuw
        except Exception:
            pass
    if isinstance(oud, list | tuple) and isinstance(nieuw, list | tuple):
        return lijst(list(oud), list(nieuw))
    return Wijziging(oud, nieuw)


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


def zonder_markeringen(tekst: str) -> str:
    return MARKERINGEN.sub("", tekst)


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


def _tak(oud: Any, nieuw: Any, *_: Any) -> int:
    """The outcome of an {% if %} in both versions: 0 both, 1 only new, 2 only old, 3 none."""
    return 0 if oud and nieuw else 1 if nieuw else 2 if oud else 3


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


def _waar(waarde: Any) -> bool:
    return bool(waarde)


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
            samen = samenvoegen(_als_lijst(waarde.oud), _als_lijst(waarde.nieuw))
            if isinstance(samen, Lijstwijziging):
                return samen.items
            return [Item("beide", x) for x in samen]
        return [Item("beide", x) for x in waarde]
    return [Item("beide", x) for x in zijde(waarde)]


def _als_lijst(waarde: Any) -> list[Any]:
    if waarde is AFWEZIG or waarde is None:
        return []
    if isinstance(waarde, Mapping):
        return list(waarde)
    return list(waarde)


def item_waarde(item: Item) -> Any:
    return item.waarde


def item_filter(item: Item, oud: bool, nieuw: bool, *_: Any) -> bool:
    """The test of `{% for x in L if T %}` for an item, T decided for each version: an
    item in both that only one version lets through is only in that one."""
    oud = oud and item.staat != "nieuw"
    nieuw = nieuw and item.staat != "oud"
    if oud and nieuw:
        return True
    if oud or nieuw:
        item.staat = "oud" if oud else "nieuw"
        return True
    return False


def getild(functie: Callable[..., Any]) -> Callable[..., Any]:
    """A filter (or test) that takes each version's values: in both versions at once, its
    result for each, a Wijziging when they differ. A side where the value is absent stays
    absent."""

    @functools.wraps(functie)
    def per_versie(*args: Any, **kwargs: Any) -> Any:
        if not any(isinstance(a, Wijziging) for a in (*args, *kwargs.values())):
            return functie(*args, **kwargs)
        huidig = kant()
        if huidig != "beide":
            return _op(functie, huidig, args, kwargs)
        with als("oud"):
            oud = _op(functie, "oud", args, kwargs)
        with als("nieuw"):
            nieuw = _op(functie, "nieuw", args, kwargs)
        stil = all(a.stil for a in (*args, *kwargs.values()) if isinstance(a, Wijziging))
        try:
            if type(oud) is type(nieuw) and oud == nieuw:
                return nieuw
        except Exception:
            pass
        return Wijziging(oud, nieuw, stil=stil)

    return per_versie


def _op(functie: Callable[..., Any], welke: str, args: Any, kwargs: Any) -> Any:
    zijden = [zijde(a, welke) for a in args]
    kw = {k: zijde(v, welke) for k, v in kwargs.items()}
    if any(isinstance(a, Wijziging) and z is AFWEZIG for a, z in zip(args, zijden, strict=True)):
        return AFWEZIG
    return functie(*zijden, **kw)


# -- Markdown -------------------------------------------------------------------------------


def critic_md(tekst: str, oorzaken: Oorzaken | None = None) -> tuple[str, int]:
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


# -- prose ----------------------------------------------------------------------------------


def bloktekst(blok: Any) -> str:
    """A prose block's text, for aligning blocks: footnote references by their label."""
    from voorstel.kern.prose import Lijst

    if isinstance(blok, Lijst):
        return "\n".join(" ".join(bloktekst(b) for b in item) for item in blok.items)
    return "".join(r.tekst if r.voetnoot is None else f"[^{r.voetnoot}]" for r in blok.runs)


def _bloksleutel(blok: Any) -> tuple[Any, ...]:
    from voorstel.kern.prose import Kop, Lijst

    if isinstance(blok, Lijst):
        return ("lijst", blok.genummerd, bloktekst(blok))
    if isinstance(blok, Kop):
        return ("kop", blok.niveau, bloktekst(blok))
    return ("alinea", blok.runs)


def _blokscore(oud: Any, nieuw: Any) -> float:
    from voorstel.kern.prose import Alinea, Kop, Lijst

    if isinstance(oud, Lijst) and isinstance(nieuw, Lijst):
        if oud.genummerd != nieuw.genummerd:
            return 0.0
        return max(0.5, gelijkenis(bloktekst(oud), bloktekst(nieuw)))  # the same list, edited
    if isinstance(oud, Kop) and isinstance(nieuw, Kop) and oud.niveau == nieuw.niveau:
        return gelijkenis(bloktekst(oud), bloktekst(nieuw))
    if isinstance(oud, Alinea) and isinstance(nieuw, Alinea):
        return gelijkenis(bloktekst(oud), bloktekst(nieuw))
    return 0.0


def blokparen(oud: Sequence[Any], nieuw: Sequence[Any]) -> list[tuple[int | None, int | None]]:
    """Prose blocks (paragraphs, headings, lists, or the items of a list) aligned by their
    place and text: equal ones first, the most alike of the rest paired."""
    return uitlijnen(oud, nieuw, _bloksleutel, _blokscore)


def itemparen(oud: Sequence[Any], nieuw: Sequence[Any]) -> list[tuple[int | None, int | None]]:
    """The items of two lists aligned (an item is a tuple of blocks)."""

    def tekst(item: Any) -> str:
        return " ".join(bloktekst(b) for b in item)

    return uitlijnen(oud, nieuw, tekst, lambda a, b: gelijkenis(tekst(a), tekst(b)))


@dataclass(frozen=True)
class _Token:
    tekst: str
    vet: bool
    cursief: bool
    lak: str | None
    voetnoot: str | None = None


def _tokens(runs: Sequence[Any]) -> list[_Token]:
    uit = []
    for run in runs:
        if run.voetnoot is not None:
            uit.append(_Token("", False, False, None, run.voetnoot))
            continue
        uit.extend(_Token(t, run.vet, run.cursief, run.lak) for t in WOORD.findall(run.tekst))
    return uit


class Voetnoten:
    """The footnotes of merged prose: a reference that is in both versions gets the change
    of its text, one only in the old or new version its own text. Each gets a label of its
    own ('\\x00n'), which the prose writer looks up here."""

    def __init__(self) -> None:
        self.runs: dict[str, tuple[Any, ...]] = {}

    def label(self, runs: tuple[Any, ...]) -> str:
        label = f"\x00{len(self.runs)}"
        self.runs[label] = runs
        return label


def runs_samen(
    oude: Sequence[Any],
    nieuwe: Sequence[Any],
    voetnoot_oud: Callable[[str], tuple[Any, ...]],
    voetnoot_nieuw: Callable[[str], tuple[Any, ...]],
    voetnoten: Voetnoten,
) -> tuple[Any, ...]:
    """The runs of a paragraph in both versions, word by word: what only the old one has in
    DEL ... EIND, what only the new one has in INS ... EIND (each run marked on its own),
    footnote references resolved (see Voetnoten)."""
    from voorstel.kern.prose import Run

    a, b = _tokens(oude), _tokens(nieuwe)
    uit: list[Run] = []
    staten: list[str] = []

    def schrijf(tokens: list[_Token], staat: str) -> None:
        for token in tokens:
            if token.voetnoot is not None:
                if staat == "beide":
                    runs = runs_samen(
                        voetnoot_oud(token.voetnoot),
                        voetnoot_nieuw(token.voetnoot),
                        voetnoot_oud,
                        voetnoot_nieuw,
                        voetnoten,
                    )
                elif staat == "oud":
                    runs = voetnoot_oud(token.voetnoot)
                else:
                    runs = voetnoot_nieuw(token.voetnoot)
                if staat != "beide":
                    uit.append(Run(DEL if staat == "oud" else INS))
                    staten.append("merk")
                uit.append(Run("", voetnoot=voetnoten.label(tuple(runs))))
                staten.append("merk")
                if staat != "beide":
                    uit.append(Run(EIND))
                    staten.append("merk")
                continue
            vorige = uit[-1] if uit else None
            if (
                vorige is not None
                and staten[-1] == staat
                and vorige.voetnoot is None
                and (vorige.vet, vorige.cursief, vorige.lak)
                == (token.vet, token.cursief, token.lak)
                and vorige.tekst not in (DEL, INS, EIND)
            ):
                if staat != "beide":
                    tekst = vorige.tekst[:-1] + token.tekst + EIND  # one mark for the stretch
                else:
                    tekst = vorige.tekst + token.tekst
                uit[-1] = Run(tekst, token.vet, token.cursief, lak=token.lak)
            else:
                uit.append(Run(heel(token.tekst, staat), token.vet, token.cursief, lak=token.lak))
                staten.append(staat)

    def spatie(token: _Token) -> bool:
        return token.voetnoot is None and not token.tekst.strip()

    for soort, oud, nieuw in woorddiff(a, b, spatie):
        if soort == "equal":
            schrijf(nieuw, "beide")
        else:
            schrijf(oud, "oud")
            schrijf(nieuw, "nieuw")
    return tuple(uit)


class BeideVersies:
    """What the Word and the Markdown prose writer share in a tracked-changes render: the
    document's footnotes in both versions, the footnotes of merged prose, and which
    version is being written whole (`heel`: 'oud', 'nieuw', or None for both)."""

    centraal: dict[str, str]
    centraal_oud: dict[str, str]
    _opgelost: Voetnoten
    _heel: str | None

    @staticmethod
    def _eigen_voetnoot(label: str, stuk: Any, centraal: dict[str, str]) -> tuple[Any, ...]:
        """A footnote's runs: defined in the prose itself, or in the document's footnotes."""
        from voorstel.kern import prose

        if label in stuk.voetnoten:
            return tuple(stuk.voetnoten[label])
        eigen = prose.parse(str(centraal[label]))
        return tuple(r for b in eigen.blokken if not isinstance(b, prose.Lijst) for r in b.runs)

    def _voetnoot_runs(self, label: str, stuk: Any) -> tuple[Any, ...]:
        """The runs of a footnote referred to: one of merged prose, or of the version being
        written."""
        if label in self._opgelost.runs:
            return self._opgelost.runs[label]
        centraal = self.centraal_oud if self._heel == "oud" else self.centraal
        return self._eigen_voetnoot(label, stuk, centraal)

    def _runs_samen(self, a: Any, b: Any, sa: Any, sb: Any) -> tuple[Any, ...]:
        """The runs of a paragraph in both versions (runs_samen)."""
        return runs_samen(
            a.runs,
            b.runs,
            lambda label: self._eigen_voetnoot(label, sa, self.centraal_oud),
            lambda label: self._eigen_voetnoot(label, sb, self.centraal),
            self._opgelost,
        )

    @contextmanager
    def _alleen_in(self, staat: str) -> Iterator[None]:
        """Write what only version `staat` has."""
        vorige, self._heel = self._heel, staat
        try:
            yield
        finally:
            self._heel = vorige


def heel_runs(runs: Sequence[Any], staat: str) -> tuple[Any, ...]:
    """Runs only one version has, each marked."""
    import dataclasses

    return tuple(
        r if r.voetnoot is not None else dataclasses.replace(r, tekst=heel(r.tekst, staat))
        for r in runs
    )


# -- tables ---------------------------------------------------------------------------------


@dataclass
class GemengdeTabel(Tabel):
    """The table of both versions: rows aligned (`staten`: 'beide', 'oud' or 'nieuw' per
    row of alle_rijen), changed cells holding their change as marked text, the columns as
    the new table has them."""

    staten: list[str] = field(default_factory=list)
    kolommen_rechts: list[bool] = field(default_factory=list)

    def rechts(self) -> list[bool]:
        return list(self.kolommen_rechts)


def tabel_samen(oud: Tabel, nieuw: Tabel, cel: Callable[[Cel, Cel], Cel]) -> Tabel | None:
    """Two versions of a table as one (see GemengdeTabel); None when their columns differ,
    then the table is deleted and inserted whole. `cel(oud, nieuw)` gives a changed cell."""
    from voorstel.uitvoer.tabel import cel_tekst, inhoudsbreedtes

    if len(oud.kop) != len(nieuw.kop):
        return None

    def sleutel(rij: list[Cel]) -> tuple[str, ...]:
        return tuple(cel_tekst(c) for c in rij)

    def score(a: list[Cel], b: list[Cel]) -> float:
        if len(a) != len(b) or not a:
            return 0.0
        gelijk = sum(cel_tekst(x) == cel_tekst(y) for x, y in zip(a, b, strict=True)) / len(a)
        if gelijk >= 0.5:
            return gelijk
        return 0.5 if cel_tekst(a[0]) and cel_tekst(a[0]) == cel_tekst(b[0]) else 0.0

    def samen(a: list[Cel], b: list[Cel]) -> list[Cel]:
        if len(a) != len(b):
            return b
        return [y if cel_tekst(x) == cel_tekst(y) else cel(x, y) for x, y in zip(a, b, strict=True)]

    rijen: list[list[Cel]] = []
    staten: list[str] = []
    for i, j in uitlijnen(oud.rijen, nieuw.rijen, sleutel, score):
        if j is None:
            rijen.append(oud.rijen[i])  # type: ignore[index]
            staten.append("oud")
        elif i is None:
            rijen.append(nieuw.rijen[j])
            staten.append("nieuw")
        else:
            rijen.append(samen(oud.rijen[i], nieuw.rijen[j]))
            staten.append("beide")
    voet = nieuw.voet
    if oud.voet and nieuw.voet:
        voet = samen(oud.voet, nieuw.voet)
        staten.append("beide")
    elif nieuw.voet:
        staten.append("nieuw")
    elif oud.voet:
        voet = oud.voet
        staten.append("oud")
    vervolg = nieuw.vervolg
    if len(oud.vervolg) == len(nieuw.vervolg):
        vervolg = [
            tabel_samen(a, b, cel) or b for a, b in zip(oud.vervolg, nieuw.vervolg, strict=True)
        ]
    return GemengdeTabel(
        titel=_tekst_samen(oud.titel, nieuw.titel),
        kop=[_tekst_samen(a, b) or "" for a, b in zip(oud.kop, nieuw.kop, strict=True)],
        rijen=rijen,
        voet=voet,
        noot=_tekst_samen(oud.noot, nieuw.noot),
        breedtes=nieuw.breedtes or inhoudsbreedtes(nieuw),
        vervolg=vervolg,
        eenheid=nieuw.eenheid,
        rijlabel=nieuw.rijlabel,
        lettergrootte=nieuw.lettergrootte,
        staten=staten,
        kolommen_rechts=nieuw.rechts(),
    )


def _tekst_samen(oud: str | None, nieuw: str | None) -> str | None:
    if oud == nieuw:
        return nieuw
    return tekstwijziging(oud or "", nieuw or "") or None


def cel_heel(oud: Cel, nieuw: Cel) -> Cel:
    """A changed cell as its old text deleted and its new text inserted (Word: one figure
    is one deletion and one insertion)."""
    import dataclasses

    from voorstel.uitvoer.tabel import cel_tekst

    if nieuw.soort == "proza" or oud.soort == "proza":
        beide: Any = Wijziging(oud.waarde or "", nieuw.waarde or "")  # for the prose writer
        return dataclasses.replace(nieuw, waarde=beide)
    a, b = cel_tekst(oud), cel_tekst(nieuw)
    tekst = (DEL + a + EIND if a else "") + (INS + b + EIND if b else "")
    return Cel(oorzaak_om(tekst, oud, nieuw), "tekst", nadruk=nieuw.nadruk)


def cel_woorden(oud: Cel, nieuw: Cel) -> Cel:
    """A changed cell word by word (Markdown: '€ {--70.000--}{++82.500++}')."""
    import dataclasses

    from voorstel.uitvoer.tabel import cel_tekst

    if nieuw.soort == "proza" or oud.soort == "proza":
        beide: Any = Wijziging(oud.waarde or "", nieuw.waarde or "")  # for the prose writer
        return dataclasses.replace(nieuw, waarde=beide)
    return Cel(tekstwijziging(cel_tekst(oud), cel_tekst(nieuw)), "tekst", nadruk=nieuw.nadruk)
