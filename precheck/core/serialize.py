"""The JSON contract of a report: other tools and our own evaluation depend on it exactly."""

from __future__ import annotations

from typing import Any

from precheck.core.model import Finding, Report


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "category": f.category.value,
        "kind": f.kind,
        "severity": f.severity.value,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "confidence": f.confidence,
        "rule": f.rule,
        "message": f.message,
        "suggestions": list(f.suggestions),
        "trial": f.trial,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "verdict": report.verdict.value,
        "language": report.language,
        "channel": report.channel,
        "findings": [finding_to_dict(f) for f in report.findings],
        "safer_text": report.safer_text,
    }


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
