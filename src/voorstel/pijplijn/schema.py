"""JSON Schemas (draft 2020-12) of every soort, the verdeelsleutel and voorstel.toml, for
the YAML language server of an editor: completion, hover help and checks while writing.

A schema is pydantic's `model_json_schema` of the model, finished here:

- every field's Dutch description is the comment above it in the soort's starter
  (nieuw.yaml), its example the starter's value: the starter is the one source of both
  (tests/test_schema.py checks that every field has one);
- the field types (amounts, percentages, text) bring their own schema from
  blokken/types.py: a Dutch number notation as a pattern, with examples;
- what validate accepts besides a model's own shape: a plain value for a block with one
  field (`- Begroting 2025` for a bijlage), `bron:` for a table from a workbook, one item
  for a list of one;
- a project's own kop fields and required sections (voorstel.toml) when a project is given.

The schema of voorstel.toml comes from the checks in pijplijn/project.py and their texts.
The schemas voorstel ships (voorstel/schemas/) are these without a project;
tests/test_schema.py checks they are what this module makes.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from voorstel.blokken.regio import Ambtsdragers
from voorstel.blokken.types import Kort
from voorstel.blokken.verdeelsleutel import Verdeelsleutel
from voorstel.kern import lakken
from voorstel.kern.formaten import FORMATEN
from voorstel.pijplijn import project, werkboek
from voorstel.pijplijn.validate import BRONTABELLEN, DATUMFOUT, keuzes, modellen_in
from voorstel.pijplijn.write import schrijf_atomisch
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAMAP = Path(__file__).resolve().parent.parent / "schemas"
"""The schemas voorstel ships, without a project's own rules."""
PROJECTMAP = Path(".voorstel") / "schemas"
"""Where `voorstel init`, `new` and `schema` put the schemas of a project, in its folder."""
STARTBESTAND = "nieuw.yaml"
_GEDEELD = Path(__file__).resolve().parent.parent / "blokken" / "gedeeld"
GEDEELD: dict[str, tuple[type[BaseModel], Path, str]] = {
    "verdeelsleutel": (
        Verdeelsleutel,
        _GEDEELD / "verdeelsleutel" / STARTBESTAND,
        "hoe een regio kosten over haar gemeenten verdeelt, één bestand voor veel voorstellen",
    ),
    "ambtsdragers": (
        Ambtsdragers,
        _GEDEELD / "ambtsdragers" / STARTBESTAND,
        "wie de stukken van elke gemeente van een regio ondertekent: burgemeester, "
        "gemeentesecretaris, griffier en voorzitter",
    ),
}
"""The shared soorten (GEDEELDE_SOORTEN): their model, the starter their texts come from,
and what they are."""

_DATUM = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MAX_VOORBEELD = 80
"""A starter's value longer than this is no example in the schema (running text)."""


def namen() -> list[str]:
    """Every schema voorstel makes, by the name `voorstel schema` takes."""
    return [*REGISTER.namen(), *sorted(GEDEELDE_SOORTEN), project.PROJECTBESTAND]


def bestandsnaam(naam: str) -> str:
    """The file a schema is written to: collegevoorstel.schema.json."""
    return f"{naam}.schema.json"


def schema(naam: str, eigen: project.Project | None = None) -> dict[str, Any]:
    """The schema of a soort, a shared soort or (project.PROJECTBESTAND) the project file;
    with `eigen`, the project's own kop fields and required sections are in it."""
    if naam == project.PROJECTBESTAND:
        return projectschema()
    if naam in GEDEELD:
        model, starter, omschrijving = GEDEELD[naam]
        return _documentschema(model, [starter], naam, omschrijving, None)
    if naam not in REGISTER:
        raise KeyError(naam)
    soort = REGISTER[naam]
    starters = [soort.bestand(STARTBESTAND), *(s.bestand(STARTBESTAND) for s in REGISTER)]
    kop = eigen.kop.get(naam) if eigen is not None else None
    return _documentschema(soort.model, starters, naam, soort.omschrijving, kop)


def als_tekst(inhoud: dict[str, Any]) -> str:
    """A schema as its file holds it."""
    return json.dumps(inhoud, ensure_ascii=False, indent=2) + "\n"


def schrijf(
    map_: Path, eigen: project.Project | None = None, welke: list[str] | None = None
) -> list[Path]:
    """Write the schemas (all, or those named) into `map_`, each atomically; existing
    schemas are replaced, as they are voorstel's own output."""
    map_.mkdir(parents=True, exist_ok=True)
    geschreven = []
    for naam in welke or namen():
        pad = map_ / bestandsnaam(naam)
        schrijf_atomisch(pad, als_tekst(schema(naam, eigen)).encode("utf-8"))
        geschreven.append(pad)
    return geschreven


# --- the texts from the starters ---------------------------------------------------------


class Teksten:
    """Per field of a model its description and example, as the starters give them."""

    def __init__(self) -> None:
        self.beschrijving: dict[tuple[type[BaseModel], str], str] = {}
        self.voorbeeld: dict[tuple[type[BaseModel], str], Any] = {}

    def lees(self, pad: Path, model: type[BaseModel]) -> None:
        """Add the texts of one starter; a field described already keeps its text."""
        tekst = ingeschakeld(pad.read_text(encoding="utf-8"))
        data = YAML(typ="rt").load(tekst)
        self._loop(data, [model], tekst.splitlines())

    def _loop(self, node: Any, keuzes: list[type[BaseModel]], regels: list[str]) -> None:
        if isinstance(node, CommentedSeq):
            for item in node:
                self._loop(item, keuzes, regels)
            return
        if not isinstance(node, CommentedMap) or not keuzes or not node:
            return
        model = max(keuzes, key=lambda m: len(set(node) & set(m.model_fields)))
        if not set(node) & set(model.model_fields) and all(
            isinstance(v, CommentedMap) for v in node.values()
        ):  # a mapping of names to blocks (ambtsdragers per gemeente): the blocks count
            for waarde in node.values():
                self._loop(waarde, keuzes, regels)
            return
        velden = model.model_fields
        for sleutel, waarde in node.items():
            if sleutel not in velden:
                continue
            regel = node.lc.key(sleutel)[0]
            self.beschrijving.setdefault((model, sleutel), _boven(regels, regel, set(velden)))
            voorbeeld = _voorbeeld(waarde)
            if voorbeeld is not None:
                self.voorbeeld.setdefault((model, sleutel), voorbeeld)
            self._loop(waarde, modellen_in(velden[sleutel].annotation), regels)
        # an alternative left in the starter as a comment: '# tabel: kosten' among the keys
        sleutels = list(node)
        eerste, laatste = node.lc.key(sleutels[0])[0], node.lc.key(sleutels[-1])[0]
        inspringing = " " * node.lc.key(sleutels[-1])[1]
        for index in range(eerste, laatste + 1):
            uit = re.match(rf"^{inspringing}# ([a-z_]+):", regels[index])
            if uit and uit[1] in velden and uit[1] not in node:
                self.beschrijving.setdefault((model, uit[1]), _boven(regels, index, set(velden)))

    def ontbrekend(self, model: type[BaseModel]) -> list[str]:
        """Every field of the model and the models in it that has no description."""
        return sorted(
            f"{m.__name__}.{veld}"
            for m in _modellen(model)
            for veld in m.model_fields
            if not self.beschrijving.get((m, veld))
        )


def ingeschakeld(tekst: str) -> str:
    """A starter with its switched-off blocks switched on: a line '# regio:' with the lines
    under it that start with '#   ' loses its '# ', so the fields in it count too."""
    regels = tekst.splitlines()
    uit: list[str] = []
    index = 0
    while index < len(regels):
        blok = re.match(r"^(\s*)# [a-z_]+:\s*$", regels[index])
        volgende = regels[index + 1] if index + 1 < len(regels) else ""
        if blok and volgende.startswith(blok[1] + "#   "):
            inspringing = blok[1]
            uit.append(inspringing + regels[index][len(inspringing) + 2 :])
            index += 1
            while index < len(regels) and regels[index].startswith(inspringing + "#   "):
                uit.append(inspringing + regels[index][len(inspringing) + 2 :])
                index += 1
            continue
        uit.append(regels[index])
        index += 1
    return "\n".join(uit) + "\n"


def _boven(regels: list[str], index: int, velden: set[str]) -> str:
    """The comment lines right above line `index`, at its indentation (that of the '- ' of
    a list item), as one text; a sentence telling to take away the # (a switched-off
    block) is left out."""
    inspringing = regels[index][: len(regels[index]) - len(regels[index].lstrip(" "))]
    delen: list[str] = []
    for regel in reversed(regels[:index]):
        if not regel.startswith(inspringing + "#") or regel[len(inspringing) :][:2] == "#  ":
            break
        inhoud = regel[len(inspringing) + 1 :].strip()
        sleutel = re.match(r"([a-z_]+):", inhoud)
        if sleutel and sleutel[1] in velden:
            break
        delen.insert(0, inhoud)
    tekst = " ".join(delen)
    zinnen = re.split(r"(?<=[.!?])\s+", tekst)
    tekst = " ".join(z for z in zinnen if "haal de # weg" not in z).strip()
    return tekst[:-1] + "." if tekst.endswith(":") else tekst


def _voorbeeld(waarde: Any) -> Any:
    """A starter's value as an example: a short scalar, not running text."""
    if isinstance(waarde, LiteralScalarString | bool):
        return None
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, str) and len(waarde) <= _MAX_VOORBEELD and "\n" not in waarde:
        return str(waarde)
    if isinstance(waarde, int):
        return int(waarde)
    return None


def _modellen(model: type[BaseModel]) -> list[type[BaseModel]]:
    """A model and every model its fields can hold, however deep, in a stable order."""
    gevonden = [model]
    for gezien in gevonden:
        for info in gezien.model_fields.values():
            gevonden += [m for m in modellen_in(info.annotation) if m not in gevonden]
    return gevonden


def teksten(starters: list[Path], model: type[BaseModel]) -> Teksten:
    """The texts of a model from its starters, the first one first (its own starter, then
    those of the other soorten for blocks it shares with them)."""
    gevonden = Teksten()
    for starter in starters:
        if starter.is_file():
            gevonden.lees(starter, model if starter == starters[0] else _document_van(starter))
    return gevonden


def _document_van(starter: Path) -> type[BaseModel]:
    for soort in REGISTER:
        if soort.bestand(STARTBESTAND) == starter:
            return soort.model
    for model, pad, _ in GEDEELD.values():
        if pad == starter:
            return model
    raise KeyError(starter)


# --- the schema of a document ------------------------------------------------------------


def _documentschema(
    model: type[BaseModel],
    starters: list[Path],
    naam: str,
    omschrijving: str,
    kop: project.Kop | None,
) -> dict[str, Any]:
    ruw = model.model_json_schema()
    defs: dict[str, Any] = ruw.pop("$defs", {})
    _zonder_pydantic_teksten(ruw)
    for definitie in defs.values():
        _zonder_pydantic_teksten(definitie)
    per_naam = {m.__name__: m for m in _modellen(model)}
    gevonden = teksten(starters, model)
    _beschrijf(ruw, model, gevonden)
    for defnaam, definitie in defs.items():
        if defnaam in per_naam:
            _beschrijf(definitie, per_naam[defnaam], gevonden)
    for knoop in [ruw, *defs.values()]:
        for _, eigenschap in _eigenschappen(knoop):
            _datums(eigenschap)
    _uit_bron(ruw, defs)
    for defnaam, definitie in list(defs.items()):
        _uit_bron(definitie, defs)
        gevonden_model = per_naam.get(defnaam)
        if gevonden_model is not None:
            _enkel_of_lijst(definitie, gevonden_model)
    for defnaam, gevonden_model in per_naam.items():
        if defnaam in defs and issubclass(gevonden_model, Kort):
            defs[defnaam] = _kort(defs[defnaam], gevonden_model.kort_veld)
    if kop is not None:
        _eigen_kop(ruw, defs, model, kop)
    ruw.pop("title", None)
    resultaat: dict[str, Any] = {
        "$schema": DIALECT,
        "title": f"voorstel: {naam}",
        "description": f"Een {naam} voor voorstel: {omschrijving}.",
        **ruw,
    }
    if defs:
        resultaat["$defs"] = dict(sorted(defs.items()))
    return resultaat


_TEKSTSLEUTELS = ("title", "description")


def _zonder_pydantic_teksten(knoop: Any) -> None:
    """Take out pydantic's titles (from the field names) and descriptions (the English
    docstrings): the Dutch texts come from the starters."""
    if isinstance(knoop, list):
        for item in knoop:
            _zonder_pydantic_teksten(item)
        return
    if not isinstance(knoop, dict):
        return
    for sleutel in _TEKSTSLEUTELS:
        knoop.pop(sleutel, None)
    for sleutel, waarde in knoop.items():
        if sleutel in ("properties", "$defs"):
            for binnen in waarde.values():
                _zonder_pydantic_teksten(binnen)
        elif sleutel not in ("examples", "default", "const", "enum"):
            _zonder_pydantic_teksten(waarde)


def _eigenschappen(knoop: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The properties of an object schema (also inside the anyOf of a short form)."""
    yield from knoop.get("properties", {}).items()
    for vorm in knoop.get("anyOf", []):
        if isinstance(vorm, dict):
            yield from vorm.get("properties", {}).items()


def _beschrijf(knoop: dict[str, Any], model: type[BaseModel], gevonden: Teksten) -> None:
    for veld, eigenschap in knoop.get("properties", {}).items():
        beschrijving = gevonden.beschrijving.get((model, veld))
        if beschrijving:
            eigenschap["description"] = beschrijving
        voorbeeld = gevonden.voorbeeld.get((model, veld))
        if voorbeeld is not None and "const" not in eigenschap:
            eigenschap["examples"] = [voorbeeld]


def _datums(knoop: Any) -> None:
    """A date is written as JJJJ-MM-DD: the pattern says so (format alone checks nothing).
    A date and a choice get the Dutch message validate gives for them, for the editor."""
    if isinstance(knoop, list):
        for item in knoop:
            _datums(item)
    elif isinstance(knoop, dict):
        if knoop.get("format") == "date" and knoop.get("type") == "string":
            knoop["pattern"] = _DATUM
            knoop["errorMessage"] = DATUMFOUT
            knoop.setdefault("examples", ["2025-03-04"])
        if isinstance(knoop.get("enum"), list) and all(isinstance(w, str) for w in knoop["enum"]):
            knoop["errorMessage"] = "ongeldige waarde; kies uit " + keuzes(tuple(knoop["enum"]))
        for sleutel, waarde in knoop.items():
            if sleutel not in ("examples", "default", "const", "enum"):
                _datums(waarde)


def _kort(definitie: dict[str, Any], veld: str) -> dict[str, Any]:
    """A block that may be one plain value: its object form, or the value of `veld`."""
    waarde = {
        k: v
        for k, v in definitie["properties"][veld].items()
        if k not in ("description", "examples", "default")
    }
    return {"anyOf": [definitie, waarde]}


def _enkel_of_lijst(definitie: dict[str, Any], model: type[BaseModel]) -> None:
    """A list field that may hold one item instead (the inrichtingskeuzes per onderdeel)."""
    for veld in getattr(model, "enkel_of_lijst", ()):
        eigenschap = definitie["properties"][veld]
        lijst = {k: v for k, v in eigenschap.items() if k not in ("description", "examples")}
        for sleutel in lijst:
            del eigenschap[sleutel]
        eigenschap["anyOf"] = [lijst["items"], lijst]


def _bron_def(defs: dict[str, Any]) -> dict[str, str]:
    """The definition of a `bron:` (a workbook or CSV file), made once."""
    if "Bron" not in defs:
        eigenschappen: dict[str, Any] = {
            veld: {"type": "string", "description": tekst}
            for veld, tekst in werkboek.BRONVELDEN.items()
        }
        eigenschappen["bereik"]["pattern"] = (
            r"^\$?[A-Za-z]{1,3}\$?[0-9]{1,7}:\$?[A-Za-z]{1,3}\$?[0-9]{1,7}$"
        )
        eigenschappen["bereik"]["examples"] = ["A3:F20"]
        eigenschappen["getallen"]["enum"] = ["nl", "en"]
        del eigenschappen["getallen"]["type"]
        eigenschappen["blad"]["type"] = ["string", "integer"]
        defs["Bron"] = {
            "type": "object",
            "description": "De cijfers uit een Excel-werkmap of CSV-bestand.",
            "properties": eigenschappen,
            "required": ["bestand"],
            "additionalProperties": False,
        }
    return {"$ref": "#/$defs/Bron", "description": _BRON}


_BRON = (
    "De cijfers uit een Excel-werkmap of CSV-bestand in plaats van hier getypt, bijvoorbeeld "
    "{bestand: begroting.xlsx, blad: Wijziging, bereik: A3:F20}."
)


def _uit_bron(knoop: dict[str, Any], defs: dict[str, Any]) -> None:
    """A table whose cells may come from a workbook: `bron:` instead of the fields it fills
    (validate._vul_bronnen)."""
    for veld, eigenschap in list(_eigenschappen(knoop)):
        if veld not in BRONTABELLEN:
            continue
        vervangen = BRONTABELLEN[veld]
        if not vervangen:  # the whole value comes from the source
            alleen_bron = {
                "type": "object",
                "properties": {"bron": _bron_def(defs)},
                "required": ["bron"],
                "additionalProperties": False,
            }
            origineel = {k: v for k, v in eigenschap.items() if k not in ("description",)}
            for sleutel in list(eigenschap):
                if sleutel != "description":
                    del eigenschap[sleutel]
            eigenschap["anyOf"] = [origineel, alleen_bron]
            continue
        for vorm in eigenschap.get("anyOf", [eigenschap]):
            ref = vorm.get("$ref", "")
            if not ref.startswith("#/$defs/") or ref.endswith("UitBron"):
                continue
            doel = ref.removeprefix("#/$defs/")
            uit_bron = f"{doel}UitBron"
            if uit_bron not in defs:
                bron = copy.deepcopy(defs[doel])
                for weg in vervangen:
                    bron["properties"].pop(weg, None)
                bron["properties"]["bron"] = _bron_def(defs)
                bron["required"] = [
                    "bron",
                    *(r for r in bron.get("required", []) if r not in vervangen),
                ]
                defs[uit_bron] = bron
            del vorm["$ref"]
            vorm["anyOf"] = [{"$ref": ref}, {"$ref": f"#/$defs/{uit_bron}"}]


def _eigen_kop(
    ruw: dict[str, Any], defs: dict[str, Any], model: type[BaseModel], kop: project.Kop
) -> None:
    """The project's kop fields in the kopblok, its required sections in the document."""
    for sectie in kop.verplichte_secties:
        if sectie not in ruw.setdefault("required", []):
            ruw["required"].append(sectie)
    info = model.model_fields.get("kopblok")
    if info is None or not kop.velden:
        return
    kopmodel = modellen_in(info.annotation)[0]
    definitie = defs[kopmodel.__name__]
    for veld in kop.velden:
        eigenschap: dict[str, Any] = {"description": f"{veld.label} (uit voorstel.toml)."}
        if veld.waarden:
            eigenschap["enum"] = list(veld.waarden)
            _datums(eigenschap)
        else:
            eigenschap.update({"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "number"}]})
        definitie["properties"][veld.naam] = eigenschap
        if veld.verplicht:
            definitie.setdefault("required", []).append(veld.naam)


# --- the schema of voorstel.toml -----------------------------------------------------------

_TOML_TYPE: dict[type, dict[str, Any]] = {
    str: {"type": "string"},
    list: {"type": "array"},
    bool: {"type": "boolean"},
    dict: {"type": "object", "additionalProperties": {"type": "string"}},
}


def _zin(tekst: str, soort: str = "") -> str:
    """An explanation from project.py as a sentence: capital first (not of true or false),
    full stop last, <soort> filled in."""
    tekst = tekst.replace("<soort>", soort)
    if not tekst.startswith(("true", "false")):
        tekst = tekst[0].upper() + tekst[1:]
    return tekst if tekst.endswith(".") else tekst + "."


def projectschema() -> dict[str, Any]:
    """The schema of voorstel.toml, from the checks and texts of pijplijn/project.py."""
    tabellen: dict[str, Any] = {}
    for tabel, velden in project.INSTELLINGEN.items():
        eigenschappen: dict[str, Any] = {}
        for veld, type_ in velden.items():
            eigenschap = {
                "description": _zin(project.UITLEG[f"{tabel}.{veld}"]),
                **_TOML_TYPE[type_],
            }
            eigenschappen[veld] = eigenschap
        tabellen[tabel] = {
            "type": "object",
            "description": _zin(project.TABELUITLEG[tabel]),
            "properties": eigenschappen,
            "additionalProperties": False,
        }
    bouwen = tabellen["bouwen"]["properties"]
    bouwen["formaten"].update(
        {"items": {"enum": list(FORMATEN)}, "minItems": 1, "examples": [["docx", "md"]]}
    )
    bouwen["sjablonen"]["items"] = {"type": "string"}
    for eigenschap in tabellen["lakken"]["properties"].values():  # a Woo ground, or false
        del eigenschap["type"]
        eigenschap["anyOf"] = [{"enum": list(lakken.gronden())}, {"const": False}]
    soorten: dict[str, Any] = {}
    for soort in project.kopsoorten():
        eigen = project.kopvelden_van(soort)
        secties = [v for v in REGISTER[soort].model.model_fields if v not in ("soort", "kopblok")]
        kopveld: dict[str, Any] = {
            "type": "object",
            "properties": {
                naam: {"description": _zin(project.KOPVELD_UITLEG[naam]), **_TOML_TYPE[type_]}
                for naam, type_ in project.KOPVELD.items()
            },
            "required": ["naam", "label"],
            "additionalProperties": False,
        }
        kopveld["properties"]["naam"].update(
            {
                "pattern": project.VELDNAAM.pattern.join("^$"),
                "not": {"enum": [*eigen, *project.GERESERVEERD]},
            }
        )
        kopveld["properties"]["label"]["pattern"] = r"\S"
        kopveld["properties"]["waarden"].update(
            {"items": {"type": "string", "pattern": r"\S"}, "minItems": 1, "uniqueItems": True}
        )
        soorten[soort] = {
            "type": "object",
            "description": _zin(project.TABELUITLEG["kop.<soort>"], soort),
            "properties": {
                "velden": {
                    "type": "array",
                    "description": _zin(project.TABELUITLEG["kop.<soort>.velden"], soort),
                    "items": kopveld,
                },
                "verplichte_secties": {
                    "type": "array",
                    "description": _zin(
                        project.TABELUITLEG["kop.<soort>.verplichte_secties"], soort
                    ),
                    "items": {"enum": secties},
                    "examples": [["alternatieven", "beoogd_effect"]],
                },
            },
            "additionalProperties": False,
        }
    tabellen["kop"] = {
        "type": "object",
        "description": _zin(project.TABELUITLEG["kop"]),
        "properties": soorten,
        "additionalProperties": False,
    }
    _datums(tabellen)
    return {
        "$schema": DIALECT,
        "title": f"voorstel: {project.PROJECTBESTAND}",
        "description": "Het projectbestand van voorstel: de standaardinstellingen van het "
        "project en de eigen regels van de gemeente voor haar documenten.",
        "type": "object",
        "properties": tabellen,
        "additionalProperties": False,
    }


if __name__ == "__main__":  # make schemas: the schemas voorstel ships
    for geschreven in schrijf(SCHEMAMAP):
        print(f"geschreven: {geschreven}")
