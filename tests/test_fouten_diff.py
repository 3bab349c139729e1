"""The fault matrix, `diff --rev` (case 16): only the files a document needs come out of git.

It unpacked the whole repository with `git archive`, so a large unrelated file was written
out for nothing, and any symlink pointing outside the tree made tarfile's data filter crash
the command. Now each file is taken from git on its own, a symlink is never followed, and a
file that is not in the revision is named with the revision.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, VOORBEELD
from voorstel.bouwen import verschil
from voorstel.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")

SLEUTEL = ROOT / "data" / "wbo" / "verdeelsleutel-wbo-2024.yaml"
VERWIJZING = f"verdeelsleutel: {SLEUTEL.name}"


def git(map_: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=map_,
        check=True,
        capture_output=True,
    )


def repo(map_: Path) -> Path:
    """A repository with the regional example and its key under data/, a symlink to
    /etc/passwd and one to a folder outside the repository, and a large unrelated file;
    committed once. Returns the document."""
    (map_ / "data").mkdir(parents=True)
    shutil.copy(SLEUTEL, map_ / "data" / SLEUTEL.name)
    document = Path(shutil.copy(VOORBEELD, map_ / "data" / "jim.yaml"))
    (map_ / "wachtwoorden").symlink_to("/etc/passwd")
    (map_ / "buiten").symlink_to(map_.parent)
    with (map_ / "archief.bin").open("wb") as groot:
        groot.truncate(8 * 1024 * 1024)
    git(map_, "init", "-q")
    git(map_, "add", ".")
    git(map_, "commit", "-qm", "eerste")
    return document


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text("utf-8")
    assert tekst.count(oud) == 1, oud
    pad.write_text(tekst.replace(oud, nieuw), "utf-8")


def diff(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.stdout, result.stderr


def test_rev_haalt_alleen_de_gebruikte_bestanden_uit_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A symlink to /etc/passwd and an 8 MB file in the repository: diff --rev works, and
    the folder the revision is read from holds the document and its key, nothing else."""
    document = repo(tmp_path / "repo")
    vervang(document, "bedrag: 25000", "bedrag: 27500")
    vervang(document, "totaal: 70000", "totaal: 72500")
    git(tmp_path / "repo", "commit", "-qam", "hoger bedrag")

    inhoud: list[list[str]] = []
    echt = verschil.cijfers_van

    def cijfers_van(pad: Path) -> verschil.Cijfers:
        uitkomst = echt(pad)
        if "voorstel-diff-" in str(pad):  # a revision, not the file as it is now
            map_ = pad.parents[1]
            inhoud.append(sorted(p.relative_to(map_).as_posix() for p in map_.rglob("*")))
        return uitkomst

    monkeypatch.setattr(verschil, "cijfers_van", cijfers_van)
    code, uit, fout = diff("--rev", "HEAD~1..HEAD", str(document))
    assert code == 0, fout
    assert uit.splitlines()[0].endswith("Bedrag: € 25.000,00 → € 27.500,00")
    assert uit.splitlines()[-1] == "13 cijfers gewijzigd"
    nodig = ["data", "data/jim.yaml", f"data/{SLEUTEL.name}", "voorstel.toml"]
    assert inhoud == [nodig, nodig]
    code, uit, fout = diff("--rev", "HEAD..", str(document))
    assert (code, uit) == (0, "0 cijfers gewijzigd\n"), fout


@pytest.mark.parametrize(
    ("verwijzing", "waar"),
    [
        ("../wachtwoorden", "HEAD:wachtwoorden verwijst naar '/etc/passwd'"),
        (f"../buiten/{SLEUTEL.name}", "in het pad (HEAD:buiten verwijst naar '"),
    ],
)
def test_rev_volgt_geen_snelkoppeling_uit_git(tmp_path: Path, verwijzing: str, waar: str) -> None:
    """A key that is a symlink at that revision (or lies behind one) is refused at the
    line that refers to it; its target is never read."""
    document = repo(tmp_path / "repo")
    vervang(document, VERWIJZING, f"verdeelsleutel: {verwijzing}")
    git(tmp_path / "repo", "commit", "-qam", "sleutel via een snelkoppeling")
    code, uit, fout = diff("--rev", "HEAD..", str(document))
    assert code == 1
    assert uit == ""
    assert fout.startswith(
        f"HEAD:data/jim.yaml:7: regio.verdeelsleutel: '{verwijzing}' is in versie HEAD een "
        "snelkoppeling"
    )
    assert waar in fout
    assert fout.rstrip().endswith(
        "voorstel volgt geen snelkoppelingen uit git: verwijs naar het bestand zelf"
    )


def test_rev_ontbrekend_bestand_noemt_versie_en_pad(tmp_path: Path) -> None:
    """The key was added after the older revision: the message names the revision and
    the path it looked for, at the line that refers to it."""
    map_ = tmp_path / "repo"
    document = repo(map_)
    nieuw = map_ / "data" / "sleutel-2025.yaml"
    shutil.copy(SLEUTEL, nieuw)
    vervang(document, VERWIJZING, "verdeelsleutel: sleutel-2025.yaml")
    git(map_, "add", ".")
    git(map_, "commit", "-qm", "nieuwe sleutel")
    git(map_, "rm", "-q", "data/sleutel-2025.yaml")
    git(map_, "commit", "-qm", "sleutel weg")
    nieuw.write_bytes(SLEUTEL.read_bytes())  # in the working tree, but not in HEAD
    code, _, fout = diff("--rev", "HEAD..", str(document))
    assert code == 1
    assert fout.splitlines()[0] == (
        "HEAD:data/jim.yaml:7: regio.verdeelsleutel: 'sleutel-2025.yaml' bestaat niet in "
        "versie HEAD (gezocht: HEAD:data/sleutel-2025.yaml); controleer de naam en de "
        "versie, of vergelijk met een versie waarin het bestand er al was"
    )


def test_rev_document_ontbreekt_in_de_versie(tmp_path: Path) -> None:
    map_ = tmp_path / "repo"
    repo(map_)
    later = Path(shutil.copy(VOORBEELD, map_ / "data" / "later.yaml"))
    git(map_, "add", ".")
    git(map_, "commit", "-qm", "later")
    code, _, fout = diff("--rev", "HEAD~1..HEAD", str(later))
    assert code == 1
    assert fout == (
        "fout: het document bestaat niet in versie HEAD~1 (gezocht: HEAD~1:data/later.yaml); "
        "controleer de naam en de versie, of vergelijk met een versie waarin het bestand er "
        "al was\n"
    )
