"""Fuzzing (hypothesis): whatever is in a file, loading and validating it gives a model or a
VoorstelError, never another exception; the same for the Dutch number types."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from conftest import MINIMAAL
from voorstel.blokken.types import Aandeel, Bedrag, Getal, NietNegatiefBedrag, Procent
from voorstel.kern.errors import VoorstelError
from voorstel.pijplijn.load import Bron, YamlFloat, load
from voorstel.pijplijn.validate import Gevalideerd, validate

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STUKKEN = [
    "soort: collegevoorstel",
    "kopblok:",
    "  datum: 2024-12-05",
    "  datum: 2025-02-31",
    "  openbaarheid: geheim",
    "onderwerp: ",
    "beslispunten:",
    "  - ",
    "samenvatting: ",
    "financien:\n  onderdelen:\n    - tabel:\n        posten:\n          - onderdeel: x\n",
    "            bedrag: ",
    "voetnoten:\n  a: ",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:os.system",
    "!x ",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "- ",
    "'",
    '"',
    "\\",
    "\t",
    "|",
    ">-",
    "#",
    "---",
    "...",
    "%YAML 1.2",
    "1.500",
    "€ 1.500,00",
    "18,33%",
    "-5",
    "1e400",
    "9" * 60,
    "~",
    "null",
    "yes",
    "{{ 7*7 }}",
    "[^a]",
    "\x00",
    "\x07",
    "\ufeff",
    "\ud800",
    "😀",
    "\n",
    "  ",
]

YAMLACHTIG = st.lists(st.sampled_from(STUKKEN), max_size=40).map("".join)
"""Text built from YAML's special characters and this project's fields and notations."""

GEMUTEERD = st.tuples(
    st.integers(0, len(MINIMAAL)), st.integers(0, 20), st.sampled_from(STUKKEN)
).map(lambda t: MINIMAAL[: t[0]] + t[2] + MINIMAAL[t[0] + t[1] :])
"""The smallest valid document with a piece cut out and something else put in."""


def _laad_en_valideer(data: bytes) -> Bron | Gevalideerd | VoorstelError:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_bytes(data)
        try:
            bron = load(path)
        except VoorstelError as exc:
            return exc
        try:
            return validate(bron)
        except VoorstelError as exc:
            return exc


def _tekst_als_bytes(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


@FUZZ
@given(st.binary(max_size=2000))
def test_willekeurige_bytes(data: bytes) -> None:
    uitkomst = _laad_en_valideer(data)
    assert isinstance(uitkomst, Bron | Gevalideerd | VoorstelError)
    if isinstance(uitkomst, VoorstelError):
        assert str(uitkomst)


@FUZZ
@given(st.one_of(st.text(max_size=500), YAMLACHTIG, GEMUTEERD))
@example("%YAML 1.0\n---\nsoort: memo\n")
@example("%YAML 1.3\n---\n- a\n")
def test_willekeurige_tekst(text: str) -> None:
    uitkomst = _laad_en_valideer(_tekst_als_bytes(text))
    assert isinstance(uitkomst, Bron | Gevalideerd | VoorstelError)
    if isinstance(uitkomst, VoorstelError):
        assert str(uitkomst)


WAARDEN = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(STUKKEN + list("0123456789.,€%- ")), max_size=12).map("".join),
    st.integers(),
    st.booleans(),
    st.none(),
    st.text(alphabet="0123456789.-e", max_size=12).map(YamlFloat),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.floats(),
)


@pytest.mark.parametrize("soort", [Bedrag, NietNegatiefBedrag, Getal, Procent, Aandeel])
@FUZZ
@given(waarde=WAARDEN)
def test_nederlandse_getallen(soort: Any, waarde: object) -> None:
    try:
        uitkomst = TypeAdapter(soort).validate_python(waarde)
    except ValidationError as exc:
        assert all(error["msg"] for error in exc.errors())
    else:
        assert isinstance(uitkomst, Decimal)
