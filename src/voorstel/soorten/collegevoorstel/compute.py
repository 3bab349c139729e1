"""Compute for the collegevoorstel: arguments numbered per beslispunt (1.1, 1.2, 2.1)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from voorstel.soorten.collegevoorstel.model import Collegevoorstel


def bereken(doc: Collegevoorstel, context: dict[str, Any]) -> None:
    per_punt: Counter[int] = Counter()
    for argument, view in zip(doc.argumenten, context["argumenten"], strict=True):
        per_punt[argument.beslispunt] += 1
        view["nummer"] = f"{argument.beslispunt}.{per_punt[argument.beslispunt]}"
