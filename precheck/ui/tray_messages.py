"""What the tray reads from the clipboard and what it says about it, in a line or two.

Notifications may be kept by the desktop (Windows' Action Center stores them
on disk), so they quote the draft only for tone and policy findings; a secret,
a personal detail or a confidential term is named by its kind, never shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData

from precheck.core.model import Category, Finding, Report
from precheck.ui.i18n import tr
from precheck.ui.labels import excerpt, split_message, verdict_title

MAX_QUICK_CHARS = 20_000
TOP_FINDINGS = 3
QUOTED = frozenset({Category.TONE, Category.POLICY, Category.GRAMMAR})


@dataclass(frozen=True)
class Clip:
    """The clipboard's text, or why there is none to check (``empty``, ``not-text``, ``huge``)."""

    text: str = ""
    problem: str = ""


def read_clip(mime: QMimeData | None, limit: int = MAX_QUICK_CHARS) -> Clip:
    if mime is None or not mime.hasText():
        formats = mime.formats() if mime is not None else []
        return Clip(problem="not-text" if formats else "empty")
    text = mime.text()
    if not text.strip():
        return Clip(problem="empty")
    if len(text) > limit:
        return Clip(text, "huge")
    return Clip(text)


def clip_problem(clip: Clip) -> tuple[str, str]:
    """Title and message for a clipboard the tray cannot check quickly."""
    if clip.problem == "huge":
        return tr("Too long for a quick check"), tr(
            "The clipboard holds {0} characters; the quick check takes up to {1}. "
            "Click here to check it in the Precheck window."
        ).format(len(clip.text), MAX_QUICK_CHARS)
    if clip.problem == "not-text":
        return tr("Nothing to check"), tr(
            "The clipboard holds no text (an image or a file?). Copy the text of your post, then check again.")
    return tr("Nothing to check"), tr("The clipboard is empty. Copy the text of your post, then check again.")


def describe(finding: Finding) -> str:
    head, _ = split_message(finding.message, finding.kind)
    if finding.category in QUOTED:
        return f"{head} “{excerpt(finding.text, 24)}”"
    return head


def summary(report: Report) -> tuple[str, str]:
    """The verdict as the title; the worst findings first, in one line."""
    title = verdict_title(report.verdict)
    if not report.findings:
        return title, tr("Nothing to fix in the text on the clipboard.")
    ordered = sorted(report.findings, key=lambda f: (-f.severity.rank, f.start))
    parts = list(dict.fromkeys(describe(f) for f in ordered))
    body = ", ".join(parts[:TOP_FINDINGS])
    if len(parts) > TOP_FINDINGS:
        body = tr("{0} and {1} more").format(body, len(parts) - TOP_FINDINGS)
    return title, body
