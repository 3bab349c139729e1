"""The soort inkoopstrategie: chapters, inrichtingskeuzes per taakgebied, planning, TOC."""

from __future__ import annotations

from pathlib import Path

from voorstel.soorten.inkoopstrategie import compute
from voorstel.soorten.inkoopstrategie.model import Inkoopstrategie
from voorstel.soorten.soort import Soort

SOORT: Soort = Soort(
    naam="inkoopstrategie",
    model=Inkoopstrategie,
    map=Path(__file__).parent,
    omschrijving="inkoopstrategie met hoofdstukken, inrichtingskeuzes, planning en inhoudsopgave",
    bereken=compute.bereken,
    sjabloon="voorstel.soorten.inkoopstrategie.sjabloon",
)
