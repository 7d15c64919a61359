"""Rule packs as frozen data: what admins wrote, checked and ready for detectors."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from precheck.core.detector import RuleMeta
from precheck.core.model import Severity
from precheck.detectors.lexicon import load_lexicon

# "(trial rule) " per post language (resources/lexicons/messages/packs.yaml).
TRIAL_PREFIXES: dict[str, str] = load_lexicon("packs", "messages")["trial_prefix"]
TRIAL_PREFIX = TRIAL_PREFIXES["en"]


def trial(meta: RuleMeta) -> RuleMeta:
    """Information severity keeps a trial rule visible to users while it can never move the verdict.

    Every language gets its own prefix, also when the rule has one message for all of them.
    """
    if meta.trial:
        return meta
    translations = tuple((lang, prefix + meta.message_for(lang)) for lang, prefix in TRIAL_PREFIXES.items())
    return replace(meta, severity=Severity.INFO, message=TRIAL_PREFIX + meta.message, trial=True,
                   translations=translations)


@dataclass(frozen=True, slots=True)
class Wording:
    """A replacement: one text for posts in any language, or one per language.

    ``replacement: a customer`` reads the same in every post; with
    ``replacement: {en: a customer, nl: een klant}`` a Dutch post gets Dutch.
    """

    everywhere: str | None = None
    per_language: tuple[tuple[str, str], ...] = ()

    def for_language(self, language: str) -> str | None:
        return next((text for lang, text in self.per_language if lang == language), self.everywhere)

    def text(self, language: str) -> str:
        """For text that must exist in every post (a message): its own, else English, else the first given."""
        for lang in (language, "en"):
            found = self.for_language(lang)
            if found is not None:
                return found
        return self.per_language[0][1]


@dataclass(frozen=True, slots=True)
class ContextWords:
    """Words near a match that raise (or, when ``required``, are needed for) confidence.

    ``exclude`` words near a match cancel it: they mark the harmless sense of a
    word ("confidential counselling", "version 10.2.1.5").
    """

    words: tuple[str, ...]
    window: int = 40
    boost: float = 0.2
    required: bool = False
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A regular expression, run with RE2 so no admin regex can hang a machine.

    ``keywords`` (lower case) let the detector skip the regex when none of
    them occurs in the text, which keeps a hundred rules within the fast
    tier's budget. ``split`` also matches the value when a space or line
    break was typed into it to slip past upload filters.
    """

    meta: RuleMeta
    regex: str
    group: int | str = 0
    ignore_case: bool = False
    validator: str | None = None
    min_entropy: float | None = None
    context: ContextWords | None = None
    deny: tuple[str, ...] = ()
    confidence: float = 0.9
    replacement: Wording | None = None
    mask: str | None = None
    languages: frozenset[str] | None = None
    keywords: tuple[str, ...] = ()
    split: bool = False


@dataclass(frozen=True, slots=True)
class TermRule:
    """A list of company terms (codenames, customers, hosts) with one replacement."""

    meta: RuleMeta
    values: tuple[str, ...]
    replacement: Wording | None = None
    languages: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """One entry of a tone word list or a policy, in the phrase language of ``detectors/phrases.py``.

    ``strength`` (1 mild .. 3 severe) sets severity and confidence; ``exceptions``
    are phrases that look like the entry but are harmless ("kankeronderzoek").
    """

    term: str
    replacement: str | None = None
    strength: int = 2
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Tone words of one kind in one language, shipped in ``resources/`` or carried by a pack."""

    kind: str
    language: str
    entries: tuple[Phrase, ...]


@dataclass(frozen=True, slots=True)
class PolicyRule:
    """A code-of-conduct policy as data: a closed set of conditions, no code in packs.

    Per-language fields are tuples of ``(language, value)`` pairs so the rule stays hashable.
    """

    meta: RuleMeta
    policy: str
    phrases: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()
    near: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()
    unless: tuple[tuple[str, tuple[Phrase, ...]], ...] = ()
    on_findings: frozenset[str] = frozenset()
    near_findings: frozenset[str] = frozenset()
    window: str = "sentence"
    extend: str = "none"
    suggest: str = "replace"
    text: tuple[tuple[str, str], ...] = ()
    once: bool = False
    confidence: float = 0.9
    languages: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class AllowEntry:
    """A term (compared case-insensitively with a finding's whole text) or an RE2 regex that must match all of it.

    Whole-text matching keeps an allow entry from silencing more than its author
    meant: allowing "Falcon Heavy" does not allow a finding on "Falcon".
    """

    term: str | None = None
    regex: str | None = None


@dataclass(frozen=True, slots=True)
class PackTest:
    """An example embedded in a pack: the kinds its text must and must not produce."""

    text: str
    expect: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    language: str = "auto"
    channel: str = "public"
    where: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Pack:
    """One checked pack; ``simulate`` marks a whole pack as a trial whose findings are information only."""

    id: str
    version: str
    name: str
    source: Path | None
    languages: frozenset[str] = frozenset({"en", "nl"})
    patterns: tuple[PatternRule, ...] = ()
    terms: tuple[TermRule, ...] = ()
    lexicons: tuple[Lexicon, ...] = ()
    policies: tuple[PolicyRule, ...] = ()
    allow: tuple[AllowEntry, ...] = ()
    disable: tuple[str, ...] = ()
    tests: tuple[PackTest, ...] = ()
    simulate: bool = False
