"""The Word templates of the test soort, made with voorstel's own template builder."""

from __future__ import annotations

from pathlib import Path

from voorstel.blokken.woordblokken import kopblok
from voorstel.blokken.woordsjabloon import Sjabloon


def maak(map_: Path) -> None:
    s = Sjabloon("Adviesnota")
    kopblok(s, "Adviesnota")
    s.kop("Onderwerp")
    s.alinea("{{ onderwerp }}")
    s.kop("Advies")
    s.tekst("advies")
    s.bewaar(map_ / "document.docx")
    b = Sjabloon("Besluit")
    b.alinea("BESLUIT", style="Title")
    b.alinea("Het college van burgemeester en wethouders van {{ gemeente }} besluit:")
    punten = b.nieuwe_lijst()
    with b.voor("punt in besluit"):
        b.genummerd("{{ punt }}", punten)
    b.bewaar(map_ / "besluit.docx")
