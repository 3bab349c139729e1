"""Huisstijl: the gemeente's own Word file as a reference document, as pandoc's reference-doc.

Its styles (matched by id, by name, and by their Dutch names in Dutch Word: "Kop 1" is
Heading 1), docDefaults, numbering definitions, theme and fonts, page setup, and headers
and footers with their images are applied to every generated Word document. The user's
file holds no Jinja: voorstel renders with its own templates, then dresses the result.
A style voorstel uses that the house file lacks stays voorstel's, with a warning naming it.
"""

from __future__ import annotations

import copy
import functools
import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from voorstel.kern.errors import HuisstijlFout
from voorstel.kern.vastezip import vaste_zip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
HOOFDDELEN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
ANDERE_OFFICE = {
    "xl/workbook.xml": "een Excel-bestand",
    "ppt/presentation.xml": "een PowerPoint-bestand",
}
MAX_GROOTTE = 50 * 1024 * 1024
"""Uncompressed bytes a house file may hold: a logo and styles, never more."""

NEDERLANDS = {
    "normal": "standaard",
    "title": "titel",
    "subtitle": "ondertitel",
    "caption": "bijschrift",
    "footnote text": "voetnoottekst",
    "footnote reference": "voetnootverwijzing",
    "table grid": "tabelraster",
    "list paragraph": "lijstalinea",
    "list number": "lijstnummering",
    "list bullet": "lijstopsommingsteken",
    "list number 2": "lijstnummering 2",
    "list bullet 2": "lijstopsommingsteken 2",
    "header": "koptekst",
    "footer": "voettekst",
    "toc heading": "kop van inhoudsopgave",
    "quote": "citaat",
    "strong": "zwaar",
    "emphasis": "nadruk",
    "hyperlink": "hyperlink",
    "no spacing": "geen afstand",
    **{f"heading {n}": f"kop {n}" for n in range(1, 10)},
    **{f"toc {n}": f"inhopg {n}" for n in range(1, 10)},
}
"""Word's built-in style names and what Dutch Word calls them (its w:name in a Dutch file)."""

PAGINA = ("pgSz", "pgMar", "pgNumType", "cols", "vAlign", "titlePg", "docGrid")
"""The page setup taken from the house file's section."""
SECTIE_VOLGORDE = (
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
)  # fmt: skip
"""The order of a w:sectPr's children in the schema."""
MEDIA = {
    "png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
    "bmp": "image/bmp", "emf": "image/x-emf", "wmf": "image/x-wmf", "svg": "image/svg+xml",
    "tif": "image/tiff", "tiff": "image/tiff",
}  # fmt: skip

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _w(naam: str) -> str:
    return f"{{{W}}}{naam}"


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, _PARSER)


def _bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels_pad(deel: str) -> str:
    map_, naam = posixpath.split(deel)
    return posixpath.join(map_, "_rels", naam + ".rels")


def _relaties(delen: dict[str, bytes], deel: str) -> list[tuple[str, str, str]]:
    """(id, type, target part) of every internal relationship of a part."""
    data = delen.get(_rels_pad(deel))
    if data is None:
        return []
    uit = []
    for rel in _xml(data).iter(f"{{{PR}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        doel = posixpath.normpath(posixpath.join(posixpath.dirname(deel), rel.get("Target", "")))
        uit.append((rel.get("Id", ""), rel.get("Type", ""), doel.lstrip("/")))
    return uit


def _deel_van_type(delen: dict[str, bytes], deel: str, soort: str) -> str | None:
    return next((doel for _, t, doel in _relaties(delen, deel) if t == RT + soort), None)


def _hoofddeel(delen: dict[str, bytes], pad: Path) -> str:
    """The main document part of a Word package (.docx, .dotx, .docm, .dotm)."""
    for teken, wat in ANDERE_OFFICE.items():
        if teken in delen:
            raise HuisstijlFout(f"dit is {wat}, geen Word-bestand; {_WAT_TE_DOEN}", path=pad)
    try:
        types = _xml(delen["[Content_Types].xml"])
    except (KeyError, etree.XMLSyntaxError):
        raise HuisstijlFout(f"het Word-bestand is beschadigd; {_WAT_TE_DOEN}", path=pad) from None
    for override in types.iter(f"{{{CT}}}Override"):
        if override.get("ContentType") in HOOFDDELEN:
            deel = override.get("PartName", "").lstrip("/")
            if deel in delen:
                return deel
    raise HuisstijlFout(f"er staat geen Word-document in; {_WAT_TE_DOEN}", path=pad)


_WAT_TE_DOEN = (
    "geef het Word-bestand (.docx of .dotx) van de huisstijl, opgeslagen in Word als "
    "'Word-document' of 'Word-sjabloon'"
)


@dataclass(frozen=True)
class Huisstijl:
    """A gemeente's Word file, read and checked once, to dress every generated document."""

    pad: Path
    delen: dict[str, bytes] = field(repr=False)
    hoofddeel: str

    @classmethod
    def lees(cls, pad: Path) -> Huisstijl:
        """Read and check the house file; a Dutch HuisstijlFout if it is not a usable one."""
        try:
            gegevens = pad.stat()
        except OSError:
            raise HuisstijlFout(
                "het huisstijlbestand bestaat niet; controleer het pad (in --huisstijl of in "
                "voorstel.toml)",
                path=pad,
            ) from None
        return _lees(pad, pad.resolve(), gegevens.st_size, gegevens.st_mtime_ns)

    def pas_toe(self, docx: bytes, markering: bool = False) -> tuple[bytes, list[str]]:
        """The document in this house style, and a warning for each style it lacks.

        `markering`: the document is not public; its own marking (VERTROUWELIJK) stays at
        the top of the house header."""
        with zipfile.ZipFile(io.BytesIO(docx)) as archief:
            uit = {naam: archief.read(naam) for naam in archief.namelist()}
        toepassing = _Toepassing(self, uit)
        waarschuwingen = toepassing.stijlen()
        toepassing.thema()
        toepassing.pagina(markering)
        return vaste_zip(toepassing.uit), waarschuwingen


@functools.lru_cache(maxsize=8)
def _lees(pad: Path, echt: Path, grootte: int, mtime: int) -> Huisstijl:
    try:
        with zipfile.ZipFile(echt) as archief:
            if sum(i.file_size for i in archief.infolist()) > MAX_GROOTTE:
                raise HuisstijlFout(
                    f"het huisstijlbestand is uitgepakt groter dan {MAX_GROOTTE // 2**20} MB; "
                    "een huisstijl bevat stijlen en een logo, niet meer",
                    path=pad,
                )
            delen = {naam: archief.read(naam) for naam in archief.namelist()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError):
        raise HuisstijlFout(
            f"dit is geen Word-bestand (.docx of .dotx): het is geen zip-pakket (een oud "
            f".doc-bestand? sla het in Word op als .docx of .dotx); {_WAT_TE_DOEN}",
            path=pad,
        ) from None
    except OSError as exc:
        raise HuisstijlFout(
            f"kan het huisstijlbestand niet lezen: {exc.strerror}", path=pad
        ) from None
    hoofddeel = _hoofddeel(delen, pad)
    for deel in (hoofddeel, _deel_van_type(delen, hoofddeel, "styles")):
        if deel is None or deel not in delen:
            raise HuisstijlFout(f"het Word-bestand heeft geen stijlen; {_WAT_TE_DOEN}", path=pad)
        try:
            _xml(delen[deel])
        except etree.XMLSyntaxError:
            raise HuisstijlFout(
                f"het Word-bestand is beschadigd ({deel} is geen geldige XML); open het in "
                "Word en sla het opnieuw op",
                path=pad,
            ) from None
    return Huisstijl(pad, delen, hoofddeel)


class _Toepassing:
    """One document being dressed in a house style: the parts of both packages."""

    def __init__(self, huisstijl: Huisstijl, uit: dict[str, bytes]) -> None:
        self.h = huisstijl
        self.ref = huisstijl.delen
        self.uit = uit
        self.hoofd = _hoofddeel(uit, huisstijl.pad)
        self.types = _xml(uit["[Content_Types].xml"])
        self.rels = _xml(uit[_rels_pad(self.hoofd)])
        self.document = _xml(uit[self.hoofd])
        self.inhoud = [self.hoofd] + [
            doel
            for _, t, doel in _relaties(uit, self.hoofd)
            if t in (RT + "footnotes", RT + "endnotes", RT + "header", RT + "footer")
        ]

    def _schrijf(self) -> None:
        self.uit[self.hoofd] = _bytes(self.document)
        self.uit[_rels_pad(self.hoofd)] = _bytes(self.rels)
        self.uit["[Content_Types].xml"] = _bytes(self.types)

    # -- styles and numbering ------------------------------------------------------------

    def stijlen(self) -> list[str]:
        ref_deel = _deel_van_type(self.ref, self.h.hoofddeel, "styles")
        eigen_deel = _deel_van_type(self.uit, self.hoofd, "styles")
        assert ref_deel is not None and eigen_deel is not None
        stijlen = _xml(self.ref[ref_deel])
        eigen = _xml(self.uit[eigen_deel])
        nummers = self._nummering(stijlen)
        eigen_per_id = {s.get(_w("styleId")): s for s in eigen.iter(_w("style"))}
        ref_per_id = {s.get(_w("styleId")): s for s in stijlen.iter(_w("style"))}
        ref_per_naam = {_naam(s).lower(): s.get(_w("styleId")) for s in stijlen.iter(_w("style"))}
        naar: dict[str, str] = {}
        waarschuwingen = []
        for stijl_id in sorted(self._gebruikt(eigen_per_id)):
            stijl = eigen_per_id[stijl_id]
            naam = _naam(stijl)
            gevonden = (
                stijl_id
                if stijl_id in ref_per_id
                else ref_per_naam.get(naam.lower())
                or ref_per_naam.get(NEDERLANDS.get(naam.lower(), ""))
            )
            if gevonden is not None:
                if gevonden != stijl_id:
                    naar[stijl_id] = gevonden
                continue
            stijlen.append(copy.deepcopy(stijl))
            nederlands = NEDERLANDS.get(naam.lower())
            ook = f" ({nederlands.capitalize()})" if nederlands else ""
            waarschuwingen.append(
                f"de stijl '{naam}'{ook} staat niet in de huisstijl; voorstel "
                "gebruikt daarvoor zijn eigen stijl (voeg de stijl toe aan de huisstijl om hem "
                "zelf te bepalen)"
            )
        for element in stijlen.iter(_w("basedOn"), _w("next"), _w("link")):
            if element.get(_w("val")) in naar:
                element.set(_w("val"), naar[element.get(_w("val"), "")])
        for num_id in stijlen.iter(_w("numId")):
            if num_id.get(_w("val")) in nummers:
                num_id.set(_w("val"), nummers[num_id.get(_w("val"), "")])
        self.uit[eigen_deel] = _bytes(stijlen)
        self._verwijs_om(naar)
        return waarschuwingen

    def _gebruikt(self, eigen: dict[str | None, etree._Element]) -> set[str]:
        """The style ids the document's content uses, with the styles they are based on."""
        gebruikt: set[str] = set()
        for deel in self.inhoud:
            if deel not in self.uit:
                continue
            for tag in ("pStyle", "rStyle", "tblStyle"):
                gebruikt.update(e.get(_w("val"), "") for e in _xml(self.uit[deel]).iter(_w(tag)))
        te_doen = list(gebruikt)
        while te_doen:
            stijl = eigen.get(te_doen.pop())
            basis = stijl.find(_w("basedOn")) if stijl is not None else None
            if basis is not None and basis.get(_w("val")) not in gebruikt:
                gebruikt.add(basis.get(_w("val"), ""))
                te_doen.append(basis.get(_w("val"), ""))
        return {s for s in gebruikt if s in eigen}

    def _verwijs_om(self, naar: dict[str, str]) -> None:
        """Point the content at the house style's ids of the styles it has under another id."""
        if not naar:
            return
        for deel in self.inhoud:
            if deel not in self.uit:
                continue
            xml = self.document if deel == self.hoofd else _xml(self.uit[deel])
            for tag in ("pStyle", "rStyle", "tblStyle"):
                for element in xml.iter(_w(tag)):
                    if element.get(_w("val")) in naar:
                        element.set(_w("val"), naar[element.get(_w("val"), "")])
            self.uit[deel] = _bytes(xml)

    def _nummering(self, stijlen: etree._Element) -> dict[str, str]:
        """Add the house file's numbering definitions to the document's, under new ids;
        the new id of each house numId (its styles are pointed at them)."""
        ref_deel = _deel_van_type(self.ref, self.h.hoofddeel, "numbering")
        eigen_deel = _deel_van_type(self.uit, self.hoofd, "numbering")
        if ref_deel is None or ref_deel not in self.ref or eigen_deel is None:
            return {}
        ref, eigen = _xml(self.ref[ref_deel]), _xml(self.uit[eigen_deel])
        abstract = 1 + max(
            (int(a.get(_w("abstractNumId"), 0)) for a in eigen.iter(_w("abstractNum"))), default=-1
        )
        num = 1 + max((int(n.get(_w("numId"), 0)) for n in eigen.iter(_w("num"))), default=0)
        abstracten: dict[str, str] = {}
        eerste_num = eigen.find(_w("num"))
        for a in ref.findall(_w("abstractNum")):
            nieuw = copy.deepcopy(a)
            abstracten[a.get(_w("abstractNumId"), "")] = str(abstract)
            nieuw.set(_w("abstractNumId"), str(abstract))
            abstract += 1
            if eerste_num is not None:
                eerste_num.addprevious(nieuw)
            else:
                eigen.append(nieuw)
        nummers: dict[str, str] = {}
        for n in ref.findall(_w("num")):
            nieuw = copy.deepcopy(n)
            nummers[n.get(_w("numId"), "")] = str(num)
            nieuw.set(_w("numId"), str(num))
            num += 1
            verwijzing = nieuw.find(_w("abstractNumId"))
            if verwijzing is not None and verwijzing.get(_w("val")) in abstracten:
                verwijzing.set(_w("val"), abstracten[verwijzing.get(_w("val"), "")])
            eigen.append(nieuw)
        self.uit[eigen_deel] = _bytes(eigen)
        return nummers

    # -- theme and fonts -----------------------------------------------------------------

    def thema(self) -> None:
        for soort in ("theme", "fontTable"):
            ref = _deel_van_type(self.ref, self.h.hoofddeel, soort)
            eigen = _deel_van_type(self.uit, self.hoofd, soort)
            if ref is not None and ref in self.ref and eigen is not None:
                self.uit[eigen] = self.ref[ref]

    # -- page setup, headers and footers -------------------------------------------------

    def pagina(self, markering: bool) -> None:
        ref_sectie = _xml(self.ref[self.h.hoofddeel]).find(f"{_w('body')}/{_w('sectPr')}")
        body = self.document.find(_w("body"))
        sectie = body.find(_w("sectPr")) if body is not None else None
        if ref_sectie is None or sectie is None:
            self._schrijf()
            return
        nieuw: dict[str, list[etree._Element]] = {}
        for kind in sectie:
            nieuw.setdefault(etree.QName(kind).localname, []).append(kind)
        for naam in PAGINA:
            gevonden = ref_sectie.findall(_w(naam))
            if gevonden or naam == "titlePg":
                nieuw[naam] = [copy.deepcopy(e) for e in gevonden]
        for soort in ("header", "footer"):
            verwijzingen = ref_sectie.findall(_w(f"{soort}Reference"))
            if verwijzingen:
                eigen = nieuw.get(f"{soort}Reference", [])
                nieuw[f"{soort}Reference"] = [
                    self._kopieer_kop(v, soort, eigen, markering) for v in verwijzingen
                ]
                for oud in eigen:
                    self._verwijder_deel(oud.get(f"{{{R}}}id", ""))
        for kind in list(sectie):
            sectie.remove(kind)
        for naam in SECTIE_VOLGORDE:
            for element in nieuw.get(naam, []):
                sectie.append(element)
        self._schrijf()

    def _kopieer_kop(
        self, verwijzing: etree._Element, soort: str, eigen: list[etree._Element], markering: bool
    ) -> etree._Element:
        """Copy one house header or footer (and its images) into the document."""
        rels = {i: doel for i, _, doel in _relaties(self.ref, self.h.hoofddeel)}
        bron = rels[verwijzing.get(f"{{{R}}}id", "")]
        soort_attr = verwijzing.get(_w("type"), "default")
        doel = f"word/huisstijl-{soort}-{soort_attr}.xml"
        xml = _xml(self.ref[bron])
        if markering and soort == "header":
            self._markering(xml, eigen, soort_attr)
        part_rels = etree.fromstring(f'<Relationships xmlns="{PR}"/>'.encode())
        intern = {i: d for i, _, d in _relaties(self.ref, bron)}
        bestaand = self.ref.get(_rels_pad(bron))
        for rel in _xml(bestaand).iter(f"{{{PR}}}Relationship") if bestaand else ():
            kopie = copy.deepcopy(rel)
            if rel.get("TargetMode") != "External":
                rel_doel = intern.get(rel.get("Id", ""))
                if rel_doel is None or rel_doel not in self.ref:
                    continue
                media = f"word/media/huisstijl-{posixpath.basename(rel_doel)}"
                self.uit[media] = self.ref[rel_doel]
                self._standaardtype(media)
                kopie.set("Target", posixpath.relpath(media, "word"))
            part_rels.append(kopie)
        self.uit[doel] = _bytes(xml)
        self.uit[_rels_pad(doel)] = _bytes(part_rels)
        etree.SubElement(
            self.types,
            f"{{{CT}}}Override",
            PartName=f"/{doel}",
            ContentType=f"application/vnd.openxmlformats-officedocument.wordprocessingml.{soort}+xml",
        )
        rel_id = f"rIdHuisstijl{soort.capitalize()}{soort_attr.capitalize()}"
        etree.SubElement(
            self.rels,
            f"{{{PR}}}Relationship",
            Id=rel_id,
            Type=RT + soort,
            Target=posixpath.relpath(doel, "word"),
        )
        nieuw = copy.deepcopy(verwijzing)
        nieuw.set(f"{{{R}}}id", rel_id)
        return nieuw

    def _markering(self, kop: etree._Element, eigen: list[etree._Element], soort: str) -> None:
        """Put the document's own marking (VERTROUWELIJK, GEHEIM) at the top of the house
        header, so a document that is not public still says so on every page."""
        rels = {i: doel for i, _, doel in _relaties(self.uit, self.hoofd)}
        for verwijzing in eigen:
            if verwijzing.get(_w("type"), "default") not in (soort, "default"):
                continue
            deel = rels.get(verwijzing.get(f"{{{R}}}id", ""))
            if deel is None or deel not in self.uit:
                continue
            alineas = [
                p
                for p in _xml(self.uit[deel]).iter(_w("p"))
                if "".join(str(s) for s in p.itertext()).strip()
            ]
            for alinea in reversed(alineas):
                kop.insert(0, copy.deepcopy(alinea))
            return

    def _verwijder_deel(self, rel_id: str) -> None:
        """Drop one of the document's own headers or footers that the house style replaced."""
        for rel in list(self.rels):
            if rel.get("Id") != rel_id:
                continue
            deel = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
            self.rels.remove(rel)
            self.uit.pop(deel, None)
            self.uit.pop(_rels_pad(deel), None)
            for override in list(self.types):
                if override.get("PartName") == f"/{deel}":
                    self.types.remove(override)

    def _standaardtype(self, deel: str) -> None:
        extensie = deel.rsplit(".", 1)[-1].lower()
        bestaand = {d.get("Extension", "").lower() for d in self.types.iter(f"{{{CT}}}Default")}
        if extensie not in bestaand and extensie in MEDIA:
            default = etree.Element(
                f"{{{CT}}}Default", Extension=extensie, ContentType=MEDIA[extensie]
            )
            self.types.insert(0, default)


def _naam(stijl: etree._Element) -> str:
    naam = stijl.find(_w("name"))
    waarde = naam.get(_w("val")) if naam is not None else None
    return waarde or stijl.get(_w("styleId")) or ""


def _tekst(element: etree._Element) -> str:
    return "".join(str(s) for s in element.itertext())
