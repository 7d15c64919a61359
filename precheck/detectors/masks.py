"""Masked forms of personal data and secrets: enough to recognise, too little to use."""

from __future__ import annotations

from collections.abc import Callable


def redact(_text: str) -> str:
    return "[redacted]"


def keep_last_4(text: str) -> str:
    """Every letter and digit but the last four becomes '•'; separators stay."""
    alnum = [i for i, c in enumerate(text) if c.isalnum()]
    hide = set(alnum[:-4]) if len(alnum) > 4 else set(alnum)
    return "".join("•" if i in hide else c for i, c in enumerate(text))


def email(text: str) -> str:
    """j•••@e•••.com: the shape of an address without the address."""
    local, _, domain = text.partition("@")
    host, dot, tld = domain.rpartition(".")
    masked_host = (host[:1] + "•••") if host else "•••"
    return f"{local[:1]}•••@{masked_host}{dot}{tld}"


def phone(text: str) -> str:
    """Keep the country or trunk prefix and the last two digits."""
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    keep = set(digits[:2] + digits[-2:])
    return "".join(c if (i in keep or not c.isdigit()) else "•" for i, c in enumerate(text))


MASKS: dict[str, Callable[[str], str]] = {
    "redact": redact,
    "last4": keep_last_4,
    "email": email,
    "phone": phone,
}
