"""The second fault matrix, numbers and keys (cases 11, 18, 23)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import MINIMAAL
from voorstel.cli import main

SLEUTEL = """\
soort: verdeelsleutel
naam: Proef
normaliseren: true
componenten:
  - naam: Inwoners
    aandeel: "{aandeel}"
    gewichten:
{gewichten}
"""


def sleutel(tmp_path: Path, aandeel: str, **gewichten: str) -> Path:
    pad = tmp_path / "sleutel.yaml"
    regels = "\n".join(f'      {g}: "{w}"' for g, w in gewichten.items())
    pad.write_text(SLEUTEL.format(aandeel=aandeel, gewichten=regels), encoding="utf-8")
    return pad


def test_te_grote_bedragen_worden_geweigerd(tmp_path: Path) -> None:
    """Case 11: 1234567890123456789012345678901 + 1 printed as ...345.679.000."""
    bron = tmp_path / "groot.yaml"
    bron.write_text(
        MINIMAAL
        + "financien:\n  onderdelen:\n    - tabel:\n        posten:\n"
        + "          - {onderdeel: a, bedrag: 1234567890123456789012345678901}\n"
        + "          - {onderdeel: b, bedrag: 999999999999999}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(bron)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{bron}:13: financien.onderdelen[0].tabel.posten[0].bedrag: "
        "1.234.567.890.123.456.789.012.345.678.901 heeft meer dan 15 cijfers vóór de komma; "
        "zo'n bedrag (1.000 biljoen of meer) rekent voorstel niet, omdat het niet meer exact "
        "kan: controleer het getal"
    )
    assert "posten[1]" not in result.output  # 15 digits are fine


def test_allocate_weigert_te_groot_bedrag(tmp_path: Path) -> None:
    pad = sleutel(tmp_path, "100%", Dalfsen="60%", Ommen="40%")
    result = CliRunner().invoke(main, ["allocate", str(pad), "1234567890123456789012345678901"])
    assert result.exit_code == 1
    assert "heeft meer dan 15 cijfers vóór de komma" in result.output
    goed = CliRunner().invoke(main, ["allocate", str(pad), "999999999999999"])
    assert goed.exit_code == 0
    assert goed.output.splitlines()[-1].split()[-2:] == ["€", "999.999.999.999.999"]


def test_normaliseren_met_alle_aandelen_nul_is_een_fout(tmp_path: Path) -> None:
    """Case 18: it passed validate, then failed in allocate and build without a place."""
    pad = sleutel(tmp_path, "0%", Dalfsen="60%", Ommen="40%")
    for args in (["validate", str(pad)], ["allocate", str(pad), "1000"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1
        assert (
            f"{pad}:4: componenten: de aandelen van de componenten zijn samen 0%; ook met "
            "'normaliseren' valt er niets naar verhouding te verdelen"
        ) in result.output


def test_normaliseren_dat_veel_schaalt_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """Case 23: one gemeente at 12% got 100% of the amount, scaled 8.3x, without a word."""
    pad = sleutel(tmp_path, "100%", Dalfsen="12%")
    melding = (
        f"{pad}:7: componenten[0].gewichten: waarschuwing: de percentages van 'Inwoners' "
        "tellen op tot 12,00%; 'normaliseren' schaalt ze met factor 8,33 naar 100%, meer dan "
        "een afrondingsverschil; controleer of er geen gemeente of component ontbreekt"
    )
    for args in (["validate", str(pad)], ["allocate", str(pad), "1000"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        assert melding in result.output
    afronding = sleutel(tmp_path, "100%", Dalfsen="33,33%", Ommen="33,33%", Raalte="33,33%")
    assert "waarschuwing" not in CliRunner().invoke(main, ["validate", str(afronding)]).output


def test_waarschuwing_van_de_sleutel_bij_het_voorstel(tmp_path: Path) -> None:
    sleutel(tmp_path, "100%", Dalfsen="12%")
    bron = tmp_path / "voorstel.yaml"
    bron.write_text(
        MINIMAAL.replace("kopblok:", "gemeente: Dalfsen\nkopblok:")
        + "financien:\n  onderdelen:\n    - verdeling:\n        sleutel: sleutel.yaml\n"
        + "        bedrag: 1000\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", str(bron), "--out", str(tmp_path / "uit")])
    assert result.exit_code == 0, result.output
    assert f"{tmp_path / 'sleutel.yaml'}:7: componenten[0].gewichten: waarschuwing:" in (
        result.output
    )
