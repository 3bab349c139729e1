"""A taakgebied of an inkoopstrategie and its fixed set of inrichtingskeuzes."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from voorstel.blokken.types import Model, Proza, Tekst, fout
from voorstel.kern import nl

Uitvoeringsvariant = Literal["taakgericht", "inspanningsgericht", "outputgericht"]


def als_lijst(value: Any) -> Any:
    """One item may be written without the list around it."""
    return [value] if isinstance(value, dict) else value


class Looptijd(Model):
    """The term of a contract: start date, duration in years and verlengingsopties."""

    onderdeel: Tekst | None = None
    ingangsdatum: dt.date
    jaren: int = Field(ge=1, le=20)
    verlengingen: int = Field(default=0, ge=0, le=20)
    verlengingsjaren: int = Field(default=1, ge=1, le=20)
    tekst: Proza | None = None

    @property
    def omschrijving(self) -> str:
        """'vijf jaar met twee verlengingsopties van één jaar'."""
        return nl.looptijd(self.jaren, self.verlengingen, self.verlengingsjaren)


class Fase(Model):
    """A phase of the procedure with what happens in it and its document."""

    fase: Tekst
    beschrijving: Tekst
    document: Tekst


class Aanbestedingsprocedure(Model):
    """The procedure: what it is, why, and its phases."""

    procedure: Tekst
    tekst: Proza | None = None
    fasen: list[Fase] = Field(default_factory=list)
    tekst_na: Proza | None = None


class Perceelindeling(Model):
    """Text around the percelen; the percelen themselves are listed in `percelen`."""

    tekst: Proza | None = None
    tekst_na: Proza | None = None


class Contractpartners(Model):
    """How many contractpartners: a minimum and a maximum, optionally per perceel."""

    onderdeel: Tekst | None = None
    minimum: int | None = Field(default=None, ge=1)
    maximum: int = Field(ge=1)
    per_perceel: int | None = Field(default=None, ge=1)
    meerdere_percelen: bool = False
    tekst: Proza | None = None

    @field_validator("maximum")
    @classmethod
    def _niet_onder_minimum(cls, maximum: int, info: ValidationInfo) -> int:
        minimum = info.data.get("minimum")
        if minimum is not None and maximum < minimum:
            raise fout(
                "volgorde",
                f"het maximum ({maximum}) is kleiner dan het minimum ({minimum}); "
                "verwissel ze of pas een van beide aan",
            )
        return maximum


class Uitvoering(Model):
    """The uitvoeringsvariant and how it is paid for (bekostiging)."""

    onderdeel: Tekst | None = None
    uitvoeringsvariant: Uitvoeringsvariant
    bekostiging: Tekst
    tekst: Proza | None = None


class Inrichtingskeuzes(Model):
    """The same five choices for every taakgebied; lists hold one item per onderdeel."""

    titel: Tekst = "Inrichtingskeuzes voor de inkoop"
    looptijd: list[Looptijd] = Field(min_length=1)
    aanbestedingsprocedure: Aanbestedingsprocedure
    perceelindeling: Perceelindeling = Field(default_factory=Perceelindeling)
    contractpartners: list[Contractpartners] = Field(min_length=1)
    uitvoering: list[Uitvoering] = Field(min_length=1)

    enkel_of_lijst: ClassVar[tuple[str, ...]] = ("looptijd", "contractpartners", "uitvoering")
    """The fields that may hold one item instead of a list (the JSON Schema says so too)."""

    @model_validator(mode="before")
    @classmethod
    def _enkel_of_lijst(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {k: als_lijst(v) if k in cls.enkel_of_lijst else v for k, v in value.items()}


class Taakgebied(Model):
    """A taakgebied: its id (for percelen and planning), name, and inrichtingskeuzes."""

    id: Tekst
    naam: Tekst
    aanduiding: Tekst
    """How the text refers to it: 'de SLT's'."""
    onderdelen: list[Tekst] = Field(default_factory=list)
    inrichtingskeuzes: Inrichtingskeuzes


class Perceel(Model):
    """A perceel: a part of the contract awarded separately, in one taakgebied."""

    naam: Tekst
    taakgebied: Tekst
    onderdeel: Tekst | None = None
    omvat: list[Tekst] = Field(default_factory=list)
    aparte_partner: Tekst | None = None
    """Percelen with the same label go to different contractpartners."""
