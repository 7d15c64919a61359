"""The built-in detector families, listed explicitly so adding one is one line here."""

from __future__ import annotations

from collections.abc import Sequence

from precheck.core.detector import Detector
from precheck.detectors.figures import FigureDetector, NerFigureDetector
from precheck.detectors.patterns import PatternDetector
from precheck.detectors.phones import PhoneDetector
from precheck.detectors.terms import TermDetector
from precheck.detectors.topics import TopicDetector
from precheck.rulepacks.model import Pack


def builtin_detectors(packs: Sequence[Pack]) -> list[Detector]:
    patterns = [rule for pack in packs for rule in pack.patterns]
    return [
        PatternDetector(patterns),
        PhoneDetector(),
        TermDetector([term for pack in packs for term in pack.terms]),
        FigureDetector(),
        NerFigureDetector(),
        TopicDetector(),
    ]
