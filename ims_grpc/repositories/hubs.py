"""Hubs in PostgreSQL, always within one tenant."""

from __future__ import annotations

from collections.abc import Sequence

import asyncpg
from ims.v1 import common_pb2, hub_pb2

from common.clients.postgres import PostgresDatabase
from common.ids import new_id
from ims_grpc.domain.catalog_writes import (
    HubPatch,
    address_document,
    address_from_document,
    contact_document,
    contact_from_document,
)
from ims_grpc.domain.listing import ListQuery
from ims_grpc.domain.refs import EntityRef
from ims_grpc.repositories.errors import (
    Constraint,
    Reference,
    UniqueCode,
    delete_errors,
    write_errors,
)
from ims_grpc.repositories.rows import id_text, json_document, json_text, timestamp

_CONSTRAINTS: dict[str, Constraint] = {
    "hubs_tenant_code_key": UniqueCode("hub.code"),
    "hubs_tenant_id_fkey": Reference("hub.tenant_id", "tenant"),
    "hubs_seller_fkey": Reference("hub.seller_id", "seller"),
}

_INSERT = """
INSERT INTO hubs (id, tenant_id, seller_id, name, code, latitude, longitude, address, contact,
                  timezone)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
RETURNING id, tenant_id, seller_id, name, code, latitude, longitude, address, contact,
          timezone, create_time, update_time
"""

_GET = """
SELECT id, tenant_id, seller_id, name, code, latitude, longitude, address, contact,
       timezone, create_time, update_time
FROM hubs
WHERE tenant_id = $1 AND id = $2
"""

_GET_BY_IDS = """
SELECT id, tenant_id, seller_id, name, code, latitude, longitude, address, contact,
       timezone, create_time, update_time
FROM hubs
WHERE tenant_id = $1 AND id = ANY($2::uuid[])
ORDER BY id
"""

_GET_BY_CODES = """
SELECT id, tenant_id, seller_id, name, code, latitude, longitude, address, contact,
       timezone, create_time, update_time
FROM hubs
WHERE tenant_id = $1 AND code = ANY($2::text[])
ORDER BY id
"""

_LIST = """
SELECT id, tenant_id, seller_id, name, code, latitude, longitude, address, contact,
       timezone, create_time, update_time
FROM hubs
WHERE tenant_id = $1
  AND (cardinality($2::uuid[]) = 0 OR id = ANY($2::uuid[]))
  AND (cardinality($3::text[]) = 0 OR code = ANY($3::text[]))
  AND ($4::uuid IS NULL OR seller_id = $4::uuid)
  AND ($5::uuid IS NULL OR id > $5::uuid)
ORDER BY id
LIMIT $6
"""

# The CTE locks the row and keeps its code before the change: the cache entry under the old
# code must be invalidated too.
_UPDATE = """
WITH previous AS (
    SELECT id, code FROM hubs WHERE tenant_id = $1 AND id = $2 FOR UPDATE
)
UPDATE hubs AS h SET
    seller_id = COALESCE($3::uuid, h.seller_id),
    name = COALESCE($4::text, h.name),
    code = COALESCE($5::text, h.code),
    latitude = CASE WHEN $6::boolean THEN $7::double precision ELSE h.latitude END,
    longitude = CASE WHEN $6::boolean THEN $8::double precision ELSE h.longitude END,
    address = h.address || $9::jsonb,
    contact = h.contact || $10::jsonb,
    timezone = COALESCE($11::text, h.timezone),
    update_time = GREATEST(now(), h.update_time + interval '1 microsecond')
FROM previous
WHERE h.id = previous.id
RETURNING h.id, h.tenant_id, h.seller_id, h.name, h.code, h.latitude, h.longitude, h.address,
          h.contact, h.timezone, h.create_time, h.update_time, previous.code AS previous_code
"""

_DELETE = "DELETE FROM hubs WHERE tenant_id = $1 AND id = $2 RETURNING code"


def _hub(row: asyncpg.Record) -> hub_pb2.Hub:
    hub = hub_pb2.Hub(
        id=id_text(row["id"]),
        tenant_id=id_text(row["tenant_id"]),
        seller_id=id_text(row["seller_id"]),
        name=row["name"],
        code=row["code"],
        address=address_from_document(json_document(row["address"])),
        contact=contact_from_document(json_document(row["contact"])),
        timezone=row["timezone"],
        create_time=timestamp(row["create_time"]),
        update_time=timestamp(row["update_time"]),
    )
    if row["latitude"] is not None and row["longitude"] is not None:
        hub.location.CopyFrom(
            common_pb2.Location(latitude=row["latitude"], longitude=row["longitude"])
        )
    return hub


class HubRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._pool = database.pool

    async def create(self, hub: hub_pb2.Hub) -> hub_pb2.Hub:
        located = hub.HasField("location")
        with write_errors("hub", _CONSTRAINTS, hub.code):
            row = await self._pool.fetchrow(
                _INSERT,
                new_id(),
                hub.tenant_id,
                hub.seller_id,
                hub.name,
                hub.code,
                hub.location.latitude if located else None,
                hub.location.longitude if located else None,
                json_text(address_document(hub.address)),
                json_text(contact_document(hub.contact)),
                hub.timezone,
            )
        return _hub(row)

    async def get(self, tenant_id: str, hub_id: str) -> hub_pb2.Hub | None:
        row = await self._pool.fetchrow(_GET, tenant_id, hub_id)
        return None if row is None else _hub(row)

    async def get_by_ids(self, tenant_id: str, ids: Sequence[str]) -> list[hub_pb2.Hub]:
        rows = await self._pool.fetch(_GET_BY_IDS, tenant_id, list(ids))
        return [_hub(row) for row in rows]

    async def get_by_codes(self, tenant_id: str, codes: Sequence[str]) -> list[hub_pb2.Hub]:
        rows = await self._pool.fetch(_GET_BY_CODES, tenant_id, list(codes))
        return [_hub(row) for row in rows]

    async def list_page(self, query: ListQuery) -> list[hub_pb2.Hub]:
        rows = await self._pool.fetch(
            _LIST,
            query.tenant_id,
            list(query.ids),
            list(query.codes),
            query.seller_id,
            query.after_id,
            query.fetch_limit,
        )
        return [_hub(row) for row in rows]

    async def update(self, ref: EntityRef, patch: HubPatch) -> tuple[hub_pb2.Hub, str] | None:
        """The updated hub and its code before the update; None when there is no such hub."""
        with write_errors("hub", _CONSTRAINTS, patch.code or ""):
            row = await self._pool.fetchrow(
                _UPDATE,
                ref.tenant_id,
                ref.id,
                patch.seller_id,
                patch.name,
                patch.code,
                patch.set_location,
                patch.latitude,
                patch.longitude,
                json_text(patch.address),
                json_text(patch.contact),
                patch.timezone,
            )
        return None if row is None else (_hub(row), str(row["previous_code"]))

    async def delete(self, ref: EntityRef) -> str | None:
        """The deleted hub's code; None when the tenant has no such hub."""
        with delete_errors("hub", ref.id):
            code = await self._pool.fetchval(_DELETE, ref.tenant_id, ref.id)
        return None if code is None else str(code)
