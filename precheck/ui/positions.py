"""Python code points to Qt's UTF-16 positions: the one place the two index spaces meet.

The core counts characters as Python does (an emoji is one), while a
QTextDocument counts UTF-16 units (an emoji is two). Only characters beyond
the Basic Multilingual Plane differ, so the map stores just their positions;
for the usual post without emoji every conversion is an identity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts offsets in one fixed text; built in one regex pass, even for 1 MB."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + i for i, cp in enumerate(self._astral)]
        self.length = len(text) + len(self._astral)

    def to_utf16(self, cp: int) -> int:
        """Every astral character before ``cp`` adds one unit."""
        return cp + bisect_left(self._astral, cp)

    def to_code_point(self, u16: int) -> int:
        """A position inside a surrogate pair maps to the start of its character."""
        whole = bisect_right(self._astral_u16, u16 - 2)
        inside = 1 if whole < len(self._astral_u16) and self._astral_u16[whole] == u16 - 1 else 0
        return u16 - whole - inside

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)
