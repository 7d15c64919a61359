"""Ed25519 keys for signing pack repositories.

Private keys live in the OS keyring, or in a passphrase-protected file on
machines without one; public keys are short text that IT pastes into the
machine configuration.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from precheck.core.errors import PrecheckError

KEYRING_SERVICE = "precheck-pack-signing"
PREFIX = "ed25519:"


class SigningError(PrecheckError):
    code = "E220"
    exit_code = 5


def canonical(data: Any) -> bytes:
    """One byte form for the same content, so a signature never depends on formatting."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def public_key_text(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return PREFIX + base64.b64encode(raw).decode("ascii")


def key_id(public_text: str) -> str:
    return hashlib.sha256(public_text.encode("ascii")).hexdigest()[:16]


def parse_public_key(text: str) -> Ed25519PublicKey:
    if not text.startswith(PREFIX):
        raise SigningError(f"a public key starts with {PREFIX!r}")
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text[len(PREFIX):], validate=True))
    except ValueError:
        raise SigningError("the public key is not a valid Ed25519 key") from None


def sign(private: Ed25519PrivateKey, data: Any) -> dict[str, str]:
    public = public_key_text(private.public_key())
    return {"keyid": key_id(public), "sig": base64.b64encode(private.sign(canonical(data))).decode("ascii")}


def verify(signed: Any, signatures: Any, trusted: list[str]) -> str:
    """The trusted key that signed ``signed``; raises when none did."""
    if not trusted:
        raise SigningError("no trusted rule-pack keys are configured on this machine; ask IT to add one")
    by_id = {key_id(k): k for k in trusted}
    payload = canonical(signed)
    for entry in signatures if isinstance(signatures, list) else []:
        key_text = by_id.get(entry.get("keyid", "")) if isinstance(entry, dict) else None
        if key_text is None:
            continue
        try:
            parse_public_key(key_text).verify(base64.b64decode(entry.get("sig", "")), payload)
            return key_text
        except (InvalidSignature, ValueError):
            continue
    raise SigningError("the index is not signed by a trusted key (tampered, or signed by an unknown key)")


def private_to_keyring(name: str, private: Ed25519PrivateKey) -> None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    raw = private.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                                serialization.NoEncryption())
    try:
        keyring.set_password(KEYRING_SERVICE, name, base64.b64encode(raw).decode("ascii"))
    except NoKeyringError:
        raise SigningError("this machine has no keyring; use --out FILE for a passphrase-protected key file") from None
    except KeyringError as exc:
        raise SigningError(f"the keyring refused to store the key: {exc}") from None


def private_from_keyring(name: str) -> Ed25519PrivateKey:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        stored = keyring.get_password(KEYRING_SERVICE, name)
    except NoKeyringError:
        raise SigningError("this machine has no keyring; use --key-file with a key made by 'keygen --out'") from None
    except KeyringError as exc:
        raise SigningError(f"cannot read the keyring: {exc}") from None
    if stored is None:
        raise SigningError(f"no signing key named {name!r} in the keyring; make one with 'precheck pack keygen {name}'")
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(stored))


def private_to_file(path: Path, private: Ed25519PrivateKey, passphrase: bytes) -> None:
    if len(passphrase) < 8:
        raise SigningError("the passphrase must have at least 8 characters")
    data = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.BestAvailableEncryption(passphrase))
    path.touch(mode=0o600, exist_ok=False)
    path.write_bytes(data)


def private_from_file(path: Path, passphrase: bytes) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=passphrase)
    except FileNotFoundError:
        raise SigningError(f"{path}: no such key file") from None
    except (ValueError, TypeError):
        raise SigningError(f"{path}: wrong passphrase, or not a precheck key file") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path}: not an Ed25519 key")
    return key
