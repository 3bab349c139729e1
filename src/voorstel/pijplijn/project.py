"""The project file, voorstel.toml: the defaults a project would otherwise type on every call.

Read with tomllib (standard library, read-only). Every key is known; an unknown one is an
error at its line with a suggestion, like an unknown field in a document. Paths are
relative to the folder of voorstel.toml.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from voorstel.kern.errors import Probleem, ValidatieFout, VoorstelError

PROJECTBESTAND = "voorstel.toml"
FORMATEN = ("docx", "md", "html", "pdf")

_SCHEMA: dict[str, dict[str, type]] = {
    "organisatie": {"naam": str, "gemeente": str, "tooi": str, "cbs": str},
    "bouwen": {
        "data": str,
        "uitvoer": str,
        "formaten": list,
        "huisstijl": str,
        "sjablonen": list,
        "pdfa": bool,
    },
}
"""Every table and key the project file may hold, with the type of its value."""

_UITLEG = {
    "organisatie.naam": "de naam van de organisatie, bijvoorbeeld 'Gemeente Oosterhout'",
    "organisatie.gemeente": "de naam van de gemeente",
    "organisatie.tooi": "de TOOI-code van de organisatie, bijvoorbeeld 'gm0826'",
    "organisatie.cbs": "de CBS-gemeentecode van vier cijfers, bijvoorbeeld '0826'",
    "bouwen.data": "de map met de documenten",
    "bouwen.uitvoer": "de uitvoermap",
    "bouwen.formaten": 'een lijst van formaten, zoals ["docx", "md"]',
    "bouwen.huisstijl": "het pad naar het Word-bestand (.docx of .dotx) van de huisstijl",
    "bouwen.sjablonen": "een lijst van mappen met eigen sjablonen",
    "bouwen.pdfa": "true of false",
}
_TYPENAAM = {str: "tekst tussen aanhalingstekens", list: "een lijst", bool: "true of false"}


@dataclass(frozen=True)
class Organisatie:
    naam: str | None = None
    gemeente: str | None = None
    tooi: str | None = None
    cbs: str | None = None


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

    @classmethod
    def zoek(cls, start: Path) -> Project:
        """The project of `start`: the nearest voorstel.toml in it or a folder above it."""
        start = start.resolve()
        for folder in (start, *start.parents):
            bestand = folder / PROJECTBESTAND
            if bestand.is_file():
                return lees(_kort(bestand))
        return cls(start)


def _kort(pad: Path) -> Path:
    """A path as the user sees it: relative to the current folder when it lies below it."""
    try:
        return pad.relative_to(Path.cwd().resolve())
    except ValueError:
        return pad


def _regels(tekst: str) -> dict[tuple[str, ...], int]:
    """The line of every table header and key (tomllib keeps no positions)."""
    regels: dict[tuple[str, ...], int] = {}
    tabel: tuple[str, ...] = ()
    for nummer, regel in enumerate(tekst.splitlines(), 1):
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


def _controleer(
    pad: str, data: dict[str, Any], regels: dict[tuple[str, ...], int]
) -> Iterator[Probleem]:
    def probleem(plaats: tuple[str, ...], bericht: str) -> Probleem:
        regel = next(
            (regels[plaats[:n]] for n in range(len(plaats), 0, -1) if plaats[:n] in regels), None
        )
        return Probleem(pad, regel, ".".join(plaats), bericht)

    for tabel, waarde in data.items():
        if tabel not in _SCHEMA:
            yield probleem(
                (tabel,), f"onbekend onderdeel '{tabel}'; " + _voorstel(tabel, list(_SCHEMA))
            )
            continue
        if not isinstance(waarde, dict):
            yield probleem(
                (tabel,), f"'{tabel}' is een tabel: schrijf [{tabel}] met de instellingen eronder"
            )
            continue
        velden = _SCHEMA[tabel]
        for sleutel, inhoud in waarde.items():
            plaats = (tabel, sleutel)
            if sleutel not in velden:
                yield probleem(
                    plaats, f"onbekende instelling '{sleutel}'; " + _voorstel(sleutel, list(velden))
                )
            elif not isinstance(inhoud, velden[sleutel]):
                soort = velden[sleutel]
                yield probleem(
                    plaats,
                    f"verwacht {_TYPENAAM.get(soort, str(soort))}: {_UITLEG[f'{tabel}.{sleutel}']}",
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
    )
