"""Tracked changes computed on the data (uitvoer/revisie.py): two contexts merged, the
template rendered once in both versions, the renderer writing every change.

User templates with conditions, loops, filters and arithmetic: accepting every change must
give the new version's plain render, rejecting every change the old one's.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from test_wijzigingen import libreoffice, wijzigingen
from voorstel.blokken.tabellen import Cel, Tabel
from voorstel.uitvoer import DocxRenderer, MarkdownRenderer
from voorstel.uitvoer.revisie import (
    AFWEZIG,
    Lijstwijziging,
    Revisie,
    Wijziging,
    samenvoegen,
    zijde,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def meta(titel: str) -> dict[str, Any]:
    return {
        "titel": titel,
        "auteur": "Beleidsadviseur",
        "onderwerp": titel,
        "soort": "collegevoorstel",
        "datum": datetime(2026, 12, 1, tzinfo=UTC),
    }


OUD: dict[str, Any] = {
    "soort": "collegevoorstel",
    "meta": meta("Pilot"),
    "onderwerp": "Pilot jeugdhulp in de wijk",
    "zaaknummer": "Z-2026-001",
    "bedrag": Decimal("25000"),
    "extra": None,
    "punten": [
        {"nummer": "1.", "tekst": "In te stemmen met de pilot."},
        {"nummer": "2.", "tekst": "De raad te informeren."},
        {"nummer": "3.", "tekst": "Een budget van € 25.000 beschikbaar te stellen."},
    ],
    "posten": [
        {"naam": "Inhuur", "bedrag": Decimal("15000")},
        {"naam": "Materiaal", "bedrag": Decimal("10000")},
    ],
    "voetnoten": {},
}

NIEUW: dict[str, Any] = {
    **OUD,
    "onderwerp": "Pilot jeugdhulp in de buurt",
    "zaaknummer": None,
    "bedrag": Decimal("27500"),
    "extra": "Een nieuwe alinea na het overleg.",
    "punten": [
        {"nummer": "1.", "tekst": "In te stemmen met de pilot."},
        {"nummer": "2.", "tekst": "De portefeuillehouder te machtigen."},
        {"nummer": "3.", "tekst": "De raad te informeren."},
        {"nummer": "4.", "tekst": "Een budget van € 27.500 beschikbaar te stellen."},
    ],
    "posten": [
        {"naam": "Inhuur", "bedrag": Decimal("17500")},
        {"naam": "Materiaal", "bedrag": Decimal("10000")},
    ],
}


def test_samenvoegen() -> None:
    samen = samenvoegen(OUD, NIEUW)
    assert samen["soort"] == "collegevoorstel"  # equal: the value itself
    assert isinstance(samen["bedrag"], Wijziging)
    assert (samen["bedrag"].oud, samen["bedrag"].nieuw) == (Decimal("25000"), Decimal("27500"))
    punten = samen["punten"]
    assert isinstance(punten, Lijstwijziging)
    assert [item.staat for item in punten.items] == ["beide", "nieuw", "beide", "beide"]
    # a number that follows from the items before it is no change of its own
    nummer = punten.items[2].waarde["nummer"]
    assert isinstance(nummer, Wijziging) and nummer.stil
    # a key only one version has
    alleen = samenvoegen({"a": 1}, {"b": 2})
    assert alleen["a"].nieuw is AFWEZIG and alleen["b"].oud is AFWEZIG
    assert zijde(alleen, "oud") == {"a": 1} and zijde(alleen, "nieuw") == {"b": 2}
    assert zijde(samen, "oud") == OUD and zijde(samen, "nieuw") == NIEUW
    # a table is compared whole here; its writer aligns its rows and columns
    tabel = Tabel(None, ["a"], [[Cel("x")]])
    anders = Tabel(None, ["a"], [[Cel("y")]])
    assert samenvoegen(tabel, Tabel(None, ["a"], [[Cel("x")]])) == tabel
    assert isinstance(samenvoegen(tabel, anders), Wijziging)


MD = """\
# {{ onderwerp }}

{% if zaaknummer %}
Zaaknummer: {{ zaaknummer }}
{% elif extra %}
{{ extra }}
{% else %}
Geen zaaknummer.
{% endif %}

Budget: {{ bedrag|bedrag_heel }}, met 10% onvoorzien {{ (bedrag * 11 / 10)|bedrag_heel }}.

{% for punt in punten %}
{{ punt.nummer }} {{ punt.tekst }}
{% endfor %}

{% for post in posten if post.bedrag > 0 %}
- {{ post.naam }}: {{ post.bedrag|bedrag_heel }}
{% endfor %}
"""

CRITIC = re.compile(r"\{--(.*?)--\}|\{\+\+(.*?)\+\+\}")


def aanvaard(tekst: str) -> str:
    return CRITIC.sub(lambda m: m.group(2) or "", tekst)


def verworpen(tekst: str) -> str:
    return CRITIC.sub(lambda m: m.group(1) or "", tekst)


def gelijk(tekst: str) -> list[str]:
    """The lines with text, list numbers as '#.': CriticMarkup marks lines, so a line
    inserted or deleted whole leaves an empty one."""
    return [re.sub(r"^\d+\. ", "#. ", regel) for regel in tekst.split("\n") if regel.strip()]


def test_markdown_sjabloon_ziet_beide_versies(tmp_path: Path) -> None:
    map_ = tmp_path / "sjablonen" / "collegevoorstel"
    map_.mkdir(parents=True)
    (map_ / "document.md.j2").write_text(MD, "utf-8")
    renderer = MarkdownRenderer([tmp_path / "sjablonen"])
    rev = Revisie("voorstel", datetime(2026, 12, 1, tzinfo=UTC))
    tekst = renderer.render(samenvoegen(OUD, NIEUW), rev=rev).decode("utf-8")
    assert tekst == (
        "# Pilot jeugdhulp in de {--wijk--}{++buurt++}\n\n"
        "{--Zaaknummer: Z-2026-001--}\n"
        "{++Een nieuwe alinea na het overleg.++}\n\n"
        "Budget: € {--25.000--}{++27.500++}, met 10% onvoorzien € {--27.500--}{++30.250++}.\n\n"
        "1. In te stemmen met de pilot.\n"
        "{++2. De portefeuillehouder te machtigen.++}\n"
        "3. De raad te informeren.\n"
        "4. Een budget van € {--25.000--}{++27.500++} beschikbaar te stellen.\n\n"
        "- Inhuur: € {--15.000--}{++17.500++}\n"
        "- Materiaal: € 10.000\n"
    )
    assert rev.aantal == 13
    # accepting every change gives the new version, rejecting every change the old one
    assert gelijk(aanvaard(tekst)) == gelijk(renderer.render(NIEUW).decode("utf-8"))
    assert gelijk(verworpen(tekst)) == gelijk(renderer.render(OUD).decode("utf-8"))


def woord_sjabloon(pad: Path) -> None:
    """A user's Word template: a condition on a paragraph, a loop over paragraphs, a loop
    over table rows, values and filters inline."""
    document = docx.Document()
    document.add_paragraph("Onderwerp: {{ onderwerp }}")
    document.add_paragraph("{%p if zaaknummer %}")
    document.add_paragraph("Zaaknummer: {{ zaaknummer }}")
    document.add_paragraph("{%p else %}")
    document.add_paragraph("Zonder zaaknummer.")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if extra %}")
    document.add_paragraph("{{ extra }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("Budget: {{ bedrag|bedrag_heel }}.")
    document.add_paragraph(
        "Stand: {% if extra %}met een extra alinea{% else %}zonder extra{% endif %}; "
        "posten: {% for post in posten %}{{ post.naam }}{% if not loop.last %}, {% endif %}"
        "{% endfor %}."
    )
    document.add_paragraph("{%p for punt in punten %}")
    document.add_paragraph("{{ punt.tekst }}", style="List Number")
    document.add_paragraph("{%p endfor %}")
    tabel = document.add_table(rows=3, cols=2)
    tabel.rows[0].cells[0].text = "{%tr for post in posten %}"
    tabel.rows[1].cells[0].text = "{{ post.naam }}"
    tabel.rows[1].cells[1].text = "{{ post.bedrag|bedrag_heel }}"
    tabel.rows[2].cells[0].text = "{%tr endfor %}"
    document.add_paragraph("Einde.")
    pad.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(pad))


def test_word_sjabloon_met_voorwaarden_en_lussen(tmp_path: Path) -> None:
    sjablonen = tmp_path / "sjablonen"
    woord_sjabloon(sjablonen / "collegevoorstel" / "document.docx")
    nieuw_ = {**NIEUW, "posten": [*NIEUW["posten"], {"naam": "Reis", "bedrag": Decimal("500")}]}
    renderer = DocxRenderer([sjablonen])
    rev = Revisie("voorstel", datetime(2026, 12, 1, tzinfo=UTC))
    data = renderer.render(samenvoegen(OUD, nieuw_), rev=rev)
    pad = tmp_path / "wijzigingen.docx"
    pad.write_bytes(data)
    assert wijzigingen(pad) == [
        ("del", "tekst", "wijk"),
        ("ins", "tekst", "buurt"),
        # the branch the old version took, deleted whole; the new one's inserted whole
        ("del", "alinea", "Zaaknummer: Z-2026-001"),
        ("del", "tekst", "Zaaknummer: Z-2026-001"),
        ("ins", "alinea", "Zonder zaaknummer."),
        ("ins", "tekst", "Zonder zaaknummer."),
        ("ins", "alinea", "Een nieuwe alinea na het overleg."),
        ("ins", "tekst", "Een nieuwe alinea na het overleg."),
        ("del", "tekst", "25.000"),
        ("ins", "tekst", "27.500"),
        # a branch inside a paragraph, and the list written inline, its new separator too
        ("ins", "tekst", "met een extra alinea"),
        ("del", "tekst", "zonder extra"),
        ("ins", "tekst", ", Reis"),
        ("ins", "alinea", "De portefeuillehouder te machtigen."),
        ("ins", "tekst", "De portefeuillehouder te machtigen."),
        ("del", "tekst", "25.000"),
        ("ins", "tekst", "27.500"),
        ("del", "tekst", "15.000"),
        ("ins", "tekst", "17.500"),
        ("ins", "rij", "Reis | € 500"),
        ("ins", "tekst", "Reis"),
        ("ins", "tekst", "€ 500"),
    ]
    assert rev.aantal == 22
    root = etree.fromstring(zipfile.ZipFile(pad).read("word/document.xml"))
    assert not re.search("[\ue000-\ue2ff]", etree.tostring(root, encoding="unicode"))
    accepteer_en_weiger(tmp_path, sjablonen, OUD, nieuw_, pad)


def bijgehouden(sjablonen: Path, eerst: dict[str, Any], dan: dict[str, Any], pad: Path) -> None:
    """The tracked-changes render from `eerst` to `dan` with the user's templates, in `pad`."""
    rev = Revisie("voorstel", datetime(2026, 12, 1, tzinfo=UTC))
    pad.write_bytes(DocxRenderer([sjablonen]).render(samenvoegen(eerst, dan), rev=rev))
    assert rev.aantal > 0


def accepteer_en_weiger(
    tmp_path: Path,
    sjablonen: Path,
    oud: dict[str, Any],
    nieuw: dict[str, Any],
    heen: Path,
    terug: Path | None = None,
) -> None:
    """LibreOffice accepts and rejects every change of `heen` (from old to new) and of
    `terug` (from new to old), in one run: what gives the new version must be the plain
    render of `nieuw`, what gives the old one that of `oud`."""
    oud_pad, nieuw_pad = tmp_path / "oud.docx", tmp_path / "nieuw.docx"
    oud_pad.write_bytes(DocxRenderer([sjablonen]).render(oud))
    nieuw_pad.write_bytes(DocxRenderer([sjablonen]).render(nieuw))
    paden = [heen] if terug is None else [heen, terug]
    opdrachten = [(pad, modus) for pad in paden for modus in ("accepteer", "verwerp")]
    *gelezen, oud_lo, nieuw_lo = libreoffice(
        tmp_path, [*opdrachten, (oud_pad, "niets"), (nieuw_pad, "niets")]
    )
    assert oud_lo["regels"] != nieuw_lo["regels"]
    a, v = gelezen[0], gelezen[1]
    assert a["regels"] == nieuw_lo["regels"]
    assert v["regels"] == oud_lo["regels"]
    if terug is not None:
        assert gelezen[3]["regels"] == nieuw_lo["regels"]  # rejecting the way back
        assert gelezen[2]["regels"] == oud_lo["regels"]


def sjabloonmap(tmp_path: Path, document: Any) -> Path:
    """A folder of user templates holding `document` as the collegevoorstel's."""
    sjablonen = tmp_path / "sjablonen"
    (sjablonen / "collegevoorstel").mkdir(parents=True)
    document.save(str(sjablonen / "collegevoorstel" / "document.docx"))
    return sjablonen


def test_word_sjabloon_met_een_kop_per_groep(tmp_path: Path) -> None:
    """A user's Word template that writes a heading per category (loop.changed) over a
    dictionary of risks: a risk moved to another category, and the categories in another
    order, so the last paragraph is one only a version has. LibreOffice's accept all and
    reject all give the plain renders, in both directions."""
    document = docx.Document()
    document.add_paragraph("{%p for risico in risicos %}")
    document.add_paragraph("{%p if loop.changed(risico.soort) %}")
    document.add_paragraph("{{ risico.soort }}", style="Heading 2")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{{ risico.naam }}: {{ risico.kans }}", style="List Bullet")
    document.add_paragraph("{%p endfor %}")
    cel = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cel.text = "Kansen:"
    for regel in ("{%p for naam in kansen %}", "{{ naam }}", "{%p endfor %}"):
        cel.add_paragraph(regel)
    document.add_paragraph("{%p for naam, kans in kansen.items() %}")
    document.add_paragraph("{{ naam }} ({{ kans }})")
    document.add_paragraph("{%p endfor %}")
    sjablonen = sjabloonmap(tmp_path, document)

    def risico(soort: str, naam: str, kans: str) -> dict[str, str]:
        return {"soort": soort, "naam": naam, "kans": kans}

    oud = {
        **OUD,
        "risicos": [
            risico("Financieel", "Overschrijding", "klein"),
            risico("Financieel", "Minder subsidie", "middel"),
            risico("Uitvoering", "Te weinig aanbieders", "groot"),
        ],
        "kansen": {"klein": 1, "middel": 2, "groot": 3},
    }
    nieuw = {
        **oud,
        "risicos": [
            risico("Financieel", "Overschrijding", "klein"),
            risico("Uitvoering", "Minder subsidie", "middel"),
            risico("Uitvoering", "Te weinig aanbieders", "groot"),
        ],
        "kansen": {"groot": 3, "middel": 2, "klein": 1},
    }
    heen, terug = tmp_path / "heen.docx", tmp_path / "terug.docx"
    bijgehouden(sjablonen, oud, nieuw, heen)
    bijgehouden(sjablonen, nieuw, oud, terug)
    accepteer_en_weiger(tmp_path, sjablonen, oud, nieuw, heen, terug)  # no empty paragraph


def test_word_sjabloon_met_een_recursieve_lus(tmp_path: Path) -> None:
    """A tree of chapters written by a recursive loop over paragraphs: each version's tree
    written whole, the two compared; accept all and reject all give the plain renders."""
    document = docx.Document()
    document.add_paragraph("Inhoud")
    document.add_paragraph("{%p for h in hoofdstukken recursive %}")
    document.add_paragraph("{{ loop.depth }}.{{ loop.index }} {{ h.titel }}")
    document.add_paragraph("{%p if h.delen %}")
    document.add_paragraph("{{ loop(h.delen) }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("Einde.")
    sjablonen = sjabloonmap(tmp_path, document)

    def h(titel: str, *delen: dict[str, Any]) -> dict[str, Any]:
        return {"titel": titel, "delen": list(delen)}

    oud = {**OUD, "hoofdstukken": [h("Inleiding", h("Doel"))]}
    nieuw = {**OUD, "hoofdstukken": [h("Inleiding", h("Doel"), h("Aanleiding")), h("Besluit")]}
    pad = tmp_path / "w.docx"
    bijgehouden(sjablonen, oud, nieuw, pad)
    accepteer_en_weiger(tmp_path, sjablonen, oud, nieuw, pad)


def test_een_cel_die_een_lege_lus_vult_houdt_een_alinea(tmp_path: Path) -> None:
    """A cell filled only by a loop over an empty list still ends with a paragraph (docxtpl
    leaves none, which is no valid Word), in a plain render and with tracked changes."""
    document = docx.Document()
    document.add_paragraph("Voor")
    cellen = document.add_table(rows=1, cols=2).rows[0].cells
    cellen[0].paragraphs[0].text = "{%p for i in items %}"
    cellen[0].add_paragraph("{{ i }}")
    cellen[0].add_paragraph("{%p endfor %}")
    cellen[1].text = "b"
    document.add_paragraph("Na")
    sjablonen = sjabloonmap(tmp_path, document)
    oud, nieuw = {**OUD, "items": []}, {**OUD, "items": ["a", "c"]}
    rev = Revisie("voorstel", datetime(2026, 12, 1, tzinfo=UTC))
    for data in (
        DocxRenderer([sjablonen]).render(oud),
        DocxRenderer([sjablonen]).render(samenvoegen(oud, nieuw), rev=rev),
    ):
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
        for cel in root.iter(f"{W}tc"):
            assert cel[-1].tag == f"{W}p"


def test_alleen_de_nieuwe_versie_heeft_een_veld() -> None:
    """A field only the new version has: its {% if %} is false in the old one, so what it
    guards is inserted whole; one only the old version has, deleted whole."""
    oud = {"soort": "collegevoorstel", "meta": meta("A"), "voetnoten": {}, "a": "weg"}
    nieuw = {"soort": "collegevoorstel", "meta": meta("A"), "voetnoten": {}, "b": "erbij"}
    samen = samenvoegen(oud, nieuw)
    from voorstel.uitvoer.omgeving import markdown_revisie_omgeving
    from voorstel.uitvoer.revisie import critic_md, met_revisie

    env = markdown_revisie_omgeving(())
    sjabloon = env.from_string(
        "{% if a is defined and a %}A: {{ a }}\n{% endif %}"
        "{% if b is defined and b %}B: {{ b }}\n{% endif %}"
        "{{ a|default('-') }} {{ b|default('-') }}\n"
    )
    with met_revisie(Revisie("voorstel", datetime(2026, 1, 1, tzinfo=UTC))):
        tekst = sjabloon.render(samen)
    assert (
        critic_md(tekst)[0] == "{--A: weg--}\n{++B: erbij++}\n{--weg--}{++-++} {-----}{++erbij++}\n"
    )
    assert date(2026, 1, 1)  # the module imports date for the meta of other tests


def test_set_in_een_tak_van_een_versie() -> None:
    """A variable set in branches that only one version takes holds both versions' values
    after them: what is written with it shows its change."""
    from voorstel.uitvoer.omgeving import markdown_revisie_omgeving
    from voorstel.uitvoer.revisie import critic_md, met_revisie

    env = markdown_revisie_omgeving(())
    sjabloon = env.from_string(
        "{% if zaaknummer %}{% set label = 'Met zaak' %}{% else %}{% set label = 'Zonder' %}"
        "{% endif %}Soort: {{ label }}\n"
        "{% set vast = 'altijd' %}{{ vast }}\n"
    )
    with met_revisie(Revisie("voorstel", datetime(2026, 1, 1, tzinfo=UTC))):
        tekst = sjabloon.render(samenvoegen(OUD, NIEUW))
    assert critic_md(tekst)[0] == "Soort: {--Met zaak--}{++Zonder++}\naltijd\n"
    assert sjabloon.render(OUD) == "Soort: Met zaak\naltijd\n"


GEVALLEN = [
    ("{{ 'ja' if a else 'nee' }}", {"a": 1}, {"a": 0}),
    ("{{ a or b }} {{ a and b }}", {"a": "", "b": "x"}, {"a": "y", "b": "x"}),
    ("{{ a|default('-') }}", {"a": "x"}, {}),
    ("{{ a == b }} {{ a < b }}", {"a": 1, "b": 2}, {"a": 2, "b": 2}),
    ("{{ a.upper() }} {{ a[0] }} {{ a[1:] }}", {"a": "abc"}, {"a": "xbz"}),
    ("{% for i in range(n) %}{{ i }} {% endfor %}", {"n": 2}, {"n": 3}),
    (
        "{% for x in l %}{{ loop.index }}: {{ x }}\n{% endfor %}",
        {"l": ["a", "b", "c"]},
        {"l": ["a", "c"]},
    ),
    (
        "{% for x in l %}{{ x }}{% if not loop.last %}, {% endif %}{% endfor %}",
        {"l": ["a", "b"]},
        {"l": ["a", "b", "c"]},
    ),
    ("{% for x in l %}{{ x }}\n{% else %}leeg\n{% endfor %}", {"l": []}, {"l": [1]}),
    (
        "{% for x in l if x > 1 %}{{ loop.index }}={{ x }} {% endfor %}",
        {"l": [1, 2, 3]},
        {"l": [3, 1, 5]},
    ),
    (
        "{% set ns = namespace(t=0) %}{% for x in l %}{% set ns.t = ns.t + x %}{% endfor %}"
        "{{ ns.t }}",
        {"l": [1, 2]},
        {"l": [1, 2, 3]},
    ),
    (
        "{% for k, v in d|dictsort %}{{ k }}={{ v }}\n{% endfor %}",
        {"d": {"a": 1, "b": 2}},
        {"d": {"a": 1, "c": 3}},
    ),
    (
        "{% for a, b in l %}{{ a }}={{ b }}\n{% endfor %}",
        {"l": [[1, 2], [3, 4]]},
        {"l": [[1, 2], [3, 5]]},
    ),
    ("{% set a, b = p %}{{ a }}-{{ b }}", {"p": [1, 2]}, {"p": [1, 3]}),
    ("{{ (a ~ b)|length }}", {"a": "x", "b": "q"}, {"a": "yy", "b": "q"}),
    ("{{ a }}", {"a": Decimal("1.0")}, {"a": Decimal("1.00")}),
    (
        "{% set blok %}Hallo {{ n }}{% endset %}{{ blok }} {{ blok|length }}",
        {"n": "x"},
        {"n": "yy"},
    ),
    (
        "{% for x in l %}{% if loop.changed(x.g) %}# {{ x.g }}\n{% endif %}{{ x.n }}\n{% endfor %}",
        {"l": [{"g": 1, "n": "a"}, {"g": 1, "n": "b"}, {"g": 2, "n": "c"}]},
        {"l": [{"g": 1, "n": "a"}, {"g": 2, "n": "b"}, {"g": 2, "n": "c"}]},
    ),
    (
        "{% for k, v in d.items() %}{{ k }}={{ v }}\n{% endfor %}"
        "{% for k in d %}{{ k }}{% endfor %}",
        {"d": {"a": 1, "b": 2}},
        {"d": {"b": 2, "a": 1}},
    ),
    (
        "{% macro m(x) %}<{{ x }}>{% endmacro %}{{ m(a)|length }} {{ m(a)|upper }}"
        "{% if m(a) is eq '<xy>' %} gelijk{% endif %}",
        {"a": "xy"},
        {"a": "xyz"},
    ),
    (
        "{% macro m(l) %}{% for x in l %}{{ x }} {% endfor %}{% endmacro %}{{ m(l)|wordcount }}",
        {"l": [1, 2]},
        {"l": [1, 3, 2]},
    ),
    ("{{ a }} & {{ b|upper }}", {"a": "auto's", "b": "<a & b>"}, {"a": "fiets", "b": "c & d"}),
    ("{{ l|sum }} {{ l[0] }}", {"l": [Decimal("1.10"), Decimal("2")]}, {"l": [Decimal("1.1"), 2]}),
    (
        "{% for g in l|groupby('soort') %}{{ g.grouper }}: "
        "{{ g.list|map(attribute='n')|join(',') }}\n{% endfor %}",
        {"l": [{"soort": "a", "n": 1}, {"soort": "b", "n": 2}]},
        {"l": [{"soort": "a", "n": 1}, {"soort": "a", "n": 2}, {"soort": "b", "n": 3}]},
    ),
    (
        "{% for x in t recursive %}{{ loop.depth }}.{{ loop.index }} {{ x.n }}\n"
        "{% if x.c %}{{ loop(x.c) }}{% endif %}{% endfor %}",
        {"t": [{"n": "a", "c": [{"n": "a1", "c": []}]}, {"n": "b", "c": []}]},
        {"t": [{"n": "a", "c": [{"n": "a1", "c": []}, {"n": "a2", "c": []}]}, {"n": "b", "c": []}]},
    ),
    (
        "{% filter truncate(9) %}{{ a }}{% endfilter %} "
        "{% filter title %}{% for x in l %}{{ x }} {% endfor %}{% endfilter %}",
        {"a": "een", "l": ["de raad", "het college"]},
        {"a": "een heel lange zin", "l": ["de raad"]},
    ),
    (
        "{% macro m(x) %}{{ x }}{% endmacro %}{% set y = m(a) %}"
        "{{ 'ja' if y else 'nee' }} {{ y == 'z' }} {{ not y }} {{ m(a)|capitalize }}",
        {"a": ""},
        {"a": "z"},
    ),
    ("{{ a ~ '!' }} {{ [a, b]|join('-') }}", {"a": None, "b": 1}, {"a": "y", "b": 1}),
    (
        "{% for k, v in d.items() %}{{ k }}={{ v }} {% endfor %}",
        {"d": {"a": 1, "b": 2}},
        {"d": {"b": 3, "c": 4}},
    ),
    (
        "{% set j = joiner(', ') %}{% set c = cycler('even', 'oneven') %}"
        "{% for x in l %}{{ j() }}{{ c.next() }} {{ x }}{% endfor %} ({{ c.current }})",
        {"l": [1, 2, 3]},
        {"l": [2, 3, 4, 5]},
    ),
    (
        "{{ d }}{% for x in l %} {{ x }}{% endfor %}",
        {"d": {"a": 1}, "l": [{"n": 1}]},
        {"d": {"a": 1, "b": 2}, "l": [{"n": 2}]},
    ),
    (
        "{% if 'k' in d %}{{ d.k }}{% else %}geen{% endif %} {{ 'x' not in d }}",
        {"d": {}},
        {"d": {"k": 5, "x": 1}},
    ),
]


@pytest.mark.parametrize(("sjabloon", "oud", "nieuw"), GEVALLEN)
def test_elke_uitdrukking_per_versie(
    sjabloon: str, oud: dict[str, Any], nieuw: dict[str, Any]
) -> None:
    """Every expression of a template is worked out for each version (inline if, and/or,
    comparisons, methods, slices, range, loop.index and loop.last, loop.changed, for-else,
    loop tests, namespaces, dictionaries and their key order, unpacking, filters and tests
    over a macro's output): accepting every change gives the new render,
    rejecting every change the old one, in both directions."""
    from voorstel.uitvoer.omgeving import markdown_revisie_omgeving
    from voorstel.uitvoer.revisie import critic_md, met_revisie

    env = markdown_revisie_omgeving(())
    template = env.from_string(sjabloon)
    for eerst, dan in ((oud, nieuw), (nieuw, oud)):
        with met_revisie(Revisie("voorstel", datetime(2026, 1, 1, tzinfo=UTC))):
            tekst, aantal = critic_md(template.render(samenvoegen(eerst, dan)))
        assert aantal > 0, sjabloon
        assert gelijk(aanvaard(tekst)) == gelijk(template.render(dan)), (sjabloon, tekst)
        assert gelijk(verworpen(tekst)) == gelijk(template.render(eerst)), (sjabloon, tekst)
