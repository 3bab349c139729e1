"""A user's own template (--templates) with a mistake gives a Dutch error naming it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.soorten import REGISTER

VOETNOOT = MINIMAAL.replace(
    "samenvatting: Een korte samenvatting.\n",
    "samenvatting: |\n  Tekst met een voetnoot.[^1]\n\n  [^1]: De noot.\n",
)
LIJST = MINIMAAL.replace(
    "samenvatting: Een korte samenvatting.\n",
    "samenvatting: |\n  1. een\n     1. dieper\n",
)


def _fout(tmp_path: Path, sjablonen: Path, formaat: str, tekst: str = MINIMAAL) -> str:
    bron = tmp_path / "doc.yaml"
    bron.write_text(tekst, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", [formaat], [sjablonen])
    assert resultaat.fout is not None
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    return str(resultaat.fout)


def _md(tmp_path: Path, inhoud: str) -> Path:
    map_ = tmp_path / "eigen"
    (map_ / "collegevoorstel").mkdir(parents=True)
    (map_ / "collegevoorstel" / "document.md.j2").write_text(inhoud, encoding="utf-8")
    return map_


def _docx(tmp_path: Path, *regels: str, zonder_stijl: str = "", met_stijl: str = "") -> Path:
    map_ = tmp_path / "eigen"
    (map_ / "collegevoorstel").mkdir(parents=True)
    document = docx.Document()
    for regel in regels:
        document.add_paragraph(regel)
    if met_stijl:
        document.styles.add_style(met_stijl, WD_STYLE_TYPE.CHARACTER)
    if zonder_stijl:
        stijl = document.styles[zonder_stijl].element
        stijl.getparent().remove(stijl)
    document.save(str(map_ / "collegevoorstel" / "document.docx"))
    return map_


def test_syntaxfout_in_eigen_md_sjabloon_noemt_bestand_en_regel(tmp_path: Path) -> None:
    map_ = _md(tmp_path, "Hallo\n{{ onderwerp }\n")
    assert _fout(tmp_path, map_, "md") == (
        f"{map_}/collegevoorstel/document.md.j2:2: fout in een sjabloontag (unexpected '}}'); "
        "controleer de {{ }}- en {% %}-tags"
    )


def test_onbekende_naam_in_eigen_md_sjabloon(tmp_path: Path) -> None:
    map_ = _md(tmp_path, "Hallo {{ onbekend }}\n")
    assert _fout(tmp_path, map_, "md") == (
        f"{map_}/collegevoorstel/document.md.j2: het sjabloon gebruikt iets dat niet bestaat "
        "('onbekend' is undefined); controleer de namen in de tags"
    )


def test_syntaxfout_in_eigen_word_sjabloon(tmp_path: Path) -> None:
    map_ = _docx(tmp_path, "Hallo {{ onderwerp }")
    assert _fout(tmp_path, map_, "docx") == (
        f"{map_}/collegevoorstel/document.docx: fout in een sjabloontag (unexpected '}}'); "
        "controleer de {{ }}- en {% %}-tags in dit Word-sjabloon"
    )


def test_word_sjabloon_zonder_lijststijl(tmp_path: Path) -> None:
    map_ = _docx(tmp_path, "{{p samenvatting|tekst }}", zonder_stijl="List Number 2")
    assert _fout(tmp_path, map_, "docx", LIJST) == (
        f"{map_}/collegevoorstel/document.docx: het Word-sjabloon mist de opmaakstijl "
        "'List Number 2'; voeg die stijl toe in Word (Stijlen beheren) of begin met het "
        "standaardsjabloon"
    )


def test_word_sjabloon_zonder_voetnoten(tmp_path: Path) -> None:
    map_ = _docx(tmp_path, "{{p samenvatting|tekst }}", met_stijl="Footnote Reference")
    assert _fout(tmp_path, map_, "docx", VOETNOOT) == (
        f"{map_}/collegevoorstel/document.docx: het Word-sjabloon heeft geen voetnotendeel "
        "(footnotes.xml), maar de tekst heeft voetnoten; begin met het standaardsjabloon, "
        "dat er wel een heeft"
    )


def test_word_sjabloon_zonder_voetnoten_werkt_zonder_voetnoten(tmp_path: Path) -> None:
    map_ = _docx(tmp_path, "{{ onderwerp }}")
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", ["docx"], [map_])
    assert resultaat.fout is None
    tekst = [p.text for p in docx.Document(str(tmp_path / "out" / "doc.docx")).paragraphs]
    assert tekst == ["Een onderwerp"]


def test_oude_kopie_met_blokken_map_zonder_dat_bestand(tmp_path: Path) -> None:
    """voorstel has no `_blokken/` of shared Markdown blocks any more: an old copy that
    includes one it does not hold itself is told the file is not found."""
    map_ = _md(tmp_path, '{% include "_blokken/risicolijst.md.j2" %}\n')
    assert _fout(tmp_path, map_, "md").endswith(
        "het sjabloon gebruikt '_blokken/risicolijst.md.j2', maar dat bestand is niet gevonden "
        "in de sjabloonmappen; controleer de naam"
    )


def test_oude_kopie_met_eigen_blokken_map_werkt(tmp_path: Path) -> None:
    map_ = _md(tmp_path, '{% include "_blokken/slot.md.j2" %}\n')
    (map_ / "_blokken").mkdir()
    (map_ / "_blokken" / "slot.md.j2").write_text("Eigen slot.\n", encoding="utf-8")
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", ["md"], [map_])
    assert resultaat.fout is None, str(resultaat.fout)
    assert (tmp_path / "out" / "doc.md").read_text(encoding="utf-8") == "Eigen slot.\n"


def test_include_met_berekende_naam_hangt_af_van_elk_sjabloon(tmp_path: Path) -> None:
    """An include whose name is computed may reach any template: the build depends on every
    file of the user's folders and on voorstel's own Markdown templates."""
    map_ = _md(tmp_path, '{% include "collegevoorstel/" ~ "slot.md.j2" %}\n')
    slot = map_ / "collegevoorstel" / "slot.md.j2"
    slot.write_text("Slot.\n", encoding="utf-8")
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", ["md"], [map_])
    assert resultaat.fout is None, str(resultaat.fout)
    afhankelijk = {p.resolve() for p in resultaat.afhankelijkheden}
    assert slot.resolve() in afhankelijk
    assert (REGISTER["memo"].map / "document.md.j2").resolve() in afhankelijk
