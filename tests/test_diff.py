"""voorstel diff: the changed figures between two versions, in Dutch notation, in place."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, VOORBEELD
from voorstel.bouwen.verschil import Wijziging, cijfers_van, vergelijk
from voorstel.cli import main

SLEUTEL = ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml"
KOSTEN = "financiën, Kosten JIM januari t/m juni 2025"
VERDELING = f"{KOSTEN}, Verdeelsleutel en financiële bijdrage per gemeente"


def kopie(map_: Path, naam: str = "jim.yaml") -> Path:
    """The regional example and its key in a folder of their own."""
    map_.mkdir(parents=True, exist_ok=True)
    shutil.copy(SLEUTEL, map_ / SLEUTEL.name)
    return Path(shutil.copy(VOORBEELD, map_ / naam))


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text("utf-8")
    assert tekst.count(oud) == 1, oud
    pad.write_text(tekst.replace(oud, nieuw), "utf-8")


def test_twee_bestanden(tmp_path: Path) -> None:
    oud = kopie(tmp_path, "oud.yaml")
    nieuw = kopie(tmp_path, "nieuw.yaml")
    vervang(nieuw, "bedrag: 25000", "bedrag: 27500")
    vervang(nieuw, "totaal: 70000", "totaal: 72500")
    result = CliRunner().invoke(main, ["diff", str(oud), str(nieuw)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{KOSTEN}, Inzet systeemtherapeut JIM 8 u p.w., Bedrag: € 25.000,00 → € 27.500,00",
        f"{KOSTEN}, Totaal: € 70.000,00 → € 72.500,00",
        f"{VERDELING}, Altena, Bijdrage: € 12.831,00 → € 13.289,00",
        f"{VERDELING}, Breda, Bijdrage: € 36.442,00 → € 37.744,00",
        f"{VERDELING}, Drimmelen, Bijdrage: € 5.068,00 → € 5.249,00",
        f"{VERDELING}, Geertruidenberg, Bijdrage: € 4.333,00 → € 4.488,00",
        f"{VERDELING}, Oosterhout, Bijdrage: € 11.326,00 → € 11.730,00",
        f"{VERDELING}, Totaal, Bijdrage: € 70.000,00 → € 72.500,00",
        "versie voor Altena, bijdrage in de tekst: € 12.831,00 → € 13.289,00",
        "versie voor Breda, bijdrage in de tekst: € 36.442,00 → € 37.744,00",
        "versie voor Drimmelen, bijdrage in de tekst: € 5.068,00 → € 5.249,00",
        "versie voor Geertruidenberg, bijdrage in de tekst: € 4.333,00 → € 4.488,00",
        "versie voor Oosterhout, bijdrage in de tekst: € 11.326,00 → € 11.730,00",
        "13 cijfers gewijzigd",
    ]


def test_procenten_zoals_in_de_tabellen_en_alleen_gebruikte_tekstcijfers(tmp_path: Path) -> None:
    oud = kopie(tmp_path / "oud")
    nieuw = kopie(tmp_path / "nieuw")
    zin = "betekent dit een bijdrage van {{ bijdrage }}."
    vervang(nieuw, zin, zin.replace(".", " ({{ percentage }})."))
    sleutel = tmp_path / "nieuw" / SLEUTEL.name
    vervang(sleutel, 'Breda: "52,06%"', 'Breda: "52%"')
    vervang(sleutel, 'Oosterhout: "16,18%"', 'Oosterhout: "16,24%"')
    result = CliRunner().invoke(main, ["diff", str(oud), str(nieuw)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{VERDELING}, Breda, Percentage: 52,06% → 52,00%",
        f"{VERDELING}, Breda, Bijdrage: € 36.442,00 → € 36.400,00",
        f"{VERDELING}, Oosterhout, Percentage: 16,18% → 16,24%",
        f"{VERDELING}, Oosterhout, Bijdrage: € 11.326,00 → € 11.368,00",
        "versie voor Altena, percentage in de tekst: – → 18,33%",
        "versie voor Breda, bijdrage in de tekst: € 36.442,00 → € 36.400,00",
        "versie voor Breda, percentage in de tekst: – → 52,00%",
        "versie voor Drimmelen, percentage in de tekst: – → 7,24%",
        "versie voor Geertruidenberg, percentage in de tekst: – → 6,19%",
        "versie voor Oosterhout, bijdrage in de tekst: € 11.326,00 → € 11.368,00",
        "versie voor Oosterhout, percentage in de tekst: – → 16,24%",
        "11 cijfers gewijzigd",
    ]
    assert cijfers_van(nieuw)[f"{VERDELING}, Totaal, Percentage"] == "100,00%"


def test_zelfde_cijfers(tmp_path: Path) -> None:
    oud = kopie(tmp_path, "oud.yaml")
    nieuw = kopie(tmp_path, "nieuw.yaml")
    vervang(nieuw, "onderwerp: Continuïteit pilot JIM", "onderwerp: Vervolg pilot JIM")
    result = CliRunner().invoke(main, ["diff", str(oud), str(nieuw)])
    assert result.stdout == "0 cijfers gewijzigd\n"


def test_nieuw_en_vervallen() -> None:
    assert [
        str(w)
        for w in vergelijk({"a, Totaal": "€ 1,00", "b": "2"}, {"a, Totaal": "€ 1,00", "c": "3"})
    ] == ["c: – → 3", "b: 2 → –"]
    assert Wijziging("x", "1", "2").__str__() == "x: 1 → 2"


def git(map_: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=map_,
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
def test_rev_leest_ook_de_sleutel_uit_git(tmp_path: Path) -> None:
    document = kopie(tmp_path / "repo" / "data")
    repo = tmp_path / "repo"
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "eerste")
    sleutel = repo / "data" / SLEUTEL.name
    vervang(sleutel, 'Breda: "52,06%"', 'Breda: "51,06%"')
    vervang(sleutel, 'Oosterhout: "16,18%"', 'Oosterhout: "17,18%"')
    git(repo, "commit", "-qam", "nieuwe sleutel")
    vervang(sleutel, 'Altena: "18,33%"', 'Altena: "17,33%"')  # not committed
    vervang(sleutel, 'Drimmelen: "7,24%"', 'Drimmelen: "8,24%"')
    result = CliRunner().invoke(main, ["diff", "--rev", "HEAD~1..HEAD", str(document)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{VERDELING}, Breda, Percentage: 52,06% → 51,06%",
        f"{VERDELING}, Breda, Bijdrage: € 36.442,00 → € 35.742,00",
        f"{VERDELING}, Oosterhout, Percentage: 16,18% → 17,18%",
        f"{VERDELING}, Oosterhout, Bijdrage: € 11.326,00 → € 12.026,00",
        "versie voor Breda, bijdrage in de tekst: € 36.442,00 → € 35.742,00",
        "versie voor Oosterhout, bijdrage in de tekst: € 11.326,00 → € 12.026,00",
        "6 cijfers gewijzigd",
    ]
    nu = CliRunner().invoke(main, ["diff", "--rev", "HEAD..", str(document)])
    assert "Altena, Percentage: 18,33% → 17,33%" in nu.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
def test_rev_fout_in_oude_versie_noemt_de_revisie(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    document = kopie(repo)
    vervang(document, "onderwerp:", "onderwrp:")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "kapot")
    result = CliRunner().invoke(main, ["diff", "--rev", "HEAD..", str(document)])
    assert result.exit_code == 1
    assert "HEAD:jim.yaml:" in result.stderr and "onbekend veld 'onderwrp'" in result.stderr


def test_verkeerd_gebruik(tmp_path: Path) -> None:
    een = kopie(tmp_path)
    assert CliRunner().invoke(main, ["diff", str(een)]).exit_code == 2
    result = CliRunner().invoke(main, ["diff", "--rev", "HEAD", str(een), str(een)])
    assert result.exit_code == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
@pytest.mark.parametrize("bereik", ["HEAD~5..HEAD", "bestaatniet..", "--output=uit.tar..HEAD"])
def test_rev_onbekende_versie(tmp_path: Path, bereik: str) -> None:
    repo = tmp_path / "repo"
    document = kopie(repo)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "eerste")
    result = CliRunner().invoke(main, ["diff", f"--rev={bereik}", str(document)])
    assert result.exit_code == 1
    revisie = bereik.partition("..")[0]
    assert result.stderr == (
        f"fout: '{revisie}' is geen bestaande versie in de git-repository {repo}; geef een "
        "commit, tak of bijvoorbeeld HEAD~1 (zie 'git log' voor wat er is)\n"
    )
    assert not (repo / "uit.tar").exists()


def test_rev_buiten_git(tmp_path: Path) -> None:
    document = kopie(tmp_path / "los")
    result = CliRunner().invoke(main, ["diff", "--rev=HEAD..", str(document)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"{document}: staat niet in een git-repository; --rev vergelijkt versies uit git, "
        "vergelijk anders twee bestanden: OUD en NIEUW\n"
    )
