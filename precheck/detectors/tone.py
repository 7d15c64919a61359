"""Tone: swearing, insults, slurs, contempt, threats, sarcasm, absolutes and aimed negativity.

Two detectors share the word lists. ``ToneWordsDetector`` needs no model, so
a swear word shows within milliseconds. ``ToneTargetDetector`` decides what
a word is aimed at ("our customers are clueless") and whether an "always" is
a complaint; in English it reads the dependency parse, and it asks for that
parse only when such a word occurs, so most posts are never parsed for tone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from functools import cache

from precheck.core.context import CheckContext
from precheck.core.detector import RuleMeta
from precheck.core.model import Category, Finding, Severity
from precheck.core.safer import Edit
from precheck.detectors.lexicon import load_lexicon
from precheck.detectors.phrases import Hit
from precheck.detectors.shouting import case_fixed, shouted_run
from precheck.detectors.suggest import compose, fit_case, join_fixed, replacement_for
from precheck.detectors.tone_view import ToneView
from precheck.detectors.tone_words import ToneWords
from precheck.rulepacks.model import Phrase

# Per finding kind and post language (resources/lexicons/messages/tone.yaml).
MESSAGES: dict[str, dict[str, str]] = load_lexicon("tone", "messages")
_ABSORBS = ("insult", "contempt", "slur")
_EXCLAIMS = ("wat een ", "what a ", "what an ", "such a ", "such an ")
_NEUTRAL = {"en": "what a situation", "nl": "wat een situatie"}
_CALM = {"en": "this frustrates me", "nl": "dit frustreert me"}
_CLAUSE_MARKS = ".,;:!?…()–—\n"
# Markers this many sentences apart are one remark: irony runs on into the next sentence,
# "I know where you live, so watch out" is one threat.
_CLUSTERED = {"sarcasm": 1, "aggression": 0}


@cache
def meta(kind: str, severity: Severity) -> RuleMeta:
    return RuleMeta.worded(f"builtin/tone-{kind.replace('_', '-')}", Category.TONE, kind, severity, MESSAGES[kind])


def weigh(strength: int, aimed: bool) -> tuple[Severity, float]:
    """Stronger words and words aimed at someone weigh more; mild ones alone are only a note."""
    level = min(3, strength + (1 if aimed else 0))
    return (Severity.INFO if level <= 1 else Severity.WARN), min(1.0, 0.55 + 0.1 * level + (0.1 if aimed else 0))


def finding(ctx: CheckContext, view: ToneView, kind: str, span: tuple[int, int],
            phrase: Phrase | None, aimed: bool, replacement: str | None = None) -> Finding:
    start, end = span
    strength = phrase.strength if phrase else 2
    severity, confidence = weigh(strength, aimed)
    if replacement is None and phrase is not None:
        replacement = replacement_for(phrase, ctx.text[start:end])
    suggestions = ()
    if replacement is not None:
        at_start = view.segments.is_sentence_start(start)
        suggestions = (fit_case(replacement, ctx.text[start:end], at_start),)
    return meta(kind, severity).make(ctx, start, end, confidence=confidence, suggestions=suggestions)


class ToneWordsDetector:
    """Word-list tone findings; no model, so they show before the NLP pass ends."""

    id = "tone-words"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self, words: Mapping[str, ToneWords]) -> None:
        self._words = words

    def detect(self, ctx: CheckContext) -> list[Finding]:
        words = self._words.get(ctx.language) or self._words["en"]
        view = ToneView(ctx, words)
        out, grouped = [], {kind: [] for kind in _CLUSTERED}
        for hit in view.found:
            kind, phrase = hit.item
            if kind in _CLUSTERED:
                grouped[kind].append(hit)
            elif kind != "absolute":
                start = _absorb(view, hit.start) if kind in _ABSORBS else hit.start
                aimed = view.target_near(start, hit.end) is not None
                exclaims = kind in _ABSORBS and _exclamation(ctx.text, start, hit.end)
                found = finding(ctx, view, kind, (start, hit.end), phrase, aimed, "" if exclaims else None)
                if exclaims:  # should removing it empty the post, a neutral exclamation stands in
                    found = _with_stand_in(found, ctx, view, _NEUTRAL)
                out.append(_in_capitals(found, ctx, view))
        for kind, reach in _CLUSTERED.items():
            out.extend(_clustered(ctx, view, kind, grouped[kind], reach))
        return _outermost(out)


class ToneTargetDetector:
    """Evaluative words aimed at people, absolutes in complaints, and parsed threats.

    One instance per language: English reads the dependency parse, so it needs
    the parser; Dutch weighs proximity, needs no model and so also answers in
    the fast tier.
    """

    scope = "chunk"

    def __init__(self, words: Mapping[str, ToneWords], language: str) -> None:
        self._words, self.language = words, language
        self.id = f"tone-targets-{language}"
        self.requires: frozenset[str] = frozenset({"parser"}) if language == "en" else frozenset()

    def detect(self, ctx: CheckContext) -> list[Finding]:
        if ctx.language != self.language or ctx.language not in self._words:
            return []
        words = self._words[ctx.language]
        view = ToneView(ctx, words, parse=bool(self.requires))
        aimed = [(hit, view.aimed_at(hit.start, hit.end)) for hit in view.hits(words.negative)]
        out = list(_aimed(ctx, view, [(hit, group) for hit, group in aimed if group is not None]))
        for hit in view.found:
            if hit.item[0] == "absolute" and view.complains(hit.start, hit.end):
                out.append(finding(ctx, view, "absolute", (hit.start, hit.end), hit.item[1], False))
        verbs = view.hits(words.violent_verb) if ctx.language == "en" else []
        for span in view.threats(verbs) if verbs else ():
            threat = finding(ctx, view, "aggression", _whole_clauses(view, *span), None, True, replacement="")
            out.append(_with_stand_in(threat, ctx, view, _CALM))
        return out


def _aimed(ctx: CheckContext, view: ToneView, hits: list[tuple[Hit, str]]) -> Iterator[Finding]:
    """Judgements of one group in one clause are one remark: "useless and clueless"."""
    groups: list[list[tuple[Hit, str]]] = []
    for hit, group in hits:
        last = groups[-1][-1] if groups else None
        if last and last[1] == group and view.clause(last[0].start) == view.clause(hit.start):
            groups[-1].append((hit, group))
        else:
            groups.append([(hit, group)])
    for members in groups:
        start, end = members[0][0].start, members[-1][0].end
        phrases = [h.item[1] for h, _ in members]
        edits = [Edit(h.start, h.end, replacement_for(h.item[1], ctx.text[h.start:h.end]) or "") for h, _ in members]
        replacement = compose(ctx.text, start, end, edits) if len(members) > 1 else None
        yield finding(ctx, view, f"{members[0][1]}_disparagement", (start, end),
                      max(phrases, key=lambda p: p.strength), True, replacement=replacement)


def _whole_clauses(view: ToneView, start: int, end: int) -> tuple[int, int]:
    """From the start of the first clause to the end of the last, without the closing mark."""
    a, b = view.clause(start)[0], view.clause(max(start, end - 1))[1]
    while b > a and view.ctx.text[b - 1] in ".,;:!?":
        b -= 1
    return min(a, start), max(b, end)


def _exclamation(text: str, start: int, end: int) -> bool:
    """"wat een prutsers" / "what a bunch of clowns" standing as a clause of its own says nothing
    but the insult, so it goes as a whole; a neutral word in its place would read oddly."""
    if not text[start:end].lower().startswith(_EXCLAIMS):
        return False
    before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
    return (not before or before[-1] in _CLAUSE_MARKS) and (not after or after[0] in _CLAUSE_MARKS)


def _with_stand_in(found: Finding, ctx: CheckContext, view: ToneView, words: dict[str, str]) -> Finding:
    """A removal's second suggestion: what the safer text says should removing leave nothing."""
    stand_in = fit_case(words.get(ctx.language, words["en"]), "", view.segments.is_sentence_start(found.start))
    return dataclasses.replace(found, suggestions=(*found.suggestions, stand_in))


def _in_capitals(found: Finding, ctx: CheckContext, view: ToneView) -> Finding:
    """A word fixed inside a run of capitals ("SO STUPID") takes the run with it, case-fixed,
    so the shouting around the replacement does not stay behind."""
    if not found.suggestions:
        return found
    run = shouted_run(ctx.text, found.start, found.end)
    if run is None:
        return found
    a, b = run
    cased = case_fixed(ctx.text, view.segments, ctx.language, view.hits(view.words.acronym))
    text = join_fixed([cased(a, found.start), found.suggestions[0], cased(found.end, b)])
    return dataclasses.replace(found, start=a, end=b, text=ctx.text[a:b], suggestions=(text,))


def _outermost(found: list[Finding]) -> list[Finding]:
    """A word inside a longer tone finding ("fucking" in "a bunch of fucking clowns") is part of it."""
    return [f for f in found if not any(o is not f and o.start <= f.start and f.end <= o.end
                                        and o.length > f.length for o in found)]


def _absorb(view: ToneView, start: int) -> int:
    """Pull "a complete", "bunch of", "stelletje" in front of an insult into its span."""
    ends = {h.end: h.start for h in view.context["group"]}
    text = view.ctx.text
    while True:
        at = start
        while at > 0 and text[at - 1] == " ":
            at -= 1
        if at == start or at not in ends:
            return start
        start = ends[at]


def _clustered(ctx: CheckContext, view: ToneView, kind: str, hits: list[Hit], reach: int) -> Iterator[Finding]:
    """One finding per cluster of markers, whose suggestion applies every marker's replacement."""
    for group in _clusters(view, hits, reach):
        start, end = group[0].start, group[-1].end
        strongest = max(group, key=lambda h: h.item[1].strength).item[1]
        if kind == "aggression":  # a threat is not softened word by word: it goes, with its clause
            yield _with_stand_in(finding(ctx, view, kind, _whole_clauses(view, start, end), strongest, True,
                                         replacement=""), ctx, view, _CALM)
            continue
        edits = [Edit(h.start, h.end, replacement_for(h.item[1], ctx.text[h.start:h.end]) or "") for h in group]
        aimed = view.target_near(start, end) is not None
        yield finding(ctx, view, kind, (start, end), strongest, aimed,
                      replacement=compose(ctx.text, start, end, edits))


def _clusters(view: ToneView, hits: list[Hit], reach: int) -> list[list[Hit]]:
    groups: list[list[Hit]] = []
    index = view.segments.sentence_index
    for hit in hits:
        if groups and index(hit.start) - index(groups[-1][-1].end) <= reach:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    return groups
