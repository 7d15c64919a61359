"""Sensitive corporate topics: deals, layoffs, security incidents, unannounced launches.

"Merger" in a post is news talk until the writer speaks as an insider:
"I read about the merger of two banks" is fine, "we're in the last phase of
the takeover" is a leak. A trigger counts only when its sentence has an
insider cue (or the post says it is not public) and no sign that it is
already announced or somebody else's news. Words and cues are data in
``resources/lexicons/confidential/{topics,cues}.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.model import Finding
from precheck.detectors.framing import Framing, builtin_meta, shared_cues
from precheck.detectors.lexicon import PhraseSet, Spans, for_language, load_lexicon, sentence_of

_LAST_WORD = re.compile(r"(\w+)\s+$")


@dataclass(frozen=True)
class _Topic:
    """One topic in one language, compiled once."""

    meta: RuleMeta
    triggers: PhraseSet
    harmless: PhraseSet
    replacement: str
    dates: PhraseSet | None = None
    prepositions: frozenset[str] = frozenset()
    needs_secrecy: bool = False

    @classmethod
    def build(cls, kind: str, data: Mapping[str, Any], lang: str) -> _Topic:
        dates = PhraseSet(for_language(data["dates"], lang)) if data.get("needs_date") else None
        return cls(
            meta=builtin_meta(kind, data["message"][lang], data.get("channels")),
            triggers=PhraseSet(for_language(data["triggers"], lang)),
            harmless=PhraseSet(for_language(data.get("harmless"), lang)),
            replacement=data["replacement"][lang],
            dates=dates,
            prepositions=frozenset(data.get("date_prepositions", {}).get(lang, ())),
            needs_secrecy=bool(data.get("needs_secrecy")),
        )


class TopicDetector:
    """Model-free; the trigger scan is one RE2 pass per topic, cues are read only after a hit."""

    id = "topics"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self) -> None:
        data = load_lexicon("topics")
        self._topics = {
            lang: tuple(_Topic.build(kind, spec, lang) for kind, spec in data.items())
            for lang in ("en", "nl")
        }
        self._cues = shared_cues()

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.folded.text
        topics = self._topics.get(ctx.language, self._topics["en"])
        hits = [(t, spans) for t in topics if t.meta.applies_to(ctx.channel) if (spans := t.triggers.spans(text))]
        if not hits:
            return
        framing = self._cues.read(text, ctx.language)
        seen: set[tuple[str, int, int]] = set()
        for topic, spans in hits:
            harmless = Spans(topic.harmless.spans(text))
            for start, end in spans:
                if harmless.covering(start, end):
                    continue
                span = _finding_span(topic, framing, text, start, end)
                if span is None or (topic.meta.kind, *span) in seen:
                    continue
                seen.add((topic.meta.kind, *span))
                a, b = ctx.folded.to_original(*span)
                confidence = 0.9 if framing.secret else 0.8
                yield topic.meta.make(ctx, a, b, confidence=confidence, suggestions=(topic.replacement,))


def _finding_span(
    topic: _Topic, framing: Framing, text: str, start: int, end: int
) -> tuple[int, int] | None:
    """Where the finding goes, or None when the framing says the mention is harmless."""
    sentence = sentence_of(framing.sentences, start)
    if framing.public(sentence) or not framing.insider(sentence):
        return None
    if topic.needs_secrecy and not framing.secret:
        return None
    if topic.dates is None:
        return start, end
    return _date_near(topic, topic.dates, text, sentence, start)


def _date_near(
    topic: _Topic, date_phrases: PhraseSet, text: str, sentence: tuple[int, int], trigger: int
) -> tuple[int, int] | None:
    """The date closest to the trigger in its sentence, with the preposition before it.

    The date is what leaks, so it is what gets replaced: "on 3 March" -> "soon".
    """
    dates = [d for d in date_phrases.spans(text[: sentence[1]]) if d[0] >= sentence[0]]
    if not dates:
        return None
    start, end = min(dates, key=lambda d: abs(d[0] - trigger))
    before = _LAST_WORD.search(text, sentence[0], start)
    if before and before.group(1) in topic.prepositions:
        start = before.start(1)
    return start, end
