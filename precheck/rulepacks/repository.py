"""Publishing: a folder any web server or file share can host, with a signed index.

The index pins each pack's version, size and SHA-256, the repository's
version and an expiry date, so clients can refuse tampering, rollback,
freeze and mix-and-match attacks.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.core.errors import PackError
from precheck.rulepacks.loader import load_pack
from precheck.rulepacks.signing import sign

INDEX_NAME = "index.json"
FORMAT = 1


def publish(
    private: Ed25519PrivateKey, pack_paths: list[Path], target: Path, *, repository: str = "precheck",
    valid_days: int = 30, now: datetime | None = None,
) -> dict[str, Any]:
    """Write the packs and a freshly signed index; the repository version always goes up."""
    if not pack_paths:
        raise PackError("name at least one pack to publish")
    now = now or datetime.now(UTC)
    (target / "packs").mkdir(parents=True, exist_ok=True)
    entries = [_publish_pack(path, target) for path in pack_paths]
    ids = [e["id"] for e in entries]
    if len(set(ids)) != len(ids):
        raise PackError("two of the packs to publish have the same pack id")
    signed = {
        "format": FORMAT,
        "repository": repository,
        "version": _previous_version(target) + 1,
        "published": now.isoformat(timespec="seconds"),
        "expires": (now + timedelta(days=valid_days)).isoformat(timespec="seconds"),
        "packs": sorted(entries, key=lambda e: e["id"]),
    }
    write_atomic(target / INDEX_NAME, json.dumps({"signed": signed, "signatures": [sign(private, signed)]},
                                                 indent=2, ensure_ascii=False).encode("utf-8"))
    return signed


def _publish_pack(path: Path, target: Path) -> dict[str, Any]:
    pack = load_pack(path)
    data = path.read_bytes()
    name = f"packs/{pack.id}-{pack.version}.yaml"
    write_atomic(target / name, data)
    return {"id": pack.id, "version": pack.version, "file": name, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest()}


def _previous_version(target: Path) -> int:
    try:
        return int(json.loads((target / INDEX_NAME).read_text("utf-8"))["signed"]["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def write_atomic(path: Path, data: bytes) -> None:
    """Readers see the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
