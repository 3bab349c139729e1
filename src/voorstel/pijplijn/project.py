"""The project file, voorstel.toml: the defaults a project would otherwise type on every call,
and the gemeente's own rules for its documents (the fields of the kop, required sections).

Read with tomllib (standard library, read-only). Every key is known; an unknown one is an
error at its line with a suggestion, like an unknown field in a document. Paths are
relative to the folder of voorstel.toml. The build settings come from the voorstel.toml of
the current folder (or above it); the rules for a document from the one of its own folder
(or above it), so a gemeente's folder may have its own.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from voorstel.blokken import tooi
from voorstel.kern import lakken
from voorstel.kern.errors import Probleem, ValidatieFout, VoorstelError
from voorstel.kern.formaten import FORMATEN

if TYPE_CHECKING:
    from voorstel.soorten.soort import Register
from voorstel.kern.lakken import PERSOONSGEGEVENS

PROJECTBESTAND = "voorstel.toml"

INSTELLINGEN: dict[str, dict[str, type]] = {
    "organisatie": {"naam": str, "gemeente": str, "tooi": str, "cbs": str, "rsin": str},
    "bouwen": {
        "data": str,
        "uitvoer": str,
        "formaten": list,
        "huisstijl": str,
        "sjablonen": list,
        "pdfa": bool,
        "pdfua": bool,
        "zgw": bool,
    },
    "lakken": dict.fromkeys(PERSOONSGEGEVENS, str),
    "publicatie": {"adres": str, "informatiecategorie": dict},
    "zaaksysteem": {"informatieobjecttype": dict, "vertrouwelijkheid": dict},
}
"""Every table and key the project file may hold, with the type of its value."""

OPENBAARHEDEN = ("openbaar", "vertrouwelijk", "geheim")
AANDUIDINGEN = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)
"""Every vertrouwelijkheidaanduiding of the ZGW Documenten API."""

UITLEG = {
    "organisatie.naam": "de naam van de organisatie, bijvoorbeeld 'Gemeente Oosterhout'",
    "organisatie.gemeente": "de naam van de gemeente",
    "organisatie.tooi": "de TOOI-code van de organisatie, bijvoorbeeld 'gm0826'",
    "organisatie.cbs": "de CBS-gemeentecode van vier cijfers, bijvoorbeeld '0826'",
    "organisatie.rsin": "het RSIN van de organisatie (negen cijfers), voor het zaaksysteem",
    "bouwen.data": "de map met de documenten",
    "bouwen.uitvoer": "de uitvoermap",
    "bouwen.formaten": 'een lijst van formaten, zoals ["docx", "md"]',
    "bouwen.huisstijl": "het pad naar het Word-bestand (.docx of .dotx) van de huisstijl",
    "bouwen.sjablonen": "een lijst van mappen met eigen sjablonen",
    "bouwen.pdfa": "of de PDF een PDF/A-2 wordt, voor archivering (true of false)",
    "bouwen.pdfua": "of de PDF ook een PDF/UA-1 (toegankelijk) wordt (true of false)",
    "bouwen.zgw": "of naast elk bestand een record voor het zaaksysteem komt (true of false)",
    "publicatie.adres": "het webadres waaronder de publicatiemap staat, bijvoorbeeld "
    "'https://www.gemeente.nl/woo/'",
    "publicatie.informatiecategorie": "een tabel met per soort de informatiecategorie, "
    'bijvoorbeeld [publicatie.informatiecategorie] met memo = "adviezen"',
    "zaaksysteem.informatieobjecttype": "een tabel met per soort de URL van het "
    "informatieobjecttype in de Catalogi API, bijvoorbeeld [zaaksysteem.informatieobjecttype] "
    'met raadsvoorstel = "https://catalogi.gemeente.nl/api/v1/informatieobjecttypen/..."',
    "zaaksysteem.vertrouwelijkheid": "een tabel met per openbaarheid de "
    'vertrouwelijkheidaanduiding, bijvoorbeeld vertrouwelijk = "confidentieel"',
    **{
        f"lakken.{soort}": f"de Woo-grond waarop {soort} bij --publicatie gelakt wordt, "
        "bijvoorbeeld '5.1.2e'; of false: niet lakken"
        for soort in PERSOONSGEGEVENS
    },
}
_NIET_LAKKEN = "; of false: niet lakken"
TABELUITLEG = {
    "organisatie": "de organisatie: haar naam en die van de gemeente, voor de documenten",
    "bouwen": "de standaardinstellingen van 'voorstel build'; een optie op de opdrachtregel "
    "gaat voor",
    "kop": "eigen velden in de kop en verplichte secties, per documentsoort",
    "kop.<soort>": "de eigen regels van de gemeente voor documenten van de soort <soort>",
    "kop.<soort>.velden": "de velden die de gemeente aan de kop toevoegt, elk als "
    "[[kop.<soort>.velden]] met naam en label; ze staan na de vaste velden, in deze volgorde",
    "kop.<soort>.verplichte_secties": "de secties die elk document van deze soort moet hebben, "
    "zoals ze in het YAML-bestand heten",
    "publicatie": "wat de Woo-metadata van een publicatie nodig heeft: het webadres en de "
    "informatiecategorie per soort",
    "publicatie.informatiecategorie": "per soort of stuk de Woo-informatiecategorie, in plaats "
    "van die van voorstel",
    "zaaksysteem": "wat de records voor het zaaksysteem (--zgw) nodig hebben",
    "zaaksysteem.informatieobjecttype": "per soort of stuk de URL van het "
    "informatieobjecttype in de Catalogi API",
    "zaaksysteem.vertrouwelijkheid": "per openbaarheid de vertrouwelijkheidaanduiding, in "
    "plaats van die van voorstel",
    "lakken": "per soort persoonsgegeven (contactpersoon, email, telefoon, auteur) de "
    "Woo-grond waarop het bij --publicatie gelakt wordt, of false: niet lakken",
}
"""What each table of the project file is for (the JSON Schema's descriptions)."""
_TYPENAAM = {
    str: "tekst tussen aanhalingstekens",
    list: "een lijst",
    bool: "true of false",
    dict: "een tabel",
}

KOPVELD: dict[str, type] = {"naam": str, "label": str, "verplicht": bool, "waarden": list}
"""The keys of a field the gemeente declares for the kop ([[kop.<soort>.velden]])."""
KOPVELD_UITLEG = {
    "naam": "de naam van het veld in het YAML-bestand, bijvoorbeeld 'bevoegdheid'",
    "label": "de naam van het veld in het document, bijvoorbeeld 'Soort bevoegdheid'",
    "verplicht": "true of false: moet elk document het veld invullen",
    "waarden": 'de toegestane waarden, bijvoorbeeld ["ja", "nee"]',
}
VELDNAAM = re.compile(r"[a-z][a-z0-9_]*")
GERESERVEERD = frozenset({"velden"})
"""Names a declared kop field may not have: the kop's own key for them in the templates."""

Plaats = tuple[str | int, ...]
"""A place in the project file: table names, keys, and the index of an array of tables."""


@dataclass(frozen=True)
class Kopveld:
    """A field the gemeente adds to the kop of a soort: its name in the YAML, its label in
    the document, whether every document fills it in, the values it may have (any if none)."""

    naam: str
    label: str
    verplicht: bool = False
    waarden: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kop:
    """The gemeente's rules for one soort: the extra fields of its kop, in the order they
    are shown, and the sections every document of the soort must have."""

    velden: tuple[Kopveld, ...] = ()
    verplichte_secties: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisatie:
    naam: str | None = None
    gemeente: str | None = None
    tooi: str | None = None
    cbs: str | None = None
    rsin: str | None = None


@dataclass(frozen=True)
class Project:
    """A project's settings; without voorstel.toml, the defaults of the current folder."""

    map: Path
    bestand: Path | None = None
    organisatie: Organisatie = field(default_factory=Organisatie)
    data: Path | None = None
    uitvoer: Path | None = None
    formaten: tuple[str, ...] | None = None
    huisstijl: Path | None = None
    sjablonen: tuple[Path, ...] = ()
    pdfa: bool = False
    pdfua: bool = False
    zgw: bool = False
    kop: dict[str, Kop] = field(default_factory=dict)
    """The gemeente's kop fields and required sections, per soort."""
    lakken: dict[str, str | Literal[False]] = field(default_factory=dict)
    """The Woo ground per kind of personal data ([lakken]), or false: not redacted (a team's
    name, the general phone number); 5.1.2e for a kind not named."""

    def lakgrond(self, soort: str) -> str | None:
        """The ground on which a field holding personal data of kind `soort` is redacted;
        None when the project says it is not."""
        return self.lakken.get(soort, lakken.STANDAARDGROND) or None

    adres: str | None = None
    """The web address of the publication folder ([publicatie] adres), for its index."""
    informatiecategorieen: dict[str, str] = field(default_factory=dict)
    """The Woo informatiecategorie per soort or stuk, instead of voorstel's."""
    informatieobjecttypen: dict[str, str] = field(default_factory=dict)
    """The URL of the informatieobjecttype in the Catalogi API, per soort or stuk."""
    vertrouwelijkheid: dict[str, str] = field(default_factory=dict)
    """The vertrouwelijkheidaanduiding per openbaarheid, instead of voorstel's."""

    @classmethod
    def zoek(cls, start: Path) -> Project:
        """The project of `start`: the nearest voorstel.toml in it or a folder above it."""
        start = start.resolve()
        for folder in (start, *start.parents):
            bestand = folder / PROJECTBESTAND
            if bestand.is_file():
                return lees(_kort(bestand))
        return cls(start)


def van_document(document: Path) -> Project | None:
    """The project whose rules a document follows: the nearest voorstel.toml in the
    document's folder or a folder above it; None without one. Read once per version of
    the file."""
    start = document.resolve().parent
    for folder in (start, *start.parents):
        bestand = folder / PROJECTBESTAND
        try:
            stat = bestand.stat()
        except OSError:
            continue
        if bestand.is_file():
            return _gelezen(_kort(bestand), stat.st_mtime_ns, stat.st_size, os.getcwd())
    return None


@functools.lru_cache(maxsize=16)
def _gelezen(bestand: Path, mtime: int, grootte: int, cwd: str) -> Project:
    """`lees`, cached by the file's version (and the folder its path is relative to)."""
    del mtime, grootte, cwd
    return lees(bestand)


def _kort(pad: Path) -> Path:
    """A path as the user sees it: relative to the current folder when it lies below it."""
    try:
        return pad.relative_to(Path.cwd().resolve())
    except ValueError:
        return pad


def _regels(tekst: str) -> dict[Plaats, int]:
    """The line of every table header and key (tomllib keeps no positions); the n-th
    [[a.b]] of an array of tables is (a, b, n)."""
    regels: dict[Plaats, int] = {}
    tabel: Plaats = ()
    tellers: dict[Plaats, int] = {}
    for nummer, regel in enumerate(tekst.splitlines(), 1):
        reeks = re.match(r"\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(#.*)?$", regel)
        if reeks:
            pad: Plaats = tuple(d.strip().strip("\"'") for d in reeks.group(1).split("."))
            tellers[pad] = tellers.get(pad, -1) + 1
            tabel = (*pad, tellers[pad])
            regels.setdefault(pad, nummer)
            regels.setdefault(tabel, nummer)
            continue
        kop = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$", regel)
        if kop:
            tabel = tuple(d.strip().strip("\"'") for d in kop.group(1).split("."))
            regels.setdefault(tabel, nummer)
            continue
        sleutel = re.match(r"\s*([A-Za-z0-9_\-\"'.]+?)\s*=", regel)
        if sleutel:
            delen = tuple(d.strip().strip("\"'") for d in sleutel.group(1).split("."))
            regels.setdefault((*tabel, *delen), nummer)
    return regels


def _voorstel(naam: str, kandidaten: list[str]) -> str:
    bijna = difflib.get_close_matches(naam, kandidaten, n=1)
    if bijna:
        return f"bedoelde u '{bijna[0]}'?"
    return "kies uit " + ", ".join(kandidaten)


def _naam(plaats: Plaats) -> str:
    """A place as the user reads it: kop.raadsvoorstel.velden[0].naam."""
    tekst = ""
    for deel in plaats:
        tekst += f"[{deel}]" if isinstance(deel, int) else (f".{deel}" if tekst else deel)
    return tekst


def _controleer(pad: str, data: dict[str, Any], regels: dict[Plaats, int]) -> Iterator[Probleem]:
    def probleem(plaats: Plaats, bericht: str) -> Probleem:
        regel = next(
            (regels[plaats[:n]] for n in range(len(plaats), 0, -1) if plaats[:n] in regels), None
        )
        return Probleem(pad, regel, _naam(plaats), bericht)

    for tabel, waarde in data.items():
        if tabel == "kop":
            for plaats, bericht in _controleer_kop(waarde):
                yield probleem(plaats, bericht)
            continue
        if tabel not in INSTELLINGEN:
            yield probleem(
                (tabel,),
                f"onbekend onderdeel '{tabel}'; " + _voorstel(tabel, [*INSTELLINGEN, "kop"]),
            )
            continue
        if not isinstance(waarde, dict):
            yield probleem(
                (tabel,), f"'{tabel}' is een tabel: schrijf [{tabel}] met de instellingen eronder"
            )
            continue
        velden = INSTELLINGEN[tabel]
        for sleutel, inhoud in waarde.items():
            plaats = (tabel, sleutel)
            if sleutel not in velden:
                yield probleem(
                    plaats, f"onbekende instelling '{sleutel}'; " + _voorstel(sleutel, list(velden))
                )
            elif tabel == "lakken":  # a ground, or false: not redacted
                if inhoud is not False and not (
                    isinstance(inhoud, str) and inhoud in lakken.gronden()
                ):
                    yield probleem(plaats, lakken.onbekende_grond(str(inhoud)) + _NIET_LAKKEN)
            elif not isinstance(inhoud, velden[sleutel]):
                soort = velden[sleutel]
                yield probleem(
                    plaats,
                    f"verwacht {_TYPENAAM.get(soort, str(soort))}: {UITLEG[f'{tabel}.{sleutel}']}",
                )
            elif sleutel == "formaten":
                fout = [f for f in cast(list[Any], inhoud) if f not in FORMATEN]
                keuze = ", ".join(FORMATEN)
                if fout:
                    namen = ", ".join(map(repr, fout))
                    yield probleem(plaats, f"onbekend formaat {namen}; kies uit {keuze}")
                elif not inhoud:
                    yield probleem(plaats, f"geef minstens één formaat: {keuze}")
            elif sleutel == "sjablonen" and not all(
                isinstance(s, str) for s in cast(list[Any], inhoud)
            ):
                yield probleem(plaats, "verwacht een lijst van mappen, elk tussen aanhalingstekens")
            else:
                for deel, bericht in _controleer_waarde(tabel, sleutel, inhoud):
                    yield probleem((*plaats, *deel), bericht)


def _register() -> Register:
    """The soorten, built only when a setting needs them (a build that changes nothing and
    reads a voorstel.toml without tables per soort never loads their models)."""
    from voorstel.soorten import REGISTER

    return REGISTER


def stuknamen() -> list[str]:
    """The soorten and the names of their further stukken (raadsbesluit): what a table
    per soort in [publicatie] and [zaaksysteem] may name."""
    namen = list(_register().namen())
    for soort in _register():
        namen += [s.naam for s in soort.stukken if s.achtervoegsel and s.naam not in namen]
    return namen


def _controleer_waarde(tabel: str, sleutel: str, inhoud: Any) -> Iterator[tuple[Plaats, str]]:
    """The values that must be known: a TOOI code, an RSIN, the tables per soort."""
    plaats = f"{tabel}.{sleutel}"
    if plaats == "organisatie.tooi" and tooi.organisatie(inhoud) is None:
        yield (
            (),
            (
                f"'{inhoud}' staat in geen TOOI-waardelijst van organisaties; geef de code, zoals "
                "'gm0826' (gemeente: gm en de CBS-code), 'pv26' of 'so0507', of de hele URI "
                "(https://identifier.overheid.nl/tooi/id/gemeente/gm0826)"
            ),
        )
    elif plaats == "organisatie.rsin" and (reden := rsin_fout(inhoud)) is not None:
        yield (), f"'{inhoud}': {reden}"
    elif plaats in ("publicatie.informatiecategorie", "zaaksysteem.informatieobjecttype"):
        namen = stuknamen()
        for naam, waarde in cast(dict[str, Any], inhoud).items():
            if naam not in namen:
                yield (naam,), f"onbekende soort '{naam}'; " + _voorstel(naam, namen)
            elif not isinstance(waarde, str):
                yield (naam,), "verwacht tekst tussen aanhalingstekens"
            elif tabel == "publicatie" and tooi.informatiecategorie(waarde) is None:
                keuze = "; ".join(w.label for w in tooi.lijst("informatiecategorie").waarden)
                yield (
                    (naam,),
                    (
                        f"onbekende informatiecategorie '{waarde}'; kies uit de "
                        f"informatiecategorieën van de Woo "
                        f"({tooi.uitleg('informatiecategorie')}): {keuze}"
                    ),
                )
            elif tabel == "zaaksysteem" and not re.fullmatch(r"https?://\S{1,190}", waarde):
                yield (
                    (naam,),
                    (
                        f"'{waarde}' is geen URL; geef de URL van het informatieobjecttype in de "
                        "Catalogi API (https://..., hoogstens 200 tekens)"
                    ),
                )
    elif plaats == "zaaksysteem.vertrouwelijkheid":
        for naam, waarde in cast(dict[str, Any], inhoud).items():
            if naam not in OPENBAARHEDEN:
                yield (
                    (naam,),
                    (f"onbekende openbaarheid '{naam}'; " + _voorstel(naam, list(OPENBAARHEDEN))),
                )
            elif waarde not in AANDUIDINGEN:
                yield (
                    (naam,),
                    (
                        f"onbekende vertrouwelijkheidaanduiding {waarde!r}; kies uit "
                        + ", ".join(AANDUIDINGEN)
                    ),
                )


def rsin_fout(rsin: str) -> str | None:
    """Why `rsin` is no RSIN (nine digits that pass the elfproef), or None."""
    if len(rsin) != 9 or not rsin.isdecimal():
        return "een RSIN is negen cijfers"
    som = sum(int(c) * w for c, w in zip(rsin[:8], range(9, 1, -1), strict=True))
    if (som - int(rsin[8])) % 11:
        return "dit RSIN klopt niet (de elfproef faalt); controleer de cijfers"
    return None


def kopsoorten() -> list[str]:
    """The soorten whose kop shows the fields a gemeente declares."""
    return [soort.naam for soort in _register() if soort.kopvelden]


def kopvelden_van(soort: str) -> list[str]:
    """The fields the kop of a soort has of itself."""
    info = _register()[soort].model.model_fields.get("kopblok")
    return list(getattr(info.annotation, "model_fields", {})) if info is not None else []


def _controleer_kop(kop: Any) -> Iterator[tuple[Plaats, str]]:
    """[kop.<soort>]: per soort its extra fields ([[kop.<soort>.velden]]) and required
    sections (verplichte_secties)."""
    soorten = kopsoorten()
    if not isinstance(kop, dict):
        yield ("kop",), "'kop' is een tabel: schrijf [kop.<soort>] met de instellingen eronder"
        return
    for soort, instellingen in kop.items():
        plaats: Plaats = ("kop", soort)
        if soort in ("velden", "verplichte_secties"):
            yield (
                plaats,
                f"'{soort}' staat per documentsoort: schrijf "
                + (
                    "[[kop.raadsvoorstel.velden]]"
                    if soort == "velden"
                    else "verplichte_secties onder [kop.raadsvoorstel]"
                )
                + f" (of een andere soort: {', '.join(soorten)})",
            )
            continue
        if soort not in soorten:
            reden = (
                f"een {soort} heeft geen kop met gegevens"
                if soort in _register()
                else f"onbekende soort '{soort}'"
            )
            bijna = difflib.get_close_matches(soort, soorten, n=1)
            hint = f"; bedoelde u '{bijna[0]}'?" if bijna and soort not in _register() else ""
            yield plaats, f"{reden}{hint}; een kop met eigen velden hebben {', '.join(soorten)}"
            continue
        if not isinstance(instellingen, dict):
            yield plaats, f"'kop.{soort}' is een tabel: schrijf [kop.{soort}]"
            continue
        for sleutel, waarde in instellingen.items():
            if sleutel == "velden":
                yield from _controleer_velden(soort, waarde)
            elif sleutel == "verplichte_secties":
                yield from _controleer_secties(soort, waarde)
            else:
                yield (
                    (*plaats, sleutel),
                    f"onbekende instelling '{sleutel}'; "
                    + _voorstel(sleutel, ["velden", "verplichte_secties"]),
                )


def _controleer_velden(soort: str, velden: Any) -> Iterator[tuple[Plaats, str]]:
    plaats: Plaats = ("kop", soort, "velden")
    if not isinstance(velden, list):
        yield plaats, f"verwacht een lijst van velden, elk als [[kop.{soort}.velden]]"
        return
    eigen = kopvelden_van(soort)
    gezien: dict[str, int] = {}
    for index, veld in enumerate(velden):
        hier: Plaats = (*plaats, index)
        if not isinstance(veld, dict):
            yield hier, f"een veld is een tabel [[kop.{soort}.velden]] met naam en label"
            continue
        for sleutel, waarde in veld.items():
            if sleutel not in KOPVELD:
                yield (
                    (*hier, sleutel),
                    f"onbekende instelling '{sleutel}'; " + _voorstel(sleutel, list(KOPVELD)),
                )
            elif not isinstance(waarde, KOPVELD[sleutel]):
                soortnaam = _TYPENAAM.get(KOPVELD[sleutel], "")
                yield (*hier, sleutel), f"verwacht {soortnaam}: {KOPVELD_UITLEG[sleutel]}"
        for sleutel in ("naam", "label"):
            if sleutel not in veld:
                yield hier, f"'{sleutel}' ontbreekt: {KOPVELD_UITLEG[sleutel]}"
            elif isinstance(veld[sleutel], str) and not veld[sleutel].strip():
                yield (*hier, sleutel), f"mag niet leeg zijn: {KOPVELD_UITLEG[sleutel]}"
        naam = veld.get("naam")
        if isinstance(naam, str) and naam.strip():
            if not VELDNAAM.fullmatch(naam):
                yield (
                    (*hier, "naam"),
                    f"'{naam}' kan geen veldnaam zijn; schrijf kleine letters, cijfers en _, "
                    "zoals 'soort_bevoegdheid'",
                )
            elif naam in eigen or naam in GERESERVEERD:
                yield (
                    (*hier, "naam"),
                    f"'{naam}' is al een veld van de kop van een {soort} "
                    f"({', '.join(eigen)}); kies een andere naam",
                )
            elif naam in gezien:
                yield (
                    (*hier, "naam"),
                    f"veld '{naam}' staat er al (velden[{gezien[naam]}]); declareer elk veld "
                    "één keer",
                )
            else:
                gezien[naam] = index
        waarden = veld.get("waarden")
        if isinstance(waarden, list):
            if not waarden:
                yield (*hier, "waarden"), "geef minstens één waarde, of laat 'waarden' weg"
            elif not all(isinstance(w, str) and w.strip() for w in waarden):
                yield (
                    (*hier, "waarden"),
                    "verwacht een lijst van waarden, elk tussen aanhalingstekens",
                )
            elif len(set(waarden)) != len(waarden):
                yield (*hier, "waarden"), "elke waarde één keer"


def _controleer_secties(soort: str, secties: Any) -> Iterator[tuple[Plaats, str]]:
    plaats: Plaats = ("kop", soort, "verplichte_secties")
    if not isinstance(secties, list) or not all(isinstance(s, str) for s in secties):
        yield plaats, 'verwacht een lijst van secties, zoals ["alternatieven", "beoogd_effect"]'
        return
    velden = [v for v in _register()[soort].model.model_fields if v not in ("soort", "kopblok")]
    for sectie in secties:
        if sectie not in velden:
            yield (
                plaats,
                f"een {soort} heeft geen sectie '{sectie}'; " + _voorstel(sectie, velden),
            )


def _kop(data: Any) -> dict[str, Kop]:
    """The checked [kop] tables as Kop per soort."""
    return {
        soort: Kop(
            velden=tuple(
                Kopveld(
                    naam=veld["naam"],
                    label=veld["label"],
                    verplicht=bool(veld.get("verplicht", False)),
                    waarden=tuple(veld.get("waarden", ())),
                )
                for veld in instellingen.get("velden", [])
            ),
            verplichte_secties=tuple(instellingen.get("verplichte_secties", [])),
        )
        for soort, instellingen in (data or {}).items()
    }


def lees(bestand: Path) -> Project:
    """Read and check a voorstel.toml; every problem is reported at once, with its line."""
    try:
        tekst = bestand.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise VoorstelError(
            "het projectbestand is geen UTF-8; sla het op als UTF-8", path=bestand
        ) from None
    except OSError as exc:
        raise VoorstelError(
            f"kan het projectbestand niet lezen: {exc.strerror}", path=bestand
        ) from None
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as exc:
        regel = re.search(r"at line (\d+)", str(exc))
        raise VoorstelError(
            "dit is geen geldige TOML; controleer aanhalingstekens, = en [kopjes] op deze regel",
            path=bestand,
            line=int(regel.group(1)) if regel else None,
        ) from None
    problemen = list(_controleer(str(bestand), data, _regels(tekst)))
    if problemen:
        raise ValidatieFout(problemen)
    map_ = bestand.resolve().parent
    bouwen = data.get("bouwen", {})

    def relatief(waarde: str | None) -> Path | None:
        return None if waarde is None else map_ / waarde

    return Project(
        map=map_,
        bestand=bestand,
        organisatie=Organisatie(**data.get("organisatie", {})),
        data=relatief(bouwen.get("data")),
        uitvoer=relatief(bouwen.get("uitvoer")),
        formaten=tuple(bouwen["formaten"]) if "formaten" in bouwen else None,
        huisstijl=relatief(bouwen.get("huisstijl")),
        sjablonen=tuple(map_ / s for s in bouwen.get("sjablonen", [])),
        pdfa=bool(bouwen.get("pdfa", False)),
        pdfua=bool(bouwen.get("pdfua", False)),
        zgw=bool(bouwen.get("zgw", False)),
        kop=_kop(data.get("kop")),
        lakken=dict(data.get("lakken", {})),
        adres=data.get("publicatie", {}).get("adres"),
        informatiecategorieen=dict(data.get("publicatie", {}).get("informatiecategorie", {})),
        informatieobjecttypen=dict(data.get("zaaksysteem", {}).get("informatieobjecttype", {})),
        vertrouwelijkheid=dict(data.get("zaaksysteem", {}).get("vertrouwelijkheid", {})),
    )
