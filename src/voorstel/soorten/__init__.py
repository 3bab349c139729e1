"""The soorten: one folder each, registered here in one place.

A soort is a folder under soorten/ with its model, its compute step (if any), its templates
(`<stuk>.docx`, `<stuk>.md.j2` for every document it makes) and its starter `nieuw.yaml`.
Its `__init__.py` describes it in one `SOORT = Soort(...)`; the line in `REGISTER` below makes
it known to validate, compute, build, new, diff, the template generator and the tests.
"""

from __future__ import annotations

from voorstel.soorten import (
    collegevoorstel,
    inkoopstrategie,
    memo,
    raadsinformatiebrief,
    raadsvoorstel,
)
from voorstel.soorten.soort import GEDEELDE_SOORTEN, HOOFDSTUK, Register, Soort, Stuk

REGISTER = Register(
    collegevoorstel.SOORT,
    raadsinformatiebrief.SOORT,
    memo.SOORT,
    inkoopstrategie.SOORT,
    raadsvoorstel.SOORT,
)
"""Every soort voorstel knows: one line per soort folder."""

__all__ = ["GEDEELDE_SOORTEN", "HOOFDSTUK", "REGISTER", "Register", "Soort", "Stuk"]
