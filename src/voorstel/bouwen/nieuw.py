"""New: a starter YAML for a soort, with every field present and a Dutch comment on each.

The starter texts are files, nieuw.yaml in each soort's folder, so a user's own template
folder (--templates) can hold its own <soort>/nieuw.yaml, as it can for the .docx and .md
templates. `init` writes a whole starter project.

A new YAML file starts with a line for the YAML language server of an editor, naming the
JSON Schema of its soort: `# yaml-language-server: $schema=<pad>`. In a project (a
voorstel.toml in the file's folder or above it) the schemas are written into the project's
.voorstel/schemas/, with its own kop fields, and the line names them relatively, so it holds
in every clone of the project; outside a project it names the schema inside the installed
package.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Sequence
from pathlib import Path

from voorstel.kern.errors import SchrijfFout, VoorstelError
from voorstel.pijplijn import project, schema
from voorstel.pijplijn.sjabloonpad import GEDEELD, zoek_sjabloon
from voorstel.pijplijn.write import schrijf_nieuw, schrijffout
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER

STARTBESTAND = "nieuw.yaml"


def soorten() -> list[str]:
    """Every soort `new` writes a starter for: the documents, then the shared files."""
    return [*REGISTER.namen(), *sorted(GEDEELDE_SOORTEN)]


def startbestand(soort: str, sjablonen: Sequence[Path] = ()) -> Path:
    """The starter file of a soort (or of a shared file such as a verdeelsleutel): the
    user's template folders first, then the defaults."""
    if soort not in REGISTER and soort not in GEDEELDE_SOORTEN:
        raise VoorstelError(f"onbekende soort '{soort}'; kies uit {', '.join(sorted(soorten()))}")
    try:
        return zoek_sjabloon(f"{soort}/{STARTBESTAND}", sjablonen)
    except FileNotFoundError:
        raise VoorstelError(
            f"geen startbestand voor soort '{soort}' gevonden; "
            f"verwacht {soort}/{STARTBESTAND} in een sjabloonmap"
        ) from None


SCHEMAREGEL = "# yaml-language-server: $schema="
"""The first line of a new YAML file, before the path of its JSON Schema."""


def met_schemaregel(tekst: str, verwijzing: str | None) -> str:
    """The starter with the schema line on top (instead of one it has already)."""
    if verwijzing is None:
        return tekst
    if tekst.startswith(SCHEMAREGEL):
        tekst = tekst.split("\n", 1)[1] if "\n" in tekst else ""
    return f"{SCHEMAREGEL}{verwijzing}\n{tekst}"


def verwijzing(soort: str, pad: Path, projectmap: Path | None) -> str | None:
    """How the YAML file `pad` names the schema of its soort: relative to its folder in the
    project's .voorstel/schemas/, or (without a project) the schema in the package; None
    for a soort the package has no schema of (one registered by a test)."""
    naam = schema.bestandsnaam(soort)
    if projectmap is None:
        gedeeld = schema.SCHEMAMAP / naam
        return gedeeld.as_posix() if gedeeld.is_file() else None
    doel = projectmap.resolve() / schema.PROJECTMAP / naam
    return Path(os.path.relpath(doel, pad.parent.resolve())).as_posix()


def schrijf_schemas(projectmap: Path, eigen: project.Project | None) -> list[Path]:
    """The schemas of every soort, in the project's .voorstel/schemas/ (replaced: they are
    voorstel's own, made anew with each new file)."""
    try:
        return schema.schrijf(projectmap / schema.PROJECTMAP, eigen)
    except OSError as exc:
        raise schrijffout(exc, projectmap / schema.PROJECTMAP) from None


def nieuw(soort: str, pad: Path, sjablonen: Sequence[Path] = ()) -> Path:
    """Write the starter of `soort` to `pad`; an existing file is never overwritten. In a
    project, the schemas are (re)written into its .voorstel/schemas/."""
    eigen = project.van_document(pad)
    projectmap = eigen.map if eigen is not None else None
    starter = startbestand(soort, sjablonen).read_text(encoding="utf-8")
    tekst = met_schemaregel(starter, verwijzing(soort, pad, projectmap)).encode("utf-8")
    try:
        if pad.exists() or pad.is_symlink():
            raise _bestaat_al(pad)
    except OSError as exc:  # a name too long, a parent that is a file
        raise schrijffout(exc, pad) from None
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise schrijffout(NotADirectoryError(errno.ENOTDIR, "geen map"), pad) from None
    except OSError as exc:
        raise schrijffout(exc, pad) from None
    if projectmap is not None:  # first, so the new file never names a schema not written
        schrijf_schemas(projectmap, eigen)
    try:
        schrijf_nieuw(pad, tekst)
    except FileExistsError:
        raise _bestaat_al(pad) from None
    except OSError as exc:
        raise schrijffout(exc, pad) from None
    return pad


def _bestaat_al(pad: Path) -> SchrijfFout:
    return SchrijfFout(
        "bestaat al en wordt niet overschreven; kies een andere naam of verwijder het "
        "bestand eerst",
        path=pad,
    )


PROJECT_TOML = """\
#:schema .voorstel/schemas/voorstel.toml.schema.json
# Projectbestand van voorstel: de standaardinstellingen van dit project.
# Elke instelling mag weg; een opdrachtregeloptie gaat altijd voor.

[organisatie]
naam = "{naam}"
gemeente = "{gemeente}"
# tooi = "gm0000"   # TOOI-code van de organisatie, voor publicatie
# cbs = "0000"      # CBS-gemeentecode
# rsin = "000000000"  # RSIN van de organisatie, voor het zaaksysteem (--zgw)

[bouwen]
data = "data"                 # de map met de documenten
uitvoer = "build"             # de uitvoermap
formaten = ["docx", "md"]     # kies uit docx, md, html, pdf
# huisstijl = "huisstijl/sjabloon.dotx"   # het Word-bestand met de huisstijl van de gemeente
# sjablonen = ["sjablonen"]               # mappen met eigen sjablonen
# pdfa = true                             # PDF als PDF/A-2, voor archivering
# pdfua = true                            # PDF als PDF/UA, toegankelijk (met pdfa: beide)

# Eigen velden in de kop van een documentsoort, en secties die elk document van die soort
# moet hebben. Haal de # weg om ze te gebruiken; de documenten vullen de velden dan in hun
# kopblok in (bevoegdheid: budgetrecht).
# [kop.raadsvoorstel]
# verplichte_secties = ["alternatieven", "beoogd_effect"]
#
# [[kop.raadsvoorstel.velden]]
# naam = "bevoegdheid"                    # de naam in het YAML-bestand
# label = "Soort bevoegdheid"             # de naam in het document
# verplicht = true                        # mag weg: standaard niet verplicht
# waarden = ["kaderstellend", "controlerend", "budgetrecht", "overig"]   # mag weg

# De Woo-grond waarop voorstel build --publicatie persoonsgegevens van ambtenaren lakt;
# standaard 5.1.2e (de persoonlijke levenssfeer); false: niet lakken. Zie "Lakken" in de
# README.
# [lakken]
# contactpersoon = "5.1.2e"   # de naam van de contactpersoon
# email = "5.1.2e"
# telefoon = "5.1.2e"
# auteur = "5.1.2e"           # de auteurs van een memo
"""
GITIGNORE = "# Wat voorstel maakt, hoort niet in git: het komt altijd uit data/.\nbuild/\n"
VOORBEELD = Path("data") / "voorbeeld" / "collegevoorstel.yaml"


def eigen_sjablonen(doel: Path) -> dict[Path, bytes]:
    """voorstel's own templates and starters, as a template folder to edit: <soort>/<file>
    for every soort and every shared soort (verdeelsleutel, ambtsdragers); each template
    whole: no block lives in a file of its own."""
    bestanden: dict[Path, bytes] = {}
    for soort in REGISTER:
        for pad in sorted(soort.map.iterdir()):
            if pad.suffix in (".docx", ".j2") or pad.name == STARTBESTAND:
                bestanden[doel / soort.naam / pad.name] = pad.read_bytes()
    for soort_ in sorted(GEDEELDE_SOORTEN):
        for pad in sorted((GEDEELD / soort_).iterdir()):
            bestanden[doel / soort_ / pad.name] = pad.read_bytes()
    return bestanden


def init(map_: Path, gemeente: str = "Voorbeeldstad", sjablonen: bool = False) -> list[Path]:
    """Write a starter project into `map_`: voorstel.toml, data/ with one example, and a
    .gitignore with build/; with `sjablonen`, a copy of the default templates in sjablonen/
    that the project uses; and the JSON Schemas in .voorstel/schemas/ (voorstel's own, so
    replaced). Nothing else is overwritten: if one exists, nothing is written."""
    if '"' in gemeente or "\\" in gemeente or any(ord(t) < 32 for t in gemeente):
        raise VoorstelError(f"de naam van de gemeente kan geen {gemeente!r} bevatten")
    voorbeeld = met_schemaregel(
        startbestand("collegevoorstel").read_text(encoding="utf-8"),
        verwijzing("collegevoorstel", map_ / VOORBEELD, map_),
    )
    if gemeente != "Voorbeeldstad":
        voorbeeld = re.sub(r"(?m)^gemeente: .*$", f"gemeente: {gemeente}", voorbeeld, count=1)
    toml = PROJECT_TOML.format(naam=f"Gemeente {gemeente}", gemeente=gemeente)
    if sjablonen:
        toml = toml.replace('# sjablonen = ["sjablonen"]      ', 'sjablonen = ["sjablonen"]')
    bestanden: dict[Path, bytes] = {
        map_ / "voorstel.toml": toml.encode("utf-8"),
        map_ / ".gitignore": GITIGNORE.encode("utf-8"),
        map_ / VOORBEELD: voorbeeld.encode("utf-8"),
        **(eigen_sjablonen(map_ / "sjablonen") if sjablonen else {}),
    }
    bestaand = [p for p in bestanden if p.exists() or p.is_symlink()]
    if bestaand:
        raise SchrijfFout(
            "bestaat al; voorstel init maakt een nieuw project en overschrijft niets "
            "(kies een lege map)",
            path=bestaand[0],
        )
    for pad, tekst in bestanden.items():
        try:
            pad.parent.mkdir(parents=True, exist_ok=True)
            schrijf_nieuw(pad, tekst)
        except FileExistsError:
            raise _bestaat_al(pad) from None
        except OSError as exc:
            raise schrijffout(exc, pad) from None
    return [*bestanden, *schrijf_schemas(map_, None)]
