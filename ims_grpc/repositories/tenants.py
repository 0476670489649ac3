"""Tenants in PostgreSQL."""

from __future__ import annotations

import asyncpg
from ims.v1 import tenant_pb2

from common.clients.postgres import PostgresDatabase
from common.ids import new_id
from ims_grpc.domain.catalog_writes import TenantPatch
from ims_grpc.domain.listing import ListQuery
from ims_grpc.repositories.errors import Constraint, UniqueCode, delete_errors, write_errors
from ims_grpc.repositories.rows import (
    id_text,
    metadata_json,
    metadata_struct,
    optional_json,
    timestamp,
)

_CONSTRAINTS: dict[str, Constraint] = {"tenants_code_key": UniqueCode("tenant.code")}

_INSERT = """
INSERT INTO tenants (id, name, code, metadata)
VALUES ($1, $2, $3, $4::jsonb)
RETURNING id, name, code, metadata, create_time, update_time
"""

_GET = """
SELECT id, name, code, metadata, create_time, update_time
FROM tenants
WHERE id = $1
"""

_LIST = """
SELECT id, name, code, metadata, create_time, update_time
FROM tenants
WHERE (cardinality($1::uuid[]) = 0 OR id = ANY($1::uuid[]))
  AND (cardinality($2::text[]) = 0 OR code = ANY($2::text[]))
  AND ($3::uuid IS NULL OR id > $3::uuid)
ORDER BY id
LIMIT $4
"""

_UPDATE = """
UPDATE tenants SET
    name = COALESCE($2::text, name),
    code = COALESCE($3::text, code),
    metadata = COALESCE($4::jsonb, metadata),
    update_time = GREATEST(now(), update_time + interval '1 microsecond')
WHERE id = $1
RETURNING id, name, code, metadata, create_time, update_time
"""

_DELETE = "DELETE FROM tenants WHERE id = $1 RETURNING id"


def _tenant(row: asyncpg.Record) -> tenant_pb2.Tenant:
    return tenant_pb2.Tenant(
        id=id_text(row["id"]),
        name=row["name"],
        code=row["code"],
        metadata=metadata_struct(row["metadata"]),
        create_time=timestamp(row["create_time"]),
        update_time=timestamp(row["update_time"]),
    )


class TenantRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._pool = database.pool

    async def create(self, tenant: tenant_pb2.Tenant) -> tenant_pb2.Tenant:
        with write_errors("tenant", _CONSTRAINTS, tenant.code):
            row = await self._pool.fetchrow(
                _INSERT, new_id(), tenant.name, tenant.code, metadata_json(tenant.metadata)
            )
        return _tenant(row)

    async def get(self, tenant_id: str) -> tenant_pb2.Tenant | None:
        row = await self._pool.fetchrow(_GET, tenant_id)
        return None if row is None else _tenant(row)

    async def list_page(self, query: ListQuery) -> list[tenant_pb2.Tenant]:
        rows = await self._pool.fetch(
            _LIST, list(query.ids), list(query.codes), query.after_id, query.fetch_limit
        )
        return [_tenant(row) for row in rows]

    async def update(self, tenant_id: str, patch: TenantPatch) -> tenant_pb2.Tenant | None:
        with write_errors("tenant", _CONSTRAINTS, patch.code or ""):
            row = await self._pool.fetchrow(
                _UPDATE, tenant_id, patch.name, patch.code, optional_json(patch.metadata)
            )
        return None if row is None else _tenant(row)

    async def delete(self, tenant_id: str) -> bool:
        """False when there is no such tenant."""
        with delete_errors("tenant", tenant_id):
            deleted = await self._pool.fetchval(_DELETE, tenant_id)
        return deleted is not None
