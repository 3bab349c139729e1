"""Prose: the Markdown subset of text fields, parsed into blocks every renderer can write.

Supported: paragraphs, bullet and numbered lists (nested), headings, **vet**, *cursief*
and footnotes ([^label], defined in the same text or in the document's `voetnoten`),
and passages marked for redaction, `[[lak 5.1.2e: tekst]]` (kern.lakken): their runs carry
the ground, for the highlight in Word. Everything else, HTML and template syntax included,
is literal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from voorstel.kern import lakken


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting; or a footnote reference (voetnoot set).
    `lak`: the Woo ground when the stretch is a passage marked for redaction."""

    tekst: str
    vet: bool = False
    cursief: bool = False
    voetnoot: str | None = None
    lak: str | None = None


@dataclass(frozen=True)
class Alinea:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Kop:
    niveau: int
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Lijst:
    genummerd: bool
    items: tuple[tuple[Blok, ...], ...]
    start: int = 1


Blok = Alinea | Kop | Lijst


@dataclass(frozen=True)
class Tekststuk:
    """A parsed prose field: its blocks and the footnotes it defines itself."""

    blokken: tuple[Blok, ...]
    voetnoten: dict[str, tuple[Run, ...]] = field(default_factory=dict)

    @property
    def verwijzingen(self) -> list[str]:
        """Footnote labels referred to, in order of first appearance."""
        seen: list[str] = []
        for run in _runs(self.blokken):
            if run.voetnoot is not None and run.voetnoot not in seen:
                seen.append(run.voetnoot)
        return seen


_REF = re.compile(r"\[\^([^\]\s]+)\]")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return (
        MarkdownIt("zero")
        .enable(["list", "emphasis", "heading", "escape", "newline"])
        .use(footnote_plugin)
    )


@lru_cache(maxsize=2048)
def parse(text: str, extern: frozenset[str] = frozenset()) -> Tekststuk:
    """Parse prose; `extern` are footnote labels defined elsewhere in the document.
    Cached: validating and every output format parse the same texts (read-only result)."""
    defined_here = {m.group(1) for m in re.finditer(r"^\[\^([^\]\s]+)\]:", text, re.M)}
    missing = sorted({m.group(1) for m in _REF.finditer(text)} & (extern - defined_here))
    source = lakken.als_tekens(text) + "".join(f"\n\n[^{label}]: -" for label in missing)
    tokens = _parser().parse(source)
    blokken, pos = _blocks(tokens, 0, close=None)
    voetnoten: dict[str, tuple[Run, ...]] = {}
    while pos < len(tokens):
        tok = tokens[pos]
        if tok.type == "footnote_open":
            label = str(tok.meta["label"])
            inner, pos = _blocks(tokens, pos + 1, close="footnote_close")
            if label not in missing:
                voetnoten[label] = tuple(r for b in inner for r in _runs((b,)))
        pos += 1
    return Tekststuk(_koppen_op_volgorde(blokken), voetnoten)


def _koppen_op_volgorde(blokken: list[Blok]) -> tuple[Blok, ...]:
    """Headings never skip a level: '###' after nothing becomes '#', so the outline of the
    document (navigation pane, PDF bookmarks, screen readers) stays whole."""
    result: list[Blok] = []
    vorige = 0
    for blok in blokken:
        if isinstance(blok, Kop):
            blok = Kop(min(blok.niveau, vorige + 1), blok.runs)
            vorige = blok.niveau
        result.append(blok)
    return tuple(result)


def _blocks(tokens: list[Token], pos: int, close: str | None) -> tuple[list[Blok], int]:
    result: list[Blok] = []
    while pos < len(tokens):
        tok = tokens[pos]
        if close is not None and tok.type == close:
            return result, pos
        if tok.type == "footnote_block_open" and close is None:
            return result, pos
        if tok.type == "paragraph_open":
            result.append(Alinea(_inline(tokens[pos + 1])))
            pos += 3
            continue
        if tok.type == "heading_open":
            result.append(Kop(int(tok.tag[1:]), _inline(tokens[pos + 1])))
            pos += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lijst, pos = _list(tokens, pos)
            result.append(lijst)
            continue
        pos += 1
    return result, pos


def _list(tokens: list[Token], pos: int) -> tuple[Lijst, int]:
    open_tok = tokens[pos]
    close = open_tok.type.replace("_open", "_close")
    start = int(str(open_tok.attrs.get("start", 1)))
    items: list[tuple[Blok, ...]] = []
    pos += 1
    while tokens[pos].type != close:
        if tokens[pos].type == "list_item_open":
            inner, pos = _blocks(tokens, pos + 1, close="list_item_close")
            items.append(tuple(inner))
        pos += 1
    return Lijst(open_tok.type == "ordered_list_open", tuple(items), start), pos + 1


_LAKTEKENS = re.compile(
    f"({re.escape(lakken.LAK_BEGIN)}[^{lakken.LAK_MIDDEN}]*{re.escape(lakken.LAK_MIDDEN)}"
    f"|{re.escape(lakken.LAK_EIND)})"
)


def _inline(token: Token) -> tuple[Run, ...]:
    runs: list[Run] = []
    vet = cursief = False
    lak: list[str | None] = [None]
    """The ground of the marked passage the text is in (a list: set while splitting)."""

    def tekst(inhoud: str) -> None:
        for deel in _LAKTEKENS.split(inhoud):
            if deel.startswith(lakken.LAK_BEGIN):
                lak[0] = deel[1:-1]
            elif deel == lakken.LAK_EIND:
                lak[0] = None
            elif deel:
                _append(runs, Run(deel, vet, cursief, lak=lak[0]))

    for child in token.children or []:
        if child.type == "strong_open":
            vet = True
        elif child.type == "strong_close":
            vet = False
        elif child.type == "em_open":
            cursief = True
        elif child.type == "em_close":
            cursief = False
        elif child.type in ("text", "code_inline", "html_inline"):
            tekst(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            _append(runs, Run(" ", vet, cursief, lak=lak[0]))
        elif child.type == "footnote_ref":
            runs.append(Run("", voetnoot=str(child.meta["label"])))
    return tuple(runs)


def _append(runs: list[Run], run: Run) -> None:
    last = runs[-1] if runs else None
    if (
        last
        and last.voetnoot is None
        and (last.vet, last.cursief, last.lak) == (run.vet, run.cursief, run.lak)
    ):
        runs[-1] = Run(last.tekst + run.tekst, run.vet, run.cursief, lak=run.lak)
    else:
        runs.append(run)


def _runs(blokken: tuple[Blok, ...]) -> list[Run]:
    result: list[Run] = []
    for blok in blokken:
        if isinstance(blok, Lijst):
            for item in blok.items:
                result.extend(_runs(item))
        else:
            result.extend(blok.runs)
    return result


def platte_tekst(stuk: Tekststuk) -> str:
    """The text without formatting, for word counts and plain outputs."""
    return " ".join(run.tekst for run in _runs(stuk.blokken) if run.voetnoot is None)


_SPECIAL = re.compile(r"([\\`*_\[\]<>#|{}~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(\s)", re.M)
_ENTITEIT = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def escape(text: str) -> str:
    """Plain text made safe for Markdown: it comes out literally, never as markup."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _ENTITEIT.sub(r"\\&", text)
    text = _LINE_START.sub(r"\1\2\\\3\4", text)
    return re.sub(r"^(\s*)([-+])(\s)", r"\1\\\2\3", text, flags=re.M)
