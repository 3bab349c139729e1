"""The templates of the test soort (Word and Markdown), made with voorstel's own builder."""

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
    b.alinea(
        "Het college van burgemeester en wethouders van {{ gemeente }} besluit "
        "({{ aantal_punten }} punten):"
    )
    b.lijst("punt in besluit", "{{ punt }}")
    b.bewaar(map_ / "besluit.docx")
