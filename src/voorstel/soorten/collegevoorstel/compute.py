"""Compute for the collegevoorstel: arguments numbered per beslispunt (1.1, 1.2, 2.1)."""

from __future__ import annotations

from typing import Any

from voorstel.blokken.argumenten import nummer_argumenten
from voorstel.soorten.collegevoorstel.model import Collegevoorstel


def bereken(doc: Collegevoorstel, context: dict[str, Any]) -> None:
    nummer_argumenten(doc.argumenten, context["argumenten"])
