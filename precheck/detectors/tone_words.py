"""The tone word lists of one language, compiled into phrase sets once per checker.

Shipped lists live in ``resources/lexicons/<lang>/`` and packs may add entries
of any kind; both are merged here, so a company can teach precheck its own
slang without a release.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from precheck.detectors.phrases import PhraseSet
from precheck.paths import resources_dir
from precheck.rulepacks.conduct import CONTEXT_KINDS, FINDING_KINDS, LANGUAGES, load_lexicon_file
from precheck.rulepacks.model import Lexicon, Pack, Phrase

TARGET_KINDS = ("target_customer", "target_colleague", "target_employer", "target_competitor")


@cache
def shipped_lexicons() -> tuple[Lexicon, ...]:
    """Every shipped list, both languages; read once per process."""
    root = resources_dir() / "lexicons"
    return tuple(
        load_lexicon_file(path, lang)
        for lang in LANGUAGES
        for path in sorted(Path(root, lang).glob("*.yaml"))
    )


def _entries(lexicons: Iterable[Lexicon], kinds: Sequence[str]) -> list[tuple[Phrase, str]]:
    return [(entry, lx.kind) for lx in lexicons if lx.kind in kinds for entry in lx.entries]


def _set(pairs: list[tuple[Phrase, str]], stretch: bool = False) -> PhraseSet[tuple[str, Phrase]]:
    items = [(p.term, (kind, p)) for p, kind in pairs]
    lookup = {id(p): item for (_, item), (p, _) in zip(items, pairs, strict=True)}
    exceptions = [(e, lookup[id(p)]) for p, _ in pairs for e in p.exceptions]
    return PhraseSet(items, stretch=stretch, exceptions=exceptions)


@dataclass(frozen=True)
class ToneWords:
    """Phrase sets of one language; ``findings`` are reportable, the rest is context."""

    language: str
    findings: PhraseSet[tuple[str, Phrase]]
    negative: PhraseSet[tuple[str, Phrase]]
    complaint: PhraseSet[tuple[str, Phrase]]
    positive: PhraseSet[tuple[str, Phrase]]
    targets: PhraseSet[tuple[str, Phrase]]
    third_party: PhraseSet[tuple[str, Phrase]]
    first_person: PhraseSet[tuple[str, Phrase]]
    group_word: PhraseSet[tuple[str, Phrase]]
    violent_verb: PhraseSet[tuple[str, Phrase]]
    person_object: PhraseSet[tuple[str, Phrase]]
    acronym: PhraseSet[tuple[str, Phrase]]
    shout_word: PhraseSet[tuple[str, Phrase]]


def build_tone_words(packs: Sequence[Pack] = ()) -> dict[str, ToneWords]:
    """Shipped lists plus the ``lexicons:`` of every pack, per language."""
    every = [*shipped_lexicons(), *(lx for pack in packs for lx in pack.lexicons)]
    out = {}
    for lang in LANGUAGES:
        mine = [lx for lx in every if lx.language == lang]
        sets = {kind: _set(_entries(mine, (kind,))) for kind in CONTEXT_KINDS if kind not in TARGET_KINDS}
        out[lang] = ToneWords(
            language=lang,
            findings=_set(_entries(mine, FINDING_KINDS), stretch=True),
            targets=_set(_entries(mine, TARGET_KINDS)),
            **{k: v for k, v in sets.items() if k in ToneWords.__dataclass_fields__},
        )
    return out
