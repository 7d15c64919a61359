"""Checksums and shape checks that turn a pattern match into a real finding.

A number that fails its checksum is not reported as that kind: a random
nine-digit number is not a BSN, a sixteen-digit one not a card. For secrets
the shape checks play the same part: a word after "password:" is prose, a
password has letters mixed with digits or symbols.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable

from stdnum import iban, luhn
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn

# Characters that join the words of an identifier (db_host, api-version, a.b);
# they make a value look like code, not like a password.
_IDENTIFIER_JOINERS = frozenset("_-.")
_EMAIL = re.compile(r"[^@\s]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def is_luhn(text: str) -> bool:
    digits = _digits(text)
    if not 12 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    try:
        luhn.validate(digits)
    except ValidationError:
        return False
    return True


def is_iban(text: str) -> bool:
    try:
        iban.validate(text)
    except ValidationError:
        return False
    return True


def is_bsn(text: str) -> bool:
    digits = _digits(text)
    return len(digits) in (8, 9) and len(set(digits)) > 1 and bsn.is_valid(digits)


def _json_object(segment: str) -> dict | None:
    """A base64url segment that decodes to a JSON object, else None."""
    segment = segment.rstrip("=")
    try:
        decoded = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        value = json.loads(decoded)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def is_jwt(text: str) -> bool:
    """A JWT's header names an algorithm or type; its claims are a JSON object.

    Pasted tokens are often damaged at one end (a header edited by hand, a
    payload cut short), and a damaged token still gives away its claims and
    usually still works, so either half proving the shape is enough.
    """
    parts = text.split(".")
    if len(parts) < 2:
        return False
    header = _json_object(parts[0])
    if header is not None and ("alg" in header or "typ" in header):
        return True
    return _json_object(parts[1]) is not None


def _classes(text: str) -> tuple[bool, bool, bool, bool]:
    """Lower case, upper case, digit, symbol (identifier joiners are no symbols)."""
    lower = upper = digit = symbol = False
    for c in text:
        if c.isdigit():
            digit = True
        elif c.isalpha():
            lower = lower or c.islower()
            upper = upper or c.isupper()
        elif c not in _IDENTIFIER_JOINERS and not c.isspace():
            symbol = True
    return lower, upper, digit, symbol


def is_password(text: str) -> bool:
    """Looks like a chosen password: letters mixed with digits or symbols.

    "password: reset" or "wachtwoord is veilig" are sentences about passwords;
    "Kraan#2024Venlo" is one. Plain numbers (a length, a year) are not taken
    for passwords either, and neither are addresses.
    """
    if not 6 <= len(text) <= 64 or "://" in text or _EMAIL.fullmatch(text):
        return False
    lower, upper, digit, symbol = _classes(text)
    return (lower or upper) and (digit or symbol)


def is_strong_password(text: str) -> bool:
    """Three of lower case, upper case, digits and symbols: a password even without "is".

    "password Passw0rd!23" names its value without a verb or a colon; only a
    value this password-like is taken, so "password requirements" is not.
    """
    return 8 <= len(text) <= 64 and "://" not in text and sum(_classes(text)) >= 3


def is_token(text: str) -> bool:
    """Looks like a machine-made credential rather than a word or a name.

    Two of lower case, upper case, digits and symbols, so "notapassword",
    "var.db_password" or "shorter-version" are passed over while hex keys,
    base64 blobs and generated passwords are kept.
    """
    if len(text) < 8 or "://" in text:
        return False
    return sum(_classes(text)) >= 2


def is_random_token(text: str) -> bool:
    """A long token with upper case, lower case and digits that is not a hash.

    Git SHAs, checksums and UUIDs are hex and are posted in public all the
    time; keys and session tokens mix both cases. Bech32 wallet addresses and
    other one-case identifiers are left out for the same reason, and so are
    CamelCase identifiers, which are words with hardly a digit in them
    (random text over letters and digits is about one sixth digits).
    """
    lower, upper, digit, _ = _classes(text)
    if not (lower and upper and digit) or sum(c.isdigit() for c in text) * 20 < len(text):
        return False
    return any(c not in "0123456789abcdefABCDEF-_=" for c in text)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": is_luhn,
    "iban": is_iban,
    "bsn": is_bsn,
    "jwt": is_jwt,
    "password": is_password,
    "strong_password": is_strong_password,
    "token": is_token,
    "random_token": is_random_token,
}
