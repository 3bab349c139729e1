"""The soort memo: for information, with lettered paragraphs and bijlagen."""

from __future__ import annotations

from pathlib import Path

from voorstel.soorten.memo.model import Memo
from voorstel.soorten.soort import Soort

SOORT: Soort = Soort(
    naam="memo",
    model=Memo,
    map=Path(__file__).parent,
    omschrijving="memo ter kennisname, met genummerde besluiten en bijlagen",
    sjabloon="voorstel.soorten.memo.sjabloon",
    kopvelden=True,
)
