"""The local LanguageTool: found where language_tool_python puts it, started once, reused, stopped.

A stand-in ``java`` executable plays the real one: it reads the same command
line and serves the recordings on the port it is given.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from precheck.core.model import Report, Verdict
from precheck.nlp.grammar import GrammarService, Mode, State
from precheck.nlp.languagetool_local import LocalServer, find_installation, find_java
from tests.fixtures.languagetool.fake_server import fake_java, recording

TEXT = recording("en_article_and_typo")["request"]["text"]


def install(folder: Path, version: str) -> Path:
    home = folder / f"LanguageTool-{version}"
    home.mkdir(parents=True)
    (home / "languagetool-server.jar").write_bytes(b"PK")
    return home


def blank(text: str) -> Report:
    return Report("en", "public", (), Verdict.OK, text)


@pytest.fixture
def no_default_places(monkeypatch, tmp_path):
    """Nothing from the developer's own machine: an empty download folder and no jar folder."""
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp-empty"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)


def test_the_newest_version_in_language_tool_pythons_download_folder_is_used(monkeypatch, tmp_path) -> None:
    downloads = tmp_path / "ltp"
    install(downloads, "6.4")
    newest = install(downloads, "6.10")
    monkeypatch.setenv("LTP_PATH", str(downloads))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    found = find_installation()
    assert found is not None and found.jar == newest / "languagetool-server.jar" and found.version == "6.10"


def test_a_configured_path_wins(monkeypatch, tmp_path) -> None:
    install(tmp_path / "ltp", "6.6")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    mine = install(tmp_path / "opt", "6.5")
    assert find_installation(mine).jar == mine / "languagetool-server.jar"
    assert find_installation(mine / "languagetool-server.jar").version == "6.5"


def test_language_tool_pythons_jar_folder_variable_is_honoured(monkeypatch, tmp_path, no_default_places) -> None:
    home = install(tmp_path / "jars", "6.6")
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(home))
    assert find_installation().jar == home / "languagetool-server.jar"


def test_nothing_installed_is_none(no_default_places) -> None:
    assert find_installation() is None


def test_java_is_found_through_java_home(monkeypatch, tmp_path) -> None:
    java, _ = fake_java(tmp_path / "jdk" / "bin")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk"))
    assert find_java() == java


def test_no_java_is_a_clear_status_and_never_an_error(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    grammar = GrammarService(Mode.LOCAL, LocalServer(install(tmp_path, "6.6")))
    result = grammar.check(TEXT, blank(TEXT), time_limit=5)
    notice = "Grammar checks are off: Java is not installed (LanguageTool needs Java 17)."
    assert result.notices == (notice,) and result.findings == ()
    assert grammar.status().state is State.UNAVAILABLE and grammar.status().message == notice


def test_no_installation_says_where_it_looked(tmp_path, no_default_places) -> None:
    java, _ = fake_java(tmp_path / "bin")
    result = GrammarService(Mode.LOCAL, LocalServer(java=str(java))).check(TEXT, blank(TEXT), time_limit=5)
    assert result.notices == (
        f"Grammar checks are off: no local LanguageTool installation was found (looked in {tmp_path / 'ltp-empty'}).",
    )


def test_a_java_too_old_for_languagetool_is_named(tmp_path) -> None:
    java, _ = fake_java(tmp_path / "bin", fail="java.lang.UnsupportedClassVersionError: class file version 61.0")
    server = LocalServer(install(tmp_path, "6.6"), java=str(java))
    result = GrammarService(Mode.LOCAL, server).check(TEXT, blank(TEXT), time_limit=10)
    assert result.notices == ("Grammar checks are off: this LanguageTool needs a newer Java (17 or later).",)


def test_started_once_in_the_background_reused_and_stopped(tmp_path) -> None:
    java, commands = fake_java(tmp_path / "bin")
    home = install(tmp_path, "6.6")
    grammar = GrammarService(Mode.LOCAL, LocalServer(home, java=str(java)))
    assert grammar.warm_up(wait=20).state is State.READY
    first = grammar.check(TEXT, blank(TEXT))
    second = grammar.check(TEXT.replace("great", "good"), blank(TEXT.replace("great", "good")))
    assert [f.text for f in first.findings] == ["a", "teh"] and second.notices == ()
    lines = commands.read_text().splitlines()
    assert len(lines) == 1  # one server for the whole session
    args = lines[0].split()
    assert args[:3] == ["-cp", str(home / "languagetool-server.jar"), "org.languagetool.server.HTTPServer"]
    assert "--public" not in args and "--allow-origin" not in args
    url = grammar.status().where.removeprefix("a local LanguageTool at ")
    assert url.startswith("http://127.0.0.1:")
    grammar.close()
    with pytest.raises(OSError):
        urllib.request.urlopen(url + "/v2/languages", timeout=2)


def test_while_it_starts_checks_say_so_and_do_not_wait(tmp_path) -> None:
    java, _ = fake_java(tmp_path / "bin", delay=1.5)
    grammar = GrammarService(Mode.LOCAL, LocalServer(install(tmp_path, "6.6"), java=str(java)))
    try:
        grammar.warm_up()
        early = grammar.check(TEXT, blank(TEXT), time_limit=0.2)
        assert early.notices == ("Grammar checks are starting: LanguageTool is still loading.",)
        assert grammar.status().state is State.STARTING
        assert grammar.warm_up(wait=20).state is State.READY
        assert [f.text for f in grammar.check(TEXT, blank(TEXT)).findings] == ["a", "teh"]
    finally:
        grammar.close()
