"""The inkoopstrategie: a region's strategy for procuring its care, set out per taakgebied."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from voorstel.blokken.modellen import Document, Kopblok, Kostentabel, Risicos
from voorstel.blokken.types import Model, Proza, Tekst, fout
from voorstel.kern import nl
from voorstel.kern.locaties import Loc
from voorstel.soorten.inkoopstrategie.taakgebied import Contractpartners, Perceel, Taakgebied

Bloknaam = Literal["marktanalyse", "opdrachtwaarde", "risicos", "randvoorwaarden", "planning"]
BLOKKEN: tuple[Bloknaam, ...] = (
    "marktanalyse",
    "opdrachtwaarde",
    "risicos",
    "randvoorwaarden",
    "planning",
)


class Sectie(Model):
    """A numbered paragraph (1.1, 5.3.2): heading, text, placed blocks, subparagraphs."""

    titel: Tekst
    tekst: Proza | None = None
    blokken: list[Bloknaam] = Field(default_factory=list)
    tekst_na: Proza | None = None
    paragrafen: list[Sectie] = Field(default_factory=list)


class Hoofdstuk(Sectie):
    """A chapter; with a taakgebied its inrichtingskeuzes follow as the last paragraph."""

    taakgebied: Taakgebied | None = None
    nieuwe_pagina: bool = True


class Marktanalyse(Model):
    """Figures per gemeente per year (jeugdigen with jeugdhulp), drawn as charts."""

    titel: Tekst
    bron: Tekst | None = None
    reeksen: dict[str, dict[int, int]] = Field(min_length=1)
    totaal: dict[int, int] = Field(default_factory=dict)

    @property
    def jaren(self) -> list[int]:
        return sorted(next(iter(self.reeksen.values())))

    def regiototaal(self, jaar: int) -> int:
        return sum(reeks.get(jaar, 0) for reeks in self.reeksen.values())

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Every gemeente has the same consecutive years; stated totals are the sums."""
        jaren = self.jaren
        if len(jaren) < 2 or jaren != list(range(jaren[0], jaren[-1] + 1)):
            yield ("reeksen",), "geef minstens twee opeenvolgende jaren, zonder gaten"
            if not jaren:
                return
        for gemeente, reeks in self.reeksen.items():
            if sorted(reeks) != jaren:
                yield (
                    ("reeksen", gemeente),
                    f"{gemeente} heeft andere jaren dan {next(iter(self.reeksen))}; geef "
                    f"elke gemeente de jaren {jaren[0]} tot en met {jaren[-1]}",
                )
        for jaar, opgegeven in self.totaal.items():
            berekend = self.regiototaal(jaar)
            if berekend != opgegeven:
                yield (
                    ("totaal", jaar),
                    f"het opgegeven totaal voor {jaar} ({nl.getal(opgegeven)}) wijkt af van de "
                    f"som van de gemeenten ({nl.getal(berekend)}); pas het totaal of de "
                    "reeksen aan",
                )


class Randvoorwaarde(Model):
    """A condition the new system needs, what it means, and the action it asks."""

    randvoorwaarde: Tekst
    omschrijving: Proza
    actie: Proza


class Randvoorwaarden(Model):
    """Text and the table of randvoorwaarden."""

    tekst: Proza | None = None
    lijst: list[Randvoorwaarde] = Field(min_length=1)


class Activiteit(Model):
    """A planned activity from a date to a date (or in the quarter of one date)."""

    activiteit: Tekst
    groep: Tekst | None = None
    van: dt.date
    tot: dt.date | None = None

    @field_validator("tot")
    @classmethod
    def _na_van(cls, tot: dt.date | None, info: ValidationInfo) -> dt.date | None:
        van = info.data.get("van")
        if tot is not None and van is not None and tot < van:
            raise fout(
                "volgorde",
                f"'tot' ({nl.datum(tot)}) ligt vóór 'van' ({nl.datum(van)}); controleer beide",
            )
        return tot

    @property
    def eind(self) -> dt.date:
        return self.tot or self.van


class Planning(Model):
    """A schedule per quarter for some taakgebieden (all when none are named)."""

    titel: Tekst
    taakgebieden: list[Tekst] = Field(default_factory=list)
    activiteiten: list[Activiteit] = Field(min_length=1)

    @property
    def eind(self) -> dt.date:
        return max(a.eind for a in self.activiteiten)


class Vertaling(Model):
    """One row of the vertaaltabel: what a contract was, and what it becomes."""

    overeenkomst: Tekst
    productcodes: list[Tekst] = Field(default_factory=list)
    taakgebied: Tekst
    uitvoeringsvariant: Tekst


class Begrip(Model):
    """A term of the begrippenlijst and its definition."""

    begrip: Tekst
    definitie: Proza


class Inkoopstrategie(Document):
    """An inkoopstrategie: chapters with numbered paragraphs, taakgebieden, tables, charts."""

    soort: Literal["inkoopstrategie"]
    organisatie: Tekst
    onderwerp: Tekst
    ondertitel: Tekst | None = None
    kopblok: Kopblok
    hoofdstukken: list[Hoofdstuk] = Field(min_length=1)
    percelen: list[Perceel] = Field(default_factory=list)
    marktanalyse: Marktanalyse | None = None
    opdrachtwaarde: Kostentabel | None = None
    risicos: Risicos | None = None
    randvoorwaarden: Randvoorwaarden | None = None
    planning: list[Planning] = Field(default_factory=list)
    vertaaltabel: list[Vertaling] = Field(default_factory=list)
    begrippen: list[Begrip] = Field(default_factory=list)
    voetnoten: dict[str, Proza] = Field(default_factory=dict)

    soortnaam = "Inkoopstrategie"

    def documentdatum(self) -> dt.date:
        """The date in the kopblok."""
        return self.kopblok.datum

    def auteur(self) -> str:
        """The region or organisation that procures."""
        return self.organisatie

    def taakgebieden(self) -> list[tuple[int, Taakgebied]]:
        """(chapter index, taakgebied) for every chapter about a taakgebied."""
        return [(i, h.taakgebied) for i, h in enumerate(self.hoofdstukken) if h.taakgebied]

    def controles(self) -> Iterator[tuple[Loc, str]]:
        """Consistency across the document: blocks, percelen, partners, planning, begrippen."""
        yield from super().controles()
        yield from self._blokken_geplaatst()
        yield from self._percelen_bij_taakgebied()
        yield from self._onderdelen_bekend()
        yield from self._contractpartners()
        yield from self._looptijd_na_planning()
        yield from self._begrippen_eenmaal()

    def _blokken_geplaatst(self) -> Iterator[tuple[Loc, str]]:
        geplaatst: Counter[str] = Counter()
        for loc, sectie in _secties(self.hoofdstukken, ("hoofdstukken",)):
            for index, naam in enumerate(sectie.blokken):
                geplaatst[naam] += 1
                if getattr(self, naam) in (None, []):
                    yield (
                        (*loc, "blokken", index),
                        f"'{naam}' wordt hier geplaatst, maar staat niet in het document; "
                        f"voeg '{naam}:' toe of haal het hier weg",
                    )
                elif geplaatst[naam] == 2:
                    yield (
                        (*loc, "blokken", index),
                        f"'{naam}' wordt al eerder geplaatst; plaats elk blok één keer",
                    )
        for naam in BLOKKEN:
            if getattr(self, naam) not in (None, []) and not geplaatst[naam]:
                yield (
                    (naam,),
                    f"'{naam}' wordt nergens geplaatst; zet 'blokken: [{naam}]' onder de "
                    "paragraaf waar het hoort",
                )

    def _percelen_bij_taakgebied(self) -> Iterator[tuple[Loc, str]]:
        gebieden = {t.id: t for _, t in self.taakgebieden()}
        for index, perceel in enumerate(self.percelen):
            gebied = gebieden.get(perceel.taakgebied)
            if gebied is None:
                yield (
                    ("percelen", index, "taakgebied"),
                    f"perceel '{perceel.naam}' hoort bij taakgebied '{perceel.taakgebied}', "
                    f"maar dat taakgebied bestaat niet; kies uit {_keuze(gebieden)}",
                )
            elif perceel.onderdeel is not None and perceel.onderdeel not in gebied.onderdelen:
                yield (
                    ("percelen", index, "onderdeel"),
                    f"perceel '{perceel.naam}' hoort bij onderdeel '{perceel.onderdeel}', maar "
                    f"taakgebied '{gebied.id}' heeft dat onderdeel niet; kies uit "
                    f"{_keuze(gebied.onderdelen)}",
                )

    def _onderdelen_bekend(self) -> Iterator[tuple[Loc, str]]:
        for hoofdstuk, gebied in self.taakgebieden():
            keuzes = gebied.inrichtingskeuzes
            for veld in ("looptijd", "contractpartners", "uitvoering"):
                for index, keuze in enumerate(getattr(keuzes, veld)):
                    if keuze.onderdeel is not None and keuze.onderdeel not in gebied.onderdelen:
                        yield (
                            (
                                *("hoofdstukken", hoofdstuk, "taakgebied", "inrichtingskeuzes"),
                                *(veld, index, "onderdeel"),
                            ),
                            f"taakgebied '{gebied.id}' heeft geen onderdeel "
                            f"'{keuze.onderdeel}'; kies uit {_keuze(gebied.onderdelen)}",
                        )

    def _contractpartners(self) -> Iterator[tuple[Loc, str]]:
        for hoofdstuk, gebied in self.taakgebieden():
            basis: Loc = ("hoofdstukken", hoofdstuk, "taakgebied", "inrichtingskeuzes")
            for index, partners in enumerate(gebied.inrichtingskeuzes.contractpartners):
                percelen = [
                    p
                    for p in self.percelen
                    if p.taakgebied == gebied.id
                    and (partners.onderdeel is None or p.onderdeel == partners.onderdeel)
                ]
                loc: Loc = (*basis, "contractpartners", index)
                yield from _partners_per_perceel(partners, percelen, gebied.id, loc)

    def _looptijd_na_planning(self) -> Iterator[tuple[Loc, str]]:
        gebieden = {t.id: (i, t) for i, t in self.taakgebieden()}
        for p_index, planning in enumerate(self.planning):
            for t_index, naam in enumerate(planning.taakgebieden):
                if naam not in gebieden:
                    yield (
                        ("planning", p_index, "taakgebieden", t_index),
                        f"taakgebied '{naam}' bestaat niet; kies uit {_keuze(gebieden)}",
                    )
            for naam in planning.taakgebieden or list(gebieden):
                if naam not in gebieden:
                    continue
                hoofdstuk, gebied = gebieden[naam]
                for index, looptijd in enumerate(gebied.inrichtingskeuzes.looptijd):
                    if looptijd.ingangsdatum <= planning.eind:
                        yield (
                            (
                                *("hoofdstukken", hoofdstuk, "taakgebied", "inrichtingskeuzes"),
                                *("looptijd", index, "ingangsdatum"),
                            ),
                            f"de looptijd van '{gebied.naam}' begint op "
                            f"{nl.datum(looptijd.ingangsdatum)}, maar de planning "
                            f"'{planning.titel}' loopt tot {nl.datum(planning.eind)}; de "
                            "overeenkomst gaat pas in na de aanbesteding: pas de ingangsdatum "
                            "of de planning aan",
                        )

    def _begrippen_eenmaal(self) -> Iterator[tuple[Loc, str]]:
        eerste: dict[str, int] = {}
        for index, begrip in enumerate(self.begrippen):
            sleutel = begrip.begrip.strip().casefold()
            if sleutel in eerste:
                yield (
                    ("begrippen", index, "begrip"),
                    f"begrip '{begrip.begrip}' is al gedefinieerd in begrippen[{eerste[sleutel]}]; "
                    "definieer elk begrip één keer",
                )
            else:
                eerste[sleutel] = index


def _partners_per_perceel(
    partners: Contractpartners, percelen: list[Perceel], gebied: str, loc: Loc
) -> Iterator[tuple[Loc, str]]:
    """With `per_perceel`: the maximum is that many per perceel; the minimum follows too."""
    if partners.per_perceel is None:
        return
    aantal = len(percelen)
    waar = f"taakgebied '{gebied}'" + (
        f", onderdeel '{partners.onderdeel}'" if partners.onderdeel else ""
    )
    if aantal == 0:
        yield (
            (*loc, "per_perceel"),
            f"per_perceel vraagt percelen, maar {waar} heeft er geen; voeg ze toe onder "
            "'percelen' of laat per_perceel weg",
        )
        return
    maximum = partners.per_perceel * aantal
    if partners.maximum != maximum:
        yield (
            (*loc, "maximum"),
            f"maximum {partners.maximum} klopt niet met de percelen: {partners.per_perceel} per "
            f"perceel bij {aantal} percelen in {waar} is maximaal {maximum}; pas het maximum "
            "of de percelen aan",
        )
    groepen = Counter(p.aparte_partner for p in percelen if p.aparte_partner)
    minimum = (
        partners.per_perceel * max([1, *groepen.values()])
        if partners.meerdere_percelen
        else maximum
    )
    if partners.minimum != minimum:
        reden = (
            "één partij mag meerdere percelen krijgen, behalve percelen met dezelfde "
            "'aparte_partner'"
            if partners.meerdere_percelen
            else "elk perceel krijgt eigen contractpartners (meerdere_percelen: false)"
        )
        yield (
            (*loc, "minimum"),
            f"minimum {partners.minimum if partners.minimum is not None else 'ontbreekt'} "
            f"klopt niet met de percelen: {reden}, dus het minimum is {minimum}; pas het "
            "minimum of de percelen aan",
        )


def _secties(secties: Sequence[Sectie], loc: Loc) -> Iterator[tuple[Loc, Sectie]]:
    """Every section with its location, depth first."""
    for index, sectie in enumerate(secties):
        yield (*loc, index), sectie
        yield from _secties(sectie.paragrafen, (*loc, index, "paragrafen"))


def _keuze(namen: Iterable[object]) -> str:
    lijst = [str(n) for n in namen]
    return ", ".join(lijst) if lijst else "(geen)"
