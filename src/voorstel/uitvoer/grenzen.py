"""Limits on rendering a template: a user's template may not loop forever or fill memory.

Jinja's sandbox keeps a template away from files and Python's insides, but not from time
and memory: `{% for a in range(100000) %}{% for b in range(100000) %}` runs 10^10 times,
and `{{ 'x' * 10**10 }}` asks for 10 GB. Every render of one document (one output file,
with all its parts) therefore runs under a `Bewaking` with a deadline and a size limit,
and the sandbox checks them where a template can spend time or memory:

* The code generator (BewaakteCode) wraps the iterable of every `{% for %}` so each
  iteration checks the deadline, and wraps every piece a template writes (constant text
  and `{{ }}` alike, in the top level, blocks, macros and `{% set %}` blocks): a value is
  checked before it is turned into text (a list that repeats a long text is long as
  text), and the text is counted. So what a template writes in total is bounded, also
  inside a macro whose result is never written, and a loop that writes nothing is
  bounded by the deadline.
* Every call, attribute or item lookup, operator and filter checks the deadline, so a
  template that recurses through macros or filters stops too; Python's recursion limit
  ends an endless recursion, reported as such.
* A value is checked before it is made where its size can be known beforehand: `*` and
  `+` on text and lists, `**` and `*` on whole numbers (by their number of bits), `%` and
  `format` with a width or precision, `~`, and the filters and text methods that grow
  text (center, indent, wordwrap, replace, join, ljust, ...). `range` counts to at most
  100.000, as the sandbox's own; `lipsum` is not there.
* What filters, functions and operators make is added up; more than TOTAAL_FACTOR times
  the size limit stops the template, so a loop cannot fill memory with values it does
  not write.

The limits come from the environment (VOORSTEL_SJABLOONTIJD in seconds and
VOORSTEL_SJABLOONGROOTTE in MB), read at the start of each render.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from string import Formatter
from types import TracebackType
from typing import Any, TypeGuard

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.exceptions import TemplateRuntimeError
from jinja2.runtime import Context
from jinja2.sandbox import (
    MAX_RANGE,
    ImmutableSandboxedEnvironment,
    SandboxedEscapeFormatter,
    SandboxedFormatter,
)
from jinja2.utils import Namespace
from markupsafe import Markup

from voorstel.kern import nl
from voorstel.kern.errors import RenderFout

MB = 1024 * 1024
STANDAARD_SECONDEN = Decimal(30)
STANDAARD_MB = Decimal(50)
OMGEVING_TIJD = "VOORSTEL_SJABLOONTIJD"
OMGEVING_GROOTTE = "VOORSTEL_SJABLOONGROOTTE"
TOTAAL_FACTOR = 4
"""How many times the size limit the values a template makes may add up to."""
MAX_BITS = 100_000
"""The largest whole number a template may compute: some 30.000 digits, far beyond any
amount, and small enough that every operation on it is quick."""
WOORD = 8
"""What one element of a list counts for in its size (a reference)."""


class SjabloonGrens(TemplateRuntimeError):
    """A template reached a limit; the message says which, in Dutch."""


RECURSIE = (
    "het sjabloon roept zichzelf zonder einde aan (een macro of een recursieve lus die "
    "zichzelf blijft aanroepen); controleer waar de herhaling stopt"
)


@dataclass(frozen=True)
class Grenzen:
    """How long one document's template may take, and how much text it may make."""

    seconden: Decimal = STANDAARD_SECONDEN
    megabytes: Decimal = STANDAARD_MB

    @property
    def bytes(self) -> int:
        return int(self.megabytes * MB)

    @classmethod
    def uit_omgeving(cls) -> Grenzen:
        """The limits set in the environment, or the defaults."""
        return cls(
            _instelling(OMGEVING_TIJD, STANDAARD_SECONDEN, "seconden"),
            _instelling(OMGEVING_GROOTTE, STANDAARD_MB, "MB"),
        )


def _instelling(naam: str, standaard: Decimal, eenheid: str) -> Decimal:
    tekst = os.environ.get(naam, "").strip()
    if not tekst:
        return standaard
    try:
        waarde = Decimal(tekst.replace(",", "."))
    except InvalidOperation:
        waarde = Decimal(0)
    if not waarde.is_finite() or waarde <= 0:
        raise RenderFout(
            f"de omgevingsvariabele {naam} is '{tekst[:40]}', maar moet een getal groter "
            f"dan 0 zijn ({eenheid}); bijvoorbeeld {naam}={standaard}, of laat hem weg"
        )
    return waarde


def _mb(grootte: int) -> str:
    """A size as a reader reads it: '10 GB', '51 MB', '0,5 MB'."""
    if grootte >= 1024 * MB:
        return f"{nl.getal(round(Decimal(grootte) / (1024 * MB)))} GB"
    if grootte >= 10 * MB:
        return f"{nl.getal(round(Decimal(grootte) / MB))} MB"
    return f"{nl.getal(round(Decimal(grootte) / MB, 2).normalize())} MB"


class Bewaking:
    """The limits of one render, and what it has used of them so far."""

    def __init__(self, grenzen: Grenzen, klok: bool = True) -> None:
        self.grenzen = grenzen
        self.max = grenzen.bytes
        self.eind = time.monotonic() + float(grenzen.seconden) if klok else float("inf")
        self.geschreven = 0
        self.gemaakt = 0
        self.klok = klok

    def tik(self) -> None:
        """Stop when the time is up."""
        if time.monotonic() > self.eind:
            seconden = nl.getal(self.grenzen.seconden)
            raise SjabloonGrens(
                f"het sjabloon is na {seconden} seconden nog niet klaar en is gestopt; "
                "waarschijnlijk loopt een lus ({% for %}) te lang of zonder einde. Maak de "
                f"lus kleiner, of geef meer tijd met {OMGEVING_TIJD} (nu {seconden} seconden)"
            )

    def schrijf(self, grootte: int) -> None:
        """Count what the template writes."""
        self.geschreven += grootte
        if self.geschreven > self.max:
            raise SjabloonGrens(
                f"het sjabloon schrijft meer dan {_mb(self.max)} tekst voor één document en "
                "is gestopt; controleer de lussen ({% for %}), of sta meer toe met "
                f"{OMGEVING_GROOTTE} (nu {nl.getal(self.grenzen.megabytes)} MB)"
            )

    def vooraf(self, grootte: int, wat: str, precies: bool = True) -> None:
        """Refuse to make a value of `grootte` (bytes, roughly) larger than the limit;
        `precies` when the whole size is known, not only that it is past the limit."""
        if grootte > self.max:
            hoe_groot = f"ongeveer {_mb(grootte)}" if precies else f"meer dan {_mb(self.max)}"
            raise SjabloonGrens(
                f"{wat} in het sjabloon zou een waarde van {hoe_groot} maken; een sjabloon "
                f"mag per waarde hoogstens {_mb(self.max)} maken. Controleer het sjabloon, of "
                f"sta meer toe met {OMGEVING_GROOTTE} (nu {nl.getal(self.grenzen.megabytes)} MB)"
            )

    def gemaakt_door(self, waarde: Any, wat: str) -> None:
        """Check a value a filter, function or operator made, and add text to the total."""
        if isinstance(waarde, str | bytes):
            self.vooraf(len(waarde), wat)
            if not self.klok:
                return
            self.gemaakt += len(waarde)
            if self.gemaakt > TOTAAL_FACTOR * self.max:
                raise SjabloonGrens(
                    "de filters, functies en bewerkingen in het sjabloon maken samen meer "
                    f"dan {_mb(TOTAAL_FACTOR * self.max)} tekst voor één document; "
                    "controleer de lussen, of sta meer toe met "
                    f"{OMGEVING_GROOTTE} (de grens is {TOTAAL_FACTOR} keer die waarde)"
                )
        elif isinstance(waarde, list | tuple | dict | set | frozenset):
            self.vooraf(omvang(waarde, self.max), wat)


_ACTIEF: ContextVar[Bewaking | None] = ContextVar("voorstel_bewaking", default=None)


@contextmanager
def begrensd(grenzen: Grenzen | None = None) -> Iterator[Bewaking]:
    """Render under the limits (from the environment unless given)."""
    bewaking = Bewaking(grenzen or Grenzen.uit_omgeving())
    token = _ACTIEF.set(bewaking)
    try:
        yield bewaking
    finally:
        _ACTIEF.reset(token)


def actief() -> Bewaking:
    """The limits of the render under way; outside one (compiling, which folds constant
    expressions), the default sizes and no clock."""
    return _ACTIEF.get() or Bewaking(Grenzen(), klok=False)


def omvang(waarde: Any, grens: int) -> int:
    """Roughly how many bytes `waarde` takes as text: the length of text, and of lists,
    tuples, dicts and namespaces what their elements take (a shared element counts each
    time, as it does when written). Stops counting once past `grens`."""
    totaal = 0
    stapel = [waarde]
    namespaces: set[int] = set()  # the one container a template can make refer to itself
    while stapel:
        deel = stapel.pop()
        if isinstance(deel, str | bytes):
            totaal += len(deel)
        elif isinstance(deel, list | tuple | set | frozenset):
            totaal += WOORD * len(deel)
            stapel.extend(deel)
        elif isinstance(deel, dict):
            totaal += 2 * WOORD * len(deel)
            stapel.extend(deel.keys())
            stapel.extend(deel.values())
        elif isinstance(deel, Namespace) and id(deel) not in namespaces:
            namespaces.add(id(deel))
            stapel.append(deel._Namespace__attrs)
        if totaal > grens:
            break
    return totaal


def _geheel(waarde: Any) -> TypeGuard[int]:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _reeks(waarde: Any) -> bool:
    return isinstance(waarde, str | bytes | list | tuple)


def _getal_te_groot(wat: str) -> SjabloonGrens:
    return SjabloonGrens(
        f"{wat} in het sjabloon zou een getal van meer dan {nl.getal(MAX_BITS * 3 // 10)} "
        "cijfers maken; een sjabloon rekent alleen met gewone getallen"
    )


def controleer_bewerking(bewaking: Bewaking, operator: str, links: Any, rechts: Any) -> None:
    """Refuse an operator whose result would be too large, before it is computed."""
    wat = f"de bewerking '{operator}'"
    if operator == "*":
        if _geheel(links) and _geheel(rechts):
            if links.bit_length() + rechts.bit_length() > MAX_BITS:
                raise _getal_te_groot(wat)
        elif _reeks(links) and _geheel(rechts):
            bewaking.vooraf(omvang(links, bewaking.max) * max(rechts, 0), wat)
        elif _geheel(links) and _reeks(rechts):
            bewaking.vooraf(omvang(rechts, bewaking.max) * max(links, 0), wat)
    elif operator == "**":
        groot = _geheel(links) and _geheel(rechts) and rechts > 0 and abs(links) > 1
        if groot and links.bit_length() * rechts > MAX_BITS:
            raise _getal_te_groot(wat)
    elif operator == "+":
        if _reeks(links) and _reeks(rechts):
            bewaking.vooraf(omvang(links, bewaking.max) + omvang(rechts, bewaking.max), wat)
    elif operator == "%" and isinstance(links, str):
        bewaking.vooraf(_procent_grootte(links, rechts, bewaking.max), wat)


_PROCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_CIJFERS = re.compile(r"\d+")


def _procent_grootte(opmaak: str, argumenten: Any, grens: int) -> int:
    """An upper bound of the size of `opmaak % argumenten`: the text, the arguments, and
    every width and precision written (a '*' takes the largest whole number given)."""
    waarden = argumenten if isinstance(argumenten, tuple) else (argumenten,)
    grootste = max((abs(w) for w in waarden if _geheel(w)), default=0)
    grootte = len(opmaak) + omvang(list(waarden), grens)
    for match in _PROCENT.finditer(opmaak):
        for deel in match.groups():
            if deel == "*":
                grootte += grootste
            elif deel:
                grootte += _getal(deel)
    return grootte


def _getal(cijfers: str) -> int:
    """A width written in a template; absurdly long ones count as absurdly large."""
    return int(cijfers) if len(cijfers) <= 12 else 10**12


def _spec_grootte(spec: str) -> int:
    """An upper bound of what a format spec ('>20', '.3f', '0{w}') adds to a value."""
    return sum(_getal(d) for d in _CIJFERS.findall(spec))


class _BegrensdeOpmaak(Formatter):
    """str.format in a template: a width or precision is checked before it is applied."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        bewaking = actief()
        bewaking.tik()
        bewaking.vooraf(
            omvang(value, bewaking.max) + _spec_grootte(format_spec), "het opmaken met format"
        )
        return super().format_field(value, format_spec)


class BegrensdeFormatter(_BegrensdeOpmaak, SandboxedFormatter):
    pass


class BegrensdeEscapeFormatter(_BegrensdeOpmaak, SandboxedEscapeFormatter):
    pass


def _als_tekst(waarde: Any) -> str:
    return waarde if isinstance(waarde, str) else str(waarde)


def _vervang_grootte(tekst: str, oud: str, nieuw: str, aantal: int | None) -> int:
    keer = tekst.count(oud) if oud else len(tekst) + 1
    if aantal is not None and aantal >= 0:
        keer = min(keer, aantal)
    return len(tekst) + keer * max(len(nieuw) - len(oud), 0)


def _verzameld(waarden: Any, scheiding: int, bewaking: Bewaking, wat: str) -> list[Any]:
    """The items of an iterable about to be joined, counted as they come; stops as soon as
    the joined text would be too large."""
    items: list[Any] = []
    grootte = 0
    for item in waarden:
        bewaking.tik()
        items.append(item)
        grootte += omvang(item, bewaking.max) + scheiding
        bewaking.vooraf(grootte, wat, precies=False)
    return items


def _breedte(waarde: Any) -> int:
    return waarde if _geheel(waarde) else len(_als_tekst(waarde))


def _regels(tekst: str) -> int:
    return tekst.count("\n") + 1


def _filter_vooraf(naam: str, a: dict[str, Any], bewaking: Bewaking) -> None:
    """The checks of the filters that can make text much larger than what they get
    (`a`: their arguments by name). `join` gets its items as a list, counted."""
    wat = f"het filter '{naam}'"
    grens = bewaking.max
    if naam in ("center", "indent", "wordwrap", "replace", "urlize", "tojson"):
        tekst = _als_tekst(a.get("value", a.get("s", "")))
        grootte = len(tekst)
        if naam == "center":
            grootte = max(grootte, _breedte(a.get("width", 80)))
        elif naam == "indent":  # the first line only with first=True
            ingesprongen = _regels(tekst) - (0 if a.get("first") else 1)
            grootte += ingesprongen * _breedte(a.get("width", 4))
        elif naam == "wordwrap":
            breedte = max(_breedte(a.get("width", 79)), 1)
            tussen = len(_als_tekst(a.get("wrapstring") or "\n"))
            grootte += (grootte // breedte + _regels(tekst)) * tussen
        elif naam == "replace":
            grootte = _vervang_grootte(
                tekst, _als_tekst(a.get("old", "")), _als_tekst(a.get("new", "")), a.get("count")
            )
        elif naam == "urlize":
            extra = sum(len(_als_tekst(a.get(k) or "")) for k in ("rel", "target"))
            grootte *= 3 + extra
        else:  # tojson: every line indented
            inspringing = a.get("indent")
            grootte = omvang(a.get("value"), grens) * (1 + max(_breedte(inspringing or 0), 0))
        bewaking.vooraf(grootte, wat)
    elif naam in ("batch", "slice"):
        aantal = a.get("linecount", a.get("slices", 0))
        if _geheel(aantal) and aantal > MAX_RANGE:
            raise SjabloonGrens(
                f"{wat} met {nl.getal(aantal)} is te groot: een sjabloon telt tot hoogstens "
                f"{nl.getal(MAX_RANGE)}"
            )
    elif naam == "format":
        waarden = (*a.get("args", ()), *a.get("kwargs", {}).values())
        bewaking.vooraf(_procent_grootte(_als_tekst(a.get("value", "")), waarden, grens), wat)
    elif naam == "join":
        scheiding = len(_als_tekst(a.get("d", "")))
        a["value"] = _verzameld(a.get("value", ()), scheiding, bewaking, wat)
    elif naam in ALS_TEKST:  # as text, a list writes each element, shared or not
        bewaking.vooraf(omvang(a.get("value", a.get("s")), grens), wat)


@functools.cache
def _handtekening(functie: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(functie)
    except (TypeError, ValueError):
        return None


ALS_TEKST = frozenset({"string", "e", "escape", "forceescape", "pprint", "urlencode"})
"""Filters that write their value as text."""
GEKEURDE_FILTERS = ALS_TEKST | {
    "center",
    "indent",
    "wordwrap",
    "replace",
    "urlize",
    "tojson",
    "batch",
    "slice",
    "format",
    "join",
}
"""Filters whose arguments are checked before they run."""


def bewaakt_filter(naam: str, functie: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that checks the deadline, checks its arguments where it can grow text, and
    checks and counts what it made."""
    if getattr(functie, "voorstel_bewaakt", False):
        return functie
    gekeurd = naam in GEKEURDE_FILTERS
    handtekening = _handtekening(functie) if gekeurd else None
    wat = f"het filter '{naam}'"

    @functools.wraps(functie)
    def filter_(*args: Any, **kwargs: Any) -> Any:
        bewaking = actief()
        bewaking.tik()
        if handtekening is not None:
            try:
                gebonden = handtekening.bind(*args, **kwargs)
            except TypeError:
                pass  # the filter itself says what is wrong with its arguments
            else:
                _filter_vooraf(naam, gebonden.arguments, bewaking)
                args, kwargs = gebonden.args, gebonden.kwargs
        elif gekeurd and args:  # written in C (markupsafe's escape): only its value
            _filter_vooraf(naam, {"value": args[0]}, bewaking)
        uit = functie(*args, **kwargs)
        bewaking.gemaakt_door(uit, wat)
        return uit

    filter_.voorstel_bewaakt = True  # type: ignore[attr-defined]
    return filter_


class BewaakteFilters(dict[str, Any]):
    """An environment's filters, each one bewaakt, also those added later."""

    def __init__(self, filters: Mapping[str, Any]) -> None:
        super().__init__()
        self.update(filters)

    def __setitem__(self, naam: str, functie: Any) -> None:
        super().__setitem__(naam, bewaakt_filter(naam, functie))

    def update(self, *args: Any, **kwargs: Any) -> None:
        for naam, functie in dict(*args, **kwargs).items():
            self[naam] = functie

    def setdefault(self, naam: str, functie: Any = None) -> Any:
        if naam not in self:
            self[naam] = functie
        return self[naam]


_GROEIENDE_METHODEN = frozenset(
    {"center", "ljust", "rjust", "zfill", "expandtabs", "replace", "join", "translate"}
)


def _methode_vooraf(
    bewaking: Bewaking, methode: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """The checks of the text methods that can make text much larger than their own
    ('x'.center(10**9)); returns the arguments to call with (join's items, counted)."""
    zelf = getattr(methode, "__self__", None)
    naam = getattr(methode, "__name__", "")
    if not isinstance(zelf, str | bytes) or naam not in _GROEIENDE_METHODEN:
        return args
    kwargs = {k: v for k, v in kwargs.items() if k not in ("_loop_vars", "_block_vars")}
    wat = f"'{naam}'"
    lengte = len(zelf)
    eerste = args[0] if args else next(iter(kwargs.values()), None)
    if naam in ("center", "ljust", "rjust", "zfill") and _geheel(eerste):
        bewaking.vooraf(max(lengte, eerste), wat)
    elif naam == "expandtabs":
        tab = eerste if _geheel(eerste) else 8
        tabs = zelf.count("\t") if isinstance(zelf, str) else zelf.count(b"\t")
        bewaking.vooraf(lengte + tabs * tab, wat)
    elif naam == "replace" and len(args) >= 2 and isinstance(zelf, str):
        aantal = args[2] if len(args) > 2 and _geheel(args[2]) else kwargs.get("count")
        bewaking.vooraf(
            _vervang_grootte(zelf, _als_tekst(args[0]), _als_tekst(args[1]), aantal), wat
        )
    elif naam == "join" and args:
        return (_verzameld(args[0], lengte, bewaking, wat), *args[1:])
    elif naam == "translate" and isinstance(eerste, dict):
        langste = max((omvang(v, bewaking.max) for v in eerste.values()), default=1)
        bewaking.vooraf(lengte * max(langste, 1), wat)
    return args


def veilige_range(*args: Any) -> range:
    """range in a template: at most MAX_RANGE numbers, as in Jinja's sandbox, said in Dutch."""
    bewaking = actief()
    bewaking.tik()
    reeks = range(*args)
    if len(reeks) > MAX_RANGE:
        raise SjabloonGrens(
            f"range(...) zou {nl.getal(len(reeks))} getallen maken; een sjabloon telt tot "
            f"hoogstens {nl.getal(MAX_RANGE)} (een lus over meer is bijna altijd een fout)"
        )
    return reeks


class BewaakteCode(CodeGenerator):
    """Jinja's code generator, with the checks of the limits written into the code: every
    loop iteration, every piece of output and every `~`."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        lus = nodes.EnvironmentAttribute("bewaakte_lus", lineno=node.iter.lineno)
        node.iter = nodes.Call(lus, [node.iter], [], None, None, lineno=node.iter.lineno)
        node.iter.set_environment(self.environment)
        super().visit_For(node, frame)

    def _output_const_repr(self, group: Iterable[Any]) -> str:
        return f"environment.geschreven({super()._output_const_repr(group)})"

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        self.write("environment.geschreven(")
        super()._output_child_pre(node, frame, finalize)
        self.write("environment.te_schrijven(")

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        self.write(")")
        super()._output_child_post(node, frame, finalize)
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            func_name = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            func_name = "markup_join"
        else:
            func_name = "str_join"
        self.write(f"environment.aaneen({func_name}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BegrensdeOmgeving(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox under the limits of the render under way (see above)."""

    code_generator_class = BewaakteCode
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.globals["range"] = veilige_range
        self.globals.pop("lipsum", None)
        self.filters = BewaakteFilters(self.filters)

    def bewaakte_lus(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The iterable of a `{% for %}`: each iteration checks the deadline."""
        bewaking = actief()
        for item in iterable:
            bewaking.tik()
            yield item

    def te_schrijven(self, waarde: Any) -> Any:
        """A value about to be written: not larger than the limit once it is text."""
        bewaking = actief()
        if not isinstance(waarde, str):
            bewaking.vooraf(omvang(waarde, bewaking.max), "wat het sjabloon schrijft")
        return waarde

    def geschreven(self, tekst: str) -> str:
        """A piece of output, counted."""
        bewaking = actief()
        bewaking.tik()
        bewaking.schrijf(len(tekst))
        return tekst

    def aaneen(self, samenvoegen: Callable[[Iterable[Any]], str], delen: tuple[Any, ...]) -> str:
        """`~`: the parts checked before they are joined."""
        bewaking = actief()
        bewaking.tik()
        bewaking.vooraf(sum(omvang(d, bewaking.max) for d in delen), "de bewerking '~'")
        return samenvoegen(delen)

    def call(
        __self,
        __context: Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        bewaking = actief()
        bewaking.tik()
        args = _methode_vooraf(bewaking, __obj, args, kwargs)
        uit = super().call(__context, __obj, *args, **kwargs)
        bewaking.gemaakt_door(uit, f"'{getattr(__obj, '__name__', 'de functie')}'")
        return uit

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        bewaking = actief()
        bewaking.tik()
        controleer_bewerking(bewaking, operator, left, right)
        uit = super().call_binop(context, operator, left, right)
        bewaking.gemaakt_door(uit, f"de bewerking '{operator}'")
        return uit

    def getattr(self, obj: Any, attribute: str) -> Any:
        actief().tik()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        actief().tik()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """str.format and format_map as Jinja's sandbox has them, with the widths checked."""
        if getattr(value, "__name__", None) not in ("format", "format_map"):
            return None
        zelf = getattr(value, "__self__", None)
        if not isinstance(zelf, str) or not callable(value):
            return None
        soort = type(zelf)
        formatter: SandboxedFormatter = (
            BegrensdeEscapeFormatter(self, escape=zelf.escape)
            if isinstance(zelf, Markup)
            else BegrensdeFormatter(self)
        )
        is_map = value.__name__ == "format_map"

        @functools.wraps(value)
        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                kwargs, args = args[0], ()
            return soort(formatter.vformat(zelf, args, kwargs))

        return wrapper


def sjabloonplaats(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line where `exc` was raised: the innermost template frame
    of its traceback (Jinja rewrites those to point into the template), or None for a
    template made from a string (a Word part)."""
    plaats: tuple[str | None, int | None] = (None, None)
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            naam = tb.tb_frame.f_code.co_filename
            plaats = (None, None) if naam.startswith("<") else (naam, tb.tb_lineno)
        tb = tb.tb_next
    return plaats


__all__ = [
    "RECURSIE",
    "BegrensdeOmgeving",
    "Grenzen",
    "SjabloonGrens",
    "begrensd",
    "sjabloonplaats",
]
