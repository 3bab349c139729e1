"""Build: load, validate, compute, render every format, and only then write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voorstel.bouwen import publiceren
from voorstel.bouwen.bronnen import controleer_namen as controleer_namen
from voorstel.bouwen.bronnen import is_document as is_document
from voorstel.bouwen.bronnen import laad_en_valideer as laad_en_valideer
from voorstel.bouwen.bronnen import slug as slug
from voorstel.bouwen.bronnen import stammen as stammen
from voorstel.bouwen.bronnen import uitvoernaam as uitvoernaam
from voorstel.bouwen.bronnen import verzamel as verzamel
from voorstel.kern.errors import Probleem, VoorstelError
from voorstel.kern.formaten import STANDAARD_FORMATEN
from voorstel.pijplijn import openbaar
from voorstel.pijplijn.compute import varianten
from voorstel.pijplijn.validate import Gevalideerd
from voorstel.pijplijn.write import Klus
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER, Stuk
from voorstel.uitvoer import RENDERERS, Renderer, figuren, omzetters, woo
from voorstel.uitvoer.huisstijl import Huisstijl

FORMATEN = (*RENDERERS, *omzetters.OMZETTERS)
"""Every format --format takes: the renderers, and the converters (PDF from the Word output)."""


@dataclass
class Resultaat:
    """What building one source file gave: written files, warnings, or an error."""

    bron: Path
    geschreven: list[Path] = field(default_factory=list)
    waarschuwingen: list[Probleem] = field(default_factory=list)
    fout: VoorstelError | None = None
    overgeslagen: str | None = None
    """Why a document was not built (e.g. not public, in a build for publication)."""
    pdf_bronnen: dict[Path, bytes] = field(default_factory=dict)
    """Output still to be converted (Word for PDF), by the relative path of the result."""
    te_schrijven: dict[Path, bytes] = field(default_factory=dict)
    """With a converter: the other outputs, written with the conversions once those are made."""
    afhankelijkheden: list[Path] = field(default_factory=list)
    """The files besides the source the outputs came from: shared files, templates."""
    gelakt: dict[str, int] | None = None
    """In a build for publication: how many passages were redacted, per Woo ground."""
    publicatie: publiceren.Instellingen | None = None
    """With --publicatie or --zgw: what the metadata and records need of the project."""
    kenmerken: dict[Path, woo.Kenmerken] = field(default_factory=dict)
    """With --publicatie or --zgw: each output document (by its name without suffix) as
    the metadata and the records describe it."""

    @property
    def gelukt(self) -> bool:
        return self.fout is None


def renderers(
    formaten: Sequence[str], sjablonen: Sequence[Path] = (), huisstijl: Path | None = None
) -> list[Renderer]:
    """One renderer per requested format."""
    return [RENDERERS[name](sjablonen, huisstijl) for name in formaten]


def render_document(
    gevalideerd: Gevalideerd,
    outputs: Sequence[Renderer],
    naam: str = "document",
    zet: Callable[[str, bytes], None] | None = None,
    kenmerken: dict[str, woo.Kenmerken] | None = None,
) -> dict[str, bytes]:
    """Every output of one document (and of each variant) by name suffix: '.docx' for the
    document, '-oosterhout.docx' for a variant, and files an output refers to
    ('-figuur-1.png'). `naam` is the output's file name, for links. A soort that makes
    several documents adds each one's achtervoegsel ('-raadsbesluit').

    With `zet`, each output is handed to it as soon as it is made, and not kept: a
    regional proposal of hundreds of gemeenten then needs the memory of one variant.
    With `kenmerken`, what publication needs of each output document is added to it, by
    its suffix ('-raadsbesluit')."""
    rendered: dict[str, bytes] = {}
    stukken = REGISTER.van(gevalideerd.document).stukken
    gemeenten: dict[str, str | None] = {}
    for gemeente, context in varianten(
        gevalideerd.document, gevalideerd.sleutels, gevalideerd.ambtsdragers
    ):
        achtervoegsel = "" if gemeente is None else f"-{slug(gemeente)}"
        if achtervoegsel in gemeenten:
            raise VoorstelError(
                f"de gemeenten '{gemeenten[achtervoegsel]}' en '{gemeente}' zouden dezelfde "
                f"bestandsnaam krijgen ({naam}{achtervoegsel}); maak de namen in de "
                "verdeelsleutel duidelijker verschillend",
                path=gevalideerd.bron.path,
            )
        gemeenten[achtervoegsel] = gemeente
        for stuk in stukken:
            if not stuk.gemaakt(context):
                continue
            eind = achtervoegsel + stuk.achtervoegsel
            eigen = stuk_context(context, stuk)
            if kenmerken is not None:
                kenmerken[eind] = woo.kenmerken(eigen, stuk.naam)
            for renderer in outputs:
                for suffix, data in renderer.uitvoer(eigen, naam + eind, stuk.naam).items():
                    if zet is None:
                        rendered[eind + suffix] = data
                    else:
                        zet(eind + suffix, data)
    return rendered


def stuk_context(context: dict[str, Any], stuk: Stuk) -> dict[str, Any]:
    """The context of one stuk: with a soortnaam of its own, its own title and properties."""
    if stuk.soortnaam is None:
        return context
    meta = context["meta"]
    titel = f"{stuk.soortnaam}: {meta['onderwerp']}"
    return {**context, "meta": {**meta, "soortnaam": stuk.soortnaam, "titel": titel}}


def bouw_bestand(
    bron: Path,
    out: Path,
    formaten: Sequence[str] = STANDAARD_FORMATEN,
    sjablonen: Sequence[Path] = (),
    basis: Path | None = None,
    publicatie: bool = False,
    huisstijl: Path | None = None,
    zgw: bool = False,
) -> Resultaat:
    """Build one source file into `out`; errors are returned, not raised. With
    `publicatie`, the DiWoo metadata of each document is among its outputs; with
    `publicatie` or `zgw` the result keeps what the records need (publiceren)."""
    resultaat = Resultaat(bron)
    figuren.cache_in(None if publicatie else out)  # a publication folder holds no cache
    try:
        gevalideerd = laad_en_valideer(bron)
        resultaat.waarschuwingen = gevalideerd.waarschuwingen
        if gevalideerd.soort in GEDEELDE_SOORTEN:
            raise VoorstelError(
                f"dit is een {gevalideerd.soort}, een gedeeld bestand en geen document; bouw "
                "de documenten die ernaar verwijzen",
                path=bron,
            )
        if publicatie and not openbaar.is_openbaar(gevalideerd.document):
            resultaat.overgeslagen = openbaar.openbaarheid(gevalideerd.document)
            return resultaat
        gevalideerd, resultaat.gelakt = openbaar.voor_uitvoer(gevalideerd, publicatie)
        uitvoer = renderers(omzetters.bronformaten(formaten), sjablonen, huisstijl)
        resultaat.afhankelijkheden = [
            *gevalideerd.afhankelijkheden,
            *(
                p
                for stuk in REGISTER[gevalideerd.soort].stukken
                for r in uitvoer
                for p in r.bestanden(gevalideerd.soort, stuk.naam)
            ),
        ]
        naam = openbaar.markeer(uitvoernaam(bron, basis), gevalideerd.document)
        inst = publiceren.instellingen(bron, gevalideerd.soort, publicatie, zgw)
        resultaat.publicatie = inst
        per_eind: dict[str, woo.Kenmerken] | None = None if inst is None else {}

        def metadata() -> dict[Path, bytes]:
            """The DiWoo metadata of every output document, once they are all rendered."""
            resultaat.kenmerken = {
                naam.with_name(naam.name + eind): k for eind, k in (per_eind or {}).items()
            }
            return {} if inst is None else publiceren.metadata(resultaat.kenmerken, formaten, inst)

        if omzetters.omzetters(formaten):  # written with the conversions: all or nothing
            rendered = render_document(gevalideerd, uitvoer, naam.name, kenmerken=per_eind)
            outputs = {naam.with_name(naam.name + s): data for s, data in rendered.items()}
            resultaat.te_schrijven = omzetters.apart(outputs, formaten, resultaat.pdf_bronnen)
            resultaat.te_schrijven.update(metadata())
        else:  # each output to its temporary file as it is made, all renamed at the end
            with Klus(out) as klus:
                render_document(
                    gevalideerd,
                    uitvoer,
                    naam.name,
                    lambda suffix, data: klus.zet(naam.with_name(naam.name + suffix), data),
                    per_eind,
                )
                for rel, data in metadata().items():
                    klus.zet(rel, data)
                resultaat.geschreven = klus.klaar()
        if huisstijl is not None:
            resultaat.waarschuwingen += [
                Probleem(str(huisstijl), None, "", w, waarschuwing=True)
                for r in uitvoer
                for w in r.waarschuwingen
            ]
    except VoorstelError as exc:
        if exc.path is None:  # raised while computing: name the document it belongs to
            exc.path = str(bron)
        resultaat.fout = exc
    finally:
        figuren.cache_in(None)
    return resultaat


def bouw(
    paden: Iterable[Path],
    out: Path,
    formaten: Sequence[str] = STANDAARD_FORMATEN,
    sjablonen: Sequence[Path] = (),
    publicatie: bool = False,
    pdfa: bool = False,
    huisstijl: Path | None = None,
    pdfua: bool = False,
    zgw: bool = False,
) -> list[Resultaat]:
    """Build every given file (folders: every document in them); PDFs in one batch."""
    if huisstijl is not None:
        Huisstijl.lees(huisstijl)  # before anything is built: a broken house file stops here
    nodig = omzetters.omzetters(formaten, pdfa, pdfua, publicatie)
    for omzetter in nodig:
        omzetter.controleer()  # before anything is built: say at once that LibreOffice is missing
    bronnen = verzamel(paden)
    controleer_namen(bronnen)
    publiceren.controleer([bron for bron, _ in bronnen], publicatie, zgw)
    resultaten = [
        bouw_bestand(bron, out, formaten, sjablonen, basis, publicatie, huisstijl, zgw)
        for bron, basis in bronnen
    ]
    for omzetter in nodig:
        omzetter.zet_om(resultaten, out)
    for resultaat in resultaten:
        publiceren.schrijf_records(resultaat, out)
    if publicatie:
        publiceren.schrijf_index(out)
    return resultaten
