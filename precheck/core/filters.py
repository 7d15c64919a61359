"""Small pure predicates that drop findings after detection: allowlists and switched-off rules.

A filter returns True to KEEP a finding. Filters run after detectors so that a
detector never needs to know about allowlists, and an allow entry can silence
any rule of any pack, built-in ones included (in the spirit of detect-secrets'
``filters/``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from precheck.core.model import Finding

Filter = Callable[[Finding], bool]


def _norm(text: str) -> str:
    """Case, width and runs of spaces do not make a different term: "ACME  cloud" is "acme cloud"."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def term_digest(salt: bytes, rule: str, text: str) -> str:
    """A salted hash of a rule id and a term: a personal allowlist never stores the flagged text itself.

    Same formula as the desktop app's "always ignore" list (``precheck/ui/allowlist.py``).
    """
    return hashlib.sha256(salt + rule.encode() + b"\0" + _norm(text).encode()).hexdigest()


def allow_digests(salt: bytes, digests: Iterable[str]) -> Filter:
    """Drop a finding whose rule and term the user chose to ignore (see ``term_digest``)."""
    known = frozenset(digests)
    return lambda finding: term_digest(salt, finding.rule, finding.text) not in known


def allow_terms(terms: Iterable[str]) -> Filter:
    """Drop a finding whose whole text is one of ``terms``."""
    allowed = frozenset(_norm(t) for t in terms)
    return lambda finding: _norm(finding.text) not in allowed


def allow_matching(matchers: Sequence[Callable[[str], object]]) -> Filter:
    """Drop a finding whose whole text one of ``matchers`` accepts (compiled full-match regexes)."""
    return lambda finding: not any(match(finding.text) for match in matchers)


def disable_rules(rule_ids: Iterable[str]) -> Filter:
    """Drop every finding of a switched-off rule."""
    disabled = frozenset(rule_ids)
    return lambda finding: finding.rule not in disabled


def keep(filters: Sequence[Filter], findings: Iterable[Finding]) -> list[Finding]:
    """The findings every filter keeps."""
    return [f for f in findings if all(accept(f) for accept in filters)]
