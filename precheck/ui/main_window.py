"""The main window: the draft on the left, findings and the safer version on the right."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from precheck.ui import i18n
from precheck.ui.allowlist import Allowlist
from precheck.ui.diff import changes
from precheck.ui.editor import DraftEditor
from precheck.ui.findings_panel import FindingsPanel
from precheck.ui.i18n import tr
from precheck.ui.labels import BUSY_STAGES, stage_text
from precheck.ui.marks import Mark
from precheck.ui.menus import Menus
from precheck.ui.positions import Utf16Map
from precheck.ui.review import Review
from precheck.ui.safer_view import SaferView
from precheck.ui.settings import AppSettings
from precheck.ui.settings_dialog import SettingsDialog
from precheck.ui.style import STYLE_SHEET, app_icon
from precheck.ui.toolbar import DraftBar
from precheck.ui.tray_window import WindowLife
from precheck.ui.verdict_banner import VerdictBanner
from precheck.ui.worker import CheckRunner, Loader, load_checker

LoaderFactory = Callable[[AppSettings], Loader]


def default_loader(settings: AppSettings) -> Loader:
    return partial(load_checker, settings.checker_settings())


class MainWindow(WindowLife, QMainWindow):
    settingsApplied = Signal()
    quitRequested = Signal()
    hiddenToTray = Signal()

    def __init__(self, settings: AppSettings, loader_factory: LoaderFactory = default_loader):
        super().__init__()
        self.settings = settings
        self._loader_factory = loader_factory
        self._checker_settings = settings.checker_settings()
        self.review = Review(Allowlist(settings))
        self.banner = VerdictBanner()
        self.notice = QLabel(objectName="notice", wordWrap=True, visible=False)
        self.bar = DraftBar(settings)
        self.editor = DraftEditor()
        self.panel = FindingsPanel()
        self.safer = SaferView()
        self.tabs = QTabWidget(objectName="tabs")
        self.status = QLabel()
        self.busy = QProgressBar(maximum=0, maximumWidth=120, textVisible=False)
        self.runner = CheckRunner(self._request, self)
        self._report_id = -1
        self._problems = {"load": "", "check": ""}
        self._copy_when_checked = False
        self.settings_dialog: SettingsDialog | None = None
        self._build()
        self.menus = Menus(self)
        self._connect()
        self.retranslate()

    def _build(self) -> None:
        self.setWindowIcon(app_icon())
        self.setStyleSheet(STYLE_SHEET)
        self.tabs.addTab(self.panel, "")
        self.tabs.addTab(self.safer, "")
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bar)
        column.addWidget(self.editor, 1)
        column.addWidget(self.bar.counter, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([620, 460])
        central = QWidget()
        layout = QVBoxLayout(central)
        for widget, stretch in ((self.banner, 0), (self.notice, 0), (split, 1)):
            layout.addWidget(widget, stretch)
        self.setCentralWidget(central)
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.resize(1100, 700)

    def _connect(self) -> None:
        self.editor.document().contentsChange.connect(self.review.follow_edit)
        # contentsChange, not textChanged: repainting underlines also fires textChanged.
        self.editor.document().contentsChange.connect(self._edited)
        self.runner.reportReady.connect(self._show_report)
        self.runner.stageChanged.connect(self._stage)
        self.runner.loadProblem.connect(self._load_problem)
        self.runner.checkFailed.connect(self._check_failed)
        for source in (self.editor, self.panel):
            source.ignoreOnce.connect(self.ignore_once)
            source.ignoreAlways.connect(self.ignore_always)
        self.editor.suggestionChosen.connect(self.apply_suggestion)
        self.panel.applyRequested.connect(self.apply_suggestion)
        self.editor.markEntered.connect(self.panel.select)
        self.panel.activated.connect(self._reveal)
        self.safer.applyAll.connect(self.apply_all)
        self.bar.apply_all.clicked.connect(self.apply_all)
        self.safer.copyRequested.connect(self.copy_safer)
        self.bar.optionsChanged.connect(self._options_changed)

    def start(self) -> None:
        """Build the checker in the background; the window is already on screen."""
        self._stage("packs")
        self.runner.load(self._loader_factory(self.settings))

    def retranslate(self) -> None:
        self.setWindowTitle(tr("Precheck: check a post before you share it"))
        self.tabs.setTabText(1, tr("Safer version"))
        for part in (self.bar, self.editor, self.panel, self.safer, self.menus):
            part.retranslate()
        self._display()

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- checking -----------------------------------------------------------

    def _request(self) -> tuple[str, str, str, str]:
        network = self.bar.network()
        return self.editor.toPlainText(), self.bar.language(), network.channel, network.key

    def _edited(self, _pos: int = 0, _removed: int = 0, _added: int = 0) -> None:
        self.bar.update_counter(self._length())
        self.bar.apply_all.setEnabled(False)
        self.safer.apply_button.setEnabled(False)
        if self._length():
            self.runner.request_soon()
        else:
            self.runner.invalidate()
            self._show_report(None, "")

    def _options_changed(self) -> None:
        self.bar.update_counter(self._length())
        if self._length():
            self.runner.send()

    def _show_report(self, report, text: str) -> None:
        self._problems["check"] = ""
        self.review.update(report, text)
        self._report_id = self.runner.request_id
        self._display()
        if self._copy_when_checked and report is not None and report.complete:
            self.copy_safer()

    def is_current(self) -> bool:
        return self._report_id == self.runner.request_id and self.review.report is not None

    def _display(self) -> None:
        report = self.review.report
        self.editor.set_marks(self.review.marks)
        self.panel.show_marks(list(self.review.marks))
        self.tabs.setTabText(0, tr("Findings ({0})").format(len(report.findings) if report else 0))
        self.safer.set_report(report, self.review.text)
        if report is None:
            self.banner.show_idle(tr("Paste or type a draft to check it."))
            self._show_notice()
            return
        self.banner.show_report(report)
        self.bar.show_detected(report.language)
        self.bar.apply_all.setEnabled(self.is_current() and report.safer_text != self.review.text)
        self._show_notice()

    def _length(self) -> int:
        """UTF-16 units, which is how most networks count (an emoji counts two)."""
        return self.editor.document().characterCount() - 1

    def _stage(self, stage: str) -> None:
        self.status.setText(stage_text(stage))
        self.busy.setVisible(stage in BUSY_STAGES)

    def copy_safer(self) -> None:
        """Copies the safer version of the text as it is now, checking it first if need be."""
        report = self.review.report
        self._copy_when_checked = bool(self._length()) and not (self.is_current() and report.complete)
        if self._copy_when_checked or not self._length():
            self.runner.send()
            return
        self.safer.copy()
        self.status.setText(tr("Safer version copied to the clipboard."))

    def _load_problem(self, message: str) -> None:
        """A broken pack or a failed start: shown until the checks are loaded again."""
        self._problems["load"] = message
        self._show_notice()

    def _check_failed(self, message: str) -> None:
        self._problems["check"] = message
        self._show_notice()

    def _show_notice(self) -> None:
        notices = self.review.report.notices if self.review.report else ()
        message = " ".join(p for p in (*self._problems.values(), *notices) if p)
        self.notice.setText(message)
        self.notice.setVisible(bool(message))

    # --- acting on findings ---------------------------------------------------

    def apply_suggestion(self, mark: Mark, suggestion: str) -> None:
        if mark.alive:
            self.editor.replace_span(mark.start, mark.end, suggestion)
            self.editor.setFocus()

    def apply_all(self) -> None:
        """Makes the draft exactly the safer version shown, as one undo step."""
        report = self.review.report
        if not self.is_current() or report is None:
            return
        positions = Utf16Map(self.review.text)
        edits = changes(self.review.text, report.safer_text)
        self.editor.apply_changes([(*positions.span(c.start, c.end), c.new) for c in edits])

    def ignore_once(self, mark: Mark) -> None:
        self.review.ignore_once(mark)
        self._after_ignore()

    def ignore_always(self, mark: Mark) -> None:
        self.review.ignore_always(mark)
        self._after_ignore()

    def _after_ignore(self) -> None:
        if self.is_current():
            self._display()
        else:
            self.runner.send()

    def navigate(self, step: int) -> None:
        """F8 / Shift+F8: the next or previous finding, wrapping around the draft."""
        marks = list(self.editor.marks)
        if not marks:
            return
        pos = self.editor.textCursor().selectionStart()
        found = self.editor.marks.after(pos) if step > 0 else self.editor.marks.before(pos)
        self._reveal(found or (marks[0] if step > 0 else marks[-1]))

    def _reveal(self, mark: Mark) -> None:
        self.editor.select_mark(mark)
        self.panel.select(mark)
        self.editor.setFocus()

    # --- settings (closing and quitting: tray_window.py) ---------------------------

    def open_settings(self) -> None:
        self.settings_dialog = SettingsDialog(self.settings, self.runner.grammar_status(), self)
        self.settings_dialog.accepted.connect(self._settings_changed)
        self.settings_dialog.packs_page.updated.connect(self.start)  # the new packs take effect now
        self.settings_dialog.open()

    def _settings_changed(self) -> None:
        i18n.install(self.settings.ui_language)
        self.bar.reload_languages()
        wanted = self.settings.checker_settings()
        if wanted != self._checker_settings:
            self._checker_settings = wanted
            self.start()
        self.settingsApplied.emit()
