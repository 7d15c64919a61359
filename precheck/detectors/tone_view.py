"""Who a remark is aimed at and whether it complains: the English parse, or proximity.

"Our customers are clueless" insults customers; "the weather is awful" insults
nobody; "I always enjoy the lunch" is no complaint. In English the dependency
parse ties the word to its subject. Dutch has no parser here, so the clause
around the word decides: a target word in it, or a pronoun for other people,
and no first person.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from precheck.core.context import CheckContext
from precheck.detectors.phrases import Hit, PhraseSet
from precheck.detectors.segments import Segments
from precheck.detectors.tone_words import ToneWords

GROUPS = {
    "target_customer": "customer", "target_colleague": "colleague",
    "target_employer": "employer", "target_competitor": "competitor",
}
PEOPLE = "people"
_SUBJECTS = ("nsubj", "nsubjpass")
_RELATIVE = ("who", "that", "which")

Span = tuple[int, int]


class ToneView:
    """One chunk seen through the tone word lists, in original offsets; the parse is asked for lazily."""

    def __init__(self, ctx: CheckContext, words: ToneWords, parse: bool = False) -> None:
        self.ctx, self.words, self._parse = ctx, words, parse
        self.segments = Segments(ctx.text)

    def hits(self, phrases: PhraseSet) -> list[Hit]:
        norm = self.ctx.norm
        return [Hit(*norm.to_original(h.start, h.end), h.item) for h in phrases.find(norm.text)]

    @cached_property
    def found(self) -> list[Hit]:
        return self.hits(self.words.findings)

    @cached_property
    def context(self) -> _Lazy:
        w = self.words
        return _Lazy(self, {"targets": w.targets, "third": w.third_party, "first": w.first_person,
                            "complaint": w.complaint, "positive": w.positive, "group": w.group_word})

    @cached_property
    def doc(self) -> Any:
        if not self._parse:
            return None
        try:
            doc = self.ctx.doc
        except RuntimeError:
            return None
        return doc if doc is not None and doc.has_annotation("DEP") else None

    def within(self, name: str, span: Span, skip: Span | None = None) -> list[Hit]:
        a, b = span
        return [h for h in self.context[name] if a <= h.start and h.end <= b
                and (skip is None or h.end <= skip[0] or h.start >= skip[1])]

    def clause(self, start: int) -> Span:
        return self.segments.around(start, "clause")

    def target_near(self, start: int, end: int) -> str | None:
        """A target group named in the same clause (cheap; used to weigh insults)."""
        for hit in self.within("targets", self.clause(start), (start, end)):
            return GROUPS[hit.item[0]]
        return None

    def aimed_at(self, start: int, end: int) -> str | None:
        """The group an evaluative word is aimed at, or None when it judges a thing or the writer."""
        subject = self._subject(start, end)
        if subject is not None:
            return self._group(subject, allow_people=True)
        if self.doc is not None:
            return None
        clause = self.clause(start)
        group = self._group(clause, allow_people=True, skip=(start, end))
        if group is None and not self.within("first", clause):  # "Hij komt ...: veel praatjes"
            group = self._group(self.segments.around(start, "sentence"), allow_people=True, skip=(start, end))
        return group

    def complains(self, start: int, end: int) -> bool:
        """An absolute is a problem in a complaint about others, not in praise or about oneself."""
        clause = self.clause(start)
        if self.within("positive", clause) or not self.within("complaint", clause):
            return False
        subject = self._subject(start, end)
        if subject is None and self.doc is not None:
            return False
        return self._group(subject or clause, allow_people=True, skip=(start, end)) is not None

    def _group(self, span: Span, allow_people: bool, skip: Span | None = None) -> str | None:
        targets = self.within("targets", span, skip)
        if targets:
            return GROUPS[targets[0].item[0]]
        if self.within("first", span, skip):
            return None
        return PEOPLE if allow_people and self.within("third", span, skip) else None

    def _subject(self, start: int, end: int) -> Span | None:
        """The character span of the subject the word is said of, from the parse."""
        token = self.token(start, end)
        if token is None:
            return None
        if token.dep_ == "amod":
            return _extent(token.head)
        subject = subject_of(token)
        return _extent(subject) if subject is not None else None

    def token(self, start: int, end: int) -> Any:
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def threats(self, verbs: list[Hit]) -> Iterator[Span]:
        """A violent verb with a person as object and the writer as subject: "I'll punch the driver"."""
        persons = self.hits(self.words.person_object) + self.context["targets"]
        for hit in verbs:
            verb = self.token(hit.start, hit.end)
            if verb is None or any(c.dep_ == "prt" for c in verb.children):
                continue
            subject = subject_of(verb)
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if subject is None or not objects or not self._is_writer(_extent(subject)):
                continue
            obj = _extent(objects[0])
            if any(obj[0] <= p.start and p.end <= obj[1] for p in persons):
                yield _extent(subject)[0], obj[1]

    def _is_writer(self, span: Span) -> bool:
        return bool(self.within("first", span))


class _Lazy(dict):
    """Context word hits, each list found only when first asked for."""

    def __init__(self, view: ToneView, sets: dict[str, PhraseSet]) -> None:
        super().__init__()
        self._view, self._sets = view, sets

    def __missing__(self, name: str) -> list[Hit]:
        self[name] = found = self._view.hits(self._sets[name])
        return found


def subject_of(token: Any) -> Any:
    """The subject of the clause a token belongs to, walking up a few heads."""
    node = token
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _RELATIVE and node.dep_ == "relcl":
                return node.head
            return subject
        if node.head is node or node.dep_ == "ROOT":
            return None
        node = node.head
    return None


def _extent(token: Any) -> Span:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)
