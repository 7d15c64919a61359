"""Normalisation finds what evasion hides, and every span still points at what the user typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from precheck.core.normalize import normalize


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Project Falcon", "Project Falcon"),
        ("Pro\u200bject Fal\u200dcon", "Project Falcon"),  # zero-width space and joiner
        ("\u202eProject\u202c Falcon", "Project Falcon"),  # bidi override
        ("Ｐｒｏｊｅｃｔ", "Project"),  # full-width forms (NFKC)
        ("Prоject Fаlcon", "Project Falcon"),  # Cyrillic о and а
        ("ﬁnance", "finance"),  # ligature expands to two characters
        ("cafe\u0301", "café"),  # combining accent composes
        ("co\u00adworker", "coworker"),  # soft hyphen
    ],
)
def test_normalised_view_removes_evasion(original: str, expected: str) -> None:
    assert normalize(original).text == expected


def test_span_in_normalised_text_maps_to_original_characters() -> None:
    original = "Meet Pr\u200bоject\u00a0Fаlcon 😀 today"
    norm = normalize(original)
    start = norm.text.index("Project")
    end = norm.text.index("Falcon") + len("Falcon")
    a, b = norm.to_original(start, end)
    assert original[a:b] == "Pr\u200bоject\u00a0Fаlcon"


def test_expanded_character_maps_back_whole() -> None:
    norm = normalize("the ﬁnal plan")
    start = norm.text.index("final")
    assert norm.original_slice(start, start + 1) == "ﬁ"
    assert norm.original_slice(start, start + 5) == "ﬁnal"


def test_dutch_letters_are_kept() -> None:
    assert normalize("Één privé-overleg in België").text == "Één privé-overleg in België"


def test_case_folding_keeps_the_map() -> None:
    norm = normalize("STRAßE Falcon", fold_case=True)
    assert norm.text == "strasse falcon"
    start = norm.text.index("falcon")
    assert norm.original_slice(start, start + 6) == "Falcon"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.data())
def test_random_unicode_never_crashes_and_spans_stay_valid(text: str, data: st.DataObject) -> None:
    for fold in (False, True):
        norm = normalize(text, fold_case=fold)
        if not norm.text:
            continue
        start = data.draw(st.integers(0, len(norm.text) - 1))
        end = data.draw(st.integers(start + 1, len(norm.text)))
        a, b = norm.to_original(start, end)
        assert 0 <= a < b <= len(text)
