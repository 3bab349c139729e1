"""The document models, one module per soort, and the registry of soorten."""

from __future__ import annotations

from pydantic import BaseModel

from voorstel.models.collegevoorstel import Collegevoorstel
from voorstel.models.inkoopstrategie import Inkoopstrategie
from voorstel.models.memo import Memo
from voorstel.models.raadsinformatiebrief import Raadsinformatiebrief

SOORTEN: dict[str, type[BaseModel]] = {
    "collegevoorstel": Collegevoorstel,
    "raadsinformatiebrief": Raadsinformatiebrief,
    "memo": Memo,
    "inkoopstrategie": Inkoopstrategie,
}
"""Every document type by the value of its `soort:` field."""

__all__ = ["SOORTEN", "Collegevoorstel", "Inkoopstrategie", "Memo", "Raadsinformatiebrief"]
