"""Shared fixtures: one checker per session (models load once), the shared corpora."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("PRECHECK_STRICT", "1")

# Hermetic per-user folders: tests never read or write the developer's own
# settings, installed packs or admin configuration.
_HOME = Path(tempfile.mkdtemp(prefix="precheck-tests-"))
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ["PRECHECK_ADMIN_CONFIG"] = str(_HOME / "no-admin-config.toml")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"
PEERS = SHARED / "corpus" / "peers"


@pytest.fixture(scope="session")
def checker():
    """The production checker with the shipped packs, as the CLI builds it."""
    from precheck.service import build_checker

    return build_checker()


@pytest.fixture(scope="session")
def peers_dir() -> Path:
    if not PEERS.is_dir():
        pytest.skip(f"peer corpus not found at {PEERS}")
    return PEERS


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS}")
    return DEV_CORPUS


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """An in-memory keyring for one test; the previous backend comes back afterwards."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
