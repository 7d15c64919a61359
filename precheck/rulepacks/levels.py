"""The signed repositories IT configured: the organisation's and, optionally, a department's.

Each level installs into its own folder with its own state, so a refusal at
one level (a stranger's key, a rollback, an expired index) never touches the
packs of the other, and each update is judged against its own history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from precheck.core.errors import PrecheckError
from precheck.paths import department_packs_dir, installed_packs_dir
from precheck.rulepacks.fetch import UpdateError, fetcher_for
from precheck.rulepacks.install import UpdateResult, update

ORGANISATION, DEPARTMENT = "organisation", "department"
LEVELS = (ORGANISATION, DEPARTMENT)  # lowest precedence first


class RepositoryConfig(Protocol):
    """What this module needs of ``precheck.admin_config.AdminConfig`` (which may import NLP code)."""

    @property
    def trusted_keys(self) -> tuple[str, ...]: ...

    @property
    def update_source(self) -> str | None: ...

    @property
    def department_source(self) -> str | None: ...

    @property
    def department_keys(self) -> tuple[str, ...] | None: ...


@dataclass(frozen=True)
class PackRepository:
    level: str
    source: str
    trusted: tuple[str, ...]
    folder: Path


@dataclass(frozen=True)
class LevelOutcome:
    """One level's update: a result, or the refusal that left its active packs as they were."""

    level: str
    result: UpdateResult | None = None
    error: PrecheckError | None = None


def install_folder(level: str) -> Path:
    return department_packs_dir() if level == DEPARTMENT else installed_packs_dir()


def trusted_for(config: RepositoryConfig, level: str) -> tuple[str, ...]:
    """A department signs with its own keys when IT names some; otherwise with the organisation's."""
    if level == DEPARTMENT and config.department_keys is not None:
        return config.department_keys
    return config.trusted_keys


def repository_for(config: RepositoryConfig, level: str, source: str) -> PackRepository:
    return PackRepository(level, source, trusted_for(config, level), install_folder(level))


def configured_repositories(config: RepositoryConfig) -> list[PackRepository]:
    """The levels IT gave a source for, lowest precedence first."""
    sources = {ORGANISATION: config.update_source, DEPARTMENT: config.department_source}
    return [repository_for(config, level, source) for level in LEVELS if (source := sources[level])]


def update_level(repository: PackRepository, now: datetime | None = None) -> LevelOutcome:
    """Never raises for a refusal or a disk problem, so the next level still gets its turn."""
    try:
        fetcher = fetcher_for(repository.source)
        return LevelOutcome(repository.level, update(fetcher, list(repository.trusted), repository.folder, now))
    except PrecheckError as exc:
        return LevelOutcome(repository.level, error=exc)
    except OSError as exc:
        problem = UpdateError(f"cannot install into {repository.folder} ({exc.strerror or exc})")
        return LevelOutcome(repository.level, error=problem)


def update_levels(repositories: Iterable[PackRepository], now: datetime | None = None) -> list[LevelOutcome]:
    return [update_level(repository, now) for repository in repositories]
