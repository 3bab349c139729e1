"""Tests for Dutch formatting and parsing (voorstel.kern.nl)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from voorstel.kern.errors import NotatieFout
from voorstel.kern.nl import (
    FILTERS,
    aantal,
    bedrag,
    bedrag_heel,
    datum,
    getal,
    kwartaal,
    looptijd,
    maand,
    miljoen,
    opsomming,
    parse_bedrag,
    parse_getal,
    parse_procent,
    periode,
    procent,
    saldo,
    telwoord,
)

D = Decimal

FORMATS: list[tuple[Callable[..., str], tuple[Any, ...], str]] = [
    # bedrag
    (bedrag, (D("11326"),), "€ 11.326,00"),
    (bedrag, (70000,), "€ 70.000,00"),
    (bedrag, (70000, False), "€ 70.000"),
    (bedrag, (D("12.5"), False), "€ 12,50"),
    (bedrag, (D("12.5"),), "€ 12,50"),
    (bedrag, (D("-1500"),), "€ -1.500,00"),
    (bedrag, (D("-1500"), False), "€ -1.500"),
    (bedrag, (D("0"),), "€ 0,00"),
    (bedrag, (0, False), "€ 0"),
    (bedrag, (D("-0"),), "€ 0,00"),
    (bedrag, (D("-0.001"),), "€ 0,00"),
    (bedrag, (D("0.01"),), "€ 0,01"),
    (bedrag, (D("0.01"), False), "€ 0,01"),
    (bedrag, (D("-0.01"),), "€ -0,01"),
    (bedrag, (D("1.005"),), "€ 1,01"),
    (bedrag, (D("1.004"),), "€ 1,00"),
    (bedrag, (D("2.50"), False), "€ 2,50"),
    (bedrag, (D("2.00"), False), "€ 2"),
    (bedrag, (D("1E+3"),), "€ 1.000,00"),
    (bedrag, (1234567890123,), "€ 1.234.567.890.123,00"),
    (
        bedrag,
        (D("12345678901234567890123456789012.345"),),
        "€ 12.345.678.901.234.567.890.123.456.789.012,35",
    ),
    # bedrag_heel
    (bedrag_heel, (70000,), "€ 70.000"),
    (bedrag_heel, (D("750000"),), "€ 750.000"),
    (bedrag_heel, (D("12.5"),), "€ 12,50"),
    (bedrag_heel, (D("-3"),), "€ -3"),
    # procent
    (procent, (D("18.33"),), "18,33%"),
    (procent, (D("50"),), "50%"),
    (procent, (D("6.25"),), "6,25%"),
    (procent, (D("16.2"),), "16,2%"),
    (procent, (D("16.20"),), "16,2%"),
    (procent, (D("50.000"),), "50%"),
    (procent, (D("25"), 2), "25,00%"),
    (procent, (D("100.01"), 2), "100,01%"),
    (procent, (D("18.333"), 2), "18,33%"),
    (procent, (D("18.335"), 2), "18,34%"),
    (procent, (D("18.325"), 2), "18,33%"),
    (procent, (D("18.5"), 0), "19%"),
    (procent, (D("0"),), "0%"),
    (procent, (D("-2.5"),), "-2,5%"),
    (procent, (D("1E+3"),), "1.000%"),
    (procent, (D("0.001"),), "0,001%"),
    (procent, (21,), "21%"),
    # getal
    (getal, (D("1234.5"),), "1.234,5"),
    (getal, (311004,), "311.004"),
    (getal, (D("1234.50"),), "1.234,5"),
    (getal, (D("1234.5"), 2), "1.234,50"),
    (getal, (D("2.5"), 0), "3"),
    (getal, (D("-2.5"), 0), "-3"),
    (getal, (D("-1234.5678"), 2), "-1.234,57"),
    (getal, (0,), "0"),
    (getal, (D("-0.00"),), "0"),
    (getal, (D("0.10"),), "0,1"),
    (getal, (10**15,), "1.000.000.000.000.000"),
    (getal, (D("1" + "0" * 30 + ".5"),), "1" + ".000" * 10 + ",5"),
    # datum, maand, kwartaal, periode
    (datum, (date(2024, 12, 5),), "5 december 2024"),
    (datum, (date(2025, 1, 1),), "1 januari 2025"),
    (datum, (date(2025, 3, 31),), "31 maart 2025"),
    (datum, (datetime(2025, 10, 2, 13, 45),), "2 oktober 2025"),
    (maand, (date(2025, 7, 14),), "juli 2025"),
    (maand, (date(2026, 2, 1),), "februari 2026"),
    (kwartaal, (date(2025, 7, 1),), "Q3 2025"),
    (kwartaal, (date(2025, 1, 1),), "Q1 2025"),
    (kwartaal, (date(2025, 3, 31),), "Q1 2025"),
    (kwartaal, (date(2025, 4, 1),), "Q2 2025"),
    (kwartaal, (date(2025, 9, 30),), "Q3 2025"),
    (kwartaal, (date(2025, 12, 31),), "Q4 2025"),
    (periode, (date(2025, 7, 1), date(2026, 12, 31)), "juli 2025 tot en met december 2026"),
    (periode, (date(2025, 7, 1), date(2025, 7, 31)), "juli 2025"),
    (periode, (date(2025, 7, 5), date(2025, 7, 5)), "juli 2025"),
    (periode, (date(2025, 7, 1), date(2026, 7, 1)), "juli 2025 tot en met juli 2026"),
    (periode, (date(2025, 1, 1), date(2025, 3, 1)), "januari 2025 tot en met maart 2025"),
    # miljoen
    (miljoen, (2250000,), "€ 2,25 miljoen"),
    (miljoen, (1000000,), "€ 1 miljoen"),
    (miljoen, (1500000000,), "€ 1,5 miljard"),
    (miljoen, (750000,), "€ 750.000"),
    (miljoen, (D("999999.99"),), "€ 999.999,99"),
    (miljoen, (D("1234567.89"),), "€ 1,23 miljoen"),
    (miljoen, (1235000,), "€ 1,24 miljoen"),
    (miljoen, (1225000,), "€ 1,23 miljoen"),
    (miljoen, (1224999,), "€ 1,22 miljoen"),
    (miljoen, (999994999,), "€ 999,99 miljoen"),
    (miljoen, (999995000,), "€ 1 miljard"),
    (miljoen, (-2250000,), "€ -2,25 miljoen"),
    (miljoen, (-750000,), "€ -750.000"),
    (miljoen, (0,), "€ 0"),
    (miljoen, (10**12,), "€ 1.000 miljard"),
]


@pytest.mark.parametrize(("func", "args", "expected"), FORMATS)
def test_format(func: Callable[..., str], args: tuple[Any, ...], expected: str) -> None:
    assert func(*args) == expected


def test_bedrag_has_plain_ascii_space() -> None:
    assert "\u00a0" not in bedrag(D("-11326.5"))
    assert bedrag(1).startswith("€ ")


def test_filters_map_names_to_functions() -> None:
    expected = {
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
    assert expected == FILTERS


def test_saldo_met_voordeel_of_nadeel() -> None:
    assert saldo(Decimal(-58000)) == "€ 58.000 N"
    assert saldo(Decimal(200)) == "€ 200 V"
    assert saldo(Decimal(0)) == "€ 0"


def test_periode_rejects_end_before_start() -> None:
    with pytest.raises(NotatieFout, match="ligt voor de begindatum"):
        periode(date(2025, 7, 1), date(2025, 6, 30))


@pytest.mark.parametrize("func", [bedrag, bedrag_heel, procent, getal, miljoen])
@pytest.mark.parametrize("value", [0.1, True, "12", D("NaN"), D("Infinity"), D("-Infinity")])
def test_formatters_reject_floats_and_non_finite(func: Callable[..., str], value: Any) -> None:
    with pytest.raises(NotatieFout):
        func(value)


def test_negative_decimalen_rejected() -> None:
    with pytest.raises(NotatieFout):
        getal(D("1.5"), -1)


PARSES: list[tuple[Callable[[str], Decimal], str, Decimal]] = [
    # parse_getal
    (parse_getal, "1500", D("1500")),
    (parse_getal, "1.500", D("1500")),
    (parse_getal, "70.000", D("70000")),
    (parse_getal, "1.234.567", D("1234567")),
    (parse_getal, "1500,50", D("1500.50")),
    (parse_getal, "1.500,5", D("1500.5")),
    (parse_getal, "1,5", D("1.5")),
    (parse_getal, "0,5", D("0.5")),
    (parse_getal, "0", D("0")),
    (parse_getal, "-0", D("0")),
    (parse_getal, "-1.500,25", D("-1500.25")),
    (parse_getal, "  42  ", D("42")),
    (parse_getal, "\u00a01.500\u00a0", D("1500")),
    (parse_getal, "\t-7\n", D("-7")),
    (parse_getal, "123.456.789,123456", D("123456789.123456")),
    # parse_bedrag
    (parse_bedrag, "€ 11.326,00", D("11326")),
    (parse_bedrag, "€11.326", D("11326")),
    (parse_bedrag, "€\u00a011.326,00", D("11326")),
    (parse_bedrag, "-€ 5,00", D("-5")),
    (parse_bedrag, "€ -5,00", D("-5")),
    (parse_bedrag, "-€5", D("-5")),
    (parse_bedrag, "€ 70.000,-", D("70000")),
    (parse_bedrag, "70.000,-", D("70000")),
    (parse_bedrag, "750.000 euro", D("750000")),
    (parse_bedrag, "€750.000 euro", D("750000")),
    (parse_bedrag, "750.000 Euro", D("750000")),
    (parse_bedrag, "1500,5", D("1500.5")),
    (parse_bedrag, "0,01", D("0.01")),
    (parse_bedrag, "€ 0", D("0")),
    (parse_bedrag, "1.234.567", D("1234567")),
    # parse_procent
    (parse_procent, "18,33%", D("18.33")),
    (parse_procent, "25 %", D("25")),
    (parse_procent, "25\u00a0%", D("25")),
    (parse_procent, "100,01%", D("100.01")),
    (parse_procent, "0%", D("0")),
    (parse_procent, "-2,5%", D("-2.5")),
    (parse_procent, "1.000%", D("1000")),
    (parse_procent, " 6,25% ", D("6.25")),
]


@pytest.mark.parametrize(("func", "text", "expected"), PARSES)
def test_parse(func: Callable[[str], Decimal], text: str, expected: Decimal) -> None:
    result = func(text)
    assert isinstance(result, Decimal)
    assert result == expected


def test_parse_keeps_written_digits() -> None:
    assert parse_getal("1500,50").as_tuple().exponent == -2
    assert parse_bedrag("€ 11.326,00").as_tuple().exponent == -2


def test_parse_zero_is_not_negative() -> None:
    assert not parse_getal("-0").is_signed()
    assert not parse_bedrag("€ -0,00").is_signed()


PUNT = (
    ' is geen Nederlandse notatie: gebruik een komma voor decimalen ("1,5") '
    'en een punt alleen voor duizendtallen ("1.500")'
)
GEEN = ' is geen getal; schrijf bijvoorbeeld 1500 of "1.500,00"'
CENT = " heeft meer dan twee decimalen; een bedrag gaat tot op de cent"

BAD: list[tuple[Callable[[str], Decimal], str, str]] = [
    # dots that are not thousands separators
    (parse_getal, "1.5", '"1.5"' + PUNT),
    (parse_getal, "12.50", '"12.50"' + PUNT),
    (parse_getal, "1.50.000", '"1.50.000"' + PUNT),
    (parse_getal, "1.5000", '"1.5000"' + PUNT),
    (parse_getal, "1500.00", '"1500.00"' + PUNT),
    (parse_getal, "0.500", '"0.500"' + PUNT),
    (parse_getal, ".500", '".500"' + PUNT),
    (parse_getal, "1.500.", '"1.500."' + PUNT),
    (parse_getal, "1,500.00", '"1,500.00"' + PUNT),
    (parse_getal, "-1.5", '"-1.5"' + PUNT),
    (parse_bedrag, "€ 1.5", '"€ 1.5"' + PUNT),
    (parse_bedrag, "12.50 euro", '"12.50 euro"' + PUNT),
    (parse_procent, "18.33%", '"18.33%"' + PUNT),
    (parse_procent, "18.33", '"18.33"' + PUNT),
    # garbage
    (parse_getal, "abc", '"abc"' + GEEN),
    (parse_getal, "1,500,00", '"1,500,00"' + GEEN),
    (parse_getal, "٣", '"٣"' + GEEN),
    (parse_getal, "１２", '"１２"' + GEEN),
    (parse_getal, "1e5", '"1e5"' + GEEN),
    (parse_getal, "1E+5", '"1E+5"' + GEEN),
    (parse_getal, "NaN", '"NaN"' + GEEN),
    (parse_getal, "nan", '"nan"' + GEEN),
    (parse_getal, "Infinity", '"Infinity"' + GEEN),
    (parse_getal, "-Infinity", '"-Infinity"' + GEEN),
    (parse_getal, "inf", '"inf"' + GEEN),
    (parse_getal, "", '""' + GEEN),
    (parse_getal, "  ", '""' + GEEN),
    (parse_getal, "€", '"€"' + GEEN),
    (parse_getal, "%", '"%"' + GEEN),
    (parse_getal, "-", '"-"' + GEEN),
    (parse_getal, "+5", '"+5"' + GEEN),
    (parse_getal, "--5", '"--5"' + GEEN),
    (parse_getal, ",5", '",5"' + GEEN),
    (parse_getal, "5,", '"5,"' + GEEN),
    (parse_getal, "1 500", '"1 500"' + GEEN),
    (parse_getal, "1_500", '"1_500"' + GEEN),
    (parse_getal, "€ 5", '"€ 5"' + GEEN),
    (parse_getal, "5%", '"5%"' + GEEN),
    (parse_getal, "x" * 100, '"' + "x" * 60 + '…"' + GEEN),
    (parse_bedrag, "", '""' + GEEN),
    (parse_bedrag, "€", '"€"' + GEEN),
    (parse_bedrag, "euro", '"euro"' + GEEN),
    (parse_bedrag, "-€ -5", '"-€ -5"' + GEEN),
    (parse_bedrag, "€ 70.000,00,-", '"€ 70.000,00,-"' + GEEN),
    (parse_bedrag, "5 €", '"5 €"' + GEEN),
    (parse_bedrag, "- € 5", '"- € 5"' + GEEN),
    (parse_bedrag, "$ 5", '"$ 5"' + GEEN),
    (parse_bedrag, "€ NaN", '"€ NaN"' + GEEN),
    (parse_bedrag, "€ 1e3", '"€ 1e3"' + GEEN),
    (parse_procent, "%", '"%"' + GEEN),
    (parse_procent, "abc", '"abc"' + GEEN),
    (parse_procent, "", '""' + GEEN),
    (parse_procent, "5%%", '"5%%"' + GEEN),
    (parse_procent, "Infinity%", '"Infinity%"' + GEEN),
    # too many decimals for an amount
    (parse_bedrag, "1,505", '"1,505"' + CENT),
    (parse_bedrag, "€ 1.500,505", '"€ 1.500,505"' + CENT),
    # missing percent sign
    (parse_procent, "18,33", '"18,33" mist het procentteken; schrijf "18,33%"'),
    (parse_procent, "25", '"25" mist het procentteken; schrijf "25%"'),
]


@pytest.mark.parametrize(("func", "text", "message"), BAD)
def test_parse_errors(func: Callable[[str], Decimal], text: str, message: str) -> None:
    with pytest.raises(NotatieFout) as info:
        func(text)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


# --- properties --------------------------------------------------------------------------------

BEDRAGEN = st.decimals(
    min_value=D("-999999999999999.99"),
    max_value=D("999999999999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)
GETALLEN = st.decimals(
    min_value=D("-1e15"), max_value=D("1e15"), allow_nan=False, allow_infinity=False
)
NOTATIE = st.text(alphabet="0123456789.,-€% euroE+\u00a0 \t٣", max_size=30)
PARSERS = [parse_getal, parse_bedrag, parse_procent]


@given(BEDRAGEN)
def test_bedrag_round_trip(x: Decimal) -> None:
    assert parse_bedrag(bedrag(x)) == x
    assert parse_bedrag(bedrag_heel(x)) == x


@given(GETALLEN)
def test_getal_round_trip(x: Decimal) -> None:
    assert parse_getal(getal(x)) == x


@given(GETALLEN)
def test_procent_round_trip(x: Decimal) -> None:
    assert parse_procent(procent(x)) == x


@given(GETALLEN, st.integers(min_value=0, max_value=6))
def test_getal_with_decimalen_shows_exactly_that_many(x: Decimal, decimalen: int) -> None:
    text = getal(x, decimalen)
    fraction = text.split(",")[1] if "," in text else ""
    assert len(fraction) == decimalen
    assert abs(parse_getal(text) - x) <= D("0.5") * D(10) ** -decimalen


def _returns_decimal_or_notatiefout(func: Callable[[str], Decimal], text: str) -> None:
    try:
        result = func(text)
    except NotatieFout:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()


@pytest.mark.parametrize("func", PARSERS)
@given(text=st.text())
def test_parsers_any_text(func: Callable[[str], Decimal], text: str) -> None:
    _returns_decimal_or_notatiefout(func, text)


@pytest.mark.parametrize("func", PARSERS)
@given(text=NOTATIE)
def test_parsers_number_like_text(func: Callable[[str], Decimal], text: str) -> None:
    _returns_decimal_or_notatiefout(func, text)


@pytest.mark.parametrize("func", PARSERS)
def test_parsers_huge_input(func: Callable[[str], Decimal]) -> None:
    if func is parse_bedrag:  # an amount has at most MAX_CIJFERS digits: refused, quickly
        with pytest.raises(NotatieFout, match="een getal van 100000 cijfers heeft meer dan 15"):
            func("1" * 100_000)
    else:
        assert func("1" * 100_000 + ("%" if func is parse_procent else "")) == D("1" * 100_000)
    with pytest.raises(NotatieFout):
        func("1.5" * 50_000)


@pytest.mark.parametrize(
    ("n", "woord"),
    [(1, "één"), (2, "twee"), (5, "vijf"), (11, "elf"), (13, "dertien"), (20, "twintig")],
)
def test_telwoord_1_tot_20(n: int, woord: str) -> None:
    assert telwoord(n) == woord


def test_telwoord_boven_twintig_in_cijfers() -> None:
    assert telwoord(21) == "21"
    assert telwoord(1500) == "1.500"


@pytest.mark.parametrize("fout", [-1, True, 1.5])
def test_telwoord_weigert_geen_aantal(fout: object) -> None:
    with pytest.raises(NotatieFout):
        telwoord(fout)  # type: ignore[arg-type]


def test_looptijd_zoals_de_seed() -> None:
    assert looptijd(5, 2, 1) == "vijf jaar met twee verlengingsopties van één jaar"
    assert looptijd(2, 1, 2) == "twee jaar met één verlengingsoptie van twee jaar"
    assert looptijd(4) == "vier jaar"


def test_aantal_en_opsomming() -> None:
    assert aantal(1, "contractpartner", "contractpartners") == "één contractpartner"
    assert aantal(3, "contractpartner", "contractpartners") == "drie contractpartners"
    assert opsomming(["a", "b", "c"]) == "a, b en c"
    assert opsomming(["a"]) == "a"
    assert opsomming([]) == ""
