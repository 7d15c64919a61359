"""Signed distribution: a good repository installs; every attack is refused and changes nothing."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.cli.main import main
from precheck.rulepacks.fetch import FolderFetcher, UpdateError
from precheck.rulepacks.install import installed_pack_paths, read_state, update
from precheck.rulepacks.repository import publish
from precheck.rulepacks.signing import public_key_text
from tests.memory_keyring import MemoryKeyring

PACK = """pack: acme-confidential
version: {version}
name: ACME confidential terms
terms:
  - kind: codename
    category: confidential
    severity: block
    replacement: "a new project"
    values: ["Project Falcon"]
"""
NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def trusted(key: Ed25519PrivateKey) -> list[str]:
    return [public_key_text(key.public_key())]


def write_pack(folder: Path, version: str = "1.0.0", name: str = "acme.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(PACK.format(version=version), encoding="utf-8")
    return path


def make_repo(tmp_path: Path, key: Ed25519PrivateKey, version: str = "1.0.0", **kw) -> Path:
    repo = tmp_path / "repo"
    publish(key, [write_pack(tmp_path / "src", version)], repo, now=kw.pop("now", NOW), **kw)
    return repo


def install(repo: Path, trusted: list[str], packs_dir: Path, now: datetime = NOW):
    return update(FolderFetcher(repo), trusted, packs_dir, now=now)


def test_good_repository_installs_and_second_run_is_current(tmp_path: Path, key, trusted) -> None:
    repo = make_repo(tmp_path, key)
    packs_dir = tmp_path / "installed"
    result = install(repo, trusted, packs_dir)
    assert (result.status, result.version, result.packs) == ("updated", 1, {"acme-confidential": "1.0.0"})
    assert [p.name for p in installed_pack_paths(packs_dir)] == ["acme-confidential.yaml"]
    assert install(repo, trusted, packs_dir).status == "current"


def refused(repo: Path, trusted: list[str], packs_dir: Path, now: datetime = NOW) -> str:
    before = read_state(packs_dir)
    with pytest.raises(UpdateError) as info:
        install(repo, trusted, packs_dir, now)
    assert read_state(packs_dir) == before, "a refused update must leave the active packs as they were"
    return info.value.message


def test_tampered_pack_is_refused(tmp_path: Path, key, trusted) -> None:
    repo = make_repo(tmp_path, key)
    pack = repo / "packs" / "acme-confidential-1.0.0.yaml"
    pack.write_text(pack.read_text().replace("Project Falcon", "Project Fa1con"))
    assert "does not match" in refused(repo, trusted, tmp_path / "installed")


def test_tampered_index_is_refused(tmp_path: Path, key, trusted) -> None:
    repo = make_repo(tmp_path, key)
    index = json.loads((repo / "index.json").read_text())
    index["signed"]["expires"] = "2099-01-01T00:00:00+00:00"
    (repo / "index.json").write_text(json.dumps(index))
    assert "not signed by a trusted key" in refused(repo, trusted, tmp_path / "installed")


def test_untrusted_key_is_refused(tmp_path: Path, key) -> None:
    repo = make_repo(tmp_path, key)
    stranger = [public_key_text(Ed25519PrivateKey.generate().public_key())]
    assert "not signed by a trusted key" in refused(repo, stranger, tmp_path / "installed")


def test_no_trusted_keys_configured_is_refused(tmp_path: Path, key) -> None:
    repo = make_repo(tmp_path, key)
    assert "no trusted" in refused(repo, [], tmp_path / "installed")


def test_older_index_is_refused_as_rollback(tmp_path: Path, key, trusted) -> None:
    packs_dir = tmp_path / "installed"
    repo = make_repo(tmp_path, key)
    old_index = (repo / "index.json").read_bytes()
    publish(key, [write_pack(tmp_path / "src", "1.1.0")], repo, now=NOW)
    assert install(repo, trusted, packs_dir).version == 2
    (repo / "index.json").write_bytes(old_index)
    assert "rollback" in refused(repo, trusted, packs_dir)


def test_older_pack_version_in_a_newer_index_is_refused(tmp_path: Path, key, trusted) -> None:
    packs_dir = tmp_path / "installed"
    repo = make_repo(tmp_path, key, "2.0.0")
    install(repo, trusted, packs_dir)
    publish(key, [write_pack(tmp_path / "src", "1.0.0")], repo, now=NOW)
    assert "rollback" in refused(repo, trusted, packs_dir)


def test_expired_index_is_refused_as_frozen(tmp_path: Path, key, trusted) -> None:
    repo = make_repo(tmp_path, key, valid_days=7)
    assert "expired" in refused(repo, trusted, tmp_path / "installed", NOW + timedelta(days=8))


def test_pack_from_another_index_is_refused(tmp_path: Path, key, trusted) -> None:
    """Same id, version and size, signed elsewhere by the same key: only the hash tells."""
    repo = make_repo(tmp_path, key)
    path = write_pack(tmp_path / "elsewhere")
    path.write_text(path.read_text().replace("Project Falcon", "Project Condor"))
    publish(key, [path], tmp_path / "other", now=NOW)
    (repo / "packs" / "acme-confidential-1.0.0.yaml").write_bytes(
        (tmp_path / "other" / "packs" / "acme-confidential-1.0.0.yaml").read_bytes())
    assert "does not match" in refused(repo, trusted, tmp_path / "installed")


@pytest.mark.parametrize(("cut", "word"), [(-20, "truncated"), (+50, "larger than")])
def test_truncated_or_oversized_download_is_refused(tmp_path: Path, key, trusted, cut: int, word: str) -> None:
    repo = make_repo(tmp_path, key)
    pack = repo / "packs" / "acme-confidential-1.0.0.yaml"
    data = pack.read_bytes()
    pack.write_bytes(data[:cut] if cut < 0 else data + b"#" * cut)
    assert word in refused(repo, trusted, tmp_path / "installed")


@pytest.mark.parametrize("evil", ["../../etc/passwd", "/etc/passwd", "packs/../../x.yaml", "C:\\x.yaml"])
def test_paths_that_escape_the_repository_are_refused(tmp_path: Path, key, trusted, evil: str) -> None:
    repo = make_repo(tmp_path, key)
    index = json.loads((repo / "index.json").read_text())
    index["signed"]["packs"][0]["file"] = evil
    resigned = publish_signed(key, index["signed"])
    (repo / "index.json").write_text(json.dumps(resigned))
    assert "path" in refused(repo, trusted, tmp_path / "installed")


def test_invalid_pack_in_a_signed_index_is_refused(tmp_path: Path, key, trusted) -> None:
    repo = make_repo(tmp_path, key)
    bad = b"pack: acme-confidential\nversion: 1.0.0\nterms: [{kind: codename, values: []}]\n"
    (repo / "packs" / "acme-confidential-1.0.0.yaml").write_bytes(bad)
    index = json.loads((repo / "index.json").read_text())
    entry = index["signed"]["packs"][0]
    entry["size"], entry["sha256"] = len(bad), hashlib.sha256(bad).hexdigest()
    (repo / "index.json").write_text(json.dumps(publish_signed(key, index["signed"])))
    assert "invalid" in refused(repo, trusted, tmp_path / "installed")


def test_garbage_index_is_refused(tmp_path: Path, key, trusted) -> None:
    repo = make_repo(tmp_path, key)
    (repo / "index.json").write_bytes(b'{"signed": {"vers')
    assert "not a precheck pack index" in refused(repo, trusted, tmp_path / "installed")


def publish_signed(key: Ed25519PrivateKey, signed: dict) -> dict:
    from precheck.rulepacks.signing import sign

    return {"signed": signed, "signatures": [sign(key, signed)]}


def test_cli_keygen_publish_update_and_the_checker_uses_the_pack(
    tmp_path: Path, monkeypatch, capsys, memory_keyring: MemoryKeyring
) -> None:
    assert main(["pack", "keygen", "acme-2026"]) == 0
    public = capsys.readouterr().out.strip().splitlines()[-1]
    assert public.startswith("ed25519:")
    config = tmp_path / "config.toml"
    config.write_text(f'[packs]\ntrusted_keys = ["{public}"]\nupdate_source = "{tmp_path / "repo"}"\n')
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    pack = write_pack(tmp_path / "src")
    assert main(["pack", "publish", "--key", "acme-2026", "--to", str(tmp_path / "repo"), str(pack)]) == 0
    assert main(["pack", "update"]) == 0
    assert "installed precheck version 1" in capsys.readouterr().out
    post = tmp_path / "post.txt"
    post.write_text("Kick-off for Project Falcon today!")
    assert main(["check", str(post)]) == 2
    assert main(["pack", "list"]) == 0
    assert "acme-confidential" in capsys.readouterr().out


def test_cli_keygen_without_keyring_says_so(capsys, memory_keyring: MemoryKeyring) -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())  # the fixture restores the previous backend afterwards
    assert main(["pack", "keygen", "acme"]) >= 3
    assert "no keyring" in capsys.readouterr().err


def test_cli_key_file_with_passphrase(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("PRECHECK_KEY_PASSPHRASE", "correct horse battery")
    key_file = tmp_path / "acme.key"
    assert main(["pack", "keygen", "acme", "--out", str(key_file)]) == 0
    assert b"ENCRYPTED" in key_file.read_bytes()
    pack = write_pack(tmp_path / "src")
    assert main(["pack", "publish", "--key-file", str(key_file), "--to", str(tmp_path / "repo"), str(pack)]) == 0
    monkeypatch.setenv("PRECHECK_KEY_PASSPHRASE", "wrong passphrase")
    assert main(["pack", "publish", "--key-file", str(key_file), "--to", str(tmp_path / "repo"), str(pack)]) >= 3
    assert "wrong passphrase" in capsys.readouterr().err
