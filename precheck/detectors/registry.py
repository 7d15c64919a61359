"""The built-in detector families, listed explicitly so adding one is one line here."""

from __future__ import annotations

from collections.abc import Sequence

from precheck.core.detector import Detector
from precheck.detectors.figures import FigureDetector, NerFigureDetector
from precheck.detectors.length import NetworkLengthDetector
from precheck.detectors.patterns import PatternDetector
from precheck.detectors.personal import PersonalDetector
from precheck.detectors.phones import PhoneDetector
from precheck.detectors.policies import PolicyDetector
from precheck.detectors.shouting import ShoutingDetector
from precheck.detectors.term_cache import TermCache
from precheck.detectors.terms import TermDetector
from precheck.detectors.tone import ToneTargetDetector, ToneWordsDetector
from precheck.detectors.tone_words import build_tone_words
from precheck.detectors.topics import TopicDetector
from precheck.rulepacks.model import Pack


def builtin_detectors(packs: Sequence[Pack], term_cache: TermCache | None = None) -> list[Detector]:
    patterns = [rule for pack in packs for rule in pack.patterns]
    tone = build_tone_words(packs)
    return [
        PatternDetector(patterns),
        PhoneDetector(),
        PersonalDetector(),
        TermDetector([term for pack in packs for term in pack.terms], term_cache),
        FigureDetector(),
        NerFigureDetector(),
        TopicDetector(),
        ToneWordsDetector(tone),
        ToneTargetDetector(tone, "en"),
        ToneTargetDetector(tone, "nl"),
        ShoutingDetector(tone),
        PolicyDetector([policy for pack in packs for policy in pack.policies]),
        NetworkLengthDetector(),
    ]
