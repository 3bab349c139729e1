"""The default Word template of the inkoopstrategie, generated from code (`make templates`)."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from voorstel.blokken.woordblokken import kostentabel
from voorstel.blokken.woordsjabloon import Sjabloon, _instructie, _veldteken


def inhoudsopgave(s: Sjabloon) -> None:
    """A Word TOC field over Heading 1-3, pre-filled with the headings, each linked to its
    heading's bookmark; Word updates it on opening (w:updateFields), pdf.py adds the page
    numbers before LibreOffice makes the PDF (LibreOffice does not update it). In Markdown
    a list of the headings, indented by level."""
    s.md("## Inhoudsopgave\n\n{% for item in inhoudsopgave %}\n")
    s.md(
        '{{ ("   " * (item.niveau - 1))|safe }}- '
        "{% if item.nummer %}{{ item.nummer }} {% endif %}{{ item.titel }}\n"
    )
    s.md("{% endfor %}\n\n")
    with s.alleen_word():
        _inhoudsopgave_word(s)


def _inhoudsopgave_word(s: Sjabloon) -> None:
    s.alinea("Inhoudsopgave", style="TOC Heading")
    begin = s.body.add_paragraph(style="toc 1")
    _veldteken(begin, "begin", dirty=True)
    _instructie(begin, 'TOC \\o "1-3" \\h \\z \\u')
    _veldteken(begin, "separate")
    with s.voor("item in inhoudsopgave"):
        for niveau in (1, 2, 3):
            with s.als(f"item.niveau == {niveau}"):
                entry = s.body.add_paragraph(style=f"toc {niveau}")
                link = OxmlElement("w:hyperlink")
                link.set(qn("w:anchor"), "{{ item.anker }}")
                link.set(qn("w:history"), "1")
                run = entry.add_run(
                    "{% if item.nummer %}{{ item.nummer }} {% endif %}{{ item.titel }}"
                )
                link.append(run._r)
                entry._p.append(link)
    _veldteken(s.body.add_paragraph(style="toc 1"), "end")
    s.alinea()
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    s.doc.settings.element.append(update)


def genummerde_koppen(s: Sjabloon) -> None:
    """The heading of a deel: Heading n (n = deel.niveau), a new page when asked; in
    Markdown n + 1 hashes."""
    titel = "{% if deel.nummer %}{{ deel.nummer }} {% endif %}{{ deel.titel }}"
    s.md(f'{{{{ ("#" * (deel.niveau + 1))|safe }}}} {titel}\n\n')
    with s.alleen_word():
        s.tag("{%p if deel.niveau == 1 and deel.nieuwe_pagina %}")
        genummerde_kop(s, 1, nieuwe_pagina=True)
        for niveau in (1, 2, 3):
            s.tag(f"{{%p elif deel.niveau == {niveau} %}}")
            genummerde_kop(s, niveau)
        s.tag("{%p endif %}")


def genummerde_kop(s: Sjabloon, niveau: int, nieuwe_pagina: bool = False) -> None:
    """'5.3.2 Titel' in Heading n, with the bookmark the table of contents links to."""
    kop = s.body.add_paragraph(style=f"Heading {niveau}")
    kop.paragraph_format.page_break_before = nieuwe_pagina or None
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "{{ loop.index }}")
    start.set(qn("w:name"), "{{ deel.anker }}")
    kop._p.append(start)
    kop.add_run("{% if deel.nummer %}{{ deel.nummer }} {% endif %}{{ deel.titel }}")
    einde = OxmlElement("w:bookmarkEnd")
    einde.set(qn("w:id"), "{{ loop.index }}")
    kop._p.append(einde)


def inkoopblokken(s: Sjabloon) -> None:
    """The data blocks a paragraph may place: charts, tables, risks, planning, bijlagen."""
    with s.als('"marktanalyse" in deel.blokken'):
        s.alinea("{{ marktanalyse.titel }}", style="Caption")
        with s.alleen_word():
            s.alinea("{% for figuur in marktanalyse.figuren %}{{ figuur|figuur }}{% endfor %}")
        s.md("{% for figuur in marktanalyse.figuren %}\n{{ figuur|figuur }}\n\n{% endfor %}\n")
        s.tabel("marktanalyse.tabel")
    with s.als('"opdrachtwaarde" in deel.blokken'):
        kostentabel(s, "opdrachtwaarde")
    with s.als('"risicos" in deel.blokken'):
        s.tekst("risicos.tekst")
        s.tabel("risicos.tabel", "deel.niveau + 2")
    with s.als('"randvoorwaarden" in deel.blokken'):
        s.tekst("randvoorwaarden.tekst")
        s.tabel("randvoorwaarden.tabel", "deel.niveau + 2")
    with s.als('"planning" in deel.blokken'), s.voor("schema in planning"):
        s.tabel("schema.tabel")
    with s.als('"vertaaltabel" in deel.blokken'):
        s.tabel("vertaaltabel_tabel")
    with s.als('"begrippen" in deel.blokken'):
        s.tabel("begrippen_tabel")


def maak() -> Sjabloon:
    s = Sjabloon("Inkoopstrategie")
    for niveau, inspringing in ((1, 0.0), (2, 0.5), (3, 1.0)):
        stijl = s.doc.styles.add_style(f"toc {niveau}", WD_STYLE_TYPE.PARAGRAPH)
        stijl.base_style = s.doc.styles["Normal"]
        stijl.paragraph_format.left_indent = Cm(inspringing)
        stijl.paragraph_format.space_after = Pt(2)
        stijl.paragraph_format.tab_stops.add_tab_stop(
            Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    s.alinea("{{ organisatie }}", style="Subtitle")
    s.alinea("INKOOPSTRATEGIE", style="Title")
    with s.alleen_word():
        s.alinea("{{ onderwerp }}", style="Subtitle")
        with s.als("ondertitel"):
            s.alinea("{{ ondertitel }}")
    s.md("**{{ onderwerp }}**{% if ondertitel %}  \n{{ ondertitel }}{% endif %}\n\n\n")
    s.alinea(
        "{{ kopblok.datum|datum }} | {{ kopblok.openbaarheid|capitalize }}"
        "{% if kopblok.zaaknummer %} | Zaaknummer: {{ kopblok.zaaknummer }}{% endif %}",
        style="Kopblok",
    )
    inhoudsopgave(s)
    with s.voor("deel in inhoud"):
        genummerde_koppen(s)
        s.tekst("deel.tekst")
        s.tabel("deel.tabel")
        inkoopblokken(s)
        s.tekst("deel.tekst_na")
    return s
