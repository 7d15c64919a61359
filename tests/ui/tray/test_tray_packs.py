"""Rule packs from the tray: the active versions, and updating them from IT's signed repository."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.paths import builtin_pack_paths, department_packs_dir, installed_packs_dir
from precheck.rulepacks import levels
from precheck.rulepacks.install import UpdateResult, read_state
from precheck.rulepacks.loader import load_pack
from precheck.rulepacks.signing import public_key_text
from tests.ui.helpers import admin_config, signed_repositories, signed_repository, wait_until

pytestmark = pytest.mark.gui
NO_UPDATE_AT_START = "[settings]\ncheck_updates_at_start = false\n"


def shipped() -> list[str]:
    """The shipped packs' own ids and versions, read from the files, in precedence order."""
    return [f"{pack.id} {pack.version}" for pack in map(load_pack, builtin_pack_paths())]


@pytest.fixture
def no_admin_config(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(tmp_path / "absent.toml"))


@pytest.fixture
def repository(tmp_path: Path, monkeypatch) -> Path:
    """A signed repository the administrator's configuration trusts."""
    # No update at start here: these tests drive the menu's update themselves (see test_settings_packs.py).
    return signed_repository(tmp_path, monkeypatch, NO_UPDATE_AT_START)


def menu_action(desk, name: str):
    desk.tray.menu.aboutToShow.emit()
    return next(a for a in desk.tray.menu.actions() if a.objectName() == name)


def version_lines(desk) -> list[str]:
    submenu = menu_action(desk, "packVersions").menu()
    assert not any(a.isEnabled() for a in submenu.actions()), "information, not commands"
    return [a.text() for a in submenu.actions()]


def test_the_menu_lists_the_active_rule_pack_versions(no_admin_config, desk):
    wait_until(lambda: desk.app.packs.info is not None)
    lines = version_lines(desk)
    assert lines == shipped()
    assert "builtin-secrets" in lines[-1]


def test_without_an_update_source_update_is_disabled_and_says_why(no_admin_config, desk):
    update = menu_action(desk, "updatePacks")
    assert not update.isEnabled()
    assert update.toolTip().startswith("No update source is configured.")


def test_a_broken_administrator_configuration_is_named_in_the_tooltip(tmp_path, monkeypatch, desk):
    admin_config(tmp_path, monkeypatch, "[packs\n")
    update = menu_action(desk, "updatePacks")
    assert not update.isEnabled()
    assert "not valid TOML" in update.toolTip() and "[E210]" in update.toolTip()


def test_update_installs_the_signed_packs_and_the_checks_reload(repository, desk):
    wait_until(lambda: desk.app.packs.info is not None)
    menu_action(desk, "updatePacks").trigger()
    wait_until(lambda: desk.notes, 30_000)
    assert desk.notes[-1] == ("Rule packs updated", "Organisation: now using acme version 1.", "packs")
    wait_until(lambda: desk.app.quick.ready and desk.app.packs.info and desk.app.packs.info.repositories)
    assert version_lines(desk) == ["From your organisation's repository acme, version 1", *shipped(),
                                  "acme-confidential 2.1.0"]
    menu_action(desk, "updatePacks").trigger()
    wait_until(lambda: len(desk.notes) == 2, 30_000)
    assert desk.notes[-1] == ("Rule packs are up to date", "Organisation: acme version 1 is installed.", "packs")


def test_a_refused_update_says_why_and_changes_nothing(repository, tmp_path, monkeypatch, desk):
    stranger = public_key_text(Ed25519PrivateKey.generate().public_key())
    admin_config(tmp_path, monkeypatch, f'[packs]\ntrusted_keys = ["{stranger}"]\nupdate_source = "{repository}"\n')
    menu_action(desk, "updatePacks").trigger()
    wait_until(lambda: desk.notes, 30_000)
    title, message, _ = desk.notes[-1]
    assert title == "Rule packs not updated"
    assert message.startswith("Organisation: not updated.")
    assert "[E230]. Its current rule packs stay active." in message
    assert read_state(installed_packs_dir()) == {}


def tamper_index(repo: Path) -> None:
    index = json.loads((repo / "index.json").read_text())
    index["signed"]["expires"] = "2099-01-01T00:00:00+00:00"
    (repo / "index.json").write_text(json.dumps(index))


def test_the_menu_shows_both_levels_and_a_refused_department_keeps_its_packs(tmp_path, monkeypatch, desk):
    _, department = signed_repositories(tmp_path, monkeypatch, settings_text=NO_UPDATE_AT_START)
    wait_until(lambda: desk.app.packs.info is not None)
    menu_action(desk, "updatePacks").trigger()
    wait_until(lambda: desk.notes, 30_000)
    assert desk.notes[-1] == ("Rule packs updated", "Organisation: now using acme version 1. "
                              "Department: now using sales version 1.", "packs")
    wait_until(lambda: desk.app.quick.ready and desk.app.packs.info and len(desk.app.packs.info.repositories) == 2)
    both = ["From your organisation's repository acme, version 1", "From your department's repository sales, version 1",
            *shipped(), "acme-confidential 2.1.0", "sales-terms 1.0.0"]
    assert version_lines(desk) == both
    tamper_index(department)
    menu_action(desk, "updatePacks").trigger()
    wait_until(lambda: len(desk.notes) == 2, 30_000)
    title, message, _ = desk.notes[-1]
    assert title == "Some rule packs not updated"
    assert message.startswith("Organisation: acme version 1 is installed. Department: not updated. "
                              "The index is not signed by a trusted key")
    assert message.endswith("Its current rule packs stay active.")
    assert read_state(department_packs_dir())["packs"] == {"sales-terms": "1.0.0"}
    assert version_lines(desk) == both


def test_the_update_runs_off_the_gui_thread(repository, desk, monkeypatch):
    gate = threading.Event()
    seen: dict[str, threading.Thread] = {}

    def slow_update(fetcher, trusted, folder, now=None) -> UpdateResult:
        seen["thread"] = threading.current_thread()
        gate.wait(10)
        return UpdateResult("current", "acme", 1, {})

    monkeypatch.setattr(levels, "update", slow_update)
    menu_action(desk, "updatePacks").trigger()
    busy = menu_action(desk, "updatePacks")
    assert (busy.text(), busy.isEnabled()) == ("Updating rule packs…", False)
    gate.set()
    wait_until(lambda: desk.notes, 15_000)
    assert seen["thread"] is not threading.main_thread()
    assert menu_action(desk, "updatePacks").isEnabled()
