"""The pure pieces under the widgets: positions, marks, diffs, the allowlist's hashes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from precheck.core.model import Category, Finding, Severity
from precheck.ui.diff import apply, changes
from precheck.ui.marks import Mark, MarkSet
from precheck.ui.positions import Utf16Map

pytestmark = pytest.mark.gui
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@given(TEXT, st.data())
def test_utf16_positions_match_what_qt_counts(text, data):
    cp = data.draw(st.integers(0, len(text)))
    positions = Utf16Map(text)
    assert positions.to_utf16(cp) == len(text[:cp].encode("utf-16-le")) // 2
    assert positions.to_code_point(positions.to_utf16(cp)) == cp


def test_an_emoji_counts_two_units():
    positions = Utf16Map("a😀b")
    assert [positions.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert positions.to_code_point(2) == 1  # inside the pair: the emoji itself


@given(TEXT, TEXT)
def test_applying_the_changes_gives_exactly_the_new_text(old, new):
    assert apply(old, changes(old, new)) == new


def test_changes_are_whole_words_and_one_edit_per_replaced_phrase():
    [change] = changes("my key AKIAZ7 is here", "my key [redacted] is here")
    assert (change.start, change.end, change.new) == (7, 13, "[redacted]")
    [change] = changes("Project Kestrel ships", "an internal project ships")
    assert (change.start, change.end, change.new) == (0, 15, "an internal project")
    assert len(changes("call 6 1234 5678 or", "call • •••• ••78 or")) == 1
    assert len(changes("Kestrel and Bluefin", "X and Y")) == 2


def _mark(start: int, end: int) -> Mark:
    text = "x" * (end - start)
    finding = Finding(Category.SECRET, "k", Severity.BLOCK, start, end, text, "m", "r")
    return Mark(start, end, finding)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ((0, 0, 3), [(13, 18)]),   # typing before the mark moves it
        ((18, 0, 2), [(10, 15)]),  # typing right after it leaves it alone
        ((10, 0, 1), [(11, 16)]),  # typing right before its first character moves it
        ((12, 1, 0), []),          # editing inside it removes it
        ((5, 6, 0), []),           # a deletion reaching into it removes it
        ((2, 4, 1), [(7, 12)]),    # a replacement before it moves it by the difference
    ],
)
def test_marks_follow_edits(edit, expected):
    marks = MarkSet([_mark(10, 15)])
    marks.shift(*edit)
    assert [(m.start, m.end) for m in marks] == expected


def test_a_destroyed_mark_says_so_to_whoever_holds_it():
    mark = _mark(10, 15)
    marks = MarkSet([mark])
    assert marks.shift(11, 1, 1) == [mark]
    assert not mark.alive


def test_lookup_finds_overlapping_marks_even_behind_a_long_one():
    long, short = _mark(0, 50), _mark(40, 45)
    marks = MarkSet([long, short])
    assert marks.at(42) == [long, short]
    assert marks.overlapping(46, 48) == [long]
    assert marks.after(0) is short and marks.before(40) is long


def test_the_allowlist_stores_a_salted_hash_that_ignores_case_and_spacing(settings):
    from precheck.ui.allowlist import Allowlist

    finding = Finding(Category.CONFIDENTIAL, "codename", Severity.BLOCK, 0, 14, "Project Quokka", "m", "p/q")
    variant = Finding(Category.CONFIDENTIAL, "codename", Severity.BLOCK, 0, 15, "project  QUOKKA", "m", "p/q")
    other_rule = Finding(Category.CONFIDENTIAL, "codename", Severity.BLOCK, 0, 14, "Project Quokka", "m", "p/z")
    allow = Allowlist(settings)
    allow.add(finding)
    assert variant in allow and other_rule not in allow
    assert len(settings.ignored_digests) == 1
    assert "quokka" not in settings.path.read_text(encoding="utf-8").lower()


def test_two_installs_hash_the_same_term_differently(tmp_path):
    from precheck.ui.allowlist import Allowlist
    from precheck.ui.settings import AppSettings

    finding = Finding(Category.SECRET, "k", Severity.BLOCK, 0, 4, "AKIA", "m", "r")
    one = Allowlist(AppSettings(tmp_path / "one.conf")).digest(finding)
    two = Allowlist(AppSettings(tmp_path / "two.conf")).digest(finding)
    assert one != two
