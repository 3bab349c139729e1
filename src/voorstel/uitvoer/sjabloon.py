"""Word templates read once per process, compiled once, saved byte for byte the same.

docxtpl re-reads the .docx and recompiles the Jinja source of every part on every render.
In a batch that is most of the work, so a process keeps the template's package as python-
docx reads it and the compiled Jinja templates. docxtpl changes its DocxTemplate while
rendering, so every render still gets its own DocxTemplate, its parts unmarshalled from
the package kept in memory. (Prose and tables are WordprocessingML written as text,
wml.py: no subdocuments.)
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
import zlib
from collections import OrderedDict
from pathlib import Path
from typing import Any, ClassVar, cast

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import serialize_part_xml
from docx.opc.package import Unmarshaller
from docx.opc.part import PartFactory
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap, qn
from docx.package import Package
from docx.parts.numbering import NumberingPart
from docx.parts.styles import StylesPart
from docxtpl import DocxTemplate
from jinja2 import Template
from lxml import etree

from voorstel.blokken.nummering import stijlnummer
from voorstel.kern.errors import RenderFout
from voorstel.kern.vastezip import herpak, vaste_zip
from voorstel.uitvoer.grenzen import BegrensdeOmgeving

# Importing docxtpl (its Subdoc) imports docxcompose, which rebinds python-docx's "cp" prefix to
# the custom-properties namespace; core properties (keywords, lastModifiedBy, revision) would
# then be written a second time in the wrong namespace, which Word reports as unreadable
# content. Bind the prefix back to the core-properties namespace.
nsmap["cp"] = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"

MAX_GECOMPILEERD = 64


@functools.lru_cache(maxsize=32)
def _geserialiseerd(blob: bytes) -> bytes:
    """A part as python-docx writes it after reading it: what an unread part is saved as."""
    return serialize_part_xml(parse_xml(blob))


class _Lui:
    """An XML part of the template (styles, numbering) parsed only when something looks into
    it. Most documents never do: their style ids and list numbering are looked up once per
    template (Sjabloon), and the styles of a template are 0,8 MB. An unread part is saved as
    python-docx would save it once read (kept per template), so the bytes are as before."""

    _bron: bytes = b""

    @property
    def _element(self) -> Any:
        element = self.__dict__.get("_gelezen")
        if element is None:
            element = self.__dict__["_gelezen"] = parse_xml(self._bron)
        return element

    @_element.setter
    def _element(self, element: Any) -> None:
        self.__dict__["_gelezen"] = element

    @property
    def blob(self) -> bytes:
        element = self.__dict__.get("_gelezen")
        if element is None:
            return _geserialiseerd(self._bron)
        return serialize_part_xml(element)

    @classmethod
    def load(cls, partname: Any, content_type: str, blob: bytes, package: Any) -> Any:
        part = cls(partname, content_type, None, package)  # type: ignore[call-arg]
        part._bron = blob
        return part


class _LuiStylesPart(_Lui, StylesPart):
    pass


class _LuiNumberingPart(_Lui, NumberingPart):
    pass


PartFactory.part_type_for[CT.WML_STYLES] = _LuiStylesPart
PartFactory.part_type_for[CT.WML_NUMBERING] = _LuiNumberingPart


MACHINERIE = ("docx", "docxtpl", "docxcompose", "lxml", "voorstel.uitvoer")
"""Modules whose objects a template may hold (a filter's result) but never look into."""


class VeiligeOmgeving(BegrensdeOmgeving):
    """Jinja's immutable sandbox, under the limits of time and size (grenzen.py), and no
    attribute of the renderer's own objects: a filter's result (a Word subdocument, an
    image) can be shown, never opened."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if type(obj).__module__.startswith(MACHINERIE):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


class CompilerendeOmgeving(VeiligeOmgeving):
    """A sandboxed environment that compiles each template source only once.

    docxtpl calls `from_string` with the (patched) XML of every part on every render;
    the same source gives the same compiled template, so it is kept (a bounded cache).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._gecompileerd: OrderedDict[str, Template] = OrderedDict()

    def from_string(  # type: ignore[override]
        self, source: str, globals: Any = None, template_class: Any = None
    ) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._gecompileerd.get(source)
        if template is None:
            template = super().from_string(source)
            self._gecompileerd[source] = template
            if len(self._gecompileerd) > MAX_GECOMPILEERD:
                self._gecompileerd.popitem(last=False)
        else:
            self._gecompileerd.move_to_end(source)
        return template


@functools.lru_cache(maxsize=16)
def _lees(path: Path, grootte: int, mtime_ns: int) -> bytes:
    return path.read_bytes()


def sjabloon_bytes(path: Path) -> bytes:
    """The bytes of a template file, read once per process (again only if it changed)."""
    gegevens = path.stat()
    return _lees(path.resolve(), gegevens.st_size, gegevens.st_mtime_ns)


@functools.lru_cache(maxsize=16)
def _lezer(path: Path, grootte: int, mtime_ns: int) -> Any:
    """A template's package as python-docx reads it (its members, content types and
    relationships), read once per process: each document unmarshals its parts from it."""
    lezer: Any = PackageReader
    return lezer.from_file(io.BytesIO(_lees(path, grootte, mtime_ns)))


def _open(sleutel: tuple[Path, int, int]) -> Any:
    """python-docx's Document(template), from the package read once (_lezer)."""
    package = Package()
    uitpakker: Any = Unmarshaller
    uitpakker.unmarshal(_lezer(*sleutel), package, PartFactory)
    document_part = package.main_document_part
    if document_part.content_type != CT.WML_DOCUMENT_MAIN:  # as python-docx refuses it
        tmpl = "file '%s' is not a Word file, content type is '%s'"
        raise ValueError(tmpl % (sleutel[0], document_part.content_type))
    return document_part.document


def controleer_word(path: Path) -> Path:
    """The Word template itself, after checking it is one: a RenderFout naming the file when
    it is not a zip, is cut short, has no document or broken XML (never blamed on the YAML)."""
    gegevens = path.stat()
    _controleer_word(path.resolve(), gegevens.st_size, gegevens.st_mtime_ns, str(path))
    return path


@functools.lru_cache(maxsize=16)
def _controleer_word(echt: Path, grootte: int, mtime_ns: int, naam: str) -> None:
    advies = (
        "het is geen geldig Word-bestand (.docx); open het in Word en sla het op als "
        "Word-document, of haal het weg om het standaardsjabloon te gebruiken"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(sjabloon_bytes(echt))) as archief:
            namen = set(archief.namelist())
            if "word/document.xml" not in namen or "[Content_Types].xml" not in namen:
                raise RenderFout(f"er staat geen Word-document in: {advies}", path=naam)
            for deel in sorted(n for n in namen if n.endswith((".xml", ".rels"))):
                etree.fromstring(archief.read(deel), etree.XMLParser(resolve_entities=False))
    except (zipfile.BadZipFile, EOFError, zlib.error, OSError):
        raise RenderFout(
            f"het bestand is geen zip-pakket of is afgebroken: {advies}", path=naam
        ) from None
    except etree.XMLSyntaxError as exc:
        raise RenderFout(f"het bevat kapotte XML ({exc.msg}): {advies}", path=naam) from None


_LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\a\n\f]")
"""A text that docxtpl's resolve_listing turns into tabs and breaks."""


class Sjabloon(DocxTemplate):  # type: ignore[misc]
    """A DocxTemplate read from memory, whose package, template XML and style ids are
    worked out once per template version."""

    _gepatcht: ClassVar[dict[str, str]] = {}
    _stijl_ids: ClassVar[dict[tuple[Any, ...], dict[tuple[str, Any], str | None]]] = {}
    _stijlnummers: ClassVar[dict[tuple[Any, ...], dict[str, str | None]]] = {}

    def __init__(self, path: Path) -> None:
        gegevens = path.stat()
        super().__init__(io.BytesIO(sjabloon_bytes(path)))
        sleutel = (path.resolve(), gegevens.st_size, gegevens.st_mtime_ns)
        self._sleutel = sleutel
        self._stijlen = Sjabloon._stijl_ids.setdefault(sleutel, {})
        self._nummers = Sjabloon._stijlnummers.setdefault(sleutel, {})

    def stijlnummer(self, style_name: str) -> str | None:
        """The numbering of a paragraph style, looked up once per template version."""
        if style_name not in self._nummers:
            self.init_docx()
            self._nummers[style_name] = stijlnummer(self.docx, style_name)
        return self._nummers[style_name]

    def init_docx(self, reload: bool = True) -> None:
        """docxtpl's init_docx, the template's package read once per process (_open)."""
        vorig: Any = self.docx
        if not vorig or (self.is_rendered and reload):
            self.docx: Any = _open(self._sleutel)
            self.is_rendered: bool = False
        if self.docx is not vorig:
            self._onthoud_stijlen(self.docx.part)

    def _onthoud_stijlen(self, part: Any) -> None:
        """Look each style name up once: python-docx scans every style on each lookup."""
        zoek = part.get_style_id
        stijlen = self._stijlen

        def get_style_id(style_or_name: Any, style_type: Any) -> str | None:
            if style_or_name is None:  # the default style: no id, and no need to read them
                return None
            if not isinstance(style_or_name, str):
                return zoek(style_or_name, style_type)  # type: ignore[no-any-return]
            sleutel = (style_or_name, style_type)
            if sleutel not in stijlen:
                stijlen[sleutel] = zoek(style_or_name, style_type)
            return stijlen[sleutel]

        part.get_style_id = get_style_id

    def patch_xml(self, src_xml: str) -> str:
        """docxtpl's clean-up of the template XML, done once per template source."""
        gepatcht = Sjabloon._gepatcht.get(src_xml)
        if gepatcht is None:
            if len(Sjabloon._gepatcht) >= MAX_GECOMPILEERD:
                Sjabloon._gepatcht.clear()
            gepatcht = Sjabloon._gepatcht[src_xml] = super().patch_xml(src_xml)
        return gepatcht

    def map_tree(self, tree: Any) -> None:
        """docxtpl's new body, with a paragraph at the end of every cell that a loop over an
        empty list left without one (docxtpl writes such a w:tc empty, which is no valid
        Word: LibreOffice then pulls the paragraph before the table into the row)."""
        for cel in tree.iter(qn("w:tc")):
            if not len(cel) or cel[-1].tag != qn("w:p"):
                cel.append(cel.makeelement(qn("w:p"), {}))
        super().map_tree(tree)

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's tabs, line and page breaks in rendered text: only when a text holds
        one (its regular expressions over every paragraph and run change nothing else)."""
        if _LISTING.search(xml) is None:
            return xml
        return super().resolve_listing(xml)  # type: ignore[no-any-return]

    def als_bytes(self) -> bytes:
        """The rendered document as a .docx whose bytes depend on its content only.

        What python-docx's save does, but into a reproducible zip (and compressed once).
        docxtpl's picture and media replacements are not used by voorstel; should they
        ever be, its own save runs and the zip is rewritten afterwards."""
        if self.pics_to_replace or self.crc_to_new_media or self.zipname_to_replace:
            buffer = io.BytesIO()
            self.save(buffer)
            return herpak(buffer.getvalue())
        package = self.docx.part.package
        delen = list(package.parts)
        for deel in delen:
            deel.before_marshal()
        schrijver, pakket = _Delen(), cast(Any, PackageWriter)
        pakket._write_content_types_stream(schrijver, delen)
        pakket._write_pkg_rels(schrijver, package.rels)
        pakket._write_parts(schrijver, delen)
        return vaste_zip(schrijver.delen)


class _Delen:
    """A python-docx package writer that only collects the parts, by zip entry name."""

    def __init__(self) -> None:
        self.delen: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes) -> None:
        self.delen[pack_uri.membername] = blob
