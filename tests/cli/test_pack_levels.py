"""``precheck pack update`` and ``pack list`` with the organisation's and the department's repositories."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.cli.main import main
from precheck.paths import department_packs_dir, installed_packs_dir
from precheck.rulepacks.install import read_state
from precheck.rulepacks.repository import publish
from precheck.rulepacks.signing import public_key_text

PACK = """pack: {id}
version: {version}
name: A test pack
terms:
  - kind: codename
    category: confidential
    severity: block
    values: ["{term}"]
"""


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def repository(tmp_path: Path, key: Ed25519PrivateKey, name: str, pack_id: str, version: str = "1.0.0") -> Path:
    source = tmp_path / f"{pack_id}.yaml"
    source.write_text(PACK.format(id=pack_id, version=version, term=f"Project {name.title()}"), encoding="utf-8")
    publish(key, [source], tmp_path / f"repo-{name}", repository=name)
    return tmp_path / f"repo-{name}"


def configure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(path))


@pytest.fixture
def keys() -> dict[str, Ed25519PrivateKey]:
    return {"organisation": Ed25519PrivateKey.generate(), "department": Ed25519PrivateKey.generate()}


@pytest.fixture
def both(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keys) -> tuple[Path, Path]:
    """IT configured both repositories; the department signs with its own key."""
    org = repository(tmp_path, keys["organisation"], "acme", "acme-org")
    dep = repository(tmp_path, keys["department"], "sales", "sales-dept")
    configure(tmp_path, monkeypatch, f"""[packs]
trusted_keys = ["{public_key_text(keys["organisation"].public_key())}"]
update_source = "{org}"
department_source = "{dep}"
department_keys = ["{public_key_text(keys["department"].public_key())}"]
""")
    return org, dep


def test_update_installs_every_configured_repository_one_block_per_level(both) -> None:
    code, out, err = run(["pack", "update"])
    assert (code, err) == (0, "")
    assert out == ("organisation: installed acme version 1\n  acme-org 1.0.0\n"
                   "department: installed sales version 1\n  sales-dept 1.0.0\n")
    code, out, _ = run(["pack", "update"])
    assert code == 0
    assert "organisation: already up to date: acme version 1" in out
    assert "department: already up to date: sales version 1" in out


def test_a_refused_department_is_one_stderr_line_while_the_organisation_updates(both, tmp_path, keys) -> None:
    run(["pack", "update"])
    repository(tmp_path, keys["organisation"], "acme", "acme-org", "1.1.0")
    repository(tmp_path, Ed25519PrivateKey.generate(), "sales", "sales-dept", "1.1.0")  # a stranger's key
    code, out, err = run(["pack", "update"])
    assert code == 5
    assert out == "organisation: installed acme version 2\n  acme-org 1.1.0\n"
    assert err.count("\n") == 1
    assert err.startswith("precheck: department packs not updated: the index is not signed by a trusted key")
    assert read_state(installed_packs_dir())["packs"] == {"acme-org": "1.1.0"}
    assert read_state(department_packs_dir())["packs"] == {"sales-dept": "1.0.0"}
    _, listing, _ = run(["pack", "list"])
    assert "sales-dept                   1.0.0      department" in listing


def test_a_refused_organisation_does_not_stop_the_department(both) -> None:
    org, _ = both
    pack = next((org / "packs").iterdir())
    pack.write_text(pack.read_text().replace("Project", "Pr0ject"))
    code, out, err = run(["pack", "update"])
    assert code == 5
    assert out == "department: installed sales version 1\n  sales-dept 1.0.0\n"
    assert err.startswith("precheck: organisation packs not updated: pack acme-org does not match the signed index")
    assert read_state(installed_packs_dir()) == {}


def test_update_from_a_folder_installs_at_the_level_asked(both, tmp_path, keys) -> None:
    other = repository(tmp_path, keys["department"], "support", "support-dept")
    code, out, _ = run(["pack", "update", "--from", str(other), "--level", "department"])
    assert (code, out.splitlines()[0]) == (0, "department: installed support version 1")
    assert read_state(department_packs_dir())["repository"] == "support"
    assert read_state(installed_packs_dir()) == {}
    code, _, err = run(["pack", "update", "--from", str(other)])  # organisation level: its keys only
    assert code == 5 and "organisation packs not updated" in err


def test_update_with_a_level_updates_only_that_repository(both) -> None:
    code, out, _ = run(["pack", "update", "--level", "department"])
    assert (code, out.splitlines()[0]) == (0, "department: installed sales version 1")
    assert read_state(installed_packs_dir()) == {}


def test_a_level_it_did_not_configure_is_a_usage_error(tmp_path, monkeypatch, keys) -> None:
    org = repository(tmp_path, keys["organisation"], "acme", "acme-org")
    configure(tmp_path, monkeypatch, f'[packs]\ntrusted_keys = ["{public_key_text(keys["organisation"].public_key())}"]'
                                     f'\nupdate_source = "{org}"\n')
    code, _, err = run(["pack", "update", "--level", "department"])
    assert code == 4 and "packs.department_source" in err


def test_the_department_alone_is_updated_with_the_organisations_keys(tmp_path, monkeypatch, keys) -> None:
    dep = repository(tmp_path, keys["organisation"], "sales", "sales-dept")
    configure(tmp_path, monkeypatch, f'[packs]\ntrusted_keys = ["{public_key_text(keys["organisation"].public_key())}"]'
                                     f'\ndepartment_source = "{dep}"\n')
    code, out, _ = run(["pack", "update"])
    assert (code, out.splitlines()[0]) == (0, "department: installed sales version 1")


def test_pack_list_names_the_origin_of_every_active_pack(both, tmp_path) -> None:
    run(["pack", "update"])
    own = tmp_path / "mine.yaml"
    own.write_text(PACK.format(id="mine", version="0.1", term="Project Mine"), encoding="utf-8")
    code, out, _ = run(["pack", "list", "--pack", str(own)])
    assert code == 0
    origins = {line.split()[0]: line.split()[2] for line in out.splitlines()}
    assert origins["builtin-secrets"] == "built-in"
    assert (origins["acme-org"], origins["sales-dept"], origins["mine"]) == ("organisation", "department", "own")
    assert "own file" in out.splitlines()[-1]
    assert list(origins)[-3:] == ["acme-org", "sales-dept", "mine"], "lowest precedence first"
