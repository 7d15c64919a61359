"""How a post frames what it mentions: insider knowledge, public news, or a forecast.

The same words ("merger", "revenue of €2 million") are a leak from an
insider and harmless from a reader of the news. A reader tells them apart by
who speaks ("we", "our", "I heard in the canteen"), by signs that it is not
public yet ("between us", "not published until"), and by signs that it is
("announced", "annual report"). The detectors weigh the same signs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from precheck.core.detector import RuleMeta, Texts
from precheck.core.model import Category, Severity
from precheck.detectors.lexicon import PhraseSet, Spans, for_language, load_lexicon, sentences

BUILTIN_PACK = "builtin-confidential"
CUE_KINDS = ("own", "not_own", "secrecy", "published", "news", "forecast")


@dataclass(frozen=True)
class Framing:
    """The cues found in one text; sentence-level cues are asked about a sentence span."""

    sentences: list[tuple[int, int]]
    own: Spans
    secret: bool
    published: Spans
    news: Spans
    forecast: Spans

    def insider(self, sentence: tuple[int, int]) -> bool:
        """The writer speaks about their own employer, or says the post is not public."""
        return self.secret or self.own.within(*sentence)

    def public(self, sentence: tuple[int, int]) -> bool:
        """Already announced or somebody else's news; secrecy in the post overrides an announcement."""
        return self.news.within(*sentence) or (not self.secret and self.published.within(*sentence))

    def predicted(self, sentence: tuple[int, int]) -> bool:
        return self.forecast.within(*sentence)


class FramingCues:
    """The cue lists of ``cues.yaml`` compiled per language; one instance per process (``shared_cues``)."""

    def __init__(self) -> None:
        data = load_lexicon("cues")
        self._sets = {
            lang: {kind: PhraseSet(for_language(data.get(kind), lang)) for kind in CUE_KINDS}
            for lang in ("en", "nl")
        }

    @lru_cache(maxsize=16)  # noqa: B019 - one shared instance, lives as long as the process
    def read(self, text: str, language: str) -> Framing:
        """``text`` is the folded text the detector matched on.

        Cached because the figure and topic detectors read the same chunk one after the other.
        """
        cues = self._sets.get(language, self._sets["en"])
        secrecy = Spans(cues["secrecy"].spans(text))
        return Framing(
            sentences=sentences(text),
            own=Spans(cues["own"].spans(text)).without(Spans(cues["not_own"].spans(text))),
            secret=bool(secrecy),
            # "not announced" and "nog niet bekendgemaakt" are secrecy, not publication.
            published=Spans(cues["published"].spans(text)).without(secrecy),
            news=Spans(cues["news"].spans(text)),
            forecast=Spans(cues["forecast"].spans(text)),
        )


@cache
def shared_cues() -> FramingCues:
    """One compiled set of cues for all detectors, so a chunk's cues are read once."""
    return FramingCues()


def builtin_meta(kind: str, message: Texts, channels: list[str] | None = None) -> RuleMeta:
    """Built-in confidential rules carry ids like pack rules, so allowlists and reports treat them alike."""
    return RuleMeta.worded(
        f"{BUILTIN_PACK}/{kind.replace('_', '-')}", Category.CONFIDENTIAL, kind, Severity.BLOCK, message,
        channels=frozenset(channels) if channels else None,
    )
