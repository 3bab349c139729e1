"""Tracked changes in LibreOffice: accept or reject all of them, read the text back, export
a PDF. A helper the tests start with the system python, which has LibreOffice's UNO bridge
(python3-uno); the project's own environment does not.

    python3 tests/lo_revisies.py OPDRACHTEN.json

OPDRACHTEN is a JSON list of jobs, each {"docx": path, "doen": "accepteer" | "verwerp" |
"niets", "uit": path of the JSON result, "pdf": optional path of a PDF export}. One
LibreOffice (a private profile, a named pipe) does every job. A result holds the body as
lines (a paragraph's text; a table row as its cells joined by ' | '), the footnotes, the
comments and the number of tracked changes before the action.

LibreOffice 7.4 run as a UNO server crashes when it opens a document with a comment in a
window (even a hidden one), its own files too; --convert-to does not. So each file is first
loaded as a document without a window, its comments read and then removed, and saved as
ODT (which keeps every tracked change); that copy is opened to accept or reject. The PDF is
converted from the .docx itself, with --convert-to.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

DISPATCH = {"accepteer": ".uno:AcceptAllTrackedChanges", "verwerp": ".uno:RejectAllTrackedChanges"}


def eigenschap(naam: str, waarde: Any) -> Any:
    prop = PropertyValue()
    prop.Name = naam
    prop.Value = waarde
    return prop


def verbind(pijp: str, proces: subprocess.Popen[bytes]) -> Any:
    lokaal = uno.getComponentContext()
    resolver = lokaal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokaal
    )
    eind = time.monotonic() + 120
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pijp};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proces.poll() is not None or time.monotonic() > eind:
                raise
            time.sleep(0.3)


def cel_volgorde(naam: str) -> tuple[int, int]:
    kolom, rij = re.fullmatch(r"([A-Z]+)(\d+)", naam).groups()  # type: ignore[union-attr]
    getal = 0
    for letter in kolom:
        getal = getal * 26 + ord(letter) - 64
    return int(rij), getal


def regels(tekst: Any) -> list[str]:
    """The body: a line per paragraph, a line per table row (cells joined by ' | ')."""
    uit = []
    opsomming = tekst.createEnumeration()
    while opsomming.hasMoreElements():
        element = opsomming.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            rijen: dict[int, list[tuple[int, str]]] = {}
            for naam in element.getCellNames():
                rij, kolom = cel_volgorde(naam)
                cel = element.getCellByName(naam).getString().replace("\n", " / ")
                rijen.setdefault(rij, []).append((kolom, cel))
            uit += [" | ".join(c for _, c in sorted(rijen[r])) for r in sorted(rijen)]
        else:
            uit.append(element.getString())
    return uit


def opmerkingen(document: Any) -> list[str]:
    uit = []
    velden = document.getTextFields().createEnumeration()
    while velden.hasMoreElements():
        veld = velden.nextElement()
        if veld.supportsService("com.sun.star.text.textfield.Annotation"):
            uit.append(f"{veld.Author}: {veld.Content}")
    return uit


def zonder_opmerkingen(context: Any, opdracht: dict[str, str]) -> tuple[list[str], int]:
    """Load the .docx without a window; its comments and number of tracked changes; the
    document without comments saved as ODT (opdracht["odt"])."""
    model = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.text.TextDocument", context
    )
    url = Path(opdracht["docx"]).resolve().as_uri()
    model.load((eigenschap("URL", url), eigenschap("FilterName", "MS Word 2007 XML")))
    try:
        gelezen = opmerkingen(model)
        velden = model.getTextFields().createEnumeration()
        weg = []
        while velden.hasMoreElements():
            veld = velden.nextElement()
            if veld.supportsService("com.sun.star.text.textfield.Annotation"):
                weg.append(veld)
        for veld in weg:
            veld.dispose()
        aantal = model.getRedlines().getCount()
        model.storeToURL(
            Path(opdracht["odt"]).resolve().as_uri(), (eigenschap("FilterName", "writer8"),)
        )
    finally:
        model.close(True)
    return gelezen, aantal


def doe(context: Any, opdracht: dict[str, str]) -> None:
    gelezen, aantal = zonder_opmerkingen(context, opdracht)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    url = Path(opdracht["odt"]).resolve().as_uri()
    document = desktop.loadComponentFromURL(url, "_blank", 0, (eigenschap("Hidden", True),))
    if document is None:
        raise SystemExit(f"LibreOffice kon {opdracht['docx']} niet openen")
    try:
        if opdracht["doen"] in DISPATCH:
            helper = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.DispatchHelper", context
            )
            frame = document.getCurrentController().getFrame()
            helper.executeDispatch(frame, DISPATCH[opdracht["doen"]], "", 0, ())
        voetnoten = document.getFootnotes()
        resultaat = {
            "regels": regels(document.getText()),
            "voetnoten": [voetnoten.getByIndex(i).getString() for i in range(voetnoten.getCount())],
            "opmerkingen": gelezen,
            "wijzigingen": aantal,
            "over": document.getRedlines().getCount(),
        }
        Path(opdracht["uit"]).write_text(json.dumps(resultaat, ensure_ascii=False), "utf-8")
    finally:
        document.close(True)


def zet_om(profiel: str, naar: str, bestanden: list[Path], map_: Path) -> None:
    """Convert files with soffice --convert-to (ODT, PDF) into a folder."""
    if bestanden:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation={Path(profiel).as_uri()}",
                "--headless",
                "--convert-to",
                naar,
                "--outdir",
                str(map_),
                *map(str, bestanden),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )


def main(pad: str) -> None:
    opdrachten = json.loads(Path(pad).read_text("utf-8"))
    profiel = tempfile.mkdtemp(prefix="lo-revisies-")
    werk = Path(tempfile.mkdtemp(prefix="lo-revisies-werk-"))
    pdf = []
    for nummer, opdracht in enumerate(opdrachten):
        opdracht["odt"] = str(werk / f"{nummer}.odt")
        if opdracht.get("pdf"):
            kopie = werk / f"{nummer}.docx"
            shutil.copy(opdracht["docx"], kopie)
            pdf.append((kopie, opdracht["pdf"]))
    zet_om(profiel, "pdf", [k for k, _ in pdf], werk)
    for kopie, doel in pdf:
        shutil.copy(kopie.with_suffix(".pdf"), doel)
    pijp = f"voorstel-{os.getpid()}"
    proces = subprocess.Popen(
        [
            shutil.which("soffice") or "soffice",
            f"-env:UserInstallation={Path(profiel).as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pijp};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # soffice starts soffice.bin: end them together
    )
    try:
        context = verbind(pijp, proces)
        for opdracht in opdrachten:
            doe(context, opdracht)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
            desktop.terminate()
        proces.wait(timeout=60)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proces.pid, signal.SIGKILL)
        proces.wait()
        shutil.rmtree(profiel, ignore_errors=True)
        shutil.rmtree(werk, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1])
