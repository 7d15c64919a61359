"""Suggestions written to fit where they go: case at a sentence start, the rest of a compound.

A suggestion replaces exactly the flagged span, so it must already read right
in place; ``core.safer`` only tidies the seams.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from precheck.core.safer import Edit, rewrite
from precheck.rulepacks.model import Phrase


def replacement_for(phrase: Phrase, matched: str) -> str | None:
    """The entry's replacement; ``rot*`` keeps the tail of a compound ("kutdag" -> "rotdag")."""
    rep = phrase.replacement
    if rep is None or not rep.endswith("*"):
        return rep
    for head in sorted(_heads(phrase.term), key=len, reverse=True):
        if head and matched.lower().startswith(head):
            return rep[:-1] + matched[len(head):].lower()
    return rep[:-1]


def _heads(term: str) -> Iterable[str]:
    first = term.split()[0]
    return (alt.rstrip("*").lower() for alt in first.split("|") if alt.endswith("*"))


def fit_case(replacement: str, original: str, sentence_start: bool) -> str:
    """Capitalise a replacement that starts a sentence; elsewhere keep it as written.

    ``original`` is not consulted: a capitalised name mid-sentence ("Meridian Express")
    must not make its generic replacement a capital ("another provider"). Kept in the
    signature because other detectors call it that way.
    """
    del original
    if replacement and replacement[0].islower() and sentence_start:
        return replacement[0].upper() + replacement[1:]
    return replacement


def compose(text: str, start: int, end: int, edits: Iterable[Edit]) -> str:
    """The replacement of ``text[start:end]`` after several edits inside it, tidied in context."""
    edits = list(edits)
    rewritten = rewrite(text, edits)
    head, tail = text[:start], text[end:]
    if rewritten.startswith(head) and rewritten.endswith(tail):
        return rewritten[len(head):len(rewritten) - len(tail)]
    return rewrite(text[start:end], [Edit(e.start - start, e.end - start, e.replacement) for e in edits])


def restates(replacement: str, before: str, after: str, articles: Sequence[str]) -> bool:
    """A generic "a customer" next to a word that already says it ("our customer Acme",
    "Acme customers"): the name can simply go. Only "article + noun" counts; a phrase does not."""
    core = replacement.casefold()
    for article in articles:
        if core.startswith(article):
            core = core[len(article):]
            break
    if not core.strip() or core == replacement.casefold():
        return False
    preceding = " " + before.casefold().rstrip(" \t")
    following = after.lstrip(" \t").casefold()
    return preceding.endswith(" " + core) or (following.startswith(core) and not following[len(core):][:1].isalnum())


def join_fixed(parts: Iterable[str]) -> str:
    """Pieces of a span, some of them replaced or removed, joined without a doubled space
    or a space left before a mark where a removed word stood."""
    joined = re.sub(r" {2,}", " ", "".join(parts))
    return re.sub(r" (?=[,;:.!?])", "", joined).strip(" ")
