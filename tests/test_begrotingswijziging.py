"""The begrotingswijziging: a computed table per programma and taakveld, checked against
the BBV list, whose saldo foots per year (in euros and 'x € 1.000') and feeds the prose."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.kern.errors import ValidatieFout
from voorstel.kern.finance import schaal
from voorstel.pijplijn.compute import compute
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]

WIJZIGING = """\
financien:
  onderdelen:
    - begrotingswijziging:
        begrotingsjaar: 2026
        duizendtallen: {duizendtallen}
        regels:
          - programma: Ruimte
            taakveld: "{taakveld}"
            omschrijving: Voorbereiding
            soort: lasten
            aard: incidenteel
            bedragen: {{2026: 120400, {jaar}: 1600}}
          - programma: Ruimte
            taakveld: "2.1"
            omschrijving: Inspecties
            soort: lasten
            aard: structureel
            bedragen: {{2027: 12400, 2028: 12400, 2029: 12400}}
          - programma: Ruimte
            taakveld: "5.5"
            omschrijving: Subsidie provincie
            soort: baten
            aard: incidenteel
            bedragen: {{2026: 12600}}
          - programma: Algemeen
            taakveld: "0.10"
            omschrijving: Onttrekking reserve
            aard: incidenteel
            reserve: onttrekking
            bedragen: {{2026: 120000}}
        saldo: {{2026: {saldo}}}
"""
"""A collegevoorstel's begrotingswijziging: the taakveld on line 16, the year on line 19,
the stated saldo on line 38."""


def tekst(
    taakveld: str = "2.1",
    jaar: int = 2027,
    saldo: int = 12200,
    duizendtallen: str = "false",
    beslispunt: str = "De begroting 2026 te wijzigen; saldo 2026: {{ saldo_2026 }}.",
) -> str:
    basis = MINIMAAL.replace("  - Iets te besluiten.", f"  - '{beslispunt}'")
    return basis + WIJZIGING.format(
        taakveld=taakveld, jaar=jaar, saldo=saldo, duizendtallen=duizendtallen
    )


def context(tree: Tree, text: str) -> dict[str, object]:
    gevalideerd = validate(load(tree({"doc.yaml": text})["doc.yaml"]))
    assert gevalideerd.waarschuwingen == []
    return compute(gevalideerd.document)


def problemen(tree: Tree, text: str) -> list[str]:
    path = tree({"doc.yaml": text})["doc.yaml"]
    with pytest.raises(ValidatieFout) as info:
        validate(load(path))
    return [str(p).removeprefix(f"{path}:") for p in info.value.problemen]


def tabel(ctx: dict[str, object]) -> dict[str, list[list[str]]]:
    from voorstel.uitvoer.tabel import cel_tekst

    view = ctx["financien"]["onderdelen"][0]["begrotingswijziging"]  # type: ignore[index]
    rijen = {f"{r[0].waarde}|{r[1].waarde}": r for r in view.rijen}
    rijen["Saldo|"] = view.voet
    return {k: [cel_tekst(c) for c in r[4:]] for k, r in rijen.items()}


def som(kolom: list[str]) -> int:
    return sum(int(t.replace(".", "")) for t in kolom)


def test_saldo_klopt_per_jaar_in_euros(tree: Tree) -> None:
    rijen = tabel(context(tree, tekst()))
    assert rijen["Totaal lasten|"] == ["120.400", "14.000", "12.400", "12.400"]
    assert rijen["Totaal baten|"] == ["132.600", "0", "0", "0"]
    assert rijen["Saldo|"] == ["12.200 V", "14.000 N", "12.400 N", "12.400 N"]
    assert rijen["2.1 Verkeer en vervoer|Voorbereiding"] == ["120.400", "1.600", "0", "0"]


def test_saldo_klopt_per_jaar_in_duizendtallen(tree: Tree) -> None:
    ctx = context(tree, tekst(duizendtallen="true", saldo=12200))
    rijen = tabel(ctx)
    lasten = [
        rijen[k]
        for k in ("2.1 Verkeer en vervoer|Voorbereiding", "2.1 Verkeer en vervoer|Inspecties")
    ]
    baten = [
        rijen[k]
        for k in (
            "5.5 Cultureel erfgoed|Subsidie provincie",
            "0.10 Mutaties reserves|Onttrekking reserve",
        )
    ]
    for jaar in range(4):
        totaal_lasten = som([r[jaar] for r in lasten])
        totaal_baten = som([r[jaar] for r in baten])
        assert str(totaal_lasten) == rijen["Totaal lasten|"][jaar].replace(".", "")
        assert str(totaal_baten) == rijen["Totaal baten|"][jaar].replace(".", "")
    # 2026: 132.600 - 120.400 = 12.200 V, which is 12 in thousands; the lines add up to it
    assert rijen["Saldo|"] == ["12 V", "14 N", "12 N", "12 N"]
    assert rijen["Totaal lasten|"][0] == "120" and rijen["Totaal baten|"][0] == "132"
    view = ctx["financien"]["onderdelen"][0]["begrotingswijziging"]  # type: ignore[index]
    assert view.titel == "Begrotingswijziging 2026 (bedragen x € 1.000)"


@given(st.lists(st.integers(-(10**9), 10**9), min_size=1, max_size=12))
def test_schalen_telt_op_tot_het_afgeronde_totaal(bedragen: list[int]) -> None:
    geschaald = schaal([Decimal(b) for b in bedragen], Decimal(1000))
    exact = Decimal(sum(bedragen)) / 1000
    assert sum(geschaald) == exact.quantize(Decimal(1), rounding="ROUND_HALF_UP")
    assert all(abs(g - Decimal(b) / 1000) < 1 for g, b in zip(geschaald, bedragen, strict=True))


def test_opgegeven_saldo_dat_afwijkt(tree: Tree) -> None:
    assert problemen(tree, tekst(saldo=-200)) == [
        "39: financien.onderdelen[0].begrotingswijziging.saldo[2026]: het opgegeven saldo "
        "2026 (€ 200 N) wijkt af van het berekende saldo (€ 12.200 V: baten € 132.600 min "
        "lasten € 120.400); pas het saldo of de regels aan (of laat 'saldo' weg)"
    ]


def test_onbekend_taakveld(tree: Tree) -> None:
    assert problemen(tree, tekst(taakveld="2.7", saldo=12200)) == [
        "16: financien.onderdelen[0].begrotingswijziging.regels[0].taakveld: taakveld '2.7' "
        "bestaat niet in de BBV-lijst van taakvelden (0.1 Bestuur tot en met 8.3 Wonen en "
        "bouwen); hoofdtaakveld 2 kent 2.1, 2.2, 2.3, 2.4, 2.5"
    ]


def test_jaar_buiten_de_meerjarenraming(tree: Tree) -> None:
    assert problemen(tree, tekst(jaar=2031, saldo=12200)) == [
        "20: financien.onderdelen[0].begrotingswijziging.regels[0].bedragen[2031]: het jaar "
        "2031 valt buiten de begroting 2026 en de meerjarenraming 2027-2029; kies uit 2026, "
        "2027, 2028, 2029"
    ]


def test_reserve_alleen_via_taakveld_0_10(tree: Tree) -> None:
    fout = tekst(saldo=12200).replace('taakveld: "0.10"', 'taakveld: "0.1"')
    assert problemen(tree, fout) == [
        "34: financien.onderdelen[0].begrotingswijziging.regels[3].taakveld: een onttrekking "
        "aan een reserve loopt via taakveld 0.10 (Mutaties reserves), niet via 0.1"
    ]


def test_beslispunt_volgt_het_saldo_van_de_tabel(tree: Tree, tmp_path: Path) -> None:
    bron = tree({"doc.yaml": tekst(saldo=12200)})["doc.yaml"]
    resultaat = bouw_bestand(bron, tmp_path / "a", ["md"])
    assert resultaat.fout is None, str(resultaat.fout)
    md = (tmp_path / "a" / "doc.md").read_text(encoding="utf-8")
    assert "1. De begroting 2026 te wijzigen; saldo 2026: € 12.200 V." in md
    bron.write_text(tekst(saldo=-7800).replace("{2026: 12600}", "{2026: -7400}"), encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "b", ["md"])
    assert resultaat.fout is None, str(resultaat.fout)
    md = (tmp_path / "b" / "doc.md").read_text(encoding="utf-8")
    assert "1. De begroting 2026 te wijzigen; saldo 2026: € 7.800 N." in md


def test_onbekend_begrotingscijfer_geeft_een_waarschuwing(tree: Tree) -> None:
    text = tekst(saldo=12200, beslispunt="Saldo {{ saldo_2030 }}.")
    gevalideerd = validate(load(tree({"doc.yaml": text})["doc.yaml"]))
    assert [p.message for p in gevalideerd.waarschuwingen] == [
        "{{ saldo_2030 }} is geen bekend cijfer en blijft letterlijk staan; bedoelde u "
        "{{ saldo_2029 }}?"
    ]
