"""The one model of a finding that flows unchanged from detectors to CLI, GUI and tray."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    SECRET = "secret"
    CONFIDENTIAL = "confidential"
    PII = "pii"
    TONE = "tone"
    POLICY = "policy"
    GRAMMAR = "grammar"


class Severity(StrEnum):
    BLOCK = "block"
    WARN = "warn"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is worse; used to pick the stronger of two overlapping findings."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARN: 1, Severity.BLOCK: 2}


class Verdict(StrEnum):
    BLOCK = "block"
    REVIEW = "review"
    OK = "ok"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a draft.

    ``start``/``end`` are code-point indices into the ORIGINAL text, so
    ``original[start:end] == text`` always holds. ``trial`` marks a rule an
    admin is still trying out: shown, but it never changes the verdict or the
    safer text.
    """

    category: Category
    kind: str
    severity: Severity
    start: int
    end: int
    text: str
    message: str
    rule: str
    confidence: float = 1.0
    suggestions: tuple[str, ...] = ()
    trial: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span {self.start}:{self.end} from {self.rule}")
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not fit its text ({self.rule})")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} out of range ({self.rule})")

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def shifted(self, offset: int) -> Finding:
        """The same finding, moved by ``offset`` code points (chunk to document)."""
        return Finding(
            self.category, self.kind, self.severity, self.start + offset, self.end + offset,
            self.text, self.message, self.rule, self.confidence, self.suggestions, self.trial,
        )


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one check: findings in text order, the verdict and the safer text."""

    language: str
    channel: str
    findings: tuple[Finding, ...]
    verdict: Verdict
    safer_text: str
    complete: bool = True
    notices: tuple[str, ...] = field(default=())

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)
