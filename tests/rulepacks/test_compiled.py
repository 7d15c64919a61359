"""The JSON twin that ``update`` writes: used only while it matches its YAML, never shadowing an edit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from precheck.core.errors import PackError
from precheck.rulepacks.compiled import pack_digest, read_twin, twin_path, write_twin
from precheck.rulepacks.loader import load_pack

PACK = """pack: acme
version: 1
terms:
  - kind: codename
    category: confidential
    severity: block
    values: ["Project Falcon"]
"""


def pack_with_twin(tmp_path: Path, text: str = PACK) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_text(text, encoding="utf-8")
    assert write_twin(path, path.read_bytes())
    return path


def test_fresh_twin_is_used(tmp_path: Path) -> None:
    path = pack_with_twin(tmp_path)
    payload = json.loads(twin_path(path).read_text(encoding="utf-8"))
    payload["data"]["terms"][0]["values"] = ["From The Twin"]
    twin_path(path).write_text(json.dumps(payload), encoding="utf-8")  # same hash: proves which file was read
    assert load_pack(path).terms[0].values == ("From The Twin",)


def test_edited_yaml_wins_over_a_stale_twin(tmp_path: Path) -> None:
    path = pack_with_twin(tmp_path)
    path.write_text(PACK.replace("Project Falcon", "Project Osprey"), encoding="utf-8")
    assert read_twin(path, pack_digest(path.read_bytes())) is None
    assert load_pack(path).terms[0].values == ("Project Osprey",)


@pytest.mark.parametrize("damage", ["{", '{"format": 99}', "[]"])
def test_damaged_twin_falls_back_to_yaml(tmp_path: Path, damage: str) -> None:
    path = pack_with_twin(tmp_path)
    twin_path(path).write_text(damage, encoding="utf-8")
    assert load_pack(path).terms[0].values == ("Project Falcon",)


def test_problems_in_a_twin_are_reported_with_yaml_positions(tmp_path: Path) -> None:
    path = pack_with_twin(tmp_path, PACK.replace("block", "critical"))
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert caught.value.problems[0].startswith(f"{path}:6:5: ")


def test_data_without_a_json_form_gets_no_twin(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text(PACK + "description: 2026-01-01\n", encoding="utf-8")
    assert not write_twin(path, path.read_bytes())
    assert not twin_path(path).exists()


def test_update_leaves_a_fresh_twin_beside_each_installed_pack(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from precheck.rulepacks.fetch import FolderFetcher
    from precheck.rulepacks.install import installed_pack_paths, update
    from precheck.rulepacks.repository import publish
    from precheck.rulepacks.signing import public_key_text

    key = Ed25519PrivateKey.generate()
    source = tmp_path / "src" / "acme.yaml"
    source.parent.mkdir()
    source.write_text(PACK, encoding="utf-8")
    publish(key, [source], tmp_path / "repo")
    update(FolderFetcher(tmp_path / "repo"), [public_key_text(key.public_key())], tmp_path / "installed")
    [installed] = installed_pack_paths(tmp_path / "installed")
    assert read_twin(installed, pack_digest(installed.read_bytes())) is not None
    assert load_pack(installed).terms[0].values == ("Project Falcon",)
