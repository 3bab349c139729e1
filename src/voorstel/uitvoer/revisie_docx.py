"""Word's revisions from the marks of a tracked-changes render (see revisie.py).

The render writes, in the text of runs and between paragraphs and table rows, the marks
INS, DEL and EIND (and those of a change's cause). `verwerk` turns each part into Word's
own markup and leaves no mark behind:
- the text of a run between INS and EIND goes into a w:ins, between DEL and EIND into a
  w:del (as w:delText); a run is split where a mark falls inside it;
- a paragraph whose end lies within a stretch is inserted or deleted whole: its mark gets
  the w:ins or w:del (w:pPr/w:rPr), so accepting or rejecting joins nothing wrongly;
- a table row that lies wholly within a stretch is a row insertion or deletion
  (w:trPr/w:ins, w:del);
- the first change caused by a shared file gets a comment naming it.
Every w:ins and w:del gets an id, the author and the date.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, cast

from lxml import etree

from voorstel.uitvoer.revisie import (
    DEL,
    EIND,
    INS,
    MARKERINGEN,
    MARKERINGEN_SPLIT,
    OPMERKING,
    OPMERKING_EIND,
    Revisie,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
EERSTE_ID = 1000
"""Revision ids start here, clear of the ids of bookmarks and comments."""


_TEKST: Any = etree._Element.text
"""lxml's own text of an element: python-docx gives w:p and w:r a `text` of their own."""


def tekst_van(element: Any) -> str | None:
    return cast(str | None, _TEKST.__get__(element))


def zet_tekst(element: Any, tekst: str | None) -> None:
    _TEKST.__set__(element, tekst)


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _el(tag: str, **attrs: str) -> Any:
    element = etree.Element(w(tag))
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


@dataclass
class Opmerking:
    """Where a comment goes: its file and the elements its range starts and ends at."""

    bestand: str
    begin: Any = None
    eind: Any = None


@dataclass
class _Stand:
    stapel: list[str] = field(default_factory=list)
    opmerkingen: dict[int, Opmerking] = field(default_factory=dict)
    open_opmerking: int | None = None
    bestanden: list[str] = field(default_factory=list)
    rijen: list[str | None] = field(default_factory=list)
    """Per table row being visited, the stretch it began in."""

    @property
    def modus(self) -> str | None:
        return self.stapel[-1] if self.stapel else None

    def teken(self, t: str) -> None:
        if t in (INS, DEL):
            self.stapel.append(t)
        elif t == EIND and self.stapel:
            self.stapel.pop()


def heeft_markeringen(root: Any) -> bool:
    return any(MARKERINGEN.search(t) for t in root.itertext() if t)


def verwerk(root: Any, rev: Revisie, stand: _Stand | None = None) -> _Stand:
    """Turn the marks in one part (its root element) into revisions; see above."""
    stand = stand or _Stand(bestanden=rev.oorzaken.bestanden)
    _bezoek(root, stand)
    for ouder in list(root.iter(w("body"), w("tc"))):
        _voor_tabellen(ouder)
    for ouder in list(root.iter(w("body"), w("tc"), w("hdr"), w("ftr"), w("footnote"))):
        _aan_het_eind(ouder)
    return stand


def _tekst_tekens(tekst: str | None, stand: _Stand) -> str | None:
    """Take the marks out of a text outside a run (between paragraphs or rows)."""
    if not tekst or not MARKERINGEN.search(tekst):
        return tekst
    for deel in MARKERINGEN_SPLIT.split(tekst):
        if len(deel) == 1 and MARKERINGEN.fullmatch(deel):
            _markering(deel, stand, None)
    return MARKERINGEN.sub("", tekst) or None


def _markering(teken: str, stand: _Stand, plek: Any) -> None:
    code = ord(teken)
    if OPMERKING <= code < OPMERKING_EIND:
        nummer = code - OPMERKING
        if nummer not in stand.opmerkingen and plek is not None:
            stand.opmerkingen[nummer] = Opmerking(stand.bestanden[nummer], begin=plek)
            stand.open_opmerking = nummer
    elif OPMERKING_EIND <= code < OPMERKING_EIND + 0x100:
        nummer = code - OPMERKING_EIND
        if stand.open_opmerking == nummer and plek is not None:
            stand.opmerkingen[nummer].eind = plek
            stand.open_opmerking = None
    else:
        stand.teken(teken)


def _bezoek(element: Any, stand: _Stand) -> None:
    tag = element.tag
    if tag == w("r"):
        raise AssertionError("runs are visited by their parent")
    zet_tekst(element, _tekst_tekens(tekst_van(element), stand))
    if tag == w("tr"):
        begin = stand.modus
        stand.rijen.append(begin)
        _kinderen(element, stand)
        stand.rijen.pop()
        if begin is not None and stand.modus == begin:
            _markeer_rij(element, begin)
    elif tag == w("p"):
        _kinderen(element, stand)
        if stand.modus is not None and not (stand.rijen and stand.rijen[-1] == stand.modus):
            _markeer_alinea(element, stand.modus)  # in a row inserted whole: the row says it
        _voeg_samen(element)
    else:
        _kinderen(element, stand)


def _kinderen(element: Any, stand: _Stand) -> None:
    for kind in list(element):
        if not isinstance(kind.tag, str):
            kind.tail = _tekst_tekens(kind.tail, stand)
            continue
        if kind.tag == w("r"):
            _run(kind, stand)  # its tail too
            continue
        _bezoek(kind, stand)
        kind.tail = _tekst_tekens(kind.tail, stand)


def _run(run: Any, stand: _Stand) -> None:
    """Split a run at its marks; each piece in a w:ins or w:del by its stretch."""
    tail = run.tail
    run.tail = None
    r_pr = run.find(w("rPr"))
    stukken: list[tuple[str | None, Any]] = []  # (mode, child element), in order
    plekken: list[tuple[int, str]] = []  # (index in stukken, comment mark)
    veranderd = False
    for kind in list(run):
        if kind is r_pr:
            continue
        tekst = tekst_van(kind) if kind.tag == w("t") else None
        if tekst and MARKERINGEN.search(tekst):
            veranderd = True
            for deel in MARKERINGEN_SPLIT.split(tekst):
                if not deel:
                    continue
                if len(deel) == 1 and MARKERINGEN.fullmatch(deel):
                    code = ord(deel)
                    if code >= OPMERKING:
                        plekken.append((len(stukken), deel))
                    else:
                        stand.teken(deel)
                    continue
                t = _el("t")
                zet_tekst(t, deel)
                if deel != deel.strip():
                    t.set(XML_SPACE, "preserve")
                stukken.append((stand.modus, t))
        else:
            stukken.append((stand.modus, kind))
    if not veranderd and all(m is None for m, _ in stukken):
        run.tail = _tekst_tekens(tail, stand)
        return
    if not stukken:  # only marks: the (empty) run stays, as in a plain render
        t = _el("t")
        t.set(XML_SPACE, "preserve")
        stukken.append((None, t))
    ouder = run.getparent()
    plaats = ouder.index(run)
    ouder.remove(run)
    nieuw: list[Any] = []
    groepen = _groepen(stukken)
    opmerking_bij: dict[int, list[str]] = {}
    for index, teken in plekken:
        opmerking_bij.setdefault(index, []).append(teken)
    positie = 0
    for modus, kinderen in groepen:
        for teken in opmerking_bij.pop(positie, []):
            nieuw.append(("opm", teken))
        r = _el("r")
        if r_pr is not None:
            r.append(copy.deepcopy(r_pr))
        for kind in kinderen:
            r.append(kind)
        positie += len(kinderen)
        nieuw.append((modus, r))
    for index in sorted(opmerking_bij):
        for teken in opmerking_bij[index]:
            nieuw.append(("opm", teken))
    for modus, ding in nieuw:
        if modus == "opm":
            anker = _el("commentRangeStart")  # placeholder, filled in by _opmerkingen
            anker.set("voorstel-plek", "1")
            ouder.insert(plaats, anker)
            plaats += 1
            _markering(ding, stand, anker)
            continue
        if modus is None:
            ouder.insert(plaats, ding)
        else:
            houder = _el("ins" if modus == INS else "del")
            if modus == DEL:
                _als_verwijderd(ding)
            houder.append(ding)
            ouder.insert(plaats, houder)
        plaats += 1
    if tail:
        laatste = ouder[plaats - 1] if plaats > 0 else None
        rest = _tekst_tekens(tail, stand)
        if rest and laatste is not None:
            laatste.tail = rest


def _groepen(stukken: list[tuple[str | None, Any]]) -> list[tuple[str | None, list[Any]]]:
    uit: list[tuple[str | None, list[Any]]] = []
    for modus, kind in stukken:
        if uit and uit[-1][0] == modus:
            uit[-1][1].append(kind)
        else:
            uit.append((modus, [kind]))
    return uit


def _als_verwijderd(run: Any) -> None:
    for t in run.iter(w("t")):
        t.tag = w("delText")
    for t in run.iter(w("instrText")):
        t.tag = w("delInstrText")


def _markeer_alinea(p: Any, modus: str) -> None:
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
    if r_pr.find(w("ins")) is None and r_pr.find(w("del")) is None:
        r_pr.insert(0, _el("ins" if modus == INS else "del"))


def _markeer_rij(tr: Any, modus: str) -> None:
    tr_pr = tr.find(w("trPr"))
    if tr_pr is None:
        tr_pr = _el("trPr")
        plek = tr.find(w("tblPrEx"))
        if plek is None:
            tr.insert(0, tr_pr)
        else:
            plek.addnext(tr_pr)
    tr_pr.append(_el("ins" if modus == INS else "del"))


def _voeg_samen(p: Any) -> None:
    """Neighbouring w:ins (or w:del) in a paragraph as one: one change, one revision."""
    vorige = None
    for kind in list(p):
        if (
            vorige is not None
            and kind.tag == vorige.tag
            and kind.tag in (w("ins"), w("del"))
            and kind.get(w("id")) is None
            and vorige.get(w("id")) is None
        ):
            for r in list(kind):
                vorige.append(r)
            p.remove(kind)
            continue
        vorige = kind


def _alineamarkering(p: Any) -> Any:
    r_pr = p.find(f"{w('pPr')}/{w('rPr')}")
    if r_pr is None:
        return None
    return next((k for k in r_pr if k.tag in (w("ins"), w("del"))), None)


def _voor_tabellen(ouder: Any) -> None:
    """A paragraph inserted or deleted whole just before a table: its mark cannot join
    the table, so LibreOffice would leave an empty paragraph after accepting (or
    rejecting). The mark of the paragraph before the stretch of such paragraphs is marked
    instead: the same text either way, and nothing is left over."""
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
        _markeer_alinea(vorige, INS if markering.tag == w("ins") else DEL)


def _aan_het_eind(ouder: Any) -> None:
    """The last paragraph of a body, cell, header or footnote keeps its mark in Word and
    LibreOffice: one inserted or deleted whole there would leave an empty paragraph after
    rejecting (or accepting). So the last mark stays, and the version that lacks it ends
    one mark earlier instead: the mark before it that this version has becomes one only
    the other version has, or, if only this version had it, goes (its paragraph joins the
    next). Only when these paragraphs have the same properties, which the one paragraph
    left then has in both versions."""
    kinderen = [k for k in ouder if k.tag != w("sectPr")]
    if not kinderen or kinderen[-1].tag != w("p"):
        return
    laatste = kinderen[-1]
    markering = _alineamarkering(laatste)
    if markering is None:
        return
    reeks = [laatste]  # the paragraphs back to the one whose mark the other version has
    vorige = laatste.getprevious()
    while vorige is not None and vorige.tag == w("p"):
        reeks.insert(0, vorige)
        ander = _alineamarkering(vorige)
        if ander is None or ander.tag != markering.tag:
            break
        vorige = vorige.getprevious()
    else:
        return  # no paragraph before it that the other version ends with
    if len(reeks) < 2 or len({_eigenschappen(p) for p in reeks}) != 1:
        return
    eerste = reeks[0]
    ander = _alineamarkering(eerste)
    markering.getparent().remove(markering)
    if ander is None:  # in both versions: now only in the one that had the last mark
        _markeer_alinea(eerste, INS if markering.tag == w("ins") else DEL)
        return
    ander.getparent().remove(ander)  # in no version now: the paragraph joins the next
    volgende = eerste.getnext()
    plek = volgende.find(w("pPr"))
    for kind in [k for k in eerste if k.tag != w("pPr")]:
        if plek is None:
            volgende.insert(0, kind)
            plek = kind
        else:
            plek.addnext(kind)
            plek = kind
    ouder.remove(eerste)


def _eigenschappen(p: Any) -> bytes:
    """A paragraph's properties without the tracking of its mark."""
    p_pr = p.find(w("pPr"))
    if p_pr is None:
        return b""
    kopie = copy.deepcopy(p_pr)
    for r_pr in kopie.findall(w("rPr")):
        for teken in r_pr.findall(w("ins")) + r_pr.findall(w("del")):
            r_pr.remove(teken)
        if len(r_pr) == 0:
            kopie.remove(r_pr)
    if len(kopie) == 0 and not kopie.attrib:
        return b""
    return bytes(etree.tostring(kopie))


def nummer(roots: list[Any], rev: Revisie) -> int:
    """Give every w:ins and w:del its id, author and date, in order; how many there are."""
    volgende = EERSTE_ID
    for root in roots:
        for element in root.iter(w("ins"), w("del")):
            if element.get(w("id")) is not None:
                continue
            element.set(w("id"), str(volgende))
            element.set(w("author"), rev.auteur)
            element.set(w("date"), rev.datum_tekst)
            volgende += 1
    return volgende - EERSTE_ID


def opmerkingen(document: Any, stand: _Stand, rev: Revisie) -> None:
    """A comment on the first change each shared file caused: 'gewijzigd door <file>'."""
    for opmerking in stand.opmerkingen.values():
        begin = opmerking.begin
        eind = opmerking.eind
        if begin is None:
            continue
        notitie = document.comments.add_comment(
            text=f"gewijzigd door {opmerking.bestand}",
            author=rev.auteur,
            initials=_initialen(rev.auteur),
        )
        notitie._comment_elm.set(w("date"), rev.datum_tekst)
        id_ = str(notitie.comment_id)
        start = _el("commentRangeStart", id=id_)
        begin.addprevious(start)
        if eind is None:
            eind = begin
        einde = _el("commentRangeEnd", id=id_)
        eind.addprevious(einde)
        verwijzing = _el("r")
        verwijzing.append(_el("commentReference", id=id_))
        einde.addnext(verwijzing)


def weg_met_ankers(root: Any) -> None:
    for anker in list(_ankers(root)):
        anker.getparent().remove(anker)


def _ankers(root: Any) -> Iterator[Any]:
    for element in root.iter(w("commentRangeStart")):
        if element.get("voorstel-plek") is not None:
            yield element


def _initialen(auteur: str) -> str:
    return "".join(d[0] for d in auteur.split() if d)[:4].upper() or "V"


FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
KOPVOET_CT = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
)


def in_document(document: Any, rev: Revisie) -> int:
    """Turn the marks of a rendered document (python-docx Document) into revisions: its
    body, headers, footers and footnotes; the comments on what shared files caused. The
    number of w:ins and w:del."""
    roots = [document.element]
    blobs: list[tuple[Any, Any]] = []
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        deel = rel.target_part
        if deel.content_type in KOPVOET_CT:
            roots.append(deel.element)
        elif deel.content_type == FOOTNOTES_CT:
            root = etree.fromstring(deel.blob)
            blobs.append((deel, root))
            roots.append(root)
    if rev.alles_nieuw:  # the whole body inserted, as the old version has none of it
        body = document.element.body
        kinderen = [k for k in body if k.tag != w("sectPr")]
        if kinderen:
            zet_tekst(body, INS + (tekst_van(body) or ""))
            kinderen[-1].tail = (kinderen[-1].tail or "") + EIND
    stand: _Stand | None = None
    for root in roots:
        if heeft_markeringen(root):
            stand = verwerk(root, rev, stand)
    aantal = nummer(roots, rev)
    if stand is not None:
        opmerkingen(document, stand, rev)
    for root in roots:
        weg_met_ankers(root)
    for deel, root in blobs:
        deel._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return aantal
