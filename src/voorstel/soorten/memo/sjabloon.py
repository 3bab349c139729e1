"""The default Word template of the memo, generated from code (`make templates`)."""

from __future__ import annotations

from voorstel.blokken.woordblokken import (
    bijlagen,
    bijlagen_inhoud,
    kopblok,
    paragrafen,
    risicos,
)
from voorstel.blokken.woordsjabloon import Sjabloon


def maak() -> Sjabloon:
    s = Sjabloon("Memo")
    kopblok(s, "Memo", kopregel=False)
    s.gegevens(
        [
            ("Kennisnemen van", "{{ kennisnemen_van }}", None),
            ("Onderwerp", "{{ onderwerp }}", None),
            ("Zaaknummer", "{{ kopblok.zaaknummer }}", "kopblok.zaaknummer"),
        ],
        velden="kopblok.velden",
    )
    s.kop("Inleiding")
    s.tekst("inleiding")
    paragrafen(s, "besluiten", 1)
    paragrafen(s, "stand_van_zaken", 1)
    risicos(s)
    s.alinea()
    s.alinea("{{ kopblok.datum|datum }}")
    s.regels("auteur", "auteurs")
    bijlagen(s)
    bijlagen_inhoud(s)
    return s
