"""The fault matrix, limits on templates (case 25): a user's template may not loop forever
or build gigabytes. Each render of a document has a deadline and a size limit; a template
that reaches one is named (with its line, for Markdown), the build exits 1, and nothing
is written. The limits are set small here through the environment, so each test is quick.
"""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from conftest import MINIMAAL
from voorstel.bouwen.build import bouw_bestand
from voorstel.cli import main
from voorstel.uitvoer.grenzen import Grenzen, begrensd
from voorstel.uitvoer.omgeving import markdown_omgeving

SJABLOON = Path("collegevoorstel") / "document.md.j2"
GENESTE_LUS = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"


@pytest.fixture(autouse=True)
def kleine_grenzen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOORSTEL_SJABLOONTIJD", "0,5")
    monkeypatch.setenv("VOORSTEL_SJABLOONGROOTTE", "1")


def eigen_md(tmp_path: Path, inhoud: str, extra: dict[str, str] | None = None) -> Path:
    """A folder with a user's Markdown template for the collegevoorstel (and more files)."""
    map_ = tmp_path / "eigen"
    for naam, tekst in {str(SJABLOON): inhoud, **(extra or {})}.items():
        (map_ / naam).parent.mkdir(parents=True, exist_ok=True)
        (map_ / naam).write_text(tekst, encoding="utf-8")
    return map_


def eigen_docx(tmp_path: Path, *alineas: str) -> Path:
    map_ = tmp_path / "eigen"
    (map_ / "collegevoorstel").mkdir(parents=True)
    document = docx.Document()
    for alinea in alineas:
        document.add_paragraph(alinea)
    document.save(str(map_ / "collegevoorstel" / "document.docx"))
    return map_


def fout(tmp_path: Path, sjablonen: Path, formaat: str = "md") -> str:
    """The error of building the minimal document with these templates; nothing written."""
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    resultaat = bouw_bestand(bron, tmp_path / "out", [formaat], [sjablonen])
    assert resultaat.fout is not None
    assert resultaat.geschreven == []
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    return str(resultaat.fout)


TIJD = (
    "het sjabloon is na 0,5 seconden nog niet klaar en is gestopt; waarschijnlijk loopt een "
    "lus ({% for %}) te lang of zonder einde. Maak de lus kleiner, of geef meer tijd met "
    "VOORSTEL_SJABLOONTIJD (nu 0,5 seconden)"
)


def test_eindeloze_lus_in_eigen_md_sjabloon_stopt_op_tijd(tmp_path: Path) -> None:
    """Two nested loops of 100.000 (10^10 iterations, writing nothing) stop at the deadline,
    with the template and the line of the loop."""
    map_ = eigen_md(tmp_path, "# {{ onderwerp }}\n\n" + GENESTE_LUS + "\n")
    begin = time.monotonic()
    melding = fout(tmp_path, map_)
    assert time.monotonic() - begin < 3
    assert melding == f"{map_ / SJABLOON}:3: {TIJD}"


def test_lus_in_een_opgenomen_sjabloon_noemt_dat_sjabloon(tmp_path: Path) -> None:
    map_ = eigen_md(
        tmp_path,
        '{% include "collegevoorstel/lus.md.j2" %}\n',
        {"collegevoorstel/lus.md.j2": "regel een\n" + GENESTE_LUS},
    )
    assert fout(tmp_path, map_) == f"{map_ / 'collegevoorstel' / 'lus.md.j2'}:2: {TIJD}"


@pytest.mark.parametrize(
    ("uitdrukking", "melding"),
    [
        ("'x' * 10**10", "de bewerking '*' in het sjabloon zou een waarde van ongeveer 9 GB"),
        ("10**10 * ['x']", "de bewerking '*' in het sjabloon zou een waarde van ongeveer 84 GB"),
        ("2 ** 100000000", "de bewerking '**' in het sjabloon zou een getal van meer dan 30.000"),
        ("'x'|center(10**10)", "het filter 'center' in het sjabloon zou een waarde van"),
        ("'x'.ljust(10**10)", "'ljust' in het sjabloon zou een waarde van ongeveer 9 GB"),
        ("'%10000000000s' % 1", "de bewerking '%' in het sjabloon zou een waarde van"),
        ("'{:>10000000000}'.format(1)", "het opmaken met format in het sjabloon zou een"),
        ("('x' * 2000)|replace('x', 'y' * 2000)", "het filter 'replace' in het sjabloon zou"),
        ("range(100000)|join('x' * 1000)", "het filter 'join' in het sjabloon zou een waarde"),
        ("'abc'|indent(10**9, true)", "het filter 'indent' in het sjabloon zou een waarde"),
    ],
)
def test_een_te_grote_waarde_wordt_geweigerd_voor_ze_gemaakt_wordt(
    tmp_path: Path, uitdrukking: str, melding: str
) -> None:
    """'x' * 10**10 and its kin are refused before the value is made (at once, no memory),
    with the line of the expression."""
    map_ = eigen_md(tmp_path, "regel een\n{{ " + uitdrukking + " }}\n")
    begin = time.monotonic()
    uit = fout(tmp_path, map_)
    assert time.monotonic() - begin < 3
    assert uit.startswith(f"{map_ / SJABLOON}:2: {melding}"), uit
    if "getal" not in melding:
        assert uit.endswith(
            "een sjabloon mag per waarde hoogstens 1 MB maken. Controleer het sjabloon, of "
            "sta meer toe met VOORSTEL_SJABLOONGROOTTE (nu 1 MB)"
        )


def test_te_veel_uitvoer_door_lussen_stopt_op_grootte(tmp_path: Path) -> None:
    """Loops that write 10^10 times a line stop once the document passes the size limit,
    long before the deadline; so does text written in a macro or a {% set %} block."""
    schrijven = GENESTE_LUS.replace("{% endfor %}{% endfor %}", "een regel{% endfor %}{% endfor %}")
    grootte = (
        "het sjabloon schrijft meer dan 1 MB tekst voor één document en is gestopt; "
        "controleer de lussen ({% for %}), of sta meer toe met VOORSTEL_SJABLOONGROOTTE "
        "(nu 1 MB)"
    )
    for sjabloon in (
        schrijven,
        "{% macro m() %}" + schrijven + "{% endmacro %}{{ m()|length }}",
        "{% set s %}" + schrijven + "{% endset %}{{ s|length }}",
    ):
        map_ = eigen_md(tmp_path / str(len(sjabloon)), sjabloon)
        begin = time.monotonic()
        assert fout(tmp_path / str(len(sjabloon)), map_) == f"{map_ / SJABLOON}:1: {grootte}"
        assert time.monotonic() - begin < 3


def test_waarden_die_niet_geschreven_worden_tellen_ook(tmp_path: Path) -> None:
    """A loop that keeps making large values without writing them is stopped too."""
    map_ = eigen_md(tmp_path, "{{ range(100000)|map('center', 900000)|list|length }}")
    assert fout(tmp_path, map_).endswith(
        "de filters, functies en bewerkingen in het sjabloon maken samen meer dan 4 MB "
        "tekst voor één document; controleer de lussen, of sta meer toe met "
        "VOORSTEL_SJABLOONGROOTTE (de grens is 4 keer die waarde)"
    )


def test_range_en_recursie_geven_een_nederlandse_melding(tmp_path: Path) -> None:
    map_ = eigen_md(tmp_path / "a", "{% for i in range(10**12) %}{% endfor %}")
    assert fout(tmp_path / "a", map_) == (
        f"{map_ / SJABLOON}:1: range(...) zou 1.000.000.000.000 getallen maken; een sjabloon "
        "telt tot hoogstens 100.000 (een lus over meer is bijna altijd een fout)"
    )
    map_ = eigen_md(tmp_path / "b", "{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}")
    assert fout(tmp_path / "b", map_).startswith(
        f"{map_ / SJABLOON}:1: het sjabloon roept zichzelf zonder einde aan"
    )


def test_eindeloze_lus_in_eigen_word_sjabloon_stopt_op_tijd(tmp_path: Path) -> None:
    """Word templates render through the same environment, under the same limits."""
    map_ = eigen_docx(tmp_path, "{{ onderwerp }}", GENESTE_LUS)
    begin = time.monotonic()
    melding = fout(tmp_path, map_, "docx")
    assert time.monotonic() - begin < 3
    assert melding == f"{map_ / 'collegevoorstel' / 'document.docx'}: {TIJD}"


def test_te_grote_waarde_in_eigen_word_sjabloon(tmp_path: Path) -> None:
    map_ = eigen_docx(tmp_path, "{{ 'x' * 10**10 }}")
    assert fout(tmp_path, map_, "docx").startswith(
        f"{map_ / 'collegevoorstel' / 'document.docx'}: de bewerking '*' in het sjabloon zou "
        "een waarde van ongeveer 9 GB maken"
    )


def test_cli_meldt_de_grens_met_exit_1_en_schrijft_niets(tmp_path: Path) -> None:
    map_ = eigen_md(tmp_path, GENESTE_LUS)
    bron = tmp_path / "doc.yaml"
    bron.write_text(MINIMAAL, encoding="utf-8")
    uit = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(bron), "--templates", str(map_), "--format", "md", "--out", str(uit)]
    )
    assert result.exit_code == 1
    assert f"{map_ / SJABLOON}:1: het sjabloon is na 0,5 seconden" in result.output
    assert not uit.exists() or not [p for p in uit.rglob("*") if p.suffix == ".md"]


def test_ongeldige_grens_in_de_omgeving(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOORSTEL_SJABLOONTIJD", "lang")
    map_ = eigen_md(tmp_path, "{{ onderwerp }}")
    assert fout(tmp_path, map_) == (
        f"{tmp_path / 'doc.yaml'}: de omgevingsvariabele VOORSTEL_SJABLOONTIJD is 'lang', "
        "maar moet een getal groter dan 0 zijn (seconden); bijvoorbeeld "
        "VOORSTEL_SJABLOONTIJD=30, of laat hem weg"
    )


def test_gewone_sjablonen_blijven_werken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks change nothing for what a template normally does."""
    monkeypatch.delenv("VOORSTEL_SJABLOONTIJD")
    monkeypatch.delenv("VOORSTEL_SJABLOONGROOTTE")
    assert Grenzen.uit_omgeving() == Grenzen()
    env = markdown_omgeving()
    bron = (
        "{% for x in xs if x %}{{ loop.index }}{{ x|upper }}{% endfor %}|"
        "{{ '%s-%d'|format('a', 3) }}|{{ [1, 2]|join(', ') }}|{{ '{:>4}'.format('a') }}|"
        "{{ 'a' ~ 1 }}|{{ 2 ** 10 }}|{{ 'ab' * 2 }}|{{ 'a b'|replace(' ', '-') }}|"
        "{% set ns = namespace(n=0) %}{% for i in range(3) %}{% set ns.n = ns.n + i %}"
        "{% endfor %}{{ ns.n }}"
    )
    with begrensd():
        uit = env.from_string(bron).render(xs=["a", "", "b"])
    assert uit == "1A2B|a-3|1, 2|   a|a1|1024|abab|a-b|3"
