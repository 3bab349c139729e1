"""The default templates (Word and Markdown) of the raadsvoorstel, its raadsbesluit and its
collegeoplegger, generated from code (`make templates`)."""

from __future__ import annotations

from docx.shared import Pt

from voorstel.blokken.woordblokken import (
    beslispunten,
    bijlagen,
    bijlagen_inhoud,
    financien,
    kopblok,
    ondertekening,
)
from voorstel.blokken.woordsjabloon import Sjabloon

KOP = "kopblok"


def raadskop(s: Sjabloon, college: bool = False) -> None:
    """The kop: onderwerp, dates, zaaknummer, portefeuillehouder, programma, contact, and
    the fields the gemeente adds (voorstel.toml)."""
    rijen: list[tuple[str, str, str | None]] = [
        ("Onderwerp", "{{ onderwerp }}", None),
        ("Datum", f"{{{{ {KOP}.datum|datum }}}}", None),
    ]
    if college:
        rijen.append(("Collegevergadering", "{{ college.collegevergadering|datum }}", None))
    rijen += [
        ("Raadsvergadering", f"{{{{ {KOP}.raadsvergadering|datum }}}}", None),
        ("Commissie", f"{{{{ {KOP}.commissie }}}}", f"{KOP}.commissie"),
        ("Zaaknummer", f"{{{{ {KOP}.zaaknummer }}}}", None),
        (
            "Portefeuillehouder",
            f"{{{{ {KOP}.portefeuillehouder.naam }}}} ({{{{ {KOP}.portefeuillehouder.rol }}}})",
            None,
        ),
        ("Programma", f"{{{{ {KOP}.programma }}}}", f"{KOP}.programma"),
        (
            "Inlichtingen bij",
            f"{{{{ {KOP}.inlichtingen_bij.naam }}}}, {{{{ {KOP}.inlichtingen_bij.gegevens }}}}",
            f"{KOP}.inlichtingen_bij",
        ),
        ("Openbaarheid", f"{{{{ {KOP}.openbaarheid|capitalize }}}}", None),
    ]
    s.gegevens(rijen, velden=f"{KOP}.velden")


def voorstel(s: Sjabloon, inleiding: str, lijst: str = "beslispunten") -> None:
    """'Het college stelt de raad voor:' (or another opening) and the numbered points."""
    s.alinea(inleiding, vet=True)
    beslispunten(s, lijst)


def maak() -> Sjabloon:
    s = Sjabloon("Raadsvoorstel")
    kopblok(s, "Raadsvoorstel", kopregel=False)
    raadskop(s)
    s.kop("Voorstel")
    voorstel(s, "Het college stelt de raad voor:")
    s.sectie("Samenvatting", "samenvatting")
    s.sectie("Aanleiding", "aanleiding")
    s.sectie("Beoogd effect", "beoogd_effect")
    with s.als("argumenten"):
        s.kop("Argumenten")
        with s.voor("argument in argumenten"):
            s.kop("{{ argument.nummer }} {{ argument.titel }}", 2)
            s.tekst("argument.tekst")
    with s.als("kanttekeningen"):
        s.kop("Kanttekeningen en risico's")
        with s.voor("kanttekening in kanttekeningen"):
            s.kop("{{ kanttekening.titel }}", 2)
            s.tekst("kanttekening.tekst")
    s.sectie("Alternatieven", "alternatieven")
    financien(s, "Financiële consequenties")
    s.sectie("Juridisch kader", "juridisch_kader")
    s.sectie("Rol van de raad", "rol_van_de_raad")
    s.sectie("Participatie en communicatie", "communicatie")
    with s.als("uitvoering"):
        s.kop("Uitvoering en evaluatie")
        s.tekst("uitvoering.tekst")
        s.tabel("uitvoering.planning_tabel")
        s.tekst("uitvoering.evaluatie")
    bijlagen(s)
    ondertekening(s)
    bijlagen_inhoud(s)
    return s


def _ondertekenaar(s: Sjabloon, functie: str, expr: str) -> None:
    paragraph = s.body.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(18)
    paragraph.paragraph_format.keep_together = True
    naam = f"{{% if {expr}.titel %}}{{{{ {expr}.titel }}}} {{% endif %}}{{{{ {expr}.naam }}}}"
    paragraph.add_run(f"{functie},").add_break()
    paragraph.add_run(naam)
    s.md(f"{functie},  \n{naam}\n\n")


def maak_raadsbesluit() -> Sjabloon:
    s = Sjabloon("Raadsbesluit")
    s.alinea("{{ besluit.titel|upper }}", style="Title")
    s.alinea("Onderwerp: {{ onderwerp }} | Zaaknummer: {{ kopblok.zaaknummer }}", style="Kopblok")
    s.alinea("De raad van de gemeente {{ gemeente }};")
    s.alinea(
        "gelezen het voorstel van burgemeester en wethouders van {{ kopblok.datum|datum }}, "
        "nummer {{ kopblok.zaaknummer }};"
    )
    with s.voor("regel in besluit.gehoord"):
        s.alinea("gehoord {{ regel }};")
    with s.voor("regel in besluit.overwegende"):
        s.alinea("overwegende dat {{ regel }};")
    s.alinea("gelet op {{ besluit.gelet_op }};")
    voorstel(s, "besluit:")
    s.alinea("Aldus vastgesteld in de openbare vergadering van {{ besluit.vergadering|datum }}.")
    _ondertekenaar(s, "De griffier", "besluit.griffier")
    _ondertekenaar(s, "De voorzitter", "besluit.voorzitter")
    with s.voor("wijziging in besluit.begrotingswijzigingen"):
        s.kop("Bijlage {{ loop.index }} bij het besluit: begrotingswijziging", nieuwe_pagina=True)
        s.tabel("wijziging")
    return s


def maak_collegeoplegger() -> Sjabloon:
    s = Sjabloon("Collegeoplegger")
    kopblok(s, "Collegevoorstel", kopregel=False)
    s.alinea("Oplegger bij het raadsvoorstel", style="Kopblok")
    raadskop(s, college=True)
    s.kop("Voorstel")
    voorstel(s, "Het college besluit:", "college.alle_beslispunten")
    s.sectie("Samenvatting", "samenvatting")
    s.kop("Bijlagen")
    s.lijst("bijlage in college.bijlagen", "{{ bijlage }}", blanco_na=False)
    return s
