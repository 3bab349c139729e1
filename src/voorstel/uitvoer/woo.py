"""Woo publication metadata: a DiWoo metadata file for every published document, and a
sitemap-style index of the publication folder, as DiWoo publications have.

The element names are those of the DiWoo metadata schema 0.9.8 (namespace
https://standaarden.overheid.nl/diwoo/metadata/); every value from a TOOI list (the
organisation, the informatiecategorie, the handeling, the language, the file type) is one
of the lists that ship with voorstel (blokken/tooi.py). A test validates the files against
the XSD (tests/schemas/diwoo-0.9.8).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from lxml import etree

from voorstel.blokken import tooi

DIWOO = "https://standaarden.overheid.nl/diwoo/metadata/"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
SUFFIX = ".diwoo.xml"
"""A document's metadata file: <document>.diwoo.xml beside it."""
INDEX = "sitemap.xml"
"""The index of the publication folder, at its top."""

VOORKEUR = (".pdf", ".html", ".docx", ".md")
"""Which file of a document is the published one, when several formats are made."""
BESTANDSTYPEN = {".pdf": "PDF", ".html": "HTML", ".docx": "DOCX"}
"""The file type of each (the TOOI list has no Markdown: an .md gets no diwoo:format)."""

INFORMATIECATEGORIE = {
    "raadsvoorstel": "c_db4862c3",  # vergaderstukken decentrale overheden (3.3 lid 2 c)
    "raadsbesluit": "c_db4862c3",
    "collegeoplegger": "c_3a248e3a",  # agenda's en besluitenlijsten bestuurscolleges (2 d)
    "collegevoorstel": "c_3a248e3a",
    "raadsinformatiebrief": "c_8c840238",  # bij vertegenwoordigende organen ingekomen stukken
    "memo": "c_816e508d",  # inspanningsverplichting art 3.1 Woo
    "inkoopstrategie": "c_816e508d",
}
"""The informatiecategorie of each soort (or stuk of a soort), by its TOOI code; voorstel.toml
([publicatie.informatiecategorie]) and a document (informatiecategorie:) may choose another."""
VASTSTELLING = "c_641ecd76"
ONDERTEKENING = "c_e1ec050e"
NEDERLANDS = "http://publications.europa.eu/resource/authority/language/NLD"


@dataclass(frozen=True)
class Kenmerken:
    """What the publication metadata and the zaaksysteem record need of one output
    document (the document, a gemeente's version, a stuk): plain values, picklable."""

    titel: str
    auteur: str
    onderwerp: str
    soort: str
    stuk: str
    datum: dt.date
    openbaarheid: str
    zaaknummer: str | None = None
    vastgesteld: dt.date | None = None
    """The date the raad adopted the besluit (a raadsbesluit that is no longer a draft)."""
    collegevergadering: dt.date | None = None
    informatiecategorie: str | None = None
    """The document's own choice (label, code or URI), instead of the soort's."""

    @property
    def handeling(self) -> tuple[str, dt.date]:
        """The handling that made it what it is, and when: the raad's or college's
        vaststelling where its date is known, else the ondertekening at its date."""
        if self.stuk == "raadsbesluit":
            if self.vastgesteld is not None:
                return VASTSTELLING, self.vastgesteld
            return ONDERTEKENING, self.datum  # an ontwerpbesluit: the proposal's date
        if self.collegevergadering is not None:
            return VASTSTELLING, self.collegevergadering
        return ONDERTEKENING, self.datum


def _datum(waarde: Any) -> dt.date | None:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    return waarde if isinstance(waarde, dt.date) else None


def kenmerken(context: Mapping[str, Any], stuk: str) -> Kenmerken:
    """The Kenmerken of one output, from its template context."""
    meta = context["meta"]
    kop = context.get("kopblok") or {}
    besluit = context.get("besluit") or {}
    college = context.get("college") or context.get("behandeling") or {}
    datum = _datum(meta["datum"])
    assert datum is not None
    zaaknummer = kop.get("zaaknummer")
    return Kenmerken(
        titel=str(meta["titel"]),
        auteur=str(meta["auteur"]),
        onderwerp=str(meta["onderwerp"]),
        soort=str(meta["soort"]),
        stuk=stuk if stuk != "document" else str(meta["soort"]),
        datum=datum,
        openbaarheid=str(kop.get("openbaarheid", "openbaar")),
        zaaknummer=None if zaaknummer is None else str(zaaknummer),
        vastgesteld=_datum(besluit.get("vastgesteld")) if isinstance(besluit, dict) else None,
        collegevergadering=_datum(college.get("collegevergadering"))
        if isinstance(college, dict)
        else None,
        informatiecategorie=context.get("informatiecategorie"),
    )


def informatiecategorie(
    kenmerken: Kenmerken, per_soort: Mapping[str, str] | None = None
) -> tooi.Waarde:
    """The document's informatiecategorie: its own, else the project's for its stuk or
    soort (voorstel.toml), else voorstel's for its stuk or soort."""
    eigen = per_soort or {}
    for keuze in (
        kenmerken.informatiecategorie,
        eigen.get(kenmerken.stuk),
        eigen.get(kenmerken.soort),
        INFORMATIECATEGORIE.get(kenmerken.stuk),
        INFORMATIECATEGORIE.get(kenmerken.soort),
        "c_816e508d",
    ):
        if keuze:
            gevonden = tooi.informatiecategorie(keuze)
            if gevonden is not None:
                return gevonden
    raise AssertionError("the informatiecategorie of art. 3.1 Woo is in the list")


def gepubliceerd(namen: Sequence[str]) -> str | None:
    """The file of a document that is published: PDF before HTML before Word before
    Markdown; None when there is none of those."""
    for suffix in VOORKEUR:
        for naam in namen:
            if naam.endswith(suffix):
                return naam
    return None


def _el(ouder: etree._Element, naam: str, tekst: str | None = None, **attributen: str) -> Any:
    element = etree.SubElement(ouder, f"{{{DIWOO}}}{naam}", attributen)
    if tekst is not None:
        element.text = tekst
    return element


def _tijd(datum: dt.date) -> str:
    return f"{datum.isoformat()}T00:00:00"


def document(
    kenmerken: Kenmerken,
    organisatie: tooi.Waarde,
    categorie: tooi.Waarde,
    bestandsnaam: str,
) -> etree._Element:
    """The diwoo:Document of one published file."""
    wortel = etree.Element(f"{{{DIWOO}}}Document", nsmap={"diwoo": DIWOO})
    diwoo = _el(wortel, "DiWoo")
    if kenmerken.zaaknummer:
        _el(_el(diwoo, "identifiers"), "identifier", kenmerken.zaaknummer)
    for rol in ("publisher", "verantwoordelijke", "opsteller"):
        _el(diwoo, rol, organisatie.label, resource=organisatie.uri)
    _el(_el(diwoo, "titelcollectie"), "officieleTitel", kenmerken.titel)
    if kenmerken.onderwerp and kenmerken.onderwerp not in kenmerken.titel:
        _el(_el(diwoo, "omschrijvingen"), "omschrijving", kenmerken.onderwerp)
    classificatie = _el(diwoo, "classificatiecollectie")
    _el(
        _el(classificatie, "informatiecategorieen"),
        "informatiecategorie",
        categorie.label,
        resource=categorie.uri,
    )
    _el(diwoo, "creatiedatum", kenmerken.datum.isoformat())
    taal = tooi.lijst("taal").zoek(NEDERLANDS)
    assert taal is not None
    _el(diwoo, "language", taal.label, resource=taal.uri)
    suffix = "." + bestandsnaam.rsplit(".", 1)[-1]
    if suffix in BESTANDSTYPEN:
        soort = tooi.lijst("bestandstype").zoek(BESTANDSTYPEN[suffix])
        assert soort is not None
        _el(diwoo, "format", soort.label, resource=soort.uri)
    code, datum = kenmerken.handeling
    handeling = tooi.lijst("documenthandeling").zoek(code)
    assert handeling is not None
    stap = _el(_el(diwoo, "documenthandelingen"), "documenthandeling")
    _el(stap, "soortHandeling", handeling.label, resource=handeling.uri)
    _el(stap, "atTime", _tijd(datum))
    _el(stap, "wasAssociatedWith", organisatie.label, resource=organisatie.uri)
    return wortel


def metadata(
    kenmerken: Kenmerken,
    organisatie: tooi.Waarde,
    categorie: tooi.Waarde,
    bestandsnaam: str,
) -> bytes:
    """The DiWoo metadata file of one published file."""
    wortel = document(kenmerken, organisatie, categorie, bestandsnaam)
    return bytes(etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True))


@dataclass(frozen=True)
class Vermelding:
    """One published file in the index: its path in the folder and its metadata file."""

    pad: str
    """Relative to the publication folder, with '/'."""
    metadata: bytes


def index(vermeldingen: Sequence[Vermelding], adres: str | None = None) -> bytes:
    """The sitemap of the publication folder: a url per published file, its address
    (`adres` before its path, or the path alone), the date of its last handling as
    lastmod, and its diwoo:Document."""
    nsmap = {None: SITEMAP, "diwoo": DIWOO}
    wortel = etree.Element(f"{{{SITEMAP}}}urlset", nsmap=nsmap)  # type: ignore[arg-type]
    basis = "" if not adres else adres.rstrip("/") + "/"
    for vermelding in sorted(vermeldingen, key=lambda v: v.pad):
        document = etree.fromstring(vermelding.metadata)
        url = etree.SubElement(wortel, f"{{{SITEMAP}}}url")
        etree.SubElement(url, f"{{{SITEMAP}}}loc").text = basis + quote(vermelding.pad)
        tijden = document.findall(f".//{{{DIWOO}}}atTime")
        if tijden:
            etree.SubElement(url, f"{{{SITEMAP}}}lastmod").text = max(
                (t.text or "")[:10] for t in tijden
            )
        url.append(document)
    etree.indent(wortel)
    return bytes(etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True))
