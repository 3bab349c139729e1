"""The soorten: one folder each, registered here in one place.

A soort is a folder under soorten/ with its model, its compute step (if any), its templates
(`<stuk>.docx`, `<stuk>.md.j2` for every document it makes) and its starter `nieuw.yaml`.
Its `__init__.py` describes it in one `SOORT = Soort(...)`; its line in `SOORTMAPPEN` below
makes it known to validate, compute, build, new, diff, the template generator and the tests.
"""

from __future__ import annotations

import importlib

from voorstel.soorten.soort import GEDEELDE_SOORTEN, HOOFDSTUK, Register, Soort, Stuk

SOORTMAPPEN = (
    "collegevoorstel",
    "raadsinformatiebrief",
    "memo",
    "inkoopstrategie",
    "raadsvoorstel",
)
"""Every soort folder voorstel knows, in the order the help names them: one line each."""

REGISTER = Register(*(importlib.import_module(f"{__name__}.{m}").SOORT for m in SOORTMAPPEN))
"""Every soort by name."""

__all__ = ["GEDEELDE_SOORTEN", "HOOFDSTUK", "REGISTER", "SOORTMAPPEN", "Register", "Soort", "Stuk"]
