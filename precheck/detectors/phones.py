"""Phone numbers, found and validated by Google's libphonenumber (placeholder until written)."""

from __future__ import annotations

from collections.abc import Iterator

from precheck.core.context import CheckContext
from precheck.core.model import Finding


class PhoneDetector:
    id = "phones"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        return iter(())
