"""New: a starter YAML for a soort, with every field present and a Dutch comment on each.

The starter texts are files, nieuw.yaml in each soort's folder, so a user's own template
folder (--templates) can hold its own <soort>/nieuw.yaml, as it can for the .docx and .md
templates. `init` writes a whole starter project.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Sequence
from pathlib import Path

from voorstel.kern.errors import SchrijfFout, VoorstelError
from voorstel.pijplijn.write import schrijf_nieuw, schrijffout
from voorstel.soorten import REGISTER
from voorstel.uitvoer.omgeving import BLOKKEN, zoek_sjabloon

STARTBESTAND = "nieuw.yaml"


def startbestand(soort: str, sjablonen: Sequence[Path] = ()) -> Path:
    """The starter file of a soort: the user's template folders first, then the defaults."""
    if soort not in REGISTER:
        raise VoorstelError(
            f"onbekende soort '{soort}'; kies uit {', '.join(sorted(REGISTER.namen()))}"
        )
    try:
        return zoek_sjabloon(f"{soort}/{STARTBESTAND}", sjablonen)
    except FileNotFoundError:
        raise VoorstelError(
            f"geen startbestand voor soort '{soort}' gevonden; "
            f"verwacht {soort}/{STARTBESTAND} in een sjabloonmap"
        ) from None


def nieuw(soort: str, pad: Path, sjablonen: Sequence[Path] = ()) -> Path:
    """Write the starter of `soort` to `pad`; an existing file is never overwritten."""
    tekst = startbestand(soort, sjablonen).read_bytes()
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
"""
GITIGNORE = "# Wat voorstel maakt, hoort niet in git: het komt altijd uit data/.\nbuild/\n"
VOORBEELD = Path("data") / "voorbeeld" / "collegevoorstel.yaml"


def eigen_sjablonen(doel: Path) -> dict[Path, bytes]:
    """voorstel's own templates and starters, as a template folder to edit: <soort>/<file>
    for every soort, _blokken/<file> for the shared blocks."""
    bestanden: dict[Path, bytes] = {}
    for soort in REGISTER:
        for pad in sorted(soort.map.iterdir()):
            if pad.suffix in (".docx", ".j2") or pad.name == STARTBESTAND:
                bestanden[doel / soort.naam / pad.name] = pad.read_bytes()
    for pad in sorted(BLOKKEN.iterdir()):
        bestanden[doel / "_blokken" / pad.name] = pad.read_bytes()
    return bestanden


def init(map_: Path, gemeente: str = "Voorbeeldstad", sjablonen: bool = False) -> list[Path]:
    """Write a starter project into `map_`: voorstel.toml, data/ with one example, and a
    .gitignore with build/; with `sjablonen`, a copy of the default templates in sjablonen/
    that the project uses. Nothing is overwritten: if one exists, nothing is written."""
    if '"' in gemeente or "\\" in gemeente or any(ord(t) < 32 for t in gemeente):
        raise VoorstelError(f"de naam van de gemeente kan geen {gemeente!r} bevatten")
    voorbeeld = startbestand("collegevoorstel").read_text(encoding="utf-8")
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
    return list(bestanden)
