"""The structure holds: the Dutch formats load light, the package finds its own templates."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["voorstel.nl", "voorstel.kern.nl"])
def test_nl_laadt_geen_renderbibliotheken(module: str) -> None:
    code = (
        f"import sys, {module} as nl; "
        "print(nl.bedrag(__import__('decimal').Decimal('11326'), True)); "
        "print(sorted(m for m in ('docxtpl', 'docx', 'pydantic', 'jinja2', 'matplotlib') "
        "if m in sys.modules))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.splitlines() == ["€ 11.326,00", "[]"]


def test_publieke_api_is_lui_maar_volledig() -> None:
    import voorstel

    for naam in voorstel.__all__:
        assert getattr(voorstel, naam) is not None
