"""What a user sees of grammar: findings joined to a report, filtered, never blocking, never slow."""

from __future__ import annotations

import time

import pytest

from precheck.core.merge_extra import merge_extra
from precheck.core.model import Category, Finding, Report, Severity, Verdict
from precheck.core.safer import safer_text
from precheck.core.verdict import verdict_for
from precheck.nlp.grammar import FixedEndpoint, GrammarService, Mode, State, mask
from precheck.nlp.grammar_rules import load_rules
from precheck.nlp.languagetool_client import LtMatch
from precheck.nlp.languagetool_local import free_port
from tests.fixtures.languagetool.fake_server import FakeLanguageTool, recording, recordings


def report(
    text: str, language: str = "en", findings: tuple[Finding, ...] = (), notices: tuple[str, ...] = ()
) -> Report:
    return Report(language, "public", findings, verdict_for(findings), safer_text(text, findings), notices=notices)


def finding(text: str, word: str, category: Category, suggestion: str | None = None,
            severity: Severity = Severity.WARN) -> Finding:
    start = text.index(word)
    return Finding(category, "test", severity, start, start + len(word), word, "test finding", "test/rule",
                   suggestions=() if suggestion is None else (suggestion,))


def service(url: str, **options) -> GrammarService:
    return GrammarService(Mode.SERVER, FixedEndpoint(url), **options)


def lt_language(doc: dict) -> str:
    return "nl" if doc["request"]["language"] == "nl" else "en"


@pytest.fixture
def lt():
    with FakeLanguageTool() as server:
        yield server


def grammar_words(result: Report) -> list[str]:
    return [f.text for f in result.findings if f.category is Category.GRAMMAR]


def test_grammar_is_never_block_and_at_most_asks_for_a_review(lt) -> None:
    grammar = service(lt.url)
    for (language, text) in recordings():
        result = grammar.check(text, report(text, "nl" if language == "nl" else "en"))
        assert {f.severity for f in result.findings} <= {Severity.INFO, Severity.WARN}
        assert all(f.category is Category.GRAMMAR for f in result.findings)
        assert result.verdict in (Verdict.OK, Verdict.REVIEW)


def test_a_blocked_post_stays_blocked_and_keeps_its_safer_text(lt) -> None:
    text = recording("en_article_and_typo")["request"]["text"]
    threat = finding(text, "great", Category.TONE, "fine", Severity.BLOCK)
    before = report(text, findings=(threat,))
    after = service(lt.url).check(text, before)
    assert after.verdict is Verdict.BLOCK
    assert after.safer_text == before.safer_text == text.replace("great", "fine")  # "teh" stays: safer, not edited
    assert threat in after.findings and grammar_words(after) == ["a", "teh"]


def test_typos_move_a_clean_post_to_review_and_hints_do_not(lt) -> None:
    typo = recording("en_article_and_typo")["request"]["text"]
    hints = recording("nl_typography")["request"]["text"]
    grammar = service(lt.url)
    assert grammar.check(typo, report(typo)).verdict is Verdict.REVIEW
    assert grammar.check(hints, report(hints, "nl")).verdict is Verdict.OK


def test_replacements_become_suggestions_at_most_five(lt) -> None:
    text = recording("en_article_and_typo")["request"]["text"]
    teh = next(f for f in service(lt.url).check(text, report(text)).findings if f.text == "teh")
    assert teh.suggestions == ("the", "ten", "tea", "tech", "Ted")
    assert teh.rule == "languagetool/MORFOLOGIK_RULE_EN_US" and teh.message == "Possible spelling mistake found."


def test_dutch_findings_keep_languagetools_dutch_messages(lt) -> None:
    text = recording("nl_case_and_typo")["request"]["text"]
    result = service(lt.url).check(text, report(text, "nl"))
    typo = next(f for f in result.findings if f.text == "reakties")
    assert (typo.kind, typo.suggestions) == ("spelling", ("reacties",))
    assert typo.message == "Er is een mogelijke spelfout gevonden."
    assert lt.requests[-1]["form"]["language"] == "nl"


def test_spans_after_emoji_point_at_the_flagged_words(lt) -> None:
    for name in ("en_emoji", "nl_emoji"):
        doc = recording(name)
        text = doc["request"]["text"]
        for f in service(lt.url).check(text, report(text, lt_language(doc))).findings:
            assert text[f.start:f.end] == f.text
            assert f.text in {"our", "feedbak", "thnx", "sukses"}


def match(category: str, issue_type: str = "", rule_id: str = "X") -> LtMatch:
    return LtMatch(0, 1, "m", "", (), rule_id, "", issue_type, category, "")


@pytest.mark.parametrize(("category", "issue_type", "kind"), [
    ("TYPOS", "misspelling", "spelling"),
    ("GRAMMAR", "grammar", "grammar"),
    ("CONFUSED_WORDS", "grammar", "grammar"),
    ("PUNCTUATION", "typographical", "punctuation"),
    ("TYPOGRAPHY", "whitespace", "typography"),
    ("CASING", "typographical", "typography"),
    ("STYLE", "style", "style"),
    ("REDUNDANCY", "style", "style"),
    ("PLAIN_ENGLISH", "style", "style"),
    ("MISC", "misspelling", "spelling"),       # EN_A_VS_AN
    ("MISC", "duplication", "spelling"),       # ENGLISH_WORD_REPEAT_RULE
    ("MISC", "uncategorized", "grammar"),
    ("SOMETHING_NEW", "style", "style"),
    ("", "", "grammar"),
])
def test_languagetool_categories_map_to_clear_kinds(category: str, issue_type: str, kind: str) -> None:
    assert load_rules().kind_for(match(category, issue_type)) == kind


def test_a_word_flagged_for_tone_is_not_underlined_twice(lt) -> None:
    text = recording("en_shouting_typo")["request"]["text"]
    shouting = finding(text, "AWSOME", Category.TONE, "awesome")
    assert grammar_words(service(lt.url).check(text, report(text))) == ["AWSOME"]
    assert grammar_words(service(lt.url).check(text, report(text, findings=(shouting,)))) == []


def test_no_capital_is_demanded_right_after_text_precheck_offers_to_remove(lt) -> None:
    text = recording("en_after_removed_insult")["request"]["text"]
    insult = finding(text, "IDIOTS.", Category.TONE, "")
    assert grammar_words(service(lt.url).check(text, report(text))) == ["the"]
    assert grammar_words(service(lt.url).check(text, report(text, findings=(insult,)))) == []


def test_a_word_precheck_lowered_is_not_capitalised_again(lt) -> None:
    """The writer applied "AWESOME" -> "awesome"; LanguageTool must not ask for "Awesome" back."""
    applied = recording("en_lowered_start")["request"]["text"]
    draft = applied.replace("awesome", "AWESOME")
    grammar = service(lt.url)
    grammar.check(draft, report(draft, findings=(finding(draft, "AWESOME", Category.TONE, "awesome"),)))
    assert grammar_words(grammar.check(applied, report(applied))) == []
    assert grammar_words(service(lt.url).check(applied, report(applied))) == ["awesome"]


def test_hashtags_are_not_spell_checked(lt) -> None:
    text = recording("en_hashtag")["request"]["text"]
    assert grammar_words(service(lt.url).check(text, report(text))) == []


def test_secrets_and_confidential_terms_never_reach_the_grammar_server(lt) -> None:
    text = "Launching Zephyrix next week, teh team is ready!"
    codename = finding(text, "Zephyrix", Category.CONFIDENTIAL, "our new product")
    result = service(lt.url).check(text, report(text, findings=(codename,)))
    assert lt.requests[-1]["form"]["text"] == recording("en_masked_codename")["request"]["text"]
    assert all("Zephyrix" not in str(r) for r in lt.requests)
    assert grammar_words(result) == ["teh"]  # the mask's own typo overlaps the codename and is dropped
    assert result.safer_text == text.replace("Zephyrix", "our new product")


def test_masking_keeps_every_offset_and_spaces() -> None:
    text = "Key 🔑 AKIA Z7 here"
    start = text.index("AKIA")
    secret = Finding(Category.SECRET, "k", Severity.BLOCK, start, start + 7, "AKIA Z7", "m", "r")
    assert mask(text, [secret]) == "Key 🔑 xxxx xx here"


def test_a_server_that_is_down_is_said_once_and_not_asked_again_for_a_while() -> None:
    port = free_port()
    grammar = service(f"http://127.0.0.1:{port}")
    text = "Hello wrold."
    first = grammar.check(text, report(text, notices=("The English language model is not installed.",)))
    notice = f"Grammar checks are off: no LanguageTool server is reachable at 127.0.0.1:{port}."
    assert first.notices == ("The English language model is not installed.", notice)
    with FakeLanguageTool(port=port) as late:
        again = grammar.check(text, report(text))
        assert again.notices == (notice,) and late.requests == []  # backing off, not retrying per keystroke
    assert grammar.status().state is State.UNAVAILABLE and grammar.status().message == notice


def test_a_repeated_notice_is_not_stacked() -> None:
    grammar = service(f"http://127.0.0.1:{free_port()}")
    first = grammar.check("Hi there.", report("Hi there."))
    assert grammar.check("Hi there.", first).notices == first.notices


def test_a_slow_server_is_cancelled_at_the_time_limit_and_other_findings_stay() -> None:
    text = "Call me on 06 12345678 tomorrow."
    phone = finding(text, "06 12345678", Category.PII, "06 ••••••78")
    before = report(text, findings=(phone,))
    with FakeLanguageTool(delay=3.0) as slow:
        started = time.monotonic()
        after = service(slow.url, time_limit=0.3).check(text, before)
        elapsed = time.monotonic() - started
    assert elapsed < 1.0
    assert after.findings == before.findings and after.verdict is before.verdict
    assert after.notices == (
        f"Grammar checks were skipped: the grammar server {slow.url} did not answer within 0.3 s.",
    )


def test_a_server_error_leaves_the_report_as_it_was_plus_a_notice() -> None:
    text = "Hello wrold."
    with FakeLanguageTool(status=500) as broken:
        after = service(broken.url).check(text, report(text))
    assert after.findings == () and after.verdict is Verdict.OK
    assert len(after.notices) == 1 and "HTTP 500" in after.notices[0]


def test_an_incomplete_answer_is_shown_and_said(lt) -> None:
    doc = recording("en_article_and_typo")
    text = doc["request"]["text"]
    lt.responses[("en-US", text)] = dict(doc["response"], warnings={"incompleteResults": True})
    result = service(lt.url).check(text, report(text))
    assert grammar_words(result) == ["a", "teh"]
    assert result.notices == ("Grammar checks are incomplete: LanguageTool ran out of time on this draft.",)


def test_the_same_draft_is_asked_once(lt) -> None:
    text = recording("en_article_and_typo")["request"]["text"]
    grammar = service(lt.url)
    first, second = grammar.check(text, report(text)), grammar.check(text, report(text, "en"))
    assert first.findings == second.findings and len(lt.requests) == 1


def test_rules_that_always_fight_precheck_are_not_asked_for(lt) -> None:
    service(lt.url).check("Proud of the team #ad", report("Proud of the team #ad"))
    assert "PUNCTUATION_PARAGRAPH_END" in lt.requests[-1]["form"]["disabledRules"].split(",")


def test_a_huge_paste_is_not_sent(lt) -> None:
    text = "Lorem ipsum dolor sit amet. " * 1000
    result = service(lt.url).check(text, report(text))
    assert lt.requests == []
    assert result.notices == ("Grammar checks were skipped: the draft is longer than 20,000 characters.",)


def test_off_means_no_request_and_no_change() -> None:
    before = report("Hello wrold.")
    assert GrammarService(Mode.OFF).check("Hello wrold.", before) is before


def test_a_late_finding_that_does_not_fit_the_text_is_dropped() -> None:
    text = "Hello wrold."
    wrong = Finding(Category.GRAMMAR, "spelling", Severity.WARN, 0, 5, "wrold", "m", "languagetool/X")
    assert merge_extra(report(text), text, [wrong]).findings == ()
