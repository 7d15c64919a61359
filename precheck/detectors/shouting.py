"""Shouting in capitals and agitated punctuation, without a model.

Capitals are shouting when they carry words, not names: "THIS IS UNACCEPTABLE"
is, "the NATO KPI review" is not. Acronyms come from the word lists; a lone
word counts only if it is an ordinary word (checked against the shipped
common-word list) or one of the short words people shout ("STOP").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.model import Category, Finding, Severity
from precheck.detectors.lexicon import load_lexicon
from precheck.detectors.segments import Segments
from precheck.detectors.tone_words import ToneWords

_MESSAGES = load_lexicon("tone", "messages")
SHOUTING = RuleMeta.worded("builtin/tone-shouting", Category.TONE, "shouting", Severity.WARN, _MESSAGES["shouting"])
PUNCTUATION = RuleMeta.worded("builtin/tone-excessive-punctuation", Category.TONE, "excessive_punctuation",
                              Severity.WARN, _MESSAGES["excessive_punctuation"])

_TOKEN = re.compile(r"[#@]?[^\W_](?:[\w'’&-]*[^\W_])?")
# A word of capitals (digits allowed, not first), not glued to a lower-case word, hashtag or handle.
_UPPER = re.compile(r"(?<![\w#@'’&-])[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9'’&]*(?:-[A-ZÀ-ÖØ-Þ0-9]+)*(?![\w'’&-])")
_PUNCT = re.compile(r"[!?]{3,}")
_MANY = re.compile(r"([!?])[!?]+")
MIN_RUN_LETTERS = 6
_WORD_FIXES = ("profanity", "insult", "slur", "contempt")
MAX_GAP = 12


class ShoutingDetector:
    id = "shouting"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self, words: Mapping[str, ToneWords], common: Callable[[str], bool] | None = None) -> None:
        self._words = words
        self._common = common or common_word

    def detect(self, ctx: CheckContext) -> list[Finding]:
        text = ctx.text
        out = list(_punctuation(ctx))
        if not any(c.isupper() for c in text):
            return out
        acronyms = self._acronym_spans(text)
        segments = Segments(text)
        for start, end, words in _runs(text):
            shouted = [w for w in words if w not in acronyms and not any(c.isdigit() for c in text[w[0]:w[1]])]
            severity = self._loudness(text, shouted)
            if severity is not None and not _in_code(text, start):
                fixed = self._with_word_fixes(ctx, (start, end), acronyms, segments)
                meta = replace(SHOUTING, severity=severity)
                out.append(meta.make(ctx, start, end, confidence=0.85, suggestions=(fixed,)))
        return out

    def _with_word_fixes(self, ctx: CheckContext, span: tuple[int, int], acronyms: set[tuple[int, int]],
                         segments: Segments) -> str:
        """The run in sentence case, with the softer word in place of a swear word or insult inside
        it: the tone finding for that word overlaps this one and only one of them is kept."""
        from precheck.detectors.suggest import join_fixed, replacement_for

        start, end = span
        words = self._words.get(ctx.language) or self._words["en"]
        out, at = [], start
        for hit in words.findings.find(ctx.norm.text):
            a, b = ctx.norm.to_original(hit.start, hit.end)
            kind, phrase = hit.item
            replacement = replacement_for(phrase, ctx.text[a:b]) if kind in _WORD_FIXES else None
            if a < at or b > end or not replacement:
                continue
            out += [_sentence_case(ctx.text, at, a, acronyms, segments, ctx.language), replacement]
            at = b
        out.append(_sentence_case(ctx.text, at, end, acronyms, segments, ctx.language))
        return join_fixed(out) if len(out) > 1 else out[0]

    def _acronym_spans(self, text: str) -> set[tuple[int, int]]:
        spans = set()
        for words in self._words.values():
            spans.update((h.start, h.end) for h in words.acronym.find(text))
        return spans

    def _loudness(self, text: str, words: list[tuple[int, int]]) -> Severity | None:
        """Three capitalised words are a raised voice, two need a shouted word ("STOP IT"),
        and one ordinary word alone is emphasis: noted, not flagged for review."""
        letters = sum(sum(c.isalpha() for c in text[a:b]) for a, b in words)
        shouts = [w for w in words if self._shout_word(text[w[0]:w[1]].lower())]
        if len(words) >= 3 and letters >= MIN_RUN_LETTERS:
            return Severity.WARN
        if len(words) == 2 and shouts:
            return Severity.WARN
        if len(words) != 1 or _is_label(text, *words[0]) or letters < 3:
            return None
        if shouts:
            return Severity.WARN
        return Severity.INFO if letters >= 5 and self._common(text[words[0][0]:words[0][1]].lower()) else None

    def _shout_word(self, word: str) -> bool:
        return any(w.shout_word.search(word) for w in self._words.values())


def _runs(text: str) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """Maximal stretches of capitalised words, with digits and punctuation allowed in between."""
    words: list[tuple[int, int]] = []
    for match in _UPPER.finditer(text):
        if words and not _joined(text, words[-1][1], match.start()):
            yield words[0][0], words[-1][1], words
            words = []
        words.append(match.span())
    if words:
        yield words[0][0], words[-1][1], words


def _joined(text: str, end: int, start: int) -> bool:
    """Words of one run are separated by spaces, punctuation or numbers, never by a word or a line."""
    gap = text[end:start]
    return len(gap) <= MAX_GAP and "\n" not in gap and not any(c.isalpha() for c in gap)


def _in_code(text: str, position: int) -> bool:
    """Key blocks and markup ("-----BEGIN PRIVATE KEY-----") are written in capitals by convention."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    return any(mark in line for mark in ("---", "===", "```"))


def _is_label(text: str, start: int, end: int) -> bool:
    """"UPDATE:" at the head of a line is a label, not a raised voice."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end:end + 1] == ":"


def _sentence_case(text: str, start: int, end: int, acronyms: set[tuple[int, int]],
                   segments: Segments, language: str) -> str:
    chars = list(text[start:end].lower())
    for a, b in acronyms:
        if start <= a and b <= end:
            chars[a - start:b - start] = text[a:b]
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        at = match.start()
        if segments.is_sentence_start(at) or (language == "en" and word in ("I", "I'M", "I'LL", "I'VE", "I'D")):
            chars[at - start] = text[at]
    return _MANY.sub(r"\1", "".join(chars))


def shouted_run(text: str, start: int, end: int, reach: int = 200) -> tuple[int, int] | None:
    """The run of capitalised words around ``text[start:end]`` when that span is itself in
    capitals and the run is longer, else None; only the neighbourhood is scanned."""
    letters = [c for c in text[start:end] if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return None
    lo = max(0, start - reach)
    for a, b, _ in _runs(text[lo:min(len(text), end + reach)]):
        a, b = a + lo, b + lo
        if a <= start and end <= b:
            return (min(a, start), max(b, end)) if (a, b) != (start, end) else None
        if a >= end:
            break
    return None


def case_fixed(text: str, segments: Segments, language: str,
               acronyms: Iterable[Any] = ()) -> Callable[[int, int], str]:
    """``text[a:b]`` in sentence case, for composing a case fix around another fix."""
    spans = {(h.start, h.end) for h in acronyms}
    return lambda a, b: _sentence_case(text, a, b, spans, segments, language) if a < b else ""


def _punctuation(ctx: CheckContext) -> Iterator[Finding]:
    """Three or more of "!" and "?" in a row; "?!" and "!!" are ordinary emphasis."""
    for match in _PUNCT.finditer(ctx.text):
        mark = "?" if "?" in match.group() else "!"
        yield PUNCTUATION.make(ctx, match.start(), match.end(), confidence=0.8, suggestions=(mark,))


def common_word(word: str) -> bool:
    """An ordinary English or Dutch word of five letters or more (shipped frequency list)."""
    try:
        from precheck.detectors.term_words import common_words
    except ImportError:  # pragma: no cover - the list ships with the confidential detectors
        return False
    return word in common_words()
