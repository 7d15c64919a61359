"""When a skeleton hit is really the term, and not letters that happen to line up.

The automaton of ``terms`` only finds candidates; the separators around and
inside a hit decide whether it is the value as people write it. How freely a
value may match follows from its words, never from a list of sentences:

* the whole value always matches, in any case, with any soft separator (or
  none) between its words;
* a value made of one distinctive word ("DockSense") also matches inside
  compounds and with endings ("DockSense-team", "DockSensesensoren");
* an ordinary word ("Falcon", "Kestrel") only matches as a whole word, with
  at most an inflection ending;
* a multi-word value's one distinctive word ("Alpenrose" of "Alpenrose Dairy")
  matches alone when written as a name (capitalised); an ordinary one
  ("Kestrel" of "Project Kestrel") only next to a project word ("Kestrel-team",
  "Kestrelproject", "operatie Kestrel").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from precheck.core.normalize import normalize
from precheck.detectors.term_views import BREAK, DOT, HARD, MARK, NONE, SPACE, TermView, fold_char, skeleton_key
from precheck.detectors.term_words import DESIGNATORS, INFLECTIONS, is_common

FULL, HEAD = 0, 1
EXACT, WORD, ANY = 0, 1, 2
# Below this many skeleton letters a value is too short to be recognised when
# spelled out letter by letter: "a b c" is more often a list than a name.
MIN_SPACED = 4
TOKEN = re.compile(r"[^\W_]+")
_HOST_LIKE = re.compile(r"[^\W_]\.[^\W_]")
_DIGIT = re.compile(r"\d")
_DESIGNATOR_KEYS = frozenset(skeleton_key(d) for d in DESIGNATORS)
_INFLECTION_KEYS = tuple(sorted(INFLECTIONS, key=len, reverse=True))

CONFIDENCE_FULL = 1.0
CONFIDENCE_DESIGNATED = 0.9
CONFIDENCE_NAME_ONLY = 0.75


@dataclass(frozen=True, slots=True)
class Shape:
    """What the separators of a text may look like for one value (or its head word) to match.

    Offsets are skeleton positions relative to the start of the key.
    """

    token_bounds: frozenset[int]
    dot_bounds: frozenset[int]
    camel_bounds: frozenset[int]
    camel_common: bool
    start_camel: bool
    end: int
    host: bool
    designated: bool = False
    distinctive: bool = False
    own_designators: frozenset[str] = frozenset()


def head_word(value: str, tokens: list[str]) -> str | None:
    """The one word of a multi-word value that may be matched on its own, if any.

    Host names and versioned names ("FleetPulse 3") have none: the other parts
    are what tell them apart from what is public ("FleetPulse 2").
    """
    if len(tokens) < 2 or _DIGIT.search(value) or _HOST_LIKE.search(value):
        return None
    rest = [t for t in tokens if t not in DESIGNATORS]
    if len(rest) == 1:
        return rest[0] if len(rest) < len(tokens) else None
    distinctive = [t for t in rest if not is_common(t)]
    return distinctive[0] if len(distinctive) == 1 else None


@lru_cache(maxsize=65536)
def shape_of(value: str, mode: int, host_kind: bool) -> Shape:
    """Work out a value's separators and endings; only for values the text actually hit."""
    text = normalize(value).text
    pieces = [(m.group(), text[prev.end() if prev else 0:m.start()]) for prev, m in _pairs(TOKEN.finditer(text))]
    words = [w.casefold() for w, _ in pieces]
    host = host_kind or bool(_HOST_LIKE.search(text))
    if mode == HEAD:
        head = head_word(value, [_plain(w) for w in words])
        index = [_plain(w) for w in words].index(head) if head else 0
        pieces = [(pieces[index][0], "")]
        own = frozenset(skeleton_key(w) for w in words if _plain(w) in DESIGNATORS)
        designated = bool(own)
        words = [words[index]]
    else:
        designated, own = False, frozenset()
    token_bounds, dot_bounds, camel_bounds = set(), set(), set()
    offset = 0
    for n, (word, before) in enumerate(pieces):
        if n:
            token_bounds.add(offset)
            if "." in before:
                dot_bounds.add(offset)
        prev = ""
        for c in word:
            if prev and _is_hump(prev, c):
                camel_bounds.add(offset)
            offset += len(fold_char(c))
            prev = c
    first, last = _plain(words[0]), _plain(words[-1])
    if host or words[-1][-1:].isdigit():
        end = EXACT
    elif _distinctive(last):
        end = ANY
    else:
        end = WORD
    camel_common = all(is_common(p) for p in _camel_words(pieces))
    return Shape(
        token_bounds=frozenset(token_bounds), dot_bounds=frozenset(dot_bounds),
        camel_bounds=frozenset(camel_bounds), camel_common=camel_common,
        start_camel=_distinctive(first), end=end, host=host, designated=designated,
        distinctive=mode == HEAD and _distinctive(first), own_designators=own,
    )


def _pairs(matches: Iterable[re.Match[str]]) -> Iterator[tuple[re.Match[str] | None, re.Match[str]]]:
    prev: re.Match[str] | None = None
    for m in matches:
        yield prev, m
        prev = m


def _plain(word: str) -> str:
    return "".join(c for c in word.casefold() if c.isalnum())


def _distinctive(word: str) -> bool:
    return word.isalpha() and not is_common(word) and word not in DESIGNATORS


def _is_hump(prev: str, c: str) -> bool:
    """A camel-case or letter/digit boundary inside one written word."""
    return (prev.islower() and c.isupper()) or (prev.isalpha() != c.isalpha())


def _camel_words(pieces: list[tuple[str, str]]) -> list[str]:
    out = []
    for word, _ in pieces:
        out.extend(p.lower() for p in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+", word))
    return out


def accept(view: TermView, a: int, b: int, shape: Shape) -> tuple[int, int, float] | None:
    """Decide whether skeleton[a:b] is the value as written; returns the span to report."""
    gap = view.gap
    if gap[a] == NONE and not (
        shape.start_camel and view.upper[a] and not view.upper[a - 1] and not view.digit[a - 1]
    ):
        return None
    spaced = False
    for k in range(a + 1, b):
        code = gap[k]
        if code == NONE:
            if k - a in shape.dot_bounds:
                return None
            continue
        if code == HARD:
            return None
        off = k - a
        single = view.run_end[k - 1] - view.run_start[k - 1] == 1 or view.run_end[k] - view.run_start[k] == 1
        if code == BREAK:
            if not single:
                return None
            spaced = True
        elif off in shape.token_bounds:
            if off in shape.dot_bounds and code != DOT and not single:
                return None
        elif off in shape.camel_bounds:
            if code == SPACE and shape.camel_common and not view.upper[k] and not single:
                return None
        elif single:
            spaced = True
        else:
            return None
    if spaced and b - a < MIN_SPACED:
        return None
    return _right(view, a, b, shape, spaced)


def _right(view: TermView, a: int, b: int, shape: Shape, spaced: bool) -> tuple[int, int, float] | None:
    """The end of a match: word boundary, inflection, compound, or a project word."""
    run_end = view.run_end[b - 1]
    rest = view.text[b:run_end]
    designated = False
    if rest:
        if shape.end == ANY or (shape.end == WORD and _is_inflection(view, b, run_end)):
            b = run_end  # the whole written word goes: "DockSensesensoren", "Kestrels"
        elif shape.end == WORD and _is_designator(rest):
            b, designated = run_end, True
        else:
            return None
    elif spaced and view.gap[b] in (SPACE, MARK, DOT) and b < len(view.text) and _run_len(view, b) == 1:
        return None  # "F a l c o n r y": still inside a spelled-out word
    if shape.distinctive or shape.designated:
        return _licence(view, a, b, shape, designated)
    return a, b, CONFIDENCE_FULL


def _licence(view: TermView, a: int, b: int, shape: Shape, designated: bool) -> tuple[int, int, float] | None:
    """A head word alone must be written as a name, and be distinctive or next to a project word.

    The capital is what tells "the Falcon-team" from "het sales-team" when a
    pack lists "Project Falcon" and "Project Sales": both heads are ordinary
    words and both sit next to "team". Lower-case evasion is still caught by
    the whole value ("project falcon").
    """
    if not view.upper[a]:
        return None
    if designated:
        return a, b, CONFIDENCE_DESIGNATED
    if shape.designated:
        # A project word before the name is part of it ("operatie Lantern" is the
        # codename); one after it is only when it is the value's own word
        # ("Falcon project"), so "Kestrel team" becomes "an internal project team".
        if a > 0 and view.gap[a] in (SPACE, MARK) and _is_designator(view.run_text(a - 1)):
            return view.run_start[a - 1], b, CONFIDENCE_DESIGNATED
        if b < len(view.text) and view.gap[b] in (SPACE, MARK):
            after = view.run_text(b)
            if after in shape.own_designators:
                return a, view.run_end[b], CONFIDENCE_DESIGNATED
            if _is_designator(after):
                return a, b, CONFIDENCE_DESIGNATED
    if shape.distinctive:
        return a, b, CONFIDENCE_NAME_ONLY
    return None


def _run_len(view: TermView, i: int) -> int:
    return view.run_end[i] - view.run_start[i]


def _is_inflection(view: TermView, b: int, run_end: int) -> bool:
    if any(view.digit[b:run_end]):
        return False
    return view.text[b:run_end] in INFLECTIONS


def _is_designator(word: str) -> bool:
    if word in _DESIGNATOR_KEYS:
        return True
    return any(word.endswith(e) and word[: -len(e)] in _DESIGNATOR_KEYS for e in _INFLECTION_KEYS)
