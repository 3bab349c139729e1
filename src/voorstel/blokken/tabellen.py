"""Computed tables as plain views (header, rows, footer of typed cells) for every renderer.

A cell holds a Decimal and says what it is (bedrag, procent, ...); the renderers format it
with the Dutch filters, so a figure is written the same way in every output. A cell may
also hold prose (Markdown with lists and emphasis), which the renderers write as they write
every text field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from voorstel.blokken.begroting import Begrotingsregel, Begrotingstabel
from voorstel.blokken.begrotingswijziging import Begrotingswijziging
from voorstel.blokken.modellen import Kostentabel, Post, Risicos
from voorstel.blokken.taakvelden import taakvelden
from voorstel.blokken.verdeelsleutel import Verdeelsleutel
from voorstel.kern import finance, nl

GEEN_TABEL = (
    "het filter 'tabel' tekent alleen een tabel die voorstel berekent (zoals onderdeel.begroting "
    "of onderdeel.verdeling), geen {}; controleer het sjabloon"
)
GEEN_KOPNIVEAU = (
    "het filter 'tabel' krijgt als kopniveau het aantal #-tekens van de kop per regel, van 1 "
    "tot 6, niet {!r}; controleer het sjabloon"
)
PM_NOOT = "PM = pro memorie: nog niet te ramen; niet meegeteld in de totalen."

Celsoort = Literal["tekst", "proza", "bedrag", "procent", "pm", "getal"]
CIJFERS: frozenset[str] = frozenset({"bedrag", "procent", "pm", "getal"})
"""The kinds of cell that hold a figure: right-aligned, and what diff compares."""


@dataclass(frozen=True)
class Cel:
    """One cell: a text, prose (Markdown: paragraphs, lists, emphasis, footnotes), or a
    figure of a kind (bedrag, procent, pm, getal)."""

    waarde: Decimal | str | None
    soort: Celsoort = "tekst"
    centen: bool = False
    nadruk: bool = False
    vn: bool = False
    """An amount shown without sign, with V (voordeel, positive) or N (nadeel, negative)."""
    herkomst: str | None = None
    """The workbook cell the figure came from, for diff."""

    @property
    def is_cijfer(self) -> bool:
        return self.soort in CIJFERS

    @property
    def getal(self) -> Decimal | None:
        """The figure of a figure cell (None for PM and text)."""
        return self.waarde if isinstance(self.waarde, Decimal) else None


@dataclass
class Tabel:
    """A computed table: caption, header, rows and a footer of typed cells, a note, and
    optionally column widths (cm) and follow-up tables for what does not fit the width."""

    titel: str | None
    kop: list[str]
    rijen: list[list[Cel]]
    voet: list[Cel] | None = None
    noot: str | None = None
    breedtes: list[float] | None = None
    vervolg: list[Tabel] = field(default_factory=list)
    eenheid: Decimal = Decimal(1)
    """What one unit of a figure cell is in euros: 1000 in a table 'x € 1.000'."""
    rijlabel: str | None = None
    """In the form of a table with prose that writes a heading per row (Markdown): a label
    before each row's heading, 'Randvoorwaarde: ...'."""

    @property
    def heeft_proza(self) -> bool:
        """Whether a cell holds prose: Markdown writes such a table as a heading per row
        with its texts under it, since a pipe table cannot hold a list."""
        return any(c.soort == "proza" for rij in self.alle_rijen for c in rij)

    lettergrootte: float | None = None
    """The font size (pt) of a wide table's cells in Word; None: the body text's."""

    @property
    def alle_rijen(self) -> list[list[Cel]]:
        """The rows and the footer."""
        return self.rijen + ([self.voet] if self.voet else [])

    def rechts(self) -> list[bool]:
        """Which columns hold figures: the renderers right-align those."""
        rijen = self.alle_rijen
        breedte = max((len(r) for r in rijen), default=0)
        return [any(len(r) > i and r[i].is_cijfer for r in rijen) for i in range(breedte)]

    def met_tekst(self, vervang: Callable[[str], str]) -> Tabel:
        """The table with `vervang` applied to every text in it (figure references in
        prose are filled in everywhere in the context, tables too)."""

        def cel_(c: Cel) -> Cel:
            return (
                dataclasses.replace(c, waarde=vervang(c.waarde)) if isinstance(c.waarde, str) else c
            )

        return dataclasses.replace(
            self,
            titel=None if self.titel is None else vervang(self.titel),
            kop=[vervang(k) for k in self.kop],
            rijen=[[cel_(c) for c in rij] for rij in self.rijen],
            voet=None if self.voet is None else [cel_(c) for c in self.voet],
            noot=None if self.noot is None else vervang(self.noot),
            vervolg=[v.met_tekst(vervang) for v in self.vervolg],
        )


def cel(
    waarde: Decimal | str | None,
    soort: Celsoort = "tekst",
    centen: bool = False,
    nadruk: bool = False,
) -> Cel:
    """One cell; an amount that is not known (None) is PM."""
    if soort == "bedrag" and waarde is None:
        soort = "pm"
    return Cel(waarde, soort, centen, nadruk)


def tabel(
    titel: str | None,
    kop: list[str],
    rijen: list[list[Cel]],
    voet: list[Cel] | None = None,
    noot: str | None = None,
    breedtes: list[float] | None = None,
) -> Tabel:
    """A table; the columns holding figures are right-aligned by the renderers."""
    return Tabel(titel, kop, rijen, voet, noot, breedtes)


def risicotabel(risicos: Risicos) -> Tabel | None:
    """Risico, omschrijving and beheersmaatregelen, the last two prose; None without a list."""
    if not risicos.lijst:
        return None
    rijen = [
        [cel(r.risico), cel(r.omschrijving, "proza"), cel(r.beheersmaatregelen, "proza")]
        for r in risicos.lijst
    ]
    kop = ["Risico", "Omschrijving", "Beheersmaatregelen"]
    return tabel(None, kop, rijen, breedtes=[4.0, 6.0, 6.0])


VOLLEDIG_TOT = 25
"""Up to this many gemeenten, each gemeente's version shows the whole verdeling."""

EENHEID_TEKST = {"duizend": "x € 1.000", "miljoen": "x € 1.000.000"}


def kostentabel(kt: Kostentabel) -> Tabel:
    """A cost table: onderdeel (, toelichting, opmerking) and bedrag, with the Totaal row.

    The toelichting and opmerking columns are each there when a post has one. Groepen get a
    heading row and a subtotal each, the Totaal row becomes the Totaal-generaal. With an
    `eenheid` the amounts are rounded by largest remainder, top down (total, subtotals,
    posten), so the rounded table foots and its total is the rounded exact total.
    """
    tekstkolommen = kt.tekstkolommen
    leeg = [cel("", nadruk=True) for _ in tekstkolommen]
    afgerond = _afgerond(kt)

    def bedrag(waarde: Decimal | None, nadruk: bool = False) -> Cel:
        if waarde is None or kt.eenheid == "euro":
            return cel(waarde, "bedrag", kt.centen, nadruk)
        return cel(waarde / kt.factor, "getal", nadruk=nadruk)

    def post_rij(post: Post, waarde: Decimal | None) -> list[Cel]:
        tekst = [cel(getattr(post, veld) or "") for veld in tekstkolommen]
        figuur = dataclasses.replace(bedrag(waarde), herkomst=post.herkomst.get("bedrag"))
        return [cel(post.onderdeel), *tekst, figuur]

    rijen: list[list[Cel]] = []
    if kt.posten:
        rijen += [post_rij(p, w) for p, w in zip(kt.posten, afgerond.posten[0], strict=True)]
    for groep, subtotaal, waarden in zip(
        kt.groepen, afgerond.subtotalen, afgerond.posten[1 if kt.posten else 0 :], strict=True
    ):
        rijen.append([cel(groep.naam, nadruk=True), *leeg, cel("", nadruk=True)])
        rijen += [post_rij(p, w) for p, w in zip(groep.posten, waarden, strict=True)]
        rijen.append([cel(f"Subtotaal {groep.naam}", nadruk=True), *leeg, bedrag(subtotaal, True)])
    voet = None
    if kt.telt_op:
        label = "Totaal-generaal" if kt.groepen else "Totaal"
        voet = [cel(label, nadruk=True), *leeg, bedrag(afgerond.totaal, True)]
    kop_bedrag = kt.kolom_bedrag
    if kt.eenheid != "euro":
        kop_bedrag = f"{kop_bedrag} ({EENHEID_TEKST[kt.eenheid]})"
    kop = ["Onderdeel", *(veld.capitalize() for veld in tekstkolommen), kop_bedrag]
    noten = [PM_NOOT] if kt.heeft_pm else []
    if kt.eenheid != "euro":
        noten.append(_afrondnoot(EENHEID_TEKST[kt.eenheid]))
    titel = kt.titel
    if kt.eenheid != "euro":
        titel = f"{titel} (bedragen {EENHEID_TEKST[kt.eenheid]})" if titel else None
    voet_noot = " ".join(noten) or None
    return dataclasses.replace(tabel(titel, kop, rijen, voet, voet_noot), eenheid=kt.factor)


@dataclass
class _Afgerond:
    posten: list[list[Decimal | None]]
    subtotalen: list[Decimal]
    totaal: Decimal


def _afgerond(kt: Kostentabel) -> _Afgerond:
    """The amounts as shown: exact, or rounded to the eenheid top down so every level foots."""
    lijsten = ([kt.posten] if kt.posten else []) + [g.posten for g in kt.groepen]
    exact = [[p.bedrag for p in lijst] for lijst in lijsten]
    if kt.eenheid == "euro":
        totaal = finance.som([b for lijst in exact for b in lijst])
        return _Afgerond(exact, [finance.som(g) for g in exact[1 if kt.posten else 0 :]], totaal)
    factor = kt.factor
    sommen = [finance.som(lijst) for lijst in exact]
    delen = finance.rond_af(sommen, factor)
    posten = [_rond_lijst(lijst, factor, t) for lijst, t in zip(exact, delen, strict=True)]
    return _Afgerond(posten, delen[1 if kt.posten else 0 :], sum(delen, Decimal(0)))


def _rond_lijst(
    bedragen: list[Decimal | None], factor: Decimal, totaal: Decimal
) -> list[Decimal | None]:
    bekend = [b for b in bedragen if b is not None]
    rond = iter(finance.rond_af(bekend, factor, totaal))
    return [None if b is None else next(rond) for b in bedragen]


def verdeeltabel(
    sleutel: Verdeelsleutel,
    verdeling: finance.Verdeling,
    titel: str | None,
    centen: bool,
    gemeente: str | None = None,
) -> Tabel:
    """Gemeente, (a column per component,) percentage and bijdrage, with a Totaal row.

    A gemeente's version of a large region (more than VOLLEDIG_TOT gemeenten) shows its
    own row and one row for all the others, so that it still foots and each version stays
    the size of one page, however large the region; the overview has every row."""
    meer = len(verdeling.componenten) > 1
    kop = ["Gemeente", *(verdeling.componenten if meer else []), "Percentage", "Bijdrage"]

    def rij(naam: str, bedragen: list[Decimal], procent: Decimal, eigen: bool) -> list[Cel]:
        delen = [cel(b, "bedrag", centen, eigen) for b in bedragen] if meer else []
        return [
            cel(naam, nadruk=eigen),
            *delen,
            cel(procent, "procent", nadruk=eigen),
            cel(sum(bedragen, Decimal(0)), "bedrag", centen, eigen),
        ]

    noot = None
    if gemeente is not None and len(verdeling.gemeenten) > VOLLEDIG_TOT:
        anderen = [g for g in verdeling.gemeenten if g != gemeente]
        overige = [
            sum((verdeling.cellen[(g, c)] for g in anderen), Decimal(0))
            for c in verdeling.componenten
        ]
        rijen = [
            rij(gemeente, verdeling.rij(gemeente), verdeling.percentages[gemeente], True),
            rij(
                f"Overige {len(anderen)} gemeenten",
                overige,
                sum((verdeling.percentages[g] for g in anderen), Decimal(0)),
                False,
            ),
        ]
        noot = (
            f"De verdeling over alle {len(verdeling.gemeenten)} gemeenten staat in het "
            "regionale overzicht."
        )
    else:
        rijen = [
            rij(naam, verdeling.rij(naam), verdeling.percentages[naam], naam == gemeente)
            for naam in verdeling.gemeenten
        ]
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
    return tabel(titel or sleutel.naam, kop, rijen, voet, noot)


def begrotingstabel(bt: Begrotingstabel) -> Tabel:
    """A multi-year or scenario table with its totals, difference and mutation columns.

    Groepen get a heading line and a subtotal line each, and the Totaal line becomes the
    Totaal-generaal. With an `eenheid` every column is rounded by largest remainder top
    down (total, subtotals, lines), so every level sums to its exact total rounded; the
    derived columns are computed from the rounded amounts, so every line foots too, and
    the mutation percentages from the exact ones."""
    kolommen = list(bt.kolommen)
    kop = ["Onderdeel", *kolommen]
    if bt.rijtotaal:
        kop.append("Totaal")
    if bt.verschil:
        kop.append(f"Verschil {bt.verschil[0]} en {bt.verschil[1]}")
    andere = [k for k in kolommen if bt.basis and k != bt.basis]
    for kolom in andere:
        kop.extend([f"Mutatie {kolom}", f"Mutatie {kolom} %"])
    getoond = _getoond(bt)
    regels = bt.alle_regels
    per_regel = [
        [cel(r.onderdeel), *_figuren(bt, r.bedragen, [getoond[k][i] for k in kolommen])]
        for i, r in enumerate(regels)
    ]
    for rij, regel in zip(per_regel, regels, strict=True):
        for index, kolom in enumerate(kolommen, start=1):
            if kolom in regel.herkomst:
                rij[index] = dataclasses.replace(rij[index], herkomst=regel.herkomst[kolom])
    rijen = per_regel[: len(bt.regels)]
    begin = len(bt.regels)
    for groep in bt.groepen:
        eigen = per_regel[begin : begin + len(groep.regels)]
        begin += len(groep.regels)
        rijen.append([cel(groep.naam, nadruk=True), *(cel("", nadruk=True) for _ in kop[1:])])
        rijen += eigen
        rijen.append(_somregel(bt, f"Subtotaal {groep.naam}", eigen, groep.regels, andere))
    voet = None
    if bt.telt_op:
        label = "Totaal-generaal" if bt.groepen else "Totaal"
        voet = _somregel(bt, label, per_regel, regels, andere)
    if bt.saldo == "vn":
        rijen = [_vn(rij) for rij in rijen]
        voet = None if voet is None else _vn(voet)
    eenheid = EENHEID_TEKST.get(bt.eenheid)
    noot = " ".join(
        n
        for n in (
            PM_NOOT if bt.heeft_pm else None,
            VN_NOOT if bt.saldo == "vn" else None,
            _afrondnoot(eenheid) if eenheid else None,
        )
        if n
    )
    titel = bt.titel
    if eenheid:
        titel = f"{titel} (bedragen {eenheid})" if titel else f"Bedragen {eenheid}"
    return dataclasses.replace(tabel(titel, kop, rijen, voet, noot or None), eenheid=bt.factor)


VN_NOOT = "V = voordeel, N = nadeel."


def _afrondnoot(eenheid: str) -> str:
    return (
        f"Bedragen {eenheid}, afgerond met de methode van de grootste rest: de afgeronde "
        "bedragen tellen op tot het afgeronde totaal."
    )


def _getoond(bt: Begrotingstabel) -> dict[str, list[Decimal | None]]:
    """Per column the amounts of every line as shown: in euros, or in whole eenheden
    (PM stays None), rounded per groep towards its rounded share of the total."""
    lijsten = ([bt.regels] if bt.regels else []) + [g.regels for g in bt.groepen]
    getoond: dict[str, list[Decimal | None]] = {}
    for kolom in bt.kolommen:
        exact = [[r.bedragen.get(kolom) for r in lijst] for lijst in lijsten]
        if bt.eenheid == "euro":
            getoond[kolom] = [b for lijst in exact for b in lijst]
            continue
        delen = finance.schaal([finance.som(lijst) for lijst in exact], bt.factor)
        getoond[kolom] = [
            None if b is None else b / bt.factor
            for lijst, deel in zip(exact, delen, strict=True)
            for b in _rond_lijst(lijst, bt.factor, deel * bt.factor)
        ]
    return getoond


def _vn(rij: list[Cel]) -> list[Cel]:
    return [dataclasses.replace(c, vn=True) if c.soort in ("bedrag", "getal") else c for c in rij]


def _somregel(
    bt: Begrotingstabel,
    label: str,
    rijen: list[list[Cel]],
    regels: list[Begrotingsregel],
    andere: list[str],
) -> list[Cel]:
    """A (sub)total line: every column the sum of its own cells, so each column foots.

    A derived column (verschil, mutatie) is not derived again from the column totals: with
    PM in a line that would count amounts the column itself leaves out.
    """
    cellen = [cel(label, nadruk=True)]
    procenten = iter(andere)
    for kolom in zip(*(r[1:] for r in rijen), strict=True):
        if kolom[0].soort in ("bedrag", "pm", "getal"):
            totaal = finance.som(
                [c.getal if c.soort in ("bedrag", "getal") else None for c in kolom]
            )
            cellen.append(_bedragcel(bt, totaal))
        else:
            cellen.append(_mutatie_procent(bt, next(procenten), regels))
    return [dataclasses.replace(c, nadruk=True) for c in cellen]


def _mutatie_procent(bt: Begrotingstabel, kolom: str, regels: list[Begrotingsregel]) -> Cel:
    """The total mutation of `kolom` as a percentage of the basis, exact, over the lines
    where both are known."""
    totaal = basis = Decimal(0)
    for regel in regels:
        waarde, grond = regel.bedragen.get(kolom), regel.bedragen.get(str(bt.basis))
        if waarde is not None and grond is not None:
            totaal += waarde - grond
            basis += grond
    return cel(totaal / basis * 100, "procent") if basis else cel("n.v.t.")


def _bedragcel(bt: Begrotingstabel, waarde: Decimal | None) -> Cel:
    """An amount as shown: in euros, or a number of eenheden; unknown is PM."""
    if waarde is None or bt.eenheid == "euro":
        return cel(waarde, "bedrag", bt.centen)
    return cel(waarde, "getal")


def _figuren(
    bt: Begrotingstabel, exact: dict[str, Decimal | None], bedragen: list[Decimal | None]
) -> list[Cel]:
    """The amounts of a line as shown plus its derived columns (total, difference,
    mutations); the percentages come from the `exact` amounts."""
    kolommen = list(bt.kolommen)
    per_kolom = dict(zip(kolommen, bedragen, strict=True))
    cellen = [_bedragcel(bt, b) for b in bedragen]
    if bt.rijtotaal:
        cellen.append(_bedragcel(bt, finance.som(bedragen)))
    if bt.verschil:
        a, b = per_kolom[bt.verschil[0]], per_kolom[bt.verschil[1]]
        cellen.append(_bedragcel(bt, None if a is None or b is None else b - a))
    if bt.basis:
        basis = per_kolom[bt.basis]
        for kolom in kolommen:
            if kolom == bt.basis:
                continue
            waarde = per_kolom[kolom]
            cellen.append(
                _bedragcel(bt, None if basis is None or waarde is None else waarde - basis)
            )
            grond, eigen = exact.get(bt.basis), exact.get(kolom)
            procent = (
                None
                if grond is None or eigen is None or not grond
                else (eigen - grond) / grond * 100
            )
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


def begrotingswijziging(bw: Begrotingswijziging) -> Tabel:
    """The begrotingswijziging as a table: per programma its lines (taakveld, omschrijving,
    lasten or baten, incidenteel or structureel, a column per year), then the totals of
    lasten and baten and the saldo with V or N. With `duizendtallen` every column is
    rounded by largest remainder (see _kolom), so the table still foots."""
    jaren = bw.jaren
    namen = taakvelden()
    kolommen = {jaar: _kolom(bw, jaar) for jaar in jaren}
    rijen: list[list[Cel]] = []
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
    lasten = {j: _wijziging_som(bw, kolommen[j], True) for j in jaren}
    baten = {j: _wijziging_som(bw, kolommen[j], False) for j in jaren}
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
        *(Cel(baten[j] - lasten[j], "getal", nadruk=True, vn=True) for j in jaren),
    ]
    titel = bw.titel or f"Begrotingswijziging {bw.begrotingsjaar}"
    eenheid = "bedragen x € 1.000" if bw.duizendtallen else "bedragen in euro's"
    kop = ["Taakveld", "Omschrijving", "L/B", "I/S", *map(str, jaren)]
    return dataclasses.replace(
        tabel(
            f"{titel} ({eenheid})",
            kop,
            rijen,
            voet,
            "L = lasten, B = baten; I = incidenteel, S = structureel; saldo = baten min lasten, "
            "V = voordeel, N = nadeel.",
            breedtes=_wijzigingsbreedtes(kop, [*rijen, voet]),
        ),
        eenheid=DUIZEND if bw.duizendtallen else Decimal(1),
        lettergrootte=WIJZIGING_PT,
    )


WIJZIGING_PT = 9.0
"""The font size of a begrotingswijziging: eight columns, four of them amounts."""
BREEDTE = 16.0
"""The text width of an A4 page with the default margins, in cm."""
CELMARGE = 0.3
"""A cell's left and right margin together (0,1 cm each in a table in a smaller font),
with a little room, in cm."""
JAARKOLOM = 1.4
"""The least width of a year's column, in cm: the years look alike from table to table."""
_SMAL = frozenset(" .,;:'!|/()-iIjlft[]")
_BREED = frozenset("mwMW%")


def tekstbreedte(tekst: str, pt: float, vet: bool = False) -> float:
    """About how wide a text is in Arial at `pt` points, in cm: digits exactly (0,556 em,
    bold too), letters by a rough class, a little wider in bold."""

    def em(t: str) -> float:
        if t.isdigit():
            return 0.556
        breed = 0.278 if t in _SMAL else 0.85 if t in _BREED else 0.556 if t.islower() else 0.7
        return breed * (1.06 if vet else 1.0)

    return sum(map(em, tekst)) * pt / 72 * 2.54


def _celtekst(c: Cel) -> str:
    """A begrotingswijziging cell's text as the renderers write it (for its width)."""
    if c.getal is None:
        return "" if c.waarde is None else str(c.waarde)
    if c.vn:
        return nl.getal(abs(c.getal)) + (" V" if c.getal > 0 else " N" if c.getal < 0 else "")
    return nl.getal(c.getal)


def _wijzigingsbreedtes(kop: list[str], rijen: list[list[Cel]]) -> list[float]:
    """Column widths of a begrotingswijziging (cm): every year as wide as the widest amount,
    the L/B and I/S columns as their header, the taakveld and omschrijving the rest, each
    at least as wide as its longest word (a BBV name such as 'Maatwerkdienstverlening'),
    so no figure wraps and no word is cut."""

    def breedte(kolom: int, woorden: bool) -> float:
        teksten = [(kop[kolom], True), *((_celtekst(r[kolom]), r[kolom].nadruk) for r in rijen)]
        delen = [(w, vet) for t, vet in teksten for w in (t.split() if woorden else [t])]
        return max(tekstbreedte(t, WIJZIGING_PT, vet) for t, vet in delen) + CELMARGE

    jaar = round(max(JAARKOLOM, *(breedte(i, False) for i in range(4, len(kop)))), 2)
    vast = [round(breedte(2, False), 2), round(breedte(3, False), 2)] + [jaar] * (len(kop) - 4)
    rest = BREEDTE - sum(vast)
    minimum = [breedte(0, True), breedte(1, True)]
    # the rest by the length of the texts (a long omschrijving may wrap), but never
    # under the longest word
    lengte = [min(30, max(len(_celtekst(r[i])) for r in rijen)) or 1 for i in (0, 1)]
    wens = [rest * n / sum(lengte) for n in lengte]
    if wens[0] < minimum[0]:
        wens = [minimum[0], rest - minimum[0]]
    elif wens[1] < minimum[1]:
        wens = [rest - minimum[1], minimum[1]]
    return [round(wens[0], 2), round(rest - round(wens[0], 2), 2), *vast]


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


def _wijziging_som(bw: Begrotingswijziging, kolom: list[Decimal], last: bool) -> Decimal:
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
