"""Unannounced business figures: an amount near a financial word, told by an insider.

A number alone says nothing; "€386 million" next to "revenue" in a post
that says "between us" is a leak of price-sensitive results. Published
results ("our annual report is out") and personal forecasts ("I expect we'll
grow 25%", the forward-looking-statement rule's business) are left alone.
The words live in ``resources/lexicons/confidential/figures.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import re2

from precheck.core.context import CheckContext
from precheck.core.model import Finding
from precheck.core.normalize import NormalizedText
from precheck.detectors.framing import builtin_meta, shared_cues
from precheck.detectors.lexicon import PhraseSet, Spans, for_language, load_lexicon, sentence_of

_NUM = r"\d+(?:[.,]\d+)*"
# Words between two places; "1.200" and "3,4" are one word, not two.
_WORDS = re.compile(r"\w+(?:[.,'’]\w+)*")
# After a bare number: a time, a date or a unit, so it is not a count of anything.
_NOT_A_COUNT = re.compile(r"\s?(?:[:/-]\d|[a-z]{2,12}\b)")
_NER_KINDS = {"MONEY": "money", "PERCENT": "percent", "CARDINAL": "count"}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in the folded text: ``kind`` is money, percent, multiple or count."""

    start: int
    end: int
    kind: str


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re2.escape(w) for w in sorted(words, key=len, reverse=True))


def figure_regex(data: dict[str, Any]) -> Any:
    """The shapes of a figure, as named RE2 groups; money before count so "3 million" is money."""
    sym, code = _alternation(data["currency_symbols"]), _alternation(data["currency_codes"])
    cur_word, suffix = _alternation(data["currency_words"]), _alternation(data["scale_suffixes"])
    scale, percent = _alternation(data["scale_words"]), _alternation(data["percent_words"])
    amount = rf"{_NUM}(?:(?:{suffix})\b|\s?(?:{scale})\b)?"
    money = (
        rf"(?:{sym})\s?{amount}|\b(?:{code})\s?{amount}|\b{_NUM}(?:(?:{suffix})\b|\s?(?:{scale})\b)"
        rf"(?:\s?(?:{cur_word}|{code})\b)?|\b{_NUM}\s?(?:{cur_word}|{code})\b"
    )
    pattern = (
        rf"(?P<money>{money})|(?P<percent>\b{_NUM}\s?(?:%|(?:{percent})\b))"
        rf"|(?P<multiple>\b{_NUM}\s?[x×](?:\W|$))|(?P<count>\b\d{{1,3}}(?:[.,]\d{{3}})+\b|\b\d+\b)"
    )
    options = re2.Options()
    options.log_errors = False
    return re2.compile(pattern, options)


class _Language:
    """The figure rules of one language, compiled once."""

    def __init__(self, data: dict[str, Any], lang: str) -> None:
        self.financial = PhraseSet(for_language(data["financial"], lang))
        self.counted = PhraseSet(for_language(data["counted"], lang))
        self.harmless = PhraseSet(for_language(data.get("harmless"), lang))
        self.meta = builtin_meta("financial_figure", data["message"][lang], data.get("channels"))
        self.replacements = {kind: words[lang] for kind, words in data["replacements"].items()}


class FigureDetector:
    """Model-free: regex figures in both languages, so the fast tier already catches them."""

    id = "figures"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self) -> None:
        data = load_lexicon("figures")
        self._langs = {lang: _Language(data, lang) for lang in ("en", "nl")}
        self._regex = figure_regex(data)
        self._not_counted = frozenset(data["not_counted_after"])
        self._window, self._count_window = int(data["window"]), int(data["count_window"])
        self._join = int(data["join_words"])
        self._cues = shared_cues()

    def detect(self, ctx: CheckContext) -> Iterator[Finding]:
        rules = self._langs.get(ctx.language, self._langs["en"])
        if not rules.meta.applies_to(ctx.channel):
            return
        text = ctx.folded.text
        if not rules.financial.search(text):
            return  # the fast path: most posts name no financial word at all
        figures = self.candidates(ctx, text)
        if figures:
            yield from self._findings(ctx, rules, text, figures)

    def candidates(self, ctx: CheckContext, text: str) -> list[Figure]:
        return self.regex_figures(text)

    def regex_figures(self, text: str) -> list[Figure]:
        out = []
        for m in self._regex.finditer(text):
            kind = m.lastgroup
            start, end = m.span()
            if kind == "multiple":
                end = start + len(text[start:end].rstrip(" .,;:!?)\n"))
            if kind == "count" and not self._plain_count(text, start, end):
                continue
            out.append(Figure(start, end, kind))
        return out

    def _plain_count(self, text: str, start: int, end: int) -> bool:
        """Not a year, time, date or measurement: those are numbers, not business figures."""
        value = text[start:end]
        if len(value) == 4 and value.isdigit() and 1900 <= int(value) <= 2099:
            return False
        after = _NOT_A_COUNT.match(text, end)
        if after is None:
            return True
        word = after.group(0).strip()
        return word.isalpha() and word not in self._not_counted

    def _findings(
        self, ctx: CheckContext, rules: _Language, text: str, figures: list[Figure]
    ) -> Iterator[Finding]:
        framing = self._cues.read(text, ctx.language)
        harmless = Spans(rules.harmless.spans(text))
        anchors = [s for s in rules.financial.spans(text) if not harmless.covering(*s)]
        counted = rules.counted.spans(text)
        told: list[tuple[Figure, bool]] = []
        for fig in figures:
            sentence = sentence_of(framing.sentences, fig.start)
            if framing.public(sentence) or framing.predicted(sentence) or not framing.insider(sentence):
                continue
            near, limit = (counted, self._count_window) if fig.kind == "count" else (anchors, self._window)
            told.append((fig, any(_close(text, sentence, span, fig, limit) for span in near)))
        confidence = 0.95 if framing.secret else 0.85
        for group in _joined(told, text, self._join):
            a, b = ctx.folded.to_original(group.start, group.end)
            suggestion = rules.replacements[group.kind]
            yield rules.meta.make(ctx, a, b, confidence=confidence, suggestions=(suggestion,))


class NerFigureDetector(FigureDetector):
    """Full tier, English: figures in words ("forty million dollars") that no regex sees.

    Only spaCy's NER runs for it, and only when a financial word is present.
    """

    id = "figures-ner"
    requires: frozenset[str] = frozenset({"ner"})

    def __init__(self) -> None:
        super().__init__()
        data = load_lexicon("figures")
        words = _alternation([*data["currency_words"], *data["currency_codes"]])
        # The small English model often calls "two hundred thousand euros" a CARDINAL.
        self._currency_after = re2.compile(rf"\s?(?:{words})\b")

    def candidates(self, ctx: CheckContext, text: str) -> list[Figure]:
        if ctx.language != "en":
            return []
        try:
            doc = ctx.doc
        except RuntimeError:
            return []  # built without NLP (use_nlp=False): the regex figures still stand
        seen = Spans((f.start, f.end) for f in self.regex_figures(text))
        out = []
        for ent in getattr(doc, "ents", ()):
            kind = _NER_KINDS.get(ent.label_)
            if kind is None or any(c.isdigit() for c in ent.text):
                continue  # digits are the regex's job, and it reads them more exactly
            start, end = to_folded(ctx.folded, ent.start_char, ent.end_char)
            currency = self._currency_after.match(text, end)
            if currency is not None:
                kind, end = "money", currency.end()
            if end > start and not seen.covering(start, end):
                out.append(Figure(start, end, kind))
        return out


def _close(text: str, sentence: tuple[int, int], anchor: tuple[int, int], fig: Figure, limit: int) -> bool:
    if not (sentence[0] <= anchor[0] < sentence[1]):
        return False
    lo, hi = (anchor[1], fig.start) if anchor[1] <= fig.start else (fig.end, anchor[0])
    return hi >= lo and len(_WORDS.findall(text, lo, hi)) <= limit


def _joined(told: list[tuple[Figure, bool]], text: str, max_words: int) -> list[Figure]:
    """Figures near a financial word, each with the figures right after it, as one finding.

    "€386 million, 14% above plan" and "van 1.200 naar 950" are one disclosure
    each: one highlight and one replacement, and the second figure counts even
    when it stands too far from the financial word on its own.
    """
    out: list[Figure] = []
    for fig, anchored in sorted(told, key=lambda t: t[0].start):
        prev = out[-1] if out else None
        if prev and _adjacent(text, prev, fig, max_words):
            out[-1] = Figure(prev.start, max(prev.end, fig.end), prev.kind)
        elif anchored:
            out.append(fig)
    return out


def _adjacent(text: str, prev: Figure, fig: Figure, max_words: int) -> bool:
    between = text[prev.end:fig.start]
    return fig.start >= prev.end and len(_WORDS.findall(between)) <= max_words and not any(
        c in between for c in ".!?\n"
    )


def to_folded(norm: NormalizedText, start: int, end: int) -> tuple[int, int]:
    """Original offsets to the normalised view: the inverse of ``to_original``."""
    if norm.starts is None:
        return start, end
    starts = norm.starts
    return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
