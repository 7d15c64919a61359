"""A JSON twin of a verified pack, so clients start fast.

YAML is for authoring: a 3 MB YAML pack takes seconds to parse, the same data
as JSON tens of milliseconds. ``update`` writes the twin next to each verified
pack; the loader uses it only when it records the SHA-256 of the YAML beside
it, so an edited or replaced YAML file is never shadowed by a stale twin.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml

from precheck.rulepacks.conduct import _plain_located

TWIN_FORMAT = 1


def pack_digest(raw: bytes) -> str:
    """What a twin records of its YAML, and what the loader remembers a parsed pack by."""
    return hashlib.sha256(raw).hexdigest()


def twin_path(path: Path) -> Path:
    return path.with_suffix(".json")


def write_twin(path: Path, raw: bytes) -> bool:
    """Write the twin of the YAML pack ``raw`` at ``path``; False when its data has no JSON form (dates)."""
    data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    payload = {"format": TWIN_FORMAT, "sha256": pack_digest(raw), "data": data}
    try:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return False
    # No atomic write needed: a half-written twin fails to parse or to match and the YAML is read instead.
    twin_path(path).write_text(text, encoding="utf-8")
    return True


def read_twin(path: Path, digest: str) -> Any | None:
    """The pack's data from a fresh twin (positions unknown), or None to read the YAML instead."""
    twin = twin_path(path)
    if not twin.is_file():
        return None
    try:
        payload = json.loads(twin.read_bytes())
        fresh = payload["format"] == TWIN_FORMAT and payload["sha256"] == digest
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return _plain_located(payload["data"]) if fresh else None
