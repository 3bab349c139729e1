"""Page numbers in the table of contents: the entries and their bookmarks in the .docx,
the pages read from a PDF's named destinations, and the extra LibreOffice runs (with a
stand-in `soffice` that places each bookmark on a page of its choosing)."""

from __future__ import annotations

import io
import os
import stat
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfWriter

from conftest import MINIMAAL, ROOT
from voorstel.bouwen.build import bouw, bouw_bestand
from voorstel.kern.errors import PdfFout
from voorstel.uitvoer import inhoudsopgave

INKOOP = ROOT / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NEP_SOFFICE = f"""\
#!{sys.executable}
# Stand-in for LibreOffice: keeps a copy of each .docx it gets and writes a real PDF for it
# with a named destination (named the way LibreOffice names them) for each bookmark a TOC
# entry links to. Entry k lands on page k + 2; with NEP_SCHUIF set, one page after the
# number the entry already shows.
import os, re, shutil, sys, zipfile
from pathlib import Path
from pypdf import PdfWriter

args = sys.argv[1:]
Path(os.environ["NEP_LOG"] + "." + str(os.getpid())).write_text("\\n".join(args) + "\\n")
outdir = Path(args[args.index("--outdir") + 1])
outdir.mkdir(parents=True, exist_ok=True)
for arg in args:
    if not arg.endswith(".docx"):
        continue
    shutil.copy(arg, os.environ["NEP_LOG"] + "-" + outdir.name + "-" + Path(arg).name)
    xml = zipfile.ZipFile(arg).read("word/document.xml").decode()
    ankers = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', xml)
    getoond = [int(n) for n in re.findall(r"<w:tab/><w:t>(\\d+)</w:t></w:r></w:hyperlink>", xml)]
    if os.environ.get("NEP_SCHUIF") and getoond:
        paginas = [n + 1 for n in getoond]
    else:
        paginas = [k + 2 for k in range(len(ankers))]
    writer = PdfWriter()
    for _ in range(max(paginas, default=1)):
        writer.add_blank_page(595, 842)
    for anker, pagina in zip(ankers, paginas):
        writer.add_named_destination(anker.replace("_", "5F"), pagina - 1)
    with open(outdir / (Path(arg).stem + ".pdf"), "wb") as f:
        writer.write(f)
"""


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("toc")
    resultaat = bouw_bestand(INKOOP, out)
    assert resultaat.fout is None, str(resultaat.fout)
    return (out / "inkoopstrategie-jeugdhulp-2027.docx").read_bytes()


def _document(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zip_:
        return etree.fromstring(zip_.read("word/document.xml"))


def test_elke_regel_verwijst_naar_de_bladwijzer_van_haar_kop(docx: bytes) -> None:
    ankers = inhoudsopgave.ankers(docx)
    assert ankers[:3] == ["_Toc_1", "_Toc_1_1", "_Toc_1_2"]
    assert "_Toc_4_3" in ankers and ankers[-1] == "_Toc_bijlage_2"
    koppen = {
        b.get(f"{W}name"): "".join(b.getparent().itertext())
        for b in _document(docx).iter(f"{W}bookmarkStart")
    }
    assert set(ankers) <= set(koppen)
    assert koppen["_Toc_4_3"] == "4.3 Inrichtingskeuzes voor de inkoop"


def test_de_docx_zelf_houdt_het_veld_zonder_nummers(docx: bytes) -> None:
    """Word updates the field itself; the .docx a user gets has no page numbers typed in."""
    assert not list(_document(docx).iter(f"{W}tab"))


def test_vul_zet_tab_en_nummer_achter_de_regel(docx: bytes) -> None:
    gevuld = inhoudsopgave.vul(docx, {"_Toc_4_3": 9, "_Toc_bijlage_2": 20})
    regels = {link.get(f"{W}anchor"): link for link in _document(gevuld).iter(f"{W}hyperlink")}
    assert "".join(regels["_Toc_4_3"].itertext()) == "4.3 Inrichtingskeuzes voor de inkoop9"
    [run] = [r for r in regels["_Toc_4_3"] if r.find(f"{W}tab") is not None]
    assert [c.tag for c in run] == [f"{W}tab", f"{W}t"]
    assert "".join(regels["_Toc_bijlage_2"].itertext()).endswith("Begrippenlijst20")
    assert "".join(regels["_Toc_1"].itertext()) == "1 Inleiding"  # not given: left alone
    with zipfile.ZipFile(io.BytesIO(docx)) as oud, zipfile.ZipFile(io.BytesIO(gevuld)) as nieuw:
        assert oud.namelist() == nieuw.namelist()
        for naam in oud.namelist():
            if naam != "word/document.xml":
                assert oud.read(naam) == nieuw.read(naam), naam


def test_zonder_inhoudsopgave_geen_ankers(tmp_path: Path) -> None:
    bron = tmp_path / "voorstel.yaml"
    bron.write_text(MINIMAAL, "utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "uit")
    assert resultaat.fout is None, str(resultaat.fout)
    assert inhoudsopgave.ankers((tmp_path / "uit" / "voorstel.docx").read_bytes()) == []


def test_pdf_naam_zoals_libreoffice() -> None:
    assert inhoudsopgave.pdf_naam("_Toc_4_3") == "5FToc5F45F3"
    assert inhoudsopgave.pdf_naam("a-b.é€") == "a-b2EE920AC"


def _pdf(bestemmingen: dict[str, int], paginas: int) -> bytes:
    writer = PdfWriter()
    for _ in range(paginas):
        writer.add_blank_page(595, 842)
    for naam, index in bestemmingen.items():
        writer.add_named_destination(naam, index)
    uit = io.BytesIO()
    writer.write(uit)
    return uit.getvalue()


def test_paginas_uit_de_bestemmingen() -> None:
    pdf = _pdf({"5FToc5F1": 2, "_Toc_2": 4, "ander": 0}, 5)
    assert inhoudsopgave.paginas(pdf, ["_Toc_1", "_Toc_2", "_Toc_3"]) == {
        "_Toc_1": 3,
        "_Toc_2": 5,
    }
    with pytest.raises(inhoudsopgave.OnleesbarePdf):
        inhoudsopgave.paginas(b"%PDF-1.6 kapot", ["_Toc_1"])


@pytest.fixture
def nep_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_map = tmp_path / "bin"
    bin_map.mkdir()
    script = bin_map / "soffice"
    script.write_text(NEP_SOFFICE)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_map}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("VOORSTEL_UNO_PYTHON", "")  # the stand-in: --convert-to only
    log = tmp_path / "aanroep"
    monkeypatch.setenv("NEP_LOG", str(log))
    return log


def _aanroepen(log: Path) -> list[list[str]]:
    aanroepen = [p.read_text().splitlines() for p in log.parent.glob(log.name + ".*")]
    return sorted(aanroepen, key=lambda a: a[a.index("--outdir") + 1])


def _bron(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a-inkoop.yaml").write_bytes(INKOOP.read_bytes())
    (data / "b-voorstel.yaml").write_text(MINIMAAL, "utf-8")
    return data


def test_tweede_ronde_alleen_voor_de_inhoudsopgave(tmp_path: Path, nep_soffice: Path) -> None:
    out = tmp_path / "uit"
    resultaten = bouw([_bron(tmp_path)], out, ("pdf",))
    assert all(r.gelukt for r in resultaten), [str(r.fout) for r in resultaten]
    eerste, tweede = _aanroepen(nep_soffice)
    assert sum(a.endswith(".docx") for a in eerste) == 2
    assert sum(a.endswith(".docx") for a in tweede) == 1
    docx = nep_soffice.with_name(f"{nep_soffice.name}-pdf2-00000.docx")  # as LibreOffice got it
    ankers = inhoudsopgave.ankers(docx.read_bytes())
    assert len(ankers) > 30
    # the stand-in put entry k on page k + 2: that is what the final PDF's TOC says
    assert inhoudsopgave.paginas((out / "a-inkoop.pdf").read_bytes(), ankers) == {
        anker: k + 2 for k, anker in enumerate(ankers)
    }
    gevuld = _document(docx.read_bytes())
    regel = next(h for h in gevuld.iter(f"{W}hyperlink") if h.get(f"{W}anchor") == ankers[5])
    assert "".join(regel.itertext()).endswith("7")


def test_verschuivende_nummers_zijn_een_fout(
    tmp_path: Path, nep_soffice: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEP_SCHUIF", "1")
    out = tmp_path / "uit"
    inkoop, voorstel = bouw([_bron(tmp_path)], out, ("pdf",))
    assert voorstel.gelukt
    assert len(_aanroepen(nep_soffice)) == 3
    assert isinstance(inkoop.fout, PdfFout)
    assert str(inkoop.fout) == (
        f"{inkoop.bron}: LibreOffice kon a-inkoop.docx niet omzetten naar PDF; de "
        "paginanummers van de inhoudsopgave lagen na 3 omzettingen nog niet vast; maak de "
        "langste titels in de inhoudsopgave korter"
    )
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == ["b-voorstel.pdf"]
