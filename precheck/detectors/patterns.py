"""Pattern rules from packs: RE2 regex, then validator, entropy, deny list and context words."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from precheck.core.context import CheckContext
from precheck.core.model import Finding
from precheck.detectors.entropy import shannon
from precheck.detectors.masks import MASKS
from precheck.detectors.validators import VALIDATORS
from precheck.rulepacks.model import PatternRule


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


class PatternDetector:
    """Runs every pattern rule of the active packs over the normalised text."""

    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self, rules: Sequence[PatternRule], detector_id: str = "patterns") -> None:
        self.id = detector_id
        self._rules = tuple(
            _Compiled(r, compile_re2(r.regex, r.ignore_case), tuple(compile_re2(d, True) for d in r.deny))
            for r in rules
        )

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        for compiled in self._rules:
            rule = compiled.rule
            if not rule.meta.applies_to(ctx.channel):
                continue
            if rule.languages is not None and ctx.language not in rule.languages:
                continue
            yield from self._matches(compiled, ctx)

    def _matches(self, compiled: _Compiled, ctx: CheckContext) -> Iterable[Finding]:
        rule, norm = compiled.rule, ctx.norm
        for match in compiled.regex.finditer(norm.text):
            start, end = match.span(rule.group)
            if start < 0 or start == end:
                continue
            value = norm.text[start:end]
            if not _acceptable(compiled, value):
                continue
            confidence = _confidence(rule, ctx, start, end)
            if confidence is None:
                continue
            a, b = norm.to_original(start, end)
            yield rule.meta.make(ctx, a, b, confidence=confidence, suggestions=_suggest(rule, ctx.text[a:b]))


def _acceptable(compiled: _Compiled, value: str) -> bool:
    rule = compiled.rule
    if any(d.search(value) for d in compiled.deny):
        return False
    if rule.validator and not VALIDATORS[rule.validator](value):
        return False
    return rule.min_entropy is None or shannon(value) >= rule.min_entropy


def _confidence(rule: PatternRule, ctx: CheckContext, start: int, end: int) -> float | None:
    """Context words near the match raise confidence; required ones must be there."""
    if rule.context is None:
        return rule.confidence
    window, text = rule.context.window, ctx.norm.text
    around = (text[max(0, start - window):start] + " " + text[end:end + window]).lower()
    if any(word in around for word in rule.context.words):
        return min(1.0, rule.confidence + rule.context.boost)
    return None if rule.context.required else rule.confidence


def _suggest(rule: PatternRule, original: str) -> tuple[str, ...]:
    if rule.replacement is not None:
        return (rule.replacement,)
    if rule.mask:
        return (MASKS[rule.mask](original),)
    return ()
