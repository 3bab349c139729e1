"""The JSON Schemas for editors: shipped as generated, every field explained, and in
agreement with `voorstel validate` on examples, starters and a set of good and bad cases.

The schemas are checked with jsonschema (draft 2020-12), as an editor's YAML language server
would: the YAML read in the core schema of YAML 1.2, dates as the text written. Where a rule
cannot be said in a JSON Schema (a total that must foot, shares that make 100%), the case
is a known difference, listed by name in VERSCHILLEN.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import json
import re
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from conftest import ROOT
from voorstel.bouwen.nieuw import SCHEMAREGEL
from voorstel.cli import main
from voorstel.kern import nl
from voorstel.kern.errors import NotatieFout, VoorstelError
from voorstel.pijplijn import project, schema
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate
from voorstel.soorten import GEDEELDE_SOORTEN, REGISTER

DATA = ROOT / "data"


def lees(tekst: str) -> Any:
    """YAML as an editor's language server reads it: YAML 1.2, dates and keys as text."""
    return _json(YAML(typ="safe", pure=True).load(tekst))


def _json(waarde: Any) -> Any:
    if isinstance(waarde, dict):
        return {str(k): _json(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_json(v) for v in waarde]
    if isinstance(waarde, dt.date | dt.datetime):
        return waarde.isoformat()
    return waarde


@functools.cache
def _validator(naam: str) -> Draft202012Validator:
    return Draft202012Validator(schema.schema(naam))


def fouten(naam: str, data: Any, eigen: project.Project | None = None) -> list[str]:
    validator = Draft202012Validator(schema.schema(naam, eigen)) if eigen else _validator(naam)
    return [
        f"{'.'.join(map(str, f.absolute_path))}: {f.message[:200]}"
        for f in validator.iter_errors(data)
    ]


def schema_van(pad: Path) -> str:
    soort = lees(pad.read_text(encoding="utf-8"))["soort"]
    assert isinstance(soort, str)
    return soort


# --- the schemas themselves -------------------------------------------------------------


@pytest.mark.parametrize("naam", schema.namen())
def test_schema_is_geldig_draft_2020_12(naam: str) -> None:
    inhoud = schema.schema(naam)
    assert inhoud["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(inhoud)


@pytest.mark.parametrize("naam", schema.namen())
def test_meegeleverd_schema_is_wat_de_generator_maakt(naam: str) -> None:
    """The schemas in the package are the generator's output: after a change to a model,
    a starter or the generator, run `make schemas` and commit them."""
    pad = schema.SCHEMAMAP / schema.bestandsnaam(naam)
    assert pad.read_text(encoding="utf-8") == schema.als_tekst(schema.schema(naam))


def test_geen_ander_schema_in_het_pakket() -> None:
    assert sorted(p.name for p in schema.SCHEMAMAP.iterdir()) == sorted(
        schema.bestandsnaam(n) for n in schema.namen()
    )


def test_elke_gedeelde_soort_heeft_een_schema() -> None:
    assert set(schema.GEDEELD) == set(GEDEELDE_SOORTEN)


@pytest.mark.parametrize("naam", [*REGISTER.namen(), *sorted(GEDEELDE_SOORTEN)])
def test_elk_veld_heeft_een_beschrijving_uit_het_startbestand(naam: str) -> None:
    """One source: the comment above a field in the starter is its description."""
    if naam in schema.GEDEELD:
        model, starter, _ = schema.GEDEELD[naam]
        starters = [starter]
    else:
        model = REGISTER[naam].model
        starters = [s.bestand(schema.STARTBESTAND) for s in REGISTER]
        starters.insert(0, REGISTER[naam].bestand(schema.STARTBESTAND))
    assert schema.teksten(starters, model).ontbrekend(model) == []


def eigenschappen(knoop: Any, pad: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every property of every object in a schema, with where it is."""
    gevonden: list[tuple[str, dict[str, Any]]] = []
    if isinstance(knoop, dict):
        for naam, binnen in knoop.get("properties", {}).items():
            gevonden.append((f"{pad}.{naam}", binnen))
            gevonden += eigenschappen(binnen, f"{pad}.{naam}")
        for sleutel, binnen in knoop.items():
            if sleutel in ("$defs",):
                for defnaam, definitie in binnen.items():
                    gevonden += eigenschappen(definitie, defnaam)
            elif sleutel in ("anyOf", "oneOf", "items", "additionalProperties"):
                gevonden += eigenschappen(binnen, pad)
    elif isinstance(knoop, list):
        for item in knoop:
            gevonden += eigenschappen(item, pad)
    return gevonden


@pytest.mark.parametrize("naam", schema.namen())
def test_elke_eigenschap_heeft_een_nederlandse_beschrijving(naam: str) -> None:
    zonder = [p for p, e in eigenschappen(schema.schema(naam)) if not e.get("description")]
    assert zonder == []
    tekst = json.dumps(schema.schema(naam), ensure_ascii=False)
    assert '"title": "' + naam not in tekst  # no pydantic titles, no English docstrings
    for engels in ("A cost table", "The head of a document", "Base of every"):
        assert engels not in tekst


def test_toegestane_waarden_en_voorbeelden() -> None:
    memo = schema.schema("memo")
    kop = memo["$defs"]["Kopblok"]["properties"]
    assert kop["openbaarheid"]["enum"] == ["openbaar", "vertrouwelijk", "geheim"]
    assert kop["datum"]["examples"] == ["2025-03-04"]
    assert kop["datum"]["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    collegevoorstel = schema.schema("collegevoorstel")
    bedrag = collegevoorstel["$defs"]["Post"]["properties"]["bedrag"]
    assert "€ 1.500,00" in json.dumps(bedrag, ensure_ascii=False)
    patronen = [v.get("pattern") for v in bedrag["anyOf"]]
    assert nl.PATROON_BEDRAG_NIET_NEGATIEF in patronen
    assert nl.PATROON_PM in patronen
    assert memo["properties"]["soort"]["const"] == "memo"


# --- examples and starters ----------------------------------------------------------------

VOORBEELDEN = sorted(p for p in DATA.rglob("*.yaml") if "soort:" in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("pad", VOORBEELDEN, ids=lambda p: str(p.relative_to(DATA)))
def test_elk_voorbeeld_past_in_zijn_schema(pad: Path) -> None:
    """With the rules of its own project (data/dalfsen/voorstel.toml declares kop fields)."""
    validate(load(pad))  # the example is valid to voorstel
    eigen = project.van_document(pad)
    assert fouten(schema_van(pad), lees(pad.read_text(encoding="utf-8")), eigen) == []


def test_schema_met_eigen_kopvelden() -> None:
    eigen = project.van_document(DATA / "dalfsen" / "raadsvoorstel-kademuur-vechtkade.yaml")
    assert eigen is not None and eigen.kop
    data = lees((DATA / "dalfsen" / "raadsvoorstel-kademuur-vechtkade.yaml").read_text())
    assert fouten("raadsvoorstel", data) != []  # without the project, its kop fields are unknown
    kop = schema.schema("raadsvoorstel", eigen)["$defs"]["RaadsKop"]
    velden = eigen.kop["raadsvoorstel"].velden
    for veld in velden:
        assert kop["properties"][veld.naam]["description"].startswith(veld.label)
        if veld.waarden:
            assert kop["properties"][veld.naam]["enum"] == list(veld.waarden)
    assert {v.naam for v in velden if v.verplicht} <= set(kop["required"])


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("soort", REGISTER.namen())
def test_elk_startbestand_past_in_zijn_schema(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, soort: str
) -> None:
    monkeypatch.chdir(tmp_path)
    pad = tmp_path / f"{soort}.yaml"
    assert runner.invoke(main, ["new", soort, str(pad)]).exit_code == 0
    assert fouten(soort, lees(pad.read_text(encoding="utf-8"))) == []


def test_startbestand_van_de_verdeelsleutel() -> None:
    _, starter, _ = schema.GEDEELD["verdeelsleutel"]
    validate(load(starter))
    assert fouten("verdeelsleutel", lees(starter.read_text(encoding="utf-8"))) == []


def test_startbestand_met_ingeschakelde_blokken_past_ook() -> None:
    """The blocks a starter leaves switched off (regio, verdeling) fit the schema too."""
    for soort in REGISTER:
        tekst = schema.ingeschakeld(soort.bestand(schema.STARTBESTAND).read_text("utf-8"))
        data = lees(tekst)
        for onderdeel in data.get("financien", {}).get("onderdelen", []):
            begroting = onderdeel.get("begroting")
            if begroting and "groepen" in begroting:  # an alternative to regels, not both
                del begroting["groepen"]
        assert fouten(soort.naam, data) == [], soort.naam


# --- `voorstel new`, `init` and `schema` ---------------------------------------------------


def test_new_zonder_project_noemt_het_schema_in_het_pakket(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["new", "memo", "memo.yaml"])
    assert result.exit_code == 0, result.output
    eerste = (tmp_path / "memo.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert eerste == SCHEMAREGEL + (schema.SCHEMAMAP / "memo.schema.json").as_posix()
    assert not (tmp_path / ".voorstel").exists()


def test_init_en_new_schrijven_de_schemas_in_het_project(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["init"])
    assert result.exit_code == 0, result.output
    assert "gemaakt: .voorstel/schemas/ (JSON Schema's voor uw editor)" in result.output
    voorbeeld = tmp_path / "data" / "voorbeeld" / "collegevoorstel.yaml"
    regel = voorbeeld.read_text(encoding="utf-8").splitlines()[0]
    assert regel == SCHEMAREGEL + "../../.voorstel/schemas/collegevoorstel.schema.json"
    assert (voorbeeld.parent / regel.removeprefix(SCHEMAREGEL)).is_file()
    toml = (tmp_path / "voorstel.toml").read_text(encoding="utf-8")
    assert toml.startswith("#:schema .voorstel/schemas/voorstel.toml.schema.json\n")
    # a kop field declared in voorstel.toml is in the schemas `new` writes
    toml += (
        '\n[[kop.memo.velden]]\nnaam = "hamerstuk"\nlabel = "Hamerstuk"\nwaarden = ["ja", "nee"]\n'
    )
    (tmp_path / "voorstel.toml").write_text(toml, encoding="utf-8")
    result = runner.invoke(main, ["new", "memo", "data/2025/memo.yaml"])
    assert result.exit_code == 0, result.output
    memo = tmp_path / "data" / "2025" / "memo.yaml"
    regel = memo.read_text(encoding="utf-8").splitlines()[0]
    assert regel == SCHEMAREGEL + "../../.voorstel/schemas/memo.schema.json"
    geschreven = json.loads((memo.parent / regel.removeprefix(SCHEMAREGEL)).read_text("utf-8"))
    assert geschreven["$defs"]["Kopblok"]["properties"]["hamerstuk"]["enum"] == ["ja", "nee"]
    assert runner.invoke(main, ["validate", str(memo)]).exit_code == 0


def test_schema_op_het_scherm_en_in_een_map(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["schema", "verdeelsleutel"])
    assert result.exit_code == 0, result.output
    assert result.stdout == schema.als_tekst(schema.schema("verdeelsleutel"))
    result = runner.invoke(main, ["schema", "--out", "uit"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == sorted(
        schema.bestandsnaam(n) for n in schema.namen()
    )
    assert result.stdout.splitlines()[0] == "geschreven: uit/collegevoorstel.schema.json"
    result = runner.invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / ".voorstel" / "schemas" / "memo.schema.json").is_file()
    result = runner.invoke(main, ["schema", "memo", "--out", "een"])
    assert [p.name for p in (tmp_path / "een").iterdir()] == ["memo.schema.json"]


def test_schema_onbekende_soort_in_het_nederlands(runner: CliRunner) -> None:
    result = runner.invoke(main, ["schema", "begrotingsnota"])
    assert result.exit_code == 2
    assert "Fout: '[SOORT]': 'begrotingsnota' is geen" in result.stderr
    assert "voorstel.toml" in result.stderr
    hulp = runner.invoke(main, ["schema", "--help"]).stdout
    assert "Schrijf de JSON Schema's" in hulp
    assert "collegevoorstel, raadsinformatiebrief" in hulp


# --- schema and validate agree ------------------------------------------------------------

Wijziging = Callable[[dict[str, Any]], None]


def zet(pad: str, waarde: Any) -> Wijziging:
    """A change to a document: the value at `pad` (a.b[0].c) set, or (None) taken away."""
    delen: list[str | int] = [int(d) if d.isdigit() else d for d in re.findall(r"[^.\[\]]+", pad)]

    def wijzig(data: dict[str, Any]) -> None:
        knoop: Any = data
        for deel in delen[:-1]:
            knoop = knoop[deel]
        if waarde is None:
            del knoop[delen[-1]]
        else:
            knoop[delen[-1]] = copy.deepcopy(waarde)

    return wijzig


POST = "financien.onderdelen[0].tabel.posten[0].bedrag"
TABEL = "financien.onderdelen[0].tabel"
GEVALLEN: dict[str, tuple[str, Wijziging, bool]] = {
    # name: (soort of the starter changed, the change, whether it is valid)
    "startbestand": ("collegevoorstel", lambda d: None, True),
    "bedrag in Nederlandse notatie": ("collegevoorstel", zet(POST, "€ 1.500,00"), True),
    "bedrag als geheel getal": ("collegevoorstel", zet(POST, 1500), True),
    "bedrag PM": (
        "collegevoorstel",
        lambda d: [zet(POST, "PM")(d), zet(f"{TABEL}.totaal", None)(d)],
        True,
    ),
    "bedrag met ,-": ("collegevoorstel", zet(POST, "1.500,-"), True),
    "bedrag met euro erachter": ("collegevoorstel", zet(POST, "1.500 euro"), True),
    "negatief los bedrag": ("collegevoorstel", zet("losse_bedragen", ["-€ 250"]), True),
    "bijlage als tekst alleen": ("collegevoorstel", zet("bijlagen", ["Plan van aanpak"]), True),
    "risico's als tekst alleen": ("memo", zet("risicos", "Geen bijzondere risico's."), True),
    "beslispunt als tekst": (
        "raadsvoorstel",
        zet("beslispunten", ["Het plan vast te stellen."]),
        True,
    ),
    "andere openbaarheid": ("memo", zet("kopblok.openbaarheid", "vertrouwelijk"), True),
    "getal als tekst": ("memo", zet("onderwerp", 2025), True),
    "onbekend veld": ("memo", zet("onderwerpp", "x"), False),
    "onbekend veld in een blok": ("memo", zet("kopblok.datun", "2025-03-04"), False),
    "verplicht veld ontbreekt": ("memo", zet("onderwerp", None), False),
    "verkeerde keuze": ("memo", zet("kopblok.openbaarheid", "geheimpje"), False),
    "bedrag met decimale punt": ("collegevoorstel", zet(POST, "1500.50"), False),
    "bedrag als YAML-kommagetal": ("collegevoorstel", zet(POST, 1500.5), False),
    "bedrag met drie decimalen": ("collegevoorstel", zet(POST, "€ 1.500,555"), False),
    "bedrag met verkeerde punten": ("collegevoorstel", zet(POST, "15.00"), False),
    "negatieve kosten": ("collegevoorstel", zet(POST, "-€ 100"), False),
    "bedrag van meer dan 15 cijfers": ("collegevoorstel", zet(POST, 10**15), False),
    "bedrag als tekst zonder cijfers": ("collegevoorstel", zet(POST, "veel"), False),
    "datum in woorden": ("memo", zet("kopblok.datum", "4 maart 2025"), False),
    "lege tekst": ("memo", zet("onderwerp", " "), False),
    "ja/nee als tekst": ("memo", zet("onderwerp", True), False),
    "tekst waar een lijst hoort": ("memo", zet("auteurs", "Team"), False),
    "lege lijst die er een moet hebben": ("memo", zet("auteurs", []), False),
    "geen e-mailadres": ("raadsinformatiebrief", zet("kopblok.contact.email", "naam"), False),
    "te kort telefoonnummer": (
        "raadsinformatiebrief",
        zet("kopblok.contact.telefoon", "0529 48"),
        False,
    ),
    "geheel getal waar tekst in een bijlage hoort": ("memo", zet("bijlagen[0].nummer", 0), False),
    "aandeel boven 100%": ("verdeelsleutel", zet("componenten[0].aandeel", "120%"), False),
    "aandeel zonder procentteken": ("verdeelsleutel", zet("componenten[0].aandeel", "25"), False),
    "negatief gewicht": (
        "verdeelsleutel",
        zet("componenten[1].gewichten.Voorbeelddorp", -5),
        False,
    ),
    "gewicht in Nederlandse notatie": (
        "verdeelsleutel",
        zet("componenten[1].gewichten.Voorbeelddorp", "12.500"),
        True,
    ),
    "kostentabel uit een werkmap zonder bestand": (
        "collegevoorstel",
        zet(TABEL, {"bron": {"blad": "Kosten"}}),
        False,
    ),
}

VERSCHILLEN: dict[str, tuple[str, Wijziging, bool, bool]] = {
    # The rules a JSON Schema cannot express, by name: (soort, change, what the schema says,
    # what validate says). Each is checked by validate (and named in the README).
    "totaal moet kloppen met de posten": (
        "collegevoorstel",
        zet(f"{TABEL}.totaal", 9999),
        True,
        False,
    ),
    "aandelen van de componenten samen 100%": (
        "verdeelsleutel",
        zet("componenten[0].aandeel", "30%"),
        True,
        False,
    ),
    "percentages van een component samen 100%": (
        "verdeelsleutel",
        zet("componenten[0].gewichten.Voorbeeldstad", "60%"),
        True,
        False,
    ),
    "elke component dezelfde gemeenten": (
        "verdeelsleutel",
        zet("componenten[1].gewichten", {"Voorbeelddorp": 1, "Anderdorp": 2}),
        True,
        False,
    ),
    "posten of groepen, niet beide": (
        "collegevoorstel",
        zet(f"{TABEL}.groepen", [{"naam": "A", "posten": [{"onderdeel": "x", "bedrag": 1500}]}]),
        True,
        False,
    ),
    "raadsvergadering na de collegevergadering": (
        "raadsinformatiebrief",
        lambda d: d["behandeling"].update(
            {"collegevergadering": "2025-03-04", "raadsvergadering": "2025-01-01"}
        ),
        True,
        False,
    ),
    "elke bijlage een eigen nummer": (
        "collegevoorstel",
        zet("bijlagen", [{"nummer": 1, "titel": "A"}, {"nummer": 1, "titel": "B"}]),
        True,
        False,
    ),
    "voetnoot die de tekst aanhaalt bestaat": (
        "collegevoorstel",
        zet("voetnoten", {}),
        True,
        False,
    ),
    "een bestaande datum": ("memo", zet("kopblok.datum", "2025-02-30"), True, False),
    "YAML-getal met .0 is geen geheel bedrag": ("collegevoorstel", zet(POST, 1500.0), True, False),
    "-0 is geen negatief bedrag": (
        "collegevoorstel",
        lambda d: [zet(POST, "-0")(d), zet(f"{TABEL}.totaal", None)(d)],
        False,
        True,
    ),
    "verdeelsleutel die bestaat": (
        "collegevoorstel",
        zet("regio", {"naam": "Regio", "verdeelsleutel": "bestaat-niet.yaml"}),
        True,
        False,
    ),
}


def startdata(soort: str) -> dict[str, Any]:
    if soort in schema.GEDEELD:
        pad = schema.GEDEELD[soort][1]
    else:
        pad = REGISTER[soort].bestand(schema.STARTBESTAND)
    data = lees(pad.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def beide(soort: str, wijziging: Wijziging, tmp_path: Path) -> tuple[bool, bool]:
    """Whether the schema accepts the changed starter, and whether validate does."""
    data = startdata(soort)
    wijziging(data)
    pad = tmp_path / f"{soort}.yaml"
    uit = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, uit)
    pad.write_text(uit.getvalue(), encoding="utf-8")
    assert lees(pad.read_text(encoding="utf-8")) == data  # written as the schema read it
    try:
        validate(load(pad))
        geldig = True
    except VoorstelError:
        geldig = False
    return fouten(soort, data) == [], geldig


@pytest.mark.parametrize("naam", list(GEVALLEN))
def test_schema_en_validate_zijn_het_eens(naam: str, tmp_path: Path) -> None:
    soort, wijziging, geldig = GEVALLEN[naam]
    assert beide(soort, wijziging, tmp_path) == (geldig, geldig)


@pytest.mark.parametrize("naam", list(VERSCHILLEN))
def test_bekende_verschillen(naam: str, tmp_path: Path) -> None:
    """What the schema cannot check; if one agrees now, it is no difference any more."""
    soort, wijziging, volgens_schema, volgens_validate = VERSCHILLEN[naam]
    assert beide(soort, wijziging, tmp_path) == (volgens_schema, volgens_validate)


# --- the patterns of the Dutch notation ----------------------------------------------------

PATRONEN: dict[str, tuple[str, Callable[[str], Decimal]]] = {
    "bedrag": (nl.PATROON_BEDRAG, nl.parse_bedrag),
    "getal": (nl.PATROON_GETAL, nl.parse_getal),
    "procent": (nl.PATROON_PROCENT, nl.parse_procent),
}
RANDGEVALLEN = [
    "€ 1.500,00",
    "1500",
    "-€ 250",
    "€ -250",
    "€-250",
    "70.000,-",
    "750.000 euro",
    "750.000EURO",
    "1.500.000",
    "1,5",
    "0,05",
    "1.50",
    "15.00",
    "1.5000",
    "1,555",
    "--5",
    "€ - 5",
    "- 5",
    "€",
    "",
    "PM",
    "12,5%",
    "-3%",
    "100 %",
    "1.000,5%",
    "0012",
    "999.999.999.999.999",
    "1.000.000.000.000.000",
    "999999999999999",
    "1000000000000000",
    " 1500 ",
    "1500,-,-",
    "€ 1.500,-",
    "1,-",
    "1e3",
    "0x10",
    "١٢٣",
]
ONUITDRUKBAAR = {
    # (notation, text): why the pattern and the parser differ here
    ("getal", "1.000.000.000.000.000"): "een getal in tekst heeft geen grens; een bedrag wel",
}


@pytest.mark.parametrize("notatie", list(PATRONEN))
@pytest.mark.parametrize("tekst", RANDGEVALLEN)
def test_patroon_en_parser_zijn_het_eens(notatie: str, tekst: str) -> None:
    patroon, parse = PATRONEN[notatie]
    assert (re.search(patroon, tekst) is not None) == _leest(parse, tekst) or (
        (notatie, tekst) in ONUITDRUKBAAR
    )


def _leest(parse: Callable[[str], Decimal], tekst: str) -> bool:
    try:
        parse(tekst)
    except NotatieFout:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,-€ %euroEURO", max_size=14))
def test_patroon_bedrag_volgt_de_parser(tekst: str) -> None:
    assert (re.search(nl.PATROON_BEDRAG, tekst) is not None) == _leest(nl.parse_bedrag, tekst)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,-% ", max_size=12))
def test_patroon_procent_en_getal_volgen_de_parser(tekst: str) -> None:
    assert (re.search(nl.PATROON_PROCENT, tekst) is not None) == _leest(nl.parse_procent, tekst)
    assert (re.search(nl.PATROON_GETAL, tekst) is not None) == _leest(nl.parse_getal, tekst)


# --- voorstel.toml --------------------------------------------------------------------------

TOML_GEVALLEN: dict[str, tuple[str, bool]] = {
    "leeg": ("", True),
    "instellingen": ('[bouwen]\ndata = "stukken"\nformaten = ["docx", "pdf"]\npdfa = true\n', True),
    "kopveld": (
        '[[kop.raadsvoorstel.velden]]\nnaam = "bevoegdheid"\nlabel = "Bevoegdheid"\n'
        'waarden = ["ja", "nee"]\n',
        True,
    ),
    "verplichte sectie": ('[kop.memo]\nverplichte_secties = ["inleiding"]\n', True),
    "onbekende instelling": ('[bouwen]\nuitvoor = "x"\n', False),
    "onbekend formaat": ('[bouwen]\nformaten = ["docx", "odt"]\n', False),
    "geen formaten": ("[bouwen]\nformaten = []\n", False),
    "verkeerd soort waarde": ('[bouwen]\npdfa = "ja"\n', False),
    "onbekende tabel": ("[bouw]\n", False),
    "soort zonder kop": ('[kop.inkoopstrategie]\nverplichte_secties = ["x"]\n', False),
    "kopveld zonder label": ('[[kop.memo.velden]]\nnaam = "x"\n', False),
    "kopveldnaam met hoofdletter": ('[[kop.memo.velden]]\nnaam = "Veld"\nlabel = "V"\n', False),
    "kopveld dat de kop al heeft": ('[[kop.memo.velden]]\nnaam = "datum"\nlabel = "D"\n', False),
    "dubbele waarden": (
        '[[kop.memo.velden]]\nnaam = "x"\nlabel = "X"\nwaarden = ["a", "a"]\n',
        False,
    ),
    "onbekende sectie": ('[kop.memo]\nverplichte_secties = ["alternatieven"]\n', False),
}


@pytest.mark.parametrize("naam", list(TOML_GEVALLEN))
def test_projectschema_en_project_zijn_het_eens(naam: str, tmp_path: Path) -> None:
    tekst, geldig = TOML_GEVALLEN[naam]
    pad = tmp_path / project.PROJECTBESTAND
    pad.write_text(tekst, encoding="utf-8")
    try:
        project.lees(pad)
        leest = True
    except VoorstelError:
        leest = False
    assert (fouten(project.PROJECTBESTAND, tomllib.loads(tekst)) == [], leest) == (geldig, geldig)


def test_projectbestanden_passen_in_het_schema(tmp_path: Path) -> None:
    for pad in [*DATA.rglob(project.PROJECTBESTAND)]:
        assert fouten(project.PROJECTBESTAND, tomllib.loads(pad.read_text("utf-8"))) == []
    from voorstel.bouwen.nieuw import PROJECT_TOML

    tekst = PROJECT_TOML.format(naam="Gemeente X", gemeente="X")
    assert fouten(project.PROJECTBESTAND, tomllib.loads(tekst)) == []
