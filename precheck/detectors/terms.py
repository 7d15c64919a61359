"""Company terms from rule packs: codenames, unreleased products, customers, hosts.

Every value of every term group goes into one Aho-Corasick automaton, keyed
by its skeleton (see ``term_views``), so the cost of a check hardly depends on
how many terms a company lists. A skeleton hit is only a candidate: the
separators around and inside it decide whether it is the term as people write
it ("Project-Falcon", "F.a.l.c.o.n", "Falcon's") or letters that happen to
line up ("the project. Falcons...", "cooperation"). Those rules, and how
freely each value may match, live in ``term_shapes``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

from precheck.core.context import CheckContext
from precheck.core.model import Finding
from precheck.core.normalize import normalize
from precheck.core.overlaps import keep_strongest
from precheck.detectors.suggest import restates
from precheck.detectors.term_cache import TermCache, cache_key, worth_caching
from precheck.detectors.term_shapes import FULL, HEAD, TOKEN, accept, head_word, shape_of
from precheck.detectors.term_views import build_view, fold_char, skeleton_key
from precheck.detectors.term_words import ARTICLES, DETERMINERS
from precheck.rulepacks.model import TermRule

_HOST_KINDS = frozenset({"internal_host"})
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")
_HOST_CHAR = re.compile(r"[A-Za-z0-9-]")


def _ascii_key_table() -> dict[int, int | str | None]:
    """str.translate table: the skeleton of an ASCII value in one call (fast pack loading)."""
    table: dict[int, int | str | None] = {i: None for i in range(128) if not chr(i).isalnum()}
    for i in range(128):
        c = chr(i)
        if c.isalnum():
            table[i] = fold_char(c)
    return table


_ASCII_KEY = _ascii_key_table()


class TermDetector:
    """Finds the term values of the active packs in a chunk."""

    id = "terms"
    requires: frozenset[str] = frozenset()
    scope = "chunk"

    def __init__(self, rules: Sequence[TermRule], cache: TermCache | None = None) -> None:
        """``cache`` keeps the built matcher of a large pack on disk for the next start."""
        self._rules = tuple(rules)
        self._automaton: ahocorasick.Automaton | None = None
        if self._rules:
            self._automaton = self._cached(cache) if cache and worth_caching(self._rules) else self._build()
        self.keys = len(self._automaton) if self._automaton is not None else 0

    def _cached(self, cache: TermCache) -> ahocorasick.Automaton:
        key = cache_key(self._rules)
        automaton = cache.load(key)
        if automaton is None:
            automaton = self._build()
            cache.store(key, automaton)
        return automaton

    def _build(self) -> ahocorasick.Automaton:
        entries: dict[str, list[tuple[int, str, int]]] = {}
        for rule_index, rule in enumerate(self._rules):
            for value in rule.values:
                for key, mode in _keys(value):
                    if key:
                        entries.setdefault(key, []).append((rule_index, value, mode))
        automaton = ahocorasick.Automaton()
        for key, found in entries.items():
            automaton.add_word(key, (len(key), tuple(found)))
        automaton.make_automaton()
        return automaton

    def detect(self, ctx: CheckContext) -> list[Finding]:
        if self._automaton is None or not ctx.text.strip():
            return []
        view = build_view(ctx.norm)
        if not view.text:
            return []
        allowed: dict[int, bool] = {}
        spans: list[tuple[int, int, int, float]] = []
        for last, (key_len, found) in self._automaton.iter(view.text):
            start = last + 1 - key_len
            for rule_index, value, mode in found:
                ok = allowed.get(rule_index)
                if ok is None:
                    ok = allowed[rule_index] = self._applies(rule_index, ctx)
                if not ok:
                    continue
                rule = self._rules[rule_index]
                shape = shape_of(value, mode, rule.meta.kind in _HOST_KINDS)
                hit = accept(view, start, last + 1, shape)
                if hit is not None:
                    a, b = view.to_original(hit[0], hit[1])
                    if shape.host:
                        a, b = _whole_host(ctx.text, a, b)
                    spans.append((a, b, rule_index, hit[2]))
        return keep_strongest(self._findings(ctx, _union(spans)), lambda f: f.category)

    def _applies(self, rule_index: int, ctx: CheckContext) -> bool:
        rule = self._rules[rule_index]
        if not rule.meta.applies_to(ctx.channel):
            return False
        return rule.languages is None or ctx.language in rule.languages

    def _findings(self, ctx: CheckContext, spans: list[tuple[int, int, int, float]]) -> list[Finding]:
        out = []
        for a, b, rule_index, confidence in spans:
            rule = self._rules[rule_index]
            suggestions = ()
            replacement = rule.replacement.for_language(ctx.language) if rule.replacement else None
            if replacement is not None:
                suggestions = (fit_replacement(replacement, ctx.text, a, b),)
            out.append(rule.meta.make(ctx, a, b, confidence=confidence, suggestions=suggestions))
        return out


def _keys(value: str) -> list[tuple[str, int]]:
    """The automaton keys of a value: all of it, and its head word if that may stand alone.

    Runs once per value at load time, so it sticks to str methods and one regex:
    50,000 values must load well within a second.
    """
    if value.isascii():
        lower = value.lower()
        key = lower.translate(_ASCII_KEY)
        tokens = _ASCII_TOKEN.findall(lower)
    else:
        lower = normalize(value, fold_case=True).text
        key = skeleton_key(lower)
        tokens = TOKEN.findall(lower)
    if len(tokens) < 2:
        return [(key, FULL)]
    head = head_word(value, tokens)
    if head is None:
        return [(key, FULL)]
    head_key = head.translate(_ASCII_KEY) if head.isascii() else skeleton_key(head)
    return [(key, FULL), (head_key, HEAD)]


def _whole_host(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen a host match to the full host name: "nwl.local" in "wms-prod-01.nwl.local"."""
    while a >= 2 and text[a - 1] == "." and _HOST_CHAR.match(text[a - 2]):
        a -= 1
        while a > 0 and _HOST_CHAR.match(text[a - 1]):
            a -= 1
    while b + 1 < len(text) and text[b] == "." and text[b + 1].isalnum() and text[b + 1].isascii():
        b += 1
        while b < len(text) and _HOST_CHAR.match(text[b]):
            b += 1
    return a, b


def _union(spans: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
    """Overlapping matches of one rule ("Project Tidewater" + "Tidewater deal") become one."""
    out: list[tuple[int, int, int, float]] = []
    last_of_rule: dict[int, int] = {}
    for a, b, rule, conf in sorted(spans, key=lambda s: (s[2], s[0], -s[1])):
        i = last_of_rule.get(rule)
        if i is not None and a < out[i][1]:
            pa, pb, _, pc = out[i]
            out[i] = (pa, max(pb, b), rule, max(pc, conf))
            continue
        last_of_rule[rule] = len(out)
        out.append((a, b, rule, conf))
    return out


def fit_replacement(replacement: str, text: str, start: int, end: int) -> str:
    """The replacement as it should read in place: no double article, a capital at a sentence start,
    nothing at all when the words next to it already say it ("our customer Acme" -> "our customer")."""
    before = text[:start]
    previous = re.search(r"(\w+)[ \t]+$", before)
    if restates(replacement, before, text[end:], ARTICLES):
        return ""
    if previous and previous.group(1).casefold() in DETERMINERS:
        for article in ARTICLES:
            if replacement.casefold().startswith(article):
                replacement = replacement[len(article):]
                break
    stripped = before.rstrip(" \t\"'“‘(")
    if (not stripped or stripped[-1] in ".!?…\n") and replacement[:1].islower():
        replacement = replacement[:1].upper() + replacement[1:]
    return replacement
