"""``precheck --self-test``: what support asks a user to run."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from precheck.cli.main import main


def test_self_test_passes_and_names_packs_models_and_grammar() -> None:
    out = io.StringIO()
    assert main(["--self-test"], stdout=out) == 0
    text = out.getvalue()
    assert "builtin-secrets" in text and "en_core_web_sm" in text and "grammar: off" in text
    assert text.rstrip().endswith("self-test passed")
    assert "FAIL" not in text


def test_self_test_fails_when_the_admin_grammar_server_is_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[grammar]\nmode = "server"\nserver = "http://127.0.0.1:9"\ntime_limit = 1.0\n')
    monkeypatch.setenv("PRECHECK_ADMIN_CONFIG", str(config))
    out = io.StringIO()
    assert main(["--self-test"], stdout=out) == 1
    assert "FAIL  grammar: server" in out.getvalue()


def test_self_test_names_a_pack_that_two_repositories_both_install(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from precheck.admin_config import AdminConfig
    from precheck.rulepacks.levels import configured_repositories, update_levels
    from precheck.rulepacks.repository import publish
    from precheck.rulepacks.signing import public_key_text

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    key = Ed25519PrivateKey.generate()
    pack = tmp_path / "acme-terms.yaml"
    pack.write_text("pack: acme-terms\nversion: 1\nterms:\n  - kind: codename\n    category: confidential\n"
                    "    severity: block\n    values: [Project Falcon]\n", encoding="utf-8")
    for name in ("org", "dept"):
        publish(key, [pack], tmp_path / name, repository=name)
    admin = AdminConfig(trusted_keys=(public_key_text(key.public_key()),), update_source=str(tmp_path / "org"),
                        department_source=str(tmp_path / "dept"))
    assert all(o.result is not None for o in update_levels(configured_repositories(admin)))
    out = io.StringIO()
    assert main(["--self-test"], stdout=out) == 1
    assert "active twice (from two repositories?): acme-terms" in out.getvalue()
