"""Source locations: where each part of a document came from (file, key path, line)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Loc = tuple[str | int, ...]
"""A key path into a document: field names and list indexes."""


class YamlFloat(str):
    """A number YAML would read as a float, kept as the text the user wrote.

    `1.500` is one and a half to YAML and fifteen hundred to a Dutch reader, so a float
    is never turned into a number silently; the validators decide what it may mean.
    """


class YamlInt(str):
    """An integer YAML would read in another notation, kept as the text the user wrote.

    `0x10`, `0o10`, `0b101` and `0012` are 16, 8, 5 and 12 to YAML, but a case number
    "0012" must keep its zeros and an amount written so is a mistake, not a number.
    """


@dataclass
class Bron:
    """A loaded YAML file: its plain data and where each part came from."""

    path: Path
    data: Any
    regels: dict[Loc, int] = field(default_factory=dict)

    def regel(self, loc: Loc) -> int | None:
        """The line of the deepest known part of `loc` (1-based)."""
        loc = self._enkelvoudig(loc)
        for end in range(len(loc), -1, -1):
            line = self.regels.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None

    def zoals_geschreven(self, loc: Loc) -> Loc:
        """`loc` as the user wrote it: a value written short, as plain text for a block
        (`- Iets te besluiten.` for `- tekst: Iets te besluiten.`), is named by its own
        place, not by the field its text fills."""
        data = self.data
        for end, deel in enumerate(loc):
            if isinstance(data, dict):
                data = data.get(deel)
            elif isinstance(data, list) and isinstance(deel, int) and 0 <= deel < len(data):
                data = data[deel]
            elif isinstance(data, str | int) and not isinstance(data, bool):
                return tuple(loc[:end])
            else:
                return loc
        return loc

    def _enkelvoudig(self, loc: Loc) -> Loc:
        """`loc` without a list index 0 the data does not have: a single item written
        without the list around it (`looptijd: {...}` for `looptijd: [{...}]`)."""
        delen: list[str | int] = []
        for deel in loc:
            if deel == 0 and (*delen, 0) not in self.regels and tuple(delen) in self.regels:
                continue
            delen.append(deel)
        return tuple(delen)
