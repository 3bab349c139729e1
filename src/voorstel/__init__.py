"""voorstel: version-controlled data about Dutch municipal proposals -> finished documents.

The public API is imported lazily, so `import voorstel.kern.nl` stays light (no docxtpl,
pydantic or Jinja) for those who only want the Dutch formats.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "bouw": "voorstel.bouwen.build",
    "bouw_bestand": "voorstel.bouwen.build",
    "laad_en_valideer": "voorstel.bouwen.build",
    "compute": "voorstel.pijplijn.compute",
    "Probleem": "voorstel.kern.errors",
    "ValidatieFout": "voorstel.kern.errors",
    "VoorstelError": "voorstel.kern.errors",
    "load": "voorstel.pijplijn.load",
    "validate": "voorstel.pijplijn.validate",
    "REGISTER": "voorstel.soorten",
    "Soort": "voorstel.soorten.soort",
    "Stuk": "voorstel.soorten.soort",
}


def __getattr__(naam: str) -> Any:
    if naam in _API:
        return getattr(importlib.import_module(_API[naam]), naam)
    raise AttributeError(f"module 'voorstel' has no attribute {naam!r}")


__all__ = ["__version__", *_API]
