"""Compute: a valid model -> the one template context, with every derived figure.

No I/O and Decimal only. Every output format renders from this context, so a figure can
never differ between the .docx and the .md. A regional proposal gives one context per
gemeente in its key (a variant) plus the regional overview.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from voorstel.blokken import tabellen
from voorstel.blokken.begroting import Begrotingstabel, VerdelingRef
from voorstel.blokken.begrotingswijziging import Begrotingswijziging
from voorstel.blokken.modellen import (
    Bijlage,
    Contact,
    Document,
    Kostentabel,
    MetKopvelden,
    Paragraaf,
    Risicos,
    bijlagenummers,
    som,
)
from voorstel.blokken.regio import Ambtsdragers
from voorstel.blokken.verdeelsleutel import Verdeelsleutel
from voorstel.kern import finance, nl
from voorstel.kern.errors import VoorstelError
from voorstel.kern.nl import letter
from voorstel.soorten import REGISTER

M = TypeVar("M", bound=BaseModel)


@dataclass
class Berekening:
    """What compute needs besides the model: the shared files and the variant's gemeente."""

    doc: BaseModel
    sleutels: Mapping[str, Verdeelsleutel] = field(default_factory=dict)
    gemeente: str | None = None
    cijfers: dict[str, Any] = field(default_factory=dict)
    verdelingen: dict[tuple[str, Decimal], finance.Verdeling] = field(default_factory=dict)
    """Allocations by key and amount, shared by every variant of a document: computed once."""


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


def _gedeelde_blokken(doc: BaseModel, context: dict[str, Any], b: Berekening) -> None:
    """Derived figures of the shared blocks, wherever a soort uses them."""
    totalen = {
        blok.id: som(blok.alle_posten)
        for blok, _ in blokken(doc, context)
        if isinstance(blok, Kostentabel) and blok.id
    }
    tabellen_: dict[int, tabellen.Tabel] = {}
    """The computed table that takes the place of a table block's view, by id of the view."""
    for block, view in blokken(doc, context):
        if isinstance(block, Kostentabel):
            tabellen_[id(view)] = tabellen.kostentabel(block)
        elif isinstance(block, Begrotingstabel):
            tabellen_[id(view)] = tabellen.begrotingstabel(block)
        elif isinstance(block, Begrotingswijziging):
            tabellen_[id(view)] = _met_herkomst(tabellen.begrotingswijziging(block), block, b)
            if not any(naam.startswith("saldo_") for naam in b.cijfers):  # the first one's
                b.cijfers.update(tabellen.begrotingscijfers(block))
        elif isinstance(block, VerdelingRef):
            tabellen_[id(view)] = _verdeling(block, totalen, b)
        elif isinstance(block, Risicos):  # the list stays: a template may walk it
            view["tabel"] = tabellen.risicotabel(block)
        elif isinstance(block, Paragraaf):
            paragraaf(view)
        elif isinstance(block, Contact):
            view["gegevens"] = ", ".join(g for g in (block.email, block.telefoon) if g)
        elif isinstance(block, MetKopvelden):  # the gemeente's own fields, in their order
            view["velden"] = [
                {"naam": v.naam, "label": v.label, "waarde": v.waarde} for v in block.kopvelden
            ]
    _plaats_tabellen(context, tabellen_)
    _nummer_bijlagen(doc, context)


def _nummer_bijlagen(doc: BaseModel, context: dict[str, Any]) -> None:
    """Each bijlage its number (its own, or the next); `bijlagen_eigen_nummers` when the
    data gives numbers, so the list shows them ("Bijlage 5") instead of counting 1..n."""
    bijlagen = getattr(doc, "bijlagen", None)
    if not isinstance(bijlagen, list) or not all(isinstance(b, Bijlage) for b in bijlagen):
        return
    for view, nummer in zip(context["bijlagen"], bijlagenummers(bijlagen), strict=True):
        view["nummer"] = nummer
    context["bijlagen_eigen_nummers"] = any(b.nummer is not None for b in bijlagen)


def _plaats_tabellen(value: Any, door: Mapping[int, Any]) -> Any:
    """Put each computed table in the place of its block's view (by identity), in place."""
    if id(value) in door:
        return door[id(value)]
    if isinstance(value, dict):
        for key, sub in value.items():
            value[key] = _plaats_tabellen(sub, door)
    elif isinstance(value, list):
        value[:] = [_plaats_tabellen(sub, door) for sub in value]
    return value


def _verdeling(ref: VerdelingRef, totalen: Mapping[str, Decimal], b: Berekening) -> tabellen.Tabel:
    """The allocation table of a proposal, computed from its key and amount."""
    regio = getattr(b.doc, "regio", None)
    pad = ref.sleutel or (regio.verdeelsleutel if regio is not None else None)
    if pad is None:
        raise VoorstelError("een verdeling heeft een 'sleutel' nodig, of 'regio.verdeelsleutel'")
    if ref.tabel is not None and ref.tabel not in totalen:
        raise VoorstelError(f"verdeling: geen kostentabel met id '{ref.tabel}'")
    bedrag = ref.bedrag if ref.bedrag is not None else totalen[str(ref.tabel)]
    sleutel = b.sleutels[pad]
    verdeling = _verdeeld(b, pad, bedrag)
    if "bijdrage" not in b.cijfers:
        b.cijfers.update(_cijfers(verdeling, b.gemeente))
    return tabellen.verdeeltabel(sleutel, verdeling, ref.titel, ref.centen, b.gemeente)


def _regiosleutel(b: Berekening) -> tuple[str, Verdeelsleutel] | None:
    """The path and key of the document's regio, when it has one (and it is loaded)."""
    regio = getattr(b.doc, "regio", None)
    if regio is None or regio.verdeelsleutel not in b.sleutels:
        return None
    return regio.verdeelsleutel, b.sleutels[regio.verdeelsleutel]


def _verdeeld(b: Berekening, pad: str, bedrag: Decimal) -> finance.Verdeling:
    """The allocation of an amount with a key, computed once for every variant."""
    verdeling = b.verdelingen.get((pad, bedrag))
    if verdeling is None:
        verdeling = b.verdelingen[(pad, bedrag)] = b.sleutels[pad].verdeel(bedrag)
    return verdeling


def _met_aandelen(doc: M, b: Berekening) -> M:
    """One gemeente's version of a regional document: every begrotingswijziging with
    `verdelen` holds that gemeente's share of each amount, by the regio's key. A negative
    amount (a correction) is split as its opposite, so the shares still add up to it."""
    regio = _regiosleutel(b)
    if regio is None or b.gemeente is None:
        return doc
    pad, _ = regio
    gemeente = b.gemeente

    def deel(bedrag: Decimal) -> Decimal:
        if bedrag < 0:
            return -deel(-bedrag)
        return _verdeeld(b, pad, bedrag).gemeentetotaal(gemeente)

    def aandeel(model: BaseModel) -> BaseModel | None:
        if isinstance(model, Begrotingswijziging) and model.verdelen:
            return model.aandeel(deel)
        return None

    gedeeld: M = vervang_blokken(doc, aandeel)
    return gedeeld


def vervang_blokken(value: Any, door: Callable[[BaseModel], BaseModel | None]) -> Any:
    """`value` with every model inside it for which `door` gives another put in its place;
    what holds no replaced model stays the same object."""
    if isinstance(value, BaseModel):
        nieuw = door(value)
        if nieuw is not None:
            return nieuw
        velden = {naam: getattr(value, naam) for naam in type(value).model_fields}
        anders = {naam: vervang_blokken(v, door) for naam, v in velden.items()}
        anders = {naam: v for naam, v in anders.items() if v is not velden[naam]}
        return value.model_copy(update=anders) if anders else value
    if isinstance(value, list):
        nieuwe = [vervang_blokken(v, door) for v in value]
        return nieuwe if any(n is not v for n, v in zip(nieuwe, value, strict=True)) else value
    return value


def _met_herkomst(tabel: tabellen.Tabel, bw: Begrotingswijziging, b: Berekening) -> tabellen.Tabel:
    """A shared begrotingswijziging's table says whose amounts it shows: the region's in
    the overview, one gemeente's share in its version."""
    regio = _regiosleutel(b)
    if not bw.verdelen or regio is None:
        return tabel
    pad, sleutel = regio
    if b.gemeente is None:
        uitleg = (
            "De bedragen zijn die van de hele regio; elke gemeente wijzigt haar begroting "
            f"met haar aandeel volgens de verdeelsleutel ({sleutel.naam})."
        )
    else:
        # a share does not depend on the amount: any allocation, computed once for every
        # variant, has it (computing it per variant would take a region's size each time)
        procent = _verdeeld(b, pad, Decimal(0)).percentages[b.gemeente]
        uitleg = (
            f"De bedragen zijn het aandeel van {b.gemeente} ({nl.procent(procent)}) in die "
            f"van de regio, volgens de verdeelsleutel ({sleutel.naam})."
        )
    return dataclasses.replace(tabel, noot=" ".join(d for d in (tabel.noot, uitleg) if d))


def _cijfers(verdeling: finance.Verdeling, gemeente: str | None) -> dict[str, Any]:
    """The figures prose may name: the variant's own bijdrage and percentage, the total."""
    if gemeente is not None and gemeente not in verdeling.gemeenten:
        raise VoorstelError(f"gemeente '{gemeente}' staat niet in de verdeling")
    if gemeente is None:
        return {
            "bijdrage": verdeling.totaal,
            "percentage": Decimal(100),
            "totaal": verdeling.totaal,
        }
    return {
        "bijdrage": verdeling.gemeentetotaal(gemeente),
        "percentage": verdeling.percentages[gemeente],
        "totaal": verdeling.totaal,
    }


def _meta(doc: Document, gemeente: str | None, overzicht: bool) -> dict[str, Any]:
    soort = str(getattr(doc, "soort"))  # noqa: B009
    datum = doc.documentdatum()
    regio = getattr(doc, "regio", None)
    if gemeente:
        auteur = f"Gemeente {gemeente}"
    elif regio is not None:
        auteur = str(regio.naam)
    else:
        auteur = doc.auteur()
    return {
        "soort": soort,
        "soortnaam": doc.soortnaam,
        "titel": doc.titel(),
        "onderwerp": str(getattr(doc, "onderwerp", "")),
        "auteur": auteur,
        "datum": dt.datetime(datum.year, datum.month, datum.day, tzinfo=dt.UTC),
        "gemeente": gemeente,
        "overzicht": overzicht,
    }


def compute(
    doc: BaseModel,
    sleutels: Mapping[str, Verdeelsleutel] | None = None,
    gemeente: str | None = None,
    overzicht: bool = False,
    verdelingen: dict[tuple[str, Decimal], finance.Verdeling] | None = None,
    ambtsdragers: Ambtsdragers | None = None,
) -> dict[str, Any]:
    """The template context of a valid document (for one gemeente, or the overview).

    Without a gemeente the document's own `gemeente` is used, except for the regional
    overview (`overzicht`), which is never one gemeente's version: its figures and prose
    are the region's, and only what the document signs with stays its own. A gemeente's
    version is signed by that gemeente's office holders, when `ambtsdragers` names them
    and the soort signs (`met_ambtsdragers`).
    """
    met_ambtsdragers = getattr(doc, "met_ambtsdragers", None)
    if gemeente is not None and ambtsdragers is not None and met_ambtsdragers is not None:
        doc = met_ambtsdragers(ambtsdragers.gemeenten[gemeente])
    if not isinstance(doc, Document):
        raise TypeError(f"{type(doc).__name__} is geen documentsoort")
    eigen_gemeente = None if overzicht else getattr(doc, "gemeente", None)
    berekening = Berekening(doc, sleutels or {}, gemeente or eigen_gemeente)
    if verdelingen is not None:
        berekening.verdelingen = verdelingen
    doc = berekening.doc = _met_aandelen(doc, berekening)
    context = doc.model_dump()
    _gedeelde_blokken(doc, context, berekening)
    eigen = REGISTER.van(doc).bereken  # figures only this soort has
    if eigen is not None:
        eigen(doc, context)
    if "gemeente" in context:  # who signs: the overview keeps the document's own
        context["gemeente"] = berekening.gemeente or context["gemeente"]
    context["meta"] = _meta(doc, berekening.gemeente, overzicht)
    cijfers: dict[str, Any] = {"gemeente": berekening.gemeente, **berekening.cijfers}
    regio = getattr(doc, "regio", None)
    if regio is not None:
        cijfers["regio"] = regio.naam
        if cijfers["gemeente"] is None:
            cijfers["gemeente"] = regio.naam
    context["cijfers"] = cijfers
    ingevuld: dict[str, Any] = vul_in(context, cijfers)
    return ingevuld


def varianten(
    doc: BaseModel,
    sleutels: Mapping[str, Verdeelsleutel] | None = None,
    ambtsdragers: Ambtsdragers | None = None,
) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """(gemeente, context) for every output: the document itself, or for a regional
    proposal the overview (gemeente None) and one per gemeente in its key, signed by
    that gemeente's `ambtsdragers`.

    One at a time, so a caller can write each variant before the next is computed, and
    with the allocation computed once for all of them: a region of hundreds of gemeenten
    takes time and memory in proportion to its size."""
    regio = getattr(doc, "regio", None)
    if regio is None or not regio.varianten or sleutels is None:
        yield None, compute(doc, sleutels)
        return
    gedeeld: dict[tuple[str, Decimal], finance.Verdeling] = {}
    yield None, compute(doc, sleutels, None, overzicht=True, verdelingen=gedeeld)
    for gemeente in sleutels[regio.verdeelsleutel].gemeenten:
        yield (
            gemeente,
            compute(doc, sleutels, gemeente, verdelingen=gedeeld, ambtsdragers=ambtsdragers),
        )


def aantal_varianten(doc: BaseModel, sleutels: Mapping[str, Verdeelsleutel] | None) -> int:
    """How many outputs varianten() gives, without computing them."""
    regio = getattr(doc, "regio", None)
    if regio is None or not regio.varianten or sleutels is None:
        return 1
    return 1 + len(sleutels[regio.verdeelsleutel].gemeenten)


CIJFERNAMEN = ("gemeente", "regio", "bijdrage", "percentage", "totaal")
"""The figures prose may name; the last three need a verdeling in the document."""

BEGROTINGSCIJFERS = ("saldo", "lasten", "baten", "structurele_lasten", "incidentele_lasten")
"""With a begrotingswijziging, prose may name these per year: {{ saldo_2026 }}."""


def begrotingsnamen(doc: BaseModel) -> list[str]:
    """The figure names the first begrotingswijziging of a document gives its prose."""
    for blok, _ in blokken(doc, doc.model_dump()):
        if isinstance(blok, Begrotingswijziging):
            return [f"{naam}_{jaar}" for naam in BEGROTINGSCIJFERS for jaar in blok.jaren]
    return []


VERWIJZING = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*(?:\|\s*([a-z_]+)\s*)?\}\}")
LOS = re.compile(r"""\{\{\s*(?:'([^'{}]*)'|"([^"{}]*)")\s*\|\s*los\s*\}\}""")
"""An amount marked as standing on its own: {{ '€ 750.000'|los }} is written as € 750.000
and left out of the prose check."""
OPMAAK: dict[str, Callable[..., str]] = {
    naam: nl.FILTERS[naam]
    for naam in ("bedrag", "bedrag_heel", "saldo", "miljoen", "procent", "getal")
}
"""The Dutch filters a figure reference in prose may use ({{ bijdrage|bedrag_heel }})."""
STANDAARD_OPMAAK = {"bijdrage": "bedrag", "totaal": "bedrag", "percentage": "procent"}


def cijfer_tekst(naam: str, opmaak: str | None, cijfers: Mapping[str, Any]) -> str | None:
    """The text of a named figure, or None when the reference is not one we evaluate."""
    if naam not in cijfers or cijfers[naam] is None:
        return None
    waarde = cijfers[naam]
    if isinstance(waarde, str):
        return waarde if opmaak is None else None
    filter_naam = opmaak or STANDAARD_OPMAAK.get(naam) or _begrotingsopmaak(naam)
    if filter_naam not in OPMAAK:
        return None
    return OPMAAK[filter_naam](waarde)


def _begrotingsopmaak(naam: str) -> str:
    """A begrotingswijziging's figure: a saldo with V or N, other amounts in whole euros."""
    if naam.startswith("saldo_"):
        return "saldo"
    return "bedrag_heel" if naam.rsplit("_", 1)[0] in BEGROTINGSCIJFERS else "getal"


def vul_in(value: Any, cijfers: Mapping[str, Any]) -> Any:
    """Replace `{{ naam }}` references to known figures in every text; anything else that
    looks like a template tag stays literally as written. Nothing is evaluated."""
    if isinstance(value, str):

        def vervang(m: re.Match[str]) -> str:
            tekst = cijfer_tekst(m.group(1), m.group(2), cijfers)
            return m.group(0) if tekst is None else tekst

        if "{{" not in value:
            return value
        return LOS.sub(lambda m: m.group(1) or m.group(2) or "", VERWIJZING.sub(vervang, value))
    if isinstance(value, tabellen.Tabel):
        return value.met_tekst(lambda tekst: vul_in(tekst, cijfers))
    if isinstance(value, dict):
        return {k: value[k] if k == "cijfers" else vul_in(v, cijfers) for k, v in value.items()}
    if isinstance(value, list):
        return [vul_in(v, cijfers) for v in value]
    return value
