"""SARIF 2.1.0, so code-review and CI tools can show precheck's findings.

No snippets: a SARIF file ends up in CI logs, and the finding may be a secret.
"""

from __future__ import annotations

from typing import Any

from precheck import __version__
from precheck.core.model import Finding, Report, Severity
from precheck.core.serialize import line_column

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.BLOCK: "error", Severity.WARN: "warning", Severity.INFO: "note"}


def to_sarif(report: Report, text: str, uri: str) -> dict[str, Any]:
    rules = sorted({f.rule: f for f in report.findings}.values(), key=lambda f: f.rule)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "precheck", "version": __version__, "rules": [_rule(f) for f in rules]}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, text, uri) for f in report.findings],
                "properties": {"verdict": report.verdict.value, "language": report.language, "channel": report.channel},
            }
        ],
    }


def _rule(f: Finding) -> dict[str, Any]:
    return {
        "id": f.rule,
        "name": f.kind,
        "shortDescription": {"text": f.message},
        "defaultConfiguration": {"level": LEVELS[f.severity]},
        "properties": {"category": f.category.value},
    }


def _result(f: Finding, text: str, uri: str) -> dict[str, Any]:
    start_line, start_column = line_column(text, f.start)
    end_line, end_column = line_column(text, f.end)
    return {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {
                        "startLine": start_line, "startColumn": start_column,
                        "endLine": end_line, "endColumn": end_column,
                        "charOffset": f.start, "charLength": f.end - f.start,
                    },
                }
            }
        ],
        "properties": {"category": f.category.value, "kind": f.kind, "confidence": f.confidence, "trial": f.trial},
    }
