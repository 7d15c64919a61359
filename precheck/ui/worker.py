"""Checking off the GUI thread: the checker is built once there and answers requests in order.

Every edit makes the previous request outdated. The worker skips a request
that is already outdated when its turn comes, and the runner drops any answer
whose id is not the newest, so the user never sees findings for old text.
"""

from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from precheck.core.engine import Checker, Tier
from precheck.core.errors import PackError, PrecheckError
from precheck.core.language import LangidDetector
from precheck.core.model import Report, Verdict
from precheck.selftest import SAMPLES
from precheck.service import CheckerSettings, build_checker, build_grammar

log = logging.getLogger(__name__)
# Start-up figures for support ("how long until checks were ready?"); never any text.
startup_log = logging.getLogger("precheck.startup")
DEBOUNCE_MS = 250


@dataclass
class Loaded:
    """What the worker checks with; ``problem`` is shown to the user, who keeps working."""

    checker: Checker
    problem: str = ""
    grammar: Any = None


Loader = Callable[[], Loaded]
# The self-test's harmless samples: no user text is ever used to warm up.
WARM_UP_POSTS = {language: text for language, text, verdict in SAMPLES if verdict is Verdict.OK}


def load_checker(settings: CheckerSettings) -> Loaded:
    """A broken rule pack of the user's costs that pack, not the whole app."""
    try:
        loaded = Loaded(build_checker(settings))
    except PackError as exc:
        if not settings.extra_packs:
            raise
        loaded = Loaded(build_checker(replace(settings, extra_packs=())), str(exc))
    try:
        loaded.grammar = build_grammar()
    except PrecheckError as exc:
        loaded.problem = " ".join(p for p in (loaded.problem, str(exc)) if p)
    return loaded


def warm_up(loaded: Loaded) -> None:
    """Load the language detector and spaCy, compile each language's word lists (and start
    LanguageTool) now, not on the user's first check."""
    checker = loaded.checker
    checker.resolve_language("Warming up the language detector.", "auto")
    if checker.nlp is not None:
        checker.nlp.warm_up("en")
    if isinstance(checker, Checker) and isinstance(checker.languages, LangidDetector):
        for language in checker.languages.languages:
            checker.check(WARM_UP_POSTS[language], language=language)
    if loaded.grammar is not None:
        loaded.grammar.warm_up()


def _accepts(function: Callable, name: str) -> bool:
    """Whether ``function`` takes the keyword; older checkers know no ``network``."""
    params = inspect.signature(function).parameters.values()
    return any(p.name == name or p.kind is p.VAR_KEYWORD for p in params)


class _Latest:
    """The newest request id, written by the GUI thread and read by the worker."""

    value = 0


class CheckWorker(QObject):
    stage = Signal(str)
    ready = Signal(str)
    loadFailed = Signal(str)
    done = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, latest: _Latest) -> None:
        super().__init__()
        self._latest = latest
        self.loaded: Loaded | None = None
        self._tiers: tuple[Tier, ...] = (Tier.FULL,)
        self._takes_network = False

    @Slot(object)
    def load(self, loader: Loader) -> None:
        self.stage.emit("packs")
        try:
            loaded = loader()
            self.stage.emit("models")
            warm_up(loaded)
        except PrecheckError as exc:
            self.loadFailed.emit(str(exc))
            return
        except Exception as exc:  # shown to the user instead of a dead window
            log.exception("building the checker failed")
            self.loadFailed.emit(type(exc).__name__)
            return
        checker = loaded.checker
        needs_nlp = checker.nlp is not None and any(d.requires for d in checker.detectors)
        self._tiers = (Tier.FAST, Tier.FULL) if needs_nlp else (Tier.FULL,)
        self._takes_network = _accepts(checker.check, "network")
        previous, self.loaded = self.loaded, loaded
        if previous is not None and previous.grammar not in (None, loaded.grammar):
            previous.grammar.close()  # settings changed: the old LanguageTool must not linger
        self.ready.emit(loaded.problem)

    @Slot(int, object, str, str, str)
    def check(self, request_id: int, text: str, language: str, channel: str, network: str) -> None:
        """Quick pass, full pass, then grammar; each skipped once newer text is waiting."""
        if self.loaded is None:
            return
        options = {"language": language, "channel": channel}
        if self._takes_network:
            options["network"] = network
        try:
            report = None
            for tier in self._tiers:
                if request_id != self._latest.value:
                    return
                report = self.loaded.checker.check(text, tier=tier, **options)
                self.done.emit(request_id, report)
            grammar = self.loaded.grammar
            if grammar is not None and grammar.enabled and request_id == self._latest.value:
                self.stage.emit("grammar")
                self.done.emit(request_id, grammar.check(text, report))
        except PrecheckError as exc:
            self.failed.emit(request_id, str(exc))
        except Exception as exc:  # no draft text in the log
            log.error("check failed: %s", type(exc).__name__)
            self.failed.emit(request_id, type(exc).__name__)


class CheckRunner(QObject):
    """The GUI side: debounce, request ids, and only the newest answer passes."""

    stageChanged = Signal(str)
    reportReady = Signal(object, object)
    loadProblem = Signal(str)
    checkFailed = Signal(str)
    _load = Signal(object)
    _check = Signal(int, object, str, str, str)

    def __init__(self, source: Callable[[], tuple[str, str, str, str]], parent: QObject | None = None):
        super().__init__(parent)
        self._source = source
        self._latest = _Latest()
        self.request_id = 0
        self.ready = False
        self._load_began = time.perf_counter()
        self.dropped = 0
        self._sent_text: str | None = None
        self._thread = QThread()
        self._thread.setObjectName("precheck-checker")
        self._worker = CheckWorker(self._latest)
        self._worker.moveToThread(self._thread)
        self._connect()
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.send)
        self._thread.start()

    def _connect(self) -> None:
        self._load.connect(self._worker.load)
        self._check.connect(self._worker.check)
        self._worker.stage.connect(self.stageChanged)
        self._worker.ready.connect(self._on_loaded)
        self._worker.loadFailed.connect(self._on_load_failed)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)

    def load(self, loader: Loader) -> None:
        self.ready = False
        self._load_began = time.perf_counter()
        self.invalidate()
        self._load.emit(loader)

    def invalidate(self) -> None:
        """The text changed: whatever is in flight now answers an old question."""
        self.request_id += 1
        self._latest.value = self.request_id
        self._sent_text = None

    def request_soon(self) -> None:
        self.invalidate()
        self._timer.start()

    def send(self) -> None:
        self._timer.stop()
        if not self.ready:
            return
        text, language, channel, network = self._source()
        self.invalidate()
        if not text:
            return
        self._sent_text = text
        self.stageChanged.emit("checking")
        self._check.emit(self.request_id, text, language, channel, network)

    def _on_loaded(self, problem: str) -> None:
        self.ready = True
        startup_log.info("checks ready in %.1f s (rule packs, models, warm-up)", time.perf_counter() - self._load_began)
        self.loadProblem.emit(problem)
        self.stageChanged.emit("ready")
        self.send()

    def _on_load_failed(self, message: str) -> None:
        self.stageChanged.emit("failed")
        self.loadProblem.emit(message)

    def _on_done(self, request_id: int, report: Report) -> None:
        if request_id != self.request_id or self._sent_text is None:
            self.dropped += 1
            return
        self.stageChanged.emit("checked" if report.complete else "deep")
        self.reportReady.emit(report, self._sent_text)

    def _on_failed(self, request_id: int, message: str) -> None:
        if request_id == self.request_id:
            self.stageChanged.emit("error")
            self.checkFailed.emit(message)

    def grammar_status(self) -> str:
        """The grammar layer's own words: off, starting, or which server it uses."""
        loaded = self._worker.loaded
        if loaded is None or loaded.grammar is None:
            return ""
        return loaded.grammar.status().message

    def shutdown(self) -> None:
        """Stop the thread, and a LanguageTool this app started."""
        self._timer.stop()
        self._latest.value = -1
        self._thread.quit()
        self._thread.wait(10_000)
        loaded, self._worker.loaded = self._worker.loaded, None
        if loaded is not None and loaded.grammar is not None:
            loaded.grammar.close()
