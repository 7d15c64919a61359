"""GUI test set-up: a display (Xvfb, else offscreen), private folders, a memory keyring.

Every test here drives real widgets; the checker is the production one with
the shipped secrets pack plus a small test pack, built once per session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.memory_keyring import MemoryKeyring
from tests.ui.helpers import TEST_PACK


def _display_works() -> bool:
    """Qt aborts the process when its platform plugin cannot start, so probe in a child."""
    probe = "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"
    try:
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    """Runs after pytest-xvfb has started Xvfb (and set DISPLAY) where it could."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not has_display or not _display_works():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@pytest.fixture(autouse=True)
def _keyring_in_memory(memory_keyring: MemoryKeyring) -> MemoryKeyring:
    """Every GUI test gets the in-memory keyring; tests that inspect it ask for ``memory_keyring``."""
    return memory_keyring


@pytest.fixture(autouse=True)
def app_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Config, data, cache, state (logs) and the single-instance socket in this test's own folder."""
    dirs = {name: tmp_path / name for name in ("config", "data", "cache", "state")}
    for name, path in dirs.items():
        path.mkdir()
        monkeypatch.setenv(f"XDG_{name.upper()}_HOME", str(path))
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return dirs


@pytest.fixture(autouse=True)
def english_ui(qapp) -> Iterator[None]:
    """Each test starts in English and leaves no Dutch translator behind."""
    from precheck.ui import i18n

    i18n.install("en")
    yield
    i18n.install("en")


@pytest.fixture(scope="session")
def ui_checker():
    from precheck.paths import rules_dir
    from precheck.service import CheckerSettings, build_checker
    from precheck.ui.worker import Loaded, warm_up

    settings = CheckerSettings(
        builtin_packs=[rules_dir() / "secrets.yaml"], extra_packs=[TEST_PACK], installed_packs=False
    )
    checker = build_checker(settings)
    warm_up(Loaded(checker))
    return checker


@pytest.fixture
def settings():
    from precheck.ui.settings import AppSettings

    return AppSettings()


@pytest.fixture
def make_window(qtbot, settings, ui_checker) -> Callable:
    """Windows with the shared checker; closing them never asks about the draft."""
    from precheck.ui.main_window import MainWindow
    from precheck.ui.worker import Loaded

    def make(loader_factory=None, app_settings=None, wait_ready: bool = True):
        factory = loader_factory or (lambda _s: lambda: Loaded(ui_checker))
        window = MainWindow(app_settings or settings, loader_factory=factory)
        qtbot.addWidget(window, before_close_func=_quiet_close)
        window.show()
        window.start()
        if wait_ready:
            qtbot.waitUntil(lambda: window.runner.ready, timeout=10_000)
        return window

    return make


def _quiet_close(window) -> None:
    window.confirm_discard = lambda: True
    window.runner.shutdown()


@pytest.fixture
def window(make_window):
    return make_window()
