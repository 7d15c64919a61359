"""Odd input never crashes a check, and every span still slices to its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from precheck.core.engine import Tier

SEEDS = ["AKIAZ7EXAMPLE4NWL2QX", "jan@example.com", "NL91ABNA0417164300", "\u200b", "Ｐ", "😀", "\n\n", "wachtwoord: x"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(max_size=40), st.sampled_from(SEEDS)), max_size=12))
def test_random_text_gives_valid_spans(checker, parts: list[str]) -> None:
    text = "".join(parts)
    for tier in (Tier.FAST, Tier.FULL):
        report = checker.check(text, tier=tier)
        for f in report.findings:
            assert text[f.start:f.end] == f.text
        assert report.verdict.value in ("ok", "review", "block")
