"""The engine: verdict rule, overlaps, safer text, tiers, chunk cache, failing detectors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.engine import Checker, Tier
from precheck.core.errors import UsageError
from precheck.core.model import Category, Finding, Severity, Verdict


class FixedLanguage:
    def detect(self, text: str) -> str:
        return "en"


class WordDetector:
    """Flags every occurrence of a word; counts the chunks it was asked about."""

    scope = "chunk"

    def __init__(self, word: str, severity: Severity, category: Category = Category.TONE,
                 replacement: str | None = "[x]", requires: frozenset[str] = frozenset()) -> None:
        self.id = f"word-{word}"
        self.word = word
        self.requires = requires
        self.meta = RuleMeta(f"test/{word}", category, word, severity, f"{word} found")
        self.replacement = replacement
        self.calls = 0

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        self.calls += 1
        if self.requires:
            ctx.doc  # noqa: B018 - proves the NLP engine is asked only when needed
        at = ctx.text.find(self.word)
        while at != -1:
            suggestions = (self.replacement,) if self.replacement is not None else ()
            yield self.meta.make(ctx, at, at + len(self.word), suggestions=suggestions)
            at = ctx.text.find(self.word, at + 1)


class CountingNlp:
    def __init__(self) -> None:
        self.calls = 0

    def process(self, text: str, language: str, needs: frozenset[str]) -> Any:
        self.calls += 1
        return object()

    def warm_up(self, language: str) -> None:
        pass

    def notices(self) -> tuple[str, ...]:
        return ()


def make_checker(*detectors: Any, nlp: Any = None) -> Checker:
    return Checker(list(detectors), languages=FixedLanguage(), nlp=nlp)


@pytest.mark.parametrize(
    ("severities", "verdict"),
    [((), Verdict.OK), ((Severity.INFO,), Verdict.OK), ((Severity.WARN, Severity.INFO), Verdict.REVIEW),
     ((Severity.INFO, Severity.BLOCK, Severity.WARN), Verdict.BLOCK)],
)
def test_verdict_is_the_worst_severity(severities: tuple[Severity, ...], verdict: Verdict) -> None:
    words = ["alpha", "beta", "gamma"][: len(severities)]
    checker = make_checker(*(WordDetector(w, s) for w, s in zip(words, severities, strict=True)))
    assert checker.check("alpha beta gamma").verdict is verdict


def test_safer_text_applies_every_suggestion_and_keeps_the_rest() -> None:
    checker = make_checker(WordDetector("damn", Severity.WARN, replacement="darn"),
                           WordDetector("secret", Severity.BLOCK, Category.SECRET, replacement="[redacted]"))
    report = checker.check("A damn secret, and another damn one.")
    assert report.safer_text == "A darn [redacted], and another darn one."


def test_removal_suggestion_leaves_no_double_space() -> None:
    checker = make_checker(WordDetector("really", Severity.WARN, replacement=""))
    assert checker.check("This is really bad.").safer_text == "This is bad."


def test_overlapping_findings_of_one_category_keep_the_stronger() -> None:
    checker = make_checker(WordDetector("key", Severity.WARN, Category.SECRET),
                           WordDetector("apikey", Severity.BLOCK, Category.SECRET))
    report = checker.check("my apikey here")
    assert [(f.text, f.severity) for f in report.findings] == [("apikey", Severity.BLOCK)]


def test_overlapping_findings_of_different_categories_are_both_shown_but_rewritten_once() -> None:
    checker = make_checker(WordDetector("Falcon", Severity.BLOCK, Category.CONFIDENTIAL, replacement="a project"),
                           WordDetector("Falcon sucks", Severity.WARN, Category.TONE, replacement="Falcon is hard"))
    report = checker.check("Falcon sucks.")
    assert {f.category for f in report.findings} == {Category.CONFIDENTIAL, Category.TONE}
    assert report.safer_text == "a project sucks."


def test_fast_tier_skips_detectors_that_need_a_model() -> None:
    nlp = CountingNlp()
    plain = WordDetector("alpha", Severity.WARN)
    deep = WordDetector("beta", Severity.BLOCK, requires=frozenset({"ner"}))
    checker = make_checker(plain, deep, nlp=nlp)
    fast = checker.check("alpha beta", tier=Tier.FAST)
    assert [f.text for f in fast.findings] == ["alpha"] and not fast.complete and nlp.calls == 0
    full = checker.check("alpha beta")
    assert [f.text for f in full.findings] == ["alpha", "beta"] and full.complete and nlp.calls == 1


def test_a_small_edit_in_a_long_text_rechecks_only_its_paragraph() -> None:
    detector = WordDetector("alpha", Severity.WARN)
    checker = make_checker(detector)
    paragraphs = [f"Paragraph {i} " + "words " * 150 + ("alpha" if i == 7 else "") for i in range(20)]
    text = "\n\n".join(paragraphs)
    first = checker.check(text)
    calls = detector.calls
    edited = text.replace("Paragraph 12 words", "Paragraph 12 verbs")
    second = checker.check(edited)
    assert detector.calls - calls == 1
    assert [f.start for f in first.findings] == [f.start for f in second.findings]
    assert all(edited[f.start:f.end] == f.text for f in second.findings)


def test_a_failing_detector_costs_only_its_own_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        id, scope, requires = "broken", "chunk", frozenset()

        def detect(self, ctx: CheckContext) -> Iterator[Finding]:
            raise RuntimeError("bug")

    monkeypatch.setenv("PRECHECK_STRICT", "0")
    report = make_checker(Broken(), WordDetector("alpha", Severity.WARN)).check("alpha")
    assert [f.text for f in report.findings] == ["alpha"]


def test_unknown_channel_or_language_is_a_usage_error() -> None:
    checker = make_checker()
    with pytest.raises(UsageError):
        checker.check("hi", channel="intranet")
    with pytest.raises(UsageError):
        checker.check("hi", language="de")


def test_empty_text_is_ok_with_no_findings() -> None:
    report = make_checker(WordDetector("alpha", Severity.BLOCK)).check("")
    assert report.verdict is Verdict.OK and report.findings == () and report.safer_text == ""


def test_a_finding_must_fit_its_span() -> None:
    with pytest.raises(ValueError):
        Finding(Category.PII, "email", Severity.BLOCK, 0, 3, "ab", "m", "r")
