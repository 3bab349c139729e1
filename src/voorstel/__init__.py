"""voorstel: version-controlled data about Dutch municipal proposals -> finished documents."""

from __future__ import annotations

__version__ = "0.1.0"

from voorstel.bouwen.build import bouw, bouw_bestand, laad_en_valideer
from voorstel.kern.errors import Probleem, ValidatieFout, VoorstelError
from voorstel.pijplijn.compute import compute
from voorstel.pijplijn.load import load
from voorstel.pijplijn.validate import validate

__all__ = [
    "Probleem",
    "ValidatieFout",
    "VoorstelError",
    "__version__",
    "bouw",
    "bouw_bestand",
    "compute",
    "laad_en_valideer",
    "load",
    "validate",
]
