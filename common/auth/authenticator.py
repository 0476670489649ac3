"""Credential → principal, with a bounded cache in front of the tenant-key store.

Revocation is bounded by the cache: a key's answer (valid or not) is reused for at most
`ttl_s`, so a revoked key stops working within that time on every server, and a server asks
its key store about one key at most once per `ttl_s` however busy the key is.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from common.auth.access_tokens import AccessTokens
from common.auth.credentials import (
    AccessTokenCredential,
    AdminCredential,
    MalformedCredentialError,
    ServiceCredential,
    TenantKeyCredential,
    parse_authorization,
    service_mac_matches,
)
from common.auth.principal import Principal


class AuthenticationError(Exception):
    """The call carries no valid credential. `shown` is safe to log (a prefix, never a
    secret); `reason` is one of missing, malformed, unknown."""

    def __init__(self, reason: str, shown: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.shown = shown


class TenantKeyAuthority(Protocol):
    """Where tenant keys are checked: the key table itself (IMS) or IMS over gRPC (OMS).
    None for an unknown, revoked or wrong key; raises when it cannot tell (unavailable)."""

    async def authenticate(self, credential: TenantKeyCredential) -> Principal | None: ...


@dataclass(frozen=True)
class _Cached:
    principal: Principal | None
    expires: float


class Authenticator:
    def __init__(
        self,
        *,
        admin_token: str | None,
        service_secret: str | None,
        keys: TenantKeyAuthority,
        ttl_s: float,
        clock: Callable[[], float],
        wall_clock: Callable[[], float],
        max_entries: int = 10_000,
    ) -> None:
        """`clock` (monotonic) ages the cache; `wall_clock` (Unix seconds) checks the expiry
        of access tokens, which other servers issued."""
        self._admin_token = admin_token
        self._service_secret = service_secret
        self._tokens = AccessTokens(service_secret) if service_secret else None
        self._wall_clock = wall_clock
        self._keys = keys
        self._ttl_s = ttl_s
        self._clock = clock
        self._max_entries = max_entries
        self._cache: OrderedDict[bytes, _Cached] = OrderedDict()

    async def authenticate(self, authorization: str | None) -> Principal:
        if not authorization:
            raise AuthenticationError("missing", "-")
        try:
            credential = parse_authorization(authorization)
        except MalformedCredentialError:
            raise AuthenticationError("malformed", _shown(authorization)) from None
        principal = await self._principal(credential)
        if principal is None:
            raise AuthenticationError("unknown", credential.display)
        return principal

    async def _principal(
        self,
        credential: TenantKeyCredential
        | ServiceCredential
        | AdminCredential
        | AccessTokenCredential,
    ) -> Principal | None:
        if isinstance(credential, AccessTokenCredential):
            if self._tokens is None:
                return None
            claims = self._tokens.verify(credential.token, self._wall_clock())
            return claims.principal() if claims is not None else None
        if isinstance(credential, AdminCredential):
            if self._admin_token and hmac.compare_digest(credential.token, self._admin_token):
                return Principal.admin()
            return None
        if isinstance(credential, ServiceCredential):
            if self._service_secret and service_mac_matches(self._service_secret, credential):
                return Principal.service(credential.name)
            return None
        return await self._tenant_key(credential)

    async def _tenant_key(self, credential: TenantKeyCredential) -> Principal | None:
        # Keyed by a hash of the whole credential: the cache holds no secret, and a wrong
        # secret for a real key id is a different entry.
        fingerprint = hashlib.sha256(f"{credential.key_id}:{credential.secret}".encode()).digest()
        now = self._clock()
        cached = self._cache.get(fingerprint)
        if cached is not None and cached.expires > now:
            return cached.principal
        principal = await self._keys.authenticate(credential)
        self._cache[fingerprint] = _Cached(principal, now + self._ttl_s)
        self._cache.move_to_end(fingerprint)
        while len(self._cache) > self._max_entries:
            self._cache.popitem(last=False)
        return principal


def _shown(authorization: str) -> str:
    """What may be logged of a value that is not a credential: its first characters."""
    token = authorization.strip().partition(" ")[2] or authorization.strip()
    return token[:6] + "…" if len(token) > 6 else "…"
