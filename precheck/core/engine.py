"""The check engine: chunks, detectors, merge, verdict and safer text."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from enum import StrEnum

from precheck.core.chunks import split_chunks
from precheck.core.context import CheckContext
from precheck.core.detector import Detector
from precheck.core.errors import UsageError
from precheck.core.filters import Filter, keep
from precheck.core.language import SUPPORTED
from precheck.core.model import Finding, Report
from precheck.core.overlaps import merge
from precheck.core.ports import LanguageDetector, NlpEngine
from precheck.core.safer import safer_text
from precheck.core.verdict import verdict_for

log = logging.getLogger(__name__)

CHANNELS = ("public", "internal")
NETWORKS = ("x", "linkedin", "facebook", "instagram", "yammer")


class Tier(StrEnum):
    """FAST runs only model-free detectors, for an answer within milliseconds."""

    FAST = "fast"
    FULL = "full"


class Checker:
    """Built once (see ``precheck.service``) and reused for every check of a session.

    ``filters`` drop allowlisted findings and rules switched off by a higher
    pack (see ``precheck.rulepacks.precedence``).

    ``context_kinds`` are findings that document detectors build on but that
    are not problems by themselves (naming a competitor is fine; disparaging
    one is a policy finding of its own).

    Per-chunk results are cached in memory only, keyed by the chunk's text;
    nothing of a draft is ever written anywhere.
    """

    def __init__(
        self,
        detectors: Sequence[Detector],
        languages: LanguageDetector,
        nlp: NlpEngine | None = None,
        cache_size: int = 2048,
        context_kinds: frozenset[str] = frozenset(),
        filters: Sequence[Filter] = (),
    ) -> None:
        self.detectors = tuple(detectors)
        self.filters = tuple(filters)
        self.context_kinds = context_kinds
        self.languages = languages
        self.nlp = nlp
        self._cache: OrderedDict[tuple[str, str, str, Tier], tuple[Finding, ...]] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def check(
        self, text: str, *, language: str = "auto", channel: str = "public", tier: Tier = Tier.FULL,
        network: str | None = None,
    ) -> Report:
        lang = self.resolve_language(text, language)
        if channel not in CHANNELS:
            raise UsageError(f"unknown channel {channel!r}; choose one of {', '.join(CHANNELS)}")
        if network is not None and network not in NETWORKS:
            raise UsageError(f"unknown network {network!r}; choose one of {', '.join(NETWORKS)}")
        deep = tier is Tier.FULL and self.nlp is not None
        active = [d for d in self.detectors if deep or not d.requires]
        found: list[Finding] = []
        for offset, chunk in split_chunks(text):
            found.extend(f.shifted(offset) for f in self._check_chunk(chunk, lang, channel, tier, active))
        # Filtered before document detectors run, so an allowed term cannot start a policy either.
        found = keep(self.filters, found)
        found.extend(keep(self.filters, self._run_document(text, lang, channel, active, tuple(found), network)))
        findings = tuple(merge(f for f in found if f.kind not in self.context_kinds))
        return Report(
            language=lang,
            channel=channel,
            findings=findings,
            verdict=verdict_for(findings),
            safer_text=safer_text(text, findings),
            complete=tier is Tier.FULL,
            notices=self.nlp.notices() if self.nlp and tier is Tier.FULL else (),
        )

    def resolve_language(self, text: str, language: str) -> str:
        if language == "auto":
            return self.languages.detect(text)
        if language not in SUPPORTED:
            raise UsageError(f"unsupported language {language!r}; choose auto, {', '.join(SUPPORTED)}")
        return language

    def _check_chunk(
        self, chunk: str, lang: str, channel: str, tier: Tier, active: list[Detector]
    ) -> tuple[Finding, ...]:
        key = (chunk, lang, channel, tier)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        detectors = [d for d in active if d.scope == "chunk"]
        ctx = CheckContext(chunk, lang, channel, self._analyser(lang, detectors))
        result = tuple(self._run(detectors, ctx))
        with self._lock:
            self._cache[key] = result
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return result

    def _run_document(
        self, text: str, lang: str, channel: str, active: list[Detector], found: tuple[Finding, ...],
        network: str | None = None,
    ) -> list[Finding]:
        detectors = [d for d in active if d.scope == "document"]
        if not detectors:
            return []
        ctx = CheckContext(text, lang, channel)
        ctx.findings = found
        ctx.network = network
        return self._run(detectors, ctx)

    def _analyser(self, lang: str, detectors: list[Detector]):
        needs = frozenset().union(*(d.requires for d in detectors))
        if not needs or self.nlp is None:
            return None
        nlp = self.nlp
        return lambda text: nlp.process(text, lang, needs)

    @staticmethod
    def _run(detectors: Sequence[Detector], ctx: CheckContext) -> list[Finding]:
        """A failing detector costs its own findings, never the whole check."""
        out: list[Finding] = []
        for detector in detectors:
            try:
                out.extend(detector.detect(ctx))
            except Exception as exc:  # reported without draft text
                log.error("detector %s failed: %s", detector.id, type(exc).__name__)
                if _strict():
                    raise
        return out

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()


def _strict() -> bool:
    """Tests set PRECHECK_STRICT=1 so a broken detector fails loudly instead of quietly."""
    return os.environ.get("PRECHECK_STRICT") == "1"
