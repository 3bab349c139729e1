"""The output formats by name, without importing a renderer: the command line's help and
the project file's check name them before anything is rendered."""

from __future__ import annotations

FORMATEN = ("docx", "md", "html", "pdf")
"""Every format `voorstel build` makes; bouwen/build.py checks its renderers against it."""
STANDAARD_FORMATEN = ("docx", "md")
"""The formats made when none are asked for."""
OMGEZET = ("pdf",)
"""The formats made by converting another format's output (uitvoer/omzetters.py), named
here so a build that needs none of them does not load the converters."""
