"""Masked forms of personal data and secrets: enough to recognise, too little to use.

A mask keeps the shape of what it hides (separators, length, the last few
characters) so the author sees which value the suggestion replaces and the
post still reads naturally, while the value itself can no longer be used.
"""

from __future__ import annotations

import re
from collections.abc import Callable

HIDDEN = "•"

# "[at]", "(at)", "{apenstaartje}": how people hide the @ from scrapers.
_OBFUSCATED_AT = re.compile(
    r"\s*[\[({<]\s*(?:at|apenstaartje|apestaart)\s*[\])}>]\s*", re.IGNORECASE
)
_OBFUSCATED_DOT = re.compile(
    r"\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*|\s+(?:dot|punt)\s+|\s*\.\s*", re.IGNORECASE
)


def redact(_text: str) -> str:
    return "[redacted]"


def keep_last_4(text: str) -> str:
    """Every letter and digit but the last four becomes '•'; separators stay.

    The last four are what banks and shops print on receipts, so they help
    the author recognise the number without giving it away.
    """
    alnum = [i for i, c in enumerate(text) if c.isalnum()]
    hide = set(alnum[:-4]) if len(alnum) > 4 else set(alnum)
    return "".join(HIDDEN if i in hide else c for i, c in enumerate(text))


def hide_all(text: str) -> str:
    """Every letter and digit becomes '•'; for numbers of which no part is safe to show (BSN)."""
    return "".join(HIDDEN if c.isalnum() else c for c in text)


def iban(text: str) -> str:
    """Country code and last four kept: "NL•• •••• •••• ••43 00" still says which account."""
    masked = keep_last_4(text)
    return text[:2] + masked[2:] if len(text) > 6 and text[:2].isalpha() else masked


def email(text: str) -> str:
    """j•••@e•••.com: the shape of an address without the address.

    Obfuscated forms ("jan [at] example [dot] nl") come out in the plain
    masked form, since the suggestion replaces the whole obfuscated span.
    """
    local, domain = _split_address(text)
    labels = [part for part in _OBFUSCATED_DOT.split(domain) if part]
    tld = labels[-1] if len(labels) > 1 else ""
    host = labels[0] if labels else ""
    masked_host = (host[:1] + HIDDEN * 3) if host else HIDDEN * 3
    return f"{local[:1]}{HIDDEN * 3}@{masked_host}{'.' + tld if tld else ''}"


def _split_address(text: str) -> tuple[str, str]:
    if "@" in text:
        local, _, domain = text.partition("@")
        return local.strip(), domain.strip()
    parts = _OBFUSCATED_AT.split(text, maxsplit=1)
    if len(parts) == 2:
        return parts[0].strip(), parts[1].strip()
    return text, ""


def phone(text: str, keep_prefix: int = 2) -> str:
    """Keep the first ``keep_prefix`` digits (country code or trunk prefix) and the last two.

    The prefix tells the author which number it was (a mobile, a foreign
    line) and the last two digits which one of theirs; the rest is what a
    caller would need.
    """
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    keep_prefix = max(0, min(keep_prefix, len(digits) - 4))
    keep = set(digits[:keep_prefix] + digits[-2:])
    return "".join(c if (i in keep or not c.isdigit()) else HIDDEN for i, c in enumerate(text))


MASKS: dict[str, Callable[[str], str]] = {
    "redact": redact,
    "last4": keep_last_4,
    "all": hide_all,
    "iban": iban,
    "email": email,
    "phone": phone,
}
