"""Rule packs as frozen data: what admins wrote, checked and ready for detectors."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from precheck.core.detector import RuleMeta


@dataclass(frozen=True, slots=True)
class ContextWords:
    """Words near a match that raise (or, when ``required``, are needed for) confidence."""

    words: tuple[str, ...]
    window: int = 40
    boost: float = 0.2
    required: bool = False


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
    replacement: str | None = None
    mask: str | None = None
    languages: frozenset[str] | None = None
    keywords: tuple[str, ...] = ()
    split: bool = False


@dataclass(frozen=True, slots=True)
class TermRule:
    """A list of company terms (codenames, customers, hosts) with one replacement."""

    meta: RuleMeta
    values: tuple[str, ...]
    replacement: str | None = None
    languages: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    version: str
    name: str
    source: Path | None
    languages: frozenset[str] = frozenset({"en", "nl"})
    patterns: tuple[PatternRule, ...] = ()
    terms: tuple[TermRule, ...] = ()
    extra: dict[str, object] = field(default_factory=dict, compare=False)
