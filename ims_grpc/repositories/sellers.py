"""Sellers in PostgreSQL, always within one tenant."""

from __future__ import annotations

import asyncpg
from ims.v1 import seller_pb2

from common.clients.postgres import PostgresDatabase
from common.ids import new_id
from ims_grpc.domain.catalog_writes import SellerPatch
from ims_grpc.domain.listing import ListQuery
from ims_grpc.domain.refs import EntityRef
from ims_grpc.repositories.errors import (
    Constraint,
    Reference,
    UniqueCode,
    delete_errors,
    write_errors,
)
from ims_grpc.repositories.rows import (
    id_text,
    metadata_json,
    metadata_struct,
    optional_json,
    timestamp,
)

_CONSTRAINTS: dict[str, Constraint] = {
    "sellers_tenant_code_key": UniqueCode("seller.code"),
    "sellers_tenant_id_fkey": Reference("seller.tenant_id", "tenant"),
}

_INSERT = """
INSERT INTO sellers (id, tenant_id, name, code, email, metadata)
VALUES ($1, $2, $3, $4, $5, $6::jsonb)
RETURNING id, tenant_id, name, code, email, metadata, create_time, update_time
"""

_GET = """
SELECT id, tenant_id, name, code, email, metadata, create_time, update_time
FROM sellers
WHERE tenant_id = $1 AND id = $2
"""

_LIST = """
SELECT id, tenant_id, name, code, email, metadata, create_time, update_time
FROM sellers
WHERE tenant_id = $1
  AND (cardinality($2::uuid[]) = 0 OR id = ANY($2::uuid[]))
  AND (cardinality($3::text[]) = 0 OR code = ANY($3::text[]))
  AND ($4::uuid IS NULL OR id > $4::uuid)
ORDER BY id
LIMIT $5
"""

_UPDATE = """
UPDATE sellers SET
    name = COALESCE($3::text, name),
    code = COALESCE($4::text, code),
    email = COALESCE($5::text, email),
    metadata = COALESCE($6::jsonb, metadata),
    update_time = GREATEST(now(), update_time + interval '1 microsecond')
WHERE tenant_id = $1 AND id = $2
RETURNING id, tenant_id, name, code, email, metadata, create_time, update_time
"""

_DELETE = "DELETE FROM sellers WHERE tenant_id = $1 AND id = $2 RETURNING id"


def _seller(row: asyncpg.Record) -> seller_pb2.Seller:
    return seller_pb2.Seller(
        id=id_text(row["id"]),
        tenant_id=id_text(row["tenant_id"]),
        name=row["name"],
        code=row["code"],
        email=row["email"],
        metadata=metadata_struct(row["metadata"]),
        create_time=timestamp(row["create_time"]),
        update_time=timestamp(row["update_time"]),
    )


class SellerRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._pool = database.pool

    async def create(self, seller: seller_pb2.Seller) -> seller_pb2.Seller:
        with write_errors("seller", _CONSTRAINTS, seller.code):
            row = await self._pool.fetchrow(
                _INSERT,
                new_id(),
                seller.tenant_id,
                seller.name,
                seller.code,
                seller.email,
                metadata_json(seller.metadata),
            )
        return _seller(row)

    async def get(self, ref: EntityRef) -> seller_pb2.Seller | None:
        row = await self._pool.fetchrow(_GET, ref.tenant_id, ref.id)
        return None if row is None else _seller(row)

    async def list_page(self, query: ListQuery) -> list[seller_pb2.Seller]:
        rows = await self._pool.fetch(
            _LIST,
            query.tenant_id,
            list(query.ids),
            list(query.codes),
            query.after_id,
            query.fetch_limit,
        )
        return [_seller(row) for row in rows]

    async def update(self, ref: EntityRef, patch: SellerPatch) -> seller_pb2.Seller | None:
        with write_errors("seller", _CONSTRAINTS, patch.code or ""):
            row = await self._pool.fetchrow(
                _UPDATE,
                ref.tenant_id,
                ref.id,
                patch.name,
                patch.code,
                patch.email,
                optional_json(patch.metadata),
            )
        return None if row is None else _seller(row)

    async def delete(self, ref: EntityRef) -> bool:
        """False when the tenant has no such seller."""
        with delete_errors("seller", ref.id):
            deleted = await self._pool.fetchval(_DELETE, ref.tenant_id, ref.id)
        return deleted is not None
