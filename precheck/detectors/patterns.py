"""Pattern rules from packs: RE2 regex, then validator, entropy, deny list and context words.

Rules see the normalised text (NFKC, zero-width characters removed), so a
key typed in full-width letters or with an invisible character inside is
still found, and every finding maps back to the characters the user typed.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick
import re2

from precheck.core.context import CheckContext
from precheck.core.model import Finding
from precheck.core.normalize import NormalizedText
from precheck.detectors.entropy import looks_like_placeholder, shannon
from precheck.detectors.masks import MASKS
from precheck.detectors.validators import VALIDATORS
from precheck.rulepacks.model import PatternRule

# A run of possible key material (a digit, or a capital inside it) and the gap
# after it: one space or tab, or one line break with optional indentation.
# Fixed internal pattern, so Python's re.
_FRAGMENT_GAP = re.compile(
    r"(?<![A-Za-z0-9_+/=-])([A-Za-z0-9_+/=-]*(?:[0-9]|(?<=[A-Za-z0-9_+/=-])[A-Z])[A-Za-z0-9_+/=-]*)"
    r"([ \t]?\r?\n[ \t]*|[ \t])(?=[A-Za-z0-9_+/=-]{4})"
)
_FRAGMENT = re.compile(r"[A-Za-z0-9_+/=-]+")


def compile_re2(regex: str, ignore_case: bool = False) -> Any:
    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = not ignore_case
    return re2.compile(regex, options)


@dataclass(frozen=True)
class _Compiled:
    rule: PatternRule
    regex: Any
    deny: tuple[Any, ...]


@dataclass(frozen=True)
class _View:
    """The text a rule runs on; ``joins`` are the points where a gap was removed."""

    norm: NormalizedText
    joins: tuple[int, ...] = ()

    def crosses_join(self, start: int, end: int) -> bool:
        return any(start < j < end for j in self.joins)


class PatternDetector:
    """Runs every pattern rule of the active packs over the normalised text.

    A rule with ``keywords`` runs only when one of them occurs in the post;
    one Aho-Corasick pass finds them all, so a hundred rules cost little more
    than the few that can match. ``prefilter`` is on in production; tests
    turn it off to prove that the keyword lists never hide a match.
    """

    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(
        self, rules: Sequence[PatternRule], detector_id: str = "patterns", *, prefilter: bool = True
    ) -> None:
        self.id = detector_id
        self.prefilter = prefilter
        # A deny list is one alternation: one RE2 pass instead of one per entry.
        self._rules = tuple(
            _Compiled(
                r,
                compile_re2(r.regex, r.ignore_case),
                (compile_re2("|".join(f"(?:{d})" for d in r.deny), True),) if r.deny else (),
            )
            for r in rules
        )
        self._keywords = _automaton({k for r in rules for k in r.keywords})

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        present: set[str] | None = None
        joined: _View | bool | None = False
        for compiled in self._rules:
            rule = compiled.rule
            if not rule.meta.applies_to(ctx.channel):
                continue
            if rule.languages is not None and ctx.language not in rule.languages:
                continue
            if self.prefilter and rule.keywords:
                if present is None:
                    present = self._present(ctx.norm.text)
                if present.isdisjoint(rule.keywords):
                    continue
            glued: list[Finding] = []
            if rule.split:
                if joined is False:
                    joined = _joined_view(ctx.norm)
                if isinstance(joined, _View):
                    glued = list(self._matches(compiled, ctx, joined))
            # Where the glued view finds a key, its first half alone is no finding of its own.
            starts = {f.start for f in glued}
            yield from (f for f in self._matches(compiled, ctx, _View(ctx.norm)) if f.start not in starts)
            yield from glued

    def _present(self, text: str) -> set[str]:
        """Keywords in the text, white space ignored so a split key still counts."""
        if self._keywords is None:
            return set()
        squeezed = "".join(text.lower().split())
        return {keyword for _, keyword in self._keywords.iter(squeezed)}

    def _matches(self, compiled: _Compiled, ctx: CheckContext, view: _View) -> Iterable[Finding]:
        rule, norm = compiled.rule, view.norm
        for match in compiled.regex.finditer(norm.text):
            start, end = match.span(rule.group)
            if start < 0 or start == end:
                continue
            if view.joins and not view.crosses_join(start, end):
                continue  # the plain view already reported this one
            value = norm.text[start:end]
            if not _acceptable(compiled, value):
                continue
            confidence = _confidence(rule, norm.text, start, end)
            if confidence is None:
                continue
            a, b = norm.to_original(start, end)
            suggestions = _suggest(rule, ctx.text[a:b], ctx.language)
            yield rule.meta.make(ctx, a, b, confidence=confidence, suggestions=suggestions)


def _automaton(keywords: set[str]) -> Any:
    if not keywords:
        return None
    automaton = ahocorasick.Automaton()
    for keyword in keywords:
        automaton.add_word("".join(keyword.split()), keyword)  # the text is searched without spaces
    automaton.make_automaton()
    return automaton


def _joined_view(norm: NormalizedText) -> _View | None:
    """The text with a gap removed wherever both sides look like key material.

    People split a key over two lines or put a space in it so upload filters
    miss it; the reader simply joins the halves again. A gap is removed only
    when both fragments look like key material, so the words of a sentence
    ("glpat-hellOWorld380 testin") are never glued on.
    Returns None when nothing was joined, so split rules cost nothing extra
    on ordinary posts.
    """
    text = norm.text
    cuts: list[tuple[int, int]] = []
    for gap in _FRAGMENT_GAP.finditer(text):
        after = _FRAGMENT.match(text, gap.end())
        before = gap.group(1)
        if after and (_key_material(before) or _continues_key(before)) and _continues_key(after.group(0)):
            cuts.append(gap.span(2))
    if not cuts:
        return None
    pieces: list[str] = []
    keep: list[int] = []
    joins: list[int] = []
    position = 0
    for cut_start, cut_end in cuts:
        pieces.append(text[position:cut_start])
        keep.extend(range(position, cut_start))
        joins.append(len(keep))
        position = cut_end
    pieces.append(text[position:])
    keep.extend(range(position, len(text)))
    starts = [norm.to_original(i, i + 1)[0] for i in keep]
    ends = [norm.to_original(i, i + 1)[1] for i in keep]
    joined = NormalizedText(norm.original, "".join(pieces), array("q", starts), array("q", ends))
    return _View(joined, tuple(joins))


def _key_material(fragment: str) -> bool:
    """Letters and digits mixed: how every key in two halves starts."""
    return any(c.isdigit() for c in fragment) and any(c.isalpha() for c in fragment)


def _continues_key(fragment: str) -> bool:
    """The second half of a key: random-looking, unlike the next word of a sentence.

    "E4NWL2QX", "Lz0Rb5Tm9Yc3" or "STMMNXNN" continue a key; "testin",
    "Thanks2024" or "Order2024" start the next words.
    """
    if len(fragment) < 4:
        return False
    kinds = ["d" if c.isdigit() else "u" if c.isupper() else "l" if c.islower() else "" for c in fragment]
    switches = sum(1 for a, b in itertools.pairwise(kinds) if a and b and a != b)
    return switches >= 3 or (len(fragment) >= 6 and fragment.isupper())


def _acceptable(compiled: _Compiled, value: str) -> bool:
    """Deny list, validator, then randomness: cheapest rejections first.

    ``min_entropy`` asks for a random-looking value, so it also turns away
    values that are one repeated character or an alphabet run, which can pass
    an entropy threshold while being obvious placeholders.
    """
    rule = compiled.rule
    if any(d.search(value) for d in compiled.deny):
        return False
    if rule.validator and not VALIDATORS[rule.validator](value):
        return False
    if rule.min_entropy is None:
        return True
    return shannon(value) >= rule.min_entropy and not looks_like_placeholder(value)


def _confidence(rule: PatternRule, text: str, start: int, end: int) -> float | None:
    """Context words near the match raise confidence; required ones must be there.

    An ``exclude`` word near the match cancels it: the harmless sense of the word.
    """
    if rule.context is None:
        return rule.confidence
    window = rule.context.window
    around = (text[max(0, start - window):start] + " " + text[end:end + window]).lower()
    if any(word in around for word in rule.context.exclude):
        return None
    if any(word in around for word in rule.context.words):
        return min(1.0, rule.confidence + rule.context.boost)
    return None if rule.context.required else rule.confidence


def _suggest(rule: PatternRule, original: str, language: str) -> tuple[str, ...]:
    replacement = rule.replacement.for_language(language) if rule.replacement else None
    if replacement is not None:
        return (replacement,)
    if rule.mask:
        return (MASKS[rule.mask](original),)
    return ()
