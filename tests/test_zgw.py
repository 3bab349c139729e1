"""The zaaksysteem record: `voorstel build --zgw` writes beside every output file a JSON
EnkelvoudigInformatieObject, valid against the vendored schema of the ZGW Documenten API
1.5.0 (tests/schemas/zgw-documenten-1.5.0, see BRON.md there), with the file's size and
SHA-256. No client: there is no server to send it to here."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

import nep_office
from conftest import MINIMAAL
from voorstel.cli import main
from voorstel.pijplijn.project import AANDUIDINGEN
from voorstel.uitvoer import woo, zgw

SCHEMA = (
    Path(__file__).parent / "schemas" / "zgw-documenten-1.5.0" / "enkelvoudiginformatieobject.json"
)
RSIN = "002564440"
TYPE = (
    "https://catalogi.example.nl/api/v1/informatieobjecttypen/4f6b5c3d-0000-4000-8000-000000000001"
)
TOML = f"""\
[organisatie]
naam = "Gemeente Dalfsen"
tooi = "gm0148"
rsin = "{RSIN}"

[zaaksysteem.informatieobjecttype]
collegevoorstel = "{TYPE}"
"""


def _openapi_naar_jsonschema(schema: Any) -> Any:
    """OpenAPI 3.0 `nullable: true` as JSON Schema: null allowed besides the type."""
    if isinstance(schema, list):
        return [_openapi_naar_jsonschema(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    uit = {k: _openapi_naar_jsonschema(v) for k, v in schema.items() if k != "nullable"}
    if schema.get("nullable"):
        return {"anyOf": [uit, {"type": "null"}]}
    return uit


@pytest.fixture(scope="module")
def openapi() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SCHEMA.read_text("utf-8"))
    assert data["info"] == {"title": "Documenten API", "version": "1.5.0"}
    return data


def _valideer(record: dict[str, Any], openapi: dict[str, Any]) -> None:
    """Valid as the request that creates an EnkelvoudigInformatieObject, every field one
    of the object's own and none that only the server fills in (readOnly)."""
    schemas = _openapi_naar_jsonschema(openapi["components"]["schemas"])
    wortel = {"components": {"schemas": schemas}}
    verzoek = {**schemas["EnkelvoudigInformatieObjectCreateLockRequest"], **wortel}
    jsonschema.Draft202012Validator(
        verzoek, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(record)
    velden = openapi["components"]["schemas"]["EnkelvoudigInformatieObject"]["properties"]
    assert set(record) <= set(velden)
    assert not [k for k in record if velden[k].get("readOnly")]
    for naam, waarde in record.items():
        veld = {**schemas["EnkelvoudigInformatieObject"]["properties"][naam], **wortel}
        jsonschema.Draft202012Validator(veld).validate(waarde)


@pytest.fixture
def hier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A current folder of its own, with the stand-in LibreOffice first on PATH."""
    nep_office.installeer(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("VOORSTEL_UNO_PYTHON", "")  # the stand-in: --convert-to only
    monkeypatch.setenv("NEP_LOG", str(tmp_path / "aanroep"))
    monkeypatch.chdir(tmp_path)
    yield tmp_path


def _project(map_: Path, toml: str = TOML, **documenten: str) -> Path:
    (map_ / "voorstel.toml").write_text(textwrap.dedent(toml), "utf-8")
    (map_ / "data").mkdir(exist_ok=True)
    for naam, yaml in (documenten or {"voorstel": MINIMAAL}).items():
        (map_ / "data" / f"{naam}.yaml").write_text(yaml, "utf-8")
    return map_ / "data"


def _bouw(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "-q", *args])
    return result.exit_code, result.output


def _records(uit: Path) -> dict[str, dict[str, Any]]:
    return {
        p.name.removesuffix(zgw.SUFFIX): json.loads(p.read_text("utf-8"))
        for p in sorted(uit.rglob(f"*{zgw.SUFFIX}"))
    }


def test_record_per_bestand_geldig_tegen_het_schema(hier: Path, openapi: dict[str, Any]) -> None:
    """One record per output file (not the images, not the metadata), valid, with
    everything voorstel knows, and the file's own size and SHA-256."""
    data = _project(hier)
    code, uitvoer = _bouw(str(data), "--out", "uit", "--zgw", "--format", "docx,md,html,pdf")
    assert code == 0, uitvoer
    records = _records(hier / "uit")
    assert sorted(records) == ["voorstel.docx", "voorstel.html", "voorstel.md", "voorstel.pdf"]
    for naam, record in records.items():
        _valideer(record, openapi)
        inhoud = (hier / "uit" / naam).read_bytes()
        assert record == {
            "bronorganisatie": RSIN,
            "creatiedatum": "2024-12-05",
            "titel": "Collegevoorstel: Een onderwerp",
            "auteur": "Gemeente",
            "taal": "dut",
            "vertrouwelijkheidaanduiding": "openbaar",
            "status": "concept",
            "formaat": zgw.MEDIATYPEN[Path(naam).suffix],
            "bestandsnaam": naam,
            "bestandsomvang": len(inhoud),
            "informatieobjecttype": TYPE,
            "integriteit": {
                "algoritme": "sha_256",
                "waarde": hashlib.sha256(inhoud).hexdigest(),
                "datum": "2024-12-05",
            },
        }
    assert records["voorstel.pdf"]["formaat"] == "application/pdf"


def test_vertrouwelijkheid_uit_openbaarheid(hier: Path, openapi: dict[str, Any]) -> None:
    """openbaar, vertrouwelijk and geheim give openbaar, zaakvertrouwelijk and geheim;
    voorstel.toml may map each otherwise. With --publicatie the record is definitief
    (and only public documents are in it)."""
    stand = {
        s: MINIMAAL.replace("  zaaknummer:", f"  openbaarheid: {s}\n  zaaknummer:")
        for s in ("openbaar", "vertrouwelijk", "geheim")
    }
    data = _project(hier, **stand)
    assert _bouw(str(data), "--out", "uit", "--zgw", "--format", "md")[0] == 0
    records = _records(hier / "uit")
    assert {n: r["vertrouwelijkheidaanduiding"] for n, r in records.items()} == {
        "openbaar.md": "openbaar",
        "vertrouwelijk-vertrouwelijk.md": "zaakvertrouwelijk",
        "geheim-geheim.md": "geheim",
    }
    _project(
        hier, TOML + '[zaaksysteem.vertrouwelijkheid]\nvertrouwelijk = "confidentieel"\n', **stand
    )
    assert _bouw(str(data), "--out", "uit", "--zgw", "--format", "md")[0] == 0
    aanduiding = _records(hier / "uit")["vertrouwelijk-vertrouwelijk.md"]
    assert aanduiding["vertrouwelijkheidaanduiding"] == "confidentieel"
    assert _bouw(str(data), "--out", "pub", "--zgw", "--publicatie", "--format", "md")[0] == 0
    records = _records(hier / "pub")
    assert list(records) == ["openbaar.md"]
    assert records["openbaar.md"]["status"] == "definitief"
    for record in records.values():
        _valideer(record, openapi)


@pytest.mark.parametrize("aanduiding", AANDUIDINGEN)
def test_elke_vertrouwelijkheidaanduiding_is_geldig(
    aanduiding: str, openapi: dict[str, Any]
) -> None:
    """Every vertrouwelijkheidaanduiding of the API, mapped from voorstel.toml, is valid;
    the list is the schema's own."""
    schemas = openapi["components"]["schemas"]
    assert list(AANDUIDINGEN) == schemas["VertrouwelijkheidaanduidingEnum"]["enum"]
    k = woo.Kenmerken(
        "Raadsbesluit: x", "Gemeente X", "x", "raadsvoorstel", "raadsbesluit",
        dt.date(2025, 9, 2), "vertrouwelijk", vastgesteld=dt.date(2025, 10, 27),
    )  # fmt: skip
    record = zgw.record(k, "x.pdf", b"%PDF-", RSIN, TYPE, {"vertrouwelijk": aanduiding})
    assert record["vertrouwelijkheidaanduiding"] == aanduiding
    assert record["status"] == "definitief"  # the raad adopted it
    _valideer(record, openapi)


def test_lange_titel_past(openapi: dict[str, Any]) -> None:
    k = woo.Kenmerken("Collegevoorstel: " + "woord " * 60, "A" * 250, "x", "memo", "memo",
                      dt.date(2025, 1, 1), "openbaar")  # fmt: skip
    record = zgw.record(k, "x.md", b"x", RSIN, TYPE)
    assert len(record["titel"]) <= 200 and len(record["auteur"]) <= 200
    assert record["status"] == "concept"
    _valideer(record, openapi)


def test_zonder_rsin_of_type_stopt_de_bouw(hier: Path) -> None:
    """A missing RSIN, or a soort without informatieobjecttype: exit 1 before anything is
    built, saying where to set it; an RSIN that fails the elfproef is an error at its line."""
    data = _project(hier, '[organisatie]\ntooi = "gm0148"\n')
    code, uitvoer = _bouw(str(data), "--out", "uit", "--zgw")
    assert code == 1
    assert uitvoer.splitlines() == [
        "voor --zgw is het RSIN van de organisatie nodig (de bronorganisatie in het "
        'zaaksysteem); zet in voorstel.toml onder [organisatie] de regel rsin = "..." '
        "(negen cijfers)",
        "voor --zgw is het informatieobjecttype van een collegevoorstel nodig; zet in "
        'voorstel.toml onder [zaaksysteem.informatieobjecttype] de regel collegevoorstel = "'
        'https://..." (de URL van het informatieobjecttype in de Catalogi API van het '
        "zaaksysteem)",
    ]
    assert not (hier / "uit").exists()
    _project(hier, '[organisatie]\nrsin = "001234567"\n')
    code, uitvoer = _bouw(str(data), "--out", "uit", "--zgw")
    assert code == 1
    assert uitvoer.startswith(
        "voorstel.toml:2: organisatie.rsin: '001234567': dit RSIN klopt niet (de elfproef faalt)"
    )
    _project(hier, TOML + '[zaaksysteem.vertrouwelijkheid]\ngeheim = "topgeheim"\n')
    code, uitvoer = _bouw(str(data), "--out", "uit", "--zgw")
    assert code == 1
    assert "zaaksysteem.vertrouwelijkheid.geheim: onbekende vertrouwelijkheidaanduiding " in uitvoer


def test_tabellen_per_soort_worden_gecontroleerd(hier: Path) -> None:
    """[publicatie.informatiecategorie] and [zaaksysteem.informatieobjecttype] name soorten
    (or stukken such as raadsbesluit); each mistake is an error at its line."""
    data = _project(
        hier,
        TOML
        + 'raadsbesluit = "https://catalogi.example.nl/api/v1/informatieobjecttypen/2"\n'
        + 'raadvoorstel = "https://catalogi.example.nl/api/v1/informatieobjecttypen/3"\n'
        + 'memo = "catalogus"\n'
        + "[publicatie.informatiecategorie]\n"
        + 'collegevoorstel = "notulen"\n',
    )
    code, uitvoer = _bouw(str(data), "--out", "uit")
    assert code == 1
    regels = uitvoer.splitlines()
    assert regels[:2] == [
        "voorstel.toml:9: zaaksysteem.informatieobjecttype.raadvoorstel: onbekende soort "
        "'raadvoorstel'; bedoelde u 'raadsvoorstel'?",
        "voorstel.toml:10: zaaksysteem.informatieobjecttype.memo: 'catalogus' is geen URL; geef "
        "de URL van het informatieobjecttype in de Catalogi API (https://..., hoogstens 200 "
        "tekens)",
    ]
    assert regels[2].startswith(
        "voorstel.toml:12: publicatie.informatiecategorie.collegevoorstel: onbekende "
        "informatiecategorie 'notulen'; kies uit de informatiecategorieën van de Woo "
        "(TOOI-waardelijst scw_woo_informatiecategorieen, versie 4): Woo-verzoeken en "
        "-besluiten; adviezen; agenda’s en besluitenlijsten bestuurscolleges; "
    )
    assert regels[2].count("; ") == 18
