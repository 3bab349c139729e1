"""One warm LibreOffice for every PDF of a build, through LibreOffice's own UNO bridge.

`soffice --convert-to` starts LibreOffice for every run: over a second before the first
page, and a second time for the documents with a table of contents. Here one LibreOffice is
started per build and kept running; every document (and every table of contents that needs
its page numbers filled in) is converted in that one session, and its user profile is kept
in the build folder (.voorstel-cache/libreoffice), so the next build starts it warm.

The UNO bridge (python3-uno) lives in another Python than voorstel's: lo_brug.py runs in
that Python and talks JSON lines over a pipe. Which Python: VOORSTEL_UNO_PYTHON, else the
one next to soffice (LibreOffice for Windows and macOS brings its own), else the system's
python3, the first that can import uno. Without one (or with VOORSTEL_UNO_PYTHON empty)
pdf.py converts with `soffice --convert-to`, as before.

A LibreOffice that does not answer within the time of a document (pdf.tijd(1)) or stops
halfway is stopped with its whole process group and started once more, for the documents
after it; the document it was converting is reported with what happened.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from filelock import FileLock, Timeout

BRUG = Path(__file__).with_name("lo_brug.py")
PYTHON_VARIABELE = "VOORSTEL_UNO_PYTHON"
"""The environment variable naming the Python with LibreOffice's UNO bridge (empty: none)."""
PROFIELMAP = "libreoffice"
"""The folder of the kept profile, in the build folder's cache."""


UITGANG = 5.0
"""Seconds a bridge that closed its output gets to exit, so its exit status can be told."""
AFSLUITEN = 10.0
"""Seconds LibreOffice gets to quit at the end of a build before its group is stopped."""


def signaal(code: int) -> str:
    """The signal of a negative exit status, with its name: '9, SIGKILL'."""
    try:
        return f"{-code}, {signal.Signals(-code).name}"
    except ValueError:
        return str(-code)


def _afloop(code: int | None) -> str:
    """How the bridge ended, in Dutch, for a message (empty when not known)."""
    if code is None or code == 0:
        return ""
    return f" (door signaal {signaal(code)})" if code < 0 else f" (met foutcode {code})"


class Gestoord(Exception):
    """LibreOffice itself failed (it did not start, hung, or stopped): `wat` in Dutch."""

    def __init__(self, wat: str, meldingen: bytes = b"") -> None:
        super().__init__(wat)
        self.wat = wat
        self.meldingen = meldingen


class DocumentFout(Exception):
    """LibreOffice could not convert this one document (and goes on with the next)."""


def _kan_uno(python: str) -> bool:
    try:
        return (
            subprocess.run(
                [python, "-I", "-c", "import uno"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=30,
                check=False,
            ).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


@functools.cache
def _gevonden(programma: str, gekozen: str | None) -> str | None:
    if gekozen is not None:
        return gekozen or None
    echt = Path(os.path.realpath(programma)).parent
    kandidaten = [
        str(echt / naam) for naam in ("python", "python.exe", "python3") if (echt / naam).is_file()
    ]
    kandidaten += [sys.executable, "/usr/bin/python3", shutil.which("python3") or ""]
    for kandidaat in dict.fromkeys(k for k in kandidaten if k):
        if _kan_uno(kandidaat):
            return kandidaat
    return None


def uno_python(programma: str) -> str | None:
    """The Python that can import uno (found once per process), None without one."""
    return _gevonden(programma, os.environ.get(PYTHON_VARIABELE))


class WarmeLibreOffice:
    """One LibreOffice kept running, through lo_brug.py; started again once after it hung
    or stopped. `tijd_start` and `tijd_document` are the seconds it gets to start and for
    one document; `werkmap` holds its stderr (and its profile when `profiel` is in use)."""

    def __init__(
        self,
        python: str,
        programma: str,
        profiel: Path,
        werkmap: Path,
        tijd_start: float,
        tijd_document: float,
        stop: Callable[[subprocess.Popen[bytes]], None],
    ) -> None:
        self.python = python
        self.programma = programma
        self.profiel = profiel
        self.werkmap = werkmap
        self.tijd_start = tijd_start
        self.tijd_document = tijd_document
        self._stop = stop
        self.starts = 0
        self.kapot: Any = None
        """Set (to pdf.Storing) once LibreOffice failed for good: the rest is not tried."""
        self.proces: subprocess.Popen[bytes] | None = None
        self._regels: queue.Queue[bytes | None] = queue.Queue()
        self._stderr: IO[bytes] | None = None
        self._stderr_pad: Path | None = None

    def start(self) -> None:
        """Start LibreOffice; Gestoord when it does not answer within tijd_start."""
        self.starts += 1
        self.werkmap.mkdir(parents=True, exist_ok=True)
        self._stderr_pad = self.werkmap / f"stderr-warm{self.starts}"
        self._stderr = self._stderr_pad.open("wb")
        self._regels = queue.Queue()
        try:
            self.proces = subprocess.Popen(
                [
                    self.python,
                    "-I",
                    str(BRUG),
                    self.programma,
                    self.profiel.resolve().as_uri(),
                    f"voorstel-{os.getpid()}-{id(self)}-{self.starts}",
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                start_new_session=True,  # its own process group, LibreOffice included
            )
        except OSError as exc:
            raise Gestoord(f"LibreOffice kon niet starten ({exc.strerror})") from None
        regels = self._regels  # this start's own: a reader of an earlier start that ends
        # late (its LibreOffice stopped after hanging) must not end this one's lines
        threading.Thread(target=_lees, args=(self.proces.stdout, regels), daemon=True).start()
        antwoord = self._antwoord(self.tijd_start, "starten")
        if not antwoord.get("klaar"):
            self.sluit()
            raise Gestoord(str(antwoord.get("fout") or "LibreOffice startte niet"), self._gemeld())

    def _gemeld(self) -> bytes:
        """What LibreOffice and the bridge wrote on stderr."""
        if self._stderr_pad is None:
            return b""
        try:
            return self._stderr_pad.read_bytes()
        except OSError:
            return b""

    def _antwoord(self, seconden: float, waarbij: str) -> dict[str, Any]:
        """The next line of the bridge; Gestoord (and LibreOffice stopped) when none comes in
        time or the bridge is gone."""
        try:
            regel = self._regels.get(timeout=seconden)
        except queue.Empty:
            self.sluit(meteen=True)
            raise Gestoord(
                f"LibreOffice gaf bij het {waarbij} binnen {seconden:g} "
                f"{'seconde' if seconden == 1 else 'seconden'} geen antwoord; "
                "het is gestopt, met alle processen die het startte",
                self._gemeld(),
            ) from None
        if regel is None:
            code = None
            if self.proces is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    code = self.proces.wait(timeout=UITGANG)
            self.sluit(meteen=True)
            raise Gestoord(
                f"LibreOffice stopte onverwacht bij het {waarbij}{_afloop(code)}", self._gemeld()
            )
        antwoord: dict[str, Any] = json.loads(regel)
        return antwoord

    def zet_om(self, docx: Path, pdf: Path, opties: Mapping[str, bool | int]) -> None:
        """One document to PDF. DocumentFout when LibreOffice could not convert it,
        Gestoord when LibreOffice itself failed (then it is stopped)."""
        assert self.proces is not None and self.proces.stdin is not None
        opdracht = {"in": str(docx.resolve()), "uit": str(pdf.resolve()), "filter": dict(opties)}
        try:
            self.proces.stdin.write(json.dumps(opdracht).encode("utf-8") + b"\n")
            self.proces.stdin.flush()
        except OSError:
            self.sluit(meteen=True)
            raise Gestoord("LibreOffice stopte onverwacht", self._gemeld()) from None
        antwoord = self._antwoord(self.tijd_document, "omzetten")
        if antwoord.get("dood"):
            self.sluit(meteen=True)
            raise Gestoord(f"LibreOffice stopte onverwacht ({antwoord['fout']})", self._gemeld())
        if "fout" in antwoord:
            raise DocumentFout(str(antwoord["fout"]))

    def sluit(self, meteen: bool = False) -> None:
        """Ask LibreOffice to quit (or, `meteen`, stop it), its whole process group with it."""
        proces, self.proces = self.proces, None
        if proces is not None:
            if proces.stdin is not None:
                with contextlib.suppress(OSError):
                    proces.stdin.close()  # the end of its input: the bridge lets LibreOffice quit
            if not meteen:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proces.wait(timeout=AFSLUITEN)
            self._stop(proces)  # what is left of its group (all of it, when it hung)
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def _lees(uit: IO[bytes], regels: queue.Queue[bytes | None]) -> None:
    """Every line of the bridge into `regels`, then None when it closed its output."""
    for regel in uit:
        regels.put(regel)
    regels.put(None)


@contextlib.contextmanager
def profiel_in(cache: Path | None, werkmap: Path) -> Iterator[Path]:
    """The profile to use: the build folder's own (kept between builds), unless another
    build uses it right now or there is no build folder; then a new one in `werkmap`."""
    if cache is None:
        yield werkmap / "profiel"
        return
    profiel = cache / PROFIELMAP
    try:
        profiel.parent.mkdir(parents=True, exist_ok=True)
        slot = FileLock(str(profiel.parent / f"{PROFIELMAP}.lock"), timeout=0)
        slot.acquire()
    except (OSError, Timeout):
        yield werkmap / "profiel"
        return
    try:
        yield profiel
    finally:
        slot.release()
