"""Building blocks shared by every document type: kopblok, tabellen, bijlagen, ..."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from voorstel import nl
from voorstel.models.types import Model, NietNegatiefBedrag, Proza, Tekst, fout

Openbaarheid = Literal["openbaar", "vertrouwelijk", "geheim"]


class Kopblok(Model):
    """The head of a document: date, openbaarheid and zaaknummer."""

    datum: dt.date
    openbaarheid: Openbaarheid = "openbaar"
    zaaknummer: Tekst | None = None


class Post(Model):
    """One line of a cost table."""

    onderdeel: Tekst
    toelichting: Tekst | None = None
    opmerking: Tekst | None = None
    bedrag: NietNegatiefBedrag


def som(posten: list[Post]) -> Decimal:
    """The total of a list of posten."""
    return sum((p.bedrag for p in posten), Decimal(0))


class Kostentabel(Model):
    """A cost table: posten and their computed total; a stated total is checked."""

    titel: Tekst | None = None
    kolom_bedrag: Tekst = "Bedrag"
    centen: bool = False
    posten: list[Post] = Field(min_length=1)
    totaal: NietNegatiefBedrag | None = None

    @field_validator("totaal")
    @classmethod
    def _totaal_klopt(cls, totaal: Decimal | None, info: ValidationInfo) -> Decimal | None:
        posten = info.data.get("posten")
        if totaal is None or not posten:
            return totaal
        berekend = som(posten)
        if berekend != totaal:
            raise fout(
                "totaal",
                f"het opgegeven totaal {nl.bedrag(totaal)} wijkt af van de som van de posten "
                f"{nl.bedrag(berekend)}; pas het totaal of de posten aan (of laat 'totaal' weg)",
            )
        return totaal

    @property
    def uitgebreid(self) -> bool:
        """Whether the table needs the toelichting and opmerking columns."""
        return any(p.toelichting or p.opmerking for p in self.posten)


class Bijlage(Model):
    """An attachment, by title; an optional description."""

    titel: Tekst
    omschrijving: Tekst | None = None

    @model_validator(mode="before")
    @classmethod
    def _alleen_titel(cls, value: Any) -> Any:
        return {"titel": value} if isinstance(value, str | int) else value


class TitelTekst(Model):
    """A titled piece of prose: a kanttekening, a risico, a paragraph with a heading."""

    titel: Tekst
    tekst: Proza


class Communicatie(Model):
    """Communicatie: the kernboodschap and, optionally, how it is communicated."""

    kernboodschap: Proza | None = None
    tekst: Proza | None = None
