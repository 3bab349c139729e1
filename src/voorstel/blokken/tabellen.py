"""Computed tables as plain views (header, rows, footer of typed cells) for every renderer.

A cell holds a Decimal and says what it is (bedrag, procent, ...); the renderers format it
with the Dutch filters, so a figure is written the same way in every output.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from voorstel.blokken.begroting import Begrotingstabel
from voorstel.blokken.begrotingswijziging import Begrotingswijziging
from voorstel.blokken.taakvelden import taakvelden
from voorstel.blokken.verdeelsleutel import Verdeelsleutel
from voorstel.kern import finance, nl

PM_NOOT = "PM = pro memorie: nog niet te ramen; niet meegeteld in de totalen."


def cel(
    waarde: Decimal | str | None, soort: str = "tekst", centen: bool = False, nadruk: bool = False
) -> dict[str, Any]:
    """One cell: a text, or a figure of a kind (bedrag, procent, pm)."""
    if soort == "bedrag" and waarde is None:
        soort = "pm"
    return {"waarde": waarde, "soort": soort, "centen": centen, "nadruk": nadruk}


def tabel(
    titel: str | None,
    kop: list[str],
    rijen: list[list[dict[str, Any]]],
    voet: list[dict[str, Any]] | None = None,
    noot: str | None = None,
) -> dict[str, Any]:
    """A table view; the columns holding figures are right-aligned by the renderers."""
    return {"titel": titel, "kop": kop, "rijen": rijen, "voet": voet, "noot": noot}


def verdeeltabel(
    sleutel: Verdeelsleutel,
    verdeling: finance.Verdeling,
    titel: str | None,
    centen: bool,
    gemeente: str | None = None,
) -> dict[str, Any]:
    """Gemeente, (a column per component,) percentage and bijdrage, with a Totaal row."""
    meer = len(verdeling.componenten) > 1
    kop = ["Gemeente", *(verdeling.componenten if meer else []), "Percentage", "Bijdrage"]
    rijen = []
    for naam in verdeling.gemeenten:
        eigen = naam == gemeente
        delen = [cel(b, "bedrag", centen, eigen) for b in verdeling.rij(naam)] if meer else []
        rijen.append(
            [
                cel(naam, nadruk=eigen),
                *delen,
                cel(verdeling.percentages[naam], "procent", nadruk=eigen),
                cel(verdeling.gemeentetotaal(naam), "bedrag", centen, eigen),
            ]
        )
    kolomtotalen = (
        [cel(verdeling.componenttotaal(c), "bedrag", centen, True) for c in verdeling.componenten]
        if meer
        else []
    )
    voet = [
        cel("Totaal", nadruk=True),
        *kolomtotalen,
        cel(sum(verdeling.percentages.values(), Decimal(0)), "procent", nadruk=True),
        cel(verdeling.totaal, "bedrag", centen, True),
    ]
    return tabel(titel or sleutel.naam, kop, rijen, voet)


def begrotingstabel(bt: Begrotingstabel) -> dict[str, Any]:
    """A multi-year or scenario table with its totals, difference and mutation columns."""
    kolommen = list(bt.kolommen)
    kop = ["Onderdeel", *kolommen]
    if bt.rijtotaal:
        kop.append("Totaal")
    if bt.verschil:
        kop.append(f"Verschil {bt.verschil[0]} en {bt.verschil[1]}")
    andere = [k for k in kolommen if bt.basis and k != bt.basis]
    for kolom in andere:
        kop.extend([f"Mutatie {kolom}", f"Mutatie {kolom} %"])
    rijen = [
        [cel(r.onderdeel), *_figuren(bt, [r.bedragen.get(k) for k in kolommen])] for r in bt.regels
    ]
    voet = [cel("Totaal", nadruk=True)] + [{**c, "nadruk": True} for c in _voet(bt, rijen)]
    return tabel(bt.titel, kop, rijen, voet, PM_NOOT if bt.heeft_pm else None)


def _voet(bt: Begrotingstabel, rijen: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The Totaal line: every column the sum of its own cells, so each column foots.

    A derived column (verschil, mutatie) is not derived again from the column totals: with
    PM in a line that would count amounts the column itself leaves out.
    """
    cellen = []
    for index, kolom in enumerate(zip(*(r[1:] for r in rijen), strict=True)):
        if kolom[0]["soort"] in ("bedrag", "pm"):
            totaal = finance.som([c["waarde"] if c["soort"] == "bedrag" else None for c in kolom])
            cellen.append(cel(totaal, "bedrag", bt.centen))
        else:
            cellen.append(_mutatie_procent(bt, [r[index] for r in rijen]))
    return cellen


def _mutatie_procent(bt: Begrotingstabel, mutaties: list[dict[str, Any]]) -> dict[str, Any]:
    """The total mutation as a percentage of the basis, over the lines where both are known."""
    totaal = basis = Decimal(0)
    for regel, mutatie in zip(bt.regels, mutaties, strict=True):
        waarde = regel.bedragen.get(str(bt.basis))
        if mutatie["soort"] == "bedrag" and waarde is not None:
            totaal += mutatie["waarde"]
            basis += waarde
    return cel(totaal / basis * 100, "procent") if basis else cel("n.v.t.")


def _figuren(bt: Begrotingstabel, bedragen: list[Decimal | None]) -> list[dict[str, Any]]:
    """The amounts of a line plus its derived columns (total, difference, mutations)."""
    kolommen = list(bt.kolommen)
    per_kolom = dict(zip(kolommen, bedragen, strict=True))
    cellen = [cel(b, "bedrag", bt.centen) for b in bedragen]
    if bt.rijtotaal:
        cellen.append(cel(finance.som(bedragen), "bedrag", bt.centen))
    if bt.verschil:
        a, b = per_kolom[bt.verschil[0]], per_kolom[bt.verschil[1]]
        cellen.append(cel(None if a is None or b is None else b - a, "bedrag", bt.centen))
    if bt.basis:
        basis = per_kolom[bt.basis]
        for kolom in kolommen:
            if kolom == bt.basis:
                continue
            waarde = per_kolom[kolom]
            mutatie = None if basis is None or waarde is None else waarde - basis
            cellen.append(cel(mutatie, "bedrag", bt.centen))
            procent = None if mutatie is None or not basis else mutatie / basis * 100
            cellen.append(cel(procent, "procent") if procent is not None else cel("n.v.t."))
    return cellen


def csv_getal(waarde: Decimal, centen: bool) -> str:
    """A number for CSV: no thousands separator, decimal comma, two decimals for cents."""
    tekst = f"{waarde:.2f}" if centen else f"{waarde:.0f}"
    return tekst.replace(".", ",")


def verdeling_csv(verdeling: finance.Verdeling, centen: bool) -> str:
    """Semicolon-separated: gemeente;<components>;totaal, a row per gemeente, Totaal last."""
    lines = [";".join(["gemeente", *verdeling.componenten, "totaal"])]
    for naam in verdeling.gemeenten:
        getallen = [*verdeling.rij(naam), verdeling.gemeentetotaal(naam)]
        lines.append(";".join([naam, *(csv_getal(g, centen) for g in getallen)]))
    totalen = [*(verdeling.componenttotaal(c) for c in verdeling.componenten), verdeling.totaal]
    lines.append(";".join(["Totaal", *(csv_getal(g, centen) for g in totalen)]))
    return "\n".join(lines) + "\n"


def verdeling_tekst(verdeling: finance.Verdeling, centen: bool) -> str:
    """The allocation as an aligned text table for the terminal, in Dutch notation."""
    kop = ["Gemeente", *verdeling.componenten, "Totaal"]
    rijen = [
        [
            naam,
            *(nl.bedrag(b, centen) for b in verdeling.rij(naam)),
            nl.bedrag(verdeling.gemeentetotaal(naam), centen),
        ]
        for naam in verdeling.gemeenten
    ]
    rijen.append(
        [
            "Totaal",
            *(nl.bedrag(verdeling.componenttotaal(c), centen) for c in verdeling.componenten),
            nl.bedrag(verdeling.totaal, centen),
        ]
    )
    breedtes = [max(len(r[i]) for r in [kop, *rijen]) for i in range(len(kop))]

    def regel(cellen: list[str]) -> str:
        eerste = cellen[0].ljust(breedtes[0])
        rest = (c.rjust(b) for c, b in zip(cellen[1:], breedtes[1:], strict=True))
        return "  ".join([eerste, *rest]).rstrip()

    streep = "  ".join("-" * b for b in breedtes)
    return "\n".join([regel(kop), streep, *map(regel, rijen[:-1]), streep, regel(rijen[-1])])


DUIZEND = Decimal(1000)


def begrotingswijziging(bw: Begrotingswijziging) -> dict[str, Any]:
    """The begrotingswijziging as a table: per programma its lines (taakveld, omschrijving,
    lasten or baten, incidenteel or structureel, a column per year), then the totals of
    lasten and baten and the saldo with V or N. With `duizendtallen` every column is
    rounded by largest remainder (see _kolom), so the table still foots."""
    jaren = bw.jaren
    namen = taakvelden()
    kolommen = {jaar: _kolom(bw, jaar) for jaar in jaren}
    rijen: list[list[dict[str, Any]]] = []
    programmas = list(dict.fromkeys(r.programma for r in bw.regels))
    for programma in programmas:
        rijen.append([cel(programma, nadruk=True), *(cel("") for _ in range(3 + len(jaren)))])
        for index, regel in enumerate(bw.regels):
            if regel.programma != programma:
                continue
            rijen.append(
                [
                    cel(f"{regel.taakveld} {namen.get(regel.taakveld, '')}".strip()),
                    cel(regel.omschrijving),
                    cel("L" if regel.is_last else "B"),
                    cel("S" if regel.aard == "structureel" else "I"),
                    *(cel(kolommen[j][index], "getal") for j in jaren),
                ]
            )
    lasten = {j: _som(bw, kolommen[j], True) for j in jaren}
    baten = {j: _som(bw, kolommen[j], False) for j in jaren}
    leeg = [cel(""), cel(""), cel("")]
    rijen.append(
        [
            cel("Totaal lasten", nadruk=True),
            *leeg,
            *(cel(lasten[j], "getal", nadruk=True) for j in jaren),
        ]
    )
    rijen.append(
        [
            cel("Totaal baten", nadruk=True),
            *leeg,
            *(cel(baten[j], "getal", nadruk=True) for j in jaren),
        ]
    )
    voet = [
        cel("Saldo", nadruk=True),
        *leeg,
        *(cel(baten[j] - lasten[j], "saldo", nadruk=True) for j in jaren),
    ]
    titel = bw.titel or f"Begrotingswijziging {bw.begrotingsjaar}"
    eenheid = "bedragen x € 1.000" if bw.duizendtallen else "bedragen in euro's"
    view = tabel(
        f"{titel} ({eenheid})",
        ["Taakveld", "Omschrijving", "L/B", "I/S", *map(str, jaren)],
        rijen,
        voet,
        "L = lasten, B = baten; I = incidenteel, S = structureel; saldo = baten min lasten, "
        "V = voordeel, N = nadeel.",
    )
    view["rechts"] = [False] * 4 + [True] * len(jaren)
    view["breedtes"] = [3.5, 4.3, 1.05, 0.95] + [1.55] * len(jaren)
    return view


def _kolom(bw: Begrotingswijziging, jaar: int) -> list[Decimal]:
    """A year's amount of every line, as shown: in euros, or in thousands, rounded by
    largest remainder so that the lines add up to the saldo rounded to thousands (lasten
    counted negative), the figure a beslispunt names."""
    bedragen = [r.bedragen.get(jaar, Decimal(0)) for r in bw.regels]
    if not bw.duizendtallen:
        return bedragen
    teken = [Decimal(-1) if r.is_last else Decimal(1) for r in bw.regels]
    geschaald = finance.schaal([b * t for b, t in zip(bedragen, teken, strict=True)], DUIZEND)
    return [g * t for g, t in zip(geschaald, teken, strict=True)]


def _som(bw: Begrotingswijziging, kolom: list[Decimal], last: bool) -> Decimal:
    return sum((b for b, r in zip(kolom, bw.regels, strict=True) if r.is_last == last), Decimal(0))


def begrotingscijfers(bw: Begrotingswijziging) -> dict[str, Decimal]:
    """The figures prose may name, in euros: saldo, lasten, baten per year, and the
    structurele and incidentele lasten per year: {{ saldo_2026 }}, {{ structurele_lasten_2027 }}."""
    cijfers: dict[str, Decimal] = {}
    for jaar in bw.jaren:
        cijfers[f"saldo_{jaar}"] = bw.berekend_saldo(jaar)
        cijfers[f"lasten_{jaar}"] = bw.lasten(jaar)
        cijfers[f"baten_{jaar}"] = bw.baten(jaar)
        cijfers[f"structurele_lasten_{jaar}"] = bw.lasten(jaar, "structureel")
        cijfers[f"incidentele_lasten_{jaar}"] = bw.lasten(jaar, "incidenteel")
    return cijfers
