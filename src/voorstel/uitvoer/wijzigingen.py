"""Tracked changes: the new version of a Word document with every change from the old
one as a real revision (w:ins, w:del), and the same changes in Markdown as CriticMarkup.

Both versions come out of the same renderer, so their blocks line up: the paragraphs
(with runs), the tables (rows of cells), the list items and the footnotes. The blocks are
aligned by their text; a paragraph that is in both gets its changes word by word, a table
cell as one deletion and one insertion, a row or a paragraph that is only in one version is
inserted or deleted whole (a row as w:trPr/w:ins or w:del). List items keep their
numbering definitions, so Word numbers them by its own logic after accepting or
rejecting. Accepting every change gives the new document's text, rejecting every change
the old one's.

A change caused by a shared file (a verdeelsleutel, a workbook) gets a comment saying so on
the first one: the caller names, per file, the texts of the new version that file changed.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import docx
from lxml import etree

from voorstel.kern.vastezip import vaste_zip

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
NUMBERING_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"

GELIJKENIS = 0.4
"""How alike two paragraphs must be (difflib's ratio of their words) to count as one
paragraph changed, rather than one deleted and another inserted."""
RIJ_GELIJKENIS = 0.5
"""The share of equal cells for two table rows to count as one row changed."""
MAX_PAREN = 40_000
"""Beyond this many candidate pairs (a stretch of 200 blocks rewritten into 200 others), a
stretch is deleted and inserted whole rather than searched for similar paragraphs."""
EERSTE_ID = 1000
"""Revision ids start here, clear of the ids of bookmarks and comments."""


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _el(tag: str, **attrs: str) -> Any:
    element = etree.Element(w(tag))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


@dataclass(frozen=True)
class Oorzaak:
    """A shared file that changed, and the texts of the new version it changed: the first
    tracked change in one of them gets a comment naming the file."""

    bestand: str
    teksten: frozenset[str]


@dataclass
class Revisie:
    """Who made the changes and when, and the ids handed out so far."""

    auteur: str
    datum: datetime
    volgende: int = EERSTE_ID
    aantal: int = 0
    """The number of w:ins and w:del written."""

    def markering(self, tag: str) -> Any:
        """A w:ins or w:del (or the one in a paragraph mark or row) with id, author, date."""
        element = _el(tag, id=str(self.volgende), author=self.auteur, date=self.datum_tekst)
        self.volgende += 1
        self.aantal += 1
        return element

    @property
    def datum_tekst(self) -> str:
        return self.datum.strftime("%Y-%m-%dT%H:%M:%SZ")


# -- paragraphs as tokens -------------------------------------------------------------------


@dataclass
class Stukje:
    """A word, a run of spaces or one non-text element of a run (a tab, a footnote
    reference), with the run it came from (for its formatting)."""

    run: Any
    tekst: str | None = None
    element: Any = None

    @property
    def sleutel(self) -> tuple[str, str]:
        if self.tekst is not None:
            return self.tekst, _opmaak(self.run)
        return "\x00" + etree.QName(self.element).localname, _opmaak(self.run)


def _opmaak(run: Any) -> str:
    """A run's formatting as a string that is equal when the formatting is."""
    r_pr = run.find(w("rPr"))
    if r_pr is None or len(r_pr) == 0:
        return ""
    return "".join(sorted(etree.tostring(c, encoding="unicode") for c in r_pr))


WOORD = re.compile(r"\s+|[^\s.,;:!?()\[\]\"']+(?:[.,:][^\s.,;:!?()\[\]\"']+)*|\S")
"""Words, spaces and punctuation apart; a figure (11.326,00) is one word."""


def runs(element: Any) -> list[Any]:
    """Every w:r in an element, in document order (inside hyperlinks too)."""
    return [r for r in element.iter(w("r"))]


def stukjes(p: Any) -> list[Stukje]:
    """The tokens of a paragraph: its text split into words and spaces, formatting kept,
    with the text of neighbouring runs of the same formatting joined first."""
    uit: list[Stukje] = []
    tekst: list[str] = []
    bron: Any = None

    def klaar() -> None:
        if tekst:
            uit.extend(Stukje(bron, t) for t in WOORD.findall("".join(tekst)))
            tekst.clear()

    for run in runs(p):
        if bron is not None and _opmaak(run) != _opmaak(bron):
            klaar()
        for kind in run:
            if kind.tag == w("rPr"):
                continue
            if kind.tag in (w("t"), w("delText")):
                if bron is None or _opmaak(run) != _opmaak(bron):
                    klaar()
                bron = run
                tekst.append(kind.text or "")
            else:
                klaar()
                uit.append(Stukje(run, element=kind))
                bron = run
    klaar()
    return uit


def tekst_van(element: Any) -> str:
    """The text of a paragraph (or of every paragraph in an element, one per line), with a
    marker for each non-text element."""
    if element.tag == w("p"):
        return "".join(
            s.tekst if s.tekst is not None else "\x00" + etree.QName(s.element).localname
            for s in stukjes(element)
        )
    return "\n".join(tekst_van(p) for p in element.iter(w("p")))


def alinea_teksten(data: bytes) -> set[str]:
    """The text of every paragraph of a Word document's body, table cells included."""
    body = docx.Document(io.BytesIO(data)).element.body
    return {tekst_van(p) for p in body.iter(w("p"))}


def _woorden(tekst: str) -> list[str]:
    return tekst.split()


def gelijkenis(oud: str, nieuw: str) -> float:
    a, b = _woorden(oud), _woorden(nieuw)
    if not a and not b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < GELIJKENIS or matcher.quick_ratio() < GELIJKENIS:
        return 0.0
    return matcher.ratio()


def paren(
    oud: Sequence[Any], nieuw: Sequence[Any], score: Callable[[Any, Any], float]
) -> list[tuple[int | None, int | None]]:
    """A monotone alignment of two short sequences that pairs the most alike elements
    (score above zero); every other element stands alone, deletions before insertions."""
    n, m = len(oud), len(nieuw)
    if n * m > MAX_PAREN:
        return [(i, None) for i in range(n)] + [(None, j) for j in range(m)]
    scores = [[score(a, b) for b in nieuw] for a in oud]
    tabel = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            beste = max(tabel[i + 1][j], tabel[i][j + 1])
            if scores[i][j] > 0:
                beste = max(beste, scores[i][j] + tabel[i + 1][j + 1])
            tabel[i][j] = beste
    uit: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if scores[i][j] > 0 and tabel[i][j] == scores[i][j] + tabel[i + 1][j + 1]:
            uit.append((i, j))
            i, j = i + 1, j + 1
        elif tabel[i][j] == tabel[i + 1][j]:
            uit.append((i, None))
            i += 1
        else:
            uit.append((None, j))
            j += 1
    uit += [(k, None) for k in range(i, n)]
    uit += [(None, k) for k in range(j, m)]
    return uit


def uitlijnen(
    oud: Sequence[Any],
    nieuw: Sequence[Any],
    sleutel: Callable[[Any], Any],
    score: Callable[[Any, Any], float],
) -> list[tuple[int | None, int | None]]:
    """Align two sequences: equal keys first (difflib), then the most alike pairs within
    each stretch that differs."""
    matcher = difflib.SequenceMatcher(
        None, [sleutel(x) for x in oud], [sleutel(x) for x in nieuw], autojunk=False
    )
    uit: list[tuple[int | None, int | None]] = []
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        if soort == "equal":
            uit += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            for i, j in paren(oud[i1:i2], nieuw[j1:j2], score):
                uit.append((None if i is None else i1 + i, None if j is None else j1 + j))
    return uit


# -- the writer -----------------------------------------------------------------------------


@dataclass
class Schrijver:
    """Writes one tracked-changes document: the new version's XML, changed in place."""

    revisie: Revisie
    oud_nummering: Any
    nieuw_nummering: Any
    oud_voetnoten: dict[str, Any]
    nieuw_voetnoten: dict[str, Any]
    voetnoten_wortel: Any
    oorzaken: Sequence[Oorzaak] = ()
    oud_deel: Any = None
    """The old document's main part, holding its images; and the new one's."""
    nieuw_deel: Any = None
    opmerkingen: list[tuple[Any, Oorzaak]] = field(default_factory=list)
    """The first change per cause: the element holding it, and the cause."""
    nummers: dict[str, str] = field(default_factory=dict)
    """The numbering id of the old version -> the one it has in the new document."""
    voetnoot_paren: list[tuple[str, str]] = field(default_factory=list)
    oude_voetnoten: dict[str, str] = field(default_factory=dict)
    """The id of an old footnote whose reference is deleted -> its id in the new document."""
    _uitgelegd: set[str] = field(default_factory=set)
    _tekeningen: int = 0

    # blocks

    def blokken(self, oud: Sequence[Any], nieuw: Sequence[Any], heel: bool = False) -> None:
        """Change the new blocks (children of one parent) in place so they show every change
        from the old ones. `heel`: a changed paragraph is one deletion and one insertion
        (a table cell), not word by word."""
        if not nieuw:
            return
        paar = uitlijnen(oud, nieuw, _bloksleutel, _blokscore)
        self._nummering(oud, nieuw, paar)
        paar = [
            deel
            for i, j in paar
            for deel in (
                [(i, None), (None, j)]
                if i is not None and j is not None and self._andere_tekening(oud[i], nieuw[j])
                else [(i, j)]
            )
        ]
        volgende: list[Any] = []  # deleted old blocks waiting for the next new block
        for i, j in paar:
            if j is None:
                assert i is not None
                weg = self._verwijderd_blok(oud[i])
                if weg is not None:
                    volgende.append(weg)
                continue
            doel = nieuw[j]
            for blok in volgende:
                doel.addprevious(blok)
            volgende.clear()
            if i is None:
                self._ingevoegd_blok(doel)
            elif doel.tag == w("p"):
                self.alinea(oud[i], doel, heel)
            elif doel.tag == w("tbl"):
                self.tabel(oud[i], doel)
        if volgende:
            laatste = nieuw[-1]
            if laatste.tag == w("sectPr") or (
                laatste.tag == w("p") and laatste.find(f"{w('pPr')}/{w('sectPr')}") is not None
            ):
                for blok in volgende:
                    laatste.addprevious(blok)
            else:
                for blok in reversed(volgende):
                    laatste.addnext(blok)
        _voor_tabellen(nieuw[0].getparent())

    def _nummering(self, oud: Sequence[Any], nieuw: Sequence[Any], paar: Iterable[Any]) -> None:
        """Old numbering ids that paired paragraphs show to be a new one."""
        for i, j in paar:
            if i is None or j is None:
                continue
            a, b = _num_id(oud[i]), _num_id(nieuw[j])
            if a is not None and b is not None:
                self.nummers.setdefault(a, b)

    def _verwijderd_blok(self, blok: Any) -> Any | None:
        kopie = copy.deepcopy(blok)
        if kopie.tag == w("p"):
            self._markeer_alinea(kopie, "del")
        elif kopie.tag == w("tbl"):
            for rij in kopie.findall(w("tr")):
                self._markeer_rij(rij, "del")
        else:
            return None  # a bookmark or the like: nothing to show
        return kopie

    def _ingevoegd_blok(self, blok: Any) -> None:
        if blok.tag == w("p"):
            self._markeer_alinea(blok, "ins")
        elif blok.tag == w("tbl"):
            for rij in blok.findall(w("tr")):
                self._markeer_rij(rij, "ins")

    # paragraphs

    def _markeer_alinea(self, p: Any, soort: str) -> None:
        """A paragraph inserted or deleted whole: its runs and its paragraph mark."""
        self._markeer_runs(p, soort)
        p_pr = p.find(w("pPr"))
        if p_pr is None:
            p_pr = _el("pPr")
            p.insert(0, p_pr)
        r_pr = p_pr.find(w("rPr"))
        if r_pr is None:
            r_pr = _el("rPr")
            plek = p_pr.find(w("sectPr"))
            if plek is None:
                plek = p_pr.find(w("pPrChange"))
            if plek is None:
                p_pr.append(r_pr)
            else:
                plek.addprevious(r_pr)
        r_pr.insert(0, self.revisie.markering(soort))

    def _markeer_runs(self, element: Any, soort: str) -> None:
        """Every run in an element inside a w:ins or w:del (one per stretch of runs)."""
        if soort == "del":
            self._oud(element)
        groep: Any = None
        for run in runs(element):
            if run.getparent().tag in (w("ins"), w("del")) or all(k.tag == w("rPr") for k in run):
                continue  # already marked, or an empty run: nothing to show
            if groep is not None and run.getprevious() is groep:
                groep.append(run)
                continue
            groep = self.revisie.markering(soort)
            alinea = next((a for a in run.iterancestors(w("p"))), None)
            tekst = tekst_van(alinea) if alinea is not None and soort == "ins" else None
            run.addprevious(groep)
            groep.append(run)
            if tekst is not None:
                self._leg_uit(groep, tekst)

    def _oud(self, element: Any) -> None:
        """Old content, to be written into the new document as deleted: deleted text,
        numbering and footnotes by their ids in the new document."""
        for tag, nieuw in (("t", "delText"), ("instrText", "delInstrText")):
            for kind in element.iter(w(tag)):
                kind.tag = w(nieuw)
        for num in element.iter(w("numId")):
            num.set(w("val"), self._nummer(num.get(w("val"))))
        for ref in element.iter(w("footnoteReference")):
            ref.set(w("id"), self._oude_voetnoot(ref.get(w("id"))))
        for tekening in list(element.iter(w("drawing"))):
            if not self._oude_tekening(tekening):
                tekening.getparent().remove(tekening)
        for p_pr in element.iter(w("pPr")):
            for sect in p_pr.findall(w("sectPr")):
                p_pr.remove(sect)  # the old section's headers are not in the new document

    def alinea(self, oud: Any, nieuw: Any, heel: bool = False) -> None:
        """A paragraph in both versions: the new one with the changes from the old."""
        a, b = stukjes(oud), stukjes(nieuw)
        tekst = tekst_van(nieuw)
        sa = [self._sleutel(s, self.oud_deel) for s in a]
        sb = [self._sleutel(s, self.nieuw_deel) for s in b]
        if sa == sb:
            self._voetnoten_gelijk(a, b)
            self._stijl(oud, nieuw)
            return
        self._stijl(oud, nieuw)
        eenvoudig = all(k.tag in (w("pPr"), w("r")) for k in nieuw) and all(
            k.tag in (w("pPr"), w("r")) for k in oud
        )
        if heel or not eenvoudig:
            weg = [copy.deepcopy(r) for r in runs(oud)]
            self._markeer_runs(nieuw, "ins")
            if weg:
                groep = self.revisie.markering("del")
                for r in weg:
                    groep.append(r)
                self._oud(groep)
                p_pr = nieuw.find(w("pPr"))
                if p_pr is None:
                    nieuw.insert(0, groep)
                else:
                    p_pr.addnext(groep)
                self._leg_uit(groep, tekst)
            return
        for r in runs(nieuw):
            nieuw.remove(r)
        delen = _samengevoegd(difflib.SequenceMatcher(None, sa, sb, autojunk=False), a, b)
        for soort, oude, nieuwe in delen:
            if soort == "equal":
                self._voetnoten_gelijk(oude, nieuwe)
                for run in _runs_van(nieuwe):
                    nieuw.append(run)
                continue
            if oude:
                groep = self.revisie.markering("del")
                for run in _runs_van(oude):
                    groep.append(run)
                self._oud(groep)
                nieuw.append(groep)
                self._leg_uit(groep, tekst)
            if nieuwe:
                groep = self.revisie.markering("ins")
                for run in _runs_van(nieuwe):
                    groep.append(run)
                nieuw.append(groep)
                self._leg_uit(groep, tekst)

    def _sleutel(self, stuk: Stukje, deel: Any) -> tuple[str, ...]:
        """A token's key; a drawing's holds its image, so a chart that changed is a change."""
        if stuk.element is None or stuk.element.tag != w("drawing"):
            return stuk.sleutel
        return (*stuk.sleutel, *(_beeld(deel, r) for r in _beelden(stuk.element)))

    def _andere_tekening(self, oud: Any, nieuw: Any) -> bool:
        """Whether two paragraphs show different images (a chart whose figures changed):
        the paragraph is then deleted and inserted whole, as LibreOffice loses a paragraph
        that holds both a deleted and an inserted image."""
        if oud.tag != w("p") or nieuw.tag != w("p"):
            return False
        a = [_beeld(self.oud_deel, r) for t in oud.iter(w("drawing")) for r in _beelden(t)]
        b = [_beeld(self.nieuw_deel, r) for t in nieuw.iter(w("drawing")) for r in _beelden(t)]
        return a != b

    def _oude_tekening(self, tekening: Any) -> bool:
        """A drawing of the old document, its images added to the new one; False when an
        image cannot be found."""
        if self.oud_deel is None or self.nieuw_deel is None:
            return False
        for blip in tekening.iter(f"{{{A_NS}}}blip"):
            r_id = blip.get(f"{{{R_NS}}}embed")
            deel = self.oud_deel.related_parts.get(r_id) if r_id else None
            if deel is None:
                return False
            nieuw_id, _ = self.nieuw_deel.get_or_add_image(io.BytesIO(deel.blob))
            blip.set(f"{{{R_NS}}}embed", nieuw_id)
        for doc_pr in tekening.iter(f"{{{WP_NS}}}docPr"):
            self._tekeningen += 1
            doc_pr.set("id", str(EERSTE_ID * 10 + self._tekeningen))  # unique in the document
        return True

    def _stijl(self, oud: Any, nieuw: Any) -> None:
        """A paragraph whose style changed keeps the old properties as a w:pPrChange."""
        if _stijl(oud) == _stijl(nieuw):
            return
        p_pr = nieuw.find(w("pPr"))
        if p_pr is None:
            p_pr = _el("pPr")
            nieuw.insert(0, p_pr)
        oude = copy.deepcopy(oud.find(w("pPr")))
        if oude is None:
            oude = _el("pPr")
        for kind in oude.findall(w("rPr")) + oude.findall(w("sectPr")):
            oude.remove(kind)
        for num in oude.iter(w("numId")):
            num.set(w("val"), self._nummer(num.get(w("val"))))
        wijziging = self.revisie.markering("pPrChange")
        wijziging.append(oude)
        p_pr.append(wijziging)

    def _voetnoten_gelijk(self, oude: Sequence[Stukje], nieuwe: Sequence[Stukje]) -> None:
        for a, b in zip(oude, nieuwe, strict=False):
            if (
                a.element is not None
                and b.element is not None
                and a.element.tag == w("footnoteReference") == b.element.tag
            ):
                self.voetnoot_paren.append((a.element.get(w("id")), b.element.get(w("id"))))

    # tables

    def tabel(self, oud: Any, nieuw: Any) -> None:
        oude, nieuwe = oud.findall(w("tr")), nieuw.findall(w("tr"))
        wachtend: list[Any] = []
        for i, j in uitlijnen(oude, nieuwe, _rijsleutel, _rijscore):
            if j is None:
                assert i is not None
                kopie = copy.deepcopy(oude[i])
                self._markeer_rij(kopie, "del")
                wachtend.append(kopie)
                continue
            for rij in wachtend:
                nieuwe[j].addprevious(rij)
            wachtend.clear()
            if i is None:
                self._markeer_rij(nieuwe[j], "ins")
            else:
                self.rij(oude[i], nieuwe[j])
        for rij in reversed(wachtend):
            nieuwe[-1].addnext(rij) if nieuwe else nieuw.append(rij)

    def _markeer_rij(self, rij: Any, soort: str) -> None:
        self._markeer_runs(rij, soort)
        tr_pr = rij.find(w("trPr"))
        if tr_pr is None:
            tr_pr = _el("trPr")
            plek = rij.find(w("tblPrEx"))
            if plek is None:
                rij.insert(0, tr_pr)
            else:
                plek.addnext(tr_pr)
        wijziging = tr_pr.find(w("trPrChange"))
        if wijziging is None:
            tr_pr.append(self.revisie.markering(soort))
        else:
            wijziging.addprevious(self.revisie.markering(soort))

    def rij(self, oud: Any, nieuw: Any) -> None:
        oude, nieuwe = oud.findall(w("tc")), nieuw.findall(w("tc"))
        for a, b in zip(oude, nieuwe, strict=True):
            pa, pb = _inhoud(a), _inhoud(b)
            if len(pa) == len(pb) == 1 and pa[0].tag == pb[0].tag == w("p"):
                self.alinea(pa[0], pb[0], heel=True)
            elif tekst_van(a) == tekst_van(b):
                self.blokken(_inhoud(a), _inhoud(b))  # formatting only: footnotes paired
            else:
                self.blokken(_inhoud(a), _inhoud(b), heel=True)

    # numbering and footnotes

    def _nummer(self, oud_id: str | None) -> str:
        """The id in the new document for an old numbering id: the one paired paragraphs
        show, or a copy of the old definition added to the new document."""
        if oud_id is None or oud_id == "0":
            return oud_id or "0"
        if oud_id in self.nummers:
            return self.nummers[oud_id]
        nieuw_id = _kopieer_nummering(self.oud_nummering, self.nieuw_nummering, oud_id)
        self.nummers[oud_id] = nieuw_id
        return nieuw_id

    def _oude_voetnoot(self, oud_id: str | None) -> str:
        """An old footnote whose reference is deleted, copied into the new footnotes."""
        if oud_id is None:
            return "0"
        if oud_id not in self.oude_voetnoten:
            bestaand = [int(i) for i in self.nieuw_voetnoten] + [
                int(i) for i in self.oude_voetnoten.values()
            ]
            nieuw_id = str(max([0, *bestaand]) + 1)
            self.oude_voetnoten[oud_id] = nieuw_id
            if oud_id in self.oud_voetnoten and self.voetnoten_wortel is not None:
                kopie = copy.deepcopy(self.oud_voetnoten[oud_id])
                kopie.set(w("id"), nieuw_id)
                for kind in kopie.iter(w("t")):
                    kind.tag = w("delText")
                for r in runs(kopie):
                    if r.find(w("footnoteRef")) is None and r.getparent().tag != w("del"):
                        groep = self.revisie.markering("del")
                        r.addprevious(groep)
                        groep.append(r)
                self.voetnoten_wortel.append(kopie)
        return self.oude_voetnoten[oud_id]

    def voetnoten(self) -> None:
        """The text of every footnote whose reference is in both versions, word by word."""
        gezien = set()
        for oud_id, nieuw_id in self.voetnoot_paren:
            if nieuw_id in gezien or oud_id not in self.oud_voetnoten:
                continue
            gezien.add(nieuw_id)
            oud, nieuw = self.oud_voetnoten[oud_id], self.nieuw_voetnoten.get(nieuw_id)
            if nieuw is None:
                continue
            oude, nieuwe = oud.findall(w("p")), nieuw.findall(w("p"))
            if len(oude) == len(nieuwe) == 1:
                self.alinea(oude[0], nieuwe[0])  # one note, however much it changed
            else:
                self.blokken(oude, nieuwe)

    # comments

    def _leg_uit(self, groep: Any, tekst: str) -> None:
        """The first change in a text a shared file changed (`tekst`, the paragraph in the
        new version): remember it for a comment."""
        for oorzaak in self.oorzaken:
            if oorzaak.bestand in self._uitgelegd:
                continue
            if tekst in oorzaak.teksten:
                self._uitgelegd.add(oorzaak.bestand)
                self.opmerkingen.append((groep, oorzaak))


def _alineamarkering(p: Any) -> Any:
    """The w:ins or w:del of a paragraph's mark, if any."""
    r_pr = p.find(f"{w('pPr')}/{w('rPr')}")
    if r_pr is None:
        return None
    return next((k for k in r_pr if k.tag in (w("ins"), w("del"))), None)


def _voor_tabellen(ouder: Any) -> None:
    """A paragraph inserted or deleted whole just before a table: its mark cannot join
    the table, so LibreOffice would leave an empty paragraph after accepting (or
    rejecting). The mark of the paragraph before the stretch of such paragraphs is marked
    instead: the same text either way, and nothing is left over."""
    if ouder is None:
        return
    for p in list(ouder.iterchildren(w("p"))):
        volgende = p.getnext()
        markering = _alineamarkering(p)
        if markering is None or volgende is None or volgende.tag != w("tbl"):
            continue
        vorige = p.getprevious()
        while vorige is not None and vorige.tag == w("p"):
            ander = _alineamarkering(vorige)
            if ander is None:
                break
            vorige = vorige.getprevious() if ander.tag == markering.tag else None
        if vorige is None or vorige.tag != w("p"):
            continue  # a table or another change before it: left as it is
        markering.getparent().remove(markering)
        p_pr = vorige.find(w("pPr"))
        if p_pr is None:
            p_pr = _el("pPr")
            vorige.insert(0, p_pr)
        r_pr = p_pr.find(w("rPr"))
        if r_pr is None:
            r_pr = _el("rPr")
            plek = p_pr.find(w("sectPr"))
            if plek is None:
                plek = p_pr.find(w("pPrChange"))
            if plek is None:
                p_pr.append(r_pr)
            else:
                plek.addprevious(r_pr)
        r_pr.insert(0, markering)


def _beelden(tekening: Any) -> list[str]:
    return [str(b.get(f"{{{R_NS}}}embed")) for b in tekening.iter(f"{{{A_NS}}}blip")]


def _beeld(deel: Any, r_id: str) -> str:
    """The image a relationship points to, as a digest: equal images, equal digests."""
    gevonden = deel.related_parts.get(r_id) if deel is not None else None
    return "" if gevonden is None else hashlib.sha256(gevonden.blob).hexdigest()


def _samengevoegd(
    matcher: difflib.SequenceMatcher[Any], a: list[Stukje], b: list[Stukje]
) -> list[tuple[str, list[Stukje], list[Stukje]]]:
    """The stretches of a word diff, with a lone space between two changes taken into the
    change, so a reader sees 'old words' → 'new words' rather than word by word."""
    delen: list[tuple[str, list[Stukje], list[Stukje]]] = []
    for soort, i1, i2, j1, j2 in matcher.get_opcodes():
        oude, nieuwe = a[i1:i2], b[j1:j2]
        if soort == "equal":
            delen.append(("equal", oude, nieuwe))
        elif delen and delen[-1][0] == "change":
            delen[-1][1].extend(oude)
            delen[-1][2].extend(nieuwe)
        else:
            delen.append(("change", list(oude), list(nieuwe)))
        if (
            len(delen) >= 3
            and delen[-1][0] == "change"
            and delen[-2][0] == "equal"
            and delen[-3][0] == "change"
            and all(s.tekst is not None and not s.tekst.strip() for s in delen[-2][2])
        ):
            _, spatie_oud, spatie_nieuw = delen.pop(-2)
            laatste = delen.pop()
            delen[-1][1].extend(spatie_oud + laatste[1])
            delen[-1][2].extend(spatie_nieuw + laatste[2])
    return delen


def _runs_van(stukken: Sequence[Stukje]) -> list[Any]:
    """Runs for a stretch of tokens: one per source run, its formatting copied."""
    uit: list[Any] = []
    bron: Any = None
    huidig: Any = None
    for stuk in stukken:
        if stuk.run is not bron or huidig is None:
            bron = stuk.run
            huidig = _el("r")
            r_pr = stuk.run.find(w("rPr"))
            if r_pr is not None:
                huidig.append(copy.deepcopy(r_pr))
            uit.append(huidig)
        if stuk.tekst is not None:
            laatste = huidig[-1] if len(huidig) else None
            if laatste is not None and laatste.tag == w("t"):
                laatste.text = (laatste.text or "") + stuk.tekst
            else:
                t = etree.SubElement(huidig, w("t"))
                t.set(XML_SPACE, "preserve")
                t.text = stuk.tekst
        else:
            huidig.append(copy.deepcopy(stuk.element))
    return uit


def _stijl(p: Any) -> str | None:
    stijl = p.find(f"{w('pPr')}/{w('pStyle')}")
    return None if stijl is None else stijl.get(w("val"))


def _num_id(p: Any) -> str | None:
    if p.tag != w("p"):
        return None
    num = p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
    return None if num is None else num.get(w("val"))


def _bloksleutel(blok: Any) -> tuple[str, ...]:
    if blok.tag == w("p"):
        return ("p", _stijl(blok) or "", tekst_van(blok))
    if blok.tag == w("tbl"):
        rijen = blok.findall(w("tr"))
        return ("tbl", tekst_van(rijen[0]) if rijen else "")
    return (etree.QName(blok).localname, etree.tostring(blok, encoding="unicode"))


def _blokscore(oud: Any, nieuw: Any) -> float:
    if oud.tag != nieuw.tag:
        return 0.0
    if oud.tag == w("p"):
        a, b = tekst_van(oud), tekst_van(nieuw)
        if not a.strip() and not b.strip():
            return 1.0 if _stijl(oud) == _stijl(nieuw) else 0.5
        return gelijkenis(a, b)
    if oud.tag == w("tbl"):
        if len(oud.findall(f"{w('tblGrid')}/{w('gridCol')}")) != len(
            nieuw.findall(f"{w('tblGrid')}/{w('gridCol')}")
        ):
            return 0.0
        return max(0.01, gelijkenis(tekst_van(oud), tekst_van(nieuw)))
    return 1.0 if oud.tag == w("sectPr") else 0.0


def _cellen(rij: Any) -> list[str]:
    return [tekst_van(c) for c in rij.findall(w("tc"))]


def _rijsleutel(rij: Any) -> tuple[str, ...]:
    return tuple(_cellen(rij))


def _rijscore(oud: Any, nieuw: Any) -> float:
    a, b = _cellen(oud), _cellen(nieuw)
    if len(a) != len(b) or not a:
        return 0.0
    gelijk = sum(x == y for x, y in zip(a, b, strict=True))
    if a[0] == b[0] and a[0].strip():
        return 1.0 + gelijk / len(a)
    deel = gelijk / len(a)
    return deel if deel >= RIJ_GELIJKENIS else 0.0


def _inhoud(cel: Any) -> list[Any]:
    return [k for k in cel if k.tag in (w("p"), w("tbl"))]


def _kopieer_nummering(oud: Any, nieuw: Any, oud_id: str) -> str:
    """Copy an old w:num and its w:abstractNum into the new numbering; the new w:num id."""
    if oud is None or nieuw is None:
        return oud_id
    num = next((n for n in oud.findall(w("num")) if n.get(w("numId")) == oud_id), None)
    if num is None:
        return oud_id
    abstract_id = num.find(w("abstractNumId")).get(w("val"))
    abstract = next(
        (a for a in oud.findall(w("abstractNum")) if a.get(w("abstractNumId")) == abstract_id),
        None,
    )
    nums = nieuw.findall(w("num"))
    abstracts = nieuw.findall(w("abstractNum"))
    nieuw_num = copy.deepcopy(num)
    nieuw_num.set(w("numId"), str(1 + max((int(n.get(w("numId"))) for n in nums), default=0)))
    if abstract is not None:
        kopie = copy.deepcopy(abstract)
        nieuw_abstract = str(
            1 + max((int(a.get(w("abstractNumId"))) for a in abstracts), default=-1)
        )
        kopie.set(w("abstractNumId"), nieuw_abstract)
        for kind in list(kopie):
            if kind.tag == w("nsid"):
                kopie.remove(kind)  # Word merges lists by nsid
        if nums:
            nums[0].addprevious(kopie)
        else:
            nieuw.append(kopie)
        nieuw_num.find(w("abstractNumId")).set(w("val"), nieuw_abstract)
    nieuw.append(nieuw_num)
    return str(nieuw_num.get(w("numId")))


# -- the document ---------------------------------------------------------------------------


def _deel(document: Any, content_type: str) -> Any:
    for part in document.part.package.parts:
        if part.content_type == content_type:
            return part
    return None


def _voetnoten(part: Any) -> tuple[Any, dict[str, Any]]:
    if part is None:
        return None, {}
    wortel = etree.fromstring(part.blob)
    return wortel, {
        str(f.get(w("id"))): f for f in wortel.findall(w("footnote")) if f.get(w("type")) is None
    }


def _lichaam(body: Any) -> list[Any]:
    return list(body)


def bijgehouden(
    oud: bytes | None,
    nieuw: bytes,
    auteur: str,
    datum: datetime,
    oorzaken: Sequence[Oorzaak] = (),
) -> tuple[bytes, int]:
    """The new Word document with every change from the old one tracked, and the number
    of changes (w:ins and w:del) in it. Without an old version everything is inserted."""
    nieuw_doc = docx.Document(io.BytesIO(nieuw))
    oud_doc = docx.Document(io.BytesIO(oud)) if oud is not None else None
    revisie = Revisie(auteur, datum)
    nieuw_fn_deel = _deel(nieuw_doc, FOOTNOTES_CT)
    wortel, nieuwe_fn = _voetnoten(nieuw_fn_deel)
    _, oude_fn = _voetnoten(_deel(oud_doc, FOOTNOTES_CT) if oud_doc is not None else None)
    nieuw_num = _deel(nieuw_doc, NUMBERING_CT)
    oud_num = _deel(oud_doc, NUMBERING_CT) if oud_doc is not None else None
    schrijver = Schrijver(
        revisie,
        oud_num.element if oud_num is not None else None,
        nieuw_num.element if nieuw_num is not None else None,
        oude_fn,
        nieuwe_fn,
        wortel,
        oorzaken,
        oud_doc.part if oud_doc is not None else None,
        nieuw_doc.part,
    )
    body = nieuw_doc.element.body
    oude_blokken = _lichaam(oud_doc.element.body) if oud_doc is not None else []
    schrijver.blokken(
        [b for b in oude_blokken if b.tag != w("sectPr")],
        [b for b in _lichaam(body) if b.tag != w("sectPr")],
    )
    schrijver.voetnoten()
    if wortel is not None and nieuw_fn_deel is not None:
        nieuw_fn_deel._blob = etree.tostring(
            wortel, xml_declaration=True, encoding="UTF-8", standalone=True
        )
    _opmerkingen(nieuw_doc, schrijver.opmerkingen, auteur, datum)
    buffer = io.BytesIO()
    nieuw_doc.save(buffer)
    with zipfile.ZipFile(buffer) as archief:
        data = vaste_zip({naam: archief.read(naam) for naam in archief.namelist()})
    return data, revisie.aantal


def _opmerkingen(
    document: Any, plekken: Sequence[tuple[Any, Oorzaak]], auteur: str, datum: datetime
) -> None:
    """A comment on the first change each shared file caused: 'gewijzigd door <file>'."""
    for groep, oorzaak in plekken:
        opmerking = document.comments.add_comment(
            text=f"gewijzigd door {oorzaak.bestand}", author=auteur, initials=_initialen(auteur)
        )
        opmerking._comment_elm.set(w("date"), datum.strftime("%Y-%m-%dT%H:%M:%SZ"))
        nummer = str(opmerking.comment_id)
        begin, eind = groep, groep
        vorige, volgende = groep.getprevious(), groep.getnext()
        if groep.tag == w("ins") and vorige is not None and vorige.tag == w("del"):
            begin = vorige  # the deletion and insertion of one change, together
        if groep.tag == w("del") and volgende is not None and volgende.tag == w("ins"):
            eind = volgende
        begin.addprevious(_el("commentRangeStart", id=nummer))
        einde = _el("commentRangeEnd", id=nummer)
        eind.addnext(einde)
        verwijzing = _el("r")
        verwijzing.append(_el("commentReference", id=nummer))
        einde.addnext(verwijzing)


def _initialen(auteur: str) -> str:
    return "".join(d[0] for d in auteur.split() if d)[:4].upper() or "V"


# -- Markdown -------------------------------------------------------------------------------


def critic(oud: str, nieuw: str) -> tuple[str, int]:
    """The new Markdown with every change from the old in CriticMarkup: {--old--} for what
    was deleted, {++new++} for what was inserted; word by word within a paragraph or a line
    of a table or list. The number of changes."""
    a, b = _md_blokken(oud), _md_blokken(nieuw)
    uit: list[str] = []
    aantal = 0
    for i, j in uitlijnen(a, b, lambda x: x, gelijkenis):
        if j is None:
            assert i is not None
            uit.append(f"{{--{a[i]}--}}")
            aantal += 1
        elif i is None:
            uit.append(f"{{++{b[j]}++}}")
            aantal += 1
        else:
            tekst, n = _md_regels(a[i], b[j])
            uit.append(tekst)
            aantal += n
    return "\n\n".join(uit) + "\n", aantal


def _md_blokken(tekst: str) -> list[str]:
    return [blok for blok in re.split(r"\n\s*\n", tekst.strip("\n")) if blok.strip()]


def _md_regels(oud: str, nieuw: str) -> tuple[str, int]:
    if oud == nieuw:
        return nieuw, 0
    a, b = oud.split("\n"), nieuw.split("\n")
    uit: list[str] = []
    aantal = 0
    for i, j in uitlijnen(a, b, _zonder_nummer, gelijkenis):
        if j is None:
            assert i is not None
            uit.append(f"{{--{a[i]}--}}")
            aantal += 1
        elif i is None:
            uit.append(f"{{++{b[j]}++}}")
            aantal += 1
        else:
            regel, n = _md_woorden(a[i], b[j])
            uit.append(regel)
            aantal += n
    return "\n".join(uit), aantal


NUMMER = re.compile(r"^(\s*)\d+\.(?=\s)")
"""The number of an item of a numbered list: it follows from the items before it, so a
number that changed with them is no change of its own."""
MD_WOORD = re.compile(r"\s+|\*\*|[^\s*.,;:!?()\[\]\"']+(?:[.,:][^\s*.,;:!?()\[\]\"']+)*|\S")
"""Words, spaces and emphasis markers apart: '**€ 70.000**' changes only in its figure."""


def _zonder_nummer(regel: str) -> str:
    return NUMMER.sub(r"\g<1>#.", regel)


def _md_woorden(oud: str, nieuw: str) -> tuple[str, int]:
    nummer = NUMMER.match(nieuw)
    if nummer is not None and NUMMER.match(oud) is not None:
        rest, aantal = _md_woorden(NUMMER.sub("", oud), nieuw[nummer.end() :])
        return nummer.group(0) + rest, aantal
    if oud == nieuw:
        return nieuw, 0
    a, b = MD_WOORD.findall(oud), MD_WOORD.findall(nieuw)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    stukken = [Stukje(None, t) for t in a], [Stukje(None, t) for t in b]
    uit: list[str] = []
    aantal = 0
    for soort, oude, nieuwe in _samengevoegd(matcher, *stukken):
        weg = "".join(s.tekst or "" for s in oude)
        erbij = "".join(s.tekst or "" for s in nieuwe)
        if soort == "equal":
            uit.append(erbij)
            continue
        aantal += 1
        if weg:
            uit.append(f"{{--{weg}--}}")
        if erbij:
            uit.append(f"{{++{erbij}++}}")
    return "".join(uit), aantal
