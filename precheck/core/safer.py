"""The safer version of a draft: every first suggestion applied, nothing else touched."""

from __future__ import annotations

from collections.abc import Sequence

from precheck.core.model import Finding
from precheck.core.overlaps import for_rewriting

_CLOSING = ".,;:!?)"


def safer_text(text: str, findings: Sequence[Finding]) -> str:
    """Apply from right to left, so earlier offsets stay valid while we edit."""
    result = text
    for f in sorted(for_rewriting(findings), key=lambda f: f.start, reverse=True):
        result = _splice(result, f.start, f.end, f.suggestions[0])
    return result


def _splice(text: str, start: int, end: int, replacement: str) -> str:
    """Replace a span and tidy only the seam: no double space, no space before punctuation."""
    before, after = text[:start], text[end:]
    if not replacement:
        if before.endswith(" ") and (after.startswith(" ") or after[:1] in tuple(_CLOSING)):
            before = before[:-1]
        elif not before and after.startswith(" "):
            after = after[1:]
    return before + replacement + after
