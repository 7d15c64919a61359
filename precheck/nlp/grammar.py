"""Grammar, spelling and style from LanguageTool, joined to a report that is already on screen.

Grammar is deliberately not a detector: ``Checker.check`` returns the other
findings first, then ``GrammarService.check`` adds LanguageTool's within a
time limit, or adds one notice saying why it could not. It never raises to
the user and never blocks a post.

Secrets, personal data and confidential terms are masked before a draft goes
to any grammar server: their grammar findings would be dropped anyway, so the
mask costs nothing and keeps them off the server's logs.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeAlias

from precheck.core.merge_extra import merge_extra
from precheck.core.model import Category, Finding, Report
from precheck.nlp.grammar_rules import GrammarRules, drop_fights, drop_overlaps, load_rules, lowered_words, to_findings
from precheck.nlp.languagetool_client import (
    GrammarStarting,
    GrammarTimeout,
    GrammarUnavailable,
    LanguageToolClient,
    LtMatch,
)

MASKED = frozenset({Category.SECRET, Category.PII, Category.CONFIDENTIAL})
LT_LANGUAGES = {"en": "en-US", "nl": "nl"}
_CACHE_SIZE = 64
_LOWERED_MAX = 512
MAX_CHARS = 20_000  # ten LinkedIn posts; longer pastes would hold the server for seconds per keystroke
INCOMPLETE = "Grammar checks are incomplete: LanguageTool ran out of time on this draft."
TOO_LONG = f"Grammar checks were skipped: the draft is longer than {MAX_CHARS:,} characters."
ClientFactory: TypeAlias = Callable[[str], LanguageToolClient]
Answer: TypeAlias = tuple[tuple[LtMatch, ...], tuple[str, ...]]


class Mode(StrEnum):
    OFF = "off"
    LOCAL = "local"
    SERVER = "server"


class State(StrEnum):
    OFF = "off"
    STARTING = "starting"
    READY = "ready"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class GrammarStatus:
    """What the settings page and the status bar show."""

    mode: Mode
    state: State
    where: str
    message: str
    public_api: bool = False


class Endpoint(Protocol):
    """Where LanguageTool listens: a configured server, or one precheck starts on this machine."""

    def endpoint(self, wait: float) -> str: ...

    def describe(self) -> str: ...

    def start(self) -> None: ...

    def close(self) -> None: ...


class FixedEndpoint:
    def __init__(self, url: str) -> None:
        self.url = url

    def endpoint(self, wait: float) -> str:
        return self.url

    def describe(self) -> str:
        return f"the grammar server {self.url}"

    def start(self) -> None:
        """Nothing to start: the server is someone else's."""

    def close(self) -> None:
        """Nothing to stop."""


class GrammarService:
    """One per app: thread-safe, caches the last answers in memory, backs off after a failure."""

    def __init__(
        self, mode: Mode, endpoint: Endpoint | None = None, *, client_factory: ClientFactory | None = None,
        languages: dict[str, str] | None = None, time_limit: float = 5.0, retry_after: float = 30.0,
        rules: GrammarRules | None = None, public_api: bool = False, off_notice: str = "",
    ) -> None:
        self.mode, self._endpoint = mode, endpoint
        self._client_factory: ClientFactory = client_factory or LanguageToolClient
        self.languages = {**LT_LANGUAGES, **(languages or {})}
        self.time_limit, self.retry_after, self.public_api = time_limit, retry_after, public_api
        self.rules = rules or load_rules()
        self._off_notice = off_notice
        self._lock = threading.Lock()
        self._clients: dict[str, LanguageToolClient] = {}
        self._cache: OrderedDict[tuple[str, str], tuple[LtMatch, ...]] = OrderedDict()
        self._lowered: OrderedDict[str, None] = OrderedDict()
        self._failed_until = 0.0
        self._problem = ""
        self._state = State.OFF if not self.enabled else (
            State.READY if isinstance(endpoint, FixedEndpoint) else State.STARTING)

    @property
    def enabled(self) -> bool:
        return self.mode is not Mode.OFF and self._endpoint is not None

    def warm_up(self, wait: float = 0.0) -> GrammarStatus:
        """Start a local LanguageTool now (the GUI calls this at start-up); wait only if asked."""
        if self._endpoint is not None and self.enabled:
            self._endpoint.start()
            if wait > 0:
                try:
                    self._resolve(wait)
                    with self._lock:
                        self._state, self._problem, self._failed_until = State.READY, "", 0.0
                except GrammarUnavailable as exc:
                    self._note(exc)
        return self.status()

    def status(self) -> GrammarStatus:
        where = self._endpoint.describe() if self._endpoint else ""
        if self.public_api:
            where += " (LanguageTool's public service, allowed by your administrator: drafts leave the company)"
        message = {
            State.OFF: self._off_notice or "Grammar checks are off.",
            State.STARTING: GrammarStarting().notice,
            State.READY: f"Grammar checks use {where}.",
            State.UNAVAILABLE: self._problem,
        }[self._state]
        return GrammarStatus(self.mode, self._state, where, message, self.public_api)

    def check(self, text: str, report: Report, *, time_limit: float | None = None) -> Report:
        """``report`` plus grammar findings, or plus one notice; never slower than the time limit."""
        if not self.enabled:
            return merge_extra(report, text, (), (self._off_notice,)) if self._off_notice else report
        self._remember_lowered(report.findings)
        language = self.languages.get(report.language)
        if not text.strip() or language is None:
            return report
        if len(text) > MAX_CHARS:
            return merge_extra(report, text, (), (TOO_LONG,))
        if time.monotonic() < self._failed_until:
            return merge_extra(report, text, (), (self._problem,))
        outcome = self._fetch_within(mask(text, report.findings), language, time_limit or self.time_limit)
        if isinstance(outcome, str):
            return merge_extra(report, text, (), (outcome,))
        matches, notices = outcome
        return merge_extra(report, text, self._findings(matches, text, report), notices)

    def close(self) -> None:
        """Stop a LanguageTool this app started; the GUI calls it on quit."""
        if self._endpoint is not None:
            self._endpoint.close()

    def _findings(self, matches: Iterable[LtMatch], text: str, report: Report) -> list[Finding]:
        found = drop_overlaps(to_findings(matches, text, self.rules), report.findings)
        with self._lock:
            lowered = frozenset(self._lowered)
        return drop_fights(found, report.findings, text, self.rules, lowered)

    def _fetch_within(self, sent: str, language: str, limit: float) -> str | Answer:
        """The request runs on a daemon thread, so an unresponsive server costs at most ``limit``."""
        with self._lock:
            if (sent, language) in self._cache:
                self._cache.move_to_end((sent, language))
                return self._cache[(sent, language)], ()
        box: dict[str, object] = {}
        worker = threading.Thread(target=self._fetch, args=(box, sent, language, time.monotonic() + limit),
                                  daemon=True, name="precheck-grammar")
        worker.start()
        worker.join(limit)
        if "matches" in box:
            return box["matches"], box["notices"]  # type: ignore[return-value]
        if "problem" in box:
            return str(box["problem"])
        if self._state is State.STARTING:
            return GrammarStarting().notice
        return self._fail(self._timeout_notice(limit), True)

    def _fetch(self, box: dict[str, object], sent: str, language: str, deadline: float) -> None:
        started = time.monotonic()
        try:
            client = self._client(self._resolve(deadline - time.monotonic()))
            matches, incomplete = client.check(sent, language, timeout=max(0.1, deadline - time.monotonic()),
                                               disabled_rules=self.rules.disabled_for(language.split("-")[0]))
        except GrammarTimeout:
            box["problem"] = self._fail(self._timeout_notice(deadline - started), True)
            return
        except GrammarUnavailable as exc:
            box["problem"] = self._note(exc)
            return
        with self._lock:
            self._state, self._problem, self._failed_until = State.READY, "", 0.0
            if not incomplete:
                self._cache[(sent, language)] = matches
                while len(self._cache) > _CACHE_SIZE:
                    self._cache.popitem(last=False)
        box["notices"] = (INCOMPLETE,) if incomplete else ()
        box["matches"] = matches

    def _resolve(self, wait: float) -> str:
        assert self._endpoint is not None
        return self._endpoint.endpoint(wait)

    def _note(self, exc: GrammarUnavailable) -> str:
        """A start still under way is not a failure; anything else is, with a back-off."""
        if isinstance(exc, GrammarStarting):
            self._state = State.STARTING
            return exc.notice
        return self._fail(exc.notice, exc.retry)

    def _client(self, url: str) -> LanguageToolClient:
        with self._lock:
            if url not in self._clients:
                self._clients[url] = self._client_factory(url)
            return self._clients[url]

    def _timeout_notice(self, limit: float) -> str:
        where = self._endpoint.describe() if self._endpoint else "LanguageTool"
        return f"Grammar checks were skipped: {where} did not answer within {round(limit, 1):g} s."

    def _fail(self, notice: str, retry: bool) -> str:
        """Say it once and stop asking for a while: a dead server must not cost every keystroke."""
        with self._lock:
            self._state, self._problem = State.UNAVAILABLE, notice
            self._failed_until = time.monotonic() + (self.retry_after if retry else float("inf"))
        return notice

    def _remember_lowered(self, findings: Iterable[Finding]) -> None:
        with self._lock:
            for word in lowered_words(findings):
                self._lowered[word] = None
                self._lowered.move_to_end(word)
            while len(self._lowered) > _LOWERED_MAX:
                self._lowered.popitem(last=False)


def mask(text: str, findings: Iterable[Finding]) -> str:
    """Each character of a secret, personal or confidential span becomes "x" (spaces stay).

    Code points are kept one for one, so every offset in the answer still
    points into the original text.
    """
    spans = sorted((f.start, f.end) for f in findings if f.category in MASKED)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, min(end, len(chars))):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)
