"""Who is calling: the principal a credential stands for."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Scope(enum.Enum):
    READ = "read"
    WRITE = "write"


class PrincipalKind(enum.Enum):
    TENANT_KEY = "tenant_key"  # a tenant's API key: one tenant, its scopes
    SERVICE = "service"  # one of our processes (OMS, a consumer): any tenant, no admin
    ADMIN = "admin"  # the platform operator: everything


@dataclass(frozen=True)
class RateLimit:
    per_second: float
    burst: int


@dataclass(frozen=True)
class Principal:
    kind: PrincipalKind
    # Stable and safe to log and to store beside what the caller did: "key:<id>",
    # "service:<name>", "admin".
    actor: str
    tenant_id: str | None = None
    scopes: frozenset[Scope] = frozenset()
    # None: the server's default for this kind.
    rate_limit: RateLimit | None = None
    # Tenant keys only. Who an access token was issued to (a partner's user, say): recorded
    # beside `actor`, while the rate limit stays the key's.
    subject: str | None = None
    # True when the credential was an access token made from the key, not the key itself.
    from_token: bool = False
    key_id: str | None = None

    @property
    def recorded_actor(self) -> str:
        """What is stored beside what the caller did: "key:<id>/<subject>" for a token
        issued to a subject, `actor` otherwise."""
        return f"{self.actor}/{self.subject}" if self.subject else self.actor

    @classmethod
    def service(cls, name: str) -> Principal:
        return cls(PrincipalKind.SERVICE, f"service:{name}", scopes=frozenset(Scope))

    @classmethod
    def admin(cls) -> Principal:
        return cls(PrincipalKind.ADMIN, "admin", scopes=frozenset(Scope))

    @classmethod
    def tenant_key(
        cls,
        key_id: str,
        tenant_id: str,
        scopes: frozenset[Scope],
        rate_limit: RateLimit | None = None,
        *,
        subject: str | None = None,
        from_token: bool = False,
    ) -> Principal:
        return cls(
            PrincipalKind.TENANT_KEY,
            f"key:{key_id}",
            tenant_id,
            scopes,
            rate_limit,
            subject=subject,
            from_token=from_token,
            key_id=key_id,
        )
