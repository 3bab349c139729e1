"""Compute: a valid model -> the one template context, with every derived figure.

No I/O and Decimal only. Every output format renders from this context, so a figure can
never differ between the .docx and the .md.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from voorstel.models.blokken import Kostentabel, som
from voorstel.models.collegevoorstel import Collegevoorstel

SOORTNAMEN = {"collegevoorstel": "Collegevoorstel"}


def kostentabel(tabel: Kostentabel) -> dict[str, Any]:
    """A cost table with its computed total and which columns it needs."""
    return {**tabel.model_dump(), "totaal": som(tabel.posten), "uitgebreid": tabel.uitgebreid}


def _collegevoorstel(doc: Collegevoorstel, context: dict[str, Any]) -> None:
    per_punt: Counter[int] = Counter()
    for argument, view in zip(doc.argumenten, context["argumenten"], strict=True):
        per_punt[argument.beslispunt] += 1
        view["nummer"] = f"{argument.beslispunt}.{per_punt[argument.beslispunt]}"
    if doc.financien is not None:
        for onderdeel, view in zip(
            doc.financien.onderdelen, context["financien"]["onderdelen"], strict=True
        ):
            if onderdeel.tabel is not None:
                view["tabel"] = kostentabel(onderdeel.tabel)


COMPUTERS: dict[type[BaseModel], Callable[[Any, dict[str, Any]], None]] = {
    Collegevoorstel: _collegevoorstel,
}


def _meta(doc: Any) -> dict[str, Any]:
    soort = str(doc.soort)
    datum = doc.kopblok.datum
    auteur = getattr(doc, "gemeente", None) or "Gemeente"
    if getattr(doc, "gemeente", None):
        auteur = f"Gemeente {doc.gemeente}"
    return {
        "soort": soort,
        "soortnaam": SOORTNAMEN.get(soort, soort.capitalize()),
        "titel": f"{SOORTNAMEN.get(soort, soort)}: {doc.onderwerp}",
        "onderwerp": str(doc.onderwerp),
        "auteur": auteur,
        "datum": dt.datetime(datum.year, datum.month, datum.day, tzinfo=dt.UTC),
    }


def compute(doc: BaseModel) -> dict[str, Any]:
    """The template context of a valid document."""
    context = doc.model_dump()
    COMPUTERS[type(doc)](doc, context)
    context["meta"] = _meta(doc)
    return context
