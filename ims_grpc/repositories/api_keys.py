"""Tenant API keys in PostgreSQL (only the secret's hash is stored)."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from common.auth.credentials import TenantKeyCredential, secret_matches
from common.auth.principal import Principal, RateLimit, Scope
from common.clients.postgres import PostgresDatabase
from common.errors import not_found
from ims_grpc.domain.api_keys import ApiKeyRecord, ApiKeyRequest

_COLUMNS = (
    "id, tenant_id, name, scopes, rate_per_s, rate_burst, create_time, last_used_time, revoke_time"
)

_INSERT = f"""
INSERT INTO api_keys (id, tenant_id, name, secret_hash, scopes, rate_per_s, rate_burst)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING {_COLUMNS}
"""

# Newest first; the page continues after (create_time, id) of the last key served.
_LIST = f"""
SELECT {_COLUMNS}
FROM api_keys
WHERE tenant_id = $1
  AND ($2::timestamptz IS NULL OR (create_time, id) < ($2::timestamptz, $3::text))
ORDER BY create_time DESC, id DESC
LIMIT $4
"""

# COALESCE: revoking twice keeps the first revocation time.
_REVOKE = f"""
UPDATE api_keys SET revoke_time = COALESCE(revoke_time, now())
WHERE tenant_id = $1 AND id = $2
RETURNING {_COLUMNS}
"""

_LOOKUP = f"SELECT {_COLUMNS}, secret_hash FROM api_keys WHERE id = $1 AND revoke_time IS NULL"

# Only after the secret matched, so a wrong guess never looks like use.
_TOUCH = "UPDATE api_keys SET last_used_time = now() WHERE id = $1"


def _record(row: asyncpg.Record) -> ApiKeyRecord:
    limit = None
    if row["rate_per_s"] is not None:
        limit = RateLimit(row["rate_per_s"], row["rate_burst"])
    return ApiKeyRecord(
        id=row["id"],
        tenant_id=str(row["tenant_id"]),
        name=row["name"],
        scopes=frozenset(Scope(s) for s in row["scopes"]),
        rate_limit=limit,
        create_time=row["create_time"],
        last_used_time=row["last_used_time"],
        revoke_time=row["revoke_time"],
    )


class ApiKeyRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._pool = database.pool

    async def create(
        self, request: ApiKeyRequest, *, key_id: str, secret_hash: bytes
    ) -> ApiKeyRecord:
        limit = request.rate_limit
        try:
            row = await self._pool.fetchrow(
                _INSERT,
                key_id,
                request.tenant_id,
                request.name,
                secret_hash,
                sorted(scope.value for scope in request.scopes),
                limit.per_second if limit else None,
                limit.burst if limit else None,
            )
        except asyncpg.ForeignKeyViolationError:
            raise not_found("tenant", request.tenant_id) from None
        return _record(row)

    async def list_page(
        self, tenant_id: str, after: tuple[datetime, str] | None, limit: int
    ) -> list[ApiKeyRecord]:
        after_time, after_id = after if after is not None else (None, None)
        rows = await self._pool.fetch(_LIST, tenant_id, after_time, after_id, limit)
        return [_record(row) for row in rows]

    async def revoke(self, tenant_id: str, key_id: str) -> ApiKeyRecord | None:
        row = await self._pool.fetchrow(_REVOKE, tenant_id, key_id)
        return None if row is None else _record(row)

    async def authenticate(self, credential: TenantKeyCredential) -> ApiKeyRecord | None:
        """The key if it exists, is not revoked and the secret matches (compared in constant
        time); records the use."""
        row = await self._pool.fetchrow(_LOOKUP, credential.key_id)
        if row is None or not secret_matches(credential.secret, bytes(row["secret_hash"])):
            return None
        await self._pool.execute(_TOUCH, credential.key_id)
        return _record(row)


class KeyTableAuthority:
    """IMS checks tenant keys against its own table (`TenantKeyAuthority`)."""

    def __init__(self, keys: ApiKeyRepository) -> None:
        self._keys = keys

    async def authenticate(self, credential: TenantKeyCredential) -> Principal | None:
        record = await self._keys.authenticate(credential)
        return None if record is None else record.principal()
