"""What the user chose not to see again, and the report that remains without it.

"Always ignore" keeps only a salted hash of the rule id and the normalised
term, so the settings file never holds the flagged text (a secret, a name).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from precheck.core.model import Finding, Report
from precheck.core.safer import safer_text
from precheck.core.verdict import verdict_for
from precheck.ui.settings import AppSettings


def normalise_term(text: str) -> str:
    """The same term typed with other case, width or spacing is the same term."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class Allowlist:
    def __init__(self, settings: AppSettings) -> None:
        self._settings = settings
        self._salt = settings.salt
        self._digests = set(settings.ignored_digests)

    def digest(self, finding: Finding) -> str:
        data = finding.rule.encode() + b"\0" + normalise_term(finding.text).encode()
        return hashlib.sha256(self._salt + data).hexdigest()

    def __contains__(self, finding: Finding) -> bool:
        return bool(self._digests) and self.digest(finding) in self._digests

    def __len__(self) -> int:
        return len(self._digests)

    def add(self, finding: Finding) -> None:
        self._digests.add(self.digest(finding))
        self._settings.ignored_digests = frozenset(self._digests)

    def clear(self) -> None:
        self._digests.clear()
        self._settings.ignored_digests = frozenset()


def without(report: Report, text: str, hidden: Callable[[Finding], bool]) -> Report:
    """The report minus hidden findings, with verdict and safer text from the core's own rules."""
    kept = tuple(f for f in report.findings if not hidden(f))
    if len(kept) == len(report.findings):
        return report
    verdict, safer = verdict_for(kept), safer_text(text, kept)
    return replace(report, findings=kept, verdict=verdict, safer_text=safer)
