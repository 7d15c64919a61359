"""The machine-wide configuration that only IT can write.

Trusted rule-pack keys come from here and never from a download, so a
forged repository cannot vouch for itself.
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from precheck.core.errors import PrecheckError

ENV_OVERRIDE = "PRECHECK_ADMIN_CONFIG"
FILE_NAME = "config.toml"


class AdminConfigError(PrecheckError):
    code = "E210"
    exit_code = 5


GRAMMAR_MODES = ("off", "local", "server")


@dataclass(frozen=True)
class GrammarSettings:
    """``[grammar]``: where drafts may go for a grammar check. ``mode`` None means not configured.

    The public api.languagetool.org is refused unless ``allow_public_api`` is
    true, because a draft sent there leaves the company.
    """

    mode: str | None = None
    server: str | None = None
    username: str | None = None
    local_path: str | None = None
    java: str | None = None
    port: int | None = None
    time_limit: float = 5.0
    english: str = "en-US"
    allow_public_api: bool = False


# User settings an admin may preset in [settings], with their types.
USER_SETTINGS: dict[str, tuple[type, ...]] = {
    "ui_language": (str,), "draft_languages": (list,), "default_network": (str,),
    "pack_sources": (list,), "start_in_tray": (bool,), "start_with_system": (bool,),
    "check_updates_at_start": (bool,),
}


@dataclass(frozen=True)
class AdminConfig:
    trusted_keys: tuple[str, ...] = ()
    update_source: str | None = None
    # A second signed repository, ranked above the organisation's; None keys mean trusted_keys sign it.
    department_source: str | None = None
    department_keys: tuple[str, ...] | None = None
    source: Path | None = None
    grammar: GrammarSettings = field(default_factory=GrammarSettings)
    settings: dict[str, object] = field(default_factory=dict, compare=False)
    locked: frozenset[str] = frozenset()

    def locked_value(self, key: str) -> tuple[bool, object]:
        """(True, value) when IT fixed this user setting; users cannot override it."""
        return (key in self.locked, self.settings.get(key))


def load_admin_config_or_defaults(path: Path | None = None) -> tuple[AdminConfig, str | None]:
    """For the desktop app: a broken file gives safe defaults and a message to show, never a crash.

    Safe defaults mean no trusted keys (so no pack update is accepted) and grammar off.
    """
    try:
        return load_admin_config(path), None
    except AdminConfigError as exc:
        return AdminConfig(), f"The machine configuration is broken, so defaults apply: {exc.message}"


def admin_config_path() -> Path:
    """Per platform: /etc/precheck, %ProgramData%\\precheck, /Library/Application Support/precheck."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "precheck" / FILE_NAME
    if sys.platform == "darwin":
        return Path("/Library/Application Support/precheck") / FILE_NAME
    return Path("/etc/precheck") / FILE_NAME


def load_admin_config(path: Path | None = None) -> AdminConfig:
    """A missing file means defaults; a broken one is an error that names the file."""
    path = path or admin_config_path()
    if not path.is_file():
        return AdminConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise AdminConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise AdminConfigError(f"{path}: cannot read ({exc.strerror})") from None
    packs = _pack_settings(data.get("packs", {}), path)
    settings, locked = _user_settings(data.get("settings", {}), path)
    return AdminConfig(
        **packs, source=path, grammar=_grammar_settings(data.get("grammar", {}), path),
        settings=settings, locked=locked,
    )


_PACK_KEYS = ("trusted_keys", "update_source", "department_source", "department_keys")


def _pack_settings(table: object, path: Path) -> dict[str, Any]:
    """``[packs]``: where the signed repositories are and which keys may sign them."""
    if not isinstance(table, dict):
        raise AdminConfigError(f"{path}: [packs] must be a table")
    for key in table:
        if key not in _PACK_KEYS:  # a typo such as department_key would otherwise fall back silently
            raise AdminConfigError(f"{path}: packs.{key} is not a setting; known: {', '.join(_PACK_KEYS)}")
    keys = _key_list(table, "trusted_keys", path)
    department_keys = _key_list(table, "department_keys", path) if "department_keys" in table else None
    sources = {name: table.get(name) for name in ("update_source", "department_source")}
    for name, value in sources.items():
        if value is not None and not isinstance(value, str):
            raise AdminConfigError(f"{path}: packs.{name} must be a string")
    return {"trusted_keys": keys, "department_keys": department_keys, **sources}


def _key_list(table: dict[str, Any], name: str, path: Path) -> tuple[str, ...]:
    keys = table.get(name, [])
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise AdminConfigError(f"{path}: packs.{name} must be a list of public keys")
    return tuple(keys)


def _user_settings(table: object, path: Path) -> tuple[dict[str, object], frozenset[str]]:
    """``[settings]``: preset values, and ``locked``: the ones users cannot change."""
    if not isinstance(table, dict):
        raise AdminConfigError(f"{path}: [settings] must be a table")
    values = {k: v for k, v in table.items() if k != "locked"}
    for key, value in values.items():
        if key not in USER_SETTINGS:
            raise AdminConfigError(f"{path}: settings.{key} is not a setting; known: {', '.join(USER_SETTINGS)}")
        if not isinstance(value, USER_SETTINGS[key]):
            raise AdminConfigError(f"{path}: settings.{key} has the wrong type")
    locked = table.get("locked", [])
    if not isinstance(locked, list) or not all(isinstance(k, str) for k in locked):
        raise AdminConfigError(f"{path}: settings.locked must be a list of setting names")
    unknown = [k for k in locked if k not in values]
    if unknown:
        raise AdminConfigError(f"{path}: settings.locked names {', '.join(unknown)} without a value to lock to")
    return values, frozenset(locked)


_GRAMMAR_TYPES: dict[str, tuple[type, ...]] = {
    "mode": (str,), "server": (str,), "username": (str,), "local_path": (str,), "java": (str,),
    "port": (int,), "time_limit": (int, float), "english": (str,), "allow_public_api": (bool,),
}


def _grammar_settings(table: object, path: Path) -> GrammarSettings:
    """Every problem names the key, so an admin fixes the file in one go."""
    if not isinstance(table, dict):
        raise AdminConfigError(f"{path}: [grammar] must be a table")
    for key, value in table.items():
        if key not in _GRAMMAR_TYPES:
            raise AdminConfigError(f"{path}: grammar.{key} is not a setting; known: {', '.join(_GRAMMAR_TYPES)}")
        if not isinstance(value, _GRAMMAR_TYPES[key]) or (key == "port" and isinstance(value, bool)):
            raise AdminConfigError(f"{path}: grammar.{key} has the wrong type")
    settings = GrammarSettings(**table)
    if settings.mode is not None and settings.mode not in GRAMMAR_MODES:
        raise AdminConfigError(f"{path}: grammar.mode must be one of {', '.join(GRAMMAR_MODES)}")
    if settings.mode == "server" and not settings.server:
        raise AdminConfigError(f"{path}: grammar.mode = \"server\" needs grammar.server, the server's address")
    if settings.server and not settings.server.startswith(("http://", "https://")):
        raise AdminConfigError(f"{path}: grammar.server must start with http:// or https://")
    if settings.time_limit <= 0:
        raise AdminConfigError(f"{path}: grammar.time_limit must be a positive number of seconds")
    _refuse_public(settings, path)
    return settings


def _refuse_public(settings: GrammarSettings, path: Path) -> None:
    from precheck.nlp.languagetool_client import is_public_api

    if settings.server and is_public_api(settings.server) and not settings.allow_public_api:
        raise AdminConfigError(
            f"{path}: grammar.server {settings.server} is LanguageTool's public service, so drafts would "
            "leave the company; set grammar.allow_public_api = true to allow that explicitly"
        )
