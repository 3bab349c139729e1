"""A small soort that lives outside voorstel: the proof that a soort is one folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from voorstel.blokken.modellen import Document, Kopblok
from voorstel.blokken.types import Proza, Tekst
from voorstel.soorten.soort import Soort, Stuk


class Adviesnota(Document):
    """An advice to the college, with the besluit it asks for as a document of its own."""

    soort: Literal["adviesnota"]
    gemeente: Tekst
    kopblok: Kopblok
    onderwerp: Tekst
    advies: Proza
    besluit: list[Tekst]

    soortnaam = "Adviesnota"

    def documentdatum(self) -> dt.date:
        return self.kopblok.datum


def bereken(doc: Adviesnota, context: dict[str, Any]) -> None:
    context["aantal_punten"] = len(doc.besluit)


SOORT = Soort(
    naam="adviesnota",
    model=Adviesnota,
    map=Path(__file__).parent,
    omschrijving="advies aan het college, met het besluit als eigen stuk",
    bereken=bereken,
    stukken=(Stuk(), Stuk("besluit", "-besluit")),
)
