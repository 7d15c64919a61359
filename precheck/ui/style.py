"""Colours, marks and icons: one palette so the editor, panel and banner agree."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTextCharFormat

from precheck.core.model import Category, Severity, Verdict
from precheck.paths import resources_dir

CATEGORY_COLOURS: dict[Category, str] = {
    Category.SECRET: "#c62828",
    Category.CONFIDENTIAL: "#8e24aa",
    Category.PII: "#e65100",
    Category.TONE: "#1565c0",
    Category.POLICY: "#00796b",
    Category.GRAMMAR: "#546e7a",
}

VERDICT_COLOURS: dict[Verdict | None, tuple[str, str]] = {
    Verdict.BLOCK: ("#fdecea", "#b71c1c"),
    Verdict.REVIEW: ("#fff6e0", "#8a5300"),
    Verdict.OK: ("#e8f5e9", "#1b5e20"),
    None: ("#f1f3f4", "#3c4043"),
}


def mark_format(category: Category, severity: Severity) -> QTextCharFormat:
    """Blocking findings get a solid line and a tint; warnings a wave; notes a dotted line."""
    colour = QColor(CATEGORY_COLOURS[category])
    fmt = QTextCharFormat()
    fmt.setUnderlineColor(colour)
    if severity is Severity.BLOCK:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        tint = QColor(colour)
        tint.setAlpha(48)
        fmt.setBackground(tint)
    elif severity is Severity.WARN:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    return fmt


def severity_icon(severity: Severity) -> QIcon:
    return _icon(f"severity-{severity.value}")


def verdict_icon(verdict: Verdict | None) -> QIcon:
    names = {Verdict.BLOCK: "severity-block", Verdict.REVIEW: "severity-warn", Verdict.OK: "verdict-ok"}
    return _icon(names.get(verdict, "precheck"))


@cache
def _icon(name: str) -> QIcon:
    return QIcon(str(resources_dir() / "icons" / f"{name}.svg"))


def app_icon() -> QIcon:
    return _icon("precheck")


@cache
def category_icon(category: Category) -> QIcon:
    """A dot in the category's colour, matching its underline in the editor."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(CATEGORY_COLOURS[category]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


STYLE_SHEET = """
QFrame#banner { border-radius: 8px; padding: 6px 12px; }
QLabel#bannerTitle { font-size: 17px; font-weight: 600; }
QLabel#bannerDetail { font-size: 12px; }
QLabel#notice { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 6px;
               padding: 4px 8px; color: #5d4300; }
QLabel#counter[over="true"] { color: #b71c1c; font-weight: 600; }
QFrame#card { border: 1px solid #d0d4d9; border-radius: 8px; background: palette(base); }
QFrame#card QLabel { border: none; }
QLabel#cardTitle { font-weight: 600; font-size: 14px; }
QLabel#cardExcerpt { font-family: monospace; background: #f5f5f5; padding: 2px 4px; }
QLabel#muted { color: #5f6368; }
QPlainTextEdit#editor { font-size: 14px; padding: 6px; }
"""
