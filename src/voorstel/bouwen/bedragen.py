"""The prose check: an amount in euros typed in a text must be a figure of the document.

An amount that equals no computed or stated figure (totals, posten, bijdragen, saldi), is
not listed in `losse_bedragen` and not marked {{ '€ 750.000'|los }} is a warning; one within
1% of a figure is the typo case (€ 70.007 against € 70.000) and says which figure it is near.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from voorstel.blokken.modellen import Document
from voorstel.blokken.tabellen import Tabel
from voorstel.kern import nl
from voorstel.kern.errors import Probleem
from voorstel.pijplijn.compute import LOS, varianten
from voorstel.pijplijn.load import walk
from voorstel.pijplijn.validate import Gevalideerd, veldnaam

BEDRAG = re.compile(
    r"€\s?(-?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|-?\d+(?:,\d{1,2})?)(?:,-)?(\s?(?:miljoen|miljard))?"
)


def bedragen_in(tekst: str) -> Iterator[tuple[str, Decimal]]:
    """Every amount in euros in a text, as written and as a number."""
    for match in BEDRAG.finditer(tekst):
        waarde = Decimal(match[1].replace(".", "").replace(",", "."))
        if match[2]:
            waarde *= 1_000_000 if "miljoen" in match[2] else 1_000_000_000
        yield match[0], waarde


def figuren(waarde: Any) -> Iterator[Decimal]:
    """Every figure in a computed context: table cells and the numbers beside them."""
    for _, sub in walk(waarde):
        if isinstance(sub, Decimal):
            yield sub
        elif isinstance(sub, Tabel):
            for tabel in [sub, *sub.vervolg]:
                for rij in tabel.alle_rijen:
                    for cel in rij:
                        if cel.getal is not None:
                            waarde = cel.getal * (tabel.eenheid if cel.soort == "getal" else 1)
                            yield waarde
                            yield abs(waarde)


def controleer(gevalideerd: Gevalideerd) -> list[Probleem]:
    """A warning for each amount in a text that matches no figure of the document."""
    document = gevalideerd.document
    if not isinstance(document, Document):  # a verdeelsleutel has no prose
        return []
    bekend: set[Decimal] = set(getattr(document, "losse_bedragen", []) or [])
    for _, context in varianten(document, gevalideerd.sleutels, gevalideerd.ambtsdragers):
        bekend.update(figuren({k: v for k, v in context.items() if k != "meta"}))
    problemen = []
    bron = gevalideerd.bron
    for loc, tekst in walk(document):
        if not isinstance(tekst, str) or "€" not in tekst:
            continue
        for geschreven, waarde in bedragen_in(LOS.sub("", tekst)):
            if waarde in bekend:
                continue
            dichtbij = [f for f in bekend if f and abs(waarde - f) < abs(f) / 100]
            if dichtbij:
                naast = min(dichtbij, key=lambda f: abs(waarde - f))
                bericht = (
                    f"{geschreven} in de tekst wijkt minder dan 1% af van het berekende "
                    f"{nl.bedrag(naast, centen=True)}: een tikfout? "
                    "Verwijs naar het cijfer (bijvoorbeeld {{ bijdrage }}) in plaats van het "
                    "te typen"
                )
            else:
                bericht = (
                    f"{geschreven} in de tekst is geen cijfer van dit document (geen totaal, "
                    "post, bijdrage of saldo); verwijs naar het cijfer, of schrijf "
                    f"{{{{ '{geschreven}'|los }}}} of zet het bedrag onder 'losse_bedragen' als "
                    "het bewust los staat"
                )
            problemen.append(
                Probleem(
                    str(bron.path),
                    bron.regel(loc),
                    veldnaam(bron.zoals_geschreven(loc)),
                    bericht,
                    True,
                )
            )
    return problemen
