"""Prose: the Markdown subset of text fields."""

from __future__ import annotations

from voorstel.kern.prose import Kop, parse


def test_koppen_slaan_geen_niveau_over() -> None:
    stuk = parse("### Eerst\n\ntekst\n\n#### Dan\n\n# Terug\n\n### Weer\n")
    niveaus = [b.niveau for b in stuk.blokken if isinstance(b, Kop)]
    assert niveaus == [1, 2, 1, 2]
