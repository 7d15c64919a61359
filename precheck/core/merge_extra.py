"""Findings that arrive after a report was shown (grammar), joined without a second full check.

The verdict is recomputed by the one verdict rule, so a late finding can only
make it stricter, never milder. The safer text stays as it was unless the
caller says the new findings may rewrite it: a spelling suggestion for a
product name would damage a text that people copy with one click.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable

from precheck.core.model import Finding, Report
from precheck.core.overlaps import merge
from precheck.core.safer import safer_text
from precheck.core.verdict import verdict_for

log = logging.getLogger(__name__)


def merge_extra(
    report: Report, text: str, extra: Iterable[Finding], notices: Iterable[str] = (), *, rewrite: bool = False
) -> Report:
    """A new report: ``report`` plus ``extra`` (spans into ``text``) and each notice once."""
    fitting = [f for f in extra if _fits(f, text)]
    findings = tuple(merge([*report.findings, *fitting])) if fitting else report.findings
    return dataclasses.replace(
        report,
        findings=findings,
        verdict=verdict_for(findings),
        safer_text=safer_text(text, findings) if rewrite and fitting else report.safer_text,
        notices=tuple(dict.fromkeys((*report.notices, *notices))),
    )


def _fits(f: Finding, text: str) -> bool:
    """A finding whose span does not quote the text would underline the wrong characters."""
    if f.end <= len(text) and text[f.start:f.end] == f.text:
        return True
    log.error("dropped late finding %s: its span %d:%d does not match the text", f.rule, f.start, f.end)
    return False
