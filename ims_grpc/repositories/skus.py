"""SKUs in PostgreSQL, always within one tenant."""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg
from ims.v1 import common_pb2, sku_pb2

from common.clients.postgres import PostgresDatabase
from common.ids import new_id
from ims_grpc.domain.catalog_writes import SkuPatch
from ims_grpc.domain.listing import ListQuery
from ims_grpc.domain.refs import EntityRef
from ims_grpc.repositories.errors import (
    Constraint,
    Reference,
    UniqueCode,
    delete_errors,
    write_errors,
)
from ims_grpc.repositories.rows import id_text, timestamp

_CONSTRAINTS: dict[str, Constraint] = {
    "skus_tenant_code_key": UniqueCode("sku.code"),
    "skus_tenant_id_fkey": Reference("sku.tenant_id", "tenant"),
    "skus_seller_fkey": Reference("sku.seller_id", "seller"),
    "skus_category_fkey": Reference("sku.category_id", "category"),
}

_INSERT = """
INSERT INTO skus (id, tenant_id, seller_id, category_id, code, name,
                  length_mm, width_mm, height_mm, weight_grams, description)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING id, tenant_id, seller_id, category_id, code, name,
          length_mm, width_mm, height_mm, weight_grams, description, create_time, update_time
"""

_GET = """
SELECT id, tenant_id, seller_id, category_id, code, name,
       length_mm, width_mm, height_mm, weight_grams, description, create_time, update_time
FROM skus
WHERE tenant_id = $1 AND id = $2
"""

_GET_BY_IDS = """
SELECT id, tenant_id, seller_id, category_id, code, name,
       length_mm, width_mm, height_mm, weight_grams, description, create_time, update_time
FROM skus
WHERE tenant_id = $1 AND id = ANY($2::uuid[])
ORDER BY id
"""

_GET_BY_CODES = """
SELECT id, tenant_id, seller_id, category_id, code, name,
       length_mm, width_mm, height_mm, weight_grams, description, create_time, update_time
FROM skus
WHERE tenant_id = $1 AND code = ANY($2::text[])
ORDER BY id
"""

_LIST = """
SELECT id, tenant_id, seller_id, category_id, code, name,
       length_mm, width_mm, height_mm, weight_grams, description, create_time, update_time
FROM skus
WHERE tenant_id = $1
  AND (cardinality($2::uuid[]) = 0 OR id = ANY($2::uuid[]))
  AND (cardinality($3::text[]) = 0 OR code = ANY($3::text[]))
  AND ($4::uuid IS NULL OR seller_id = $4::uuid)
  AND ($5::uuid IS NULL OR category_id = $5::uuid)
  AND ($6::uuid IS NULL OR id > $6::uuid)
ORDER BY id
LIMIT $7
"""

# The CTE locks the row and keeps its code before the change: the cache entry under the old
# code must be invalidated too.
_UPDATE = """
WITH previous AS (
    SELECT id, code FROM skus WHERE tenant_id = $1 AND id = $2 FOR UPDATE
)
UPDATE skus AS s SET
    seller_id = COALESCE($3::uuid, s.seller_id),
    code = COALESCE($4::text, s.code),
    name = COALESCE($5::text, s.name),
    category_id = CASE WHEN $6::boolean THEN $7::uuid ELSE s.category_id END,
    length_mm = COALESCE($8::integer, s.length_mm),
    width_mm = COALESCE($9::integer, s.width_mm),
    height_mm = COALESCE($10::integer, s.height_mm),
    weight_grams = COALESCE($11::integer, s.weight_grams),
    description = COALESCE($12::text, s.description),
    update_time = GREATEST(now(), s.update_time + interval '1 microsecond')
FROM previous
WHERE s.id = previous.id
RETURNING s.id, s.tenant_id, s.seller_id, s.category_id, s.code, s.name, s.length_mm,
          s.width_mm, s.height_mm, s.weight_grams, s.description, s.create_time, s.update_time,
          previous.code AS previous_code
"""

_DELETE = "DELETE FROM skus WHERE tenant_id = $1 AND id = $2 RETURNING code"


def _sku(row: asyncpg.Record) -> sku_pb2.Sku:
    return sku_pb2.Sku(
        id=id_text(row["id"]),
        tenant_id=id_text(row["tenant_id"]),
        seller_id=id_text(row["seller_id"]),
        category_id=id_text(row["category_id"]),
        code=row["code"],
        name=row["name"],
        dimensions=common_pb2.Dimensions(
            length_mm=row["length_mm"], width_mm=row["width_mm"], height_mm=row["height_mm"]
        ),
        weight_grams=row["weight_grams"],
        description=row["description"],
        create_time=timestamp(row["create_time"]),
        update_time=timestamp(row["update_time"]),
    )


class SkuRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._pool = database.pool

    async def create(self, sku: sku_pb2.Sku) -> sku_pb2.Sku:
        with write_errors("sku", _CONSTRAINTS, sku.code):
            row = await self._pool.fetchrow(
                _INSERT,
                new_id(),
                sku.tenant_id,
                sku.seller_id,
                sku.category_id or None,
                sku.code,
                sku.name,
                sku.dimensions.length_mm,
                sku.dimensions.width_mm,
                sku.dimensions.height_mm,
                sku.weight_grams,
                sku.description,
            )
        return _sku(row)

    async def get(self, tenant_id: str, sku_id: str) -> sku_pb2.Sku | None:
        row = await self._pool.fetchrow(_GET, tenant_id, sku_id)
        return None if row is None else _sku(row)

    async def get_by_ids(self, tenant_id: str, ids: Sequence[str]) -> list[sku_pb2.Sku]:
        rows = await self._pool.fetch(_GET_BY_IDS, tenant_id, list(ids))
        return [_sku(row) for row in rows]

    async def get_by_codes(self, tenant_id: str, codes: Sequence[str]) -> list[sku_pb2.Sku]:
        rows = await self._pool.fetch(_GET_BY_CODES, tenant_id, list(codes))
        return [_sku(row) for row in rows]

    async def list_page(self, query: ListQuery) -> list[sku_pb2.Sku]:
        rows = await self._pool.fetch(
            _LIST,
            query.tenant_id,
            list(query.ids),
            list(query.codes),
            query.seller_id,
            query.category_id,
            query.after_id,
            query.fetch_limit,
        )
        return [_sku(row) for row in rows]

    async def update(self, ref: EntityRef, patch: SkuPatch) -> tuple[sku_pb2.Sku, str] | None:
        """The updated SKU and its code before the update; None when there is no such SKU."""
        with write_errors("sku", _CONSTRAINTS, patch.code or ""):
            row = await self._pool.fetchrow(
                _UPDATE,
                ref.tenant_id,
                ref.id,
                patch.seller_id,
                patch.code,
                patch.name,
                patch.set_category,
                patch.category_id,
                patch.length_mm,
                patch.width_mm,
                patch.height_mm,
                patch.weight_grams,
                patch.description,
            )
        return None if row is None else (_sku(row), str(row["previous_code"]))

    async def delete(self, ref: EntityRef) -> str | None:
        """The deleted SKU's code; None when the tenant has no such SKU."""
        with delete_errors("sku", ref.id):
            code = await self._pool.fetchval(_DELETE, ref.tenant_id, ref.id)
        return None if code is None else str(code)
