"""The credentials callers present (`authorization: Bearer <token>`), made and checked.

Three kinds, told apart by their prefix so a leaked one is recognisable (secret scanners,
logs) and so a server knows where to look it up without trying each store:

- tenant API key  `tk_<id>_<secret>`: `id` is the key's public identifier (16 hex digits,
  safe to log), `secret` 256 random bits. Stored as SHA-256 of the secret only: the secret's
  entropy makes a slow hash pointless, and a database dump does not yield usable keys.
- service         `svc_<name>_<mac>`: HMAC-SHA256 of the name under the servers' service
  secret, so each process gets its own identity from one setting and nothing is stored.
- admin           `adm_<secret>`: the one platform credential from settings.
- access token    `at_<claims>.<mac>`: a short-lived token made from a tenant key
                  (`common.auth.access_tokens`), verified without a store.

All comparisons are constant-time (`hmac.compare_digest`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

TENANT_KEY_PREFIX = "tk_"
SERVICE_PREFIX = "svc_"
ADMIN_PREFIX = "adm_"

_KEY_ID = re.compile(r"[0-9a-f]{16}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{43}")
_SERVICE_NAME = re.compile(r"[a-z][a-z0-9-]{0,40}")
ACCESS_TOKEN_PREFIX = "at_"
_ACCESS_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,600}\.[A-Za-z0-9_-]{43}")
# Longest token we even look at: anything longer is malformed, and is not hashed or logged.
MAX_TOKEN_CHARS = 700


class MalformedCredentialError(ValueError):
    """Not a credential of any kind we issue."""


@dataclass(frozen=True)
class TenantKeyCredential:
    key_id: str
    secret: str

    @property
    def display(self) -> str:
        return f"{TENANT_KEY_PREFIX}{self.key_id}"


@dataclass(frozen=True)
class ServiceCredential:
    name: str
    mac: str

    @property
    def display(self) -> str:
        return f"{SERVICE_PREFIX}{self.name}"


@dataclass(frozen=True)
class AdminCredential:
    token: str

    @property
    def display(self) -> str:
        return ADMIN_PREFIX.rstrip("_")


@dataclass(frozen=True)
class AccessTokenCredential:
    token: str

    @property
    def display(self) -> str:
        return ACCESS_TOKEN_PREFIX.rstrip("_")


Credential = TenantKeyCredential | ServiceCredential | AdminCredential | AccessTokenCredential


def _random_secret() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


def hash_secret(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def secret_matches(secret: str, stored_hash: bytes) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)


@dataclass(frozen=True)
class NewTenantKey:
    key_id: str
    token: str  # shown once
    secret_hash: bytes  # stored


def new_tenant_key() -> NewTenantKey:
    key_id = secrets.token_hex(8)
    secret = _random_secret()
    return NewTenantKey(key_id, f"{TENANT_KEY_PREFIX}{key_id}_{secret}", hash_secret(secret))


def new_admin_token() -> str:
    return f"{ADMIN_PREFIX}{_random_secret()}"


def new_service_secret() -> str:
    return _random_secret()


def service_token(service_secret: str, name: str) -> str:
    """The credential of the service `name` (a process's own identity)."""
    if not _SERVICE_NAME.fullmatch(name):
        raise ValueError(f"not a service name: {name!r}")
    return f"{SERVICE_PREFIX}{name}_{_service_mac(service_secret, name)}"


def service_mac_matches(service_secret: str, credential: ServiceCredential) -> bool:
    return hmac.compare_digest(_service_mac(service_secret, credential.name), credential.mac)


def _service_mac(service_secret: str, name: str) -> str:
    digest = hmac.new(service_secret.encode(), name.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def parse_authorization(value: str | None) -> Credential:
    """The credential in an `authorization` value (`Bearer <token>`); raises
    MalformedCredentialError (whose message never contains the secret)."""
    if not value:
        raise MalformedCredentialError("no credential")
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise MalformedCredentialError("not a bearer credential")
    token = token.strip()
    if len(token) > MAX_TOKEN_CHARS:
        raise MalformedCredentialError("credential too long")
    if token.startswith(TENANT_KEY_PREFIX):
        key_id, _, secret = token[len(TENANT_KEY_PREFIX) :].partition("_")
        if _KEY_ID.fullmatch(key_id) and _SECRET.fullmatch(secret):
            return TenantKeyCredential(key_id, secret)
    elif token.startswith(SERVICE_PREFIX):
        name, _, mac = token[len(SERVICE_PREFIX) :].partition("_")
        if _SERVICE_NAME.fullmatch(name) and _SECRET.fullmatch(mac):
            return ServiceCredential(name, mac)
    elif token.startswith(ADMIN_PREFIX) and _SECRET.fullmatch(token[len(ADMIN_PREFIX) :]):
        return AdminCredential(token)
    elif token.startswith(ACCESS_TOKEN_PREFIX) and _ACCESS_TOKEN.fullmatch(
        token[len(ACCESS_TOKEN_PREFIX) :]
    ):
        return AccessTokenCredential(token)
    raise MalformedCredentialError("not a credential this platform issues")
