"""The raadsinformatiebrief: the college informs the council about a decision or a development."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from voorstel.blokken.modellen import (
    Behandeling,
    Bijlage,
    Document,
    Financien,
    Kopgegevens,
    Ondertekening,
    Paragraaf,
)
from voorstel.blokken.types import Model, Proza, Tekst


class Advies(Model):
    """The advice of an adviesraad (such as a participatieraad) on the subject."""

    adviesraad: Tekst
    tekst: Proza


class Raadsinformatiebrief(Document):
    """A raadsinformatiebrief ('Informatie voor de raad'), signed by the college."""

    soort: Literal["raadsinformatiebrief"]
    gemeente: Tekst
    onderwerp: Tekst
    kopblok: Kopgegevens
    behandeling: Behandeling
    kernboodschap: Proza
    toelichting: list[Paragraaf] = Field(min_length=1)
    betrokkenheid_gemeenteraad: Proza | None = None
    advies: Advies | None = None
    financien: Financien | None = None
    communicatie: Proza | None = None
    vervolg: Proza | None = None
    bijlagen: list[Bijlage] = Field(default_factory=list)
    ondertekening: Ondertekening
    voetnoten: dict[str, Proza] = Field(default_factory=dict)

    soortnaam = "Raadsinformatiebrief"

    def documentdatum(self) -> dt.date:
        """The date of the college meeting that sent the letter."""
        return self.behandeling.collegevergadering
