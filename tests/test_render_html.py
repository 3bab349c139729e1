"""HTML output: the same text as the Markdown, as an accessible page; user text stays text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lxml import html as lxml_html

from conftest import MINIMAAL, ROOT, VOORBEELD
from voorstel.bouwen.build import bouw_bestand

Tree = Callable[[dict[str, str | bytes]], dict[str, Path]]


def _bouw(bron: Path, out: Path) -> dict[str, Path]:
    resultaat = bouw_bestand(bron, out, formaten=("html",))
    assert resultaat.fout is None, str(resultaat.fout)
    return {p.name: p for p in resultaat.geschreven}


def test_jim_als_webpagina(tmp_path: Path) -> None:
    pagina = _bouw(VOORBEELD, tmp_path)["jim-oosterhout.html"].read_text(encoding="utf-8")
    doc = lxml_html.fromstring(pagina)
    assert doc.get("lang") == "nl-NL"
    assert doc.findtext(".//title") == "Collegevoorstel: Continuïteit pilot JIM en inkoop JIM"
    assert [h.text_content() for h in doc.iter("h2")][:3] == [
        "Onderwerp",
        "Voorstel",
        "Samenvatting",
    ]
    verdeling = next(t for t in doc.iter("table") if "Gemeente" in t.text_content())
    rijen = [[c.text_content() for c in tr] for tr in verdeling.iter("tr")]
    assert rijen[-1] == ["Totaal", "100,00%", "€ 70.000,00"]
    assert "Voor Oosterhout betekent dit een bijdrage van € 11.326,00." in pagina
    assert doc.find(".//section[@class='footnotes']") is not None


def test_grafieken_met_alt_tekst(tmp_path: Path) -> None:
    bron = ROOT / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"
    bestanden = _bouw(bron, tmp_path)
    doc = lxml_html.fromstring(bestanden["inkoopstrategie-jeugdhulp-2027.html"].read_bytes())
    afbeeldingen = list(doc.iter("img"))
    assert afbeeldingen
    for img in afbeeldingen:
        assert img.get("alt", "").startswith("Lijndiagram")
        assert img.get("src") in bestanden


def test_html_in_gebruikerstekst_blijft_tekst(tree: Tree, tmp_path: Path) -> None:
    vijandig = "<script>alert(1)</script> & <w:p> {{ 7*7 }}"
    tekst = MINIMAAL.replace("Een korte samenvatting.", f"'{vijandig}'")
    path = tree({"v.yaml": tekst})["v.yaml"]
    pagina = _bouw(path, tmp_path / "out")["v.html"].read_text(encoding="utf-8")
    assert "<script>" not in pagina
    doc = lxml_html.fromstring(pagina)
    assert vijandig in doc.text_content()
