"""The user's preferences, in an INI file in the platform's config folder.

The file lives where platformdirs says (XDG on Linux), so tests and
privacy audits can redirect it; credentials never go here (see credentials.py).
"""

from __future__ import annotations

import secrets
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings

from precheck.admin_config import AdminConfig, load_admin_config_or_defaults
from precheck.core.language import SUPPORTED
from precheck.service import CheckerSettings
from precheck.ui.channels import DEFAULT_NETWORK, network

ORGANISATION = "precheck"
APPLICATION = "precheck"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APPLICATION, ORGANISATION, roaming=True))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APPLICATION, ORGANISATION))


# Stored keys and the names IT uses for them in the machine configuration's [settings].
ADMIN_NAMES = {
    "ui/language": "ui_language", "check/languages": "draft_languages", "check/network": "default_network",
    "check/packs": "pack_sources", "ui/start_in_tray": "start_in_tray", "ui/start_with_system": "start_with_system",
    "packs/check_at_start": "check_updates_at_start",
}


class AppSettings:
    """Typed access to the stored settings; every write is flushed at once.

    Values IT presets in the machine configuration are the defaults; values IT
    locks always win and cannot be overwritten from here.
    """

    def __init__(self, path: Path | None = None, admin: AdminConfig | None = None) -> None:
        self.path = path or config_dir() / "precheck.conf"
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.admin_problem: str | None = None
        if admin is None:
            admin, self.admin_problem = load_admin_config_or_defaults()
        self.admin = admin

    def is_locked(self, key: str) -> bool:
        return ADMIN_NAMES.get(key, "") in self.admin.locked

    def _get(self, key: str, default, kind: type):
        name = ADMIN_NAMES.get(key, "")
        if name in self.admin.settings:
            if name in self.admin.locked:
                return self.admin.settings[name]
            default = self.admin.settings[name]
        return self._q.value(key, default, type=kind)

    def _set(self, key: str, value) -> None:
        if self.is_locked(key):
            return
        self._q.setValue(key, value)
        self._q.sync()

    @property
    def ui_language(self) -> str:
        value = self._get("ui/language", "system", str)
        return value if value in ("system", "en", "nl") else "system"

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        self._set("ui/language", value)

    @property
    def draft_languages(self) -> tuple[str, ...]:
        stored = self._get("check/languages", list(SUPPORTED), list)
        chosen = tuple(lang for lang in SUPPORTED if lang in stored)
        return chosen or SUPPORTED

    @draft_languages.setter
    def draft_languages(self, value: tuple[str, ...]) -> None:
        self._set("check/languages", list(value))

    @property
    def default_network(self) -> str:
        return network(self._get("check/network", DEFAULT_NETWORK, str)).key

    @default_network.setter
    def default_network(self, value: str) -> None:
        self._set("check/network", value)

    @property
    def pack_sources(self) -> tuple[str, ...]:
        return tuple(str(p) for p in self._get("check/packs", [], list) if p)

    @pack_sources.setter
    def pack_sources(self, value: tuple[str, ...]) -> None:
        self._set("check/packs", list(value))

    @property
    def start_in_tray(self) -> bool:
        return bool(self._get("ui/start_in_tray", False, bool))

    @start_in_tray.setter
    def start_in_tray(self, value: bool) -> None:
        self._set("ui/start_in_tray", bool(value))

    @property
    def start_with_system(self) -> bool:
        return bool(self._get("ui/start_with_system", False, bool))

    @start_with_system.setter
    def start_with_system(self, value: bool) -> None:
        self._set("ui/start_with_system", bool(value))

    @property
    def check_updates_at_start(self) -> bool:
        return bool(self._get("packs/check_at_start", True, bool))

    @check_updates_at_start.setter
    def check_updates_at_start(self, value: bool) -> None:
        self._set("packs/check_at_start", bool(value))

    @property
    def last_pack_update(self) -> tuple[str, str, str] | None:
        """When the last rule-pack update ran, its outcome and what the user was told; kept across restarts."""
        value = [str(v) for v in self._get("packs/last_update", [], list)]
        return (value[0], value[1], value[2]) if len(value) == 3 else None

    @last_pack_update.setter
    def last_pack_update(self, value: tuple[str, str, str]) -> None:
        self._set("packs/last_update", list(value))

    @property
    def salt(self) -> bytes:
        """Random per install, so the same term hashes differently on every machine."""
        value = self._get("privacy/salt", "", str)
        if not value:
            value = secrets.token_hex(16)
            self._set("privacy/salt", value)
        return bytes.fromhex(value)

    @property
    def ignored_digests(self) -> frozenset[str]:
        return frozenset(self._get("privacy/ignored", [], list))

    @ignored_digests.setter
    def ignored_digests(self, value: frozenset[str]) -> None:
        self._set("privacy/ignored", sorted(value))

    def checker_settings(self) -> CheckerSettings:
        return CheckerSettings(
            extra_packs=tuple(Path(p) for p in self.pack_sources), languages=self.draft_languages
        )
