"""Openbaarheid: a document that is not public says so in its file name and stays out of
anything meant for publication (the marking in every page header is in the templates)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

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
