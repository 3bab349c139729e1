"""Compute for the raadsvoorstel: argument numbers, the besluit's formula and bijlagen,
the oplegger."""

from __future__ import annotations

from typing import Any

from voorstel.blokken.argumenten import nummer_argumenten
from voorstel.blokken.beslispunten import beslislijst
from voorstel.blokken.tabellen import Tabel, cel, tabel
from voorstel.soorten.raadsvoorstel.model import Mijlpaal, Raadsvoorstel

INSTEMMEN = (
    "In te stemmen met bijgaand raadsvoorstel en ontwerpbesluit en deze ter besluitvorming "
    "voor te leggen aan de raad."
)
"""The oplegger's first beslispunt: the college agrees with the proposal and sends it on."""


def bereken(doc: Raadsvoorstel, context: dict[str, Any]) -> None:
    if doc.uitvoering is not None:
        context["uitvoering"]["planning_tabel"] = planningtabel(doc.uitvoering.planning)
    nummer_argumenten(doc.argumenten, context["argumenten"])
    context["beslispunten"] = beslislijst(context["beslispunten"])  # also the besluit's
    besluit = context["besluit"]
    besluit["ontwerp"] = doc.besluit.vastgesteld is None
    besluit["titel"] = "Ontwerpbesluit" if besluit["ontwerp"] else "Raadsbesluit"
    besluit["vergadering"] = doc.besluit.vastgesteld or doc.kopblok.raadsvergadering
    if doc.besluit.voorzitter is None:  # the burgemeester chairs the raad (Gemeentewet art. 9)
        besluit["voorzitter"] = context["ondertekening"]["burgemeester"]
    besluit["begrotingswijzigingen"] = [  # also bijlagen of the raadsbesluit
        onderdeel["begrotingswijziging"]
        for onderdeel in (context["financien"] or {}).get("onderdelen", [])
        if onderdeel["begrotingswijziging"] is not None
    ]
    if context["college"] is not None:
        context["college"]["alle_beslispunten"] = beslislijst(
            [INSTEMMEN, *context["college"]["beslispunten"]]
        )
        context["college"]["bijlagen"] = [  # the stukken the oplegger sends on
            f"Raadsvoorstel: {doc.onderwerp}",
            f"{besluit['titel']}: {doc.onderwerp}",
        ]


def planningtabel(planning: list[Mijlpaal]) -> Tabel | None:
    """The planning of the uitvoering: wanneer and wat; None without one."""
    if not planning:
        return None
    rijen = [[cel(m.wanneer), cel(m.wat)] for m in planning]
    return tabel(None, ["Wanneer", "Wat"], rijen, breedtes=[4.0, 12.0])
