"""Openbaarheid: a document that is not public says so on every page and in its file name,
and is left out of output for publication (`voorstel build --publicatie`)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.bouwen.staat import STAATBESTAND
from voorstel.cli import main

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def _document(root: Path, naam: str, stand: str) -> Path:
    path = root / f"{naam}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    tekst = MINIMAAL.replace(
        "  datum: 2024-12-05\n", f"  datum: 2024-12-05\n  openbaarheid: {stand}\n"
    )
    path.write_text(tekst, "utf-8")
    return path


def _koppen_per_sectie(docx: Path) -> list[str]:
    """The text of the header each section shows on its pages (default, first, even)."""
    with zipfile.ZipFile(docx) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        doelen = {r.get("Id"): r.get("Target") for r in rels}
        teksten = []
        secties = body.findall(".//w:sectPr", NS)
        assert secties
        for sectie in secties:
            verwijzingen = sectie.findall("w:headerReference", NS)
            assert verwijzingen, "een sectie zonder koptekst"
            for verwijzing in verwijzingen:
                deel = etree.fromstring(
                    archive.read("word/" + doelen[verwijzing.get(f"{{{R}}}id")])
                )
                teksten.append("".join(deel.itertext()))
    return teksten


@pytest.mark.parametrize("stand", ["vertrouwelijk", "geheim"])
def test_niet_openbaar_staat_op_elke_pagina_en_in_de_naam(tmp_path: Path, stand: str) -> None:
    bron = _document(tmp_path / "data", "voorstel", stand)
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("docx", "md"))
    assert resultaat.gelukt, str(resultaat.fout)
    assert sorted(p.name for p in resultaat.geschreven) == [
        f"voorstel-{stand}.docx",
        f"voorstel-{stand}.md",
    ]
    docx = tmp_path / "uit" / f"voorstel-{stand}.docx"
    assert _koppen_per_sectie(docx) == [stand.upper()]
    md = (tmp_path / "uit" / f"voorstel-{stand}.md").read_text("utf-8")
    assert f"| {stand.capitalize()}" in md


def test_openbaar_heeft_geen_markering(tmp_path: Path) -> None:
    bron = _document(tmp_path / "data", "voorstel", "openbaar")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("docx",))
    assert [p.name for p in resultaat.geschreven] == ["voorstel.docx"]
    assert _koppen_per_sectie(tmp_path / "uit" / "voorstel.docx") == [""]


def test_publicatie_slaat_niet_openbare_documenten_over(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _document(data, "a-openbaar", "openbaar")
    _document(data, "b-vertrouwelijk", "vertrouwelijk")
    _document(data, "c-geheim", "geheim")
    (data / "voorstel.toml").write_text('[organisatie]\ntooi = "gm0826"\n', "utf-8")
    out = tmp_path / "uit"
    result = CliRunner().invoke(main, ["build", str(data), "--out", str(out), "--publicatie"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"geschreven: {out / 'a-openbaar.docx'}",
        f"geschreven: {out / 'a-openbaar.md'}",
        f"geschreven: {out / 'a-openbaar.diwoo.xml'}",
        f"gelakt in {data / 'a-openbaar.yaml'}: niets",
        f"overgeslagen: {data / 'b-vertrouwelijk.yaml'} is vertrouwelijk en hoort niet in "
        "uitvoer voor publicatie",
        f"overgeslagen: {data / 'c-geheim.yaml'} is geheim en hoort niet in uitvoer voor "
        "publicatie",
        "1 van 3 documenten gemaakt, 2 overgeslagen (niet openbaar)",
    ]
    assert sorted(p.name for p in out.iterdir() if p.name != STAATBESTAND) == [
        "a-openbaar.diwoo.xml",
        "a-openbaar.docx",
        "a-openbaar.md",
        "sitemap.xml",
    ]


def test_zonder_publicatie_worden_alle_documenten_gemaakt(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _document(data, "a", "openbaar")
    _document(data, "b", "geheim")
    out = tmp_path / "uit"
    result = CliRunner().invoke(main, ["build", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.name != STAATBESTAND) == [
        "a.docx",
        "a.md",
        "b-geheim.docx",
        "b-geheim.md",
    ]
