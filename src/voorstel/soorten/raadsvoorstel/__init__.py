"""The soort raadsvoorstel: the raadsvoorstel, its (ontwerp)raadsbesluit and the oplegger."""

from __future__ import annotations

from pathlib import Path

from voorstel.soorten.raadsvoorstel import compute
from voorstel.soorten.raadsvoorstel.model import Raadsvoorstel
from voorstel.soorten.soort import HOOFDSTUK, Soort, Stuk

SOORT: Soort = Soort(
    naam="raadsvoorstel",
    model=Raadsvoorstel,
    map=Path(__file__).parent,
    omschrijving="voorstel van het college aan de raad, met raadsbesluit en collegeoplegger",
    bereken=compute.bereken,
    stukken=(
        HOOFDSTUK,
        Stuk("raadsbesluit", "-raadsbesluit", soortnaam="Raadsbesluit", in_overzicht=False),
        Stuk(
            "collegeoplegger",
            "-collegeoplegger",
            alleen_als="college",
            soortnaam="Collegeoplegger",
            in_overzicht=False,
        ),
    ),
    sjabloon="voorstel.soorten.raadsvoorstel.sjabloon",
    kopvelden=True,
)
"""The raadsvoorstel: one source, the raadsvoorstel, the raadsbesluit and the oplegger; a
regional one makes the three for each gemeente, and the regional overview of the proposal."""
