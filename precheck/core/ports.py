"""Seams to the heavy machinery, so the core can be tested with fakes and never imports it."""

from __future__ import annotations

from typing import Any, Protocol


class NlpEngine(Protocol):
    """Turns text into an analysed document (a spaCy ``Doc`` in production)."""

    def process(self, text: str, language: str, needs: frozenset[str]) -> Any: ...

    def warm_up(self, language: str) -> None: ...

    def notices(self) -> tuple[str, ...]: ...


class LanguageDetector(Protocol):
    def detect(self, text: str) -> str: ...
