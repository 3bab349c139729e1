"""The memo: informs a bestuurlijk overleg (such as a portefeuillehoudersoverleg)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from voorstel.blokken.modellen import Bijlage, Document, Kopblok, Paragraaf, Risicos
from voorstel.blokken.types import Persoonsgegeven, Proza, Tekst


class Memo(Document):
    """A memo 'ter kennisname': earlier decisions, the state of affairs, risks, bijlagen."""

    soort: Literal["memo"]
    kopblok: Kopblok
    kennisnemen_van: Tekst
    onderwerp: Tekst
    inleiding: Proza
    besluiten: list[Paragraaf] = Field(default_factory=list)
    stand_van_zaken: list[Paragraaf] = Field(min_length=1)
    risicos: Risicos | None = None
    auteurs: Annotated[list[Tekst], Persoonsgegeven("auteur")] = Field(min_length=1)
    """The ambtenaren who wrote the memo: personal data, redacted for publication."""
    bijlagen: list[Bijlage] = Field(default_factory=list)
    voetnoten: dict[str, Proza] = Field(default_factory=dict)

    soortnaam = "Memo"

    def documentdatum(self) -> dt.date:
        """The date under the memo."""
        return self.kopblok.datum

    def auteur(self) -> str:
        """The authors, as they sign the memo."""
        return ", ".join(self.auteurs)

    def titel(self) -> str:
        """'Memo: ' and what the reader is asked to take note of."""
        return f"{self.soortnaam}: {self.kennisnemen_van}"
