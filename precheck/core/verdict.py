"""The verdict rule, kept apart so the CLI, GUI and tray can never disagree about it."""

from __future__ import annotations

from collections.abc import Iterable

from precheck.core.model import Finding, Severity, Verdict


def verdict_for(findings: Iterable[Finding]) -> Verdict:
    """Block if anything blocks, review if anything warns, otherwise ok."""
    worst = max((f.severity.rank for f in findings), default=Severity.INFO.rank)
    if worst >= Severity.BLOCK.rank:
        return Verdict.BLOCK
    if worst >= Severity.WARN.rank:
        return Verdict.REVIEW
    return Verdict.OK
