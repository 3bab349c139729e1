"""The document models, one module per soort, and the registry of soorten."""

from __future__ import annotations

from pydantic import BaseModel

from voorstel.soorten.collegevoorstel.model import Collegevoorstel
from voorstel.soorten.inkoopstrategie.model import Inkoopstrategie
from voorstel.soorten.memo.model import Memo
from voorstel.soorten.raadsinformatiebrief.model import Raadsinformatiebrief

SOORTEN: dict[str, type[BaseModel]] = {
    "collegevoorstel": Collegevoorstel,
    "raadsinformatiebrief": Raadsinformatiebrief,
    "memo": Memo,
    "inkoopstrategie": Inkoopstrategie,
}
"""Every document type by the value of its `soort:` field."""

__all__ = ["SOORTEN", "Collegevoorstel", "Inkoopstrategie", "Memo", "Raadsinformatiebrief"]
