"""Errors: one base class, each error knows its place and says in Dutch what to do."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_ONZICHTBAAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters (but line break and tab) and bidi overrides: in a message they would
steer the user's terminal (ESC sequences from a shared repository) or reverse its text."""


def zichtbaar(tekst: str) -> str:
    """Text for a terminal: every control character written as its code, U+001B."""
    return _ONZICHTBAAR.sub(lambda m: f"U+{ord(m.group(0)):04X}", tekst)


@dataclass(frozen=True, order=True)
class Probleem:
    """One problem in one input file, at a line, for a field."""

    path: str
    line: int | None
    field: str
    message: str
    waarschuwing: bool = False

    def __str__(self) -> str:
        place = self.path if self.line is None else f"{self.path}:{self.line}"
        label = "waarschuwing: " if self.waarschuwing else ""
        kop = f"{place}: " if place else ""  # of no file (LibreOffice that failed): no place
        if self.field:
            return zichtbaar(f"{kop}{self.field}: {label}{self.message}")
        return zichtbaar(f"{kop}{label}{self.message}")


class VoorstelError(Exception):
    """Base class of every error the library raises on purpose."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        field: str = "",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field

    @property
    def problemen(self) -> list[Probleem]:
        return [Probleem(self.path or "", self.line, self.field, self.message)]

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle every attribute, so an error comes back whole from a worker process."""
        return (_herstel, (type(self), self.args, self.__dict__))

    def __str__(self) -> str:
        if self.path is None:
            return zichtbaar(self.message)
        return str(self.problemen[0])


def _herstel(cls: type[VoorstelError], args: tuple[Any, ...], staat: dict[str, Any]) -> Any:
    """An unpickled error, without running __init__ again."""
    fout = cls.__new__(cls)
    fout.args = args
    fout.__dict__.update(staat)
    return fout


class NotatieFout(VoorstelError, ValueError):
    """A number, amount or percentage that is not valid (or ambiguous) Dutch notation."""


class LaadFout(VoorstelError):
    """A file that cannot be read or parsed as YAML."""


class ValidatieFout(VoorstelError):
    """One or more problems found while validating a document; carries all of them."""

    def __init__(self, problemen: list[Probleem]) -> None:
        self._problemen = sorted(problemen, key=lambda p: (p.path, p.line or 0, p.field))
        first = self._problemen[0] if self._problemen else None
        super().__init__(
            "\n".join(str(p) for p in self._problemen) or "ongeldige invoer",
            path=first.path if first else None,
            line=first.line if first else None,
            field=first.field if first else "",
        )

    @property
    def problemen(self) -> list[Probleem]:
        return list(self._problemen)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self._problemen)


class RenderFout(VoorstelError):
    """A template that cannot be rendered."""


class SchrijfFout(VoorstelError):
    """An output that cannot be written."""


class HuisstijlFout(VoorstelError):
    """The house-style Word file cannot be used: missing, not a Word file, damaged."""


class PdfFout(VoorstelError):
    """A PDF that cannot be made: LibreOffice missing, or a conversion that failed."""


class Fouten(VoorstelError):
    """Several errors of one document (e.g. each PDF that failed); carries all of them."""

    def __init__(self, fouten: list[VoorstelError]) -> None:
        self.fouten = list(fouten)
        eerste = self.fouten[0]
        super().__init__(
            "\n".join(f.message for f in self.fouten), eerste.path, eerste.line, eerste.field
        )

    @property
    def problemen(self) -> list[Probleem]:
        return [p for fout in self.fouten for p in fout.problemen]

    def __str__(self) -> str:
        return "\n".join(str(fout) for fout in self.fouten)
