"""The default Word template of the raadsinformatiebrief, generated from code (`make templates`)."""

from __future__ import annotations

from voorstel.blokken.woordblokken import (
    behandeling,
    bijlagen,
    bijlagen_inhoud,
    financien,
    kopblok,
    kopgegevens,
    ondertekening,
    paragrafen,
)
from voorstel.blokken.woordsjabloon import Sjabloon


def maak() -> Sjabloon:
    s = Sjabloon("Raadsinformatiebrief")
    kopblok(s, "Informatie voor de raad", kopregel=False)
    kopgegevens(s)
    behandeling(s)
    s.kop("Kernboodschap")
    s.tekst("kernboodschap")
    s.kop("Toelichting")
    paragrafen(s, "toelichting")
    s.sectie("Betrokkenheid gemeenteraad", "betrokkenheid_gemeenteraad")
    with s.als("advies"):
        s.kop("Advies van {{ advies.adviesraad }}")
        s.tekst("advies.tekst")
    financien(s, "Financiën")
    s.sectie("Communicatie", "communicatie")
    s.sectie("Vervolg", "vervolg")
    bijlagen(s, geen=True)
    ondertekening(s)
    bijlagen_inhoud(s)
    return s
