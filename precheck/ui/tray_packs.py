"""Rule packs from the tray: which versions are active, and updating them like ``precheck pack update``.

Every repository IT configured (the organisation's, the department's) is
updated in turn, and the user is told each one's outcome. Both read files
(and updating may use the network), so the tray runs them on a background
thread and only words the outcome here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QObject, Signal

from precheck.admin_config import load_admin_config
from precheck.core.errors import PackError, PrecheckError
from precheck.rulepacks.install import read_state
from precheck.rulepacks.levels import (
    DEPARTMENT,
    LEVELS,
    LevelOutcome,
    PackRepository,
    configured_repositories,
    install_folder,
    update_levels,
)
from precheck.rulepacks.loader import load_pack
from precheck.rulepacks.model import Pack
from precheck.service import CheckerSettings, active_pack_origins
from precheck.ui.i18n import tr
from precheck.ui.tray_checks import Background

log = logging.getLogger(__name__)
INFO, UPDATE = 1, 2


@dataclass(frozen=True)
class InstalledRepository:
    level: str  # "organisation" or "department"
    name: str
    version: int | None


@dataclass(frozen=True)
class PackInfo:
    """The active packs, where each came from, and which of IT's repositories are installed at which version."""

    packs: tuple[tuple[str, str], ...]
    origins: tuple[str, ...] = ()  # per pack: "builtin", "organisation", "department" or "extra"
    repositories: tuple[InstalledRepository, ...] = ()  # lowest level first

    def installed(self, level: str) -> InstalledRepository | None:
        return next((r for r in self.repositories if r.level == level), None)


def _installed(level: str) -> InstalledRepository | None:
    state = read_state(install_folder(level))
    if not state.get("repository"):
        return None
    version = state.get("version")
    return InstalledRepository(level, str(state["repository"]), version if isinstance(version, int) else None)


def _active(settings: CheckerSettings) -> list[tuple[str, tuple[str, str]]]:
    """Origin, id and version of each active pack; a broken pack of the user's is left out, as the checker does."""
    try:
        return [(origin, (p.id, p.version)) for origin, p in _read(settings)]
    except PackError:
        return [(origin, (p.id, p.version)) for origin, p in _read(replace(settings, extra_packs=()))]


def _read(settings: CheckerSettings) -> list[tuple[str, Pack]]:
    return [(origin, load_pack(path)) for origin, path in active_pack_origins(settings)]


def pack_info(settings: CheckerSettings) -> PackInfo:
    """What the checker uses, and the repository name and version of each installed level."""
    active = _active(settings)
    levels = LEVELS if settings.installed_packs else ()
    installed = tuple(r for r in map(_installed, levels) if r is not None)
    return PackInfo(tuple(pack for _, pack in active), tuple(origin for origin, _ in active), installed)


@dataclass(frozen=True)
class UpdateSources:
    """The repositories IT configured, lowest level first, or why there is nowhere to update from."""

    repositories: tuple[PackRepository, ...] = ()
    problem: str = ""


def update_sources() -> UpdateSources:
    try:
        config = load_admin_config()
    except PrecheckError as exc:
        return UpdateSources(problem=str(exc))
    repositories = tuple(configured_repositories(config))
    if not repositories:
        return UpdateSources(problem=tr("No update source is configured. IT sets one in the administrator's "
                                        "configuration (packs.update_source, packs.department_source)."))
    return UpdateSources(repositories)


def run_updates(sources: UpdateSources) -> tuple[LevelOutcome, ...]:
    """Verifies, then installs atomically, level by level; a refusal is an outcome, never an exception."""
    if not sources.repositories:
        raise PrecheckError(sources.problem)
    return tuple(update_levels(sources.repositories))


def level_name(level: str) -> str:
    return tr("Department") if level == DEPARTMENT else tr("Organisation")


def _reason(exc: BaseException | None) -> str:
    if isinstance(exc, PrecheckError):
        return f"{exc.message[:1].upper()}{exc.message[1:].rstrip('.')} [{exc.code}]"
    return type(exc).__name__


def outcome_text(outcome: LevelOutcome) -> str:
    name, result = level_name(outcome.level), outcome.result
    if result is None:
        return tr("{0}: not updated. {1}. Its current rule packs stay active.").format(name, _reason(outcome.error))
    if result.status == "updated":
        return tr("{0}: now using {1} version {2}.").format(name, result.repository, result.version)
    return tr("{0}: {1} version {2} is installed.").format(name, result.repository, result.version)


def overall_outcome(outcomes: tuple[LevelOutcome, ...]) -> str:
    """Any level with new packs makes it "updated", because the checks must reload; else "refused" or "current"."""
    if any(o.result is not None and o.result.status == "updated" for o in outcomes):
        return "updated"
    return "refused" if any(o.error is not None for o in outcomes) else "current"


def update_message(outcomes: tuple[LevelOutcome, ...]) -> tuple[str, str]:
    """A title for the whole update, and one sentence per level so the user sees which one was refused."""
    refused = sum(o.error is not None for o in outcomes)
    if refused == len(outcomes):
        title = tr("Rule packs not updated")
    elif refused:
        title = tr("Some rule packs not updated")
    elif overall_outcome(outcomes) == "updated":
        title = tr("Rule packs updated")
    else:
        title = tr("Rule packs are up to date")
    return title, " ".join(outcome_text(o) for o in outcomes)


def refusal_message(exc: BaseException) -> tuple[str, str]:
    """The whole update failed unexpectedly; the packs that were active stay active."""
    return tr("Rule packs not updated"), tr("{0}. The current rule packs stay active.").format(_reason(exc))


def version_lines(info: PackInfo | None) -> list[str]:
    if info is None:
        return [tr("Loading rule packs…")]
    return [*map(repository_line, info.repositories), *(f"{i} {v}" for i, v in info.packs)]


def repository_line(repository: InstalledRepository) -> str:
    if repository.level == DEPARTMENT:
        return tr("From your department's repository {0}, version {1}").format(repository.name, repository.version)
    return tr("From your organisation's repository {0}, version {1}").format(repository.name, repository.version)


class PackControl(QObject):
    """Versions and updates off the GUI thread, one job at a time; ``done`` carries what to tell the user."""

    done = Signal(str, str, str)  # title, message, outcome: "updated", "current" or "refused"
    infoChanged = Signal()

    def __init__(self, checker_settings: Callable[[], CheckerSettings], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checker_settings = checker_settings
        self._background = Background(self)
        self._background.finished.connect(self._finished)
        self._background.failed.connect(self._failed)
        self.info: PackInfo | None = None
        self.updating = False

    def sources(self) -> UpdateSources:
        return update_sources()

    def refresh(self) -> None:
        self._background.run(INFO, partial(pack_info, self._checker_settings()))

    def update(self) -> None:
        if self.updating:
            return
        sources = self.sources()
        if sources.problem:
            self.done.emit(tr("Rule packs not updated"), sources.problem, "refused")
            return
        self.updating = True
        self._background.run(UPDATE, partial(run_updates, sources))

    def _finished(self, job: int, result: object) -> None:
        if job == INFO:
            self.info = result
            self.infoChanged.emit()
            return
        self.updating = False
        self.done.emit(*update_message(result), overall_outcome(result))

    def _failed(self, job: int, exc: BaseException) -> None:
        if job == INFO:
            log.warning("rule-pack versions unavailable: %s", exc)
            self.info = PackInfo(())
            self.infoChanged.emit()
            return
        self.updating = False
        self.done.emit(*refusal_message(exc), "refused")

    def shutdown(self) -> None:
        self._background.wait()
