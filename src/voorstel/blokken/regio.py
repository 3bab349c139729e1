"""A region: the `regio` block of a regional document, and the shared file with the office
holders (ambtsdragers) of its gemeenten."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from voorstel.blokken.modellen import Ondertekenaar
from voorstel.blokken.types import Model, Tekst
from voorstel.kern.locaties import Loc


class Regio(Model):
    """A regional proposal: the region, its verdeelsleutel, and one variant per gemeente."""

    naam: Tekst
    verdeelsleutel: Tekst
    varianten: bool = True

    def verwijzingen(self) -> Iterator[tuple[Loc, str]]:
        """The verdeelsleutels this block refers to."""
        yield ("verdeelsleutel",), self.verdeelsleutel


class Ambtsdrager(Model):
    """The office holders of one gemeente: who sign its raadsvoorstel and its raadsbesluit.

    The voorzitter of the raad is the burgemeester (Gemeentewet art. 9) unless another
    name is given, as when a waarnemend voorzitter chairs the meeting."""

    burgemeester: Ondertekenaar
    gemeentesecretaris: Ondertekenaar
    griffier: Ondertekenaar
    voorzitter: Ondertekenaar | None = None


class Ambtsdragers(Model):
    """soort: ambtsdragers — per gemeente its burgemeester, gemeentesecretaris and griffier,
    shared by every regional document of the region (regio.ambtsdragers)."""

    soort: Literal["ambtsdragers"]
    naam: Tekst
    gemeenten: dict[str, Ambtsdrager] = Field(min_length=1)
