"""A draft goes to the configured grammar server and nowhere else; the public service only when allowed."""

from __future__ import annotations

from pathlib import Path

import pytest

from precheck.admin_config import AdminConfigError, load_admin_config
from precheck.core.model import Report, Verdict
from precheck.nlp.grammar import Mode, State
from precheck.nlp.languagetool_local import LocalServer
from precheck.service import GRAMMAR_OFF_BY_ADMIN, build_grammar
from tests.fixtures.languagetool.fake_server import FakeLanguageTool, recording, spy_on_network

TEXT = recording("en_article_and_typo")["request"]["text"]


def blank(text: str = TEXT) -> Report:
    return Report("en", "public", (), Verdict.OK, text)


def admin(tmp_path: Path, grammar: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text("[grammar]\n" + grammar, encoding="utf-8")
    return path


def grammar_for(tmp_path: Path, settings: str, **options):
    return build_grammar(load_admin_config(admin(tmp_path, settings)), **options)


def test_the_draft_goes_only_to_the_configured_host(monkeypatch, tmp_path) -> None:
    with FakeLanguageTool() as lt:
        grammar = grammar_for(tmp_path, f'mode = "server"\nserver = "{lt.url}"\n')
        hosts = spy_on_network(monkeypatch)
        result = grammar.check(TEXT, blank())
    assert [f.text for f in result.findings] == ["a", "teh"]
    assert hosts and set(hosts) == {"127.0.0.1"}


def test_a_redirect_to_the_public_service_is_not_followed(monkeypatch, tmp_path) -> None:
    with FakeLanguageTool(redirect_to="https://api.languagetool.org/v2/check") as lt:
        grammar = grammar_for(tmp_path, f'mode = "server"\nserver = "{lt.url}"\n')
        hosts = spy_on_network(monkeypatch)
        result = grammar.check(TEXT, blank())
    assert set(hosts) == {"127.0.0.1"}
    assert result.notices == (
        f"Grammar checks are off: the server at {lt.url.removeprefix('http://')} redirects elsewhere, "
        "and drafts go nowhere else.",
    )


def test_proxy_variables_cannot_divert_the_draft(monkeypatch, tmp_path) -> None:
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(name, "http://proxy.example.net:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with FakeLanguageTool() as lt:
        grammar = grammar_for(tmp_path, f'mode = "server"\nserver = "{lt.url}"\n')
        hosts = spy_on_network(monkeypatch)
        grammar.check(TEXT, blank())
    assert "proxy.example.net" not in hosts and set(hosts) == {"127.0.0.1"}


def test_local_mode_without_languagetool_touches_no_network(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    grammar = grammar_for(tmp_path, 'mode = "local"\n')
    hosts = spy_on_network(monkeypatch)
    result = grammar.check(TEXT, blank(), time_limit=5)
    assert hosts == [] and len(result.notices) == 1 and result.notices[0].startswith("Grammar checks are off: ")


def test_the_public_service_is_refused_unless_the_admin_allows_it(tmp_path) -> None:
    with pytest.raises(AdminConfigError) as caught:
        load_admin_config(admin(tmp_path, 'mode = "server"\nserver = "https://api.languagetool.org"\n'))
    assert caught.value.code == "E210" and "allow_public_api" in caught.value.message


def test_an_allowed_public_service_is_said_in_the_settings(tmp_path) -> None:
    grammar = grammar_for(
        tmp_path, 'mode = "server"\nserver = "https://api.languagetool.org"\nallow_public_api = true\n'
    )
    status = grammar.status()
    assert status.public_api and status.mode is Mode.SERVER
    assert "drafts leave the company" in status.message


@pytest.mark.parametrize("settings", [
    'mode = "cloud"\n',
    'mode = "server"\n',
    'mode = "server"\nserver = "lt.intranet:8081"\n',
    'time_limit = 0\n',
    'time_limit = "fast"\n',
    'port = true\n',
    'servre = "http://lt:8081"\n',
])
def test_a_broken_grammar_section_names_the_problem(tmp_path, settings: str) -> None:
    with pytest.raises(AdminConfigError) as caught:
        load_admin_config(admin(tmp_path, settings))
    assert caught.value.code == "E210" and "grammar." in caught.value.message


def test_unconfigured_means_off_for_the_app_and_local_for_the_command_line(tmp_path) -> None:
    assert grammar_for(tmp_path, "").mode is Mode.OFF
    assert grammar_for(tmp_path, "", requested=True).mode is Mode.LOCAL


def test_an_admin_who_turned_grammar_off_is_obeyed_and_the_user_is_told(tmp_path) -> None:
    grammar = grammar_for(tmp_path, 'mode = "off"\n', requested=True)
    assert grammar.mode is Mode.OFF and grammar.status().state is State.OFF
    assert grammar.check(TEXT, blank()).notices == (GRAMMAR_OFF_BY_ADMIN,)


def test_local_settings_reach_the_local_server(tmp_path) -> None:
    grammar = grammar_for(tmp_path, f'mode = "local"\nlocal_path = "{tmp_path}"\njava = "/opt/java"\nport = 8555\n')
    server = grammar._endpoint
    assert isinstance(server, LocalServer)
    assert (server._configured, server._java, server._port) == (tmp_path, "/opt/java", 8555)


def test_company_credentials_come_from_the_keyring(monkeypatch, tmp_path) -> None:
    import keyring

    monkeypatch.setattr(keyring, "get_password", lambda service, name: f"{service}:{name}:secret")
    with FakeLanguageTool() as lt:
        grammar = grammar_for(tmp_path, f'mode = "server"\nserver = "{lt.url}"\nusername = "precheck-bot"\n')
        grammar.check(TEXT, blank())
    form = lt.requests[-1]["form"]
    assert (form["username"], form["apiKey"]) == ("precheck-bot", "precheck:grammar-server:secret")


def test_the_english_variant_is_the_admins_choice(tmp_path) -> None:
    with FakeLanguageTool() as lt:
        grammar_for(tmp_path, f'mode = "server"\nserver = "{lt.url}"\nenglish = "en-GB"\n').check(TEXT, blank())
    assert lt.requests[-1]["form"]["language"] == "en-GB"
