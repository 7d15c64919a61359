"""The interface in English and Dutch: every string translated, the system language followed."""

from __future__ import annotations

import ast
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from precheck.ui import i18n
from precheck.ui.build_translations import ensure_compiled, translations_dir

pytestmark = pytest.mark.gui
UI_SOURCES = Path(i18n.__file__).parent


def ui_strings() -> set[str]:
    """Every literal passed to tr() in the UI package."""
    found = set()
    for path in UI_SOURCES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args:
                arg = node.args[0]
                assert isinstance(arg, ast.Constant), f"{path.name}:{node.lineno}: tr() needs a literal"
                found.add(arg.value)
    return found


def dutch() -> dict[str, ET.Element]:
    root = ET.parse(translations_dir() / "precheck_nl.ts").getroot()
    return {m.findtext("source"): m.find("translation") for m in root.iter("message")}


def test_every_interface_string_has_a_finished_dutch_translation():
    table = dutch()
    missing = sorted(ui_strings() - table.keys())
    assert missing == []
    for source, translation in table.items():
        assert translation.get("type") is None, f"unfinished or obsolete: {source!r}"
        assert translation.text, source
        assert re.findall(r"\{\d\}", source) == re.findall(r"\{\d\}", translation.text), source


def test_the_compiled_translation_is_rebuilt_when_its_source_changes(tmp_path):
    shutil.copy(translations_dir() / "precheck_nl.ts", tmp_path)
    assert ensure_compiled(tmp_path) == [tmp_path / "precheck_nl.qm"]
    assert ensure_compiled(tmp_path) == []
    ts = tmp_path / "precheck_nl.ts"
    later = (tmp_path / "precheck_nl.qm").stat().st_mtime + 10
    os.utime(ts, (later, later))
    assert ensure_compiled(tmp_path) == [tmp_path / "precheck_nl.qm"]


def test_a_dutch_desktop_gets_a_dutch_interface_including_qts_own_menus(monkeypatch, window):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Dutch)))
    assert i18n.install("system") == "nl"
    assert i18n.tr("Don't post") == "Niet plaatsen"
    menu = window.editor.createStandardContextMenu()
    assert "Ongedaan" in menu.actions()[0].text()


def test_any_other_desktop_language_falls_back_to_english(monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))
    assert i18n.install("system") == "en"
    assert i18n.tr("Don't post") == "Don't post"
