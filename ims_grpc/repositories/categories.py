"""Categories in PostgreSQL, always within one tenant; the parent links form a forest."""

from __future__ import annotations

import asyncpg
from ims.v1 import category_pb2

from common.clients.postgres import PostgresDatabase
from common.errors import ErrorCode, FieldViolation, ServiceError
from common.ids import new_id
from common.texts import t
from ims_grpc.domain.catalog_writes import CategoryPatch
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
    "categories_tenant_code_key": UniqueCode("category.code"),
    "categories_tenant_id_fkey": Reference("category.tenant_id", "tenant"),
    "categories_parent_fkey": Reference("category.parent_id", "category"),
}

# Serialises re-parenting within a tenant, so two concurrent moves cannot close a cycle
# that neither of them sees alone. (classid, objid) form of the advisory lock.
_TREE_LOCK_CLASS = 0x1A5_0003

_INSERT = """
INSERT INTO categories (id, tenant_id, name, code, parent_id, description)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, tenant_id, name, code, parent_id, description, create_time, update_time
"""

_GET = """
SELECT id, tenant_id, name, code, parent_id, description, create_time, update_time
FROM categories
WHERE tenant_id = $1 AND id = $2
"""

_LIST = """
SELECT id, tenant_id, name, code, parent_id, description, create_time, update_time
FROM categories
WHERE tenant_id = $1
  AND (cardinality($2::uuid[]) = 0 OR id = ANY($2::uuid[]))
  AND (cardinality($3::text[]) = 0 OR code = ANY($3::text[]))
  AND ($4::uuid IS NULL OR id > $4::uuid)
ORDER BY id
LIMIT $5
"""

_LOCK_TREE = "SELECT pg_advisory_xact_lock($1, hashtext($2::text))"

# Is category $2 the new parent $3 itself or one of its ancestors? (UNION, not UNION ALL,
# so the walk ends even on data that already holds a cycle.)
_WOULD_CYCLE = """
WITH RECURSIVE ancestors (id, parent_id) AS (
    SELECT id, parent_id FROM categories WHERE tenant_id = $1 AND id = $3
    UNION
    SELECT c.id, c.parent_id
    FROM categories AS c
    JOIN ancestors AS a ON c.id = a.parent_id
    WHERE c.tenant_id = $1
)
SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = $2)
"""

_UPDATE = """
UPDATE categories SET
    name = COALESCE($3::text, name),
    code = COALESCE($4::text, code),
    parent_id = CASE WHEN $5::boolean THEN $6::uuid ELSE parent_id END,
    description = COALESCE($7::text, description),
    update_time = GREATEST(now(), update_time + interval '1 microsecond')
WHERE tenant_id = $1 AND id = $2
RETURNING id, tenant_id, name, code, parent_id, description, create_time, update_time
"""

_DELETE = "DELETE FROM categories WHERE tenant_id = $1 AND id = $2 RETURNING id"


def _category(row: asyncpg.Record) -> category_pb2.Category:
    category = category_pb2.Category(
        id=id_text(row["id"]),
        tenant_id=id_text(row["tenant_id"]),
        name=row["name"],
        code=row["code"],
        description=row["description"],
        create_time=timestamp(row["create_time"]),
        update_time=timestamp(row["update_time"]),
    )
    if row["parent_id"] is not None:
        category.parent_id = id_text(row["parent_id"])
    return category


def _cycle(parent_id: str) -> ServiceError:
    return ServiceError(
        ErrorCode.FAILED_PRECONDITION,
        t(
            "category.parent_id: {parent_id!r} is the category itself or one of its descendants",
            parent_id=parent_id,
        ),
        reason="CATEGORY_CYCLE",
        violations=[
            FieldViolation(
                "category.parent_id", t("would make the category its own ancestor (a cycle)")
            )
        ],
    )


class CategoryRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database

    async def create(self, category: category_pb2.Category) -> category_pb2.Category:
        parent_id = category.parent_id if category.HasField("parent_id") else None
        with write_errors("category", _CONSTRAINTS, category.code):
            row = await self._database.pool.fetchrow(
                _INSERT,
                new_id(),
                category.tenant_id,
                category.name,
                category.code,
                parent_id,
                category.description,
            )
        return _category(row)

    async def get(self, ref: EntityRef) -> category_pb2.Category | None:
        row = await self._database.pool.fetchrow(_GET, ref.tenant_id, ref.id)
        return None if row is None else _category(row)

    async def list_page(self, query: ListQuery) -> list[category_pb2.Category]:
        rows = await self._database.pool.fetch(
            _LIST,
            query.tenant_id,
            list(query.ids),
            list(query.codes),
            query.after_id,
            query.fetch_limit,
        )
        return [_category(row) for row in rows]

    async def update(self, ref: EntityRef, patch: CategoryPatch) -> category_pb2.Category | None:
        args = (
            ref.tenant_id,
            ref.id,
            patch.name,
            patch.code,
            patch.set_parent,
            patch.parent_id,
            patch.description,
        )
        with write_errors("category", _CONSTRAINTS, patch.code or ""):
            if not (patch.set_parent and patch.parent_id is not None):
                row = await self._database.pool.fetchrow(_UPDATE, *args)
            else:
                async with self._database.transaction() as conn:
                    await conn.execute(_LOCK_TREE, _TREE_LOCK_CLASS, ref.tenant_id)
                    if await conn.fetchval(_WOULD_CYCLE, ref.tenant_id, ref.id, patch.parent_id):
                        raise _cycle(patch.parent_id)
                    row = await conn.fetchrow(_UPDATE, *args)
        return None if row is None else _category(row)

    async def delete(self, ref: EntityRef) -> bool:
        """False when the tenant has no such category."""
        with delete_errors("category", ref.id):
            deleted = await self._database.pool.fetchval(_DELETE, ref.tenant_id, ref.id)
        return deleted is not None
