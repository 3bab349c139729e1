"""A stand-in for LibreOffice (`soffice`), run as a program from a folder first on PATH
(see `installeer`). It records how it was called and does what NEP_GEDRAG says:

- goed (the default): a small, whole PDF per .docx (with its name in it), except for the
  one named in NEP_FAAL; exit 0.
- hangt: start a child that ignores SIGTERM, write both process ids to NEP_PIDS, then
  sleep (as a hung soffice.bin would); only SIGKILL to the whole group stops it.
- half: whole PDFs for the first NEP_HEEL documents (default 0), half of one for the next,
  a crash on stderr, then exit with NEP_CODE (a number, or SIGSEGV to die by that signal).
- leeg: no PDF at all, "Error: source file could not be loaded" on stderr; exit 0.
- rommel: bytes that are no PDF, for every document; exit 0.

No imports from pytest or voorstel: it starts as fast as Python does.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
import time
from pathlib import Path

NIET_LADEN = "Error: source file could not be loaded\n"
CRASH = "\x1b[31mfatal error: Segmentation fault\x1b[0m\n"
"""What the crashing stand-in writes on stderr: with the ESC a terminal would obey."""


def pdf(tekst: str) -> bytes:
    """A small whole PDF: one empty A4 page, `tekst` as its title (ASCII)."""
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Title (" + tekst.encode("ascii") + b") >>",
    ]
    uit = bytearray(b"%PDF-1.6\n")
    plaatsen = []
    for nummer, inhoud in enumerate(objecten, 1):
        plaatsen.append(len(uit))
        uit += b"%d 0 obj\n%s\nendobj\n" % (nummer, inhoud)
    xref = len(uit)
    uit += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    for plaats in plaatsen:
        uit += b"%010d 00000 n \n" % plaats
    uit += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\n" % (len(objecten) + 1)
    uit += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(uit)


def programma(bin_map: Path, naam: str, bestand: Path, eerst: str = "") -> Path:
    """Write a program `naam` into `bin_map` that runs `bestand` with the Python of the
    tests (after the shell lines `eerst`), with its arguments."""
    bin_map.mkdir(parents=True, exist_ok=True)
    script = bin_map / naam
    script.write_text(f"#!/bin/sh\n{eerst}exec '{sys.executable}' -S '{bestand}' \"$@\"\n")
    script.chmod(0o755)
    return script


def installeer(bin_map: Path) -> Path:
    """Write `soffice` into `bin_map`: this file, run by the Python of the tests."""
    return programma(bin_map, "soffice", Path(__file__))


def hang() -> None:
    kind = os.fork()
    if kind == 0:  # the converter it started: deaf to SIGTERM
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        time.sleep(600)
        os._exit(0)
    Path(os.environ["NEP_PIDS"]).write_text(f"{os.getpid()} {kind}\n")
    sys.stderr.write("nep: bezig met omzetten\n")
    sys.stderr.flush()
    time.sleep(600)


def crash(code: str) -> None:
    sys.stderr.write(CRASH)
    sys.stderr.flush()
    if code.startswith("SIG"):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file
        signal.signal(getattr(signal, code), signal.SIG_DFL)
        os.kill(os.getpid(), getattr(signal, code))
        time.sleep(10)
    sys.exit(int(code))


def main(args: list[str]) -> None:
    if "NEP_LOG" in os.environ:
        Path(f"{os.environ['NEP_LOG']}.{os.getpid()}").write_text("".join(a + "\n" for a in args))
    outdir = Path(args[args.index("--outdir") + 1])
    outdir.mkdir(parents=True, exist_ok=True)
    namen = [Path(a).stem for a in args if a.endswith(".docx")]
    gedrag = os.environ.get("NEP_GEDRAG", "goed")
    if gedrag == "hangt":
        hang()
    elif gedrag == "leeg":
        sys.stderr.write(NIET_LADEN * len(namen))
    elif gedrag == "rommel":
        for naam in namen:
            (outdir / f"{naam}.pdf").write_bytes(b"\x00\x01 dit is geen PDF \xff\n")
    elif gedrag == "half":
        heel = int(os.environ.get("NEP_HEEL", "0"))
        for naam in namen[:heel]:
            (outdir / f"{naam}.pdf").write_bytes(pdf(naam))
        if heel < len(namen):
            data = pdf(namen[heel])
            (outdir / f"{namen[heel]}.pdf").write_bytes(data[: len(data) // 2])
        crash(os.environ.get("NEP_CODE", "1"))
    else:
        for naam in namen:
            if naam != os.environ.get("NEP_FAAL"):
                (outdir / f"{naam}.pdf").write_bytes(pdf(naam))


if __name__ == "__main__":
    main(sys.argv[1:])
