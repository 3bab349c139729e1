"""The hand-off record for the zaaksysteem: per output file a JSON document in the shape of
the ZGW Documenten API's EnkelvoudigInformatieObject (version 1.5), as a client sends it to
create one (EnkelvoudigInformatieObjectCreateLockRequest), with everything voorstel knows.

The file itself is not in it (no `inhoud`): it lies beside the record, named by
`bestandsnaam`, with its size and its SHA-256 (`integriteit`) to check it by. voorstel is
no client of a Documenten API; a test validates the records against the vendored schema
(tests/schemas/zgw-documenten-1.5.0).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from voorstel.uitvoer.woo import Kenmerken

SUFFIX = ".zgw.json"
"""A file's record: <file>.zgw.json beside it."""
TAAL = "dut"
"""Dutch in ISO 639-2/B, as the Documenten API wants it."""

VERTROUWELIJKHEID = {
    "openbaar": "openbaar",
    "vertrouwelijk": "zaakvertrouwelijk",
    "geheim": "geheim",
}
"""A document's openbaarheid as vertrouwelijkheidaanduiding; voorstel.toml may map otherwise
([zaaksysteem.vertrouwelijkheid]). It is about access in the systems, not publication."""

MEDIATYPEN = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".html": "text/html",
}
"""The formaat (media type) of each output file that gets a record."""
MAX_TEKST = 200
"""titel and auteur may hold this many characters."""


def status(kenmerken: Kenmerken, publicatie: bool) -> str:
    """definitief when the data says it is final (a raadsbesluit the raad adopted, or a
    build for publication), concept otherwise."""
    if publicatie or (kenmerken.stuk == "raadsbesluit" and kenmerken.vastgesteld is not None):
        return "definitief"
    return "concept"


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= MAX_TEKST else tekst[: MAX_TEKST - 1].rstrip() + "…"


def record(
    kenmerken: Kenmerken,
    bestandsnaam: str,
    data: bytes,
    rsin: str,
    informatieobjecttype: str,
    vertrouwelijkheid: Mapping[str, str] | None = None,
    publicatie: bool = False,
) -> dict[str, Any]:
    """The EnkelvoudigInformatieObject of one output file."""
    suffix = "." + bestandsnaam.rsplit(".", 1)[-1]
    aanduiding = {**VERTROUWELIJKHEID, **(vertrouwelijkheid or {})}[kenmerken.openbaarheid]
    return {
        "bronorganisatie": rsin,
        "creatiedatum": kenmerken.datum.isoformat(),
        "titel": _kort(kenmerken.titel),
        "auteur": _kort(kenmerken.auteur),
        "taal": TAAL,
        "vertrouwelijkheidaanduiding": aanduiding,
        "status": status(kenmerken, publicatie),
        "formaat": MEDIATYPEN[suffix],
        "bestandsnaam": bestandsnaam,
        "bestandsomvang": len(data),
        "informatieobjecttype": informatieobjecttype,
        "integriteit": {
            "algoritme": "sha_256",
            "waarde": hashlib.sha256(data).hexdigest(),
            "datum": kenmerken.datum.isoformat(),
        },
    }


def als_json(record: Mapping[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
