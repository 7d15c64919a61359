"""Resolving findings that cover the same characters."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Hashable, Iterable

from precheck.core.model import Finding


def strength(f: Finding) -> tuple[int, float, int, int]:
    """Stronger first: severity, confidence, longer span, earlier start."""
    return (-f.severity.rank, -f.confidence, -f.length, f.start)


def keep_strongest(
    findings: Iterable[Finding], group: Callable[[Finding], Hashable]
) -> list[Finding]:
    """Within each group, drop every finding that overlaps a stronger one; text order out."""
    kept_spans: dict[Hashable, list[tuple[int, int]]] = {}
    kept: list[Finding] = []
    for f in sorted(findings, key=strength):
        spans = kept_spans.setdefault(group(f), [])
        if _collides(spans, f.start, f.end):
            continue
        insort(spans, (f.start, f.end))
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end, f.category, f.kind))


def _collides(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """``spans`` is sorted and non-overlapping, so only two neighbours can collide."""
    i = bisect_left(spans, (start, end))
    if i < len(spans) and spans[i][0] < end:
        return True
    return i > 0 and spans[i - 1][1] > start


def merge(findings: Iterable[Finding]) -> list[Finding]:
    """One finding per category for the same characters; different categories may overlap."""
    return keep_strongest(findings, lambda f: f.category)


def for_rewriting(findings: Iterable[Finding]) -> list[Finding]:
    """A set with no overlap at all that carries suggestions: what safer text applies."""
    return keep_strongest((f for f in findings if f.suggestions), lambda f: None)
