"""Tests for the command line, through click's CliRunner: exact output and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import MINIMAAL, VOORBEELD
from voorstel import __version__
from voorstel.bouwen.staat import STAATBESTAND
from voorstel.cli import main
from voorstel.pijplijn.write import CACHEMAP

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]


GEMEENTEN = ["altena", "breda", "drimmelen", "geertruidenberg", "oosterhout"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"voorstel {__version__}\n"


def test_elke_opdracht_heeft_hulptekst(runner: CliRunner) -> None:
    assert main.help
    assert isinstance(main, click.Group)
    assert sorted(main.commands) == [
        "allocate",
        "build",
        "diff",
        "init",
        "new",
        "schema",
        "serve",
        "validate",
    ]
    for name, command in main.commands.items():
        assert command.help, f"{name} heeft geen hulptekst"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts[0]} heeft geen hulptekst"
        result = runner.invoke(main, [name, "--help"], prog_name="voorstel")
        assert result.exit_code == 0
        assert result.output.startswith(f"Gebruik: voorstel {name} [OPTIES]")
        assert command.help.splitlines()[0] in result.output


def test_hoofdhulp_noemt_de_opdrachten(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "voorstel: van YAML-data naar complete gemeentelijke documenten." in result.output
    assert "  build " in result.output
    assert "  validate " in result.output
    assert "--version   Toon het versienummer en stop." in result.output


def test_validate_voorbeeld(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(VOORBEELD)])
    assert result.exit_code == 0
    assert result.stdout == f"{VOORBEELD}: geldig\n"
    assert result.stderr == ""


def test_validate_meldt_elk_probleem(runner: CliRunner, tree: Tree) -> None:
    text = MINIMAAL.replace("  zaaknummer:", "  zaaknumer:").replace(
        "datum: 2024-12-05", "datum: morgen"
    ) + (
        "financien:\n  onderdelen:\n    - tabel:\n        posten:\n          - onderdeel: A\n"
        "            bedrag: 1.500\n"
    )
    path = tree({"fout.yaml": text})["fout.yaml"]
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{path}:3: kopblok.datum: geen geldige datum; schrijf als JJJJ-MM-DD, bijvoorbeeld "
        "2024-12-05\n"
        f"{path}:4: kopblok.zaaknumer: onbekend veld 'zaaknumer'; bedoelde u 'zaaknummer'?\n"
        f'{path}:14: financien.onderdelen[0].tabel.posten[0].bedrag: "1.500" is dubbelzinnig; '
        'schrijf 1500 of "1.500,00"\n'
        "3 problemen gevonden\n"
    )


def test_validate_laadfout_en_geldig_bestand_samen(runner: CliRunner, tree: Tree) -> None:
    paths = tree({"a/goed.yaml": MINIMAAL, "a/kapot.yaml": "soort: collegevoorstel\n\tx: 1\n"})
    result = runner.invoke(main, ["validate", str(paths["a/goed.yaml"].parent)])
    assert result.exit_code == 1
    assert result.stdout == f"{paths['a/goed.yaml']}: geldig\n"
    assert result.stderr == (
        f"{paths['a/kapot.yaml']}:2: tab gevonden; gebruik spaties om in te springen, geen tabs\n"
        "1 probleem gevonden\n"
    )


def test_validate_meldt_waarschuwingen_maar_slaagt(runner: CliRunner, tree: Tree) -> None:
    path = tree({"doc.yaml": MINIMAAL + "voetnoten:\n  los: Ongebruikt.\n"})["doc.yaml"]
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stderr == (
        f"{path}:10: voetnoten.los: waarschuwing: voetnoot 'los' wordt nergens gebruikt; "
        "verwijs ernaar met [^los] of verwijder haar\n"
    )
    assert result.stdout == f"{path}: geldig\n"


def test_validate_zonder_bestand_is_verkeerd_gebruik(runner: CliRunner) -> None:
    assert runner.invoke(main, ["validate"]).exit_code == 2


def test_build_alleen_md(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = runner.invoke(main, ["build", str(VOORBEELD), "--out", str(out), "--format", "md"])
    assert result.exit_code == 0, result.output
    namen = ["jim", *(f"jim-{g}" for g in GEMEENTEN)]
    assert sorted(
        p.relative_to(out)
        for p in out.rglob("*")
        if p.is_file() and p.name != STAATBESTAND and CACHEMAP not in p.relative_to(out).parents
    ) == sorted(Path(f"{naam}.md") for naam in namen)
    assert result.stdout == "".join(f"geschreven: {out / naam}.md\n" for naam in namen) + (
        "1 van 1 documenten gemaakt\n"
    )


def test_build_map_houdt_de_mappen_aan(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = runner.invoke(main, ["build", str(VOORBEELD.parents[1]), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(
        p.relative_to(out)
        for p in out.rglob("*")
        if p.is_file() and p.name != STAATBESTAND and CACHEMAP not in p.relative_to(out).parents
    ) == sorted(
        [
            *(
                Path(f"dalfsen/raadsvoorstel-kademuur-vechtkade{stuk}{suffix}")
                for stuk in ("", "-raadsbesluit", "-collegeoplegger")
                for suffix in (".docx", ".md")
            ),
            Path("dalfsen/begrotingswijziging-jeugdhulp-2026.docx"),
            Path("dalfsen/begrotingswijziging-jeugdhulp-2026.md"),
            Path("dalfsen/rib-inkoop-jeugdhulp-ijsselland.docx"),
            Path("dalfsen/rib-inkoop-jeugdhulp-ijsselland.md"),
            Path("holland-rijnland/memo-inkoopstrategie-jeugdhulp-2020.docx"),
            Path("holland-rijnland/memo-inkoopstrategie-jeugdhulp-2020.md"),
            Path("wbo/inkoopstrategie-jeugdhulp-2027.docx"),
            Path("wbo/inkoopstrategie-jeugdhulp-2027.md"),
        ]
        + [Path(f"wbo/inkoopstrategie-jeugdhulp-2027-figuur-{n}.png") for n in range(1, 6)]
        + [
            Path(f"wbo/{naam}{suffix}")
            for naam in ["jim", *(f"jim-{g}" for g in GEMEENTEN)]
            for suffix in (".docx", ".md")
        ]
        # the regional raadsvoorstel: the overview, and per gemeente its three stukken
        + [Path(f"wbo/raadsvoorstel-jim-2027{suffix}") for suffix in (".docx", ".md")]
        + [
            Path(f"wbo/raadsvoorstel-jim-2027-{g}{stuk}{suffix}")
            for g in GEMEENTEN
            for stuk in ("", "-raadsbesluit", "-collegeoplegger")
            for suffix in (".docx", ".md")
        ]
    )


def test_build_onbekend_formaat(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = runner.invoke(main, ["build", str(VOORBEELD), "--out", str(out), "--format", "odt"])
    assert result.exit_code == 2
    assert "onbekend formaat 'odt'; kies uit docx, md, html, pdf" in result.stderr
    assert not out.exists()


def test_build_fout_schrijft_niets(runner: CliRunner, tree: Tree, tmp_path: Path) -> None:
    path = tree({"doc.yaml": MINIMAAL.replace("onderwerp:", "onderwrp:")})["doc.yaml"]
    out = tmp_path / "uit"
    result = runner.invoke(main, ["build", str(path), "--out", str(out)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:1: onderwerp: verplicht veld ontbreekt; vul het in\n"
        f"{path}:5: onderwrp: onbekend veld 'onderwrp'; bedoelde u 'onderwerp'?\n"
    )
    assert result.stdout == "0 van 1 documenten gemaakt\n"
    assert not out.exists()


def test_build_zonder_data_map(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 2
    assert "geen bestanden opgegeven en geen map data/ gevonden" in result.stderr


def test_build_eigen_sjablonen(runner: CliRunner, tree: Tree, tmp_path: Path) -> None:
    paths = tree(
        {
            "doc.yaml": MINIMAAL,
            "huisstijl/collegevoorstel/document.md.j2": "Eigen: {{ onderwerp }}\n",
        }
    )
    out = tmp_path / "uit"
    result = runner.invoke(
        main,
        [
            "build",
            str(paths["doc.yaml"]),
            "--out",
            str(out),
            "--format",
            "md",
            "--templates",
            str(tmp_path / "huisstijl"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (out / "doc.md").read_text(encoding="utf-8") == "Eigen: Een onderwerp\n"


def test_build_slaat_een_genoemde_verdeelsleutel_over(runner: CliRunner, tmp_path: Path) -> None:
    sleutel = VOORBEELD.parent / "verdeelsleutel-wbo-2024.yaml"
    out = tmp_path / "uit"
    result = runner.invoke(main, ["build", str(sleutel), str(VOORBEELD), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert not list(out.glob("verdeelsleutel*"))


def test_twee_bronnen_met_dezelfde_uitvoer(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for naam in ("a.yaml", "a.yml"):
        (data / naam).write_text(MINIMAAL_CLI, encoding="utf-8")
    result = runner.invoke(main, ["build", str(data), "-o", str(tmp_path / "uit"), "-q"])
    assert result.exit_code == 1
    assert f"'{data / 'a.yaml'}' en '{data / 'a.yml'}' zouden dezelfde uitvoer krijgen" in (
        result.output
    )
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").glob("a.*"))


MINIMAAL_CLI = """\
soort: collegevoorstel
kopblok:
  datum: 2024-12-05
onderwerp: X
beslispunten: [Y]
samenvatting: Z
"""


def test_hoofdhulp_noemt_elke_soort(runner: CliRunner) -> None:
    from voorstel.soorten import REGISTER

    tekst = " ".join(runner.invoke(main, ["--help"]).output.split())
    assert (
        "een collegevoorstel, raadsinformatiebrief, memo, inkoopstrategie of raadsvoorstel van"
        in tekst
    )
    for soort in REGISTER.namen():
        assert soort in tekst


def test_validate_lege_map(runner: CliRunner, tmp_path: Path) -> None:
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    (leeg / "notities.txt").write_text("geen yaml", encoding="utf-8")
    result = runner.invoke(main, ["validate", str(leeg)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"geen documenten gevonden in {leeg} (geen .yaml- of .yml-bestanden)\n1 probleem gevonden\n"
    )
