"""Verifying an index and its packs, and installing them atomically.

Every check happens before anything is written; the previous set stays on
disk and active until the new one is complete.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

from precheck.rulepacks.compiled import write_twin
from precheck.rulepacks.fetch import Fetcher, UpdateError, safe_name
from precheck.rulepacks.fields import Problems
from precheck.rulepacks.loader import MAX_PACK_BYTES, parse_pack
from precheck.rulepacks.repository import FORMAT, INDEX_NAME, write_atomic
from precheck.rulepacks.signing import SigningError, verify

MAX_INDEX_BYTES = 1024 * 1024
STATE_NAME = "state.json"


@dataclass(frozen=True)
class UpdateResult:
    status: str  # "updated" or "current"
    repository: str
    version: int
    packs: dict[str, str]


def update(fetcher: Fetcher, trusted: list[str], packs_dir: Path, now: datetime | None = None) -> UpdateResult:
    signed = verified_index(fetcher.get(INDEX_NAME, MAX_INDEX_BYTES), trusted, now or datetime.now(UTC))
    state = read_state(packs_dir)
    if _is_current(signed, state):
        return UpdateResult("current", signed["repository"], signed["version"], state.get("packs", {}))
    _refuse_rollback(signed, state)
    files = {entry["id"]: (entry, _verified_pack(fetcher, entry)) for entry in signed["packs"]}
    _refuse_pack_downgrade(files, state)
    _install(packs_dir, signed, files, state)
    return UpdateResult("updated", signed["repository"], signed["version"],
                        {pid: e["version"] for pid, (e, _) in files.items()})


def verified_index(raw: bytes, trusted: list[str], now: datetime) -> dict[str, Any]:
    try:
        envelope = json.loads(raw)
        signed, signatures = envelope["signed"], envelope["signatures"]
    except (ValueError, KeyError, TypeError):
        raise UpdateError("the index is not a precheck pack index (truncated or damaged)") from None
    try:
        verify(signed, signatures, trusted)
    except SigningError as exc:
        raise UpdateError(exc.message) from None
    _check_shape(signed)
    if datetime.fromisoformat(signed["expires"]) <= now:
        raise UpdateError(f"the index expired on {signed['expires']}; the repository is stale (frozen), ask IT")
    return signed


def _check_shape(signed: Any) -> None:
    try:
        ok = (signed["format"] == FORMAT and isinstance(signed["version"], int)
              and isinstance(signed["repository"], str) and isinstance(signed["packs"], list))
        datetime.fromisoformat(signed["expires"])
        for e in signed["packs"]:
            ok = ok and isinstance(e["id"], str) and isinstance(e["size"], int) and isinstance(e["sha256"], str)
            _version(e["version"])
            safe_name(e["file"])
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise UpdateError("the index is signed but malformed; refused")


def _verified_pack(fetcher: Fetcher, entry: dict[str, Any]) -> bytes:
    if entry["size"] > MAX_PACK_BYTES:
        raise UpdateError(f"pack {entry['id']} is larger than allowed; refused")
    data = fetcher.get(entry["file"], entry["size"])
    if len(data) != entry["size"]:
        raise UpdateError(f"pack {entry['id']} is truncated ({len(data)} of {entry['size']} bytes); refused")
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise UpdateError(f"pack {entry['id']} does not match the signed index (tampered, or from another index)")
    problems = Problems(entry["file"])
    try:
        pack = parse_pack(data.decode("utf-8"), None, problems)
    except UnicodeDecodeError:
        pack = None
    if pack is None or problems:
        raise UpdateError(f"pack {entry['id']} is invalid: " + "; ".join(problems.items[:3]))
    if (pack.id, pack.version) != (entry["id"], entry["version"]):
        raise UpdateError(f"pack file {entry['file']} says {pack.id} {pack.version}, the index another; refused")
    return data


def _is_current(signed: dict[str, Any], state: dict[str, Any]) -> bool:
    return state.get("repository") == signed["repository"] and state.get("version") == signed["version"]


def _refuse_rollback(signed: dict[str, Any], state: dict[str, Any]) -> None:
    if state.get("repository") == signed["repository"] and signed["version"] < state.get("version", 0):
        raise UpdateError(f"the index (version {signed['version']}) is older than the installed one "
                          f"({state['version']}): rollback refused")


def _refuse_pack_downgrade(files: dict[str, Any], state: dict[str, Any]) -> None:
    for pack_id, installed in state.get("packs", {}).items():
        if pack_id in files and _version(files[pack_id][0]["version"]) < _version(installed):
            raise UpdateError(f"pack {pack_id} {files[pack_id][0]['version']} is older than the installed "
                              f"{installed}: rollback refused")


def _version(text: str) -> Version:
    try:
        return Version(str(text))
    except InvalidVersion:
        raise UpdateError(f"{text!r} is not a version number") from None


def _install(packs_dir: Path, signed: dict[str, Any], files: dict[str, Any], state: dict[str, Any]) -> None:
    name = f"set-{signed['version']}-{uuid.uuid4().hex[:8]}"
    target = packs_dir / "sets" / name
    target.mkdir(parents=True)
    for pack_id, (_, data) in files.items():
        (target / f"{pack_id}.yaml").write_bytes(data)
        write_twin(target / f"{pack_id}.yaml", data)
    new_state = {"repository": signed["repository"], "version": signed["version"], "set": name,
                 "previous": state.get("set"), "installed": datetime.now(UTC).isoformat(timespec="seconds"),
                 "packs": {pid: e["version"] for pid, (e, _) in files.items()}}
    write_atomic(packs_dir / STATE_NAME, json.dumps(new_state, indent=2).encode("utf-8"))
    _prune(packs_dir, keep={name, state.get("set")})


def _prune(packs_dir: Path, keep: set[str | None]) -> None:
    for old in (packs_dir / "sets").iterdir():
        if old.name not in keep:
            shutil.rmtree(old, ignore_errors=True)


def read_state(packs_dir: Path) -> dict[str, Any]:
    try:
        state = json.loads((packs_dir / STATE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def installed_pack_paths(packs_dir: Path) -> list[Path]:
    """The active set's packs; an unreadable state falls back to the built-in packs only."""
    name = read_state(packs_dir).get("set")
    if not isinstance(name, str):
        return []
    folder = packs_dir / "sets" / name
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []
