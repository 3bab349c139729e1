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


ZWAAR = ("docxtpl", "docx", "pydantic", "jinja2", "matplotlib", "pypdf", "babel", "openpyxl")


def test_de_hulptekst_laadt_niets_zwaars() -> None:
    """`voorstel --help` imports click and the command definitions only (issue 16: start-up
    within 0.25 s of a bare Python; the time itself is measured in `make bench`)."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from voorstel.cli import main\n"
        "uit = CliRunner().invoke(main, ['--help'])\n"
        "assert uit.exit_code == 0 and 'raadsvoorstel' in uit.output, uit.output\n"
        f"print(sorted(m for m in {ZWAAR!r} if m in sys.modules))\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.splitlines() == ["[]"], uit.stderr


def test_de_formaten_van_de_hulptekst_zijn_die_van_de_renderers() -> None:
    from voorstel.bouwen.build import FORMATEN
    from voorstel.kern import formaten

    assert set(FORMATEN) == set(formaten.FORMATEN)
    assert set(formaten.STANDAARD_FORMATEN) <= set(FORMATEN)
