"""Desktop app figures: start to visible window, to the first check, and stalls while typing.

Run under a display (``xvfb-run -a .venv/bin/python benchmarks/bench_gui.py``);
without one it falls back to Qt's offscreen platform. Settings go to a
temporary folder, so the user's own settings are untouched.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402 - the clock starts before any import
import os  # noqa: E402
import tempfile  # noqa: E402

SENTENCE = (
    "Proud of the team for shipping the new route planner this week, "
    "ping me at jan.devries@example.com or use key AKIAZ7EXAMPLE4NWL2QX. "
)
TARGET_STALL = 0.050


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=3000, help="characters to type")
    parser.add_argument("--interval", type=int, default=10, help="ms between keystrokes")
    parser.add_argument("--pause", type=int, default=300, help="ms pause after each sentence")
    return parser.parse_args()


class Heartbeat:
    """A 2 ms timer on the GUI thread: the longest gap between ticks is the longest stall."""

    def __init__(self, QTimer, Qt) -> None:  # Qt classes come in after the clock started
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer(interval=2, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last - 0.002)
        self._last = now

    def reset(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()


def wait_for(condition, qwait, limit: float = 120.0) -> float:
    began = time.perf_counter()
    while not condition():
        if time.perf_counter() - began > limit:
            raise TimeoutError("the app did not answer in time")
        qwait(10)
    return time.perf_counter()


def checked(window) -> bool:
    report = window.review.report
    return window.is_current() and report is not None and report.complete


def type_post(window, qtest, qwait, args) -> list[float]:
    """Keystroke by keystroke, pausing after each sentence so checks run meanwhile."""
    text = (SENTENCE * (args.chars // len(SENTENCE) + 1))[: args.chars]
    durations = []
    for i, char in enumerate(text):
        began = time.perf_counter()
        qtest.keyClick(window.editor, char)
        durations.append(time.perf_counter() - began)
        qwait(args.pause if char == " " and text[i - 1] == "." else args.interval)
    return durations


def pumper(QEventLoop, QTimer):  # Qt classes come in after the clock started
    """Let the event loop run for a while, as in the app: unlike QTest.qWait, which holds
    Python's GIL while it waits, an event loop releases it, so the checker thread runs."""

    def pump(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    return pump


def main() -> int:
    args = parse_args()
    root = tempfile.mkdtemp(prefix="precheck-bench-")
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        os.environ[f"XDG_{name}_HOME"] = os.path.join(root, name.lower())
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from precheck.ui.main_window import MainWindow
    from precheck.ui.settings import AppSettings

    app = QApplication([])
    window = MainWindow(AppSettings())
    stages: dict[str, float] = {}
    window.runner.stageChanged.connect(lambda s: stages.setdefault(s, time.perf_counter() - START))
    window.show()
    window.start()
    QTest.qWaitForWindowExposed(window)
    visible = time.perf_counter() - START
    pump = pumper(QEventLoop, QTimer)
    window.editor.setPlainText(SENTENCE * 2)
    first = wait_for(lambda: checked(window), pump) - START
    window.editor.clear()
    window.activateWindow()
    window.editor.setFocus()
    shown: list[object] = []
    window.runner.reportReady.connect(lambda report, _text: shown.append(report))
    beat = Heartbeat(QTimer, Qt)
    keys = type_post(window, QTest, pump, args)
    wait_for(lambda: checked(window), pump)
    stall = max(beat.gaps)
    print(f"platform: {app.platformName()}")
    print(f"start -> visible window:      {visible * 1000:7.0f} ms")
    print(f"start -> checks ready:        {stages.get('ready', float('nan')) * 1000:7.0f} ms")
    print(f"start -> first check result:  {first * 1000:7.0f} ms")
    print(f"typing {args.chars} characters: longest GUI-thread stall {stall * 1000:.0f} ms "
          f"(target < {TARGET_STALL * 1000:.0f} ms), longest keystroke {max(keys) * 1000:.0f} ms, "
          f"{len(shown)} reports shown while typing")
    window.confirm_discard = lambda: True
    window.close()
    return 0 if stall < TARGET_STALL else 1


if __name__ == "__main__":
    raise SystemExit(main())
