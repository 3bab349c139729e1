"""Stale outputs: what a document made before but no longer makes is removed from the
output folder (and only from there), also when it is skipped for publication."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from conftest import MINIMAAL
from voorstel.bouwen.staat import STAATBESTAND
from voorstel.cli import main


def _schrijf(bron: Path, stand: str = "openbaar") -> None:
    bron.parent.mkdir(parents=True, exist_ok=True)
    (bron.parent / "voorstel.toml").write_text('[organisatie]\ntooi = "gm0826"\n', "utf-8")
    regel = f"  datum: 2024-12-05\n  openbaarheid: {stand}\n"
    bron.write_text(MINIMAAL.replace("  datum: 2024-12-05\n", regel), "utf-8")


def _bouw(bron: Path, out: Path, *opties: str) -> Result:
    args = ["build", str(bron.parent), "--out", str(out), "--jobs", "1", *opties]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result


def _bestanden(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name != STAATBESTAND)


def test_geheim_geworden_verdwijnt_uit_de_publicatiemap(tmp_path: Path) -> None:
    bron = tmp_path / "data" / "a.yaml"
    publ = tmp_path / "publ"
    _schrijf(bron)
    _bouw(bron, publ, "--publicatie")
    assert _bestanden(publ) == ["a.diwoo.xml", "a.docx", "a.md", "sitemap.xml"]
    _schrijf(bron, "geheim")
    result = _bouw(bron, publ, "--publicatie")
    assert _bestanden(publ) == ["sitemap.xml"]  # which now lists nothing
    assert "<url>" not in (publ / "sitemap.xml").read_text("utf-8")
    assert result.stdout.splitlines() == [
        f"overgeslagen: {bron} is geheim en hoort niet in uitvoer voor publicatie",
        *(
            f"verwijderd: {publ / naam} (niet openbaar, hoort niet in uitvoer voor publicatie)"
            for naam in ("a.diwoo.xml", "a.docx", "a.md")
        ),
        "0 van 1 documenten gemaakt, 1 overgeslagen (niet openbaar), 3 oude bestanden verwijderd",
    ]
    assert _bouw(bron, publ, "--publicatie").stdout.splitlines() == ["0 van 1 documenten gewijzigd"]


def test_vertrouwelijk_geworden_laat_geen_ongemarkeerde_uitvoer(tmp_path: Path) -> None:
    bron = tmp_path / "data" / "a.yaml"
    out = tmp_path / "build"
    _schrijf(bron)
    _bouw(bron, out)
    _schrijf(bron, "vertrouwelijk")
    result = _bouw(bron, out)
    assert _bestanden(out) == ["a-vertrouwelijk.docx", "a-vertrouwelijk.md"]
    assert f"verwijderd: {out / 'a.docx'} (niet meer gemaakt)" in result.stdout.splitlines()
    _schrijf(bron)  # public again: the marked files go
    _bouw(bron, out)
    assert _bestanden(out) == ["a.docx", "a.md"]


def test_formaat_weggelaten_verdwijnt(tmp_path: Path) -> None:
    bron = tmp_path / "data" / "a.yaml"
    out = tmp_path / "build"
    _schrijf(bron)
    _bouw(bron, out, "--format", "md,html")
    assert _bestanden(out) == ["a.html", "a.md"]
    result = _bouw(bron, out, "--format", "md", "--quiet")
    assert _bestanden(out) == ["a.md"]
    assert result.stdout.splitlines() == ["1 van 1 documenten gemaakt, 1 oud bestand verwijderd"]


def test_mislukt_document_houdt_zijn_uitvoer_en_ruimt_later_op(tmp_path: Path) -> None:
    bron = tmp_path / "data" / "a.yaml"
    out = tmp_path / "build"
    _schrijf(bron)
    _bouw(bron, out)
    bron.write_text(MINIMAAL.replace("onderwerp:", "onderwrp:"), "utf-8")
    result = CliRunner().invoke(main, ["build", str(bron.parent), "--out", str(out)])
    assert result.exit_code == 1
    assert _bestanden(out) == ["a.docx", "a.md"]  # the old outputs stay while it fails
    _schrijf(bron, "vertrouwelijk")
    _bouw(bron, out)
    assert _bestanden(out) == ["a-vertrouwelijk.docx", "a-vertrouwelijk.md"]


def test_nooit_iets_buiten_de_uitvoermap_verwijderd(tmp_path: Path) -> None:
    bron = tmp_path / "data" / "a.yaml"
    out = tmp_path / "build"
    _schrijf(bron)
    _bouw(bron, out)
    buiten = tmp_path / "buiten.txt"
    buiten.write_text("van de gebruiker", "utf-8")
    (out / "map").mkdir()
    staat = json.loads((out / STAATBESTAND).read_text("utf-8"))
    [document] = staat["documenten"].values()
    document["uitvoer"].update({"../buiten.txt": [1, 1], "map": [1, 1]})
    (out / STAATBESTAND).write_text(json.dumps(staat), "utf-8")
    _schrijf(bron, "geheim")
    _bouw(bron, out)
    assert buiten.read_text("utf-8") == "van de gebruiker"
    assert (out / "map").is_dir()
    assert _bestanden(out) == ["a-geheim.docx", "a-geheim.md", "map"]
