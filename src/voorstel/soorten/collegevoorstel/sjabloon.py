"""The default Word template of the collegevoorstel, generated from code (`make templates`)."""

from __future__ import annotations

from voorstel.blokken.woordblokken import (
    beslispunten,
    bijlagen,
    bijlagen_inhoud,
    communicatie,
    financien,
    kopblok,
    risicos,
)
from voorstel.blokken.woordsjabloon import Sjabloon


def maak() -> Sjabloon:
    s = Sjabloon("Collegevoorstel")
    kopblok(s, "Collegevoorstel")
    s.kop("Onderwerp")
    s.alinea("{{ onderwerp }}")
    s.kop("Voorstel")
    beslispunten(s)
    s.kop("Samenvatting")
    s.tekst("samenvatting")
    s.sectie("Juridisch kader", "juridisch_kader")
    s.sectie("Aanleiding", "aanleiding")
    with s.als("monitoring"):
        s.kop("Welke data zijn gebruikt en op welke manier wordt de uitvoering gemonitord?")
        s.tekst("monitoring.tekst")
        s.tabel("monitoring.doelen")
        s.tekst("monitoring.tekst_na")
    s.sectie(
        "Welke externe belanghebbenden zijn betrokken en hoe is het proces gevoerd?",
        "belanghebbenden",
    )
    s.sectie("Wat willen we gaan doen?", "wat_willen_we")
    with s.als("argumenten"):
        s.kop("Afweging van argumenten voor en tegen")
        with s.voor("argument in argumenten"):
            s.kop("{{ argument.nummer }} {{ argument.titel }}", 2)
            s.tekst("argument.tekst")
    with s.als("kanttekeningen"):
        s.kop("Kanttekeningen")
        with s.voor("kanttekening in kanttekeningen"):
            s.kop("{{ kanttekening.titel }}", 2)
            s.tekst("kanttekening.tekst")
    financien(s, "Wat mag het kosten en waar gaan we het van betalen?")
    risicos(s)
    communicatie(s)
    bijlagen(s)
    bijlagen_inhoud(s)
    return s
