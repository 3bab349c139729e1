"""The TOOI value lists voorstel ships (src/voorstel/blokken/tooi-waardelijsten.json), taken
from the vendored DiWoo XSD (tests/schemas/diwoo-0.9.8/diwoo-metadata-lijsten.xsd).

`python tests/woo_lijsten.py` writes the JSON again; test_woo checks they are equal.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "tests" / "schemas" / "diwoo-0.9.8"
LIJSTEN_XSD = SCHEMAS / "diwoo-metadata-lijsten.xsd"
UIT = ROOT / "src" / "voorstel" / "blokken" / "tooi-waardelijsten.json"
XS = "http://www.w3.org/2001/XMLSchema"
DITA = "http://dita.oasis-open.org/architecture/2005/"

LIJSTEN = {
    "informatiecategorielijst": "informatiecategorie",
    "soorthandelinglijst": "documenthandeling",
    "taallijst": "taal",
    "formatlijst": "bestandstype",
    "gemeentelijst": "gemeente",
    "provincielijst": "provincie",
    "waterschapslijst": "waterschap",
    "ministerielijst": "ministerie",
    "solijst": "samenwerkingsorganisatie",
    "oorglijst": "overige overheidsorganisatie",
    "zbolijst": "zelfstandig bestuursorgaan",
    "collijst": "Caribisch openbaar lichaam",
}
"""The simpleType of each list in the XSD, and its name in voorstel."""


def _teksten(element: etree._Element) -> list[str]:
    return [" ".join("".join(p.itertext()).split()) for p in element.iter(f"{{{DITA}}}p")]


def lijsten() -> dict[str, Any]:
    """Every list voorstel uses, with the TOOI list (and version) it comes from."""
    boom = etree.parse(str(LIJSTEN_XSD))
    wortel = boom.getroot()
    info = " ".join(wortel.find(f"{{{XS}}}annotation").itertext())
    gegenereerd = re.search(r"gegenereerd op (\d{4}-\d\d-\d\d)", info)
    uit: dict[str, Any] = {
        "bron": {
            "schema": "DiWoo-metadata " + wortel.get("version", ""),
            "bestand": "https://standaarden.overheid.nl/diwoo/metadata/0.9.8/xsd/diwoo/"
            "diwoo-metadata-lijsten.xsd",
            "gegenereerd": gegenereerd.group(1) if gegenereerd else "",
        },
        "lijsten": {},
    }
    for type_, naam in LIJSTEN.items():
        [simple] = wortel.findall(f"{{{XS}}}simpleType[@name='{type_}']")
        kop = _teksten(simple.find(f"{{{XS}}}annotation"))
        datum = next((t.split(": ", 1)[1] for t in kop if t.startswith("publicatiedatum")), "")
        waarden = {}
        for enum in simple.iter(f"{{{XS}}}enumeration"):
            teksten = _teksten(enum)
            waarden[enum.get("value")] = teksten[0] if teksten else enum.get("value")
        uit["lijsten"][naam] = {"lijst": kop[0], "publicatiedatum": datum, "waarden": waarden}
    return uit


def als_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


if __name__ == "__main__":
    UIT.write_text(als_json(lijsten()), encoding="utf-8")
    print(f"geschreven: {UIT}")
