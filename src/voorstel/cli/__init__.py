"""The command line: click commands only; the work is done by the library."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voorstel import __version__
from voorstel.cli.nl import NlGroup
from voorstel.kern.errors import Probleem, VoorstelError, zichtbaar
from voorstel.kern.formaten import FORMATEN, STANDAARD_FORMATEN
from voorstel.soorten import GEDEELDE_SOORTEN, soortnamen

if TYPE_CHECKING:
    from voorstel.bouwen.batch import Batch
    from voorstel.bouwen.wijzigingen import Geschreven
    from voorstel.pijplijn.project import Project

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=NlGroup, context_settings=CONTEXT)
@click.version_option(
    __version__,
    prog_name="voorstel",
    message="%(prog)s %(version)s",
    help="Toon het versienummer en stop.",
)
def main() -> None:
    """voorstel: van YAML-data naar complete gemeentelijke documenten.

    Schrijf de feiten van een voorstel in één YAML-bestand onder data/ en maak er met één
    opdracht een {soorten} van in Word
    (.docx) en Markdown (.md), met Nederlandse notatie van bedragen, percentages en datums.
    Begin een nieuw document met 'voorstel new'.
    """


def _soorten() -> str:
    """The registered soorten as a Dutch enumeration: 'a, b, c of d'."""
    namen = soortnamen()
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " of " + namen[-1]


class SoortKeuze(click.Choice):  # type: ignore[type-arg]
    """The soorten of the registry at the moment of use, so a soort registered later counts,
    and the shared files (verdeelsleutel, ambtsdragers)."""

    def __init__(self) -> None:
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        from voorstel.bouwen.nieuw import soorten

        return sorted(soorten())

    @choices.setter
    def choices(self, _: object) -> None:
        pass


def _project() -> Project:
    """The project of the current folder (voorstel.toml); a bad project file stops here."""
    from voorstel.pijplijn.project import Project

    try:
        return Project.zoek(Path.cwd())
    except VoorstelError as exc:
        for probleem in exc.problemen:
            _toon(probleem)
        raise SystemExit(1) from None


def _toon(probleem: object, err: bool = True) -> None:
    click.echo(zichtbaar(str(probleem)), err=err)


@main.command()
@click.argument("bestanden", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--streng",
    is_flag=True,
    help="Bedragen in de tekst die geen cijfer van het document zijn, zijn fouten (voor CI).",
)
def validate(bestanden: tuple[Path, ...], streng: bool) -> None:
    """Controleer documenten; meld elk probleem met pad en regel.

    Elk probleem staat op een eigen regel als pad:regel: veld: melding.

    Geef bestanden of mappen op. Eindigt met code 0 als alles geldig is, anders met 1.
    Waarschuwingen (zoals een te lange samenvatting) worden gemeld maar keuren niet af.
    """
    from voorstel.bouwen import bedragen
    from voorstel.bouwen.bronnen import laad_en_valideer, verzamel

    fouten = 0
    for leeg in (p for p in bestanden if p.is_dir() and not verzamel([p], gedeeld=True)):
        fouten += 1
        _toon(f"geen documenten gevonden in {leeg} (geen .yaml- of .yml-bestanden)")
    overgeslagen: list[Probleem] = []
    bronnen = verzamel(bestanden, gedeeld=True, overgeslagen=overgeslagen)
    for probleem in overgeslagen:
        _toon(probleem)
    for bron, _ in bronnen:
        try:
            gevalideerd = laad_en_valideer(bron)
        except VoorstelError as exc:
            fouten += len(exc.problemen)
            for probleem in exc.problemen:
                _toon(probleem)
            continue
        for waarschuwing in gevalideerd.waarschuwingen:
            _toon(waarschuwing)
        try:
            tekstbedragen = bedragen.controleer(gevalideerd)
        except VoorstelError as exc:
            fouten += 1
            _toon(f"{bron}: {exc.message}")
            continue
        if streng and tekstbedragen:
            fouten += len(tekstbedragen)
            for probleem in tekstbedragen:
                _toon(dataclasses.replace(probleem, waarschuwing=False))
            continue
        for probleem in tekstbedragen:
            _toon(probleem)
        click.echo(zichtbaar(f"{bron}: geldig"))
    if fouten:
        click.echo(f"{fouten} {'probleem' if fouten == 1 else 'problemen'} gevonden", err=True)
        raise SystemExit(1)


def _formaten(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    unknown = [n for n in names if n not in FORMATEN]
    if unknown or not names:
        raise click.BadParameter(
            f"onbekend formaat '{', '.join(unknown)}'; kies uit {', '.join(FORMATEN)}"
        )
    return names


def _processen(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 1:
        raise click.BadParameter(f"{value} kan niet; geef 1 of meer")
    return value


@main.command()
@click.argument("bestanden", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "-o",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    help="Uitvoermap [standaard: uit voorstel.toml, anders build].",
)
@click.option(
    "--format",
    "formaten",
    default=None,
    callback=_formaten,
    help="Formaten, met komma's gescheiden: "
    + ", ".join(FORMATEN)
    + " (PDF via LibreOffice, in één keer voor alle documenten) [standaard: uit "
    "voorstel.toml, anders " + ",".join(STANDAARD_FORMATEN) + "].",
)
@click.option(
    "--templates",
    "sjablonen",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Map met eigen sjablonen (huisstijl); wordt vóór de standaardsjablonen doorzocht.",
)
@click.option(
    "--huisstijl",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="BESTAND",
    help="Word-bestand (.docx of .dotx) met de huisstijl van de gemeente: stijlen, "
    "nummering, marges, kop- en voetteksten met logo [standaard: uit voorstel.toml].",
)
@click.option(
    "--pdfa",
    is_flag=True,
    help="Maak de PDF als PDF/A-2, voor archivering (maakt ook PDF als --format die niet noemt).",
)
@click.option(
    "--pdfua",
    is_flag=True,
    help="Maak de PDF als PDF/UA (toegankelijk), met --pdfa samen PDF/A-2 en PDF/UA (maakt "
    "ook PDF als --format die niet noemt).",
)
@click.option(
    "--publicatie",
    is_flag=True,
    help="Uitvoer voor publicatie: vertrouwelijke en geheime documenten worden overgeslagen, "
    "persoonsgegevens van ambtenaren en gemarkeerde passages ([[lak 5.1.2e: tekst]]) worden "
    "gelakt, en naast elk document komt de Woo-metadata (<document>.diwoo.xml, DiWoo), met een "
    "index van de map (sitemap.xml).",
)
@click.option(
    "--zgw",
    is_flag=True,
    help="Schrijf naast elk bestand een record voor het zaaksysteem (ZGW Documenten API, "
    "EnkelvoudigInformatieObject) als <bestand>.zgw.json.",
)
@click.option(
    "--force",
    "forceer",
    is_flag=True,
    help="Maak alle documenten opnieuw, ook als er niets aan veranderd is.",
)
@click.option(
    "--quiet",
    "-q",
    "stil",
    is_flag=True,
    help="Geen voortgangsbalk en geen regel per geschreven bestand; alleen fouten en de "
    "samenvatting.",
)
@click.option(
    "--jobs",
    "-j",
    "processen",
    type=int,
    default=None,
    metavar="GETAL",
    callback=_processen,
    help="Aantal documenten dat tegelijk gemaakt wordt [standaard: het aantal processorkernen].",
)
def build(
    bestanden: tuple[Path, ...],
    out: Path | None,
    formaten: tuple[str, ...] | None,
    sjablonen: tuple[Path, ...],
    huisstijl: Path | None,
    pdfa: bool,
    pdfua: bool,
    publicatie: bool,
    zgw: bool,
    forceer: bool,
    stil: bool,
    processen: int | None,
) -> None:
    """Maak documenten van YAML-bestanden of mappen.

    Zonder argumenten bouwt het alles in data/. Alleen documenten die veranderd zijn
    sinds de vorige keer worden opnieuw gemaakt: als het bestand zelf, een
    verdeelsleutel of sjabloon dat het gebruikt, de opties of voorstel zelf veranderd
    zijn, of als uitvoer ontbreekt. Wat er gemaakt is, staat in de uitvoermap
    (.voorstel-staat.json). Wat u niet opgeeft, komt uit het projectbestand voorstel.toml
    (in deze map of een map erboven), als dat er is."""
    from voorstel.bouwen.batch import Afgebroken, Opties, bouw_batch
    from voorstel.bouwen.voortgang import voortgangsbalk

    project = _project()
    data = project.data or Path("data")
    paden = bestanden or (data,)
    if not bestanden and not data.is_dir():
        raise click.UsageError(f"geen bestanden opgegeven en geen map {_relatief(data)}/ gevonden")
    out = out or project.uitvoer or Path("build")
    formaten = formaten or project.formaten or STANDAARD_FORMATEN
    sjablonen = (*sjablonen, *project.sjablonen)
    pdfa = pdfa or project.pdfa
    pdfua = pdfua or project.pdfua
    zgw = zgw or project.zgw
    huisstijl = huisstijl or project.huisstijl
    if (pdfa or pdfua) and "pdf" not in formaten:
        formaten = (*formaten, "pdf")
    opties = Opties(out, formaten, sjablonen, publicatie, pdfa, huisstijl, pdfua, zgw)
    try:
        with voortgangsbalk(stil) as voortgang:
            batch = bouw_batch(paden, opties, forceer, processen, voortgang)
    except VoorstelError as exc:
        _toon(exc)
        raise SystemExit(1) from None
    except Afgebroken as exc:
        klaar = len(exc.batch.resultaten)
        click.echo(
            f"afgebroken: {klaar} van {exc.gevraagd} documenten waren klaar en zijn bewaard; "
            "de volgende build maakt de rest",
            err=True,
        )
        raise SystemExit(130) from None
    _meld(batch, stil)


def _meld(batch: Batch, stil: bool) -> None:
    """Report a batch: warnings, skipped and failed documents, written files, a summary."""
    resultaten = batch.resultaten
    mislukt = 0
    overgeslagen = 0
    for probleem in batch.overgeslagen:
        _toon(probleem)
    getoond: set[str] = set()  # the same warning of a shared file (huisstijl) once, and
    # the same error of a shared cause (LibreOffice that failed for every document) once
    for resultaat in resultaten:
        for waarschuwing in resultaat.waarschuwingen:
            if str(waarschuwing) not in getoond:
                getoond.add(str(waarschuwing))
                _toon(waarschuwing)
        if resultaat.overgeslagen is not None:
            overgeslagen += 1
            click.echo(
                f"overgeslagen: {_relatief(resultaat.bron)} is {resultaat.overgeslagen} en "
                "hoort niet in uitvoer voor publicatie"
            )
            continue
        if resultaat.fout is not None:
            mislukt += 1
            for probleem in resultaat.fout.problemen:
                if str(probleem) not in getoond:
                    getoond.add(str(probleem))
                    _toon(probleem)
            continue
        if not stil:
            for path in resultaat.geschreven:
                click.echo(f"geschreven: {_relatief(path)}")
            if resultaat.gelakt is not None:
                from voorstel.pijplijn.openbaar import lakregel

                click.echo(f"gelakt in {_relatief(resultaat.bron)}: {lakregel(resultaat.gelakt)}")
    if not stil:
        for path, reden in batch.verwijderd.items():
            click.echo(f"verwijderd: {_relatief(path)} ({reden})")
    gemaakt = len(resultaten) - mislukt - overgeslagen
    if batch.ongewijzigd:
        samenvatting = f"{len(resultaten)} van {batch.totaal} documenten gewijzigd"
        if resultaten:
            samenvatting += f", {gemaakt} gemaakt"
    else:
        samenvatting = f"{gemaakt} van {batch.totaal} documenten gemaakt"
    if overgeslagen:
        samenvatting += f", {overgeslagen} overgeslagen (niet openbaar)"
    if mislukt and batch.ongewijzigd:
        samenvatting += f", {mislukt} mislukt"
    if batch.verwijderd:
        aantal = len(batch.verwijderd)
        samenvatting += (
            f", {aantal} {'oud bestand' if aantal == 1 else 'oude bestanden'} verwijderd"
        )
    click.echo(samenvatting)
    if batch.staatfout is not None:
        _toon(batch.staatfout)
        _toon("de staat van de bouw is niet bewaard; de volgende keer wordt alles opnieuw gemaakt")
    if mislukt or batch.staatfout is not None:
        raise SystemExit(1)


def _relatief(path: Path) -> str:
    """A path for the terminal: relative to here when below it, control characters shown."""
    try:
        return zichtbaar(str(path.relative_to(Path.cwd())))
    except ValueError:
        return zichtbaar(str(path))


@main.command()
@click.argument("sleutel", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("bedrag")
@click.option("--csv", "als_csv", is_flag=True, help="Puntkomma-gescheiden uitvoer (voor Excel).")
def allocate(sleutel: Path, bedrag: str, als_csv: bool) -> None:
    """Verdeel BEDRAG over de gemeenten van een verdeelsleutel.

    BEDRAG mag gewoon of in Nederlandse notatie: 70000, 70.000 of "€ 70.000,00"
    ("1.500" is vijftienhonderd). Afronding met de methode van de grootste resten: elke
    kolom en het geheel tellen precies op.
    """
    from voorstel.blokken import tabellen
    from voorstel.bouwen.bronnen import laad_en_valideer
    from voorstel.kern import nl
    from voorstel.pijplijn.validate import laad_sleutel

    try:
        bedrag_waarde = nl.parse_bedrag(bedrag)
        verdeelsleutel = laad_sleutel(sleutel)
        for waarschuwing in laad_en_valideer(sleutel).waarschuwingen:
            _toon(waarschuwing)
        verdeling = verdeelsleutel.verdeel(bedrag_waarde)
    except VoorstelError as exc:
        for probleem in exc.problemen:
            _toon(probleem if exc.path else f"fout: {exc.message}")
        raise SystemExit(1) from None
    centen = verdeelsleutel.eenheid == "cent"
    if als_csv:
        click.echo(tabellen.verdeling_csv(verdeling, centen), nl=False)
    else:
        click.echo(zichtbaar(f"{verdeelsleutel.naam}: {nl.bedrag(bedrag_waarde, centen)}\n"))
        click.echo(zichtbaar(tabellen.verdeling_tekst(verdeling, centen)))


@main.command()
@click.argument(
    "map_", default=".", type=click.Path(file_okay=False, path_type=Path), metavar="[MAP]"
)
@click.option(
    "--gemeente",
    default="Voorbeeldstad",
    show_default=True,
    help="Naam van de gemeente, voor het projectbestand en het voorbeeld.",
)
@click.option(
    "--sjablonen",
    is_flag=True,
    help="Zet ook een kopie van alle standaardsjablonen in sjablonen/, om aan te passen.",
)
def init(map_: Path, gemeente: str, sjablonen: bool) -> None:
    """Begin een nieuw project in MAP (standaard: deze map).

    Schrijft voorstel.toml (de standaardinstellingen van het project), data/ met één
    voorbeeld-collegevoorstel en een .gitignore die build/ buiten git houdt. Er wordt
    niets overschreven: staat een van die bestanden er al, dan wordt er niets geschreven.
    Met --sjablonen komt er een kopie van de standaardsjablonen bij, die het project dan
    gebruikt.
    """
    from voorstel.bouwen.nieuw import init as init_project
    from voorstel.pijplijn import schema as schema_

    try:
        gemaakt = init_project(map_, gemeente, sjablonen)
    except VoorstelError as exc:
        _toon(exc)
        raise SystemExit(1) from None
    schemas = map_ / schema_.PROJECTMAP
    for pad in gemaakt:
        if "sjablonen" not in (pad.parent.parent.name, pad.parent.name) and pad.parent != schemas:
            click.echo(f"gemaakt: {_relatief(pad)}")
    click.echo(f"gemaakt: {_relatief(schemas)}/ (JSON Schema's voor uw editor)")
    if sjablonen:
        click.echo(f"gemaakt: {_relatief(map_ / 'sjablonen')}/ (de standaardsjablonen)")
    waar = "" if map_ == Path(".") else f"cd {map_} && "
    click.echo(f"maak de documenten met: {waar}voorstel build")


@main.command()
@click.argument("soort", type=SoortKeuze(), metavar="SOORT")
@click.argument("pad", type=click.Path(dir_okay=False, path_type=Path), metavar="PAD")
@click.option(
    "--templates",
    "sjablonen",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Map met eigen sjablonen; een eigen <soort>/nieuw.yaml gaat voor.",
)
def new(soort: str, pad: Path, sjablonen: tuple[Path, ...]) -> None:
    """Maak een nieuw YAML-bestand voor een document van SOORT in PAD.

    SOORT is {soorten}, of een gedeeld bestand: {gedeeld}. Het bestand
    bevat elk veld met een toelichting in het commentaar, en is meteen geldig:
    vervang de voorbeeldteksten en maak het document met 'voorstel build PAD' (een gedeeld
    bestand controleert u met 'voorstel validate PAD' en noemt u in de documenten die het
    gebruiken). Een bestaand bestand wordt nooit overschreven. De eerste regel noemt het
    JSON Schema van de soort, zodat een editor met de YAML-extensie aanvult en uitlegt (zie
    'voorstel schema').
    """
    from voorstel.bouwen.nieuw import nieuw

    try:
        nieuw(soort, pad, (*sjablonen, *_project().sjablonen))
    except VoorstelError as exc:
        _toon(exc)
        raise SystemExit(1) from None
    click.echo(f"gemaakt: {_relatief(pad)}")
    if soort in GEDEELDE_SOORTEN:
        click.echo(
            f"vul de velden in, controleer het bestand met: voorstel validate {_relatief(pad)}, "
            "en verwijs ernaar vanuit de documenten die het gebruiken"
        )
        return
    click.echo(f"vul de velden in en maak het document met: voorstel build {_relatief(pad)}")


class SchemaKeuze(click.Choice):  # type: ignore[type-arg]
    """The schemas voorstel makes, at the moment of use (like SoortKeuze)."""

    def __init__(self) -> None:
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        from voorstel.pijplijn import schema as schema_

        return schema_.namen()

    @choices.setter
    def choices(self, _: object) -> None:
        pass


@main.command()
@click.argument("soort", required=False, type=SchemaKeuze(), metavar="[SOORT]")
@click.option(
    "--out",
    "-o",
    default=None,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="MAP",
    help="Map waarin de schema's komen [standaard: zonder SOORT .voorstel/schemas/ in het "
    "project, met SOORT het scherm].",
)
def schema(soort: str | None, out: Path | None) -> None:
    """Schrijf de JSON Schema's waarmee uw editor aanvult, uitlegt en controleert.

    SOORT is {soorten}, verdeelsleutel of voorstel.toml. Zonder SOORT komen alle schema's
    in MAP (--out), anders in .voorstel/schemas/ van het project: daar verwijzen de
    bestanden van 'voorstel new' en 'voorstel init' naar. Met SOORT en zonder --out komt
    dat ene schema op het scherm. De eigen kopvelden en verplichte secties uit
    voorstel.toml staan erin. Maak de schema's opnieuw na een nieuwe versie van voorstel
    of een wijziging van [kop] in voorstel.toml.
    """
    from voorstel.pijplijn import schema as schema_
    from voorstel.pijplijn.write import schrijffout

    project = _project()
    if soort is not None and out is None:
        click.echo(schema_.als_tekst(schema_.schema(soort, project)), nl=False)
        return
    map_ = out if out is not None else project.map / schema_.PROJECTMAP
    try:
        geschreven = schema_.schrijf(map_, project, [soort] if soort else None)
    except OSError as exc:
        _toon(schrijffout(exc, map_))
        raise SystemExit(1) from None
    for pad in geschreven:
        click.echo(f"geschreven: {_relatief(pad)}")


@main.command()
@click.argument("bestanden", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--rev",
    "bereik",
    metavar="A..B",
    help="Vergelijk één bestand tussen twee versies in git, bijvoorbeeld HEAD~1..HEAD "
    "(zonder B: met het bestand zoals het nu is).",
)
@click.option(
    "--docx",
    "docx_pad",
    type=click.Path(path_type=Path),
    metavar="BESTAND",
    help="Schrijf de nieuwe versie als Word-bestand met elke wijziging als bijgehouden "
    "wijziging (regionaal voorstel zonder --gemeente: een map met een bestand per versie).",
)
@click.option(
    "--md",
    "md_pad",
    type=click.Path(path_type=Path),
    metavar="BESTAND",
    help="Schrijf de nieuwe versie als Markdown met de wijzigingen in CriticMarkup: "
    "{--oud--}{++nieuw++}.",
)
@click.option(
    "--gemeente",
    metavar="NAAM",
    help="Bij een regionaal voorstel: alleen de versie voor deze gemeente.",
)
def diff(
    bestanden: tuple[Path, ...],
    bereik: str | None,
    docx_pad: Path | None,
    md_pad: Path | None,
    gemeente: str | None,
) -> None:
    """Toon elk cijfer dat veranderd is tussen twee versies van een voorstel.

    Geef OUD en NIEUW, of met --rev één bestand. Vergeleken wordt wat de documenten laten
    zien: bedragen, totalen, percentages en de verdeling per gemeente, elk met de plek
    waar het staat. Met --docx (en --md) schrijft het de nieuwe versie met alle
    wijzigingen zichtbaar, om naar het college te sturen.
    """
    from voorstel.bouwen.verschil import verschil, verschil_rev

    verwacht = 1 if bereik else 2
    if len(bestanden) != verwacht:
        raise click.UsageError(
            "geef één bestand met --rev" if bereik else "geef twee bestanden: OUD en NIEUW"
        )
    if gemeente is not None and docx_pad is None and md_pad is None:
        raise click.UsageError("--gemeente hoort bij --docx of --md")
    try:
        if bereik:
            wijzigingen = verschil_rev(bereik, bestanden[0])
        else:
            wijzigingen = verschil(bestanden[0], bestanden[1])
        geschreven = _bijgehouden(bestanden, bereik, docx_pad, md_pad, gemeente)
    except VoorstelError as exc:
        for probleem in exc.problemen:
            _toon(probleem if exc.path else f"fout: {exc.message}")
        raise SystemExit(1) from None
    for wijziging in wijzigingen:
        click.echo(zichtbaar(str(wijziging)))
    aantal = len(wijzigingen)
    click.echo(f"{aantal} {'cijfer' if aantal == 1 else 'cijfers'} gewijzigd")
    for bestand in geschreven:
        n = bestand.wijzigingen
        click.echo(
            f"geschreven: {_relatief(bestand.pad)} ({bestand.wat}, "
            f"{n} {'wijziging' if n == 1 else 'wijzigingen'})"
        )


def _bijgehouden(
    bestanden: tuple[Path, ...],
    bereik: str | None,
    docx_pad: Path | None,
    md_pad: Path | None,
    gemeente: str | None,
) -> list[Geschreven]:
    """The tracked-changes files diff --docx and --md ask for."""
    if docx_pad is None and md_pad is None:
        return []
    from voorstel.bouwen.wijzigingen import schrijf, versies, versies_rev

    project = _project()
    paar = versies_rev(bereik, bestanden[0]) if bereik else versies(*bestanden)
    geschreven: list[Geschreven] = []
    with paar as gelezen:
        for formaat, doel in (("docx", docx_pad), ("md", md_pad)):
            if doel is not None:
                geschreven += schrijf(
                    gelezen, doel, formaat, gemeente, project.sjablonen, project.huisstijl
                )
    return geschreven


def _poort(_ctx: click.Context, _param: click.Parameter, value: int) -> int:
    if not 0 <= value <= 65535:
        raise click.BadParameter(f"{value} kan niet; geef een poort van 0 tot en met 65535")
    return value


@main.command()
@click.argument(
    "map_", required=False, type=click.Path(file_okay=False, path_type=Path), metavar="[MAP]"
)
@click.option(
    "--port",
    "poort",
    type=int,
    default=8000,
    show_default=True,
    metavar="GETAL",
    callback=_poort,
    help="Poort van het voorbeeld (0: een vrije poort).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Adres om op te luisteren; alleen met een ander adres dan 127.0.0.1 is het voorbeeld "
    "ook vanaf andere computers te openen.",
)
@click.option(
    "--templates",
    "sjablonen",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Map met eigen sjablonen; wordt vóór de standaardsjablonen doorzocht.",
)
def serve(map_: Path | None, poort: int, host: str, sjablonen: tuple[Path, ...]) -> None:
    """Bekijk de documenten in MAP in de browser, bijgewerkt bij elke wijziging.

    Zonder MAP: de documenten in data/ (of de map uit voorstel.toml). Elke keer dat u een
    bestand opslaat (een document, een verdeelsleutel, een werkmap, een sjabloon), maakt
    voorstel opnieuw wat daarvan afhangt, en een open pagina werkt zichzelf bij. Fouten staan
    bovenaan de pagina, met de regel waar ze staan. Word en PDF (met LibreOffice) zijn per
    document te downloaden. Het voorbeeld is alleen op deze computer te openen, tenzij u met
    --host een ander adres opgeeft. Stoppen met Ctrl-C.
    """
    from voorstel.bouwen.batch import Afgebroken
    from voorstel.voorbeeld.server import serve as start

    project = _project()
    map_ = map_ or project.data or Path("data")
    if not map_.is_dir():
        raise click.UsageError(f"geen map {_relatief(map_)}/ gevonden; geef de map met documenten")
    try:
        start(
            map_,
            host,
            poort,
            sjablonen,
            project.uitvoer or Path("build"),
            lambda tekst: click.echo(zichtbaar(tekst)),
        )
    except VoorstelError as exc:
        _toon(exc)
        raise SystemExit(1) from None
    except Afgebroken:
        click.echo("afgebroken voordat het voorbeeld begon", err=True)
        raise SystemExit(130) from None


def _noem_soorten(opdracht: click.Command) -> None:
    """Fill in '{soorten}' in a command's help when it is shown, so the help names every
    soort in the registry at that moment."""

    origineel = opdracht.format_help_text

    def format_help_text(ctx: click.Context, formatter: click.HelpFormatter) -> None:
        tekst = opdracht.help
        opdracht.help = (
            (tekst or "")
            .replace("{soorten}", _soorten())
            .replace("{gedeeld}", " of ".join(sorted(GEDEELDE_SOORTEN, reverse=True)))
        )
        try:
            origineel(ctx, formatter)
        finally:
            opdracht.help = tekst

    opdracht.format_help_text = format_help_text  # type: ignore[method-assign]


for _opdracht in (main, new, schema):
    _noem_soorten(_opdracht)
