"""The soort raadsinformatiebrief: the college informs the council."""

from __future__ import annotations

from pathlib import Path

from voorstel.soorten.raadsinformatiebrief.model import Raadsinformatiebrief
from voorstel.soorten.soort import Soort

SOORT: Soort = Soort(
    naam="raadsinformatiebrief",
    model=Raadsinformatiebrief,
    map=Path(__file__).parent,
    omschrijving="brief van het college om de raad te informeren",
    sjabloon="voorstel.soorten.raadsinformatiebrief.sjabloon",
    kopvelden=True,
)
