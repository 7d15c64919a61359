"""The composition root: the one place that wires packs, detectors and NLP into a checker.

The CLI, the desktop app and the tray all call ``build_checker`` and never
assemble a checker of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from precheck.core.detector import Detector
from precheck.core.engine import Checker
from precheck.core.language import LinguaDetector
from precheck.detectors.registry import builtin_detectors
from precheck.paths import builtin_pack_paths, installed_packs_dir
from precheck.rulepacks.install import installed_pack_paths
from precheck.rulepacks.loader import load_pack
from precheck.rulepacks.model import Pack


@dataclass(frozen=True)
class CheckerSettings:
    """What a caller may choose; everything else comes from the shipped packs."""

    extra_packs: Sequence[Path] = ()
    use_nlp: bool = True
    builtin_packs: Sequence[Path] | None = None
    installed_packs: bool = True
    languages: tuple[str, ...] = field(default=("en", "nl"))


def active_pack_paths(settings: CheckerSettings) -> list[Path]:
    """Precedence, lowest first: built-in packs, the organisation's installed packs, the caller's."""
    builtin = builtin_pack_paths() if settings.builtin_packs is None else settings.builtin_packs
    installed = installed_pack_paths(installed_packs_dir()) if settings.installed_packs else []
    return [Path(p) for p in (*builtin, *installed, *settings.extra_packs)]


def load_packs(settings: CheckerSettings) -> list[Pack]:
    return [load_pack(path) for path in active_pack_paths(settings)]


def build_checker(settings: CheckerSettings | None = None) -> Checker:
    settings = settings or CheckerSettings()
    packs = load_packs(settings)
    detectors: list[Detector] = builtin_detectors(packs)
    nlp = None
    if settings.use_nlp and any(d.requires for d in detectors):
        from precheck.nlp.spacy_engine import SpacyEngine

        nlp = SpacyEngine()
    return Checker(detectors, languages=LinguaDetector(), nlp=nlp)
