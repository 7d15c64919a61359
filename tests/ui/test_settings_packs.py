"""The settings dialog's "Rule packs" page, and the one update the app runs at start when IT configured it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from precheck.paths import builtin_pack_paths, department_packs_dir, installed_packs_dir
from precheck.rulepacks import levels
from precheck.rulepacks.install import read_state
from precheck.rulepacks.loader import load_pack
from precheck.ui import i18n, tray_packs
from tests.ui.helpers import signed_repositories, signed_repository, wait_until

pytestmark = pytest.mark.gui
NEW_PACK = "acme-confidential 2.1.0 (from your organisation's repository acme, version 1)"


def shipped() -> list[str]:
    return [f"{pack.id} {pack.version} (built-in)" for pack in map(load_pack, builtin_pack_paths())]


def tamper(repo: Path) -> None:
    pack = repo / "packs" / "acme-confidential-2.1.0.yaml"
    pack.write_text(pack.read_text().replace("Project Falcon", "Project Fa1con"))


@pytest.fixture
def page(qtbot) -> Callable:
    from precheck.ui.settings import AppSettings
    from precheck.ui.settings_dialog import SettingsDialog

    dialogs = []  # the page belongs to its dialog: keep that alive for the test

    def make():
        dialog = SettingsDialog(AppSettings())
        dialogs.append(dialog)
        qtbot.addWidget(dialog)
        dialog.tabs.setCurrentWidget(dialog.packs_page)
        dialog.show()
        wait_until(lambda: dialog.packs_page.control.info is not None)
        return dialog.packs_page

    return make


def lines(page) -> list[str]:
    return [page.versions.item(i).text() for i in range(page.versions.count())]


def test_the_page_lists_the_shipped_packs_with_versions(tmp_path, monkeypatch, page):
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(tmp_path / "absent.toml"))
    assert lines(page()) == shipped()


def test_without_an_update_source_update_now_is_disabled_and_says_why(tmp_path, monkeypatch, page):
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(tmp_path / "absent.toml"))
    shown = page()
    assert not shown.update_button.isEnabled()
    assert shown.source_note.text().startswith("No update source is configured.")
    assert shown.last.text() == "No update has run yet."


def test_update_now_installs_and_shows_the_new_version(tmp_path, monkeypatch, page):
    signed_repository(tmp_path, monkeypatch)
    shown = page()
    assert shown.update_button.isEnabled()
    shown.update_button.click()
    wait_until(lambda: NEW_PACK in lines(shown), 30_000)
    assert lines(shown) == [*shipped(), NEW_PACK]
    assert "Rule packs updated. Organisation: now using acme version 1." in shown.last.text()
    assert shown.settings.last_pack_update[1] == "updated"
    assert read_state(installed_packs_dir())["version"] == 1


def test_a_tampered_repository_is_refused_with_the_reason_and_the_old_packs_stay(tmp_path, monkeypatch, page):
    tamper(signed_repository(tmp_path, monkeypatch))
    shown = page()
    shown.update_button.click()
    wait_until(lambda: "not updated" in shown.last.text(), 30_000)
    assert "does not match" in shown.last.text()
    assert "Its current rule packs stay active." in shown.last.text()
    assert read_state(installed_packs_dir()) == {}
    assert lines(shown) == shipped()
    assert shown.update_button.isEnabled()


DEPARTMENT_LINE = "sales-terms 1.0.0 (from your department's repository sales, version 1)"


def test_the_page_shows_where_each_pack_came_from_organisation_and_department(tmp_path, monkeypatch, page):
    signed_repositories(tmp_path, monkeypatch)
    shown = page()
    shown.update_button.click()
    wait_until(lambda: DEPARTMENT_LINE in lines(shown), 30_000)
    assert lines(shown) == [*shipped(), NEW_PACK, DEPARTMENT_LINE]
    assert ("Rule packs updated. Organisation: now using acme version 1. "
            "Department: now using sales version 1.") in shown.last.text()
    assert read_state(department_packs_dir())["repository"] == "sales"


def test_a_refused_department_names_its_reason_and_the_organisation_update_applies(tmp_path, monkeypatch, page):
    signed_repositories(tmp_path, monkeypatch, department_signer="stranger")
    shown = page()
    shown.update_button.click()
    wait_until(lambda: NEW_PACK in lines(shown), 30_000)
    assert lines(shown) == [*shipped(), NEW_PACK]
    text = shown.last.text()
    assert "Some rule packs not updated. Organisation: now using acme version 1. Department: not updated. " in text
    assert "The index is not signed by a trusted key" in text and text.endswith("Its current rule packs stay active.")
    assert read_state(department_packs_dir()) == {}


def test_the_page_and_the_outcome_speak_dutch(tmp_path, monkeypatch, page):
    signed_repositories(tmp_path, monkeypatch)
    outcomes = tray_packs.run_updates(tray_packs.update_sources())
    i18n.install("nl")
    assert lines(page())[-2:] == ["acme-confidential 2.1.0 (uit de repository acme van je organisatie, versie 1)",
                                  "sales-terms 1.0.0 (uit de repository sales van je afdeling, versie 1)"]
    assert tray_packs.update_message(outcomes) == (
        "Regelpakketten bijgewerkt",
        "Organisatie: nu in gebruik: acme versie 1. Afdeling: nu in gebruik: sales versie 1.")


# --- the update at start ----------------------------------------------------------


@pytest.fixture
def calls(monkeypatch) -> list[int]:
    """Counts the updates that run, while still doing the real one."""
    seen: list[int] = []
    real = levels.update

    def counted(*args, **kwargs):
        seen.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(levels, "update", counted)
    return seen


@pytest.fixture
def start_app(qtbot, ui_checker) -> Iterator[Callable]:
    from precheck.ui.main_window import MainWindow
    from precheck.ui.settings import AppSettings
    from precheck.ui.tray_app import TrayApp
    from precheck.ui.tray_checks import SharedChecker
    from precheck.ui.worker import Loaded

    made = []

    def start():
        shared = SharedChecker()
        window = MainWindow(AppSettings(), loader_factory=shared.wrap(lambda _s: lambda: Loaded(ui_checker)))
        qtbot.addWidget(window, before_close_func=_quiet_close)
        desk = TrayApp(window, shared, tray_available=lambda: False)
        desk.start(in_tray=False)
        window.start()
        made.append(desk)
        wait_until(lambda: desk.quick.ready)
        return desk

    yield start
    for desk in made:
        desk.shutdown()
    QApplication.setQuitOnLastWindowClosed(True)


def _quiet_close(window) -> None:
    window.confirm_discard = lambda: True
    window.runner.shutdown()


def settle(desk) -> None:
    """Until the update at start has finished and the checks have reloaded with what it brought."""
    wait_until(lambda: desk.window.settings.last_pack_update is not None, 30_000)
    wait_until(lambda: desk.window.runner.ready and desk.quick.ready, 15_000)
    wait_until(lambda: desk.packs.info is not None and not desk.packs.updating)


def test_the_update_at_start_runs_once_and_the_checks_reload(tmp_path, monkeypatch, calls, start_app):
    signed_repository(tmp_path, monkeypatch)
    desk = start_app()
    settle(desk)
    wait_until(lambda: [r.name for r in desk.packs.info.repositories] == ["acme"], 15_000)  # refreshed after the reload
    assert calls == [1]
    assert read_state(installed_packs_dir())["version"] == 1
    assert QApplication.activeModalWidget() is None


def test_a_refused_update_at_start_is_one_status_bar_message(tmp_path, monkeypatch, calls, start_app):
    tamper(signed_repository(tmp_path, monkeypatch))
    desk = start_app()
    settle(desk)
    message = desk.window.statusBar().currentMessage()
    assert message.startswith("Rule packs not updated.") and "does not match" in message
    assert calls == [1]
    assert QApplication.activeModalWidget() is None
    assert read_state(installed_packs_dir()) == {}


def test_no_update_at_start_when_it_turned_it_off(tmp_path, monkeypatch, calls, start_app):
    signed_repository(tmp_path, monkeypatch, "[settings]\ncheck_updates_at_start = false\n")
    desk = start_app()
    wait_until(lambda: desk.packs.info is not None)
    assert calls == []
    assert desk.window.settings.last_pack_update is None


def test_a_refused_department_at_start_is_named_in_the_status_bar_and_the_organisation_applies(
        tmp_path, monkeypatch, calls, start_app):
    signed_repositories(tmp_path, monkeypatch, department_signer="stranger")
    desk = start_app()
    settle(desk)
    message = desk.window.statusBar().currentMessage()
    assert message.startswith("Some rule packs not updated. Organisation: now using acme version 1. "
                              "Department: not updated. The index is not signed by a trusted key")
    assert calls == [1, 1], "one update per configured repository"
    wait_until(lambda: [r.name for r in desk.packs.info.repositories] == ["acme"], 15_000)
    assert read_state(department_packs_dir()) == {}
