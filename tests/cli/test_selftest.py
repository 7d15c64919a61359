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
