"""LanguageTool's documented ``/v2/check`` HTTP API, with nothing but the standard library.

The client talks to exactly one configured address: environment proxies are
ignored and redirects are refused, so a draft can never be forwarded to a host
the administrator did not name. LanguageTool counts offsets in UTF-16 code
units (Java strings); everything leaving this module counts Python code points.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

PUBLIC_DOMAINS = ("languagetool.org", "languagetoolplus.com")


class GrammarUnavailable(Exception):
    """LanguageTool cannot answer now; ``notice`` is the one sentence a user sees."""

    def __init__(self, notice: str, *, retry: bool = True) -> None:
        super().__init__(notice)
        self.notice = notice
        self.retry = retry


class GrammarTimeout(GrammarUnavailable):
    """The server did not answer within the time the caller gave it."""


class GrammarStarting(GrammarUnavailable):
    """A local LanguageTool is still loading: not a failure, so no back-off."""

    def __init__(self) -> None:
        super().__init__("Grammar checks are starting: LanguageTool is still loading.")


@dataclass(frozen=True, slots=True)
class LtMatch:
    """One LanguageTool match, already in code points of the text that was sent."""

    start: int
    end: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str
    confidence: float | None = None


def is_public_api(url: str) -> bool:
    """LanguageTool GmbH's own servers: a draft sent there leaves the company."""
    host = (urllib.parse.urlsplit(url).hostname or "").lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in PUBLIC_DOMAINS)


def check_url(base_url: str) -> str:
    """Admins write the server's address with or without ``/v2`` or ``/v2/check``."""
    base = base_url.strip().rstrip("/")
    for suffix in ("/check", "/v2"):
        base = base.removesuffix(suffix)
    return base + "/v2/check"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could hand the draft to another host: treat it as an error instead."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


class LanguageToolClient:
    """Stateless and thread-safe: one instance serves every check of a session."""

    def __init__(
        self, base_url: str, *, allow_public: bool = False, username: str = "", api_key: str = ""
    ) -> None:
        scheme = urllib.parse.urlsplit(base_url).scheme
        if scheme not in ("http", "https"):
            raise ValueError(f"grammar server {base_url!r} must start with http:// or https://")
        if is_public_api(base_url) and not allow_public:
            raise ValueError(f"{base_url} is LanguageTool's public API; the admin configuration does not allow it")
        self.url = check_url(base_url)
        self._credentials = {"username": username, "apiKey": api_key} if username and api_key else {}
        self._opener = _opener()

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url).netloc

    def check(
        self, text: str, language: str, *, timeout: float, disabled_rules: Iterable[str] = ()
    ) -> tuple[tuple[LtMatch, ...], bool]:
        """The matches, and whether LanguageTool says its answer is incomplete."""
        form = {"text": text, "language": language, **self._credentials}
        disabled = ",".join(disabled_rules)
        if disabled:
            form["disabledRules"] = disabled
        payload = self._post(urllib.parse.urlencode(form).encode("utf-8"), timeout)
        return parse_matches(payload, text), bool(payload.get("warnings", {}).get("incompleteResults"))

    def _post(self, body: bytes, timeout: float) -> dict[str, Any]:
        request = urllib.request.Request(
            self.url, data=body, method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                     "Accept": "application/json"},
        )
        try:
            with self._opener.open(request, timeout=timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            exc.close()
            raise GrammarUnavailable(self._http_notice(exc.code)) from None
        except (urllib.error.URLError, OSError) as exc:
            if isinstance(exc, TimeoutError) or isinstance(getattr(exc, "reason", None), TimeoutError):
                raise GrammarTimeout(
                    f"Grammar checks were skipped: LanguageTool at {self.host} did not answer in time."
                ) from None
            raise GrammarUnavailable(
                f"Grammar checks are off: no LanguageTool server is reachable at {self.host}."
            ) from None
        try:
            payload = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("matches"), list):
            raise GrammarUnavailable(
                f"Grammar checks are off: the server at {self.host} does not answer like LanguageTool."
            )
        return payload

    def _http_notice(self, code: int) -> str:
        if code in (301, 302, 303, 307, 308):
            return f"Grammar checks are off: the server at {self.host} redirects elsewhere, and drafts go nowhere else."
        if code in (401, 403):
            return f"Grammar checks are off: the server at {self.host} refused the credentials (HTTP {code})."
        if code == 413:
            return "Grammar checks were skipped: the draft is too long for the grammar server."
        return f"Grammar checks are off: the LanguageTool server at {self.host} answered with an error (HTTP {code})."


def parse_matches(payload: dict[str, Any], sent: str) -> tuple[LtMatch, ...]:
    """Matches whose span and context agree with the sent text; the rest are dropped, not guessed."""
    to_points = Utf16Map(sent)
    out: list[LtMatch] = []
    for raw in payload.get("matches", ()):
        match = _one_match(raw, sent, to_points)
        if match is not None:
            out.append(match)
    return tuple(out)


def _one_match(raw: Any, sent: str, to_points: Utf16Map) -> LtMatch | None:
    if not isinstance(raw, dict):
        return None
    offset, length = raw.get("offset"), raw.get("length")
    if not isinstance(offset, int) or not isinstance(length, int) or length <= 0 or offset < 0:
        return None
    start, end = to_points.start(offset), to_points.end(offset + length)
    if not 0 <= start < end <= len(sent) or not _context_agrees(raw.get("context"), sent[start:end]):
        return None
    rule = raw.get("rule") if isinstance(raw.get("rule"), dict) else {}
    category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
    confidence = rule.get("confidence")
    return LtMatch(
        start=start, end=end,
        message=str(raw.get("message") or rule.get("description") or ""),
        short_message=str(raw.get("shortMessage") or ""),
        replacements=_replacements(raw.get("replacements")),
        rule_id=str(rule.get("id") or "UNKNOWN"),
        rule_description=str(rule.get("description") or ""),
        issue_type=str(rule.get("issueType") or ""),
        category_id=str(category.get("id") or ""),
        category_name=str(category.get("name") or ""),
        confidence=float(confidence) if isinstance(confidence, int | float) and 0 <= confidence <= 1 else None,
    )


def _replacements(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(str(r["value"]) for r in raw if isinstance(r, dict) and isinstance(r.get("value"), str))


def _context_agrees(context: Any, span: str) -> bool:
    """LanguageTool repeats the flagged characters in ``context``: a cheap proof our offsets are right."""
    if not isinstance(context, dict):
        return True
    text, offset, length = context.get("text"), context.get("offset"), context.get("length")
    if not isinstance(text, str) or not isinstance(offset, int) or not isinstance(length, int):
        return True
    points = Utf16Map(text)
    shown = text[points.start(offset):points.end(offset + length)]
    return _blank(shown) == _blank(span)


def _blank(text: str) -> str:
    """The context shows line breaks and tabs as spaces."""
    return "".join(" " if c.isspace() else c for c in text)


class Utf16Map:
    """UTF-16 offsets to code points: every character above U+FFFF is two units in Java."""

    def __init__(self, text: str) -> None:
        self._starts: Sequence[int] | None = None
        if any(ord(c) > 0xFFFF for c in text):
            starts, units = [], 0
            for c in text:
                starts.append(units)
                units += 2 if ord(c) > 0xFFFF else 1
            starts.append(units)
            self._starts = starts

    def start(self, units: int) -> int:
        """A start inside a surrogate pair moves back to the pair's first unit."""
        return units if self._starts is None else bisect_right(self._starts, units) - 1

    def end(self, units: int) -> int:
        """An end inside a surrogate pair moves forward past the pair."""
        return units if self._starts is None else bisect_left(self._starts, units)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)
