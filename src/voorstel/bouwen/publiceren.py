"""Publication outputs beside the documents: the Woo metadata of a build for publication
(--publicatie: <document>.diwoo.xml, and sitemap.xml for the folder) and the zaaksysteem
record of every output file (--zgw: <file>.zgw.json).

What they need of the organisation comes from voorstel.toml: the document's own (in its
folder or above), else the one of the build. A missing TOOI code (--publicatie) or RSIN
(--zgw), or a soort without informatieobjecttype (--zgw), stops the build before anything
is built, with where to set it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from voorstel.blokken import tooi
from voorstel.bouwen.bronnen import soort_van
from voorstel.kern.errors import Fouten, VoorstelError
from voorstel.pijplijn.project import PROJECTBESTAND, Project, van_document
from voorstel.pijplijn.write import schrijf_alles
from voorstel.uitvoer import woo, zgw

VOORBEELD_TOOI = "gm0826"
TOOI_UITLEG = (
    "een gemeente is gm en haar CBS-code, een provincie pv, een waterschap ws, een "
    "samenwerkingsorganisatie so; zie https://standaarden.overheid.nl/tooi/waardelijsten"
)


@dataclass(frozen=True)
class Instellingen:
    """What the publication outputs of one document need from its project."""

    publicatie: bool
    zgw: bool
    organisatie: tooi.Waarde | None = None
    informatiecategorieen: dict[str, str] = field(default_factory=dict)
    rsin: str | None = None
    informatieobjecttypen: dict[str, str] = field(default_factory=dict)
    vertrouwelijkheid: dict[str, str] = field(default_factory=dict)

    def informatieobjecttype(self, kenmerken: woo.Kenmerken) -> str:
        return self.informatieobjecttypen.get(
            kenmerken.stuk, self.informatieobjecttypen.get(kenmerken.soort, "")
        )


def project_van(bron: Path) -> Project:
    """The project whose organisation a document belongs to."""
    return van_document(bron) or Project.zoek(Path.cwd())


def _waar(project: Project, bron: Path | None) -> str:
    """Where to set it: in the project's voorstel.toml, or in a new one (here, or in the
    document's folder for that folder alone)."""
    if project.bestand is not None:
        return f"zet in {project.bestand}"
    hier = _kort(project.map / PROJECTBESTAND)
    if bron is None:
        return f"maak {hier} met daarin"
    daar = _kort(bron.parent / PROJECTBESTAND)
    return f"maak {hier} (of {daar}, voor de documenten in die map) met daarin"


def _kort(pad: Path) -> str:
    """A path relative to the current folder when it lies below it."""
    relatief = os.path.relpath(os.path.abspath(pad))
    return pad.as_posix() if relatief.startswith("..") else Path(relatief).as_posix()


def _tooi_voorbeeld(project: Project) -> str:
    """The TOOI code of the project's gemeente, by its name, else an example."""
    for naam in (project.organisatie.gemeente, project.organisatie.naam):
        if naam:
            gevonden = tooi.lijst("gemeente").zoek("gemeente " + naam.removeprefix("Gemeente "))
            if gevonden is not None:
                return gevonden.code
    return VOORBEELD_TOOI


def ontbreekt(
    project: Project, publicatie: bool, zgw_: bool, soort: str | None, bron: Path | None = None
) -> list[str]:
    """What a project lacks for these outputs, each as a Dutch message saying where to set
    it (the file is named in the message)."""
    zet = _waar(project, bron)
    fouten = []
    if publicatie and not project.organisatie.tooi:
        code = _tooi_voorbeeld(project)
        fouten.append(
            "voor --publicatie is de TOOI-code van de organisatie nodig (de uitgever in de "
            f'Woo-metadata); {zet} onder [organisatie] de regel tooi = "{code}" '
            f"({TOOI_UITLEG})"
        )
    if zgw_ and not project.organisatie.rsin:
        fouten.append(
            "voor --zgw is het RSIN van de organisatie nodig (de bronorganisatie in het "
            f'zaaksysteem); {zet} onder [organisatie] de regel rsin = "..." (negen cijfers)'
        )
    if zgw_ and soort is not None and soort not in project.informatieobjecttypen:
        fouten.append(
            f"voor --zgw is het informatieobjecttype van een {soort} nodig; {zet} onder "
            f'[zaaksysteem.informatieobjecttype] de regel {soort} = "https://..." (de URL van '
            "het informatieobjecttype in de Catalogi API van het zaaksysteem)"
        )
    return fouten


def controleer(bronnen: Iterable[Path], publicatie: bool, zgw_: bool) -> None:
    """Before anything is built: every document's project has what these outputs need;
    else one VoorstelError with every problem, once per project file."""
    if not (publicatie or zgw_):
        return
    gemeld: set[str] = set()
    fouten: list[VoorstelError] = []
    for bron in bronnen:
        project = project_van(bron)
        for bericht in ontbreekt(project, publicatie, zgw_, soort_van(bron), bron):
            if bericht not in gemeld:
                gemeld.add(bericht)
                fouten.append(VoorstelError(bericht))
    if fouten:
        raise fouten[0] if len(fouten) == 1 else Fouten(fouten)


def instellingen(bron: Path, soort: str, publicatie: bool, zgw_: bool) -> Instellingen | None:
    """The settings of one document's publication outputs (None without any); a
    VoorstelError naming where to set what is missing."""
    if not (publicatie or zgw_):
        return None
    project = project_van(bron)
    fouten = ontbreekt(project, publicatie, zgw_, soort, bron)
    if fouten:
        raise VoorstelError("; ".join(fouten), path=bron)
    organisatie = None
    if project.organisatie.tooi:
        organisatie = tooi.organisatie(project.organisatie.tooi)
        assert organisatie is not None  # checked when voorstel.toml was read
    return Instellingen(
        publicatie=publicatie,
        zgw=zgw_,
        organisatie=organisatie,
        informatiecategorieen=dict(project.informatiecategorieen),
        rsin=project.organisatie.rsin,
        informatieobjecttypen=dict(project.informatieobjecttypen),
        vertrouwelijkheid=dict(project.vertrouwelijkheid),
    )


def metadata(
    kenmerken: Mapping[Path, woo.Kenmerken], formaten: Iterable[str], inst: Instellingen
) -> dict[Path, bytes]:
    """The DiWoo metadata file of every output document (by its name without suffix),
    describing the file that is published: the PDF if one is made, else HTML, Word or
    Markdown."""
    if not inst.publicatie or inst.organisatie is None:
        return {}
    suffixen = [f".{f}" for f in formaten]
    uit = {}
    for stam, k in kenmerken.items():
        bestand = woo.gepubliceerd([stam.name + s for s in suffixen])
        if bestand is None:
            continue
        categorie = woo.informatiecategorie(k, inst.informatiecategorieen)
        uit[stam.with_name(stam.name + woo.SUFFIX)] = woo.metadata(
            k, inst.organisatie, categorie, bestand
        )
    return uit


class MetUitvoer(Protocol):
    """What the records need of a build result (build.Resultaat)."""

    geschreven: list[Path]
    kenmerken: dict[Path, woo.Kenmerken]
    publicatie: Instellingen | None
    fout: VoorstelError | None


def schrijf_records(resultaat: MetUitvoer, out: Path) -> None:
    """After a document's outputs are written: the zaaksysteem record of each of its
    files (documents, not their images or metadata), written beside it and counted
    among its outputs."""
    inst = resultaat.publicatie
    if inst is None or not inst.zgw or resultaat.fout is not None or inst.rsin is None:
        return
    records: dict[Path, bytes] = {}
    for pad in resultaat.geschreven:
        if pad.suffix not in zgw.MEDIATYPEN:
            continue
        rel = Path(os.path.relpath(os.path.abspath(pad), os.path.abspath(out)))
        k = resultaat.kenmerken.get(rel.with_suffix(""))
        if k is None:
            continue
        record = zgw.record(
            k,
            pad.name,
            pad.read_bytes(),
            inst.rsin,
            inst.informatieobjecttype(k),
            inst.vertrouwelijkheid,
            inst.publicatie,
        )
        records[rel.with_name(rel.name + zgw.SUFFIX)] = zgw.als_json(record)
    try:
        resultaat.geschreven += schrijf_alles(out, records)
    except VoorstelError as exc:
        resultaat.fout = exc


def schrijf_index(out: Path) -> Path:
    """The sitemap of the publication folder: every published file with a DiWoo metadata
    file beside it (as the folder is now, after old outputs were removed), with the
    address of the build's voorstel.toml ([publicatie] adres) before its path. Written
    also when nothing is published (any more): then it lists nothing."""
    vermeldingen = []
    for meta in sorted(out.rglob(f"*{woo.SUFFIX}")):
        stam = meta.name.removesuffix(woo.SUFFIX)
        bestand = woo.gepubliceerd(
            [stam + s for s in woo.VOORKEUR if (meta.parent / (stam + s)).is_file()]
        )
        if bestand is None:
            continue
        pad = (meta.parent / bestand).relative_to(out).as_posix()
        vermeldingen.append(woo.Vermelding(pad, meta.read_bytes()))
    adres = Project.zoek(Path.cwd()).adres
    [index] = schrijf_alles(out, {Path(woo.INDEX): woo.index(vermeldingen, adres)})
    return index
