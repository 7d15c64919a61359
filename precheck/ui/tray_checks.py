"""The tray's quick check: the window's checker, used off the GUI thread, one check at a time.

spaCy is loaded once per process: the window's loader hands its checker to the
tray too (``SharedChecker``). A lock makes the window's worker and the tray take
turns, because a spaCy pipeline is not meant to run on two threads at once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from precheck.core.errors import PrecheckError
from precheck.core.model import Report
from precheck.ui.worker import Loaded, Loader

log = logging.getLogger(__name__)
LoaderFactory = Callable[[Any], Loader]


class SerialChecker:
    """A checker whose ``check`` waits for any other thread's check to finish first."""

    def __init__(self, checker: Any, lock: threading.Lock) -> None:
        self._checker = checker
        self._lock = lock

    def check(self, text: str, **options: Any) -> Report:
        with self._lock:
            return self._checker.check(text, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._checker, name)


class SharedChecker:
    """Wraps the window's loader so the checker it builds is also the tray's."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.current: SerialChecker | None = None

    def wrap(self, factory: LoaderFactory) -> LoaderFactory:
        return lambda settings: partial(self._load, factory(settings))

    def _load(self, inner: Loader) -> Loaded:
        loaded = inner()
        loaded.checker = SerialChecker(loaded.checker, self.lock)
        self.current = loaded.checker
        return loaded


class Background(QObject):
    """Runs a function on Qt's thread pool; the result comes back as a signal on the GUI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self, maxThreadCount=1)

    def run(self, job_id: int, function: Callable[[], object]) -> None:
        self.pool.start(lambda: self._call(job_id, function))

    def _call(self, job_id: int, function: Callable[[], object]) -> None:
        try:
            result = function()
        except Exception as exc:  # handed to the GUI thread, which words it for the user
            self._emit("failed", job_id, exc)
            return
        self._emit("finished", job_id, result)

    def _emit(self, signal: str, job_id: int, value: object) -> None:
        """The owner (a closed settings dialog, say) may be gone by now; then nobody is left to tell."""
        try:
            getattr(self, signal).emit(job_id, value)
        except RuntimeError:
            log.debug("background job %d finished after its owner was deleted", job_id)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        return self.pool.waitForDone(timeout_ms)


class QuickCheck(QObject):
    """Checks one text at a time; a text that arrives while the checks load waits for them."""

    finished = Signal(str, object)
    failed = Signal(str)

    def __init__(self, shared: SharedChecker, options: Callable[[], dict[str, str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shared = shared
        self._options = options
        self._background = Background(self)
        self._background.finished.connect(self._done)
        self._background.failed.connect(self._failed)
        self._request = 0
        self._texts: dict[int, str] = {}
        self.ready = False
        self.pending: str | None = None

    def check(self, text: str) -> None:
        checker = self._shared.current
        if not self.ready or checker is None:
            self.pending = text
            return
        self.pending = None
        self._request += 1
        self._texts = {self._request: text}
        self._background.run(self._request, partial(checker.check, text, **self._options()))

    def set_ready(self, ready: bool) -> None:
        self.ready = ready
        if ready and self.pending is not None:
            self.check(self.pending)

    def _done(self, request: int, report: Report) -> None:
        text = self._texts.pop(request, None)
        if text is not None:
            self.finished.emit(text, report)

    def _failed(self, request: int, exc: Exception) -> None:
        if self._texts.pop(request, None) is None:
            return
        if not isinstance(exc, PrecheckError):
            log.error("quick check failed: %s", type(exc).__name__)  # never the text
        self.failed.emit(str(exc) if isinstance(exc, PrecheckError) else type(exc).__name__)

    def shutdown(self) -> None:
        self.pending = None
        self._texts.clear()
        self._background.wait()
