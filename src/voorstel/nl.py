"""The Dutch formats under their short name: `import voorstel.nl` (see voorstel.kern.nl).

Light on purpose: it loads Babel and nothing of the rendering (no docxtpl, pydantic, Jinja).
"""

from voorstel.kern.nl import *  # noqa: F403
from voorstel.kern.nl import FILTERS, bedrag, datum, getal, procent

__all__ = ["FILTERS", "bedrag", "datum", "getal", "procent"]
