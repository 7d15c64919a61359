"""Two real ``precheck-gui`` processes: the second hands its command to the first and exits at once.

The first writes what it received to a trace file (``PRECHECK_TRACE_FILE``:
event names only, never draft text). Under Xvfb with a tray the test also
owns the clipboard, so the first process really checks it and notifies.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from tests.ui.helpers import AWS_KEY, wait_until

pytestmark = [pytest.mark.gui, pytest.mark.slow]
ROOT = Path(__file__).resolve().parents[3]


class Traced:
    def __init__(self, tmp_path: Path, platform: str | None) -> None:
        self.trace = tmp_path / "trace.txt"
        self.folder = tmp_path
        home = tmp_path / "home"
        home.mkdir()
        self.env = dict(os.environ, HOME=str(home), PRECHECK_TRACE_FILE=str(self.trace),
                        PRECHECK_ADMIN_CONFIG=str(tmp_path / "no-admin-config.toml"))
        if platform:
            self.env["QT_QPA_PLATFORM"] = platform
        self.processes: list[subprocess.Popen] = []

    def start(self, *args: str) -> subprocess.Popen:
        """Output goes to a file, so a chatty child never blocks on a full pipe."""
        output = (self.folder / f"output-{len(self.processes)}.txt").open("wb")
        process = subprocess.Popen([sys.executable, "-m", "precheck.ui.app", "--ui-language", "en", *args],
                                   cwd=ROOT, env=self.env, stdout=output, stderr=subprocess.STDOUT)
        output.close()
        self.processes.append(process)
        return process

    def output(self, index: int) -> str:
        return (self.folder / f"output-{index}.txt").read_text("utf-8", "replace")

    def events(self) -> list[str]:
        return self.trace.read_text("utf-8").splitlines() if self.trace.exists() else []

    def wait_for(self, event: str, timeout: int = 30_000) -> None:
        wait_until(lambda: event in self.events(), timeout)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
                process.wait(10)


@pytest.fixture
def traced(tmp_path: Path) -> Iterator[Traced]:
    runs = Traced(tmp_path, None)
    yield runs
    runs.stop()


def hand_over(traced: Traced, *args: str) -> float:
    """Start a second instance, let this process's event loop run (it may own the clipboard)."""
    began = time.monotonic()
    second = traced.start(*args)
    wait_until(lambda: second.poll() is not None, 30_000)
    assert second.returncode == 0, traced.output(len(traced.processes) - 1)
    return time.monotonic() - began


def test_the_second_start_hands_its_command_over_and_exits(traced, qapp):
    traced.start("--tray")
    traced.wait_for("listening")
    assert hand_over(traced, "--check-clipboard") < 10
    traced.wait_for("received: check-clipboard")
    assert hand_over(traced) < 10
    traced.wait_for("received: show")
    assert traced.processes[0].poll() is None, "the first one keeps running"


def test_through_a_real_tray_the_first_instance_checks_the_clipboard(system_tray, traced, qapp):
    QGuiApplication.clipboard().setText(f"my key is {AWS_KEY}")  # served by this process's event loop
    traced.start("--tray")
    traced.wait_for("listening")
    hand_over(traced, "--check-clipboard")
    traced.wait_for("notified: block", 60_000)
    assert "no-tray" not in traced.events()
    QGuiApplication.clipboard().clear()


def test_offscreen_there_is_no_tray_so_it_says_so_and_runs_as_a_window(tmp_path, qapp):
    runs = Traced(tmp_path, "offscreen")
    try:
        runs.start("--tray")
        runs.wait_for("listening")
        assert runs.events() == ["no-tray", "listening"]
        hand_over(runs, "--check-clipboard")
        runs.wait_for("received: check-clipboard")
    finally:
        runs.stop()
