"""The schemas in a real editor engine: Red Hat's YAML language server, the one behind the
YAML extension of VS Code, driven over its protocol on a project `voorstel init` made.

It finds the schema through the line `voorstel new` writes, checks, explains and completes
in Dutch. Skipped without `yaml-language-server` on PATH (npm install -g
yaml-language-server), except in CI, where .ci/run installs it.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner

from voorstel.cli import main

SERVER = shutil.which("yaml-language-server")
INSTELLINGEN = {
    "validate": True,
    "hover": True,
    "completion": True,
    "schemaStore": {"enable": False},
    "format": {"enable": False},
}

pytestmark = pytest.mark.skipif(
    SERVER is None and os.environ.get("CI") != "true",
    reason="yaml-language-server niet gevonden (npm install -g yaml-language-server)",
)


class Taalserver:
    """A minimal LSP client: requests, notifications, and the server's own questions
    (workspace/configuration) answered with INSTELLINGEN."""

    def __init__(self) -> None:
        assert SERVER is not None, "yaml-language-server ontbreekt; .ci/run installeert het"
        self.proces = subprocess.Popen(
            [SERVER, "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.berichten: queue.Queue[dict[str, Any]] = queue.Queue()
        self.volgnummer = 0
        assert self.proces.stdout is not None
        threading.Thread(target=self._lees, args=(self.proces.stdout,), daemon=True).start()

    def _lees(self, uit: IO[bytes]) -> None:
        while True:
            kop = b""
            while not kop.endswith(b"\r\n\r\n"):
                teken = uit.read(1)
                if not teken:
                    return
                kop += teken
            lengte = next(
                int(r.split(":")[1])
                for r in kop.decode().split("\r\n")
                if r.lower().startswith("content-length")
            )
            self.berichten.put(json.loads(uit.read(lengte)))

    def _stuur(self, bericht: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **bericht}).encode()
        assert self.proces.stdin is not None
        self.proces.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proces.stdin.flush()

    def meld(self, methode: str, params: dict[str, Any]) -> None:
        self._stuur({"method": methode, "params": params})

    def vraag(self, methode: str, params: dict[str, Any]) -> Any:
        self.volgnummer += 1
        nummer = self.volgnummer
        self._stuur({"id": nummer, "method": methode, "params": params})
        antwoord = self.wacht(lambda b: b.get("id") == nummer and "method" not in b)
        assert antwoord is not None, f"geen antwoord op {methode}"
        return antwoord.get("result")

    def wacht(self, past: Any, seconden: float = 30) -> dict[str, Any] | None:
        einde = time.monotonic() + seconden
        while (over := einde - time.monotonic()) > 0:
            try:
                bericht = self.berichten.get(timeout=over)
            except queue.Empty:
                return None
            if bericht.get("method") == "workspace/configuration":
                antwoord = [INSTELLINGEN for _ in bericht["params"]["items"]]
                self._stuur({"id": bericht["id"], "result": antwoord})
            elif "method" in bericht and "id" in bericht:
                self._stuur({"id": bericht["id"], "result": None})
            elif past(bericht):
                return bericht
        return None

    def open(self, pad: Path) -> list[tuple[int, str]]:
        """Open a file; its diagnostics as (line, message), once the schema is read."""
        uri = pad.resolve().as_uri()
        self.meld(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "yaml",
                    "version": 1,
                    "text": pad.read_text(encoding="utf-8"),
                }
            },
        )

        def diagnose(b: dict[str, Any]) -> bool:
            return (
                b.get("method") == "textDocument/publishDiagnostics" and b["params"]["uri"] == uri
            )

        gemeld = self.wacht(diagnose)
        assert gemeld is not None, "geen diagnose"
        while (later := self.wacht(diagnose, 1.5)) is not None:  # after the schema is loaded
            gemeld = later
        return [
            (d["range"]["start"]["line"] + 1, d["message"]) for d in gemeld["params"]["diagnostics"]
        ]

    def stop(self) -> None:
        self.proces.kill()
        self.proces.wait()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Taalserver]]:
    """One project and one server for the tests of this module (starting it takes seconds)."""
    map_ = tmp_path_factory.mktemp("project")
    assert CliRunner().invoke(main, ["init", str(map_)]).exit_code == 0
    server = Taalserver()
    server.vraag(
        "initialize",
        {
            "processId": None,
            "rootUri": map_.resolve().as_uri(),
            "capabilities": {
                "workspace": {"configuration": True},
                "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}},
            },
        },
    )
    server.meld("initialized", {})
    server.meld("workspace/didChangeConfiguration", {"settings": {"yaml": INSTELLINGEN}})
    try:
        yield map_, server
    finally:
        server.stop()


def regel_van(pad: Path, begin: str) -> int:
    """The 0-based line of the first line of `pad` that starts with `begin`."""
    regels = pad.read_text(encoding="utf-8").splitlines()
    return next(i for i, r in enumerate(regels) if r.startswith(begin))


def test_startbestand_is_zonder_fouten(project: tuple[Path, Taalserver]) -> None:
    map_, server = project
    assert server.open(map_ / "data" / "voorbeeld" / "collegevoorstel.yaml") == []


def test_fouten_in_het_nederlands_op_hun_regel(project: tuple[Path, Taalserver]) -> None:
    map_, server = project
    pad = map_ / "data" / "fout.yaml"
    assert CliRunner().invoke(main, ["new", "collegevoorstel", str(pad)]).exit_code == 0
    tekst = pad.read_text(encoding="utf-8")
    tekst = tekst.replace("  openbaarheid: openbaar", "  openbaarheid: geheimpje", 1)
    tekst = tekst.replace('bedrag: "€ 1.500,00"', 'bedrag: "1.50"', 1)
    tekst = tekst.replace("  datum: 2025-03-04", "  datum: 4 maart 2025", 1)
    pad.write_text(tekst, encoding="utf-8")
    meldingen = dict(server.open(pad))
    openbaarheid = regel_van(pad, "  openbaarheid:") + 1
    assert meldingen[openbaarheid] == (
        'ongeldige waarde; kies uit "openbaar", "vertrouwelijk" of "geheim"'
    )
    bedrag = next(i for i, r in enumerate(tekst.splitlines()) if 'bedrag: "1.50"' in r) + 1
    assert meldingen[bedrag].startswith('geen bedrag: schrijf bijvoorbeeld 1500 of "€ 1.500,00"')
    datum = regel_van(pad, "  datum:") + 1
    assert meldingen[datum] == "geen geldige datum; schrijf als JJJJ-MM-DD, bijvoorbeeld 2024-12-05"
    assert len(meldingen) == 3


def test_uitleg_en_aanvullen(project: tuple[Path, Taalserver]) -> None:
    map_, server = project
    pad = map_ / "data" / "memo.yaml"
    assert CliRunner().invoke(main, ["new", "memo", str(pad)]).exit_code == 0
    server.open(pad)
    uri = pad.resolve().as_uri()
    regel = regel_van(pad, "  openbaarheid:")
    uitleg = server.vraag(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": regel, "character": 4}},
    )
    assert "Openbaarheid: openbaar, vertrouwelijk of geheim." in json.dumps(
        uitleg, ensure_ascii=False
    )
    lege = pad.read_text(encoding="utf-8").replace("  openbaarheid: openbaar", "  openbaarheid: ")
    server.meld(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": lege}]},
    )
    keuzes = server.vraag(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": regel, "character": 16}},
    )
    items = keuzes["items"] if isinstance(keuzes, dict) else keuzes
    assert {"openbaar", "vertrouwelijk", "geheim"} <= {i["label"] for i in items}
