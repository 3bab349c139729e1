"""The second fault matrix, crashes that become Dutch messages (cases 12, 13, 17)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.uitvoer import MAX_EIGENSCHAP, eigenschap


def test_lange_eigenschappen_worden_ingekort(tmp_path: Path) -> None:
    """Case 12: an onderwerp of 300 characters still builds; the property is cut at a word."""
    onderwerp = " ".join(["Herinrichting"] * 25)
    bron = tmp_path / "lang.yaml"
    bron.write_text(MINIMAAL.replace("Een onderwerp", onderwerp), encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ["docx"])
    assert resultaat.fout is None, str(resultaat.fout)
    with zipfile.ZipFile(tmp_path / "uit" / "lang.docx") as docx:
        core = docx.read("docProps/core.xml").decode()
        assert onderwerp in docx.read("word/document.xml").decode()  # the text itself is whole
    titel = core.split("<dc:title>")[1].split("</dc:title>")[0]
    assert len(titel) <= MAX_EIGENSCHAP and titel.endswith("Herinrichting…")
    assert eigenschap("kort") == "kort"


VOETNOOT_IN_VOETNOOT = MINIMAAL.replace(
    "samenvatting: Een korte samenvatting.\n",
    "samenvatting: |\n  Tekst[^a].\n\n  [^a]: Zie [^b].\n  [^b]: Tweede.\n",
)


def test_voetnoot_in_voetnoot_is_een_validatiefout(tmp_path: Path) -> None:
    """Case 13: it passed validate and crashed build with KeyError."""
    bron = tmp_path / "noot.yaml"
    bron.write_text(VOETNOOT_IN_VOETNOOT, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bron)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{bron}:8: samenvatting: voetnoot [^a] verwijst naar voetnoot [^b], maar een voetnoot "
        "kan zelf geen voetnoot hebben (ook in Word niet); zet de tekst van [^b] in [^a], of "
        "verwijs ernaar vanuit de lopende tekst"
    )
    result = CliRunner().invoke(main, ["build", str(bron), "--out", str(tmp_path / "uit")])
    assert result.exit_code == 1 and "onverwachte fout" not in result.output


def test_centrale_voetnoot_in_voetnoot(tmp_path: Path) -> None:
    bron = tmp_path / "noot.yaml"
    bron.write_text(
        MINIMAAL.replace("samenvatting: Een korte samenvatting.", "samenvatting: Tekst[^a].")
        + "voetnoten:\n  a: Zie [^b].\n  b: Tweede.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["validate", str(bron)])
    assert "voetnoten.a: voetnoot [^a] verwijst naar voetnoot [^b]" in result.output


def _zip(delen: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archief:
        for naam, data in delen.items():
            archief.writestr(naam, data)
    return buffer.getvalue()


def _echt() -> bytes:
    from voorstel.soorten import REGISTER

    return (REGISTER["collegevoorstel"].map / "document.docx").read_bytes()


def _zonder_document() -> bytes:
    with zipfile.ZipFile(_standaard()) as bron:
        return _zip({n: bron.read(n) for n in bron.namelist() if n != "word/document.xml"})


def _kapotte_xml() -> bytes:
    with zipfile.ZipFile(_standaard()) as bron:
        delen = {n: bron.read(n) for n in bron.namelist()}
    delen["word/document.xml"] = delen["word/document.xml"][:500]
    return _zip(delen)


def _standaard() -> Path:
    from voorstel.soorten import REGISTER

    return REGISTER["collegevoorstel"].map / "document.docx"


@pytest.mark.parametrize(
    ("maak", "melding"),
    [
        (lambda: b"dit is geen zip", "het bestand is geen zip-pakket of is afgebroken"),
        (lambda: _echt()[: len(_echt()) // 2], "het bestand is geen zip-pakket of is afgebroken"),
        (_zonder_document, "er staat geen Word-document in"),
        (_kapotte_xml, "het bevat kapotte XML"),
    ],
)
def test_kapot_word_sjabloon_noemt_het_sjabloon(
    tmp_path: Path, maak: Callable[[], bytes], melding: str
) -> None:
    """Case 17: it was blamed on the YAML and called a bug."""
    sjabloon = tmp_path / "eigen" / "collegevoorstel" / "document.docx"
    sjabloon.parent.mkdir(parents=True)
    sjabloon.write_bytes(maak())
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "uit", ["docx"], [tmp_path / "eigen"])
    assert resultaat.fout is not None
    assert str(resultaat.fout).startswith(f"{sjabloon}: {melding}")
    assert "meld dit" not in str(resultaat.fout) and "doc.yaml" not in str(resultaat.fout)
    assert not (tmp_path / "uit").exists()


def test_tijd_die_niet_bestaat_noemt_de_regel(tmp_path: Path) -> None:
    """Case 19: a time of 25:00 gave an English error without a line."""
    bron = tmp_path / "t.yaml"
    bron.write_text(MINIMAAL.replace("2024-12-05", "2024-12-05 25:00:00"), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bron)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{bron}:3: tijd 25:00:00 op 2024-12-05 bestaat niet (uren 0 tot en met 23, minuten en "
        "seconden 0 tot en met 59); schrijf alleen de datum als JJJJ-MM-DD, of een bestaande tijd"
    )


def test_tweede_document_na_drie_streepjes(tmp_path: Path) -> None:
    """Case 19: a second document after --- gave ruamel's English text."""
    bron = tmp_path / "t.yaml"
    bron.write_text(MINIMAAL + "---\nsoort: memo\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(bron)])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"{bron}:9: na '---' begint een tweede document, maar een bestand is één document; "
        "haal de '---'-regel en wat erna komt weg, of zet het in een eigen bestand"
    )
    assert "another" not in result.output
