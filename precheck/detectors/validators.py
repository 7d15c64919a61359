"""Checksums and shape checks that turn a pattern match into a real finding.

A number that fails its checksum is not reported as that kind: a random
nine-digit number is not a BSN, a sixteen-digit one not a card.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable

from stdnum import iban, luhn
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn


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


def is_jwt(text: str) -> bool:
    """A JWT's first segment is base64url JSON that names an algorithm."""
    head = text.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(head + "=" * (-len(head) % 4))
        header = json.loads(decoded)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return False
    return isinstance(header, dict) and ("alg" in header or "typ" in header)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "luhn": is_luhn,
    "iban": is_iban,
    "bsn": is_bsn,
    "jwt": is_jwt,
}
