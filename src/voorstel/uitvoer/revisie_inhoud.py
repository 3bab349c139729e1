"""The prose and tables of both versions (see revisie.py): prose aligned block by block and
run by run, with its footnotes; tables aligned by row and column. What the Word and the
Markdown writer share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from voorstel.blokken.tabellen import Cel, Tabel
from voorstel.uitvoer.revisie import (
    DEL,
    EIND,
    INS,
    WOORD,
    Wijziging,
    gelijkenis,
    heel,
    oorzaak_om,
    tekstwijziging,
    uitlijnen,
    woorddiff,
)

# -- prose ----------------------------------------------------------------------------------


def bloktekst(blok: Any) -> str:
    """A prose block's text, for aligning blocks: footnote references by their label."""
    from voorstel.kern.prose import Lijst

    if isinstance(blok, Lijst):
        return "\n".join(" ".join(bloktekst(b) for b in item) for item in blok.items)
    return "".join(r.tekst if r.voetnoot is None else f"[^{r.voetnoot}]" for r in blok.runs)


def _bloksleutel(blok: Any) -> tuple[Any, ...]:
    from voorstel.kern.prose import Kop, Lijst

    if isinstance(blok, Lijst):
        return ("lijst", blok.genummerd, bloktekst(blok))
    if isinstance(blok, Kop):
        return ("kop", blok.niveau, bloktekst(blok))
    return ("alinea", blok.runs)


def _blokscore(oud: Any, nieuw: Any) -> float:
    from voorstel.kern.prose import Alinea, Kop, Lijst

    if isinstance(oud, Lijst) and isinstance(nieuw, Lijst):
        if oud.genummerd != nieuw.genummerd:
            return 0.0
        return max(0.5, gelijkenis(bloktekst(oud), bloktekst(nieuw)))  # the same list, edited
    if isinstance(oud, Kop) and isinstance(nieuw, Kop) and oud.niveau == nieuw.niveau:
        return gelijkenis(bloktekst(oud), bloktekst(nieuw))
    if isinstance(oud, Alinea) and isinstance(nieuw, Alinea):
        return gelijkenis(bloktekst(oud), bloktekst(nieuw))
    return 0.0


def blokparen(oud: Sequence[Any], nieuw: Sequence[Any]) -> list[tuple[int | None, int | None]]:
    """Prose blocks (paragraphs, headings, lists, or the items of a list) aligned by their
    place and text: equal ones first, the most alike of the rest paired."""
    return uitlijnen(oud, nieuw, _bloksleutel, _blokscore)


def itemparen(oud: Sequence[Any], nieuw: Sequence[Any]) -> list[tuple[int | None, int | None]]:
    """The items of two lists aligned (an item is a tuple of blocks)."""

    def tekst(item: Any) -> str:
        return " ".join(bloktekst(b) for b in item)

    return uitlijnen(oud, nieuw, tekst, lambda a, b: gelijkenis(tekst(a), tekst(b)))


@dataclass(frozen=True)
class _Token:
    tekst: str
    vet: bool
    cursief: bool
    lak: str | None
    voetnoot: str | None = None


def _tokens(runs: Sequence[Any]) -> list[_Token]:
    uit = []
    for run in runs:
        if run.voetnoot is not None:
            uit.append(_Token("", False, False, None, run.voetnoot))
            continue
        uit.extend(_Token(t, run.vet, run.cursief, run.lak) for t in WOORD.findall(run.tekst))
    return uit


class Voetnoten:
    """The footnotes of merged prose: a reference that is in both versions gets the change
    of its text, one only in the old or new version its own text. Each gets a label of its
    own ('\\x00n'), which the prose writer looks up here."""

    def __init__(self) -> None:
        self.runs: dict[str, tuple[Any, ...]] = {}

    def label(self, runs: tuple[Any, ...]) -> str:
        label = f"\x00{len(self.runs)}"
        self.runs[label] = runs
        return label


def runs_samen(
    oude: Sequence[Any],
    nieuwe: Sequence[Any],
    voetnoot_oud: Callable[[str], tuple[Any, ...]],
    voetnoot_nieuw: Callable[[str], tuple[Any, ...]],
    voetnoten: Voetnoten,
) -> tuple[Any, ...]:
    """The runs of a paragraph in both versions, word by word: what only the old one has in
    DEL ... EIND, what only the new one has in INS ... EIND (each run marked on its own),
    footnote references resolved (see Voetnoten)."""
    from voorstel.kern.prose import Run

    a, b = _tokens(oude), _tokens(nieuwe)
    uit: list[Run] = []
    staten: list[str] = []

    def schrijf(tokens: list[_Token], staat: str) -> None:
        for token in tokens:
            if token.voetnoot is not None:
                if staat == "beide":
                    runs = runs_samen(
                        voetnoot_oud(token.voetnoot),
                        voetnoot_nieuw(token.voetnoot),
                        voetnoot_oud,
                        voetnoot_nieuw,
                        voetnoten,
                    )
                elif staat == "oud":
                    runs = voetnoot_oud(token.voetnoot)
                else:
                    runs = voetnoot_nieuw(token.voetnoot)
                if staat != "beide":
                    uit.append(Run(DEL if staat == "oud" else INS))
                    staten.append("merk")
                uit.append(Run("", voetnoot=voetnoten.label(tuple(runs))))
                staten.append("merk")
                if staat != "beide":
                    uit.append(Run(EIND))
                    staten.append("merk")
                continue
            vorige = uit[-1] if uit else None
            if (
                vorige is not None
                and staten[-1] == staat
                and vorige.voetnoot is None
                and (vorige.vet, vorige.cursief, vorige.lak)
                == (token.vet, token.cursief, token.lak)
                and vorige.tekst not in (DEL, INS, EIND)
            ):
                if staat != "beide":
                    tekst = vorige.tekst[:-1] + token.tekst + EIND  # one mark for the stretch
                else:
                    tekst = vorige.tekst + token.tekst
                uit[-1] = Run(tekst, token.vet, token.cursief, lak=token.lak)
            else:
                uit.append(Run(heel(token.tekst, staat), token.vet, token.cursief, lak=token.lak))
                staten.append(staat)

    def spatie(token: _Token) -> bool:
        return token.voetnoot is None and not token.tekst.strip()

    for soort, oud, nieuw in woorddiff(a, b, spatie):
        if soort == "equal":
            schrijf(nieuw, "beide")
        else:
            schrijf(oud, "oud")
            schrijf(nieuw, "nieuw")
    return tuple(uit)


class BeideVersies:
    """What the Word and the Markdown prose writer share in a tracked-changes render: the
    document's footnotes in both versions, the footnotes of merged prose, and which
    version is being written whole (`heel`: 'oud', 'nieuw', or None for both)."""

    centraal: dict[str, str]
    centraal_oud: dict[str, str]
    _opgelost: Voetnoten
    _heel: str | None

    @staticmethod
    def _eigen_voetnoot(label: str, stuk: Any, centraal: dict[str, str]) -> tuple[Any, ...]:
        """A footnote's runs: defined in the prose itself, or in the document's footnotes."""
        from voorstel.kern import prose

        if label in stuk.voetnoten:
            return tuple(stuk.voetnoten[label])
        eigen = prose.parse(str(centraal[label]))
        return tuple(r for b in eigen.blokken if not isinstance(b, prose.Lijst) for r in b.runs)

    def _voetnoot_runs(self, label: str, stuk: Any) -> tuple[Any, ...]:
        """The runs of a footnote referred to: one of merged prose, or of the version being
        written."""
        if label in self._opgelost.runs:
            return self._opgelost.runs[label]
        centraal = self.centraal_oud if self._heel == "oud" else self.centraal
        return self._eigen_voetnoot(label, stuk, centraal)

    def _runs_samen(self, a: Any, b: Any, sa: Any, sb: Any) -> tuple[Any, ...]:
        """The runs of a paragraph in both versions (runs_samen)."""
        return runs_samen(
            a.runs,
            b.runs,
            lambda label: self._eigen_voetnoot(label, sa, self.centraal_oud),
            lambda label: self._eigen_voetnoot(label, sb, self.centraal),
            self._opgelost,
        )

    @staticmethod
    def _itemstappen(oud: Any, nieuw: Any) -> Iterator[tuple[str, Any]]:
        """The items of a list in both versions, aligned, as what to write: ('oud', item)
        and ('nieuw', item) whole in one version, ('zelfde', item) as it is, ('alinea',
        (old paragraph, new paragraph)) for an item of one paragraph in both, word by word."""
        from voorstel.kern.prose import Alinea

        for i, j in itemparen(oud.items, nieuw.items):
            if j is None:
                yield "oud", oud.items[i]
            elif i is None:
                yield "nieuw", nieuw.items[j]
            else:
                a, b = oud.items[i], nieuw.items[j]
                if len(a) == len(b) == 1 and isinstance(a[0], Alinea) and isinstance(b[0], Alinea):
                    yield "alinea", (a[0], b[0])
                elif a == b:
                    yield "zelfde", b
                else:
                    yield "oud", a
                    yield "nieuw", b

    @contextmanager
    def _alleen_in(self, staat: str) -> Iterator[None]:
        """Write what only version `staat` has."""
        vorige, self._heel = self._heel, staat
        try:
            yield
        finally:
            self._heel = vorige


# -- tables ---------------------------------------------------------------------------------


@dataclass
class GemengdeTabel(Tabel):
    """The table of both versions: rows aligned (`staten`: 'beide', 'oud' or 'nieuw' per
    row of alle_rijen), changed cells holding their change as marked text, the columns as
    the new table has them."""

    staten: list[str] = field(default_factory=list)
    kolommen_rechts: list[bool] = field(default_factory=list)

    def rechts(self) -> list[bool]:
        return list(self.kolommen_rechts)


def tabel_samen(oud: Tabel, nieuw: Tabel, cel: Callable[[Cel, Cel], Cel]) -> Tabel | None:
    """Two versions of a table as one (see GemengdeTabel); None when their columns differ,
    then the table is deleted and inserted whole. `cel(oud, nieuw)` gives a changed cell."""
    from voorstel.uitvoer.tabel import cel_tekst, inhoudsbreedtes

    if len(oud.kop) != len(nieuw.kop):
        return None

    def sleutel(rij: list[Cel]) -> tuple[str, ...]:
        return tuple(cel_tekst(c) for c in rij)

    def score(a: list[Cel], b: list[Cel]) -> float:
        if len(a) != len(b) or not a:
            return 0.0
        gelijk = sum(cel_tekst(x) == cel_tekst(y) for x, y in zip(a, b, strict=True)) / len(a)
        if gelijk >= 0.5:
            return gelijk
        return 0.5 if cel_tekst(a[0]) and cel_tekst(a[0]) == cel_tekst(b[0]) else 0.0

    def samen(a: list[Cel], b: list[Cel]) -> list[Cel]:
        if len(a) != len(b):
            return b
        return [y if cel_tekst(x) == cel_tekst(y) else cel(x, y) for x, y in zip(a, b, strict=True)]

    rijen: list[list[Cel]] = []
    staten: list[str] = []
    for i, j in uitlijnen(oud.rijen, nieuw.rijen, sleutel, score):
        if j is None:
            rijen.append(oud.rijen[i])  # type: ignore[index]
            staten.append("oud")
        elif i is None:
            rijen.append(nieuw.rijen[j])
            staten.append("nieuw")
        else:
            rijen.append(samen(oud.rijen[i], nieuw.rijen[j]))
            staten.append("beide")
    voet = nieuw.voet
    if oud.voet and nieuw.voet:
        voet = samen(oud.voet, nieuw.voet)
        staten.append("beide")
    elif nieuw.voet:
        staten.append("nieuw")
    elif oud.voet:
        voet = oud.voet
        staten.append("oud")
    vervolg = nieuw.vervolg
    if len(oud.vervolg) == len(nieuw.vervolg):
        vervolg = [
            tabel_samen(a, b, cel) or b for a, b in zip(oud.vervolg, nieuw.vervolg, strict=True)
        ]
    return GemengdeTabel(
        titel=_tekst_samen(oud.titel, nieuw.titel),
        kop=[_tekst_samen(a, b) or "" for a, b in zip(oud.kop, nieuw.kop, strict=True)],
        rijen=rijen,
        voet=voet,
        noot=_tekst_samen(oud.noot, nieuw.noot),
        breedtes=nieuw.breedtes or inhoudsbreedtes(nieuw),
        vervolg=vervolg,
        eenheid=nieuw.eenheid,
        rijlabel=nieuw.rijlabel,
        lettergrootte=nieuw.lettergrootte,
        staten=staten,
        kolommen_rechts=nieuw.rechts(),
    )


def _tekst_samen(oud: str | None, nieuw: str | None) -> str | None:
    if oud == nieuw:
        return nieuw
    return tekstwijziging(oud or "", nieuw or "") or None


def cel_heel(oud: Cel, nieuw: Cel) -> Cel:
    """A changed cell as its old text deleted and its new text inserted (Word: one figure
    is one deletion and one insertion)."""

    from voorstel.uitvoer.tabel import cel_tekst

    if nieuw.soort == "proza" or oud.soort == "proza":
        beide: Any = Wijziging(oud.waarde or "", nieuw.waarde or "")  # for the prose writer
        return dataclasses.replace(nieuw, waarde=beide)
    a, b = cel_tekst(oud), cel_tekst(nieuw)
    tekst = (DEL + a + EIND if a else "") + (INS + b + EIND if b else "")
    return Cel(oorzaak_om(tekst, oud, nieuw), "tekst", nadruk=nieuw.nadruk)


def cel_woorden(oud: Cel, nieuw: Cel) -> Cel:
    """A changed cell word by word (Markdown: '€ {--70.000--}{++82.500++}')."""

    from voorstel.uitvoer.tabel import cel_tekst

    if nieuw.soort == "proza" or oud.soort == "proza":
        beide: Any = Wijziging(oud.waarde or "", nieuw.waarde or "")  # for the prose writer
        return dataclasses.replace(nieuw, waarde=beide)
    return Cel(tekstwijziging(cel_tekst(oud), cel_tekst(nieuw)), "tekst", nadruk=nieuw.nadruk)
