"""Encryption at rest: AES-256-GCM with key ids, keys from the environment or a key file.

Stored form: ``enc:v1:<key id>:<base64(12-byte nonce + ciphertext + tag)>``. The first key in
the ring encrypts; every key decrypts, so keys can be rotated (``heard keys rotate``).
The associated data binds each ciphertext to its table and column, so a value copied into
another column does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc:v1:"


class DecryptionError(Exception):
    """A stored value could not be decrypted (unknown key id, or tampered ciphertext)."""


@dataclass(frozen=True)
class KeyRing:
    primary_id: str
    keys: dict[str, bytes]

    def encrypt(self, plaintext: str, aad: str) -> str:
        nonce = os.urandom(12)
        sealed = AESGCM(self.keys[self.primary_id]).encrypt(
            nonce, plaintext.encode("utf-8"), aad.encode("utf-8")
        )
        return f"{PREFIX}{self.primary_id}:{base64.b64encode(nonce + sealed).decode('ascii')}"

    def decrypt(self, stored: str, aad: str) -> str:
        key_id, blob = parse(stored)
        key = self.keys.get(key_id)
        if key is None:
            raise DecryptionError(f"no key with id {key_id!r} in the key ring")
        try:
            raw = base64.b64decode(blob, validate=True)
            return AESGCM(key).decrypt(raw[:12], raw[12:], aad.encode("utf-8")).decode("utf-8")
        except (InvalidTag, binascii.Error, ValueError) as exc:
            raise DecryptionError("stored value failed authentication") from exc


def parse(stored: str) -> tuple[str, str]:
    if not stored.startswith(PREFIX):
        raise DecryptionError("value is not in the encrypted format")
    key_id, _, blob = stored[len(PREFIX) :].partition(":")
    return key_id, blob


def key_id_of(stored: str) -> str | None:
    return parse(stored)[0] if stored.startswith(PREFIX) else None


def parse_key_spec(spec: str) -> KeyRing:
    """Parse "kid:base64key, kid2:base64key" (commas or newlines between keys)."""
    keys: dict[str, bytes] = {}
    order: list[str] = []
    for raw in spec.replace("\n", ",").split(","):
        item = raw.strip()
        if not item or item.startswith("#"):
            continue
        key_id, sep, b64 = item.partition(":")
        if not sep or not key_id:
            raise ImproperlyConfigured("each encryption key must look like 'keyid:base64key'")
        try:
            key = base64.b64decode(b64, validate=True)
        except binascii.Error as exc:
            raise ImproperlyConfigured(f"encryption key {key_id!r} is not valid base64") from exc
        if len(key) != 32:
            raise ImproperlyConfigured(f"encryption key {key_id!r} must be 32 bytes (AES-256)")
        if key_id in keys:
            raise ImproperlyConfigured(f"encryption key id {key_id!r} appears twice")
        keys[key_id] = key
        order.append(key_id)
    if not order:
        raise ImproperlyConfigured(
            "No encryption key is configured. Set HEARD_ENCRYPTION_KEYS or "
            "HEARD_ENCRYPTION_KEYS_FILE (see .env.example); 'heard keys generate' makes one."
        )
    return KeyRing(primary_id=order[0], keys=keys)


def default_key_file() -> Path:
    return Path(settings.VAR_DIR) / "encryption.keys"


def _configured_spec() -> str:
    if settings.HEARD_ENCRYPTION_KEYS:
        return str(settings.HEARD_ENCRYPTION_KEYS)
    path = default_key_file()
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return ""


@cache
def keyring() -> KeyRing:
    return parse_key_spec(_configured_spec())


def reset_keyring() -> None:
    keyring.cache_clear()


def new_key_line(key_id: str | None = None) -> str:
    kid = key_id or f"k{secrets.token_hex(4)}"
    return f"{kid}:{base64.b64encode(secrets.token_bytes(32)).decode('ascii')}"
