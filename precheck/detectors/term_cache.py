"""The built term matcher of a large pack, kept on disk between starts.

Building the Aho-Corasick automaton of 50,000 company terms costs a few
hundred milliseconds on a slow laptop; reading it back costs a tenth of that.
The file is named after everything the automaton is built from (every rule's
values in order, and the code and data that turn a value into keys), so an
updated pack or a new precheck version builds afresh instead of reading a
stale matcher. Only ``ahocorasick.Automaton`` may be unpickled from it: a
planted file can at worst fail to load, never run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import ahocorasick

from precheck import __version__
from precheck.detectors.term_words import WORDS_FILE
from precheck.paths import resources_dir
from precheck.rulepacks.model import TermRule

CACHE_FORMAT = 1
# Below this many values building is quicker than reading a file.
MIN_VALUES = 2_000
KEEP = 2
_SUFFIX = ".terms"
_KEY_INPUTS = ("precheck.detectors.terms", "precheck.detectors.term_shapes", "precheck.detectors.term_views",
               "precheck.detectors.term_words", "precheck.core.normalize")


def worth_caching(rules: Sequence[TermRule]) -> bool:
    return sum(len(rule.values) for rule in rules) >= MIN_VALUES


def cache_key(rules: Sequence[TermRule]) -> str:
    digest = hashlib.sha256(_code_fingerprint().encode())
    for rule in rules:
        digest.update(b"\x1d")
        digest.update("\x1f".join(rule.values).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Version, and size and time of the files that decide an automaton's keys (a changed checkout counts)."""
    origins = [getattr(importlib.util.find_spec(name), "origin", None) for name in _KEY_INPUTS]
    origins += [str(resources_dir() / WORDS_FILE), ahocorasick.__file__, sys.executable]
    parts = [str(CACHE_FORMAT), __version__]
    for origin in filter(None, origins):
        path = Path(origin)
        if path.is_file():  # in the frozen app the modules live in its archive; the executable counts
            stat = path.stat()
            parts.append(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


class _AutomatonOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> type:
        if (module, name) == ("ahocorasick", "Automaton"):
            return ahocorasick.Automaton
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a term cache")


class TermCache:
    """A folder of built matchers, the few most recently used kept."""

    def __init__(self, folder: Path, keep: int = KEEP) -> None:
        self.folder = folder
        self.keep = keep

    def path(self, key: str) -> Path:
        return self.folder / f"{key}{_SUFFIX}"

    def load(self, key: str) -> ahocorasick.Automaton | None:
        """The matcher stored under ``key``, or None when there is none or it is unreadable."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            automaton = _AutomatonOnly(io.BytesIO(data)).load()
        except Exception:  # a damaged or foreign cache file is rebuilt, never fatal
            automaton = None
        if not isinstance(automaton, ahocorasick.Automaton):
            _forget(path)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used, so pruning keeps it
        return automaton

    def store(self, key: str, automaton: ahocorasick.Automaton) -> None:
        """Write atomically; a full disk or a read-only home only costs the next start its speed."""
        tmp: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".tmp", delete=False) as out:
                tmp = Path(out.name)
                pickle.dump(automaton, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path(key))
        except OSError:
            if tmp is not None:
                _forget(tmp)
            return
        self._prune()

    def _prune(self) -> None:
        files = sorted(self.folder.glob(f"*{_SUFFIX}"), key=_mtime, reverse=True)
        for stale in files[self.keep:]:
            _forget(stale)


def _forget(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
