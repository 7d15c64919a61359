"""The LanguageTool client over real HTTP against a local stand-in that answers from recordings."""

from __future__ import annotations

import time

import pytest

from precheck.nlp.languagetool_client import (
    GrammarUnavailable,
    LanguageToolClient,
    Utf16Map,
    check_url,
    is_public_api,
    parse_matches,
)
from precheck.nlp.languagetool_local import free_port
from tests.fixtures.languagetool.fake_server import FakeLanguageTool, recording, recordings

# recording -> (flagged text, the text right after it) in the ORIGINAL text, in order:
# the neighbour proves the span sits on the right occurrence, not just on equal characters
EXPECTED_SPANS = [
    ("en_article_and_typo", [("a", " update"), ("teh", " feedback")]),
    ("en_emoji", [("our", " new"), ("feedbak", " is"), ("thnx", " all")]),
    ("en_punctuation", [("..", " Thanks"), ("the the", " whole"), (" ,", " really")]),
    ("nl_case_and_typo", [("we", " hebben"), ("reakties", " zijn")]),
    ("nl_emoji", [("sukses", "!")]),
    ("nl_typography", [(" ,", " we"), ("..", " Tot")]),
]


@pytest.fixture
def server():
    with FakeLanguageTool() as lt:
        yield lt


@pytest.mark.parametrize(("name", "spans"), EXPECTED_SPANS)
def test_matches_land_on_the_flagged_words_in_python_offsets(server, name: str, spans: list[tuple[str, str]]) -> None:
    doc = recording(name)
    text, language = doc["request"]["text"], doc["request"]["language"]
    matches, incomplete = LanguageToolClient(server.url).check(text, language, timeout=5)
    assert len(matches) == len(spans) and not incomplete
    pairs = zip(matches, spans, strict=True)
    found = [(text[m.start:m.end], text[m.end:m.end + len(after)]) for m, (_, after) in pairs]
    assert found == spans


def test_offsets_after_emoji_differ_from_languagetools_own() -> None:
    """🚀 counts two UTF-16 units for LanguageTool and one code point for Python."""
    doc = recording("en_emoji")
    text, raw = doc["request"]["text"], doc["response"]["matches"][0]
    assert text[raw["offset"]:raw["offset"] + raw["length"]] != "our"  # the naive slice is off by one
    points = Utf16Map(text)
    assert text[points.start(raw["offset"]):points.end(raw["offset"] + raw["length"])] == "our"


def test_offsets_inside_a_surrogate_pair_widen_to_the_whole_character() -> None:
    points = Utf16Map("a🎉b")
    assert (points.start(2), points.end(2)) == (1, 2)
    assert (points.start(3), points.end(4)) == (2, 3)


def test_every_recording_is_faithful_to_its_own_context() -> None:
    """The recordings are test data: each match's context must quote the characters it flags."""
    for (language, text), response in recordings().items():
        assert len(parse_matches(response, text)) == len(response["matches"]), (language, text)


def test_a_match_whose_context_disagrees_is_dropped_not_misplaced() -> None:
    doc = recording("en_article_and_typo")
    shifted = [dict(m, offset=m["offset"] + 1) for m in doc["response"]["matches"]]
    assert parse_matches({"matches": shifted}, doc["request"]["text"]) == ()


def test_the_form_follows_languagetools_api(server) -> None:
    client = LanguageToolClient(server.url + "/v2/", username="precheck", api_key="k3y")
    client.check("Hello world.", "en-US", timeout=5, disabled_rules=("A_RULE", "B_RULE"))
    request = server.requests[-1]
    assert request["path"] == "/v2/check"
    assert request["form"] == {"text": "Hello world.", "language": "en-US", "username": "precheck",
                               "apiKey": "k3y", "disabledRules": "A_RULE,B_RULE"}
    assert request["headers"]["Content-Type"].startswith("application/x-www-form-urlencoded")


def test_credentials_are_not_sent_unless_both_are_configured(server) -> None:
    LanguageToolClient(server.url, username="precheck").check("Hello.", "en-US", timeout=5)
    assert "username" not in server.requests[-1]["form"]


def test_a_server_error_is_a_notice_not_an_exception_for_the_user() -> None:
    with FakeLanguageTool(status=500) as lt, pytest.raises(GrammarUnavailable) as caught:
        LanguageToolClient(lt.url).check("Hello.", "en-US", timeout=5)
    assert "HTTP 500" in caught.value.notice and caught.value.retry


def test_a_server_that_is_down_says_where_it_looked() -> None:
    port = free_port()
    with pytest.raises(GrammarUnavailable) as caught:
        LanguageToolClient(f"http://127.0.0.1:{port}").check("Hello.", "en-US", timeout=2)
    assert caught.value.notice == f"Grammar checks are off: no LanguageTool server is reachable at 127.0.0.1:{port}."


def test_a_slow_server_times_out() -> None:
    with FakeLanguageTool(delay=2.0) as lt:
        started = time.monotonic()
        with pytest.raises(GrammarUnavailable) as caught:
            LanguageToolClient(lt.url).check("Hello.", "en-US", timeout=0.3)
        assert time.monotonic() - started < 1.5
    assert "did not answer in time" in caught.value.notice


def test_something_that_is_not_languagetool_is_refused() -> None:
    portal = b"<html>Sign in to the proxy</html>"
    with FakeLanguageTool(raw_body=portal) as lt, pytest.raises(GrammarUnavailable) as caught:
        LanguageToolClient(lt.url).check("Hello.", "en-US", timeout=5)
    assert "does not answer like LanguageTool" in caught.value.notice


@pytest.mark.parametrize(("url", "public"), [
    ("https://api.languagetool.org", True),
    ("https://api.languagetoolplus.com/v2", True),
    ("https://API.LanguageTool.org./v2/check", True),
    ("https://languagetool.intranet.example", False),
    ("http://127.0.0.1:8081", False),
    ("https://evil-languagetool.org.example.com", False),
])
def test_the_public_service_is_recognised(url: str, public: bool) -> None:
    assert is_public_api(url) is public


def test_the_public_service_is_refused_unless_allowed() -> None:
    with pytest.raises(ValueError, match="public API"):
        LanguageToolClient("https://api.languagetool.org")
    assert LanguageToolClient("https://api.languagetool.org", allow_public=True).url == \
        "https://api.languagetool.org/v2/check"


@pytest.mark.parametrize("written", ["http://lt:8081", "http://lt:8081/", "http://lt:8081/v2", "http://lt:8081/v2/check"])
def test_admins_may_write_the_address_with_or_without_the_api_path(written: str) -> None:
    assert check_url(written) == "http://lt:8081/v2/check"
