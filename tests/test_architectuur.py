"""The structure holds: the Dutch formats load light, the package finds its own templates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


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


RENDERSTAPEL = ("docxtpl", "docx", "jinja2", "matplotlib", "pypdf", "starlette")


@pytest.mark.parametrize(
    "opdracht",
    [
        ["validate", "data/wbo/jim.yaml"],
        ["validate", "data"],
        ["allocate", "data/wbo/verdeelsleutel-wbo-2024.yaml", "100000"],
        ["diff", "data/wbo/jim.yaml", "data/wbo/jim.yaml"],
        ["new", "memo", "{tmp}/memo.yaml"],
    ],
    ids=lambda opdracht: opdracht[0] + "-" + opdracht[1].rsplit("/", 1)[-1],
)
def test_opdrachten_zonder_uitvoer_laden_de_renderstapel_niet(
    opdracht: list[str], tmp_path: Path
) -> None:
    """validate, allocate, new and diff (without --docx/--md) render nothing, so they do not
    import Word, Jinja, charts or PDF (issue 16 part 5)."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in opdracht]
    assert geladen(args, RENDERSTAPEL) == []


def geladen(args: list[str], modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` a fresh Python has imported after the command `args` (which must
    succeed), run from the repository."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from voorstel.cli import main\n"
        f"uit = CliRunner().invoke(main, {args!r})\n"
        "assert uit.exit_code == 0, uit.output\n"
        f"print(' '.join(sorted(m for m in {modules!r} if m in sys.modules)))\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert uit.returncode == 0, uit.stderr
    return uit.stdout.splitlines()[-1].split() if uit.stdout.strip() else []


def test_de_formaten_van_de_hulptekst_zijn_die_van_de_renderers() -> None:
    from voorstel.bouwen.build import FORMATEN
    from voorstel.kern import formaten

    assert set(FORMATEN) == set(formaten.FORMATEN)
    assert set(formaten.STANDAARD_FORMATEN) <= set(FORMATEN)


def test_de_omgezette_formaten_zijn_die_van_de_omzetters() -> None:
    """kern.formaten.OMGEZET names the converters' formats so a build can tell, without
    importing them, whether it needs them; it must stay the same as omzetters.OMZETTERS."""
    from voorstel.kern import formaten
    from voorstel.uitvoer import omzetters

    assert set(formaten.OMGEZET) == set(omzetters.OMZETTERS)
    assert set(formaten.OMGEZET) <= set(formaten.FORMATEN)


def test_een_build_zonder_pdf_laadt_de_pdf_maker_niet(tmp_path: Path) -> None:
    """A build that makes no PDF does not import the PDF maker, pypdf or the LibreOffice
    bridge: every single build starts about 50 ms sooner."""
    args = ["build", "data/wbo/jim.yaml", "--out", str(tmp_path), "--format", "docx,md"]
    assert geladen(args, ("pypdf", "voorstel.uitvoer.pdf", "voorstel.uitvoer.libreoffice")) == []
    assert (tmp_path / "jim.docx").is_file()
