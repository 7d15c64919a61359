"""Words the interface shows for the core's categories, severities and verdicts.

Kept apart from the widgets so every screen uses the same, translated wording.
"""

from __future__ import annotations

from precheck.core.model import Category, Severity, Verdict
from precheck.ui.i18n import tr


def category_label(category: Category) -> str:
    return {
        Category.SECRET: tr("Secrets"),
        Category.CONFIDENTIAL: tr("Confidential information"),
        Category.PII: tr("Personal data"),
        Category.TONE: tr("Tone"),
        Category.POLICY: tr("Policy"),
        Category.GRAMMAR: tr("Grammar"),
    }[category]


def severity_label(severity: Severity) -> str:
    return {
        Severity.BLOCK: tr("Must fix before posting"),
        Severity.WARN: tr("Review"),
        Severity.INFO: tr("Note"),
    }[severity]


def verdict_title(verdict: Verdict) -> str:
    return {
        Verdict.BLOCK: tr("Don't post"),
        Verdict.REVIEW: tr("Review before posting"),
        Verdict.OK: tr("Looks good"),
    }[verdict]


BUSY_STAGES = frozenset({"packs", "models", "checking", "deep", "grammar"})


def stage_text(stage: str) -> str:
    """The status line for a stage of loading or checking (see ``CheckRunner``)."""
    return {
        "packs": tr("Loading rule packs…"),
        "models": tr("Loading language models…"),
        "ready": tr("Ready."),
        "checking": tr("Checking…"),
        "deep": tr("Quick check done; deeper checks running…"),
        "checked": tr("Checked."),
        "grammar": tr("Checking grammar…"),
        "failed": tr("Checks could not start."),
        "error": tr("The check failed."),
    }.get(stage, "")


def split_message(message: str, kind: str) -> tuple[str, str]:
    """Pack messages read "What it is: why it matters"; the panel shows the two apart."""
    head, sep, rest = message.partition(": ")
    if sep and len(head) <= 60 and rest:
        return head, rest[:1].upper() + rest[1:]
    return kind.replace("_", " ").capitalize(), message


def excerpt(text: str, limit: int = 40) -> str:
    """A flagged span on one line, shortened in the middle if long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    half = (limit - 1) // 2
    return f"{flat[:half]}…{flat[-half:]}"
