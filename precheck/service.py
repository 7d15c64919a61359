"""The composition root: the one place that wires packs, detectors and NLP into a checker.

The CLI, the desktop app and the tray all call ``build_checker`` and never
assemble a checker of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from precheck.core.detector import Detector
from precheck.core.engine import Checker
from precheck.core.language import LangidDetector
from precheck.detectors.registry import builtin_detectors
from precheck.detectors.term_cache import TermCache
from precheck.paths import builtin_pack_paths, term_cache_dir
from precheck.rulepacks.install import installed_pack_paths
from precheck.rulepacks.levels import LEVELS, install_folder
from precheck.rulepacks.loader import CONTEXT_TERM_KINDS, load_pack
from precheck.rulepacks.model import Pack
from precheck.rulepacks.precedence import pack_filters

if TYPE_CHECKING:
    from precheck.admin_config import AdminConfig, GrammarSettings
    from precheck.core.model import Report
    from precheck.core.ports import NlpEngine
    from precheck.nlp.grammar import GrammarService


@dataclass(frozen=True)
class CheckerSettings:
    """What a caller may choose; everything else comes from the shipped packs."""

    extra_packs: Sequence[Path] = ()
    use_nlp: bool = True
    builtin_packs: Sequence[Path] | None = None
    # The packs installed from IT's signed repositories, the organisation's and the department's.
    installed_packs: bool = True
    languages: tuple[str, ...] = field(default=("en", "nl"))
    # The user's personal allowlist, the highest precedence: salted digests of rule and term
    # (``precheck.core.filters.term_digest``), so settings never hold the flagged text.
    personal_allow: frozenset[str] = frozenset()
    personal_salt: bytes = b""
    # Keep the built matcher of large term packs in the user's cache folder for a fast next start.
    cache_terms: bool = True


def active_pack_paths(settings: CheckerSettings) -> list[Path]:
    """Precedence, lowest first: built-in, the organisation's, the department's, then the caller's packs."""
    return [path for _origin, path in active_pack_origins(settings)]


def active_pack_origins(settings: CheckerSettings) -> list[tuple[str, Path]]:
    """Each active pack with where it came from: "builtin", "organisation", "department" or "extra"."""
    builtin = builtin_pack_paths() if settings.builtin_packs is None else settings.builtin_packs
    levels = LEVELS if settings.installed_packs else ()
    installed = [(level, path) for level in levels for path in installed_pack_paths(install_folder(level))]
    return [*(("builtin", Path(p)) for p in builtin), *installed, *(("extra", Path(p)) for p in settings.extra_packs)]


def load_packs(settings: CheckerSettings) -> list[Pack]:
    return [load_pack(path) for path in active_pack_paths(settings)]


def build_checker(settings: CheckerSettings | None = None, nlp: NlpEngine | None = None) -> Checker:
    """``nlp`` reuses a loaded engine, so callers that build several checkers load spaCy once."""
    settings = settings or CheckerSettings()
    packs = load_packs(settings)
    cache = TermCache(term_cache_dir()) if settings.cache_terms else None
    detectors: list[Detector] = builtin_detectors(packs, cache)
    if not settings.use_nlp:
        nlp = None
    elif nlp is None and any(d.requires for d in detectors):
        from precheck.nlp.spacy_engine import SpacyEngine

        nlp = SpacyEngine()
    return Checker(
        detectors, languages=LangidDetector(settings.languages), nlp=nlp, context_kinds=CONTEXT_TERM_KINDS,
        filters=pack_filters(packs, settings.personal_allow, settings.personal_salt),
    )


GRAMMAR_OFF_BY_ADMIN = "Grammar checks are off: your administrator turned them off ([grammar] mode = \"off\")."


def build_grammar(admin: AdminConfig | None = None, *, requested: bool = False) -> GrammarService:
    """The grammar layer the admin configured; ``requested`` (CLI ``--grammar``) means local when unset.

    Always returns a service, so callers can show its status even when it is off.
    """
    from precheck.admin_config import load_admin_config
    from precheck.nlp.grammar import FixedEndpoint, GrammarService, Mode
    from precheck.nlp.languagetool_local import LocalServer

    settings = (admin or load_admin_config()).grammar
    mode = Mode(settings.mode or ("local" if requested else "off"))
    common: dict[str, Any] = {"languages": {"en": settings.english}, "time_limit": settings.time_limit}
    if mode is Mode.OFF:
        return GrammarService(Mode.OFF, off_notice=GRAMMAR_OFF_BY_ADMIN if requested else "")
    if mode is Mode.LOCAL:
        local_path = Path(settings.local_path) if settings.local_path else None
        return GrammarService(Mode.LOCAL, LocalServer(local_path, settings.java, settings.port), **common)
    assert settings.server is not None  # the admin configuration refuses server mode without one
    return GrammarService(
        Mode.SERVER, FixedEndpoint(settings.server), client_factory=_server_client(settings),
        public_api=_is_public(settings.server), **common,
    )


def _server_client(settings: GrammarSettings) -> Any:
    """Credentials for a company server: the user name from the admin, the key from the OS keyring."""
    from functools import partial

    from precheck.nlp.languagetool_client import LanguageToolClient

    key = _keyring_secret("grammar-server") if settings.username else ""
    return partial(LanguageToolClient, allow_public=settings.allow_public_api,
                   username=settings.username or "", api_key=key)


def _keyring_secret(name: str) -> str:
    """The desktop app's settings store the key under the same name; no keyring means no key."""
    try:
        import keyring

        return keyring.get_password("precheck", name) or ""
    except Exception:
        return ""


def _is_public(url: str) -> bool:
    from precheck.nlp.languagetool_client import is_public_api

    return is_public_api(url)


class GrammarChecking:
    """The checker followed by grammar, for callers that show everything at once (CLI, batch).

    The desktop app does not use this: it shows ``Checker.check`` first and
    calls ``GrammarService.check`` afterwards, so grammar never delays a finding.
    """

    def __init__(self, checker: Checker, grammar: GrammarService) -> None:
        self.checker, self.grammar = checker, grammar

    def check(self, text: str, **options: Any) -> Report:
        return self.grammar.check(text, self.checker.check(text, **options))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.checker, name)
