"""Language detection on one-line posts, where most detectors guess."""

from __future__ import annotations

import pytest

from precheck.core.language import LangidDetector
from precheck.evaluation import load_jsonl

DETECTOR = LangidDetector()


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Lekker dan.", "nl"),
        ("Trots op het team!", "nl"),
        ("Wat een dag weer.", "nl"),
        ("Ik ben het niet eens met dit besluit", "nl"),
        ("Nieuwe baan!", "nl"),
        ("Great day with the team!", "en"),
        ("I disagree with this decision", "en"),
        ("Going live tomorrow", "en"),
        ("Proud of my team", "en"),
        ("Deploying now, key is ghp_1234", "en"),
    ],
)
def test_short_posts(text: str, lang: str) -> None:
    assert DETECTOR.detect(text) == lang


@pytest.mark.parametrize("text", ["", "   ", "12345 !!!", "😀😀"])
def test_text_without_letters_falls_back_to_english(text: str) -> None:
    assert DETECTOR.detect(text) == "en"


def test_dev_corpus_languages(dev_dir) -> None:
    records = load_jsonl(dev_dir / "posts.jsonl")
    wrong = [r["id"] for r in records if DETECTOR.detect(r["text"]) != r["lang"]]
    print(f"language detection: {len(records) - len(wrong)}/{len(records)} right; wrong: {wrong}")
    assert len(wrong) <= len(records) * 0.03


def test_a_single_draft_language_from_the_settings_is_always_used() -> None:
    assert LangidDetector(("nl",)).detect("Great day with the team!") == "nl"
    assert LangidDetector(("en",)).detect("Trots op het team!") == "en"
