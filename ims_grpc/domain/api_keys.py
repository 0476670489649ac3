"""Tenant API keys (pure): what a key is, and what a create request must hold."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from common.auth.principal import Principal, RateLimit, Scope
from common.texts import t
from common.validation import Violations

MAX_NAME_CHARS = 200
MAX_RATE_PER_S = 100_000.0
MAX_BURST = 1_000_000


@dataclass(frozen=True)
class ApiKeyRecord:
    id: str
    tenant_id: str
    name: str
    scopes: frozenset[Scope]
    rate_limit: RateLimit | None
    create_time: datetime
    last_used_time: datetime | None
    revoke_time: datetime | None

    @property
    def revoked(self) -> bool:
        return self.revoke_time is not None

    def principal(self) -> Principal:
        return Principal.tenant_key(self.id, self.tenant_id, self.scopes, self.rate_limit)


@dataclass(frozen=True)
class ApiKeyRequest:
    """A validated CreateApiKey."""

    tenant_id: str
    name: str
    scopes: frozenset[Scope]
    rate_limit: RateLimit | None


def api_key_request(
    *,
    tenant_id: str,
    name: str,
    scopes: list[Scope | None],
    rate_per_s: float,
    rate_burst: int,
) -> ApiKeyRequest:
    """`scopes`: None for a value that names no scope. Rate 0/0 = the server's default."""
    violations = Violations()
    violations.uuid("tenant_id", tenant_id)
    violations.text("name", name, required=True, max_length=MAX_NAME_CHARS)
    if not scopes:
        violations.add("scopes", t("must list at least one of read, write"))
    elif any(scope is None for scope in scopes):
        violations.add("scopes", t("must be one of read, write"))
    limit: RateLimit | None = None
    if rate_per_s or rate_burst:
        if not math.isfinite(rate_per_s) or rate_per_s <= 0:
            violations.add("rate_limit.per_second", t("must be greater than 0"))
        else:
            violations.in_range("rate_limit.per_second", rate_per_s, 0, MAX_RATE_PER_S)
        violations.in_range("rate_limit.burst", rate_burst, 1, MAX_BURST)
        limit = RateLimit(rate_per_s, rate_burst)
    violations.raise_if_any()
    return ApiKeyRequest(tenant_id, name, frozenset(s for s in scopes if s is not None), limit)
