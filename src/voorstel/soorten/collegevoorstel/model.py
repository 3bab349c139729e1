"""The collegevoorstel: a proposal for a college van burgemeester en wethouders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from voorstel.blokken.argumenten import Argument, controleer_argumenten
from voorstel.blokken.beslispunten import BeslispuntOfGroep, controleer_groepen, punten
from voorstel.blokken.modellen import (
    Bijlage,
    Communicatie,
    Document,
    Financien,
    Kopblok,
    Risicos,
    TitelTekst,
)
from voorstel.blokken.regio import Regio
from voorstel.blokken.types import Getal, Model, Proza, Tekst
from voorstel.kern.locaties import Loc


class Doel(Model):
    """A target in figures, such as 'Aantal getrainde professionals: 24'."""

    omschrijving: Tekst
    aantal: Getal


class Monitoring(Model):
    """Which data are used and how the execution is monitored."""

    tekst: Proza | None = None
    doelen: list[Doel] = Field(default_factory=list)
    tekst_na: Proza | None = None


class Collegevoorstel(Document):
    """A collegevoorstel, with every section of the form; optional ones may be left out."""

    soort: Literal["collegevoorstel"]
    gemeente: Tekst | None = None
    regio: Regio | None = None
    kopblok: Kopblok
    onderwerp: Tekst
    beslispunten: list[BeslispuntOfGroep] = Field(min_length=1)
    samenvatting: Proza
    juridisch_kader: Proza | None = None
    aanleiding: Proza | None = None
    monitoring: Monitoring | None = None
    belanghebbenden: Proza | None = None
    wat_willen_we: Proza | None = None
    argumenten: list[Argument] = Field(default_factory=list)
    kanttekeningen: list[TitelTekst] = Field(default_factory=list)
    financien: Financien | None = None
    risicos: Risicos | None = None
    communicatie: Communicatie | None = None
    bijlagen: list[Bijlage] = Field(default_factory=list)
    voetnoten: dict[str, Proza] = Field(default_factory=dict)

    soortnaam = "Collegevoorstel"

    def documentdatum(self) -> dt.date:
        """The date in the kopblok."""
        return self.kopblok.datum

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Beslispunten all in groups or none; every argument supports a beslispunt that
        exists (numbered through the groups); the document's own checks."""
        yield from super().controles()
        yield from controleer_groepen(self.beslispunten)
        yield from controleer_argumenten(self.argumenten, len(punten(self.beslispunten)))
