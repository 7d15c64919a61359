"""The detector protocol and the rule metadata every finding is made from."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from precheck.core.context import CheckContext
from precheck.core.model import Category, Finding, Severity

Scope = Literal["chunk", "document"]
# A message for posts in every language, or one text per language ("en", "nl").
Texts = str | Mapping[str, str]
DEFAULT_LANGUAGE = "en"


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
    """What a rule says about its findings, whether it comes from a pack or is built in.

    ``message`` is the English (or only) text; ``translations`` hold the text per
    post language, so a Dutch post is explained in Dutch. A language without a
    translation gets ``message``.
    """

    rule: str
    category: Category
    kind: str
    severity: Severity
    message: str
    channels: frozenset[str] | None = None
    trial: bool = False
    translations: tuple[tuple[str, str], ...] = ()

    @classmethod
    def worded(
        cls, rule: str, category: Category, kind: str, severity: Severity, message: Texts,
        channels: frozenset[str] | None = None,
    ) -> RuleMeta:
        """A rule whose message is data: one text, or ``{en: ..., nl: ...}``."""
        default, translations = split_texts(message)
        return cls(rule, category, kind, severity, default, channels, translations=translations)

    def message_for(self, language: str) -> str:
        return next((text for lang, text in self.translations if lang == language), self.message)

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
            message=self.message_for(ctx.language),
            rule=self.rule,
            confidence=round(min(max(confidence, 0.0), 1.0), 3),
            suggestions=suggestions,
            trial=self.trial,
        )


def split_texts(texts: Texts) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The fallback text (English, else the first given) and the texts per language."""
    if isinstance(texts, str):
        return texts, ()
    pairs = tuple((str(lang), str(text)) for lang, text in texts.items())
    if not pairs:
        raise ValueError("a message needs a text in at least one language")
    return dict(pairs).get(DEFAULT_LANGUAGE, pairs[0][1]), pairs
