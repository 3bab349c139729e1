"""The fast loader (libyaml) gives exactly what ruamel gives: the same data with the same
types, the same line of every part, and for a bad file the same message."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from test_fuzz import GEMUTEERD, STUKKEN, YAMLACHTIG, _tekst_als_bytes
from voorstel.kern.errors import VoorstelError
from voorstel.pijplijn.load import load, load_ruamel
from voorstel.pijplijn.snel import laad_snel

ROOT = Path(__file__).resolve().parents[1]
BESTANDEN = sorted(ROOT.glob("data/**/*.yaml")) + sorted(
    ROOT.glob("src/voorstel/soorten/*/nieuw.yaml")
)


def _vorm(data: Any) -> Any:
    """Data with the type of every value, so 1 and True and '1.5' and YamlFloat differ."""
    if isinstance(data, dict):
        return {k: _vorm(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_vorm(v) for v in data]
    return (type(data).__name__, repr(data))


def _uitkomst(lader: Any, path: Path) -> Any:
    try:
        bron = lader(path)
    except VoorstelError as exc:
        return ("fout", str(exc))
    return (_vorm(bron.data), bron.regels)


def _vergelijk(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.yaml"
        path.write_bytes(data)
        assert _uitkomst(load, path) == _uitkomst(load_ruamel, path)


@pytest.mark.parametrize("path", BESTANDEN, ids=lambda p: str(p.relative_to(ROOT)))
def test_voorbeelden_en_starters_snel_en_gelijk(path: Path) -> None:
    assert laad_snel(path.read_text(encoding="utf-8-sig")) is not None
    assert _uitkomst(load, path) == _uitkomst(load_ruamel, path)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), YAMLACHTIG, GEMUTEERD))
@example("a: &x true\nb: *x\n")
@example("a: yes\nb: 1.5e3\nc: 0o17\nd: 2024-12-05\ne: 2024-12-05 10:00:00\nf: ~\n")
@example("a: ! b\nc: !!str 1\n")
@example("a: &a [*a]\n")
@example("1: a\n+1: b\n")
@example("'1': a\n1: b\n")
@example("a:\n  - \n  -\n    b\nc: |\n  x\n\n  y\nd: >-\n  p\n  q\n")
def test_snel_gelijk_aan_ruamel(text: str) -> None:
    _vergelijk(_tekst_als_bytes(text))


VOORBEELDEN = [path.read_text(encoding="utf-8") for path in BESTANDEN]
ECHT_GEMUTEERD = st.tuples(
    st.sampled_from(VOORBEELDEN), st.floats(0, 1), st.integers(0, 20), st.sampled_from(STUKKEN)
).map(lambda t: t[0][: int(t[1] * len(t[0]))] + t[3] + t[0][int(t[1] * len(t[0])) + t[2] :])
"""A real example or starter with a piece cut out and something else put in."""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ECHT_GEMUTEERD)
def test_snel_gelijk_aan_ruamel_op_echte_bestanden(text: str) -> None:
    _vergelijk(_tekst_als_bytes(text))


def test_aliasbom_gaat_naar_ruamel(tmp_path: Path) -> None:
    regels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    regels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(regels) + "\n"
    assert laad_snel(text) is None
    path = tmp_path / "bom.yaml"
    path.write_text(text)
    with pytest.raises(VoorstelError, match="herhalen samen meer dan"):
        load(path)
