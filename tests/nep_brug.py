"""A stand-in for the Python with LibreOffice's UNO bridge (VOORSTEL_UNO_PYTHON), run as
`nepbrug -I lo_brug.py SOFFICE PROFIEL PIJP` (see `installeer`): it speaks lo_brug.py's
JSON lines without any LibreOffice, and does what NEP_BRUG says for the starts listed in
NEP_BRUG_STARTS (default: the first), counting its starts in the file NEP_BRUG_LOG (one line
per start, with its arguments):

- goed (the default): a small, whole PDF for every document;
- sterft:N: dies (SIGKILL, as a crashed LibreOffice) at the Nth document of that start;
- hangt:N: at the Nth document starts a child that ignores SIGTERM, writes both process ids
  to NEP_PIDS and sleeps: only SIGKILL to the whole group stops it;
- weigert:N: answers the Nth document with a fout (the document, not LibreOffice);
- start: says it cannot start.

No imports from pytest or voorstel.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

import nep_office


def installeer(bin_map: Path) -> Path:
    """Write `nepbrug` into `bin_map`: this file, run by the Python of the tests (without the
    `-I` the bridge's Python is given)."""
    return nep_office.programma(bin_map, "nepbrug", Path(__file__), eerst="shift\n")


def zeg(bericht: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(bericht) + "\n")
    sys.stdout.flush()


def main(argumenten: list[str]) -> int:
    log = Path(os.environ["NEP_BRUG_LOG"])
    with log.open("a", encoding="utf-8") as bestand:
        bestand.write(json.dumps(argumenten) + "\n")
    start = len(log.read_text(encoding="utf-8").splitlines())
    wanneer = {int(s) for s in os.environ.get("NEP_BRUG_STARTS", "1").split(",")}
    gedrag, _, nummer = os.environ.get("NEP_BRUG", "goed").partition(":")
    if start not in wanneer:
        gedrag = "goed"
    if gedrag == "start":
        sys.stderr.write("nepbrug: kan niet starten\n")
        zeg({"fout": "LibreOffice stopte bij het starten (code 1)"})
        return 1
    zeg({"klaar": True})
    for index, regel in enumerate(sys.stdin, 1):
        opdracht = json.loads(regel)
        if nummer and index == int(nummer):
            if gedrag == "sterft":
                sys.stderr.write("nepbrug: crash\n")
                sys.stderr.flush()
                os.kill(os.getpid(), signal.SIGKILL)
            if gedrag == "hangt":
                kind = os.fork()
                if kind == 0:
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                    time.sleep(3600)
                    os._exit(0)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                Path(os.environ["NEP_PIDS"]).write_text(f"{os.getpid()} {kind}")
                time.sleep(3600)
            if gedrag == "weigert":
                zeg({"fout": "IOException: kapot bestand"})
                continue
        Path(opdracht["uit"]).write_bytes(nep_office.pdf(Path(opdracht["in"]).stem))
        zeg({"ok": True})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
