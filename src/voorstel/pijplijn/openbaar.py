"""Openbaarheid: a document that is not public says so in its file name and stays out of
anything meant for publication (the marking in every page header is in the templates);
a public one is redacted for publication (lakken): officials' personal data and the
passages marked in its text."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from voorstel.blokken.modellen import MetKopvelden
from voorstel.blokken.types import Persoonsgegeven, ProzaTekst
from voorstel.kern import lakken
from voorstel.pijplijn.project import van_document
from voorstel.pijplijn.validate import Gevalideerd

OPENBAAR = "openbaar"


def openbaarheid(document: BaseModel) -> str:
    """The document's openbaarheid from its kopblok; openbaar when it has none."""
    kopblok = getattr(document, "kopblok", None)
    return str(getattr(kopblok, "openbaarheid", OPENBAAR))


def is_openbaar(document: BaseModel) -> bool:
    """Whether a document may be published."""
    return openbaarheid(document) == OPENBAAR


def markeer(naam: Path, document: BaseModel) -> Path:
    """The output name, with '-vertrouwelijk' or '-geheim' added when not public."""
    stand = openbaarheid(document)
    return naam if stand == OPENBAAR else naam.with_name(f"{naam.name}-{stand}")


def voor_uitvoer(
    gevalideerd: Gevalideerd, publicatie: bool = False
) -> tuple[Gevalideerd, dict[str, int] | None]:
    """The document as it goes into every output. For publication: every field holding an
    official's personal data and every marked passage replaced by "[gelakt: <grond>]", so
    nothing of them reaches a renderer (the text, the properties, the alt text, a chart);
    with how many passages were redacted on each ground. Otherwise: the markers in plain
    text fields taken away (prose keeps them, for the highlight in Word), and no count."""
    project = van_document(gevalideerd.bron.path)
    lakker = _Lakker(publicatie, project.lakgrond if project is not None else _standaard)
    document = lakker.model(gevalideerd.document)
    if document is not gevalideerd.document:
        gevalideerd = dataclasses.replace(gevalideerd, document=document)
    return gevalideerd, (dict(sorted(lakker.teller.items())) if publicatie else None)


def _standaard(soort: str) -> str | None:
    del soort
    return lakken.STANDAARDGROND


def persoonsgegeven(info: FieldInfo) -> str | None:
    """The kind of personal data a field holds (Persoonsgegeven), or None."""
    return next((m.soort for m in info.metadata if isinstance(m, Persoonsgegeven)), None)


@dataclass
class _Lakker:
    publicatie: bool
    grond: Callable[[str], str | None]
    teller: Counter[str] = field(default_factory=Counter)

    def model(self, model: BaseModel) -> BaseModel:
        wijzigingen: dict[str, Any] = {}
        for naam, info in type(model).model_fields.items():
            waarde = getattr(model, naam)
            nieuw = self.waarde(waarde, persoonsgegeven(info))
            if nieuw is not waarde:
                wijzigingen[naam] = nieuw
        kopvelden = model.kopvelden if isinstance(model, MetKopvelden) else ()
        eigen = tuple(
            dataclasses.replace(v, waarde=self.waarde(v.waarde, None, proza=False))
            for v in kopvelden
        )
        if not wijzigingen and eigen == kopvelden:
            return model
        kopie = model.model_copy(update=wijzigingen)
        if isinstance(kopie, MetKopvelden) and eigen != kopvelden:
            kopie.met_kopvelden(eigen)
        return kopie

    def waarde(self, waarde: Any, soort: str | None, proza: bool | None = None) -> Any:
        if isinstance(waarde, BaseModel):
            return self.model(waarde)
        if isinstance(waarde, str):
            return self.tekst(
                waarde, soort, isinstance(waarde, ProzaTekst) if proza is None else proza
            )
        if isinstance(waarde, list | tuple):
            nieuw = [self.waarde(w, soort) for w in waarde]
            if all(a is b for a, b in zip(nieuw, waarde, strict=True)):
                return waarde
            return type(waarde)(nieuw)
        if isinstance(waarde, dict):
            anders = {k: self.waarde(w, soort) for k, w in waarde.items()}
            return waarde if all(anders[k] is w for k, w in waarde.items()) else anders
        return waarde

    def tekst(self, tekst: str, soort: str | None, proza: bool) -> str:
        grond = self.grond(soort) if soort is not None else None
        if self.publicatie and grond is not None:
            self.teller[grond] += 1
            nieuw = lakken.gelakt_als(grond)
        elif self.publicatie:
            nieuw, gronden = lakken.gelakt(tekst)
            self.teller.update(gronden)
        elif proza:
            return tekst  # the prose parser keeps the marker, for the highlight
        else:
            nieuw = lakken.ontlakt(tekst)
        if nieuw == tekst:
            return tekst
        return ProzaTekst(nieuw) if isinstance(tekst, ProzaTekst) else nieuw


def lakregel(gelakt: dict[str, int]) -> str:
    """How many passages were redacted, on which grounds, as the build reports it:
    '3 passages, op grond van 5.1.2e (2) en 5.1.2i (1)'; 'niets' when none."""
    aantal = sum(gelakt.values())
    if not aantal:
        return "niets"
    delen = [f"{grond} ({n})" for grond, n in gelakt.items()]
    gronden = delen[0] if len(delen) == 1 else ", ".join(delen[:-1]) + " en " + delen[-1]
    return f"{aantal} {'passage' if aantal == 1 else 'passages'}, op grond van {gronden}"
