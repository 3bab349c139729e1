"""Prose into Markdown: normalised, escaped, with footnotes numbered per document."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from voorstel.kern import prose
from voorstel.kern.prose import Alinea, Blok, Kop, Lijst, Run, Tekststuk, escape


def een_regel(text: str) -> str:
    """Text on one line, for a table cell, title or note: a line break would end the
    table row (or the emphasis), so each is a space."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text.strip())


class MarkdownTekst:
    """Writes prose fields as Markdown and collects the footnotes of one document."""

    def __init__(self, voetnoten: dict[str, str], naam: str = "document") -> None:
        self.centraal = voetnoten
        self.naam = naam
        self.figuren: dict[str, bytes] = {}
        """The chart images, by their suffix after the document's name."""
        self.nummers: dict[tuple[int, str], int] = {}
        self.voetnoten: list[tuple[int, tuple[Run, ...]]] = []

    def blok(self, text: str) -> str:
        stuk = prose.parse(text, frozenset(self.centraal))
        return "\n\n".join(self._blok(b, stuk, 0) for b in stuk.blokken)

    def tabel(self, view: Any, kopniveau: Any = None) -> str:
        """A computed table as Markdown; a table with prose is a heading per row, of
        `kopniveau` hashes (1 to 6), or a bold line without one."""
        from voorstel.blokken.tabellen import GEEN_KOPNIVEAU, GEEN_TABEL, Tabel
        from voorstel.kern.errors import RenderFout
        from voorstel.uitvoer.tabel import md_tabel

        if not isinstance(view, Tabel):
            raise RenderFout(GEEN_TABEL.format(type(view).__name__))
        if kopniveau is not None and (
            isinstance(kopniveau, bool) or not isinstance(kopniveau, int) or not 1 <= kopniveau <= 6
        ):
            raise RenderFout(GEEN_KOPNIVEAU.format(kopniveau))
        return md_tabel(view, self.blok, kopniveau)

    def figuur(self, view: dict[str, Any]) -> str:
        """A chart: the image is written next to the .md, linked with its alt text."""
        from voorstel.uitvoer.figuren import getekend

        suffix = f"-figuur-{len(self.figuren) + 1}.png"
        self.figuren[suffix] = getekend(view)
        # The file name may hold spaces or brackets, which would end a Markdown link.
        return f"![{escape(view['alt'])}]({quote(self.naam + suffix)})"

    def _blok(self, blok: Blok, stuk: Tekststuk, diepte: int) -> str:
        if isinstance(blok, Alinea):
            return self._runs(blok.runs, stuk)
        if isinstance(blok, Kop):
            return "#" * min(blok.niveau + 1, 6) + " " + self._runs(blok.runs, stuk)
        return self._lijst(blok, stuk, diepte)

    def _lijst(self, lijst: Lijst, stuk: Tekststuk, diepte: int) -> str:
        lines = []
        indent = "   " * diepte
        for index, item in enumerate(lijst.items, start=lijst.start):
            marker = f"{index}." if lijst.genummerd else "-"
            parts = []
            for blok in item:
                if isinstance(blok, Lijst):
                    parts.append(self._lijst(blok, stuk, diepte + 1))
                else:
                    parts.append(indent + "   " + self._blok(blok, stuk, diepte))
            first = parts[0].lstrip() if parts else ""
            lines.append(f"{indent}{marker} {first}")
            lines.extend(parts[1:])
        return "\n".join(lines)

    def _runs(self, runs: tuple[Run, ...], stuk: Tekststuk) -> str:
        out = []
        for run in runs:
            if run.voetnoot is not None:
                out.append(f"[^{self._nummer(run.voetnoot, stuk)}]")
                continue
            text = escape(run.tekst)
            if run.vet and text.strip():
                text = f"**{text}**"
            if run.cursief and text.strip():
                text = f"*{text}*"
            out.append(text)
        return "".join(out)

    def _nummer(self, label: str, stuk: Tekststuk) -> int:
        key = (id(stuk) if label in stuk.voetnoten else 0, label)
        if key not in self.nummers:
            self.nummers[key] = len(self.voetnoten) + 1
            if label in stuk.voetnoten:
                runs = stuk.voetnoten[label]
            else:
                eigen = prose.parse(self.centraal[label])
                runs = tuple(r for b in eigen.blokken if not isinstance(b, Lijst) for r in b.runs)
            self.voetnoten.append((self.nummers[key], runs))
        return self.nummers[key]

    def voetnoten_md(self) -> str:
        """The footnote definitions, to close the document."""
        if not self.voetnoten:
            return ""
        empty = Tekststuk(())
        return "\n".join(f"[^{n}]: {self._runs(runs, empty)}" for n, runs in self.voetnoten)
