"""Checks in the background: the window comes first, old answers are dropped, fast then full."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from precheck.core.engine import Tier
from precheck.core.errors import PackError
from precheck.core.merge_extra import merge_extra
from precheck.core.model import Category, Finding, Report, Severity, Verdict
from precheck.ui.worker import Loaded
from tests.ui.helpers import FIXTURES, paste, wait_checked

pytestmark = pytest.mark.gui


class GateChecker:
    """Answers with the upper-cased text; holds any text named in ``hold`` until released."""

    detectors = ()

    def __init__(self, hold: str = "", nlp=None) -> None:
        self.nlp = nlp
        self.hold = hold
        self.gate = threading.Event()
        self.seen: list[tuple[str, Tier]] = []
        self.options: list[dict] = []

    def resolve_language(self, text: str, language: str) -> str:
        return "en"

    def check(self, text: str, *, language: str, channel: str, tier: Tier, **options) -> Report:
        self.seen.append((text, tier))
        self.options.append({"language": language, "channel": channel, **options})
        if text == self.hold and tier is Tier.FULL:
            self.gate.wait(10)
        findings = (Finding(Category.TONE, "t", Severity.WARN, 0, 1, text[0], tier.value, "r"),)
        return Report("en", channel, findings, Verdict.REVIEW, text.upper(), complete=tier is Tier.FULL)


def loaded_with(checker):
    return lambda _settings: lambda: Loaded(checker)


def test_an_answer_for_old_text_is_dropped(qtbot, make_window):
    checker = GateChecker(hold="first")
    window = make_window(loaded_with(checker))
    window.editor.setPlainText("first")
    qtbot.waitUntil(lambda: checker.seen == [("first", Tier.FULL)])
    window.editor.setPlainText("second")
    checker.gate.set()
    wait_checked(qtbot, window)
    assert window.review.report.safer_text == "SECOND"
    assert window.runner.dropped == 1


def test_a_request_outdated_before_its_turn_is_never_run(qtbot, make_window):
    checker = GateChecker(hold="first")
    window = make_window(loaded_with(checker))
    window.editor.setPlainText("first")
    qtbot.waitUntil(lambda: len(checker.seen) == 1)
    window.editor.appendPlainText("x")
    window.runner.send()  # as if the debounce had run out: queued behind "first"
    window.editor.appendPlainText("y")
    checker.gate.set()
    wait_checked(qtbot, window)
    assert [text for text, _ in checker.seen] == ["first", "first\nx\ny"]


def test_the_checker_hears_the_chosen_network_channel_and_language(qtbot, make_window):
    checker = GateChecker()
    window = make_window(loaded_with(checker))
    paste(qtbot, window, "hello")
    window.bar.networks.setCurrentIndex(window.bar.networks.findData("yammer"))
    wait_checked(qtbot, window)
    window.bar.languages.setCurrentIndex(window.bar.languages.findData("nl"))
    wait_checked(qtbot, window)
    assert checker.options == [
        {"language": "auto", "channel": "public", "network": "linkedin"},
        {"language": "auto", "channel": "internal", "network": "yammer"},
        {"language": "nl", "channel": "internal", "network": "yammer"},
    ]


def test_the_quick_answer_shows_first_and_the_full_one_replaces_it(qtbot, make_window):
    class Nlp:
        def warm_up(self, language):
            pass

    class NeedsNlp:
        requires = frozenset({"ner"})

    checker = GateChecker(hold="draft", nlp=Nlp())
    checker.detectors = (NeedsNlp(),)
    window = make_window(loaded_with(checker))
    window.editor.setPlainText("draft")
    qtbot.waitUntil(lambda: window.review.report is not None)
    assert window.review.report.complete is False
    assert "deeper checks still running" in window.banner.detail.text()
    assert window.status.text() == "Quick check done; deeper checks running…"
    checker.gate.set()
    wait_checked(qtbot, window)
    assert [tier for _, tier in checker.seen] == [Tier.FAST, Tier.FULL]
    assert window.review.report.findings[0].message == "full"
    assert window.status.text() == "Checked."


def test_the_window_is_usable_while_the_checks_load(qtbot, make_window, ui_checker):
    ready = threading.Event()

    def slow_loader():
        ready.wait(10)
        return Loaded(ui_checker)

    window = make_window(lambda _s: slow_loader, wait_ready=False)
    qtbot.waitExposed(window)
    assert window.status.text() in ("Loading rule packs…", "Loading language models…")
    assert window.busy.isVisible()
    window.editor.setPlainText("Project Quokka")
    qtbot.wait(400)
    assert window.review.report is None
    ready.set()
    wait_checked(qtbot, window)
    assert window.banner.title.text() == "Don't post"
    assert not window.busy.isVisible()


def test_a_broken_rule_pack_is_reported_and_the_shipped_rules_still_work(qtbot, make_window, settings):
    from precheck.ui.main_window import default_loader

    settings.pack_sources = (str(FIXTURES / "broken-pack.yaml"),)
    window = make_window(default_loader)
    assert "broken-pack.yaml" in window.notice.text()
    assert window.notice.isVisible()
    paste(qtbot, window, "AKIAZ7EXAMPLE4NWL2QX")
    assert window.banner.title.text() == "Don't post"
    assert "broken-pack.yaml" in window.notice.text(), "the problem stays in view after a check"


def test_when_no_checker_can_be_built_the_window_says_so(qtbot, make_window):
    def failing():
        raise PackError("rule pack x.yaml has 1 problem(s)")

    window = make_window(lambda _s: failing, wait_ready=False)
    qtbot.waitUntil(lambda: window.status.text() == "Checks could not start.")
    assert "x.yaml" in window.notice.text()


class FakeGrammar:
    """A grammar layer that finds one spelling mistake at the start of every draft."""

    enabled = True

    def __init__(self) -> None:
        self.started = self.closed = False

    def warm_up(self) -> None:
        self.started = True

    def status(self):
        return SimpleNamespace(message="Grammar checks use the grammar server https://lt.corp.example.")

    def check(self, text: str, report: Report) -> Report:
        typo = Finding(Category.GRAMMAR, "spelling", Severity.INFO, 0, 4, text[:4], "Spelling: a typo.", "lt/x",
                       suggestions=("Hello",))
        return merge_extra(report, text, [typo])

    def close(self) -> None:
        self.closed = True


def test_grammar_findings_arrive_after_the_report_and_the_server_is_named(qtbot, make_window, ui_checker):
    grammar = FakeGrammar()
    window = make_window(lambda _s: lambda: Loaded(ui_checker, grammar=grammar))
    assert grammar.started
    paste(qtbot, window, "Helo Project Quokka")
    qtbot.waitUntil(lambda: any(m.finding.category == "grammar" for m in window.editor.marks))
    groups = [window.panel.tree.topLevelItem(i).text(0) for i in range(window.panel.tree.topLevelItemCount())]
    assert groups == ["Confidential information (1)", "Grammar (1)"]
    window.open_settings()
    assert window.settings_dialog.grammar_status.text() == grammar.status().message
    window.settings_dialog.reject()
    window.confirm_discard = lambda: True
    window.close()
    assert grammar.closed
