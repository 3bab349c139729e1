"""A warm LibreOffice for a whole build: run by a Python that has LibreOffice's UNO bridge
(Debian's python3-uno, or the Python that comes with LibreOffice), never by voorstel's own.

    PYTHON lo_brug.py SOFFICE PROFIEL-URL PIJPNAAM

It starts SOFFICE headless with the profile and a named pipe, in its own process group (the
one voorstel started this script in, so stopping that group stops LibreOffice too), and
talks JSON lines: first {"klaar": true} once LibreOffice answers, then for every line
{"in": docx, "uit": pdf, "filter": {name: value}} read on stdin one line back, {"ok": true}
or {"fout": why} (with "dood": true when LibreOffice itself is gone). At the end of stdin
LibreOffice is asked to quit.

Nothing from voorstel is imported here: this runs in another Python.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

WACHT = 0.05
"""Seconds between attempts to reach a starting LibreOffice."""


def eigenschap(naam: str, waarde: Any) -> Any:
    prop = PropertyValue()
    prop.Name = naam
    prop.Value = waarde
    return prop


def zeg(bericht: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(bericht, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def verbind(pijp: str, proces: subprocess.Popen[bytes]) -> Any:
    """The component context of the starting LibreOffice (None when it stopped first)."""
    lokaal = uno.getComponentContext()
    resolver = lokaal.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", lokaal
    )
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pijp};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if proces.poll() is not None:
                return None
            time.sleep(WACHT)


def zet_om(desktop: Any, opdracht: dict[str, Any]) -> None:
    """One .docx to PDF, with the export filter's options."""
    filterdata = uno.Any(
        "[]com.sun.star.beans.PropertyValue",
        tuple(eigenschap(naam, waarde) for naam, waarde in opdracht["filter"].items()),
    )
    document = desktop.loadComponentFromURL(
        Path(opdracht["in"]).as_uri(),
        "_blank",
        0,
        (eigenschap("Hidden", True), eigenschap("ReadOnly", True)),
    )
    if document is None:
        raise ValueError("LibreOffice kon het Word-bestand niet openen")
    try:
        uno.invoke(
            document,
            "storeToURL",
            (
                Path(opdracht["uit"]).as_uri(),
                (
                    eigenschap("FilterName", "writer_pdf_Export"),
                    eigenschap("FilterData", filterdata),
                ),
            ),
        )
    finally:
        document.close(True)


def main(soffice: str, profiel: str, pijp: str) -> int:
    proces = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profiel}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--nodefault",
            f"--accept=pipe,name={pijp};urp;",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,  # stdout is our channel to voorstel
    )
    context = verbind(pijp, proces)
    if context is None:
        zeg({"fout": f"LibreOffice stopte bij het starten (code {proces.returncode})"})
        return 1
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    zeg({"klaar": True})
    for regel in sys.stdin:
        opdracht = json.loads(regel)
        try:
            zet_om(desktop, opdracht)
        except Exception as exc:
            dood = proces.poll() is not None or type(exc).__name__ == "DisposedException"
            zeg({"fout": f"{type(exc).__name__}: {exc}", "dood": dood})
            if dood:
                return 1
            continue
        zeg({"ok": True})
    with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
        desktop.terminate()
    try:
        proces.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proces.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
