"""The Jinja environments of a tracked-changes render: the template sees both versions.

Each template is parsed as usual and then rewritten once (`Tweezijdig`):
- every expression (`{{ }}`, `{% set %}`, the list of a `{% for %}`) is worked out once as
  the old and once as the new version (_vs_uit); where the two differ, it is a Wijziging.
  An expression with a filter that writes both versions itself (tekst, tabel, figuur), a
  macro call, or a `namespace()` is evaluated once, in both versions at once;
- `{% if T %}A{% else %}B{% endif %}` decides T for the old and for the new version. A
  branch that only one version takes is written between the marks of that version (INS or
  DEL ... EIND), with that version's values; a branch both take is written as usual. A
  `{% set %}` in such a branch sets the variable for that version only;
- `{% for x in L if T %}...{% else %}...{% endfor %}` runs over the aligned items of L
  (revisie.lus_per_versie), T decided per version of each item, `loop.index` and the like
  per version (revisie.lusinfo), the `{% else %}` for the versions whose loop was empty;
  an item only one version has is written between its marks.
Filters, tests, attribute lookups and arithmetic take each version's values (getild).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any, cast

from jinja2 import nodes
from jinja2.utils import Cycler, Joiner
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from voorstel.uitvoer import revisie
from voorstel.uitvoer.revisie import AFWEZIG, Markeerder, Wijziging, getild, kant
from voorstel.uitvoer.sjabloon import VeiligeOmgeving

_NAMEN = {
    "_vs_tak": revisie._tak,
    "_vs_zet": revisie._zet,
    "_vs_herstel": revisie._herstel,
    "_vs_lus": revisie.lus,
    "_vs_waarde": revisie.item_waarde,
    "_vs_filter": revisie.item_filter,
    "_vs_set": revisie.toegewezen,
    "_vs_uit": revisie.per_versie,
    "_vs_lus_per_versie": revisie.lus_per_versie,
    "_vs_gefilterd": revisie.gefilterd,
    "_vs_leeg": revisie.leeg,
    "_vs_loop": revisie.lusinfo,
    "_vs_pak": revisie.pak,
    "_vs_zijde": revisie.zijde_nu,
    "_vs_beide": revisie._beide,
}


def _kopie(waarde: Any) -> Any:
    """A copy of a piece of the template's tree (its fields copied, its environment and
    line shared): the same expression evaluated a second time."""
    if isinstance(waarde, nodes.Node):
        kopie = object.__new__(type(waarde))
        for veld in waarde.fields:
            setattr(kopie, veld, _kopie(getattr(waarde, veld)))
        for attribuut in waarde.attributes:
            if hasattr(waarde, attribuut):
                setattr(kopie, attribuut, getattr(waarde, attribuut))
        return kopie
    if isinstance(waarde, list):
        return [_kopie(x) for x in waarde]
    if isinstance(waarde, tuple):
        return tuple(_kopie(x) for x in waarde)
    return waarde


def _naam(naam: str, lineno: int) -> nodes.Name:
    return nodes.Name(naam, "load", lineno=lineno)


def _roep(naam: str, args: Sequence[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(_naam(naam, lineno), list(args), [], None, None, lineno=lineno)


def _tweemaal(expr: nodes.Expr, regel: int) -> list[nodes.Expr]:
    """An expression as arguments of a call: its value as the old version, then as the new
    one (_vs_zet ... _vs_herstel around each; Python evaluates arguments in order)."""
    return [
        _roep("_vs_zet", [nodes.Const("oud")], regel),
        nodes.CondExpr(_roep("_vs_beide", [], regel), expr, nodes.Const(None), lineno=regel),
        _roep("_vs_herstel", [], regel),
        _roep("_vs_zet", [nodes.Const("nieuw")], regel),
        _kopie(expr),
        _roep("_vs_herstel", [], regel),
    ]


EIGEN_FILTERS = frozenset({"tekst", "tabel", "figuur"})
"""Filters that write both versions of a value themselves (prose, tables, charts): an
expression with one is evaluated once, in both versions at once."""
ZELF = frozenset({"caller", "super", "self", "namespace", "cycler", "joiner"})
"""Names whose calls render template code (a macro's caller, a block) or make an object
that keeps a state (a namespace): called once, in both versions at once."""


TEKST_VEILIG = frozenset({"upper", "lower", "replace", "safe", "e", "escape", "indent"})
"""Filters that change text character by character or line by line: over text with its
changes marked in it (a macro's output, a {% filter %} block) they keep the marks; any
other filter works on each version's text."""


class Tweezijdig(NodeTransformer):
    """Rewrites {% if %} and {% for %} to be decided for both versions (see above)."""

    def __init__(self) -> None:
        self.teller = itertools.count()
        self.macros: set[str] = set(ZELF)
        """Names that render template code when called: macros, imports, caller."""

    def visit_Template(self, node: nodes.Template) -> nodes.Node:
        for macro in node.find_all(nodes.Macro):
            self.macros.add(macro.name)
        for imp in node.find_all(nodes.Import):
            self.macros.add(imp.target)
        for van in node.find_all(nodes.FromImport):
            for naam in van.names:
                self.macros.add(naam[1] if isinstance(naam, tuple) else naam)
        return self.generic_visit(node)

    def _eenmaal(self, expr: nodes.Node, lus: bool = True) -> bool:
        """Whether an expression must be evaluated once, in both versions: it has a filter
        that writes both itself, or it calls template code (a macro, caller(), a block,
        and unless not `lus`, a recursive loop's next level)."""
        filters = [expr] if isinstance(expr, nodes.Filter) else []
        for filter_ in [*filters, *expr.find_all(nodes.Filter)]:
            if filter_.name in EIGEN_FILTERS:
                return True
        aanroepen = [expr] if isinstance(expr, nodes.Call) else []
        for aanroep in [*aanroepen, *expr.find_all(nodes.Call)]:
            if isinstance(aanroep.node, nodes.Name) and aanroep.node.name == "loop":
                if lus:
                    return True  # a recursive loop's next level
                continue
            doel = aanroep.node
            while isinstance(doel, nodes.Getattr):
                doel = doel.node
            if isinstance(doel, nodes.Name) and doel.name in self.macros:
                return True
        return False

    def _per_versie_waarde(self, expr: nodes.Expr) -> nodes.Expr:
        """An expression whose value is worked out for each version (_vs_uit): equal, the
        value; different, a Wijziging of the two."""
        if isinstance(expr, nodes.Const | nodes.TemplateData) or self._eenmaal(expr):
            return expr
        return _roep("_vs_uit", _tweemaal(expr, expr.lineno), expr.lineno)

    def visit_Compare(self, node: nodes.Compare) -> nodes.Node:
        """A comparison of the values the version being worked out has: `x in d` (a merged
        dictionary holds the keys of both), `y == 'z'` (y text a macro wrote, its changes
        marked in it)."""
        node = cast(nodes.Compare, self.generic_visit(node))
        node.expr = _roep("_vs_zijde", [node.expr], node.lineno)
        for operand in node.ops:
            operand.expr = _roep("_vs_zijde", [operand.expr], node.lineno)
        return node

    def visit_CondExpr(self, node: nodes.CondExpr) -> nodes.Node:
        """`a if y else b` decided on the version being worked out (y may be text with its
        changes marked in it)."""
        node = cast(nodes.CondExpr, self.generic_visit(node))
        node.test = _roep("_vs_zijde", [node.test], node.lineno)
        return node

    def visit_Not(self, node: nodes.Not) -> nodes.Node:
        node = cast(nodes.Not, self.generic_visit(node))
        node.node = _roep("_vs_zijde", [node.node], node.lineno)
        return node

    def visit_FilterBlock(self, node: nodes.FilterBlock) -> nodes.Node | list[nodes.Node]:
        """`{% filter f %}...{% endfilter %}`: the block written once with its changes, then
        filtered as each version's text (|center, |truncate, |title need the whole text of
        a version); a filter that keeps marks (|upper, |replace) stays as it is."""
        node = cast(nodes.FilterBlock, self.generic_visit(node))
        if node.filter.name in TEKST_VEILIG or self._eenmaal(node, lus=False):
            return node
        regel = node.lineno
        naam = f"_vs_f{next(self.teller)}"
        blok = nodes.AssignBlock(nodes.Name(naam, "store"), None, node.body, lineno=regel)
        filter_ = node.filter
        filter_.node = _naam(naam, regel)
        waarde = self._per_versie_waarde(_roep("_vs_ruw", [filter_], regel))
        return [blok, nodes.Output([waarde], lineno=regel)]

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        node = cast(nodes.Output, self.generic_visit(node))
        node.nodes = [self._per_versie_waarde(kind) for kind in node.nodes]
        return node

    def visit_If(self, node: nodes.If) -> list[nodes.Node]:
        anders = list(node.else_)
        for elif_ in reversed(node.elif_):
            anders = [nodes.If(elif_.test, elif_.body, [], anders, lineno=elif_.lineno)]
        node.elif_, node.else_ = [], anders
        node = cast(nodes.If, self.generic_visit(node))
        anders = list(node.else_)
        regel = node.lineno
        naam = f"_vs_t{next(self.teller)}"
        test = cast(nodes.Expr, node.test)
        uitkomst = _roep("_vs_tak", _tweemaal(test, regel), regel)
        uit: list[nodes.Node] = [nodes.Assign(nodes.Name(naam, "store"), uitkomst, lineno=regel)]

        uit.append(self._tak(naam, list(node.body), True, regel))
        if anders:
            uit.append(self._tak(naam, anders, False, regel))
        return uit

    def visit_Assign(self, node: nodes.Assign) -> nodes.Node:
        """`{% set x = V %}`: V worked out for each version; in a branch only one version
        takes, x is set for that version only (_vs_set), so after the branch it holds both
        versions' values. `{% set a, b = V %}` takes V apart per version (_vs_pak)."""
        node = cast(nodes.Assign, self.generic_visit(node))
        regel = node.lineno
        waarde = self._per_versie_waarde(cast(nodes.Expr, node.node))
        doel = node.target
        if isinstance(doel, nodes.Name):
            vorige: nodes.Expr = nodes.Name(doel.name, "load", lineno=regel)
            node.node = _roep("_vs_set", [vorige, waarde], regel)
        elif isinstance(doel, nodes.NSRef):
            vorige = nodes.Getattr(nodes.Name(doel.name, "load"), doel.attr, "load", lineno=regel)
            node.node = _roep("_vs_set", [vorige, waarde], regel)
        elif isinstance(doel, nodes.Tuple):
            node.node = _roep("_vs_pak", [waarde, nodes.Const(len(doel.items))], regel)
        else:
            node.node = waarde
        return node

    def visit_AssignBlock(self, node: nodes.AssignBlock) -> nodes.Node | list[nodes.Node]:
        """`{% set x %}...{% endset %}`: the block written once as the old and once as the
        new version, so x holds each version's text (as `{% set x = V %}` does); a block
        with prose, a table, a chart or a macro call is written once, with its changes."""
        node = cast(nodes.AssignBlock, self.generic_visit(node))
        if any(self._eenmaal(kind) for kind in node.body) or not isinstance(
            node.target, nodes.Name | nodes.NSRef
        ):
            return node
        regel = node.lineno
        blokken, waarde = self._per_versie_blok(node.body, regel, node.filter)
        doel = node.target
        if isinstance(doel, nodes.Name):
            vorige: nodes.Expr = nodes.Name(doel.name, "load", lineno=regel)
        else:
            vorige = nodes.Getattr(nodes.Name(doel.name, "load"), doel.attr, "load", lineno=regel)
        toewijzing = nodes.Assign(doel, _roep("_vs_set", [vorige, waarde], regel), lineno=regel)
        return [*blokken, toewijzing]

    def _per_versie_blok(
        self, lichaam: list[nodes.Node], regel: int, filter_: nodes.Filter | None = None
    ) -> tuple[list[nodes.Node], nodes.Expr]:
        """Template code written once as the old and once as the new version, each into a
        variable of its own; and the expression of its value (_vs_uit: equal, the text;
        different, a Wijziging of the two)."""
        nummer = next(self.teller)
        blokken: list[nodes.Node] = []
        namen = []
        for welke in ("oud", "nieuw"):
            naam = f"_vs_b{nummer}_{welke}"
            namen.append(naam)
            eigen = [
                nodes.ExprStmt(_roep("_vs_zet", [nodes.Const(welke)], regel), lineno=regel),
                *_kopie(list(lichaam)),
                nodes.ExprStmt(_roep("_vs_herstel", [], regel), lineno=regel),
            ]
            blokken.append(
                nodes.AssignBlock(nodes.Name(naam, "store"), _kopie(filter_), eigen, lineno=regel)
            )
        leeg = nodes.Const(None)
        waarde = _roep(
            "_vs_uit",
            [leeg, _naam(namen[0], regel), leeg, leeg, _naam(namen[1], regel), leeg],
            regel,
        )
        return blokken, waarde

    def visit_For(self, node: nodes.For) -> nodes.Node | list[nodes.Node]:
        """`{% for x in L if T %}...{% else %}E{% endfor %}`: L worked out for each version
        and its items aligned (_vs_lus); T decided per version of each item in a first
        pass (_vs_filter), the loop then over what passed (_vs_gefilterd); `loop.index`
        and the like per version (_vs_loop); E written for the versions whose loop was
        empty."""
        node = cast(nodes.For, self.generic_visit(node))
        doel = node.target
        if node.recursive:  # written whole as each version; the two compared as text
            if self._eenmaal(node, lus=False):
                return node  # prose, a table or a macro in it: as the version rendered
            blokken, waarde = self._per_versie_blok([node], node.lineno)
            ruw_ = _roep("_vs_ruw", [waarde], node.lineno)  # written, not escaped again
            return [*blokken, nodes.Output([ruw_], lineno=node.lineno)]
        regel = node.lineno
        nummer = next(self.teller)
        naam, lijst = f"_vs_i{nummer}", f"_vs_l{nummer}"
        iter_ = cast(nodes.Expr, node.iter)
        uit: list[nodes.Node] = []
        if self._eenmaal(iter_):
            items = _roep("_vs_lus", [iter_], regel)
        else:
            items = _roep("_vs_lus_per_versie", _tweemaal(iter_, regel), regel)
        uit.append(nodes.Assign(nodes.Name(lijst, "store"), items, lineno=regel))
        if isinstance(doel, nodes.Name):
            toewijzing = nodes.Assign(
                doel, _roep("_vs_waarde", [_naam(naam, regel)], regel), lineno=regel
            )
        else:
            aantal = len(doel.items) if isinstance(doel, nodes.Tuple) else 0
            toewijzing = nodes.Assign(
                doel,
                _roep(
                    "_vs_pak",
                    [_roep("_vs_waarde", [_naam(naam, regel)], regel), nodes.Const(aantal)],
                    regel,
                ),
                lineno=regel,
            )
        if node.test is not None:
            # the test of each item, in each version, in a pass of its own
            proef = cast(nodes.Expr, _kopie(node.test))
            vooraf: list[nodes.Node] = [_kopie(toewijzing)]
            argumenten = [_naam(naam, regel), *_tweemaal(proef, regel)]
            vooraf.append(nodes.ExprStmt(_roep("_vs_filter", argumenten, regel), lineno=regel))
            uit.append(
                nodes.For(
                    nodes.Name(naam, "store", lineno=regel),
                    _naam(lijst, regel),
                    vooraf,
                    [],
                    None,
                    False,
                    lineno=regel,
                )
            )
        bron = _roep("_vs_gefilterd", [_naam(lijst, regel)], regel)
        lichaam = [
            toewijzing,
            nodes.Output([_roep("_vs_item_begin", [_naam(naam, regel)], regel)], lineno=regel),
            *_VervangLoop(naam).lichaam(list(node.body)),
            nodes.Output([_roep("_vs_eind", [], regel)], lineno=regel),
        ]
        uit.append(
            nodes.For(
                nodes.Name(naam, "store", lineno=regel),
                bron,
                lichaam,
                [],
                None,
                False,
                lineno=regel,
            )
        )
        if node.else_:
            leeg: list[nodes.Expr] = [
                _roep("_vs_leeg", [_naam(lijst, regel), nodes.Const(w)], regel)
                for w in ("oud", "nieuw")
            ]
            code = f"_vs_t{next(self.teller)}"
            geen = nodes.Const(None)
            uit.append(
                nodes.Assign(
                    nodes.Name(code, "store"),
                    _roep("_vs_tak", [geen, leeg[0], geen, geen, leeg[1], geen], regel),
                    lineno=regel,
                )
            )
            uit.append(self._tak(code, list(node.else_), True, regel))
        return uit

    def _tak(self, naam: str, lichaam: list[nodes.Node], als: bool, regel: int) -> nodes.If:
        """A branch of a decided {% if %} (its outcome in `naam`, see revisie._tak): written
        for the versions that take it, between the marks of a version only one takes."""
        vergelijking = nodes.Compare(
            _naam(naam, regel),
            [nodes.Operand("lt" if als else "gt", nodes.Const(3 if als else 0))],
            lineno=regel,
        )
        begin = nodes.Output(
            [_roep("_vs_tak_begin", [_naam(naam, regel), nodes.Const(als)], regel)],
            lineno=regel,
        )
        eind = nodes.Output([_roep("_vs_eind", [], regel)], lineno=regel)
        return nodes.If(vergelijking, [begin, *lichaam, eind], [], [], lineno=regel)


class _VervangLoop(NodeTransformer):
    """`loop.index`, `loop.first`, `loop.cycle(...)` and the like in a loop's body, as the
    version being written sees them (_vs_loop with the item); not in loops inside it,
    whose `loop` is their own."""

    def __init__(self, item: str) -> None:
        self.item = item

    def lichaam(self, lichaam: list[nodes.Node]) -> list[nodes.Node]:
        return [cast(nodes.Node, self.visit(kind)) for kind in lichaam]

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node.iter = self.visit(node.iter)  # the inner loop's list may use the outer loop
        return node

    def visit_Getattr(self, node: nodes.Getattr) -> nodes.Node:
        if isinstance(node.node, nodes.Name) and node.node.name == "loop":
            regel = node.lineno
            return _roep(
                "_vs_loop",
                [node.node, _naam(self.item, regel), nodes.Const(node.attr)],
                regel,
            )
        return self.generic_visit(node)


WOORDENBOEK = frozenset({"get", "items", "keys", "values"})
"""Methods of a dictionary that look into its values."""


class Tweezijdige(VeiligeOmgeving):
    """What makes an environment render both versions: the rewrite of each template, the
    helpers it calls, filters and tests for each version, attribute lookup on a Wijziging."""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        boom = super()._parse(source, name, filename)
        return cast(nodes.Template, Tweezijdig().visit(boom))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, _Tweeling):  # a cycler's next(), current and reset()
            return attr in TWEELING_VELDEN
        return super().is_safe_attribute(obj, attr, value)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, str) and kant() != "beide" and revisie._gemarkeerd(obj):
            obj = revisie.zijde(obj)  # y.split(): the text of the version being worked out
        if (
            isinstance(obj, dict)
            and attribute in WOORDENBOEK
            and kant() != "beide"
            and revisie.gewijzigd(obj)
        ):  # d.get(...), d.items(): the dictionary of the version being written
            return super().getattr(revisie.zijde(obj), attribute)
        if isinstance(obj, Wijziging):
            gewoon = super().getattr
            return getild(lambda o: AFWEZIG if o is AFWEZIG else gewoon(o, attribute))(obj)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Wijziging) or isinstance(argument, Wijziging):
            gewoon = super().getitem
            return getild(lambda o, a: AFWEZIG if o is AFWEZIG else gewoon(o, a))(obj, argument)
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if isinstance(left, Wijziging) or isinstance(right, Wijziging):
            gewoon = super().call_binop
            return getild(lambda a, b: gewoon(context, operator, a, b))(left, right)
        return super().call_binop(context, operator, left, right)

    def tweezijdig(self, eigen: Sequence[str]) -> None:
        """Install the helpers; every filter and test takes each version's values, except
        those in `eigen`, which handle a Wijziging themselves (prose, tables, charts)."""
        markeerder = Markeerder(markeer)
        self.globals.update(_NAMEN)
        self.globals["_vs_ruw"] = ruw
        self.globals["cycler"] = TweeCycler
        self.globals["joiner"] = TweeJoiner
        self.globals["_vs_tak_begin"] = markeerder.tak_begin
        self.globals["_vs_item_begin"] = markeerder.item_begin
        self.globals["_vs_eind"] = markeerder.eind
        filters = self.filters
        for naam in list(filters):
            if naam not in eigen:
                filters[naam] = getild(
                    filters[naam],
                    onbekend=naam in ("default", "d"),
                    tekst_veilig=naam in TEKST_VEILIG,
                )
        tests: dict[str, Any] = self.tests
        for naam in list(tests):
            tests[naam] = getild(tests[naam], onbekend=naam in ("defined", "undefined", "none"))


def ruw(waarde: Any) -> Any:
    """Text the template already wrote (a block captured per version), to be written as
    it is: not escaped a second time; a change in it is the old text deleted and the new
    one inserted."""
    if isinstance(waarde, Wijziging):
        return Wijziging(ruw(waarde.oud), ruw(waarde.nieuw), stil=waarde.stil)
    if isinstance(waarde, str) and not hasattr(waarde, "__html__"):
        return Markup(waarde)
    return waarde


class _Tweeling:
    """A helper with a state (a cycler, a joiner) once per version: the old version's
    loop advances its own, the new version's its own."""

    def __init__(self, oud: Any, nieuw: Any) -> None:
        self._oud = oud
        self._nieuw = nieuw

    def _doe(self, werk: Callable[[Any], Any]) -> Any:
        welke = kant()
        if welke == "oud":
            return werk(self._oud)
        if welke == "nieuw":
            return werk(self._nieuw)
        return revisie._verschil(werk(self._oud), werk(self._nieuw))


class TweeCycler(_Tweeling):
    """Jinja's cycler(...) per version."""

    def __init__(self, *items: Any) -> None:
        super().__init__(Cycler(*items), Cycler(*items))

    def next(self) -> Any:
        return self._doe(lambda c: c.next())

    __next__ = next

    def reset(self) -> None:
        self._doe(lambda c: c.reset())

    @property
    def current(self) -> Any:
        return self._doe(lambda c: c.current)


class TweeJoiner(_Tweeling):
    """Jinja's joiner(sep) per version."""

    def __init__(self, sep: str = ", ") -> None:
        super().__init__(Joiner(sep), Joiner(sep))

    def __call__(self) -> Any:
        return self._doe(lambda j: j())


TWEELING_VELDEN = frozenset({"next", "reset", "current"})


def markeer(teken: str) -> Markup:
    return Markup(teken)


def finalize_beide(finalize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A finalize that writes a Wijziging as its change: text word by word, anything else
    (an image) as the old value deleted and the new one inserted."""

    def _finalize(value: Any) -> Any:
        if not isinstance(value, Wijziging):
            if kant() != "beide" or not (
                isinstance(value, dict | tuple) and revisie.gewijzigd(value)
            ):
                return finalize(value)
            # a merged dictionary written whole ({{ d }}): as each version has it
            value = Wijziging(revisie.zijde(value, "oud"), revisie.zijde(value, "nieuw"))
        if kant() != "beide" or value.stil:
            zijde = value.zijde("oud" if kant() == "oud" else "nieuw")
            return finalize("" if zijde is AFWEZIG or zijde is None else zijde)
        oud, nieuw = _getoond(value.oud), _getoond(value.nieuw)
        if isinstance(oud, str) and isinstance(nieuw, str) and not hasattr(oud, "__html__"):
            ruw = revisie.tekstwijziging(str(oud), str(nieuw))
            delen = _stukken(ruw)
            uit = "".join(  # as text: Markdown's finalize gives text Markup would escape
                str(markeer(d) if d in revisie.MARKEERTEKENS else finalize(d)) for d in delen
            )
        else:
            uit = "".join(
                str(d)
                for d in [
                    markeer(revisie.DEL) if oud != "" else Markup(""),
                    finalize(oud) if oud != "" else Markup(""),
                    markeer(revisie.EIND) if oud != "" else Markup(""),
                    markeer(revisie.INS) if nieuw != "" else Markup(""),
                    finalize(nieuw) if nieuw != "" else Markup(""),
                    markeer(revisie.EIND) if nieuw != "" else Markup(""),
                ]
            )
        return markeer(revisie.oorzaak_om(str(uit), value.oud, value.nieuw))

    return _finalize


def _getoond(waarde: Any) -> Any:
    """A side of a Wijziging as a plain render shows it: nothing when absent, None as
    Jinja writes it."""
    if waarde is AFWEZIG:
        return ""
    return "None" if waarde is None else waarde


def _stukken(tekst: str) -> list[str]:
    """A marked text as its marks and the texts between them."""
    return [d for d in revisie.MARKERINGEN_SPLIT.split(tekst) if d]


__all__ = ["Tweezijdig", "Tweezijdige", "finalize_beide", "markeer"]
