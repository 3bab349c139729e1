"""The Jinja environments: sandboxed, with the Dutch filters, one per output kind."""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import (
    BaseLoader,
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    meta,
)
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup
from markupsafe import escape as xml_escape

from voorstel.kern import nl
from voorstel.kern.errors import RenderFout
from voorstel.kern.prose import escape
from voorstel.pijplijn.sjabloonpad import zoek_sjabloon as zoek_sjabloon
from voorstel.soorten import REGISTER
from voorstel.uitvoer import revisie
from voorstel.uitvoer.grenzen import RECURSIE, SjabloonGrens, sjabloonplaats
from voorstel.uitvoer.md_tekst import een_regel
from voorstel.uitvoer.revisie_omgeving import Tweezijdige, finalize_beide
from voorstel.uitvoer.sjabloon import CompilerendeOmgeving, VeiligeOmgeving

_STAAT: contextvars.ContextVar[Any] = contextvars.ContextVar("voorstel_render_staat")
"""The render state of the document being rendered (prose writer, footnotes, charts). It is
never in the template context: a template sees plain data and the filters, nothing that
could reach the renderer's machinery (docxtpl's save or replace_zipname read and write files)."""


@contextmanager
def met_staat(staat: Any) -> Iterator[None]:
    """Render with `staat` as the state the filters write to."""
    token = _STAAT.set(staat)
    try:
        yield
    finally:
        _STAAT.reset(token)


class SjabloonLoader(BaseLoader):
    """Jinja loader over the user's template folders and then voorstel's own templates."""

    def __init__(self, extra: Sequence[Path] = ()) -> None:
        self.extra = tuple(extra)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            pad = zoek_sjabloon(template, self.extra)
        except FileNotFoundError:
            raise TemplateNotFound(template) from None
        bron = pad.read_text(encoding="utf-8")
        mtime = pad.stat().st_mtime_ns

        def actueel() -> bool:
            try:
                return pad.stat().st_mtime_ns == mtime
            except OSError:
                return False

        return bron, str(pad), actueel


def sjabloonfout(
    exc: TemplateError | RecursionError, sjabloon: str | Path, regel: bool = True
) -> RenderFout:
    """A Jinja error in a template as a Dutch RenderFout naming the file (and line).

    `regel` is false for Word templates: the line of their XML means nothing to a user.
    A limit (time, size, recursion) names the template and line it was reached in, which
    may be a template the first one includes."""
    if isinstance(exc, SjabloonGrens | RecursionError):
        waar, lijn = sjabloonplaats(exc)
        bericht = (exc.message or "") if isinstance(exc, SjabloonGrens) else RECURSIE
        return RenderFout(
            bericht,
            path=waar or sjabloon,
            line=lijn if regel else None,
        )
    if isinstance(exc, TemplateSyntaxError):
        bestand = exc.filename or sjabloon
        return RenderFout(
            f"fout in een sjabloontag ({exc.message}); controleer de {{{{ }}}}- en "
            "{% %}-tags" + ("" if regel else " in dit Word-sjabloon"),
            path=bestand,
            line=exc.lineno if regel else None,
        )
    if isinstance(exc, TemplateNotFound):
        return RenderFout(
            f"het sjabloon gebruikt '{exc.name}', maar dat bestand is niet gevonden in de "
            "sjabloonmappen; controleer de naam",
            path=sjabloon,
        )
    if isinstance(exc, UndefinedError):
        return RenderFout(
            f"het sjabloon gebruikt iets dat niet bestaat ({exc.message}); controleer de "
            "namen in de tags",
            path=sjabloon,
        )
    return RenderFout(f"het sjabloon kan niet gemaakt worden ({exc.message})", path=sjabloon)


def _via_staat(
    naam: str, methode: str, markup: bool, als_tekst: bool = False, argumenten: int = 0
) -> Callable[..., Any]:
    """The filter `naam`, which hands its value (and up to `argumenten` arguments, such as
    the tabel filter's kopniveau) to the document's render state (prose writer, table and
    chart writer); an empty value gives nothing. `markup` for the Markdown side."""

    def _filter(value: Any, *args: Any) -> Any:
        if len(args) > argumenten:
            raise RenderFout(
                f"het filter '{naam}' krijgt "
                + (
                    f"hoogstens {nl.telwoord(argumenten)} argument{'en' * (argumenten > 1)}"
                    if argumenten
                    else "geen argumenten"
                )
                + f", niet {len(args)}; controleer het sjabloon"
            )
        if value is None or (hasattr(value, "__len__") and len(value) == 0):
            return Markup("") if markup else ""
        uit = getattr(_STAAT.get(), methode)(str(value) if als_tekst else value, *args)
        return Markup(uit) if markup else uit

    return _filter


def _md_finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return escape(value)


def _docx_finalize(value: Any) -> Any:
    """Every output as XML text, with braces as character references.

    docxtpl turns "{_{", "}_}", "{_%" and "%_}" in the rendered XML into "{{", "}}", "{%"
    and "%}"; user text may hold those, so its braces never appear as bare characters.
    """
    if hasattr(value, "__html__"):
        xml = str(value.__html__())
    elif isinstance(value, str):
        xml = str(xml_escape(value))
    else:
        return value
    return Markup(xml.replace("{", "&#123;").replace("}", "&#125;"))


def _filters(env: VeiligeOmgeving) -> None:
    env.filters.update(nl.FILTERS)


@functools.cache
def docx_omgeving() -> ImmutableSandboxedEnvironment:
    """Environment for docxtpl: autoescape on, so user text is XML text, never markup.
    One per process, so each template part is compiled once."""
    return _docx_omgeving(CompilerendeOmgeving, _docx_finalize, _via_staat)


def _docx_omgeving(
    soort: type[CompilerendeOmgeving],
    finalize: Callable[[Any], Any],
    via_staat: Callable[..., Callable[..., Any]],
) -> ImmutableSandboxedEnvironment:
    """A Word environment: of a plain render, or (DocxRevisieOmgeving) of a
    tracked-changes render."""
    env = soort(autoescape=True, undefined=StrictUndefined, finalize=finalize)
    _filters(env)
    env.filters["tekst"] = via_staat("tekst", "subdoc", markup=False, als_tekst=True)
    env.filters["tabel"] = via_staat("tabel", "tabel", markup=False, argumenten=1)
    env.filters["figuur"] = via_staat("figuur", "figuur", markup=False)
    if isinstance(env, Tweezijdige):
        env.tweezijdig(EIGEN)
    return env


def _beide_via_staat(
    naam: str, methode: str, markup: bool, als_tekst: bool = False, argumenten: int = 0
) -> Callable[..., Any]:
    """The filter `naam` of a tracked-changes render: a value that changed goes to the
    render state's `<methode>_wijziging` with both versions; otherwise as `_via_staat`."""
    gewoon = _via_staat(naam, methode, markup, als_tekst, argumenten)

    def _filter(value: Any, *args: Any) -> Any:
        args = tuple(revisie.zijde(a) for a in args)
        if isinstance(value, dict) and not isinstance(value, revisie.Wijziging):
            if revisie.kant() == "beide" and revisie.gewijzigd(value):
                value = revisie.Wijziging(
                    revisie.zijde(value, "oud"), revisie.zijde(value, "nieuw")
                )
            else:
                value = revisie.zijde(value)
        if isinstance(value, revisie.Wijziging):
            if revisie.kant() == "beide" and not value.stil:
                if len(args) > argumenten:
                    return gewoon(value.nieuw, *args)  # says what is wrong
                uit = getattr(_STAAT.get(), methode + "_wijziging")(value.oud, value.nieuw, *args)
                return Markup(uit) if markup else uit
            value = value.zijde("oud" if revisie.kant() == "oud" else "nieuw")
            if value is revisie.AFWEZIG:
                value = None
        return gewoon(value, *args)

    return _filter


class DocxRevisieOmgeving(Tweezijdige, CompilerendeOmgeving):
    """The Word environment of a tracked-changes render (revisie_omgeving.py)."""


class MarkdownRevisieOmgeving(Tweezijdige):
    """The Markdown environment of a tracked-changes render (revisie_omgeving.py)."""


EIGEN = ("tekst", "tabel", "figuur")
"""The filters that write both versions of a value themselves."""


@functools.cache
def docx_revisie_omgeving() -> ImmutableSandboxedEnvironment:
    """docx_omgeving for a tracked-changes render: the template sees both versions."""
    return _docx_omgeving(DocxRevisieOmgeving, finalize_beide(_docx_finalize), _beide_via_staat)


@functools.lru_cache(maxsize=8)
def markdown_revisie_omgeving(extra: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    """markdown_omgeving for a tracked-changes render: the template sees both versions."""
    return _md_omgeving(
        MarkdownRevisieOmgeving, finalize_beide(_md_finalize), _beide_via_staat, extra
    )


def markdown_omgeving(extra: Sequence[Path] = ()) -> ImmutableSandboxedEnvironment:
    """Environment for .md templates: plain text is escaped to come out literally.
    One per process and template path, so each template is compiled once."""
    return _markdown_omgeving(tuple(extra))


@functools.lru_cache(maxsize=8)
def _markdown_omgeving(extra: tuple[Path, ...]) -> ImmutableSandboxedEnvironment:
    return _md_omgeving(VeiligeOmgeving, _md_finalize, _via_staat, extra)


def _md_omgeving(
    soort: type[VeiligeOmgeving],
    finalize: Callable[[Any], Any],
    via_staat: Callable[..., Callable[..., Any]],
    extra: tuple[Path, ...],
) -> ImmutableSandboxedEnvironment:
    """A Markdown environment: of a plain render, or (MarkdownRevisieOmgeving) of a
    tracked-changes render."""
    env = soort(
        loader=SjabloonLoader(extra),
        autoescape=False,
        undefined=StrictUndefined,
        finalize=finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    _filters(env)
    env.filters["tekst"] = via_staat("tekst", "blok", markup=True, als_tekst=True)
    env.filters["regel"] = een_regel
    env.filters["tabel"] = via_staat("tabel", "tabel", markup=True, argumenten=1)
    env.filters["figuur"] = via_staat("figuur", "figuur", markup=True)
    if isinstance(env, Tweezijdige):
        env.tweezijdig(EIGEN)
    return env


@functools.lru_cache(maxsize=64)
def md_sjabloonbestanden(
    extra: tuple[Path, ...], soort: str, stuk: str = "document"
) -> tuple[Path, ...]:
    """Every Markdown template file a soort's document uses: itself and, transitively,
    what it includes (every template there is when an include is not a plain name)."""
    env = markdown_omgeving(extra)
    te_doen, gezien, paden = [f"{soort}/{stuk}.md.j2"], set(), set()
    while te_doen:
        naam = te_doen.pop()
        gezien.add(naam)
        try:
            bron, bestand, _ = env.loader.get_source(env, naam)  # type: ignore[union-attr]
        except TemplateNotFound:
            continue
        paden.add(Path(str(bestand)).resolve())
        try:
            boom = env.parse(bron, naam, bestand)
        except TemplateSyntaxError as exc:
            raise sjabloonfout(exc, str(bestand)) from None
        for verwijzing in meta.find_referenced_templates(boom):
            if verwijzing is None:
                paden.update(_alle_sjablonen(extra))
            elif verwijzing not in gezien:
                te_doen.append(verwijzing)
    return tuple(sorted(paden))


def _alle_sjablonen(extra: tuple[Path, ...]) -> list[Path]:
    """What an include with a computed name may reach: every file in the user's template
    folders (not one a link leads outside, which is refused), and voorstel's own Markdown
    templates."""
    paden = []
    for map_ in extra:
        binnen = map_.resolve()
        for pad in map_.rglob("*"):
            echt = pad.resolve()
            if echt.is_file() and echt.is_relative_to(binnen):
                paden.append(echt)
    return paden + [p.resolve() for soort in REGISTER for p in soort.map.glob("*.md.j2")]


def vergeet_sjablonen() -> None:
    """Forget every Markdown template read and which files each one includes, so the next
    render looks them up again: for a process that keeps running while the user adds or
    changes templates (`voorstel serve`). A changed file is noticed anyway (its mtime); a
    new file that now goes before the one read is noticed only after this."""
    _markdown_omgeving.cache_clear()
    markdown_revisie_omgeving.cache_clear()
    md_sjabloonbestanden.cache_clear()
