"""The soorten: one folder each, registered here in one place.

A soort is a folder under soorten/ with its model, its compute step (if any), its templates
(`<stuk>.docx`, `<stuk>.md.j2` for every document it makes) and its starter `nieuw.yaml`.
Its `__init__.py` describes it in one `SOORT = Soort(...)`; its line in `SOORTMAPPEN` below
makes it known to validate, compute, build, new, diff, the template generator and the tests.

The registry is built when it is first used, not when this package is imported, so that a
command that needs no model (`voorstel --help`) does not load them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from voorstel.soorten.soort import HOOFDSTUK, Register, Soort, Stuk

    REGISTER: Register

SOORTMAPPEN = (
    "collegevoorstel",
    "raadsinformatiebrief",
    "memo",
    "inkoopstrategie",
    "raadsvoorstel",
)
"""Every soort folder voorstel knows, in the order the help names them: one line each. A
soort's name is the name of its folder."""

GEDEELDE_SOORTEN = frozenset({"verdeelsleutel", "ambtsdragers"})
"""Soorten of shared files that are no document: they make no output."""

_UIT_SOORT = frozenset({"HOOFDSTUK", "Register", "Soort", "Stuk"})


def __getattr__(naam: str) -> Any:
    """REGISTER on first use (every soort's module imported then), and what describes a
    soort (Soort, Stuk, Register, HOOFDSTUK)."""
    if naam == "REGISTER":
        from voorstel.soorten.soort import Register

        register = Register(
            *(importlib.import_module(f"{__name__}.{m}").SOORT for m in SOORTMAPPEN)
        )
        globals()["REGISTER"] = register
        return register
    if naam in _UIT_SOORT:
        from voorstel.soorten import soort

        return getattr(soort, naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


def soortnamen() -> list[str]:
    """The names of the soorten, for a help text: those of the registry once it is built
    (a soort may have been registered since), otherwise those of the folders, without
    loading a single model."""
    register = globals().get("REGISTER")
    return register.namen() if register is not None else list(SOORTMAPPEN)


__all__ = [
    "GEDEELDE_SOORTEN",
    "HOOFDSTUK",
    "REGISTER",
    "SOORTMAPPEN",
    "Register",
    "Soort",
    "Stuk",
    "soortnamen",
]
