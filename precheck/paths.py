"""Where precheck finds its shipped data, from a checkout, an install or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def data_root() -> Path:
    """The folder that holds ``rules/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def rules_dir() -> Path:
    return data_root() / "rules"


def resources_dir() -> Path:
    return data_root() / "resources"


def builtin_pack_paths() -> list[Path]:
    """Shipped packs, in a stable order so their precedence never depends on the file system."""
    return sorted(rules_dir().glob("*.yaml"))


def user_data_dir() -> Path:
    """Per-user data (installed rule packs); honours XDG_DATA_HOME and the platform's rules."""
    import platformdirs

    return Path(platformdirs.user_data_dir("precheck", appauthor=False))


def installed_packs_dir() -> Path:
    """The organisation's installed packs (the name predates the department's repository)."""
    return user_data_dir() / "packs"


def department_packs_dir() -> Path:
    """The department's installed packs, apart from the organisation's so each keeps its own state."""
    return user_data_dir() / "packs-department"


def term_cache_dir() -> Path:
    """Built term matchers of large packs (no draft text); honours XDG_CACHE_HOME."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("precheck", appauthor=False)) / "terms"
