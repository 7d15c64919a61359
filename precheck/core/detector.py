"""The detector protocol and the rule metadata every finding is made from."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, Protocol

from precheck.core.context import CheckContext
from precheck.core.model import Category, Finding, Severity

Scope = Literal["chunk", "document"]


class Detector(Protocol):
    """A family of checks.

    ``requires`` names the NLP annotations it needs ("ner", "parser", "tagger",
    "lemma"); an empty set puts it in the model-free tier, whose findings are
    shown before the NLP pass ends. ``scope`` "chunk" detectors see one
    paragraph-sized chunk at a time (and are cached per chunk); "document"
    detectors see the whole draft and must be cheap.
    """

    id: str
    requires: frozenset[str]
    scope: Scope

    def detect(self, ctx: CheckContext) -> Iterable[Finding]: ...


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """What a rule says about its findings, whether it comes from a pack or is built in."""

    rule: str
    category: Category
    kind: str
    severity: Severity
    message: str
    channels: frozenset[str] | None = None
    trial: bool = False

    def applies_to(self, channel: str) -> bool:
        return self.channels is None or channel in self.channels

    def make(
        self,
        ctx: CheckContext,
        start: int,
        end: int,
        *,
        confidence: float = 1.0,
        suggestions: tuple[str, ...] = (),
    ) -> Finding:
        """A finding on ``ctx.text[start:end]`` (original offsets)."""
        return Finding(
            category=self.category,
            kind=self.kind,
            severity=self.severity,
            start=start,
            end=end,
            text=ctx.text[start:end],
            message=self.message,
            rule=self.rule,
            confidence=round(min(max(confidence, 0.0), 1.0), 3),
            suggestions=suggestions,
            trial=self.trial,
        )
