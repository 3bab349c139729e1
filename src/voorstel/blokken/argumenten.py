"""Arguments per beslispunt, numbered 1.1, 1.2, 2.1 (collegevoorstel and raadsvoorstel)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import Field

from voorstel.blokken.types import Model, Proza, Tekst
from voorstel.kern.locaties import Loc


class Argument(Model):
    """An argument, numbered under the beslispunt it supports (1.1, 1.2, ...)."""

    titel: Tekst
    tekst: Proza
    beslispunt: int = Field(default=1, ge=1)


def controleer_argumenten(argumenten: Sequence[Argument], aantal: int) -> Iterator[tuple[Loc, str]]:
    """Every argument supports a beslispunt that exists."""
    for index, argument in enumerate(argumenten):
        if argument.beslispunt > aantal:
            yield (
                ("argumenten", index, "beslispunt"),
                (
                    f"beslispunt {argument.beslispunt} bestaat niet; er "
                    f"{'is 1 beslispunt' if aantal == 1 else f'zijn {aantal} beslispunten'}"
                    f", kies een nummer van 1 tot en met {aantal}"
                ),
            )


def nummer_argumenten(argumenten: Sequence[Argument], views: list[dict[str, Any]]) -> None:
    """Number each argument's view under its beslispunt: 1.1, 1.2, 2.1."""
    per_punt: Counter[int] = Counter()
    for argument, view in zip(argumenten, views, strict=True):
        per_punt[argument.beslispunt] += 1
        view["nummer"] = f"{argument.beslispunt}.{per_punt[argument.beslispunt]}"
