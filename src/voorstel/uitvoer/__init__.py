"""Render: one context -> every output format, each a small Renderer class."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from docxtpl import DocxTemplate
from jinja2 import TemplateError

from voorstel.kern.errors import RenderFout
from voorstel.uitvoer import html, revisie, revisie_docx
from voorstel.uitvoer.docx_tekst import DocxTekst
from voorstel.uitvoer.grenzen import begrensd
from voorstel.uitvoer.huisstijl import Huisstijl
from voorstel.uitvoer.md_tekst import MarkdownTekst
from voorstel.uitvoer.omgeving import (
    docx_omgeving,
    docx_revisie_omgeving,
    markdown_omgeving,
    markdown_revisie_omgeving,
    md_sjabloonbestanden,
    met_staat,
    sjabloonfout,
    zoek_sjabloon,
)
from voorstel.uitvoer.revisie import Revisie
from voorstel.uitvoer.sjabloon import Sjabloon, controleer_word


class Renderer:
    """An output format: a name, a file suffix, and a way to turn a context into bytes."""

    name: ClassVar[str]
    suffix: ClassVar[str]

    def __init__(self, sjablonen: Sequence[Path] = (), huisstijl: Path | None = None) -> None:
        self.sjablonen = list(sjablonen)
        self.huisstijl = huisstijl
        self.waarschuwingen: list[str] = []
        """What rendering had to say without failing (a style the huisstijl lacks)."""

    def render(self, context: dict[str, Any], stuk: str = "document") -> bytes:
        """The document `stuk` of the context's soort (its template `<soort>/<stuk>.*`)."""
        raise NotImplementedError

    def bestanden(self, soort: str, stuk: str = "document") -> list[Path]:
        """The template files a document of this soort is rendered from."""
        raise NotImplementedError

    def uitvoer(
        self, context: dict[str, Any], naam: str, stuk: str = "document"
    ) -> dict[str, bytes]:
        """Every file of this format by suffix after `naam` (the output's file name without
        suffix): the document itself, and files it refers to, such as chart images."""
        return {self.suffix: self.render(context, stuk)}


class DocxRenderer(Renderer):
    """Word, through docxtpl, from the soort's <stuk>.docx."""

    name = "docx"
    suffix = ".docx"

    def render(
        self, context: dict[str, Any], stuk: str = "document", rev: Revisie | None = None
    ) -> bytes:
        """With `rev`, `context` is that of both versions (revisie.samenvoegen), and the
        document is the new version with every change from the old one tracked."""
        soort = revisie.zijde(context["soort"], "nieuw")
        try:
            path = zoek_sjabloon(f"{soort}/{stuk}.docx", self.sjablonen)
        except FileNotFoundError:
            raise RenderFout(f"geen Word-sjabloon gevonden voor soort '{soort}'") from None
        tpl = Sjabloon(controleer_word(path))
        voetnoten = context.get("voetnoten") or {}
        staat = DocxTekst(tpl, *_voetnoten(voetnoten, rev))
        try:
            if rev is None:
                with met_staat(staat), begrensd():
                    tpl.render(context, docx_omgeving(), autoescape=True)
            else:
                with met_staat(staat), begrensd(), revisie.met_revisie(rev):
                    tpl.render(context, docx_revisie_omgeving(), autoescape=True)
            staat.schrijf_voetnoten()
        except (TemplateError, RecursionError) as exc:
            raise sjabloonfout(exc, path, regel=False) from None
        except RenderFout as exc:
            exc.path = exc.path or str(path)
            raise
        if rev is not None:
            context = revisie.zijde(context, "nieuw")
            rev.aantal = revisie_docx.in_document(tpl.docx, rev)
        _eigenschappen(tpl, context)
        if self.huisstijl is None:
            return tpl.als_bytes()
        openbaarheid = (context.get("kopblok") or {}).get("openbaarheid", "openbaar")
        data, waarschuwingen = Huisstijl.lees(self.huisstijl).pas_toe(
            tpl.als_bytes(), markering=openbaarheid != "openbaar"
        )
        self.waarschuwingen.extend(w for w in waarschuwingen if w not in self.waarschuwingen)
        return data

    def bestanden(self, soort: str, stuk: str = "document") -> list[Path]:
        huisstijl = [] if self.huisstijl is None else [self.huisstijl.resolve()]
        try:
            return [zoek_sjabloon(f"{soort}/{stuk}.docx", self.sjablonen).resolve(), *huisstijl]
        except FileNotFoundError:
            return huisstijl


def _voetnoten(
    voetnoten: dict[str, Any], rev: Revisie | None
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The document's footnotes for its prose writer: in a tracked-changes render as the
    new and the old version have them, otherwise as they are."""
    if rev is None:
        return voetnoten, None
    return revisie.zijde(voetnoten, "nieuw"), revisie.zijde(voetnoten, "oud")


def _eigenschappen(tpl: DocxTemplate, context: dict[str, Any]) -> None:
    """Document properties from the data, set after rendering so they are never templated."""
    props = tpl.docx.core_properties
    meta = context["meta"]
    props.title = eigenschap(meta["titel"])
    props.author = eigenschap(meta["auteur"])
    props.subject = eigenschap(meta["onderwerp"])
    props.language = "nl-NL"
    props.keywords = eigenschap(meta["soort"])
    props.created = meta["datum"]
    props.modified = meta["datum"]
    props.last_modified_by = eigenschap(meta["auteur"])
    props.revision = 1
    props.comments = ""


MAX_EIGENSCHAP = 255
"""Characters a Word core property may hold (python-docx refuses more, Word truncates)."""


def eigenschap(tekst: str) -> str:
    """A document property that fits: a long title is cut at a word, with an ellipsis."""
    if len(tekst) <= MAX_EIGENSCHAP:
        return tekst
    kort = " ".join(str(tekst).split())[: MAX_EIGENSCHAP - 1]
    if " " in kort[MAX_EIGENSCHAP // 2 :]:
        kort = kort.rsplit(" ", 1)[0]
    return kort.rstrip(" ,;:") + "…"


class MarkdownRenderer(Renderer):
    """Markdown, through Jinja, from the soort's <stuk>.md.j2."""

    name = "md"
    suffix = ".md"

    def render(
        self, context: dict[str, Any], stuk: str = "document", rev: Revisie | None = None
    ) -> bytes:
        return self.uitvoer(context, "document", stuk, rev)[self.suffix]

    def uitvoer(
        self,
        context: dict[str, Any],
        naam: str,
        stuk: str = "document",
        rev: Revisie | None = None,
    ) -> dict[str, bytes]:
        """The Markdown and its chart images, written next to it as <naam>-figuur-N.png.
        With `rev` (see DocxRenderer.render) every change is in CriticMarkup."""
        if rev is None:
            env = markdown_omgeving(self.sjablonen)
        else:
            env = markdown_revisie_omgeving(tuple(self.sjablonen))
        voetnoten_ = context.get("voetnoten") or {}
        nieuwe, oude = _voetnoten(voetnoten_, rev)
        staat = MarkdownTekst(nieuwe, naam, oude)
        sjabloon = f"{revisie.zijde(context['soort'], 'nieuw')}/{stuk}.md.j2"
        try:
            template = env.get_template(sjabloon)
            if rev is None:
                with met_staat(staat), begrensd():
                    text = template.render(context)
            else:
                with met_staat(staat), begrensd(), revisie.met_revisie(rev):
                    text = template.render(context)
        except (TemplateError, RecursionError) as exc:
            raise sjabloonfout(exc, template_pad(sjabloon, self.sjablonen)) from None
        voetnoten = staat.voetnoten_md()
        text = text.rstrip("\n") + "\n" + (f"\n{voetnoten}\n" if voetnoten else "")
        if rev is not None:
            if rev.alles_nieuw:
                text = revisie.heel(text, "nieuw")
            text, rev.aantal = revisie.critic_md(text)
        return {self.suffix: text.encode("utf-8"), **staat.figuren}

    def bestanden(self, soort: str, stuk: str = "document") -> list[Path]:
        return list(md_sjabloonbestanden(tuple(self.sjablonen), soort, stuk))


def template_pad(sjabloon: str, sjablonen: Sequence[Path]) -> str:
    """The file a template name stands for, or the name when there is none."""
    try:
        return str(zoek_sjabloon(sjabloon, sjablonen))
    except FileNotFoundError:
        return sjabloon


class HtmlRenderer(MarkdownRenderer):
    """HTML, made from the Markdown (same templates, same text), with the same charts."""

    name = "html"
    suffix = ".html"

    def uitvoer(
        self,
        context: dict[str, Any],
        naam: str,
        stuk: str = "document",
        rev: Revisie | None = None,
    ) -> dict[str, bytes]:
        bestanden = super().uitvoer(context, naam, stuk, rev)
        markdown = bestanden.pop(self.suffix).decode("utf-8")  # the Markdown, under our suffix
        pagina = html.pagina(markdown, str(context["meta"]["titel"]))
        return {self.suffix: pagina.encode("utf-8"), **bestanden}


RENDERERS: dict[str, type[Renderer]] = {
    r.name: r for r in (DocxRenderer, MarkdownRenderer, HtmlRenderer)
}
"""Every output format by name, as --format takes it."""

__all__ = ["RENDERERS", "DocxRenderer", "HtmlRenderer", "MarkdownRenderer", "Renderer"]
