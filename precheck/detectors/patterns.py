"""Pattern rules from packs: RE2 regex, then validator, entropy, deny list and context words.

Rules see the normalised text (NFKC, zero-width characters removed), so a
key typed in full-width letters or with an invisible character inside is
still found, and every finding maps back to the characters the user typed.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from precheck.core.context import CheckContext
from precheck.core.model import Finding
from precheck.core.normalize import NormalizedText
from precheck.detectors.entropy import looks_like_placeholder, shannon
from precheck.detectors.masks import MASKS
from precheck.detectors.validators import VALIDATORS
from precheck.rulepacks.model import PatternRule

# A run of key material and the gap after it: one space or tab, or one line
# break with optional indentation. Fixed internal pattern, so Python's re.
_FRAGMENT_GAP = re.compile(r"([A-Za-z0-9_+/=-]+)([ \t]?\r?\n[ \t]*|[ \t])(?=[A-Za-z0-9_+/=-])")
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

    ``prefilter`` is on in production; tests turn it off to prove that the
    keyword lists never hide a match the regex alone would find.
    """

    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(
        self, rules: Sequence[PatternRule], detector_id: str = "patterns", *, prefilter: bool = True
    ) -> None:
        self.id = detector_id
        self.prefilter = prefilter
        self._rules = tuple(
            _Compiled(
                r, compile_re2(r.regex, r.ignore_case), tuple(compile_re2(d, True) for d in r.deny)
            )
            for r in rules
        )

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        lowered: str | None = None
        joined: _View | bool | None = False
        for compiled in self._rules:
            rule = compiled.rule
            if not rule.meta.applies_to(ctx.channel):
                continue
            if rule.languages is not None and ctx.language not in rule.languages:
                continue
            if lowered is None:
                lowered = ctx.norm.text.lower()
            if rule.split and joined is False:
                joined = _joined_view(ctx.norm)
            if self.prefilter and rule.keywords and not _mentions(rule.keywords, lowered, joined):
                continue
            yield from self._matches(compiled, ctx, _View(ctx.norm))
            if rule.split and isinstance(joined, _View):
                yield from self._matches(compiled, ctx, joined)

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
            suggestions = _suggest(rule, ctx.text[a:b])
            yield rule.meta.make(ctx, a, b, confidence=confidence, suggestions=suggestions)


def _mentions(keywords: tuple[str, ...], lowered: str, joined: _View | bool | None) -> bool:
    if any(k in lowered for k in keywords):
        return True
    if isinstance(joined, _View):
        text = joined.norm.text.lower()
        return any(k in text for k in keywords)
    return False


def _joined_view(norm: NormalizedText) -> _View | None:
    """The text with a gap removed wherever both sides look like key material.

    People split a key over two lines or put a space in it so upload filters
    miss it; the reader simply joins the halves again. A gap is removed only
    when the fragment before mixes letters and digits and the one after looks
    like key material too, so the words of a sentence ("glpat-hellOWorld380
    testin") are never glued together.
    Returns None when nothing was joined, so split rules cost nothing extra
    on ordinary posts.
    """
    text = norm.text
    cuts: list[tuple[int, int]] = []
    for gap in _FRAGMENT_GAP.finditer(text):
        after = _FRAGMENT.match(text, gap.end())
        if after and _key_material(gap.group(1)) and _continues_key(after.group(0)):
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
    """The second half of a key: digits, or capitals where a word has none.

    "E4NWL2QX" and "STMMNXNN" continue a key; "testin", "Thanks" or "is"
    start the next words of the sentence.
    """
    if len(fragment) < 4:
        return False
    if _key_material(fragment):
        return True
    upper = [i for i, c in enumerate(fragment) if c.isupper()]
    return len(upper) >= 2 and (len(upper) == len(fragment) or upper[-1] > 0)


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


def _suggest(rule: PatternRule, original: str) -> tuple[str, ...]:
    if rule.replacement is not None:
        return (rule.replacement,)
    if rule.mask:
        return (MASKS[rule.mask](original),)
    return ()
