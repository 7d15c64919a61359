"""Secrets such as a grammar server key live in the OS keyring, never in the settings file.

Without a usable keyring backend the app says so and keeps working; it never
falls back to storing the secret in plain text.
"""

from __future__ import annotations

import keyring
import keyring.backends.fail
from keyring.errors import KeyringError

SERVICE = "precheck"
GRAMMAR_KEY = "grammar-server"


def keyring_problem() -> str | None:
    """A plain reason why secrets cannot be stored, or None when a keyring works."""
    try:
        backend = keyring.get_keyring()
    except KeyringError as exc:
        return str(exc) or type(exc).__name__
    if isinstance(backend, keyring.backends.fail.Keyring):
        return "no keyring backend"
    if getattr(backend, "backends", None) == []:
        return "no keyring backend"
    return None


def load_secret(name: str) -> str:
    try:
        return keyring.get_password(SERVICE, name) or ""
    except KeyringError:
        return ""


def save_secret(name: str, value: str) -> str | None:
    """Store (or, for an empty value, forget) a secret; returns the problem, if any."""
    try:
        if value:
            keyring.set_password(SERVICE, name, value)
        elif keyring.get_password(SERVICE, name) is not None:
            keyring.delete_password(SERVICE, name)
    except KeyringError as exc:
        return str(exc) or type(exc).__name__
    return None
