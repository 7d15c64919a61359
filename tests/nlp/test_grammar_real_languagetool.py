"""Against a real LanguageTool, when this machine has one (``LTP_PATH`` or a found installation) and Java."""

from __future__ import annotations

import pytest

from precheck.core.model import Report, Verdict
from precheck.nlp.grammar import GrammarService, Mode, State
from precheck.nlp.languagetool_local import LocalServer, find_installation, find_java, search_places

pytestmark = [pytest.mark.needs_java, pytest.mark.slow]


@pytest.fixture(scope="module")
def grammar():
    if find_java() is None:
        pytest.skip("needs Java 17+ on PATH or JAVA_HOME to run LanguageTool")
    if find_installation() is None:
        places = ", ".join(str(p) for p in search_places())
        pytest.skip(f"no local LanguageTool installation (set LTP_PATH; looked in {places})")
    service = GrammarService(Mode.LOCAL, LocalServer(), time_limit=30)
    status = service.warm_up(wait=180)
    if status.state is not State.READY:
        service.close()
        pytest.fail(f"a LanguageTool installation was found but did not start: {status.message}")
    yield service
    service.close()


def check(grammar: GrammarService, text: str, language: str = "en") -> Report:
    result = grammar.check(text, Report(language, "public", (), Verdict.OK, text))
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return result


def test_english_article_and_typo_after_emoji(grammar: GrammarService) -> None:
    text = "🚀🎉 We shipped a update yesterday and teh feedback is great."
    result = check(grammar, text)
    article = next(f for f in result.findings if f.rule == "languagetool/EN_A_VS_AN")
    assert (article.start, article.text, article.suggestions[:1]) == (text.index("a update"), "a", ("an",))
    typo = next(f for f in result.findings if f.text == "teh")
    assert typo.kind == "spelling" and "the" in typo.suggestions


def test_dutch_typo(grammar: GrammarService) -> None:
    text = "Trots op het team 💪🏽 de lancering was een groot sukses!"
    typo = next(f for f in check(grammar, text, "nl").findings if f.text == "sukses")
    assert typo.kind == "spelling" and "succes" in typo.suggestions
