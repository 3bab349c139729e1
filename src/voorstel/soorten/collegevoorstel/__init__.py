"""The soort collegevoorstel: a proposal to the college, regional with a version per gemeente."""

from __future__ import annotations

from pathlib import Path

from voorstel.soorten.collegevoorstel import compute
from voorstel.soorten.collegevoorstel.model import Collegevoorstel
from voorstel.soorten.soort import Soort

SOORT: Soort = Soort(
    naam="collegevoorstel",
    model=Collegevoorstel,
    map=Path(__file__).parent,
    omschrijving="voorstel aan het college van B&W, ook regionaal met een versie per gemeente",
    bereken=compute.bereken,
    sjabloon="voorstel.soorten.collegevoorstel.sjabloon",
    kopvelden=True,
)
