"""Soort, Stuk and Register: what describes a soort, and the registry of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from voorstel.blokken.modellen import Document
from voorstel.soorten import GEDEELDE_SOORTEN


@dataclass(frozen=True)
class Stuk:
    """One document a soort makes from its source: a raadsvoorstel also makes a raadsbesluit.

    `naam` is the template's name in the soort's folder (`<naam>.docx`, `<naam>.md.j2`);
    `achtervoegsel` is added to the output's file name ("" for the main document);
    `alleen_als` names a field of the document: the stuk is made only when it is filled in
    (the collegeoplegger of a raadsvoorstel, only with a `college:` block); `soortnaam`
    is the stuk's own name in its title and properties ("Raadsbesluit"); without
    `in_overzicht` a regional document makes the stuk for each gemeente's version only,
    not for the regional overview (a raadsbesluit is always the decision of one raad)."""

    naam: str = "document"
    achtervoegsel: str = ""
    alleen_als: str | None = None
    soortnaam: str | None = None
    in_overzicht: bool = True

    def gemaakt(self, context: dict[str, Any]) -> bool:
        """Whether this stuk is made from a document with this context."""
        if not self.in_overzicht and context.get("meta", {}).get("overzicht"):
            return False
        return self.alleen_als is None or bool(context.get(self.alleen_als))


HOOFDSTUK = Stuk()
"""The one document most soorten make."""

Bereken = Callable[[Any, dict[str, Any]], None]
"""A soort's own compute step: adds its derived figures to the context, in place."""


@dataclass(frozen=True)
class Soort:
    """A document kind: its name (the `soort:` value), model, folder and what it makes."""

    naam: str
    model: type[Document]
    map: Path
    omschrijving: str
    """One line for the CLI help, in Dutch."""
    bereken: Bereken | None = None
    stukken: tuple[Stuk, ...] = (HOOFDSTUK,)
    sjabloon: str | None = None
    """The module that generates the default Word templates (`make templates`), if any."""
    kopvelden: bool = False
    """Whether its templates show the fields a gemeente adds to the kop (voorstel.toml,
    [[kop.<soort>.velden]]) after the kop's own."""

    def __post_init__(self) -> None:
        achtervoegsels = [s.achtervoegsel for s in self.stukken]
        if len(set(achtervoegsels)) != len(achtervoegsels) or "" not in achtervoegsels:
            raise ValueError(f"soort {self.naam}: elk stuk een eigen achtervoegsel, één zonder")

    def bestand(self, naam: str) -> Path:
        """A file of this soort's own folder (a template, the starter)."""
        return self.map / naam


class Register:
    """Every soort by name; a name is registered once."""

    def __init__(self, *soorten: Soort) -> None:
        self._soorten: dict[str, Soort] = {}
        for soort in soorten:
            self.registreer(soort)

    def registreer(self, soort: Soort) -> None:
        if soort.naam in self._soorten or soort.naam in GEDEELDE_SOORTEN:
            raise ValueError(f"soort '{soort.naam}' is al geregistreerd")
        self._soorten[soort.naam] = soort

    def verwijder(self, naam: str) -> None:
        del self._soorten[naam]

    @contextmanager
    def tijdelijk(self, soort: Soort) -> Iterator[Soort]:
        """Register `soort` for the duration of a block (tests, a project's own soorten)."""
        self.registreer(soort)
        try:
            yield soort
        finally:
            self.verwijder(soort.naam)

    def __getitem__(self, naam: str) -> Soort:
        return self._soorten[naam]

    def __contains__(self, naam: object) -> bool:
        return isinstance(naam, str) and naam in self._soorten

    def __iter__(self) -> Iterator[Soort]:
        return iter(self._soorten.values())

    def namen(self) -> list[str]:
        """The names in the order they were registered."""
        return list(self._soorten)

    def van(self, document: BaseModel) -> Soort:
        """The soort of a validated document."""
        return self._soorten[str(getattr(document, "soort"))]  # noqa: B009
