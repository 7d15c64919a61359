"""The machine-wide configuration: locked values win, broken files are named, keys only come from here."""

from __future__ import annotations

from pathlib import Path

import pytest

from precheck.admin_config import AdminConfigError, load_admin_config, load_admin_config_or_defaults

KEY = "ed25519:IB5IzrNWydw5VezVfB4g5M5eJj1D0dMhfH/FT+Pj3to="
DEPARTMENT_KEY = "ed25519:SLixlxK8ddDfh5j6ISz7T124JmqW2piMWj265fl6G/U="


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
        ("[packs]\nupdate_source = 1", "packs.update_source must be a string"),
        ("[packs]\ndepartment_source = [\"https://a\", \"https://b\"]", "packs.department_source must be a string"),
        ("[packs]\ndepartment_keys = \"one key\"", "packs.department_keys must be a list of public keys"),
        ("[packs]\ndepartment_keys = [1, 2]", "packs.department_keys must be a list of public keys"),
        ("[packs]\ndepartment_key = [\"k\"]", "packs.department_key is not a setting"),
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


def test_the_departments_repository_and_its_own_keys(tmp_path: Path) -> None:
    config = load_admin_config(write(tmp_path, f"""
[packs]
trusted_keys = ["{KEY}"]
update_source = "https://packs.intranet.example/precheck/"
department_source = "https://packs.intranet.example/sales/"
department_keys = ["{DEPARTMENT_KEY}"]
"""))
    assert config.department_source == "https://packs.intranet.example/sales/"
    assert (config.trusted_keys, config.department_keys) == ((KEY,), (DEPARTMENT_KEY,))


def test_without_department_keys_the_department_has_none_of_its_own(tmp_path: Path) -> None:
    """None, not (): the department's repository is then signed with one of trusted_keys."""
    text = f'[packs]\ntrusted_keys = ["{KEY}"]\ndepartment_source = "/srv/sales"\n'
    config = load_admin_config(write(tmp_path, text))
    assert config.department_keys is None and config.department_source == "/srv/sales"
    assert load_admin_config(write(tmp_path, "[packs]\ndepartment_keys = []\n")).department_keys == ()


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
