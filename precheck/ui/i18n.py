"""The interface language: English source strings, Dutch from a compiled Qt translation.

All strings go through ``tr`` with one empty context, which is how
``pyside6-lupdate`` extracts a bare ``tr("...")``; so translators can refresh
``resources/translations/precheck_nl.ts`` with the standard tool.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from precheck.ui.build_translations import ensure_compiled, translations_dir

log = logging.getLogger(__name__)
UI_LANGUAGES = ("en", "nl")
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def resolve(choice: str) -> str:
    """'system' follows the desktop's locale; anything not Dutch falls back to English."""
    if choice in UI_LANGUAGES:
        return choice
    return "nl" if QLocale.system().language() == QLocale.Language.Dutch else "en"


def install(choice: str) -> str:
    """Swap the app's translators; Qt then sends every widget a LanguageChange event."""
    app = QCoreApplication.instance()
    lang = resolve(choice)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        return lang
    try:
        ensure_compiled()
    except Exception as exc:  # a missing tool must not stop the app
        log.warning("translations not rebuilt: %s", exc)
    for name, folder in (
        (f"precheck_{lang}", str(translations_dir())),
        (f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return lang
