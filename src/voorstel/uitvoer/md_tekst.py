"""Prose into Markdown: normalised, escaped, with footnotes numbered per document."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from voorstel.kern import prose
from voorstel.kern.prose import Alinea, Blok, Kop, Lijst, Run, Tekststuk, escape
from voorstel.uitvoer import revisie, revisie_inhoud


def _tekst(waarde: Any) -> str:
    return "" if waarde is None or waarde is revisie.AFWEZIG else str(waarde)


def een_regel(text: str) -> str:
    """Text on one line, for a table cell, title or note: a line break would end the
    table row (or the emphasis), so each is a space."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text.strip())


class MarkdownTekst(revisie_inhoud.BeideVersies):
    """Writes prose fields as Markdown and collects the footnotes of one document."""

    def __init__(
        self,
        voetnoten: dict[str, str],
        naam: str = "document",
        oude_voetnoten: dict[str, str] | None = None,
    ) -> None:
        self.centraal = voetnoten
        self.centraal_oud = voetnoten if oude_voetnoten is None else oude_voetnoten
        self._opgelost = revisie_inhoud.Voetnoten()
        self.naam = naam
        self.figuren: dict[str, bytes] = {}
        """The chart images, by their suffix after the document's name."""
        self.nummers: dict[tuple[int, str], int] = {}
        self._heel: str | None = None
        self.voetnoten: list[tuple[int, tuple[Run, ...]]] = []

    def blok(self, text: Any) -> str:
        if isinstance(text, revisie.Wijziging):
            return self.blok_wijziging(text.oud, text.nieuw)
        if revisie.kant() == "beide" and self.centraal_oud != self.centraal:
            return self.blok_wijziging(text, text)  # a footnote it refers to may have changed
        stuk = prose.parse(text, frozenset(self.centraal))
        return "\n\n".join(self._blok(b, stuk, 0) for b in stuk.blokken)

    # -- tracked changes (revisie.py): both versions of a field at once -------------------

    def blok_wijziging(self, oud: Any, nieuw: Any) -> str:
        """A prose field in both versions, its changes marked (CriticMarkup in the end)."""
        a = prose.parse(_tekst(oud), frozenset(self.centraal_oud))
        b = prose.parse(_tekst(nieuw), frozenset(self.centraal))
        return "\n\n".join(self._blokken_beide(a.blokken, b.blokken, a, b, 0))

    def _blokken_beide(
        self,
        oude: tuple[Blok, ...],
        nieuwe: tuple[Blok, ...],
        sa: Tekststuk,
        sb: Tekststuk,
        diepte: int,
    ) -> list[str]:
        uit = []
        for i, j in revisie_inhoud.blokparen(oude, nieuwe):
            if j is None:
                assert i is not None
                uit.append(self._alleen(oude[i], sa, diepte, "oud"))
            elif i is None:
                uit.append(self._alleen(nieuwe[j], sb, diepte, "nieuw"))
            else:
                a, b = oude[i], nieuwe[j]
                if isinstance(a, Lijst) and isinstance(b, Lijst):
                    uit.append(self._lijst_beide(a, b, sa, sb, diepte))
                elif isinstance(b, Kop):
                    kop = "#" * min(b.niveau + 1, 6) + " "
                    uit.append(kop + self._runs(self._runs_samen(a, b, sa, sb), sb))
                else:
                    uit.append(self._runs(self._runs_samen(a, b, sa, sb), sb))
        return uit

    def _alleen(self, blok: Blok, stuk: Tekststuk, diepte: int, staat: str) -> str:
        with self._alleen_in(staat):
            return revisie.heel(self._blok(blok, stuk, diepte), staat)

    def _lijst_beide(self, a: Lijst, b: Lijst, sa: Tekststuk, sb: Tekststuk, diepte: int) -> str:
        regels = []
        indent = "   " * diepte
        nummer = b.start
        for staat, item in self._itemstappen(a, b):
            marker = f"{nummer}." if b.genummerd else "-"
            if staat == "alinea":
                runs = self._runs(self._runs_samen(item[0], item[1], sa, sb), sb)
                regels.append(f"{indent}{marker} {runs}")
            elif staat == "zelfde":
                regels.append(self._item(item, marker, indent, sb, diepte))
            else:
                with self._alleen_in(staat):
                    tekst = self._item(item, marker, indent, sa if staat == "oud" else sb, diepte)
                regels.append(revisie.heel(tekst, staat))
            if staat != "oud":  # a deleted item takes no number of the new list
                nummer += 1
        return "\n".join(regels)

    def tabel_wijziging(self, oud: Any, nieuw: Any, kopniveau: Any = None) -> str:
        """A table in both versions: rows aligned, a changed cell word by word."""
        from voorstel.blokken.tabellen import Tabel
        from voorstel.uitvoer.tabel import md_tabel

        if isinstance(oud, Tabel) and isinstance(nieuw, Tabel):
            samen = revisie_inhoud.tabel_samen(oud, nieuw, revisie_inhoud.cel_woorden)
            if samen is not None:
                self.tabel(nieuw, kopniveau)  # the same checks
                return md_tabel(samen, self.blok, kopniveau)
        delen = []
        for waarde, staat in ((oud, "oud"), (nieuw, "nieuw")):
            if isinstance(waarde, Tabel):
                delen.append(revisie.heel(self.tabel(waarde, kopniveau), staat))
        return "\n\n".join(delen)

    def figuur_wijziging(self, oud: Any, nieuw: Any) -> str:
        """A chart that changed: the old one deleted, the new one inserted."""
        delen = []
        if oud not in (None, revisie.AFWEZIG) and oud:
            delen.append(revisie.heel(self.figuur(oud), "oud"))
        if nieuw not in (None, revisie.AFWEZIG) and nieuw:
            delen.append(revisie.heel(self.figuur(nieuw), "nieuw"))
        return "".join(delen)

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
            lines.append(self._item(item, marker, indent, stuk, diepte))
        return "\n".join(lines)

    def _item(
        self, item: tuple[Blok, ...], marker: str, indent: str, stuk: Tekststuk, diepte: int
    ) -> str:
        parts = []
        for blok in item:
            if isinstance(blok, Lijst):
                parts.append(self._lijst(blok, stuk, diepte + 1))
            else:
                parts.append(indent + "   " + self._blok(blok, stuk, diepte))
        first = parts[0].lstrip() if parts else ""
        return "\n".join([f"{indent}{marker} {first}", *parts[1:]])

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
            self.voetnoten.append((self.nummers[key], self._voetnoot_runs(label, stuk)))
        return self.nummers[key]

    def voetnoten_md(self) -> str:
        """The footnote definitions, to close the document."""
        if not self.voetnoten:
            return ""
        empty = Tekststuk(())
        return "\n".join(f"[^{n}]: {self._runs(runs, empty)}" for n, runs in self.voetnoten)
