"""Compute: a valid model -> the one template context, with every derived figure.

No I/O and Decimal only. Every output format renders from this context, so a figure can
never differ between the .docx and the .md.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from voorstel.models.blokken import Contact, Document, Kostentabel, Paragraaf, som
from voorstel.models.collegevoorstel import Collegevoorstel


def kostentabel(tabel: Kostentabel) -> dict[str, Any]:
    """A cost table with its computed total and which columns it needs."""
    return {**tabel.model_dump(), "totaal": som(tabel.posten), "uitgebreid": tabel.uitgebreid}


def letter(index: int) -> str:
    """The letter of the index-th lettered item: a, b, ..., z, aa, ab, ..."""
    letters = string.ascii_lowercase
    return letters[index] if index < len(letters) else letter(index // 26 - 1) + letter(index % 26)


def paragraaf(view: dict[str, Any]) -> None:
    """Letter the onderdelen of a paragraaf: a., b., c., starting again in each paragraaf."""
    for index, onderdeel in enumerate(view["onderdelen"]):
        onderdeel["letter"] = letter(index)


def blokken(value: Any, view: Any) -> Iterator[tuple[BaseModel, dict[str, Any]]]:
    """Every model inside a document with its view in the context, depth first."""
    if isinstance(value, BaseModel):
        yield value, view
        for name in type(value).model_fields:
            yield from blokken(getattr(value, name), view[name])
    elif isinstance(value, list | tuple):
        for item, item_view in zip(value, view, strict=True):
            yield from blokken(item, item_view)


def _gedeelde_blokken(doc: BaseModel, context: dict[str, Any]) -> None:
    """Derived figures of the shared blocks, wherever a soort uses them."""
    for block, view in blokken(doc, context):
        if isinstance(block, Kostentabel):
            view.update(kostentabel(block))
        elif isinstance(block, Paragraaf):
            paragraaf(view)
        elif isinstance(block, Contact):
            view["gegevens"] = ", ".join(g for g in (block.email, block.telefoon) if g)


def _collegevoorstel(doc: Collegevoorstel, context: dict[str, Any]) -> None:
    per_punt: Counter[int] = Counter()
    for argument, view in zip(doc.argumenten, context["argumenten"], strict=True):
        per_punt[argument.beslispunt] += 1
        view["nummer"] = f"{argument.beslispunt}.{per_punt[argument.beslispunt]}"


COMPUTERS: dict[type[BaseModel], Callable[[Any, dict[str, Any]], None]] = {
    # Figures only one soort has; those of the shared blocks are made for every soort.
    Collegevoorstel: _collegevoorstel,
}


def _meta(doc: Document) -> dict[str, Any]:
    soort = str(getattr(doc, "soort"))  # noqa: B009
    datum = doc.documentdatum()
    return {
        "soort": soort,
        "soortnaam": doc.soortnaam,
        "titel": doc.titel(),
        "onderwerp": str(getattr(doc, "onderwerp", "")),
        "auteur": doc.auteur(),
        "datum": dt.datetime(datum.year, datum.month, datum.day, tzinfo=dt.UTC),
    }


def compute(doc: BaseModel) -> dict[str, Any]:
    """The template context of a valid document."""
    context = doc.model_dump()
    _gedeelde_blokken(doc, context)
    if not isinstance(doc, Document):
        raise TypeError(f"{type(doc).__name__} is geen documentsoort")
    eigen = COMPUTERS.get(type(doc))
    if eigen is not None:
        eigen(doc, context)
    context["meta"] = _meta(doc)
    return context
