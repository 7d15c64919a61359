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

from precheck.core.errors import PrecheckError

ENV_OVERRIDE = "PRECHECK_ADMIN_CONFIG"
FILE_NAME = "config.toml"


class AdminConfigError(PrecheckError):
    code = "E210"
    exit_code = 5


@dataclass(frozen=True)
class AdminConfig:
    trusted_keys: tuple[str, ...] = ()
    update_source: str | None = None
    source: Path | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)


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
    packs = data.get("packs", {})
    if not isinstance(packs, dict):
        raise AdminConfigError(f"{path}: [packs] must be a table")
    keys = packs.get("trusted_keys", [])
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise AdminConfigError(f"{path}: packs.trusted_keys must be a list of public keys")
    source = packs.get("update_source")
    if source is not None and not isinstance(source, str):
        raise AdminConfigError(f"{path}: packs.update_source must be a string")
    return AdminConfig(trusted_keys=tuple(keys), update_source=source, source=path, extra=data)
