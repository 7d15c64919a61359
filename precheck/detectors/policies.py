"""Code-of-conduct policies from packs: a closed set of conditions evaluated on the whole post.

A policy starts from trigger phrases or from other detectors' findings (a
competitor's name), may need a cue nearby (an employer word, a jibe, a future
tense), is lifted by a phrase anywhere in the post (a disclaimer, "#ad"), and
suggests a replacement, a removal or an addition. Policies run at document
scope because they weigh findings of the chunk detectors (``ctx.findings``)
and because a disclaimer at the end covers the whole post.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from precheck.core.context import CheckContext
from precheck.core.model import Finding
from precheck.core.safer import Edit
from precheck.detectors.phrases import PhraseSet
from precheck.detectors.segments import Segments
from precheck.detectors.suggest import compose, fit_case
from precheck.rulepacks.model import Phrase, PolicyRule

Span = tuple[int, int]
_TERMINAL = ".!?…"


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    phrase: Phrase | None = None
    suggestion: str | None = None
    cue: bool = False


@dataclass
class _Compiled:
    rule: PolicyRule
    phrases: dict[str, PhraseSet[Phrase]] = field(default_factory=dict)
    near: dict[str, PhraseSet[Phrase]] = field(default_factory=dict)
    unless: dict[str, PhraseSet[Phrase]] = field(default_factory=dict)

    @classmethod
    def of(cls, rule: PolicyRule) -> _Compiled:
        def sets(pairs: tuple[tuple[str, tuple[Phrase, ...]], ...]) -> dict[str, PhraseSet[Phrase]]:
            return {lang: PhraseSet([(p.term, p) for p in phrases]) for lang, phrases in pairs}
        return cls(rule, sets(rule.phrases), sets(rule.near), sets(rule.unless))


class PolicyDetector:
    """Every policy of the active packs, on the whole post."""

    id = "policies"
    requires: frozenset[str] = frozenset()
    scope = "document"

    def __init__(self, rules: Sequence[PolicyRule]) -> None:
        self._rules = [_Compiled.of(rule) for rule in rules]

    def detect(self, ctx: CheckContext) -> list[Finding]:
        if not self._rules or not ctx.text.strip():
            return []
        post = _Post(ctx)
        return [f for compiled in self._rules if _applies(compiled.rule, ctx) for f in post.evaluate(compiled)]


def _applies(rule: PolicyRule, ctx: CheckContext) -> bool:
    return rule.meta.applies_to(ctx.channel) and (rule.languages is None or ctx.language in rule.languages)


class _Post:
    def __init__(self, ctx: CheckContext) -> None:
        self.ctx, self.text = ctx, ctx.text
        self.segments = Segments(ctx.text)
        self._cache_key: int | None = None
        self._cache_starts: list[int] = []

    def spans(self, phrases: PhraseSet[Phrase] | None) -> list[Trigger]:
        """Matched on the text as typed: a policy is not dodged with look-alike letters the way
        a swear filter is, and normalising the whole post again would cost the fast tier ~1 ms."""
        if phrases is None:
            return []
        return [Trigger(h.start, h.end, phrase=h.item) for h in phrases.find(self.text)]

    def findings_of(self, names: frozenset[str]) -> list[Trigger]:
        return [Trigger(f.start, f.end, suggestion=f.suggestions[0] if f.suggestions else None)
                for f in self.ctx.findings if f.kind in names or f.category.value in names]

    def evaluate(self, compiled: _Compiled) -> list[Finding]:
        rule, lang = compiled.rule, self.ctx.language
        triggers = self.spans(compiled.phrases.get(lang)) + self.findings_of(rule.on_findings)
        if not triggers or self.spans(compiled.unless.get(lang)):
            return []
        cues = sorted(self.spans(compiled.near.get(lang)) + self.findings_of(rule.near_findings),
                      key=lambda c: c.start)
        needs_cue = bool(rule.near or rule.near_findings)
        chosen: list[tuple[Span, Trigger, Trigger | None]] = []
        for trigger in sorted(triggers, key=lambda t: (t.start, -t.end)):
            cue = self._cue(trigger, cues, rule.window) if needs_cue else None
            if needs_cue and cue is None:
                continue
            span = self._extend(trigger, cue, rule.extend)
            if not chosen or span[0] >= chosen[-1][0][1]:  # triggers come in text order
                chosen.append((span, trigger, cue))
        if rule.once and chosen:
            chosen = chosen[-1:]
        return [self._finding(rule, group) for group in self._per_sentence(rule, chosen)]

    def _per_sentence(self, rule: PolicyRule, chosen: list) -> list[list[tuple[Span, Trigger]]]:
        """Phrase-sized hits of one policy in one sentence are one breach ("I guarantee ... 100%").

        A cue that carries its own fix (the insult next to a competitor's name) joins the group,
        so the suggestion cures the whole remark, not only the name.
        """
        groups: list[list[tuple[Span, Trigger]]] = []
        index = self.segments.sentence_index
        for span, trigger, cue in chosen:
            members = [(span, trigger)]
            if rule.extend == "to_cue" and cue is not None and cue.suggestion is not None:
                members = sorted([(span, trigger), (span, replace(cue, cue=True))], key=lambda m: m[1].start)
            if groups and rule.extend == "none" and index(groups[-1][-1][0][0]) == index(span[0]):
                groups[-1].extend(members)
            else:
                groups.append(members)
        return groups

    def _cue(self, trigger: Trigger, cues: list[Trigger], window: str) -> Trigger | None:
        """The nearest cue in the window (``cues`` is sorted by start)."""
        starts = [c.start for c in cues] if len(cues) < 64 else self._starts(cues)
        inside = []
        for lo, hi in self._window(trigger.start, window):
            for cue in cues[bisect.bisect_left(starts, lo):bisect.bisect_right(starts, hi)]:
                if cue.end <= hi and (cue.start, cue.end) != (trigger.start, trigger.end):
                    inside.append(cue)
        if not inside:
            return None
        return min(inside, key=lambda c: (min(abs(c.start - trigger.end), abs(trigger.start - c.end)), c.start - c.end))

    def _starts(self, cues: list[Trigger]) -> list[int]:
        key = id(cues)
        if self._cache_key != key:
            self._cache_key, self._cache_starts = key, [c.start for c in cues]
        return self._cache_starts

    def _window(self, position: int, window: str) -> list[Span]:
        """Where a cue may stand; "part_and_next" is the trigger's part of the sentence and the next
        sentence, which is where "They're a joke." points back to a name."""
        seg = self.segments
        if window == "post":
            return [(0, len(self.text))]
        if window in ("clause", "part", "sentence"):
            return [seg.around(position, window)]
        sentences, index = seg.sentences, seg.sentence_index(position)
        nxt = sentences[min(index + 1, len(sentences) - 1)]
        if window == "part_and_next":
            return [seg.around(position, "part"), nxt]
        return [(sentences[max(index - 1, 0)][0], nxt[1])]

    def _extend(self, trigger: Trigger, cue: Trigger | None, extend: str) -> Span:
        if extend == "to_cue" and cue is not None:
            return min(trigger.start, cue.start), max(trigger.end, cue.end)
        if extend == "clause":
            a, b = self.segments.around(trigger.start, "clause")
            while b > a and self.text[b - 1] in ",;:" + _TERMINAL:
                b -= 1
            return min(a, trigger.start), max(b, trigger.end)
        if extend in ("sentence", "rest_of_sentence"):
            a, b = self.segments.around(trigger.start, "sentence")
            return (trigger.start if extend == "rest_of_sentence" else a), max(b, trigger.end)
        return trigger.start, trigger.end

    def _finding(self, rule: PolicyRule, group: list[tuple[Span, Trigger]]) -> Finding:
        start, end = min(span[0] for span, _ in group), max(span[1] for span, _ in group)
        suggestion = self._suggestion(rule, (start, end), [trigger for _, trigger in group])
        suggestions = () if suggestion is None else (suggestion,)
        own = dict(rule.text).get(self.ctx.language)
        if rule.suggest == "remove" and own:  # what the safer text uses should removing empty the post
            suggestions += (fit_case(own, self.text[start:end], self.segments.is_sentence_start(start)),)
        return rule.meta.make(self.ctx, start, end, confidence=rule.confidence, suggestions=suggestions)

    def _suggestion(self, rule: PolicyRule, span: Span, triggers: list[Trigger]) -> str | None:
        start, end = span
        own = dict(rule.text).get(self.ctx.language)
        if rule.suggest == "remove":
            return ""
        if rule.suggest == "append" and own:
            body = self.text[start:end]
            glue = " " if body[-1:] in _TERMINAL or not body[-1:].isalnum() else ". "
            return body + glue + own
        if rule.suggest != "replace":
            return None
        edits = [edit for edit in (self._replace(t, own) for t in triggers) if edit is not None]
        return compose(self.text, start, end, edits) if edits else None

    def _replace(self, trigger: Trigger, own: str | None) -> Edit | None:
        """The trigger phrase's own replacement, else the policy's text, else the trigger finding's."""
        options = [trigger.phrase.replacement if trigger.phrase is not None else None]
        options += [trigger.suggestion] if trigger.cue else [own, trigger.suggestion]
        replacement = next((option for option in options if option is not None), None)
        if replacement is None:
            return None
        at_start = self.segments.is_sentence_start(trigger.start)
        return Edit(trigger.start, trigger.end, fit_case(replacement, self.text[trigger.start:trigger.end], at_start))

