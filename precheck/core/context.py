"""What a detector sees of one piece of a draft."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from precheck.core.model import Finding
from precheck.core.normalize import NormalizedText, normalize


class CheckContext:
    """The original text of a chunk, with lazily built views of it.

    Document-scope detectors also see ``findings``: what the chunk detectors found,
    and ``network``: the social network the post is meant for, if the caller said.

    Views are built on first use and shared by all detectors, so a text is
    normalised once and analysed by spaCy at most once per check.
    """

    def __init__(
        self,
        text: str,
        language: str,
        channel: str,
        analyse: Callable[[str], Any] | None = None,
    ) -> None:
        self.text = text
        self.language = language
        self.channel = channel
        self._analyse = analyse
        self.findings: tuple[Finding, ...] = ()
        self.network: str | None = None

    @cached_property
    def norm(self) -> NormalizedText:
        return normalize(self.text)

    @cached_property
    def folded(self) -> NormalizedText:
        """Normalised and case-folded: for case-insensitive term matching."""
        return normalize(self.text, fold_case=True)

    @cached_property
    def doc(self) -> Any:
        """The NLP analysis; only detectors that declare ``requires`` may ask for it."""
        if self._analyse is None:
            raise RuntimeError("this check runs without an NLP engine")
        return self._analyse(self.text)
