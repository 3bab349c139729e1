"""The Jinja environments of a tracked-changes render: the template sees both versions.

Each template is parsed as usual and then rewritten once (`Tweezijdig`):
- `{% if T %}A{% else %}B{% endif %}` decides T for the old and for the new version. A
  branch that only one version takes is written between the marks of that version (INS or
  DEL ... EIND), with that version's values; a branch both take is written as usual.
- `{% for x in L %}` runs over the aligned items of L (revisie.lus); an item only one
  version has is written between its marks.
Filters, tests, attribute lookups and arithmetic take each version's values (getild): in
both versions at once their result is a Wijziging when the versions differ.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Sequence
from typing import Any, cast

from jinja2 import nodes
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from voorstel.uitvoer import revisie
from voorstel.uitvoer.revisie import AFWEZIG, Markeerder, Wijziging, getild, kant
from voorstel.uitvoer.sjabloon import VeiligeOmgeving

_NAMEN = {
    "_vs_tak": revisie._tak,
    "_vs_zet": revisie._zet,
    "_vs_herstel": revisie._herstel,
    "_vs_waar": revisie._waar,
    "_vs_lus": revisie.lus,
    "_vs_waarde": revisie.item_waarde,
    "_vs_filter": revisie.item_filter,
    "_vs_set": revisie.toegewezen,
}


def _naam(naam: str, lineno: int) -> nodes.Name:
    return nodes.Name(naam, "load", lineno=lineno)


def _roep(naam: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
    return nodes.Call(_naam(naam, lineno), args, [], None, None, lineno=lineno)


def _per_versie(oud: nodes.Expr, nieuw: nodes.Expr, regel: int) -> list[nodes.Expr]:
    """A test as arguments of a call: its truth as the old version, then as the new one
    (each between _vs_zet and _vs_herstel; Python evaluates arguments in order)."""
    return [
        nodes.Or(_roep("_vs_zet", [nodes.Const("oud")], regel), _roep("_vs_waar", [oud], regel)),
        nodes.Or(
            nodes.Or(
                _roep("_vs_herstel", [], regel), _roep("_vs_zet", [nodes.Const("nieuw")], regel)
            ),
            _roep("_vs_waar", [nieuw], regel),
        ),
        _roep("_vs_herstel", [], regel),
    ]


class Tweezijdig(NodeTransformer):
    """Rewrites {% if %} and {% for %} to be decided for both versions (see above)."""

    def __init__(self) -> None:
        self.teller = itertools.count()

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
        uitkomst = _roep("_vs_tak", _per_versie(test, test, regel), regel)
        uit: list[nodes.Node] = [nodes.Assign(nodes.Name(naam, "store"), uitkomst, lineno=regel)]

        def tak(lichaam: list[nodes.Node], als: bool) -> nodes.If:
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

        uit.append(tak(list(node.body), True))
        if anders:
            uit.append(tak(anders, False))
        return uit

    def visit_Assign(self, node: nodes.Assign) -> nodes.Node:
        """`{% set x = V %}` in a branch only one version takes sets x for that version
        only (_vs_set): after the branch, x holds both versions' values."""
        node = cast(nodes.Assign, self.generic_visit(node))
        if isinstance(node.target, nodes.Name):
            vorige = nodes.Name(node.target.name, "load", lineno=node.lineno)
            node.node = _roep("_vs_set", [vorige, cast(nodes.Expr, node.node)], node.lineno)
        return node

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = cast(nodes.For, self.generic_visit(node))
        doel = node.target
        if node.recursive or (node.test is not None and not isinstance(doel, nodes.Name)):
            return node  # runs over the version being rendered, as it is
        regel = node.lineno
        naam = f"_vs_i{next(self.teller)}"
        test = None
        if node.test is not None:
            # `{% for x in L if T %}`: T decided for each version of each item (_vs_filter)
            assert isinstance(doel, nodes.Name)
            eigen = _Vervang(doel.name, _roep("_vs_waarde", [_naam(naam, regel)], regel))
            oud_t = eigen.visit(copy.deepcopy(node.test))
            nieuw_t = eigen.visit(copy.deepcopy(node.test))
            argumenten = [_naam(naam, regel), *_per_versie(oud_t, nieuw_t, regel)]
            test = _roep("_vs_filter", argumenten, regel)
        lichaam = [
            nodes.Assign(doel, _roep("_vs_waarde", [_naam(naam, regel)], regel), lineno=regel),
            nodes.Output([_roep("_vs_item_begin", [_naam(naam, regel)], regel)], lineno=regel),
            *node.body,
            nodes.Output([_roep("_vs_eind", [], regel)], lineno=regel),
        ]
        return nodes.For(
            nodes.Name(naam, "store", lineno=regel),
            _roep("_vs_lus", [cast(nodes.Expr, node.iter)], regel),
            lichaam,
            list(node.else_),
            test,
            False,
            lineno=regel,
        )


class _Vervang(NodeTransformer):
    """Every use of the loop variable `naam` in a loop's test, as the item's value."""

    def __init__(self, naam: str, door: nodes.Expr) -> None:
        self.naam = naam
        self.door = door

    def visit_Name(self, node: nodes.Name) -> nodes.Node:
        if node.name == self.naam and node.ctx == "load":
            return copy.deepcopy(self.door)
        return node


class Tweezijdige(VeiligeOmgeving):
    """What makes an environment render both versions: the rewrite of each template, the
    helpers it calls, filters and tests for each version, attribute lookup on a Wijziging."""

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        boom = super()._parse(source, name, filename)
        return cast(nodes.Template, Tweezijdig().visit(boom))

    def getattr(self, obj: Any, attribute: str) -> Any:
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
        self.globals["_vs_tak_begin"] = markeerder.tak_begin
        self.globals["_vs_item_begin"] = markeerder.item_begin
        self.globals["_vs_eind"] = markeerder.eind
        filters = self.filters
        for naam in list(filters):
            if naam not in eigen:
                filters[naam] = getild(filters[naam])
        tests: dict[str, Any] = self.tests
        for naam in list(tests):
            tests[naam] = getild(tests[naam])


def markeer(teken: str) -> Markup:
    return Markup(teken)


def finalize_beide(finalize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A finalize that writes a Wijziging as its change: text word by word, anything else
    (an image) as the old value deleted and the new one inserted."""

    def _finalize(value: Any) -> Any:
        if not isinstance(value, Wijziging):
            return finalize(value)
        if kant() != "beide" or value.stil:
            zijde = value.zijde("oud" if kant() == "oud" else "nieuw")
            return finalize("" if zijde is AFWEZIG or zijde is None else zijde)
        oud, nieuw = value.oud, value.nieuw
        oud = "" if oud is AFWEZIG or oud is None else oud
        nieuw = "" if nieuw is AFWEZIG or nieuw is None else nieuw
        if isinstance(oud, str) and isinstance(nieuw, str) and not hasattr(oud, "__html__"):
            ruw = revisie.tekstwijziging(str(oud), str(nieuw))
            delen = _stukken(ruw)
            uit = Markup("").join(
                markeer(d) if d in revisie.MARKEERTEKENS else finalize(d) for d in delen
            )
        else:
            uit = Markup("").join(
                [
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


def _stukken(tekst: str) -> list[str]:
    """A marked text as its marks and the texts between them."""
    return [d for d in revisie.MARKERINGEN_SPLIT.split(tekst) if d]


__all__ = ["Tweezijdig", "Tweezijdige", "finalize_beide", "markeer"]
