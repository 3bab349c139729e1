"""Compute for the inkoopstrategie: numbered sections, inrichtingskeuzes, tables, charts.

The chapters become one flat list `inhoud` of numbered parts (1, 1.1, 5.3.2) that every
output format walks in order; the inrichtingskeuzes of a taakgebied are written out as
text from their data, so the same choice reads the same in every taakgebied.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any

from voorstel.blokken.tabellen import Cel, Tabel, cel, tabel
from voorstel.kern import nl
from voorstel.kern.prose import escape
from voorstel.soorten.inkoopstrategie.model import (
    Begrip,
    Inkoopstrategie,
    Marktanalyse,
    Planning,
    Randvoorwaarden,
    Sectie,
)
from voorstel.soorten.inkoopstrategie.taakgebied import (
    Contractpartners,
    Inrichtingskeuzes,
    Taakgebied,
)

MAX_KOPNIVEAU = 3
KEUZES = (
    "Looptijd van de overeenkomst",
    "Aanbestedingsprocedure",
    "Perceelindeling",
    "Aantal contractpartners",
    "Uitvoeringsvariant en bekostiging",
)


def bereken(doc: Inkoopstrategie, context: dict[str, Any]) -> None:
    """Add the numbered parts, the table of contents, tables and charts to the context."""
    context["inhoud"] = list(_inhoud(doc))
    context["inhoudsopgave"] = [
        {k: deel[k] for k in ("niveau", "nummer", "titel", "anker")} for deel in context["inhoud"]
    ]
    if doc.marktanalyse is not None:
        context["marktanalyse"].update(marktanalyse(doc.marktanalyse))
    for planning, view in zip(doc.planning, context["planning"], strict=True):
        view["tabel"] = planningtabel(planning)
    if doc.randvoorwaarden is not None:
        context["randvoorwaarden"]["tabel"] = randvoorwaardentabel(doc.randvoorwaarden)
    context["vertaaltabel_tabel"] = vertaaltabel(doc) if doc.vertaaltabel else None
    context["begrippen"] = sorted(context["begrippen"], key=lambda b: sorteersleutel(b["begrip"]))
    context["begrippen_tabel"] = begrippentabel(doc.begrippen) if doc.begrippen else None


def sorteersleutel(tekst: str) -> tuple[str, str]:
    """Dutch alphabetical order: accents and case do not count ('één' sorts as 'een')."""
    zonder = unicodedata.normalize("NFKD", tekst)
    basis = "".join(c for c in zonder if not unicodedata.combining(c))
    return basis.casefold(), tekst


def _deel(nummer: Sequence[int], titel: str, **velden: Any) -> dict[str, Any]:
    """A numbered part: heading (level, number, anchor) and what follows it."""
    tekst = ".".join(str(n) for n in nummer)
    return {
        "niveau": min(len(nummer), MAX_KOPNIVEAU),
        "nummer": tekst,
        "titel": titel,
        "anker": "_Toc_" + tekst.replace(".", "_"),
        "nieuwe_pagina": False,
        "tekst": None,
        "blokken": [],
        "tabel": None,
        "tekst_na": None,
        **velden,
    }


def _inhoud(doc: Inkoopstrategie) -> Iterator[dict[str, Any]]:
    for index, hoofdstuk in enumerate(doc.hoofdstukken, start=1):
        yield from _sectie(hoofdstuk, [index], nieuwe_pagina=hoofdstuk.nieuwe_pagina)
        if hoofdstuk.taakgebied is not None:
            nummer = [index, len(hoofdstuk.paragrafen) + 1]
            yield from inrichtingskeuzes(doc, hoofdstuk.taakgebied, nummer)
    bijlagen = [
        (naam, titel)
        for naam, titel in (("vertaaltabel", "Vertaaltabel"), ("begrippen", "Begrippenlijst"))
        if getattr(doc, naam)
    ]
    for index, (naam, titel) in enumerate(bijlagen, start=1):
        deel = _deel([index], f"Bijlage {index}: {titel}", nieuwe_pagina=True, blokken=[naam])
        yield {**deel, "nummer": "", "anker": f"_Toc_bijlage_{index}"}


def _sectie(
    sectie: Sectie, nummer: list[int], nieuwe_pagina: bool = False
) -> Iterator[dict[str, Any]]:
    yield _deel(
        nummer,
        sectie.titel,
        nieuwe_pagina=nieuwe_pagina,
        tekst=sectie.tekst,
        blokken=list(sectie.blokken),
        tekst_na=sectie.tekst_na,
    )
    for index, sub in enumerate(sectie.paragrafen, start=1):
        yield from _sectie(sub, [*nummer, index])


def inrichtingskeuzes(
    doc: Inkoopstrategie, gebied: Taakgebied, nummer: list[int]
) -> Iterator[dict[str, Any]]:
    """The paragraph of inrichtingskeuzes, with its five subparagraphs in fixed order."""
    keuzes = gebied.inrichtingskeuzes
    yield _deel(nummer, keuzes.titel)
    procedure = keuzes.aanbestedingsprocedure
    teksten = [
        (_looptijd(gebied, keuzes), None, None),
        (
            _alineas(
                f"We besteden {escape(gebied.aanduiding)} aan via {escape(procedure.procedure)}.",
                procedure.tekst,
            ),
            _fasetabel(keuzes) if procedure.fasen else None,
            procedure.tekst_na,
        ),
        (_perceelindeling(doc, gebied), None, keuzes.perceelindeling.tekst_na),
        ("\n\n".join(_contractpartners(doc, p) for p in keuzes.contractpartners), None, None),
        (_uitvoering(gebied, keuzes), None, None),
    ]
    for index, (titel, (tekst, tabel_view, tekst_na)) in enumerate(
        zip(KEUZES, teksten, strict=True), start=1
    ):
        if titel == KEUZES[0] and len(keuzes.looptijd) > 1:
            titel += "(en)"
        yield _deel([*nummer, index], titel, tekst=tekst, tabel=tabel_view, tekst_na=tekst_na)


def _alineas(*delen: str | None) -> str:
    return "\n\n".join(d for d in delen if d)


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _ingesprongen(tekst: str) -> str:
    """Prose continued inside a numbered list item."""
    return "\n".join("   " + regel if regel.strip() else "" for regel in tekst.splitlines())


def _looptijd(gebied: Taakgebied, keuzes: Inrichtingskeuzes) -> str:
    looptijden = keuzes.looptijd
    aanduiding = escape(gebied.aanduiding)
    if len(looptijden) == 1:
        lt = looptijden[0]
        voor = escape(lt.onderdeel) if lt.onderdeel else aanduiding
        return _alineas(
            f"De ingangsdatum van de overeenkomst voor {voor} is {nl.datum(lt.ingangsdatum)}. "
            f"De duur van de overeenkomst is {lt.omschrijving}.",
            lt.tekst,
        )
    starts = {lt.ingangsdatum for lt in looptijden}
    if len(starts) == 1:
        intro = (
            f"De ingangsdatum van de overeenkomst(en) voor {aanduiding} is "
            f"{nl.datum(looptijden[0].ingangsdatum)}. De duur van de overeenkomst(en) "
            "verschilt per onderdeel:"
        )
    else:
        intro = f"De looptijd van de overeenkomst(en) voor {aanduiding} verschilt per onderdeel:"
    items = []
    for index, lt in enumerate(looptijden, start=1):
        naam = _hoofdletter(escape(lt.onderdeel or gebied.naam))
        start = f" met ingang van {nl.datum(lt.ingangsdatum)}" if len(starts) > 1 else ""
        item = f"{index}. {naam} heeft een duur van {lt.omschrijving}{start}."
        if lt.tekst:
            item += "\n\n" + _ingesprongen(lt.tekst)
        items.append(item)
    return _alineas(intro, "\n\n".join(items))


def _fasetabel(keuzes: Inrichtingskeuzes) -> Tabel:
    rijen = [
        [cel(f.fase, nadruk=True), cel(f.beschrijving), cel(f.document)]
        for f in keuzes.aanbestedingsprocedure.fasen
    ]
    view = tabel(None, ["Fase", "Beschrijving", "Bijbehorend document"], rijen)
    view.breedtes = [3.0, 9.0, 4.0]
    return view


def _perceelindeling(doc: Inkoopstrategie, gebied: Taakgebied) -> str | None:
    percelen = [p for p in doc.percelen if p.taakgebied == gebied.id]
    items = []
    for index, perceel in enumerate(percelen, start=1):
        item = f"{index}. {escape(perceel.naam)}"
        if perceel.omvat:
            item += ": " + nl.opsomming([escape(o) for o in perceel.omvat])
        items.append(item)
    tekst = gebied.inrichtingskeuzes.perceelindeling.tekst
    if not items and not tekst:
        return f"Voor {escape(gebied.aanduiding)} is er geen perceelindeling."
    return _alineas(tekst, "\n".join(items) if items else None)


def _partners(n: int) -> str:
    return nl.aantal(n, "contractpartner", "contractpartners")


def _contractpartners(doc: Inkoopstrategie, p: Contractpartners) -> str:
    organisatie = escape(doc.organisatie)
    onderdeel = escape(p.onderdeel) if p.onderdeel else None
    zinnen = []
    if p.per_perceel is not None:
        if onderdeel:
            zinnen.append(
                f"Voor {onderdeel} contracteert {organisatie} per perceel "
                f"{_partners(p.per_perceel)}."
            )
        else:
            zinnen.append(f"Per perceel contracteert {organisatie} {_partners(p.per_perceel)}.")
    waar = f" voor {onderdeel}" if onderdeel else " binnen dit taakgebied"
    dus = "dus " if p.per_perceel is not None else ""
    if p.minimum is None:
        zinnen.append(f"In totaal contracteren we {dus}maximaal {_partners(p.maximum)}{waar}.")
    elif p.minimum == p.maximum:
        zinnen.append(f"In totaal contracteren we {dus}{_partners(p.maximum)}{waar}.")
    else:
        zinnen.append(
            f"In totaal contracteren we {dus}minimaal {nl.telwoord(p.minimum)} en maximaal "
            f"{_partners(p.maximum)}{waar}."
        )
    return _alineas(" ".join(zinnen), p.tekst)


def _uitvoering(gebied: Taakgebied, keuzes: Inrichtingskeuzes) -> str:
    delen = []
    for u in keuzes.uitvoering:
        voor = escape(u.onderdeel) if u.onderdeel else escape(gebied.aanduiding)
        delen.append(
            _alineas(
                f"De uitvoeringsvariant voor {voor} is **{u.uitvoeringsvariant}**. De bekostiging "
                f"vindt plaats op basis van {escape(u.bekostiging)}.",
                u.tekst,
            )
        )
    return "\n\n".join(delen)


# -- tables and charts ---------------------------------------------------------------------


def kwartalen(van: dt.date, tot: dt.date) -> list[dt.date]:
    """The first day of every quarter from the one holding `van` to the one holding `tot`."""
    start = dt.date(van.year, 3 * ((van.month - 1) // 3) + 1, 1)
    result = []
    while start <= tot:
        result.append(start)
        start = _volgend_kwartaal(start)
    return result


def _volgend_kwartaal(start: dt.date) -> dt.date:
    """The first day of the quarter after the one starting on `start`."""
    maand = start.month + 3
    return dt.date(start.year + (maand > 12), (maand - 1) % 12 + 1, 1)


def _kwartaaleinde(start: dt.date) -> dt.date:
    return _volgend_kwartaal(start) - dt.timedelta(days=1)


PER_TABEL = 8
"""Quarters in one planning table: more do not fit the text width with 'Q3 2025' on one
line, so they go on in another table."""


def planningtabel(planning: Planning) -> Tabel:
    """Activities as rows, quarters as columns, an X where an activity runs; a planning
    of more than PER_TABEL quarters goes on in follow-up tables (Tabel.vervolg)."""
    begin = min(a.van for a in planning.activiteiten)
    reeks = kwartalen(begin, planning.eind)
    delen = [reeks[i : i + PER_TABEL] for i in range(0, len(reeks), PER_TABEL)]
    views = [
        _planningdeel(planning, deel, planning.titel if i == 0 else f"{planning.titel} (vervolg)")
        for i, deel in enumerate(delen)
    ]
    if len(views) > 1:
        views[0].vervolg = views[1:]
    return views[0]


def _planningdeel(planning: Planning, reeks: list[dt.date], titel: str) -> Tabel:
    rijen: list[list[Cel]] = []
    groep = None
    for activiteit in planning.activiteiten:
        if activiteit.groep and activiteit.groep != groep:
            groep = activiteit.groep
            rijen.append([cel(groep, nadruk=True), *(cel("") for _ in reeks)])
        cellen = [
            cel("X" if activiteit.van <= _kwartaaleinde(q) and activiteit.eind >= q else "")
            for q in reeks
        ]
        rijen.append([cel(activiteit.activiteit), *cellen])
    view = tabel(titel, ["Activiteit", *(nl.kwartaal(q) for q in reeks)], rijen)
    view.breedtes = planningbreedtes(len(reeks))
    return view


def planningbreedtes(kwartalen: int) -> list[float]:
    """Column widths in cm sharing the 16 cm text width: each quarter at most 1.6 cm,
    at least 1.5 cm (PER_TABEL quarters), the activity column the rest (at least 4 cm)."""
    kwartaal = min(1.6, 12.0 / kwartalen)
    return [16.0 - kwartaal * kwartalen, *(kwartaal for _ in range(kwartalen))]


def vertaaltabel(doc: Inkoopstrategie) -> Tabel:
    """Was (overeenkomst, productcodes) and wordt (taakgebied, uitvoeringsvariant)."""
    rijen = [
        [
            cel(v.overeenkomst),
            cel(", ".join(v.productcodes)),
            cel(v.taakgebied),
            cel(v.uitvoeringsvariant),
        ]
        for v in doc.vertaaltabel
    ]
    kop = [
        "Was: overeenkomst",
        "Was: productcode",
        "Wordt: taakgebied",
        "Wordt: uitvoeringsvariant",
    ]
    view = tabel(None, kop, rijen)
    view.breedtes = [3.5, 5.5, 4.0, 3.0]
    return view


def randvoorwaardentabel(randvoorwaarden: Randvoorwaarden) -> Tabel:
    """Randvoorwaarde, omschrijving and actie, the last two prose; in Markdown a heading
    'Randvoorwaarde: ...' per row."""
    rijen = [
        [cel(r.randvoorwaarde), cel(r.omschrijving, "proza"), cel(r.actie, "proza")]
        for r in randvoorwaarden.lijst
    ]
    view = tabel(None, ["Randvoorwaarde", "Omschrijving", "Actie"], rijen, breedtes=[4.0, 6.0, 6.0])
    view.rijlabel = "Randvoorwaarde"
    return view


def begrippentabel(begrippen: Sequence[Begrip]) -> Tabel:
    """The begrippenlijst in alphabetical order (sorteersleutel): begrip and definitie
    (prose)."""
    rijen = [
        [cel(b.begrip), cel(b.definitie, "proza")]
        for b in sorted(begrippen, key=lambda b: sorteersleutel(b.begrip))
    ]
    return tabel(None, ["Begrip", "Definitie"], rijen, breedtes=[4.5, 11.5])


def verandering(vorig: int, nu: int) -> Decimal | None:
    """The change from one year to the next in percent, to two decimals."""
    if vorig == 0:
        return None
    return (Decimal(nu - vorig) * 100 / Decimal(vorig)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def marktanalyse(m: Marktanalyse) -> dict[str, Any]:
    """A chart per gemeente (values and year-on-year change) and the table beneath."""
    jaren = m.jaren
    figuren = []
    for gemeente, reeks in m.reeksen.items():
        waarden = [reeks[j] for j in jaren]
        veranderingen = [None, *(verandering(a, b) for a, b in pairwise(waarden))]
        punten = "; ".join(
            f"{j}: {nl.getal(w)}"
            + (f" ({_teken(v)} ten opzichte van {j - 1})" if v is not None else "")
            for j, w, v in zip(jaren, waarden, veranderingen, strict=True)
        )
        figuren.append(
            {
                "titel": gemeente,
                "jaren": jaren,
                "waarden": waarden,
                "veranderingen": veranderingen,
                "alt": f"Lijndiagram: {m.titel.lower()} in {gemeente}, {jaren[0]} tot en met "
                f"{jaren[-1]}. {punten}.",
            }
        )
    rijen = [[cel(g), *(cel(Decimal(r[j]), "getal") for j in jaren)] for g, r in m.reeksen.items()]
    voet = [
        cel("Totaal", nadruk=True),
        *(cel(Decimal(m.regiototaal(j)), "getal", nadruk=True) for j in jaren),
    ]
    view = tabel(m.titel, ["Gemeente", *(str(j) for j in jaren)], rijen, voet, _bron(m))
    view.breedtes = [3.6, *(12.4 / len(jaren) for _ in jaren)]
    return {"figuren": figuren, "tabel": view}


def _bron(m: Marktanalyse) -> str | None:
    return f"Bron: {m.bron}" if m.bron else None


def _teken(v: Decimal) -> str:
    """A change with its sign, '+12,28%' or '-2,5%'."""
    return ("+" if v > 0 else "") + nl.procent(v, 2)
