"""Compute for the collegevoorstel: the beslispunten numbered (I., 1., a.), arguments
numbered per beslispunt (1.1, 1.2, 2.1), the table of monitoring targets."""

from __future__ import annotations

from typing import Any

from voorstel.blokken.argumenten import nummer_argumenten
from voorstel.blokken.beslispunten import beslislijst
from voorstel.blokken.tabellen import Tabel, cel, tabel
from voorstel.soorten.collegevoorstel.model import Collegevoorstel, Monitoring


def bereken(doc: Collegevoorstel, context: dict[str, Any]) -> None:
    if doc.monitoring is not None:
        context["monitoring"]["doelen"] = doelentabel(doc.monitoring)
    nummer_argumenten(doc.argumenten, context["argumenten"])
    context["beslispunten"] = beslislijst(context["beslispunten"])


def doelentabel(monitoring: Monitoring) -> Tabel | None:
    """The targets in figures: beoogd resultaat and aantal."""
    if not monitoring.doelen:
        return None
    rijen = [[cel(d.omschrijving), cel(d.aantal, "getal")] for d in monitoring.doelen]
    return tabel(None, ["Beoogd resultaat", "Aantal"], rijen, breedtes=[12.0, 4.0])
