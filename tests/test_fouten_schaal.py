"""Fault matrix 26: a regional proposal of hundreds of gemeenten grows linearly.

Each variant is computed, rendered and handed to its temporary file before the next one
is computed; the allocation is computed once for all variants; a gemeente's version of a
large region carries its own row and one for the others, not the whole table. (Time and
memory are measured side by side in `make bench`, not here.)
"""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document

from conftest import ROOT
from voorstel.blokken import tabellen
from voorstel.blokken.verdeelsleutel import Verdeelsleutel
from voorstel.bouwen import build
from voorstel.bouwen.build import bouw_bestand, laad_en_valideer
from voorstel.pijplijn import compute, write
from voorstel.pijplijn.write import TIJDELIJK_ACHTERVOEGSEL, TIJDELIJK_VOORVOEGSEL


def regio(map_: Path, aantal: int) -> Path:
    """data/wbo/jim.yaml for a region of `aantal` gemeenten."""
    map_.mkdir(parents=True, exist_ok=True)
    gewichten = "".join(f"      Gemeente {i:03d}: {100 + i}\n" for i in range(aantal))
    (map_ / "verdeelsleutel-wbo-2024.yaml").write_text(
        "soort: verdeelsleutel\nnaam: Testregio\nnormaliseren: true\ncomponenten:\n"
        f'  - naam: Inwoners\n    aandeel: "100%"\n    gewichten:\n{gewichten}',
        encoding="utf-8",
    )
    (map_ / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copy(ROOT / "data" / "wbo" / "jim.yaml", map_ / "jim.yaml")
    return map_ / "jim.yaml"


def test_varianten_een_voor_een_en_de_verdeling_een_keer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bron = regio(tmp_path, 40)
    gevalideerd = laad_en_valideer(bron)
    verdeeld: list[Decimal] = []
    echt = Verdeelsleutel.verdeel

    def tel(self: Verdeelsleutel, bedrag: Decimal) -> object:
        verdeeld.append(bedrag)
        return echt(self, bedrag)

    monkeypatch.setattr(Verdeelsleutel, "verdeel", tel)
    stroom = compute.varianten(gevalideerd.document, gevalideerd.sleutels)
    eerste = next(stroom)  # lazily: the overview, and no gemeente computed yet
    assert eerste[0] is None
    alle = [eerste, *stroom]
    assert len(alle) == 41
    assert len(verdeeld) == 1  # not once per gemeente


def test_elke_variant_is_geschreven_voor_de_volgende_berekend_wordt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bron = regio(tmp_path / "data", 30)
    gebeurd: list[str] = []
    echt_compute = compute.compute
    echt_zet = write.Klus.zet

    def reken(*args: object, **kwargs: object) -> object:
        gebeurd.append(f"bereken {kwargs.get('overzicht') or args[2] if len(args) > 2 else ''}")
        return echt_compute(*args, **kwargs)  # type: ignore[arg-type]

    def zet(self: write.Klus, rel: Path, data: bytes) -> None:
        gebeurd.append("zet")
        echt_zet(self, rel, data)

    monkeypatch.setattr(compute, "compute", reken)
    monkeypatch.setattr(write.Klus, "zet", zet)
    kept: list[dict[str, bytes]] = []
    echt_render = build.render_document

    def render(*args: object, **kwargs: object) -> dict[str, bytes]:
        uit = echt_render(*args, **kwargs)  # type: ignore[arg-type]
        kept.append(uit)
        return uit

    monkeypatch.setattr(build, "render_document", render)
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("docx", "md"))
    assert resultaat.fout is None, resultaat.fout
    assert len(resultaat.geschreven) == 31 * 2
    assert kept == [{}]  # nothing kept in memory: every output went to its file
    # compute, then its two outputs, then the next compute: never all computed first
    berekend = [i for i, g in enumerate(gebeurd) if g.startswith("bereken")]
    assert len(berekend) == 31
    assert all(gebeurd[i + 1 : i + 3] == ["zet", "zet"] for i in berekend)


def test_versie_van_een_grote_regio_heeft_eigen_rij_en_de_rest(tmp_path: Path) -> None:
    bron = regio(tmp_path / "data", tabellen.VOLLEDIG_TOT + 5)
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("docx",))
    assert resultaat.fout is None, resultaat.fout
    namen = {p.name: p for p in resultaat.geschreven}
    tabellen_ = [
        [[c.text for c in rij.cells] for rij in tabel.rows]
        for tabel in Document(str(namen["jim-gemeente-007.docx"])).tables
    ]
    _kop, eigen, overige, totaal = next(t for t in tabellen_ if t[0][0] == "Gemeente")
    assert eigen[0] == "Gemeente 007"
    assert overige[0] == f"Overige {tabellen.VOLLEDIG_TOT + 4} gemeenten"
    assert totaal == ["Totaal", "100,00%", "€ 70.000,00"]

    def bedrag(tekst: str) -> Decimal:
        return Decimal(tekst.removeprefix("€ ").replace(".", "").replace(",", "."))

    assert bedrag(eigen[2]) + bedrag(overige[2]) == bedrag(totaal[2])  # it foots
    overzicht = Document(str(namen["jim.docx"]))
    alle = [r for t in overzicht.tables for r in t.rows if r.cells[0].text.startswith("Gemeente ")]
    assert len(alle) == tabellen.VOLLEDIG_TOT + 5  # the overview has every gemeente


def test_een_kleine_regio_houdt_de_hele_tabel_per_gemeente(tmp_path: Path) -> None:
    bron = regio(tmp_path / "data", tabellen.VOLLEDIG_TOT)
    resultaat = bouw_bestand(bron, tmp_path / "uit", ("md",))
    assert resultaat.fout is None, resultaat.fout
    tekst = (tmp_path / "uit" / "jim-gemeente-003.md").read_text(encoding="utf-8")
    assert len(re.findall(r"^\| (?:\*\*)?Gemeente \d", tekst, re.M)) == tabellen.VOLLEDIG_TOT
    assert "Overige" not in tekst


def test_mislukte_variant_laat_geen_halve_bestanden(tmp_path: Path) -> None:
    """A variant that fails halfway (two names that collide) removes the temporary files
    of the variants before it, and the folders made for them."""
    bron = regio(tmp_path / "data", 3)
    sleutel = tmp_path / "data" / "verdeelsleutel-wbo-2024.yaml"
    sleutel.write_text(
        sleutel.read_text(encoding="utf-8") + "      gemeente 001: 5\n", encoding="utf-8"
    )
    resultaat = bouw_bestand(bron, tmp_path / "uit" / "diep", ("md",))
    assert resultaat.fout is not None
    assert not (tmp_path / "uit").exists()


def test_volgende_build_ruimt_halve_bestanden_van_een_gedode_op(tmp_path: Path) -> None:
    """Case 4: a build killed while writing leaves .voorstel-XXXX.tmp; the next build into
    that folder removes them (under the lock, so never another build's)."""
    from click.testing import CliRunner

    from voorstel.cli import main

    data = tmp_path / "data"
    bron = regio(data, 2)
    uit = tmp_path / "uit"
    (uit / "sub").mkdir(parents=True)
    half = [
        uit / f"{TIJDELIJK_VOORVOEGSEL}abcd1234{TIJDELIJK_ACHTERVOEGSEL}",
        uit / "sub" / f"{TIJDELIJK_VOORVOEGSEL}x{TIJDELIJK_ACHTERVOEGSEL}",
    ]
    for pad in half:
        pad.write_bytes(b"half")
    eigen = uit / "notities.tmp"  # not ours: left alone
    eigen.write_bytes(b"van de gebruiker")
    result = CliRunner().invoke(main, ["build", str(bron), "--out", str(uit), "-q"])
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in half)
    assert eigen.read_bytes() == b"van de gebruiker"
