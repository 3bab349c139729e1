"""Benchmark: voorstel's batch build against a plain docxtpl loop (run by `make bench`).

Not a test. It copies the examples in data/ into a temporary folder as N documents
(each copy with its own onderwerp; a regional example counts once per variant) and
  1. builds them with `voorstel build --format docx` (a fresh process, end to end:
     start-up, loading, validating, computing, rendering, writing);
  2. renders the same Word outputs in this process with a plain docxtpl loop:
     `DocxTemplate(path)`, `.render(context, env)`, `.save(file)` per document, with the
     same templates and the same contexts (computed before the clock starts), the same
     Jinja filters and a fresh environment per document, as a docxtpl script would;
     (both in turn over three rounds, each into a fresh folder, the medians compared);
  3. checks that every output's text is identical to the loop's, and prints the best
     speedup any build could reach on this machine (`speedup_grens:`);
  4. builds M documents as Markdown, then times a build in which nothing changed;
  5. builds the regional collegevoorstel and the regional raadsvoorstel (three stukken
     per gemeente) for a region of 100 and of 500 gemeenten (Word and Markdown), with
     time and peak memory: both should grow in proportion to the region;
  6. times load() of every example and starter, libyaml's fast path against ruamel;
  7. per soort, voorstel's Word renderer against the floor for the same bytes
     (`boven_vloer:`: precompiled templates of the final XML, the same zip deflated);
  8. the PDFs of every example: voorstel's conversion in one warm LibreOffice (its profile
     kept, as in a build folder) against `soffice --convert-to` started per file (`pdf:`);
  9. the JIM document by voorstel against Carbone (`carbone:`), when node and npm are there;
 10. the peak memory of the largest process for N=200 and N=2000 (`geheugen:`).
It prints both times and ends with `speedup: X.XX`.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from lxml import etree

from voorstel.bouwen.build import laad_en_valideer, slug, stuk_context, uitvoernaam, verzamel
from voorstel.pijplijn.compute import varianten
from voorstel.soorten import REGISTER
from voorstel.uitvoer.docx_tekst import DocxTekst
from voorstel.uitvoer.omgeving import docx_omgeving, met_staat, zoek_sjabloon

ROOT = Path(__file__).resolve().parents[1]
VOORSTEL = Path(sys.executable).with_name("voorstel")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DELEN = ("word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml")


def voorbeelden() -> list[tuple[Path, int]]:
    """Each example document in data/ with how many Word files it gives (every stuk of
    every variant: a raadsvoorstel also makes its raadsbesluit and collegeoplegger)."""
    return [
        (bron, len(word_bestanden(bron, Path(bron.stem)))) for bron, _ in verzamel([ROOT / "data"])
    ]


def word_bestanden(bron: Path, naam: Path) -> list[tuple[Path, str, dict[str, Any]]]:
    """(.docx name, stuk, context) of every Word file voorstel makes of one source, named
    as voorstel names them."""
    gevalideerd = laad_en_valideer(bron)
    stukken = REGISTER.van(gevalideerd.document).stukken
    result = []
    for gemeente, context in varianten(
        gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers
    ):
        achtervoegsel = "" if gemeente is None else f"-{slug(gemeente)}"
        for stuk in stukken:
            if stuk.gemaakt(context):
                eind = f"{naam.name}{achtervoegsel}{stuk.achtervoegsel}.docx"
                result.append((naam.with_name(eind), stuk.naam, stuk_context(context, stuk)))
    return result


def variant(tekst: str, nummer: int) -> str:
    """The document with its onderwerp made its own (the first line of it)."""
    regels = tekst.splitlines(keepends=True)
    for index, regel in enumerate(regels):
        if regel.startswith("onderwerp:"):
            doel = index + 1 if regel.rstrip().endswith((">-", "|", ">")) else index
            regels[doel] = regels[doel].rstrip("\n") + f" (variant {nummer})\n"
            break
    return "".join(regels)


def maak_data(
    doel: Path, voorbeelden: list[tuple[Path, int]], aantal: int, per_uitvoer: bool
) -> int:
    """Copies of the examples under doel/data: `aantal` Word outputs (per_uitvoer) or
    `aantal` documents; shared files are copied once. Returns the number of documents."""
    data = ROOT / "data"
    for gedeeld in data.rglob("*"):  # shared files, voorstel.toml, workbooks
        kopie = doel / "data" / gedeeld.relative_to(data)
        kopie.parent.mkdir(parents=True, exist_ok=True)
        if gedeeld.is_file() and all(gedeeld != bron for bron, _ in voorbeelden):
            shutil.copy(gedeeld, kopie)
    gemaakt = documenten = 0
    while gemaakt < aantal:
        for bron, uitvoer in voorbeelden:
            if gemaakt >= aantal or (per_uitvoer and gemaakt + uitvoer > aantal):
                continue
            kopie = doel / "data" / bron.relative_to(data)
            kopie = kopie.with_name(f"{bron.stem}-{documenten:04d}.yaml")
            kopie.write_text(variant(bron.read_text("utf-8"), documenten), "utf-8")
            gemaakt += uitvoer if per_uitvoer else 1
            documenten += 1
    return documenten


def voorstel(*args: str) -> float:
    """Seconds one `voorstel` command takes, as a user runs it."""
    start = time.perf_counter()
    subprocess.run([str(VOORSTEL), *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def contexten(data: Path) -> list[tuple[Path, str, dict[str, Any]]]:
    """(relative .docx name, stuk, context) of every Word file voorstel makes."""
    return [
        taak
        for bron, basis in verzamel([data])
        for taak in word_bestanden(bron, uitvoernaam(bron, basis))
    ]


def docxtpl_lus(taken: list[tuple[Path, str, dict[str, Any]]], uit: Path) -> float:
    """Seconds a plain docxtpl loop takes to render and save every Word file."""
    start = time.perf_counter()
    for naam, stuk, context in taken:
        tpl = DocxTemplate(str(zoek_sjabloon(f"{context['soort']}/{stuk}.docx")))
        staat = DocxTekst(tpl, context.get("voetnoten") or {})
        env = docx_omgeving.__wrapped__()  # a fresh environment, as a plain script makes
        with met_staat(staat):
            tpl.render(context, env, autoescape=True)
        staat.schrijf_voetnoten()
        doel = uit / naam
        doel.parent.mkdir(parents=True, exist_ok=True)
        tpl.save(str(doel))
    return time.perf_counter() - start


def tekst(docx: Path) -> str:
    """All text of a Word file: body, footnotes, header and footer, paragraph by paragraph."""
    with zipfile.ZipFile(docx) as archief:
        delen = [etree.fromstring(archief.read(d)) for d in DELEN if d in archief.namelist()]
    return "\n".join(
        "".join(t.text or "" for t in p.iter(f"{W}t")) for deel in delen for p in deel.iter(f"{W}p")
    )


EIGENSCHAPPEN = "docProps/core.xml"
"""The document properties, which voorstel sets from the data and the loop leaves alone."""


def vergelijk(namen: list[Path], a: Path, b: Path) -> tuple[int, int]:
    """(outputs with identical text, outputs whose every part but the properties is
    byte-identical)."""
    zelfde_tekst = zelfde_delen = 0
    for naam in namen:
        zelfde_tekst += tekst(a / naam) == tekst(b / naam)
        with zipfile.ZipFile(a / naam) as x, zipfile.ZipFile(b / naam) as y:
            zelfde_delen += sorted(x.namelist()) == sorted(y.namelist()) and all(
                x.read(n) == y.read(n) for n in x.namelist() if n != EIGENSCHAPPEN
            )
    return zelfde_tekst, zelfde_delen


PIEK = (
    "import resource, subprocess, sys, time; "
    "start = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)
"""Runs a command and prints its seconds and the peak memory (KB) of its largest process.
A small Python of its own does it: a child's peak counts the memory of the process that
started it (Linux keeps it through exec), and this benchmark itself holds hundreds of MB."""


def met_piek(*args: str) -> tuple[float, float]:
    """Seconds and peak MB of the largest process of one `voorstel` command."""
    uit = subprocess.run(
        [sys.executable, "-c", PIEK, str(VOORSTEL), *args, "-q"],
        check=True,
        capture_output=True,
        text=True,
    )
    seconden, kb = uit.stdout.split()[-2:]
    return float(seconden), int(kb) / 1024


def piek_mb(wie: int) -> float:
    """Peak resident memory in MB (of this process, or of its largest child)."""
    return resource.getrusage(wie).ru_maxrss / 1024


def vergelijking(tmp: Path, voorbeelden: list[tuple[Path, int]], n: int, rondes: int = 3) -> float:
    """Voorstel against the docxtpl loop for n Word documents, measured in turn over
    `rondes` rounds, each into a fresh folder; the speedup of the medians."""
    from voorstel.uitvoer import figuren

    documenten = maak_data(tmp / "a", voorbeelden, n, per_uitvoer=True)
    data = tmp / "a" / "data"
    taken = contexten(data)
    tijden_v, tijden_l, pieken = [], [], []
    for ronde in range(rondes):
        uit = tmp / "a" / f"uit-{ronde}"
        t, piek = met_piek("build", str(data), "--out", str(uit), "--format", "docx")
        tijden_v.append(t)
        pieken.append(piek)
        figuren._GETEKEND.clear()  # the loop draws its charts too, as voorstel's build does
        tijden_l.append(docxtpl_lus(taken, tmp / "a" / f"lus-{ronde}"))
    t_voorstel, t_lus = statistics.median(tijden_v), statistics.median(tijden_l)
    piek_voorstel = max(pieken)
    uit = tmp / "a" / "uit-0"
    namen = [naam for naam, _, _ in taken]
    zelfde_tekst, zelfde_delen = vergelijk(namen, uit, tmp / "a" / "lus-0")
    print(
        f"{len(namen)} Word-documenten uit {documenten} bronbestanden, {rondes} rondes om beurten"
    )
    print(f"voorstel build:  {t_voorstel:7.2f} s  ({len(namen) / t_voorstel:5.1f} per seconde)")
    print(f"docxtpl-lus:     {t_lus:7.2f} s  ({len(namen) / t_lus:5.1f} per seconde)")
    print(f"tekst gelijk aan de lus: {zelfde_tekst} van {len(namen)}")
    print(f"alle delen gelijk (behalve {EIGENSCHAPPEN}): {zelfde_delen} van {len(namen)}")
    print(f"piekgeheugen: voorstel (grootste proces) {piek_voorstel:.0f} MB, ", end="")
    print(f"deze benchmark met de lus {piek_mb(resource.RUSAGE_SELF):.0f} MB")
    if zelfde_tekst != len(namen):
        raise SystemExit("tekst verschilt van de docxtpl-lus")
    grens(data, uit, namen, t_lus)
    return t_lus / t_voorstel


OPSTART = (
    "import jinja2, voorstel.bouwen.bronnen, voorstel.pijplijn.compute, voorstel.kern.vastezip"
)
"""What any build must import: loading and validating, computing, and the floor's writer."""


def grens(data: Path, uit: Path, namen: list[Path], t_lus: float) -> None:
    """`speedup_grens:` the speedup against the loop that a build with nothing but the
    unavoidable work would reach on this machine: a fresh Python importing what loading,
    validating and the floor need, then loading, validating and computing every source and
    writing every Word file at the floor (the same bytes; see vloer()), spread without any
    loss over every core. No build can do better, so a speedup target above it cannot be
    met here."""
    from voorstel.bouwen.batch import processen_standaard

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", OPSTART], check=True)
    t_start = time.perf_counter() - start
    start = time.perf_counter()
    for bron, _ in verzamel([data]):
        gevalideerd = laad_en_valideer(bron)
        for _ in varianten(gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers):
            pass
    t_laden = time.perf_counter() - start
    vloeren = []
    for naam in namen:
        with zipfile.ZipFile(uit / naam) as archief:
            delen = {deel: archief.read(deel) for deel in archief.namelist()}
        sjablonen = {
            deel: vloersjabloon(inhoud)
            for deel, inhoud in delen.items()
            if deel.startswith("word/") and deel.endswith(".xml") and b"<w:t" in inhoud
        }
        vloeren.append((delen, sjablonen))
    start = time.perf_counter()
    for delen, sjablonen in vloeren:
        _op_de_vloer(delen, sjablonen)
    t_vloer = time.perf_counter() - start
    kernen = processen_standaard()
    beste = t_start + (t_laden + t_vloer) / kernen
    print(
        f"speedup_grens: opstarten {t_start:.2f} s, lezen en berekenen {t_laden:.2f} s, "
        f"alle {len(namen)} bestanden op de vloer {t_vloer:.2f} s, over {kernen} kernen: "
        f"op zijn best {beste:.2f} s, dus hoogstens {t_lus / beste:.1f}x de lus".replace(".", ",")
    )


def geheugen(tmp: Path, voorbeelden: list[tuple[Path, int]], aantallen: tuple[int, ...]) -> None:
    """`geheugen:` the peak memory of the largest process of `voorstel build` (a worker) for
    N Word documents, each N in a fresh process: it must not grow with N."""
    pieken = []
    for n in aantallen:
        map_ = tmp / f"geheugen-{n}"
        maak_data(map_, voorbeelden, n, per_uitvoer=True)
        _, mb = met_piek(
            "build", str(map_ / "data"), "--out", str(map_ / "uit"), "--format", "docx"
        )
        pieken.append(mb)
        shutil.rmtree(map_)
    delen = ", ".join(f"N={n} {mb:.0f} MB" for n, mb in zip(aantallen, pieken, strict=True))
    print(
        f"geheugen: grootste proces {delen}, {pieken[-1] / pieken[0]:.2f}x (doel: vlak)".replace(
            ".", ","
        )
    )


def niets_gewijzigd(tmp: Path, voorbeelden: list[tuple[Path, int]], m: int) -> None:
    """Time a build of m documents in which nothing changed."""
    documenten = maak_data(tmp / "b", voorbeelden, m, per_uitvoer=False)
    data, uit = tmp / "b" / "data", tmp / "b" / "uit"
    t_eerst = voorstel("build", str(data), "--out", str(uit), "--format", "md", "-q")
    uitvoer = sum(1 for p in uit.rglob("*.md"))
    t_niets = min(
        voorstel("build", str(data), "--out", str(uit), "--format", "md", "-q") for _ in range(3)
    )
    print(
        f"{documenten} documenten ({uitvoer} Markdown-bestanden) eerst gemaakt in {t_eerst:.1f} s"
    )
    print(
        f"opnieuw, niets gewijzigd: {t_niets:.2f} s (hele opdracht, met opstarten; "
        f"doel bij {documenten} documenten: onder 0,5 s)"
    )


def regio(tmp: Path, aantal: int, bron: str = "jim.yaml") -> tuple[float, float]:
    """Seconds and peak MB of building data/wbo/<bron> for a region of `aantal` gemeenten
    (with the office holders of each, for the regional raadsvoorstel)."""
    map_ = tmp / f"regio-{aantal}-{Path(bron).stem}"
    map_.mkdir()
    namen = [f"Gemeente {i:04d}" for i in range(aantal)]
    gewichten = "".join(f"      {naam}: {1000 + i}\n" for i, naam in enumerate(namen))
    (map_ / "verdeelsleutel-wbo-2024.yaml").write_text(
        "soort: verdeelsleutel\nnaam: Testregio\nnormaliseren: true\ncomponenten:\n"
        f'  - naam: Inwoners\n    aandeel: "100%"\n    gewichten:\n{gewichten}',
        encoding="utf-8",
    )
    (map_ / "ambtsdragers-wbo.yaml").write_text(
        "soort: ambtsdragers\nnaam: Testregio\ngemeenten:\n"
        + "".join(
            f"  {naam}:\n    burgemeester: B. {i}\n    gemeentesecretaris: S. {i}\n"
            f"    griffier: G. {i}\n"
            for i, naam in enumerate(namen)
        ),
        encoding="utf-8",
    )
    tekst = (ROOT / "data" / "wbo" / bron).read_text(encoding="utf-8")  # its gemeente in the key
    tekst = tekst.replace("\ngemeente: Breda\n", f"\ngemeente: {namen[0]}\n")
    (map_ / bron).write_text(tekst, encoding="utf-8")
    return met_piek("build", str(map_ / bron), "--out", str(map_ / "uit"))


def regionaal(tmp: Path) -> None:
    """A region of 100 and of 500 gemeenten: time and memory per gemeente, for the
    regional collegevoorstel (a document each) and raadsvoorstel (three stukken each)."""
    for bron in ("jim.yaml", "raadsvoorstel-jim-2027.yaml"):
        metingen = {n: regio(tmp, n, bron) for n in (100, 500)}
        for n, (tijd, mb) in metingen.items():
            print(f"{bron}, regio van {n} gemeenten: {tijd:6.1f} s, piek {mb:4.0f} MB (docx en md)")
        (t1, m1), (t5, m5) = metingen[100], metingen[500]
        print(f"500 tegen 100 gemeenten: {t5 / t1:.1f}x de tijd, {m5 / m1:.1f}x het geheugen")


def opstarten(herhaal: int = 7) -> None:
    """`voorstel --help` beside a bare Python, paired, medians (issue 16: within 0.25 s)."""
    kaal, hulp = [], []
    for _ in range(herhaal):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        kaal.append(time.perf_counter() - start)
        hulp.append(voorstel("--help"))
    verschil = statistics.median(hulp) - statistics.median(kaal)
    print(
        f"opstarten: voorstel --help {statistics.median(hulp):.3f} s, kale python "
        f"{statistics.median(kaal):.3f} s, verschil {verschil:.3f} s (doel: hoogstens 0,25 s)"
    )


def laden(herhaal: int = 15) -> None:
    """load() of every example and starter: libyaml's fast path against ruamel (issue 16.3),
    paired, the median of the repeats per file, then the mean over the files."""
    from voorstel.pijplijn.load import load, load_ruamel

    bestanden = sorted((ROOT / "data").rglob("*.yaml"))
    bestanden += sorted((ROOT / "src" / "voorstel" / "soorten").glob("*/nieuw.yaml"))
    oud, nieuw = [], []
    for pad in bestanden:
        tijden: dict[Any, list[float]] = {load_ruamel: [], load: []}
        for _ in range(herhaal):
            for lader, lijst in tijden.items():
                start = time.perf_counter()
                lader(pad)
                lijst.append(time.perf_counter() - start)
        oud.append(statistics.median(tijden[load_ruamel]) * 1000)
        nieuw.append(statistics.median(tijden[load]) * 1000)
    print(
        f"laden: ruamel {statistics.mean(oud):.1f} ms per bestand, libyaml "
        f"{statistics.mean(nieuw):.1f} ms ({len(bestanden)} bestanden, "
        f"{statistics.mean(oud) / statistics.mean(nieuw):.1f}x zo snel)"
    )


def grafieken(tmp: Path, herhaal: int = 3) -> None:
    """The inkoopstrategie (5 charts) with --force: charts drawn, then from the cache in
    the output folder (paired, medians; the cache removed before every first build)."""
    bron = ROOT / "data" / "wbo" / "inkoopstrategie-jeugdhulp-2027.yaml"
    uit = tmp / "grafieken"
    args = ("build", str(bron), "--force", "--format", "docx", "--out", str(uit), "-q")
    getekend, bewaard = [], []
    for _ in range(herhaal):
        shutil.rmtree(uit / ".voorstel-cache", ignore_errors=True)
        getekend.append(voorstel(*args))
        bewaard.append(voorstel(*args))
    print(
        f"grafieken: inkoopstrategie --force {statistics.median(getekend):.2f} s getekend, "
        f"{statistics.median(bewaard):.2f} s uit de cache"
    )


VLOERVOORBEELDEN = {
    "jim": ("data/wbo/jim.yaml", 2),
    "rib": ("data/dalfsen/rib-inkoop-jeugdhulp-ijsselland.yaml", 3),
    "memo": ("data/holland-rijnland/memo-inkoopstrategie-jeugdhulp-2020.yaml", 3),
    "inkoopstrategie": ("data/wbo/inkoopstrategie-jeugdhulp-2027.yaml", 3),
    "raadsvoorstel": ("data/dalfsen/raadsvoorstel-kademuur-vechtkade.yaml", 3),
}
"""Per soort an example (the JIM: its first gemeente's version) and the target: at most
this many times the floor (issue 16)."""
TEKST = re.compile(rb"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def vloersjabloon(xml: bytes) -> tuple[Any, list[str]]:
    """The final XML of a part as a compiled Jinja template with every text a variable,
    and those texts (as they stand in the XML, escaped)."""
    from jinja2 import Environment

    teksten: list[str] = []

    def variabele(m: re.Match[bytes]) -> bytes:
        teksten.append(m.group(2).decode("utf-8"))
        return m.group(1) + b"{{ t[%d] }}" % (len(teksten) - 1) + m.group(3)

    bron = TEKST.sub(variabele, xml).decode("utf-8")
    omgeving = Environment(autoescape=False, keep_trailing_newline=True)
    return omgeving.from_string(bron.replace("{%", "{{ '{%' }}")), teksten


def _op_de_vloer(delen: dict[str, bytes], sjablonen: dict[str, tuple[Any, list[str]]]) -> bytes:
    """The document made the least possible way: the templates rendered, the zip deflated."""
    from voorstel.kern.vastezip import vaste_zip

    gemaakt = dict(delen)
    for naam, (sjabloon, teksten) in sjablonen.items():
        gemaakt[naam] = sjabloon.render(t=teksten).encode("utf-8")
    return vaste_zip(gemaakt, bewaar=False)  # every member deflated, as the floor is


def vloer(herhaal: int = 9) -> None:
    """Per soort: voorstel's Word renderer (in this process, the median of repeats) against
    the floor for the very same bytes: rendering precompiled Jinja templates of the final
    XML parts with their texts as variables, and deflating every member into the same
    reproducible zip (kern/vastezip.py). Paired: both measured in turn, in one run."""
    from voorstel.uitvoer import RENDERERS

    for soort, (bron, doel) in VLOERVOORBEELDEN.items():
        gevalideerd = laad_en_valideer(ROOT / bron)
        _, context = next(
            iter(varianten(gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers))
        )
        renderer = RENDERERS["docx"]()
        data = renderer.render(context)  # once before the clock: charts drawn, caches warm
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            delen = {naam: archief.read(naam) for naam in archief.namelist()}
        sjablonen = {
            naam: vloersjabloon(inhoud)
            for naam, inhoud in delen.items()
            if naam.startswith("word/") and naam.endswith(".xml") and b"<w:t" in inhoud
        }

        zelfde = _op_de_vloer(delen, sjablonen) == data
        tijden_v, tijden_f = [], []
        for _ in range(herhaal):
            start = time.perf_counter()
            renderer.render(context)
            tijden_v.append(time.perf_counter() - start)
            start = time.perf_counter()
            _op_de_vloer(delen, sjablonen)
            tijden_f.append(time.perf_counter() - start)
        v, f = statistics.median(tijden_v) * 1000, statistics.median(tijden_f) * 1000
        print(
            f"boven_vloer: {soort} {v:.0f} ms tegen vloer {f:.0f} ms = "
            f"{v / f:.1f}x (doel: hoogstens {doel}x)".replace(".", ",")
            + ("" if zelfde else " (let op: de vloer maakt niet dezelfde bytes)")
        )


def carbone_sjabloon(delen: dict[str, bytes]) -> tuple[dict[str, bytes], dict[str, str]]:
    """A Carbone template of a rendered document: every text of its Word parts a marker
    {d.tN}, and the data giving those texts back (unescaped: Carbone escapes them)."""
    gegevens: dict[str, str] = {}

    def marker(m: re.Match[bytes]) -> bytes:
        naam = f"t{len(gegevens)}"
        gegevens[naam] = html.unescape(m.group(2).decode("utf-8"))
        return m.group(1) + b"{d.%s}" % naam.encode() + m.group(3)

    sjabloon = {
        naam: TEKST.sub(marker, inhoud)
        if naam.startswith("word/") and naam.endswith(".xml")
        else inhoud
        for naam, inhoud in delen.items()
    }
    return sjabloon, gegevens


def _teksten(docx: bytes) -> list[str]:
    """Every text of a .docx's Word parts, in order, unescaped."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archief:
        return [
            html.unescape(m.group(2).decode("utf-8"))
            for naam in sorted(archief.namelist())
            if naam.startswith("word/") and naam.endswith(".xml")
            for m in TEKST.finditer(archief.read(naam))
        ]


def carbone(tmp: Path, herhaal: int = 9) -> None:
    """`carbone:` the JIM document (its first gemeente's version) by voorstel's Word renderer
    and by Carbone (npm `carbone`, benchmarks/carbone/, installed into a temporary folder),
    from a Carbone template of the same document with every text a marker: the least
    Carbone can be asked to do. The two take turns, one render each, in one run. Skipped
    with a message without node and npm, or when the install fails."""
    from voorstel.kern.vastezip import vaste_zip
    from voorstel.uitvoer import RENDERERS

    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        print("carbone: overgeslagen, node en npm zijn nodig (Debian: apt-get install nodejs npm)")
        return
    map_ = tmp / "carbone"
    shutil.copytree(ROOT / "benchmarks" / "carbone", map_)
    try:
        subprocess.run(
            [npm, "install", "--no-audit", "--no-fund", "--silent"],
            cwd=map_,
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"carbone: overgeslagen, npm install lukte niet ({type(exc).__name__})")
        return
    gevalideerd = laad_en_valideer(ROOT / VLOERVOORBEELDEN["jim"][0])
    _, context = next(
        iter(varianten(gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers))
    )
    renderer = RENDERERS["docx"]()
    data = renderer.render(context)
    with zipfile.ZipFile(io.BytesIO(data)) as archief:
        delen = {naam: archief.read(naam) for naam in archief.namelist()}
    sjabloon, gegevens = carbone_sjabloon(delen)
    (map_ / "jim.docx").write_bytes(vaste_zip(sjabloon))
    (map_ / "jim.json").write_text(json.dumps(gegevens, ensure_ascii=False), "utf-8")
    proces = subprocess.Popen(
        [node, "render.js", "jim.docx", "jim.json", "uit.docx"],
        cwd=map_,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proces.stdin is not None and proces.stdout is not None
    try:
        if proces.stdout.readline().strip() != "klaar":
            print("carbone: overgeslagen, Carbone maakte het document niet")
            return
        zelfde = _teksten((map_ / "uit.docx").read_bytes()) == _teksten(data)
        tijden_v, tijden_c = [], []
        for _ in range(herhaal):
            start = time.perf_counter()
            renderer.render(context)
            tijden_v.append((time.perf_counter() - start) * 1000)
            proces.stdin.write("\n")
            proces.stdin.flush()
            tijden_c.append(float(proces.stdout.readline()))
    finally:
        proces.stdin.close()
        proces.wait()
    v, c = statistics.median(tijden_v), statistics.median(tijden_c)
    print(
        f"carbone: jim voorstel {v:.0f} ms, Carbone {c:.0f} ms per document, "
        f"Carbone/voorstel {c / v:.2f} (doel: >= 1,0)".replace(".", ",")
        + ("" if zelfde else " (let op: Carbone maakte niet dezelfde tekst)")
    )


RONDES_PDF = 3
"""Rounds of the pdf: line, each the batch in a warm LibreOffice and then every file with
soffice --convert-to."""


def pdf_per_document(tmp: Path) -> None:
    """`pdf:` the Word outputs of every example to PDF: voorstel's conversion in a batch
    (a warm LibreOffice, its profile kept from a first run, as a build folder keeps it;
    tables of contents numbered) against `soffice --convert-to` per file (its profile kept
    too), in turn for RONDES_PDF rounds, the median of each. Skipped without LibreOffice."""
    from voorstel.uitvoer import libreoffice, pdf

    soffice = shutil.which("soffice")
    if soffice is None:
        print("pdf: overgeslagen, LibreOffice (soffice) ontbreekt")
        return
    map_ = tmp / "pdf"
    subprocess.run(
        [str(VOORSTEL), "build", str(ROOT / "data"), "--out", str(map_ / "docx"), "-q"],
        check=True,
        capture_output=True,
    )
    docx = sorted((map_ / "docx").rglob("*.docx"))
    bronnen = [d.read_bytes() for d in docx]
    cache = map_ / "cache"
    pdf.converteer(bronnen[:1], cache=cache)  # the profile, as a build folder keeps it
    profiel = (map_ / "profiel").as_uri()
    opdracht = [soffice, f"-env:UserInstallation={profiel}", "--headless", "--convert-to"]

    def los(bestand: Path) -> None:
        subprocess.run(
            [*opdracht, "pdf", "--outdir", str(map_ / "los"), str(bestand)],
            check=True,
            capture_output=True,
        )

    los(docx[0])  # its profile made before the clock starts, as for voorstel
    warme, losse = [], []
    gelukt = 0
    for _ in range(RONDES_PDF):  # in turn, so both meet the same machine
        begin = time.perf_counter()
        uit = pdf.converteer(bronnen, cache=cache)
        warme.append((time.perf_counter() - begin) / len(bronnen))
        gelukt = sum(isinstance(p, bytes) for p in uit)
        begin = time.perf_counter()
        for bestand in docx:
            los(bestand)
        losse.append((time.perf_counter() - begin) / len(docx))
    warm, per_bestand = statistics.median(warme), statistics.median(losse)
    wijze = "warme LibreOffice" if libreoffice.uno_python(soffice) else "één soffice-run"
    print(
        f"pdf: {len(bronnen)} documenten ({gelukt} gelukt), voorstel ({wijze}) "
        f"{warm:.2f} s per document, soffice --convert-to per bestand {per_bestand:.2f} s, "
        f"{per_bestand / warm:.1f}x, mediaan van {RONDES_PDF} rondes om beurten "
        "(doel: voorstel <= 0.5 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="Word-documenten (standaard 200)")
    parser.add_argument("-m", type=int, default=1000, help="documenten voor de no-op (1000)")
    args = parser.parse_args()
    lijst = voorbeelden()
    opstarten()
    laden()
    vloer()
    with tempfile.TemporaryDirectory(prefix="voorstel-bench-") as tmp:
        niets_gewijzigd(Path(tmp), lijst, args.m)
        grafieken(Path(tmp))
        speedup = vergelijking(Path(tmp), lijst, args.n)
        regionaal(Path(tmp))
        pdf_per_document(Path(tmp))
        carbone(Path(tmp))
        geheugen(Path(tmp), lijst, (200, 2000))
    print(f"speedup: {speedup:.2f}")


if __name__ == "__main__":
    main()
