"""English or Dutch, decided on texts as short as one line."""

from __future__ import annotations

import threading
from typing import Any

SUPPORTED = ("en", "nl")
DEFAULT = "en"
_SAMPLE = 2000


class LinguaDetector:
    """Lingua restricted to English and Dutch: accurate on short posts, ~0.1 ms each.

    Only the two languages' models are loaded, lazily, once per process.
    """

    def __init__(self) -> None:
        self._detector: Any = None
        self._lock = threading.Lock()

    def detect(self, text: str) -> str:
        sample = text[:_SAMPLE]
        if not any(c.isalpha() for c in sample):
            return DEFAULT
        found = self._get().detect_language_of(sample)
        return {"ENGLISH": "en", "DUTCH": "nl"}.get(getattr(found, "name", ""), DEFAULT)

    def _get(self) -> Any:
        with self._lock:
            if self._detector is None:
                from lingua import Language, LanguageDetectorBuilder

                self._detector = (
                    LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.DUTCH)
                    .with_preloaded_language_models()
                    .build()
                )
            return self._detector
