"""The window keeps answering: a 1 MB paste and typing while checks run."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from tests.ui.helpers import AWS_KEY, TEST_PACK, wait_checked

pytestmark = pytest.mark.gui
LINE = f"Status update from the team, key {AWS_KEY} and Project Quokka, with 🚀 emoji.\n"


class Heartbeat:
    """Ticks every 5 ms on the GUI thread; the longest silence is the longest freeze."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def reset(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()


@pytest.fixture
def model_free_window(make_window):
    """spaCy on a megabyte takes the core a minute; this test is about the window, not the model."""
    from precheck.paths import rules_dir
    from precheck.service import CheckerSettings, build_checker
    from precheck.ui.worker import Loaded

    settings = CheckerSettings(
        builtin_packs=[rules_dir() / "secrets.yaml"], extra_packs=[TEST_PACK], installed_packs=False,
        use_nlp=False,
    )
    checker = build_checker(settings)
    return make_window(lambda _s: lambda: Loaded(checker))


@pytest.mark.slow
def test_a_1mb_paste_never_freezes_the_window(qtbot, model_free_window):
    window = model_free_window
    text = LINE * (1_000_000 // len(LINE))
    beat = Heartbeat()
    window.editor.insertPlainText(text)
    beat.reset()  # the paste itself is Qt's; what follows is ours
    wait_checked(qtbot, window, timeout=300_000)  # the wait is the core's; the window stays live
    assert beat.longest < 1.0
    ours = [m for m in window.editor.marks if m.finding.rule.startswith(("ui-test/", "builtin-secrets/"))]
    assert len(ours) == 2 * text.count("\n")
    entries = [window.panel.tree.topLevelItem(0).child(i).text(0) for i in range(301)]
    assert entries[-1].startswith("… and ")


def test_typing_while_checks_run_stays_smooth(qtbot, window):
    window.editor.setPlainText(LINE * 35)  # about 3,000 characters, 70 findings
    wait_checked(qtbot, window)
    beat = Heartbeat()
    for char in "a new sentence typed at the end of the post " * 3:
        qtbot.keyClick(window.editor, char)
        qtbot.wait(8)
    wait_checked(qtbot, window)
    assert beat.longest < 0.25
