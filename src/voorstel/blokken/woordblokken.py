"""The blocks every soort shares: kopblok, tabellen, bijlagen, ondertekening, ...

Each is written once here, as Sjabloon operations that make both the Word template and
the Markdown one; the soorten's sjabloon.py use them (`make templates`).
"""

from __future__ import annotations

from docx.shared import Pt

from voorstel.blokken.nummering import Niveau, nieuwe_lijst, zet_nummering
from voorstel.blokken.woordsjabloon import Sjabloon

GROEPEN = (Niveau("upperRoman", 454, 454),)
"""Word's list of beslisgroepen: I., II., ..."""

PUNTEN = (
    Niveau("decimal", 454, 454),
    Niveau("lowerLetter", 907, 454),
    Niveau("decimal", 907, 454),
    Niveau("lowerLetter", 1361, 454),
)
"""Word's list of beslispunten: 1. with a. under it; levels 2 and 3 the same, indented
under a group (I.). A group's points are on level 2, which no item above it restarts: they
count on through the groups, as the data numbers them (blokken.beslispunten)."""


def kopblok(s: Sjabloon, soortnaam: str, kopregel: bool = True) -> None:
    """Title, then 'Datum: ... | Openbaar | Zaaknummer: ...' (unless `kopregel` is off) and
    the fields the gemeente adds to the kop (voorstel.toml), if any, as a table."""
    s.alinea(soortnaam.upper(), style="Title")
    if not kopregel:
        return
    s.alinea(
        "Datum: {{ kopblok.datum|datum }} | {{ kopblok.openbaarheid|capitalize }}"
        "{% if kopblok.zaaknummer %} | Zaaknummer: {{ kopblok.zaaknummer }}{% endif %}",
        style="Kopblok",
    )
    with s.als("kopblok.velden"):  # the gemeente's own fields (voorstel.toml)
        s.gegevens([], velden="kopblok.velden")


def beslispunten(s: Sjabloon, expr: str = "beslispunten") -> None:
    """The beslispunten (blokken.beslispunten.beslislijst): groups I., II. when there are
    any, points 1., 2. and onderdelen a., b. In Word real list numbering: the groups one
    list, the points and onderdelen another of two levels (four: indented under a group);
    in Markdown the labels from the data, the onderdelen as lines of their point."""
    groepen = nieuwe_lijst(s.doc, GROEPEN)
    punten = nieuwe_lijst(s.doc, PUNTEN)
    with s.alleen_word(), s.voor(f"groep in {expr}"):
        with s.als("groep.groep"):
            zet_nummering(s.body.add_paragraph("{{ groep.groep }}", style="List Number"), groepen)
        with s.voor("punt in groep.punten"):
            paragraaf = s.body.add_paragraph("{{ punt.tekst }}", style="List Number")
            zet_nummering(paragraaf, punten, "{{ punt.niveau }}")
            with s.voor("deel in punt.onderdelen"):
                # One style for the whole list: its spacing is the same between all items.
                paragraaf = s.body.add_paragraph("{{ deel.tekst }}", style="List Number")
                zet_nummering(paragraaf, punten, "{{ deel.niveau }}")
    inspringing = "{% if groep.groep %}   {% endif %}"
    s.md(
        f"{{% for groep in {expr} %}}\n"
        "{% if groep.groep %}\n{{ groep.nummer }} {{ groep.groep }}\n\n{% endif %}\n"
        "{% for punt in groep.punten %}\n"
        f"{inspringing}{{{{ punt.nummer }}}} {{{{ punt.tekst }}}}"
        "{% if punt.onderdelen %}  {% endif %}\n\n"
        "{% for deel in punt.onderdelen %}\n"
        f"{inspringing}   {{{{ deel.letter }}}} {{{{ deel.tekst }}}}"
        "{% if not loop.last %}  {% endif %}\n\n"
        "{% endfor %}\n{% endfor %}\n\n{% endfor %}\n"
    )


def kostentabel(s: Sjabloon, tabel: str) -> None:
    """A cost table, computed and drawn by the table renderer like every other table."""
    s.tabel(tabel)


def bijlagen(s: Sjabloon, geen: bool = False) -> None:
    """The list of bijlagen; with `geen`, the section shows 'Geen' when there are none.

    Numbered 1..n as a Word list; when the data gives numbers of its own ("Bijlage 5"),
    one line per bijlage with its number."""
    if geen:
        s.kop("Bijlagen")
        with s.als("not bijlagen"):
            s.alinea("Geen")
    with s.als("bijlagen"):
        if not geen:
            s.kop("Bijlagen")
        with s.als("not bijlagen_eigen_nummers"):
            s.lijst(
                "bijlage in bijlagen",
                "{{ bijlage.titel }}{% if bijlage.omschrijving %}: "
                "{{ bijlage.omschrijving }}{% endif %}",
                blanco_na=False,
            )
        with s.als("bijlagen_eigen_nummers"):
            regel = (
                "Bijlage {{ bijlage.nummer }}: {{ bijlage.titel }}"
                "{% if bijlage.omschrijving %} ({{ bijlage.omschrijving }}){% endif %}"
            )
            with s.alleen_word(), s.voor("bijlage in bijlagen"):
                s.body.add_paragraph(regel).paragraph_format.space_after = Pt(3)
            s.md("{% for bijlage in bijlagen %}\n")
            s.md(regel + "{% if not loop.last %}  {% endif %}\n\n{% endfor %}\n")


def kopgegevens(s: Sjabloon) -> None:
    """The metadata block: onderwerp, portefeuillehouder, eenheid, contact, openbaarheid,
    and the fields the gemeente adds (voorstel.toml)."""
    kop = "kopblok"
    s.gegevens(
        [
            ("Onderwerp", "{{ onderwerp }}", None),
            (
                "Portefeuillehouder",
                f"{{{{ {kop}.portefeuillehouder.naam }}}} ({{{{ {kop}.portefeuillehouder.rol }}}})",
                None,
            ),
            ("Eenheid", f"{{{{ {kop}.eenheid }}}}", None),
            ("Contactpersoon", f"{{{{ {kop}.contact.naam }}}}", None),
            ("Contactgegevens", f"{{{{ {kop}.contact.gegevens }}}}", None),
            ("Openbaarheid", f"{{{{ {kop}.openbaarheid|capitalize }}}}", None),
            ("Zaaknummer", f"{{{{ {kop}.zaaknummer }}}}", f"{kop}.zaaknummer"),
        ],
        velden=f"{kop}.velden",
    )


def behandeling(s: Sjabloon) -> None:
    """The dates of the college and council meetings."""
    s.gegevens(
        [
            (
                "Behandeld in collegevergadering van",
                "{{ behandeling.collegevergadering|datum }}",
                None,
            ),
            (
                "Behandeling in raadsvergadering van",
                "{{ behandeling.raadsvergadering|datum }}",
                "behandeling.raadsvergadering",
            ),
        ]
    )


def paragrafen(s: Sjabloon, expr: str, niveau: int = 2) -> None:
    """Paragrafen: heading, text, lettered onderdelen (a., b., ...) and text after them."""
    with s.voor(f"paragraaf in {expr}"):
        with s.als("paragraaf.titel"):
            s.kop("{{ paragraaf.titel }}", niveau)
        s.tekst("paragraaf.tekst")
        with s.voor("deel in paragraaf.onderdelen"):
            s.kop("{{ deel.letter }}. {{ deel.titel }}", min(niveau + 1, 3))
            s.tekst("deel.tekst")
        s.tekst("paragraaf.tekst_na")


def financien(s: Sjabloon, titel: str) -> None:
    """The financial section: text, then onderdelen each with an optional cost table."""
    with s.als("financien"):
        s.kop(titel)
        s.tekst("financien.tekst")
        with s.voor("onderdeel in financien.onderdelen"):
            with s.als("onderdeel.titel"):
                s.kop("{{ onderdeel.titel }}", 2)
            s.tekst("onderdeel.tekst")
            kostentabel(s, "onderdeel.tabel")
            s.tabel("onderdeel.begroting")
            s.tabel("onderdeel.begrotingswijziging")
            s.tabel("onderdeel.verdeling")
            s.tekst("onderdeel.tekst_na")


def risicos(s: Sjabloon, titel: str = "Risico's") -> None:
    """Risico's: text and/or a table of risks with their beheersmaatregelen."""
    with s.als("risicos"):
        s.kop(titel)
        s.tekst("risicos.tekst")
        s.tabel("risicos.tabel", "3")  # blokken.tabellen.risicotabel: a heading per risk


def ondertekening(s: Sjabloon) -> None:
    """'Burgemeester en wethouders van de gemeente X,' with burgemeester and secretaris."""
    s.scheiding()
    s.alinea("Burgemeester en wethouders van de gemeente {{ gemeente }},")
    for functie in ("burgemeester", "gemeentesecretaris"):
        ondertekenaar = f"ondertekening.{functie}"
        naam = (
            f"{{% if {ondertekenaar}.titel %}}{{{{ {ondertekenaar}.titel }}}} {{% endif %}}"
            f"{{{{ {ondertekenaar}.naam }}}}"
        )
        paragraph = s.body.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.paragraph_format.keep_together = True
        paragraph.add_run(f"de {functie}").add_break()
        paragraph.add_run(naam)
        s.md(f"de {functie}  \n{naam}\n\n")


def bijlagen_inhoud(s: Sjabloon) -> None:
    """Bijlagen with content of their own, each on a new page: 'BIJLAGE 1: titel', with the
    bijlage's own number."""
    with s.voor("bijlage in bijlagen"), s.als("bijlage.inhoud"):
        s.kop("BIJLAGE {{ bijlage.nummer }}: {{ bijlage.titel }}", nieuwe_pagina=True)
        paragrafen(s, "bijlage.inhoud")


def communicatie(s: Sjabloon) -> None:
    with s.als("communicatie"):
        s.kop("Communicatie")
        with s.als("communicatie.kernboodschap"):
            s.kop("Kernboodschap", 2)
            s.tekst("communicatie.kernboodschap")
        s.tekst("communicatie.tekst")
