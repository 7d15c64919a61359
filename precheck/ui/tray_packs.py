"""Rule packs from the tray: which versions are active, and updating them like ``precheck pack update``.

Both read files (and updating may use the network), so the tray runs them on
a background thread and only words the outcome here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QObject, Signal

from precheck.admin_config import load_admin_config
from precheck.core.errors import PackError, PrecheckError
from precheck.paths import installed_packs_dir
from precheck.rulepacks.fetch import fetcher_for
from precheck.rulepacks.install import UpdateResult, read_state, update
from precheck.service import CheckerSettings, active_pack_versions, read_pack
from precheck.ui.i18n import tr
from precheck.ui.tray_checks import Background

log = logging.getLogger(__name__)
INFO, UPDATE = 1, 2


@dataclass(frozen=True)
class PackInfo:
    """The active packs and, when IT's repository is installed, its name and version."""

    packs: tuple[tuple[str, str], ...]
    repository: str = ""
    version: int | None = None
    origins: tuple[str, ...] = ()  # per pack: "builtin", "installed" or "extra", for the settings page


def _origins(settings: CheckerSettings, packs: list[tuple[str, str]]) -> tuple[str, ...]:
    """Where each active pack comes from, by id: the user's files win over IT's repository over the shipped ones."""
    builtin = {pack_id for pack_id, _ in active_pack_versions(
        CheckerSettings(builtin_packs=settings.builtin_packs, installed_packs=False))}
    extra = set()
    for path in settings.extra_packs:
        try:
            extra.add(read_pack(path).id)
        except PrecheckError:
            continue
    return tuple("extra" if i in extra else "builtin" if i in builtin else "installed" for i, _ in packs)


def pack_info(settings: CheckerSettings) -> PackInfo:
    """What the checker uses; a broken pack of the user's is left out, as the checker does."""
    try:
        packs = active_pack_versions(settings)
    except PackError:
        packs = active_pack_versions(replace(settings, extra_packs=()))
    state = read_state(installed_packs_dir()) if settings.installed_packs else {}
    version = state.get("version")
    return PackInfo(tuple(packs), str(state.get("repository", "")), version if isinstance(version, int) else None,
                    _origins(settings, packs))


@dataclass(frozen=True)
class UpdateSource:
    """Where updates come from (IT's configuration), or why there is nowhere to update from."""

    source: str | None = None
    trusted: tuple[str, ...] = ()
    problem: str = ""


def update_source() -> UpdateSource:
    try:
        config = load_admin_config()
    except PrecheckError as exc:
        return UpdateSource(problem=str(exc))
    if not config.update_source:
        return UpdateSource(problem=tr("No update source is configured. IT sets one in the "
                                       "administrator's configuration (packs.update_source)."))
    return UpdateSource(config.update_source, config.trusted_keys)


def run_update(source: UpdateSource) -> UpdateResult:
    """Verifies, then installs atomically; raises ``UpdateError`` with the reason when refused."""
    if source.source is None:
        raise PrecheckError(source.problem)
    return update(fetcher_for(source.source), list(source.trusted), installed_packs_dir())


def update_message(result: UpdateResult) -> tuple[str, str]:
    if result.status == "updated":
        return tr("Rule packs updated"), tr("Now using {0} version {1}.").format(result.repository, result.version)
    return tr("Rule packs are up to date"), tr("{0} version {1} is installed.").format(
        result.repository, result.version)


def refusal_message(exc: BaseException) -> tuple[str, str]:
    """The refusal reason as the update itself gives it; the packs that were active stay active."""
    if isinstance(exc, PrecheckError):
        reason = f"{exc.message[:1].upper()}{exc.message[1:].rstrip('.')} [{exc.code}]"
    else:
        reason = type(exc).__name__
    return tr("Rule packs not updated"), tr("{0}. The current rule packs stay active.").format(reason)


def version_lines(info: PackInfo | None) -> list[str]:
    if info is None:
        return [tr("Loading rule packs…")]
    lines = [f"{pack_id} {version}" for pack_id, version in info.packs]
    if info.repository:
        lines.insert(0, tr("From {0}, version {1}").format(info.repository, info.version))
    return lines


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

    def source(self) -> UpdateSource:
        return update_source()

    def refresh(self) -> None:
        self._background.run(INFO, partial(pack_info, self._checker_settings()))

    def update(self) -> None:
        if self.updating:
            return
        source = self.source()
        if source.problem:
            self.done.emit(tr("Rule packs not updated"), source.problem, "refused")
            return
        self.updating = True
        self._background.run(UPDATE, partial(run_update, source))

    def _finished(self, job: int, result: object) -> None:
        if job == INFO:
            self.info = result
            self.infoChanged.emit()
            return
        self.updating = False
        self.done.emit(*update_message(result), result.status)

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
