"""The department's signed repository: configured by IT, verified like the organisation's, installed on its own.

The two levels update independently: a refusal at one never undoes or holds back the other, and
a department pack outranks the organisation's (it can switch organisation rules off, not the reverse).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.admin_config import AdminConfig
from precheck.paths import department_packs_dir, installed_packs_dir
from precheck.rulepacks.install import installed_pack_paths, read_state
from precheck.rulepacks.levels import configured_repositories, update_levels
from precheck.rulepacks.repository import publish
from precheck.rulepacks.signing import public_key_text
from precheck.service import CheckerSettings, active_pack_origins, build_checker

ORG_PACK = """pack: acme-org
version: {version}
name: ACME organisation terms
terms:
  - kind: codename
    category: confidential
    severity: block
    values: ["Project Falcon"]
{extra}"""
DEPARTMENT_PACK = """pack: sales-dept
version: {version}
name: Sales department terms
terms:
  - kind: customer_name
    category: confidential
    severity: block
    values: ["Hollandia Foods"]
{extra}"""
POST = "Kick-off of Project Falcon with Hollandia Foods today."


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Installed packs go to this test's own folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def key_text(key: Ed25519PrivateKey) -> str:
    return public_key_text(key.public_key())


def publish_pack(tmp_path: Path, key: Ed25519PrivateKey, template: str, name: str,
                 version: str = "1.0.0", extra: str = "") -> Path:
    source = tmp_path / "src" / f"{name}.yaml"
    source.parent.mkdir(exist_ok=True)
    source.write_text(template.format(version=version, extra=extra), encoding="utf-8")
    publish(key, [source], tmp_path / name, repository=name)
    return tmp_path / name


def config(org_repo: Path | None, org_key: Ed25519PrivateKey, dep_repo: Path | None,
           dep_keys: list[Ed25519PrivateKey] | None = None) -> AdminConfig:
    return AdminConfig(
        trusted_keys=(key_text(org_key),), update_source=str(org_repo) if org_repo else None,
        department_source=str(dep_repo) if dep_repo else None,
        department_keys=None if dep_keys is None else tuple(map(key_text, dep_keys)),
    )


def outcomes(admin: AdminConfig) -> dict[str, str]:
    """Per level: "updated", "current", or the refusal's message."""
    return {o.level: o.result.status if o.result else o.error.message
            for o in update_levels(configured_repositories(admin))}


def active_ids(level: str) -> list[str]:
    return [path.stem for origin, path in active_pack_origins(CheckerSettings(builtin_packs=[])) if origin == level]


def flagged(**settings) -> set[str]:
    checker = build_checker(CheckerSettings(builtin_packs=[], use_nlp=False, cache_terms=False, **settings))
    return {finding.text for finding in checker.check(POST, language="en").findings}


def test_the_configured_repositories_come_lowest_first_each_with_its_own_folder(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    repositories = configured_repositories(config(tmp_path / "org", key, tmp_path / "dep"))
    assert [(r.level, r.source) for r in repositories] == [
        ("organisation", str(tmp_path / "org")), ("department", str(tmp_path / "dep"))]
    assert [r.folder for r in repositories] == [installed_packs_dir(), department_packs_dir()]
    assert installed_packs_dir() != department_packs_dir()


def test_only_the_repositories_it_configured_are_updated(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    assert configured_repositories(AdminConfig()) == []
    assert [r.level for r in configured_repositories(config(None, key, tmp_path / "dep"))] == ["department"]
    assert [r.level for r in configured_repositories(config(tmp_path / "org", key, None))] == ["organisation"]


def test_without_department_keys_the_organisations_keys_sign_the_department(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    dep_repo = publish_pack(tmp_path, key, DEPARTMENT_PACK, "sales")
    assert outcomes(config(None, key, dep_repo)) == {"department": "updated"}
    assert active_ids("department") == ["sales-dept"]


def test_department_keys_replace_the_organisations_keys_for_the_department_only(tmp_path: Path) -> None:
    org_key, dep_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    org_repo = publish_pack(tmp_path, org_key, ORG_PACK, "acme")
    signed_by_org = publish_pack(tmp_path, org_key, DEPARTMENT_PACK, "sales")
    result = outcomes(config(org_repo, org_key, signed_by_org, [dep_key]))
    assert result["organisation"] == "updated"
    assert "not signed by a trusted key" in result["department"]
    publish_pack(tmp_path, dep_key, DEPARTMENT_PACK, "sales", "1.1.0")
    assert outcomes(config(org_repo, org_key, signed_by_org, [dep_key])) == {
        "organisation": "current", "department": "updated"}


def test_the_department_installs_into_its_own_folder_with_its_own_state(tmp_path: Path) -> None:
    org_key, dep_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    org_repo = publish_pack(tmp_path, org_key, ORG_PACK, "acme")
    dep_repo = publish_pack(tmp_path, dep_key, DEPARTMENT_PACK, "sales")
    assert outcomes(config(org_repo, org_key, dep_repo, [dep_key])) == {
        "organisation": "updated", "department": "updated"}
    assert [p.name for p in installed_pack_paths(department_packs_dir())] == ["sales-dept.yaml"]
    assert [p.name for p in installed_pack_paths(installed_packs_dir())] == ["acme-org.yaml"]
    assert (read_state(installed_packs_dir())["repository"], read_state(department_packs_dir())["repository"]) == (
        "acme", "sales")
    assert active_ids("organisation") == ["acme-org"] and active_ids("department") == ["sales-dept"]


def test_a_refused_department_update_keeps_its_packs_and_the_organisation_still_updates(tmp_path: Path) -> None:
    org_key, dep_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    org_repo = publish_pack(tmp_path, org_key, ORG_PACK, "acme")
    dep_repo = publish_pack(tmp_path, dep_key, DEPARTMENT_PACK, "sales")
    admin = config(org_repo, org_key, dep_repo, [dep_key])
    update_levels(configured_repositories(admin))
    department_before = read_state(department_packs_dir())
    publish_pack(tmp_path, org_key, ORG_PACK, "acme", "1.1.0")
    publish_pack(tmp_path, dep_key, DEPARTMENT_PACK, "sales", "1.1.0")
    tampered = dep_repo / "packs" / "sales-dept-1.1.0.yaml"
    tampered.write_text(tampered.read_text().replace("Hollandia Foods", "Hollandia F00ds"))
    result = outcomes(admin)
    assert result["organisation"] == "updated"
    assert "does not match the signed index" in result["department"]
    assert read_state(installed_packs_dir())["packs"] == {"acme-org": "1.1.0"}
    assert read_state(department_packs_dir()) == department_before
    assert flagged() == {"Project Falcon", "Hollandia Foods"}


def test_a_refused_organisation_update_does_not_hold_back_the_department(tmp_path: Path) -> None:
    org_key, dep_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    org_repo = publish_pack(tmp_path, Ed25519PrivateKey.generate(), ORG_PACK, "acme")  # a stranger signed it
    dep_repo = publish_pack(tmp_path, dep_key, DEPARTMENT_PACK, "sales")
    result = outcomes(config(org_repo, org_key, dep_repo, [dep_key]))
    assert "not signed by a trusted key" in result["organisation"] and result["department"] == "updated"
    assert read_state(installed_packs_dir()) == {}
    assert active_ids("department") == ["sales-dept"]


def test_each_level_refuses_a_rollback_against_its_own_history(tmp_path: Path) -> None:
    org_key = Ed25519PrivateKey.generate()
    dep_repo = publish_pack(tmp_path, org_key, DEPARTMENT_PACK, "sales")
    old_index = (dep_repo / "index.json").read_bytes()
    publish_pack(tmp_path, org_key, DEPARTMENT_PACK, "sales", "1.1.0")
    admin = config(None, org_key, dep_repo)
    assert outcomes(admin) == {"department": "updated"}
    (dep_repo / "index.json").write_bytes(old_index)
    assert "rollback" in outcomes(admin)["department"]
    assert read_state(department_packs_dir())["packs"] == {"sales-dept": "1.1.0"}


def test_a_department_pack_switches_off_an_organisation_rule(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    org_repo = publish_pack(tmp_path, key, ORG_PACK, "acme")
    dep_repo = publish_pack(tmp_path, key, DEPARTMENT_PACK, "sales", extra="disable: [acme-org/codename]\n")
    update_levels(configured_repositories(config(org_repo, key, dep_repo)))
    assert flagged() == {"Hollandia Foods"}
    assert flagged(installed_packs=False) == set(), "installed_packs switches both levels off"


def test_an_organisation_pack_cannot_switch_off_a_department_rule(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    org_repo = publish_pack(tmp_path, key, ORG_PACK, "acme", extra="disable: [sales-dept/customer_name]\n")
    dep_repo = publish_pack(tmp_path, key, DEPARTMENT_PACK, "sales")
    update_levels(configured_repositories(config(org_repo, key, dep_repo)))
    assert flagged() == {"Project Falcon", "Hollandia Foods"}


def test_the_users_own_pack_outranks_the_department(tmp_path: Path) -> None:
    key = Ed25519PrivateKey.generate()
    dep_repo = publish_pack(tmp_path, key, DEPARTMENT_PACK, "sales")
    update_levels(configured_repositories(config(None, key, dep_repo)))
    own = tmp_path / "mine.yaml"
    own.write_text("pack: mine\nversion: 1\nname: Mine\ndisable: [sales-dept/customer_name]\n", encoding="utf-8")
    assert flagged() == {"Hollandia Foods"}
    assert flagged(extra_packs=[own]) == set()
