"""The machine-wide configuration: locked values win, broken files are named, keys only come from here."""

from __future__ import annotations

from pathlib import Path

import pytest

from precheck.admin_config import AdminConfigError, load_admin_config, load_admin_config_or_defaults

KEY = "ed25519:IB5IzrNWydw5VezVfB4g5M5eJj1D0dMhfH/FT+Pj3to="


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_means_defaults(tmp_path: Path) -> None:
    config = load_admin_config(tmp_path / "none.toml")
    assert config.trusted_keys == () and config.update_source is None and config.locked == frozenset()


def test_full_configuration(tmp_path: Path) -> None:
    config = load_admin_config(write(tmp_path, f"""
[packs]
trusted_keys = ["{KEY}"]
update_source = "https://packs.intranet.example/precheck/"

[settings]
default_network = "linkedin"
start_in_tray = true
locked = ["default_network"]
"""))
    assert config.trusted_keys == (KEY,)
    assert config.update_source == "https://packs.intranet.example/precheck/"
    assert config.locked_value("default_network") == (True, "linkedin")
    assert config.locked_value("start_in_tray") == (False, True)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("[packs\ntrusted_keys = 1", "not valid TOML"),
        ("[packs]\ntrusted_keys = \"one key\"", "trusted_keys"),
        ("[settings]\ncolour = \"red\"", "settings.colour"),
        ("[settings]\nstart_in_tray = \"yes\"", "settings.start_in_tray"),
        ("[settings]\nlocked = [\"default_network\"]", "without a value"),
        ("[grammar]\nmode = \"cloud\"", "grammar.mode"),
    ],
)
def test_broken_file_is_named_with_the_bad_key(tmp_path: Path, text: str, names: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(AdminConfigError) as info:
        load_admin_config(path)
    assert str(path) in info.value.message and names in info.value.message


def test_broken_file_gives_safe_defaults_and_a_message_for_the_app(tmp_path: Path) -> None:
    config, problem = load_admin_config_or_defaults(write(tmp_path, f'[packs]\ntrusted_keys = ["{KEY}"]\n[x'))
    assert config.trusted_keys == () and config.grammar.mode is None
    assert problem and "defaults apply" in problem


def test_trusted_keys_never_come_from_a_pack_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository that ships its own 'trusted_keys' file changes nothing: only the admin file counts."""
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(tmp_path / "absent.toml"))
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "config.toml").write_text(f'[packs]\ntrusted_keys = ["{KEY}"]\n')
    assert load_admin_config().trusted_keys == ()
