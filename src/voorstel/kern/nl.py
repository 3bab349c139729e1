"""Dutch (nl_NL) formatting of amounts, numbers and dates, and parsing of Dutch number notation.

Every value is a ``Decimal`` (or ``int``); floats are never used. Formatting goes through Babel
with locale ``nl_NL``; rounding is always ROUND_HALF_UP, as Dutch finance expects.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from voorstel.kern.errors import NotatieFout

LOCALE = "nl_NL"

# nl_NL's CLDR currency pattern ("¤\xa0#,##0.00;¤\xa0-#,##0.00") with a plain ASCII space.
_PATROON_CENTEN = "¤ #,##0.00;¤ -#,##0.00"
_PATROON_HEEL = "¤ #,##0;¤ -#,##0"
# Spaces Babel may put between symbol and number, depending on its version and CLDR data.
_SPATIES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})

_MILJOEN = Decimal(10) ** 6
_MILJARD = Decimal(10) ** 9

_GETAL = re.compile(r"-?(?:[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)(?:,[0-9]+)?")
_NUMERIEK = re.compile(r"-?[0-9.,]+")
_BEDRAG = re.compile(
    r"(?P<voor>-?(?:€\s*-?)?)(?P<getal>.*?)(?P<streep>,-)?(?:\s*euro)?",
    re.IGNORECASE | re.DOTALL,
)
_PROCENT = re.compile(r"(?P<getal>.*?)\s*%", re.DOTALL)
_MAX_TOON = 60


# --- helpers -----------------------------------------------------------------------------------


@contextmanager
def _ruim(x: Decimal) -> Iterator[None]:
    """Run Decimal/Babel arithmetic with enough precision for x, so nothing rounds or fails."""
    with localcontext() as ctx:
        ctx.prec = max(28, len(x.as_tuple().digits) + abs(x.adjusted()) + 10)
        yield


def _decimal(x: Decimal | int) -> Decimal:
    """Return x as a finite Decimal; reject floats, bools, NaN and Infinity."""
    if isinstance(x, bool) or not isinstance(x, Decimal | int):
        raise NotatieFout(f"{x!r} is geen bedrag of getal; gebruik een Decimal of een geheel getal")
    d = Decimal(x)
    if not d.is_finite():
        raise NotatieFout(f"{x} is geen eindig getal")
    return d


def _afgerond(x: Decimal, decimalen: int) -> Decimal:
    """Round x to a number of decimals, ROUND_HALF_UP, without negative zero."""
    if decimalen < 0:
        raise NotatieFout(f"aantal decimalen moet 0 of meer zijn, niet {decimalen}")
    with _ruim(x):
        q = x.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return q.copy_abs() if q.is_zero() else q


def _exact(x: Decimal) -> Decimal:
    """Return x with trailing zeros removed, but never in exponent notation."""
    with _ruim(x):
        n = x.normalize()
        exponent = n.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            n = n.quantize(Decimal(1))
    return n.copy_abs() if n.is_zero() else n


def _decimalen(x: Decimal) -> int:
    """Number of decimals x is written with."""
    exponent = x.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _patroon(decimalen: int) -> str:
    """Babel number pattern with thousands grouping and exactly `decimalen` decimals."""
    return "#,##0" + ("." + "0" * decimalen if decimalen else "")


def _getal_tekst(x: Decimal | int, decimalen: int | None) -> str:
    """Dutch number text: rounded to `decimalen`, or exactly the digits x has when None.
    A Decimal's text is kept by its exact text (a table shows the same figures often)."""
    if type(x) is Decimal:
        return _getal_van(str(x), decimalen)
    return _getal_ruw(x, decimalen)


@functools.lru_cache(maxsize=4096)
def _getal_van(tekst: str, decimalen: int | None) -> str:
    return _getal_ruw(Decimal(tekst), decimalen)


def _getal_ruw(x: Decimal | int, decimalen: int | None) -> str:
    d = _decimal(x)
    d = _exact(d) if decimalen is None else _afgerond(d, decimalen)
    with _ruim(d):
        return str(format_decimal(d, format=_patroon(_decimalen(d)), locale=LOCALE))


def _toon(text: str) -> str:
    """Text as quoted in a message, shortened when very long."""
    return text if len(text) <= _MAX_TOON else text[:_MAX_TOON] + "…"


def _fout_geen_getal(text: str) -> NotatieFout:
    """Error for text that is no number at all."""
    return NotatieFout(f'"{_toon(text)}" is geen getal; schrijf bijvoorbeeld 1500 of "1.500,00"')


def _fout_punt(text: str) -> NotatieFout:
    """Error for a dot that is not a valid thousands separator."""
    return NotatieFout(
        f'"{_toon(text)}" is geen Nederlandse notatie: gebruik een komma voor decimalen ("1,5") '
        'en een punt alleen voor duizendtallen ("1.500")'
    )


def _lees_getal(deel: str, text: str) -> Decimal:
    """Parse the number part `deel` of `text`; errors quote the whole `text`."""
    if _GETAL.fullmatch(deel):
        d = Decimal(deel.replace(".", "").replace(",", "."))
        return d.copy_abs() if d.is_zero() else d
    if "." in deel and _NUMERIEK.fullmatch(deel):
        raise _fout_punt(text)
    raise _fout_geen_getal(text)


# --- formatting (Jinja filters) ----------------------------------------------------------------


def bedrag(x: Decimal | int, centen: bool = True) -> str:
    """Euro amount, "€ 11.326,00"; always a plain ASCII space after € (Babel uses U+00A0)."""
    if type(x) is Decimal:  # a table shows the same amounts again and again: Babel once
        return _bedrag_van(str(x), centen)
    return _bedrag(x, centen)


@functools.lru_cache(maxsize=4096)
def _bedrag_van(tekst: str, centen: bool) -> str:
    """bedrag() of Decimal(tekst), kept by the exact text of the amount (so -0 and 0,
    1.5 and 1.50 are kept apart, though they compare equal)."""
    return _bedrag(Decimal(tekst), centen)


def _bedrag(x: Decimal | int, centen: bool) -> str:
    d = _afgerond(_decimal(x), 2)
    with _ruim(d):
        heel = not centen and d == d.to_integral_value()
    d = _afgerond(d, 0) if heel else d
    with _ruim(d):
        tekst = format_currency(
            d,
            "EUR",
            format=_PATROON_HEEL if heel else _PATROON_CENTEN,
            locale=LOCALE,
            currency_digits=False,
        )
    return str(tekst).translate(_SPATIES)


def bedrag_heel(x: Decimal | int) -> str:
    """Euro amount without cents, "€ 70.000", unless the amount has cents."""
    return bedrag(x, centen=False)


def saldo(x: Decimal | int) -> str:
    """A saldo with V (voordeel) or N (nadeel): "€ 58.000 N"; nothing after a zero saldo."""
    d = _decimal(x)
    if d == 0:
        return bedrag(d, centen=False)
    return f"{bedrag(abs(d), centen=False)} {'V' if d > 0 else 'N'}"


def procent(x: Decimal | int, decimalen: int | None = None) -> str:
    """Percentage from percentage points, Decimal("18.33") -> "18,33%"."""
    return _getal_tekst(x, decimalen) + "%"


def getal(x: Decimal | int, decimalen: int | None = None) -> str:
    """Number in Dutch notation, "1.234,5"."""
    return _getal_tekst(x, decimalen)


def datum(d: date) -> str:
    """Long Dutch date, "5 december 2024"."""
    return str(format_date(d, format="long", locale=LOCALE))


def maand(d: date) -> str:
    """Month and year, "juli 2025"."""
    return str(format_date(d, format="LLLL y", locale=LOCALE))


def kwartaal(d: date) -> str:
    """Quarter as the documents write it, "Q3 2025" (not Babel's Dutch "K3")."""
    return f"Q{(d.month - 1) // 3 + 1} {d.year}"


def periode(start: date, eind: date) -> str:
    """Month range, "juli 2025 tot en met december 2026"; one month gives "juli 2025"."""
    if eind < start:
        raise NotatieFout(f"de einddatum {datum(eind)} ligt voor de begindatum {datum(start)}")
    if (start.year, start.month) == (eind.year, eind.month):
        return maand(start)
    return f"{maand(start)} tot en met {maand(eind)}"


def miljoen(x: Decimal | int) -> str:
    """Large amount in words, "€ 2,25 miljoen"; below one million as bedrag_heel."""
    d = _decimal(x)
    if abs(d) < _MILJOEN:
        return bedrag_heel(d)
    eenheid, woord = (_MILJARD, "miljard") if abs(d) >= _MILJARD else (_MILJOEN, "miljoen")
    with _ruim(d):
        aantal = _afgerond(d / eenheid, 2)
    if woord == "miljoen" and abs(aantal) >= 1000:
        return miljoen(aantal.scaleb(6))
    return f"€ {getal(aantal)} {woord}"


_TELWOORDEN = [
    *("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"),
    *("elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien"),
    *("achttien", "negentien", "twintig"),
]


def telwoord(n: int) -> str:
    """A count in words as the documents write it, 1 to 20 ("twee", "één"); digits above."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise NotatieFout(f"{n!r} is geen aantal; gebruik een geheel getal van 0 of meer")
    return _TELWOORDEN[n] if n < len(_TELWOORDEN) else getal(n)


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """A count with its noun, "één jaar", "twee verlengingsopties"."""
    return f"{telwoord(n)} {enkelvoud if n == 1 else meervoud}"


def looptijd(jaren: int, verlengingen: int = 0, verlengingsjaren: int = 1) -> str:
    """A contract term, "vijf jaar met twee verlengingsopties van één jaar"."""
    tekst = aantal(jaren, "jaar", "jaar")
    if verlengingen:
        opties = aantal(verlengingen, "verlengingsoptie", "verlengingsopties")
        tekst += f" met {opties} van {aantal(verlengingsjaren, 'jaar', 'jaar')}"
    return tekst


def opsomming(delen: Sequence[str]) -> str:
    """A Dutch enumeration, "a, b en c"."""
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def letter(index: int) -> str:
    """The letter of the index-th lettered item (from 0): a, b, ..., z, aa, ab, ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < len(letters) else letter(index // 26 - 1) + letter(index % 26)


_ROMEINS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romeins(n: int) -> str:
    """n (from 1) in Roman numerals, as Word's upperRoman numbering writes it: 4 is IV."""
    if n < 1:
        raise ValueError(f"geen Romeins cijfer voor {n}")
    text = ""
    for waarde, teken in _ROMEINS:
        aantal_keer, n = divmod(n, waarde)
        text += teken * aantal_keer
    return text


FILTERS: dict[str, Callable[..., str]] = {
    "bedrag": bedrag,
    "bedrag_heel": bedrag_heel,
    "saldo": saldo,
    "procent": procent,
    "getal": getal,
    "datum": datum,
    "maand": maand,
    "kwartaal": kwartaal,
    "periode": periode,
    "miljoen": miljoen,
    "telwoord": telwoord,
    "looptijd": looptijd,
    "opsomming": opsomming,
}


# --- parsing -----------------------------------------------------------------------------------


def parse_getal(text: str) -> Decimal:
    """Parse a number in Dutch notation, "1.500,5" -> Decimal("1500.5")."""
    schoon = text.strip()
    return _lees_getal(schoon, schoon)


MAX_CIJFERS = 15
"""Digits before the decimal comma an amount may have: up to 999 biljoen. Sums, totals and
allocations of such amounts stay exact in Decimal's 28 digits (and well beyond any budget)."""


# Patterns of the notations the parsers below accept, for the JSON Schemas editors check a
# document with while it is written. Written for both Python's re and JavaScript's RegExp
# (ECMA-262): no inline flags, no possessive quantifiers. tests/test_schema.py holds them
# against the parsers and names what they cannot express (the amounts of a YAML number).
_DRIETALLEN = (MAX_CIJFERS - 1) // 3
_CIJFERS = rf"(?:0*[0-9]{{1,{MAX_CIJFERS}}}|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}}){{1,{_DRIETALLEN}}})"
"""The digits of an amount: at most MAX_CIJFERS before the comma, with or without dots."""
_CIJFERS_VRIJ = r"(?:[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+)"
PATROON_BEDRAG = (
    r"^\s*(?:-|-?€\s*|€\s*-)?" + _CIJFERS + r"(?:,[0-9]{1,2}|,-)?(?:\s*[Ee][Uu][Rr][Oo])?\s*$"
)
"""A Dutch amount as parse_bedrag reads it: "€ 1.500,00", "1500", "-€ 250", "70.000,-"."""
PATROON_BEDRAG_NIET_NEGATIEF = (
    r"^\s*(?:€\s*)?" + _CIJFERS + r"(?:,[0-9]{1,2}|,-)?(?:\s*[Ee][Uu][Rr][Oo])?\s*$"
)
"""A Dutch amount without a minus sign."""
PATROON_PM = r"^\s*[Pp][Mm]\s*$"
"""PM (pro memorie), in any case."""
PATROON_GETAL = r"^\s*-?" + _CIJFERS_VRIJ + r"(?:,[0-9]+)?\s*$"
"""A number in Dutch notation as parse_getal reads it: "1.234,5"."""
PATROON_GETAL_NIET_NEGATIEF = r"^\s*" + _CIJFERS_VRIJ + r"(?:,[0-9]+)?\s*$"
PATROON_PROCENT = r"^\s*-?" + _CIJFERS_VRIJ + r"(?:,[0-9]+)?\s*%\s*$"
"""A percentage as parse_procent reads it: "18,33%"."""
PATROON_AANDEEL = r"^\s*0*(?:100(?:,0+)?|[0-9]{1,2}(?:,[0-9]+)?)\s*%\s*$"
"""A percentage from 0% to 100%."""
PATROON_GEWICHT = r"^\s*" + _CIJFERS_VRIJ + r"(?:,[0-9]+)?\s*%?\s*$"
"""A weight: a number or a percentage, not negative."""
MAX_BEDRAG = 10**MAX_CIJFERS - 1
"""The largest whole amount binnen_bereik lets through."""


def binnen_bereik(waarde: Decimal) -> Decimal:
    """The amount itself, or a NotatieFout when it has more digits than can be computed with
    exactly (1234567890123456789012345678901 + 1 would print as ...345.679.000)."""
    if waarde.is_finite() and abs(waarde) >= Decimal(10) ** MAX_CIJFERS:
        cijfers = waarde.adjusted() + 1
        wat = getal(waarde) if cijfers <= 40 else f"een getal van {cijfers} cijfers"
        raise NotatieFout(
            f"{wat} heeft meer dan {MAX_CIJFERS} cijfers vóór de komma; zo'n bedrag "
            "(1.000 biljoen of meer) rekent voorstel niet, omdat het niet meer exact kan: "
            "controleer het getal"
        )
    return waarde


def parse_bedrag(text: str) -> Decimal:
    """Parse a Dutch amount, "€ 70.000,-" or "750.000 euro"; at most two decimals."""
    schoon = text.strip()
    m = _BEDRAG.fullmatch(schoon)
    if m is None or m["voor"].count("-") > 1:
        raise _fout_geen_getal(schoon)
    deel = m["getal"]
    if m["streep"] and "," in deel:
        raise _fout_geen_getal(schoon)
    waarde = _lees_getal(("-" if "-" in m["voor"] else "") + deel, schoon)
    if "," in deel and len(deel.rsplit(",", 1)[1]) > 2:
        raise NotatieFout(
            f'"{_toon(schoon)}" heeft meer dan twee decimalen; een bedrag gaat tot op de cent'
        )
    return binnen_bereik(waarde)


def parse_procent(text: str) -> Decimal:
    """Parse a percentage in points, "18,33%" -> Decimal("18.33")."""
    schoon = text.strip()
    m = _PROCENT.fullmatch(schoon)
    if m is None:
        _lees_getal(schoon, schoon)
        raise NotatieFout(f'"{_toon(schoon)}" mist het procentteken; schrijf "{_toon(schoon)}%"')
    return _lees_getal(m["getal"], schoon)
