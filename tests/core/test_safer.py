"""Safer text: edits chosen by strength, seams tidied, nothing outside the findings touched."""

from __future__ import annotations

import time

import pytest

from precheck.core.model import Category, Finding, Severity
from precheck.core.safer import Edit, rewrite, safer_text


def finding(text: str, part: str, suggestion: str, category: Category = Category.TONE,
            severity: Severity = Severity.WARN, confidence: float = 0.8, nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Finding(category, "k", severity, start, start + len(part), part, "m", "r",
                   confidence=confidence, suggestions=(suggestion,))


@pytest.mark.parametrize(
    ("text", "part", "expected"),
    [
        # a removed sentence start: no pause mark left, a capital for what now starts it
        ("Oh great, another mandatory training.", "Oh great", "Another mandatory training."),
        # a removed clause: no ", ." and no ":."
        ("Mark my words, our margins will drop next year.", "our margins will drop next year", "Mark my words."),
        ("Big things coming: we expect to double our revenue.", "we expect to double our revenue",
         "Big things coming."),
        ("For 2025 I expect growth of 25%, the pipeline is strong.", "For 2025 I expect growth of 25%",
         "The pipeline is strong."),
        # a removed sentence takes its full stop and one space with it
        ("The case goes to court. Fingers crossed.", "The case goes to court", "Fingers crossed."),
        ("Fingers crossed. The case goes to court.", "The case goes to court", "Fingers crossed."),
        ("Ontslagen na drie waarschuwingen. Opgeruimd staat netjes.", "Opgeruimd staat netjes",
         "Ontslagen na drie waarschuwingen."),
        # a conjunction left with nothing to join
        ("I have your plate number and I will find you.", "I will find you", "I have your plate number."),
        ("Ik weet waar je woont, dus pas maar op.", "pas maar op", "Ik weet waar je woont."),
        # a word in the middle
        ("Stuck because of a fucking system outage.", "fucking", "Stuck because of a system outage."),
        ("Just what I needed /s", "/s", "Just what I needed"),
    ],
)
def test_removal_tidies_only_the_seam(text: str, part: str, expected: str) -> None:
    assert safer_text(text, [finding(text, part, "")]) == expected


def test_an_added_disclaimer_does_not_block_a_fix_inside_the_same_sentence() -> None:
    text = "Honestly, I think our board is clueless."
    disclaimer = finding(text, text, text + " Views are my own.", Category.POLICY)
    word = finding(text, "clueless", "unsure")
    assert safer_text(text, [disclaimer, word]) == "Honestly, I think our board is unsure. Views are my own."


def test_a_case_fix_keeps_the_offsets_so_fixes_inside_it_still_apply() -> None:
    text = "WHAT THE FUCK IS GOING ON"
    shouting = finding(text, text, "What the fuck is going on", confidence=0.9)
    swear = finding(text, "WHAT THE FUCK", "What on earth", confidence=0.7)
    assert safer_text(text, [shouting, swear]) == "What on earth is going on"


def test_deleting_a_clause_makes_a_fix_inside_it_moot_even_a_stronger_one() -> None:
    text = "The dispute with Castellan Pharma is going to arbitration. Fingers crossed."
    clause = finding(text, "The dispute with Castellan Pharma is going to arbitration", "", Category.POLICY)
    name = finding(text, "Castellan Pharma", "a customer", Category.CONFIDENTIAL, Severity.BLOCK, 1.0)
    assert safer_text(text, [clause, name]) == "Fingers crossed."


def test_of_two_overlapping_replacements_the_stronger_wins() -> None:
    text = "Falcon sucks."
    weak = finding(text, "Falcon sucks", "Falcon is hard")
    strong = finding(text, "Falcon", "a project", Category.CONFIDENTIAL, Severity.BLOCK, 1.0)
    assert safer_text(text, [weak, strong]) == "a project sucks."


def test_two_insertions_at_one_place_are_made_once() -> None:
    text = "Use code ACME10!"
    ad = finding(text, text, text + " #ad", Category.POLICY)
    again = finding(text, text, text + " #ad", Category.POLICY, confidence=0.5)
    assert safer_text(text, [ad, again]) == "Use code ACME10! #ad"


def test_text_outside_the_edits_is_left_as_it_was() -> None:
    text = "Keep  this   spacing , odd as it is. Damn, the train. Keep this ;too."
    assert rewrite(text, [Edit(text.index("Damn"), text.index("Damn") + 4, "")]) == \
        "Keep  this   spacing , odd as it is. The train. Keep this ;too."


def test_thousands_of_findings_in_a_long_post_stay_fast() -> None:
    unit = "Swear damn here and there. "
    text = unit * 5000
    findings = [finding(text, "damn", "", nth=i) for i in range(0, 5000, 2)]
    start = time.perf_counter()
    out = safer_text(text, findings)
    assert time.perf_counter() - start < 2.0
    assert out.count("damn") == 2500


@pytest.mark.parametrize(
    ("text", "part", "neutral"),
    [
        ("What a bunch of idiots.", "What a bunch of idiots", "What a situation"),
        ("Wat een prutsers!", "Wat een prutsers", "Wat een situatie"),
    ],
)
def test_a_removal_that_would_empty_the_post_uses_its_neutral_second_suggestion(
        text: str, part: str, neutral: str) -> None:
    start = text.index(part)
    found = Finding(Category.TONE, "insult", Severity.WARN, start, start + len(part), part, "m", "r",
                    confidence=0.8, suggestions=("", neutral))
    assert safer_text(text, [found]) == neutral + text[start + len(part):]


@pytest.mark.parametrize(
    ("text", "part"),
    [("Great day. What a bunch of idiots.", "What a bunch of idiots"),
     ("Mooie dag. Wat een prutsers!", "Wat een prutsers")],
)
def test_a_removal_that_leaves_other_words_removes(text: str, part: str) -> None:
    start = text.index(part)
    found = Finding(Category.TONE, "insult", Severity.WARN, start, start + len(part), part, "m", "r",
                    confidence=0.8, suggestions=("", "neutral"))
    assert safer_text(text, [found]) == text.split(".")[0] + "."
