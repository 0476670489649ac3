"""Catalogue rows for inventory tests, written with plain SQL into the 0001 tables.

Inventory tests need tenants, hubs and SKUs to exist, not the catalogue RPCs: these helpers
insert the rows directly so the two halves of IMS can be tested independently.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from uuid import UUID

import asyncpg

from common.ids import uuid7


@dataclass(frozen=True)
class Catalog:
    tenant_id: UUID
    seller_id: UUID
    hub_ids: list[UUID]
    sku_ids: list[UUID]

    @property
    def hub_id(self) -> UUID:
        return self.hub_ids[0]

    @property
    def tenant(self) -> str:
        return str(self.tenant_id)

    @property
    def hub(self) -> str:
        return str(self.hub_ids[0])

    def sku(self, index: int = 0) -> str:
        return str(self.sku_ids[index])


async def create_catalog(conn: asyncpg.Connection, *, hubs: int = 1, skus: int = 3) -> Catalog:
    """A tenant with one seller, `hubs` hubs and `skus` SKUs (fresh ids, unique codes)."""
    tenant_id, seller_id = uuid7(), uuid7()
    suffix = tenant_id.hex[-12:]
    await conn.execute(
        "INSERT INTO tenants (id, name, code) VALUES ($1, $2, $3)",
        tenant_id,
        f"Tenant {suffix}",
        f"t-{suffix}",
    )
    await conn.execute(
        "INSERT INTO sellers (id, tenant_id, name, code) VALUES ($1, $2, 'Seller', 'seller')",
        seller_id,
        tenant_id,
    )
    hub_ids = [uuid7() for _ in range(hubs)]
    await conn.executemany(
        "INSERT INTO hubs (id, tenant_id, seller_id, name, code) VALUES ($1, $2, $3, $4, $5)",
        [(hub, tenant_id, seller_id, f"Hub {n}", f"hub-{n}") for n, hub in enumerate(hub_ids)],
    )
    sku_ids = [uuid7() for _ in range(skus)]
    await conn.executemany(
        "INSERT INTO skus (id, tenant_id, seller_id, name, code) VALUES ($1, $2, $3, $4, $5)",
        [(sku, tenant_id, seller_id, f"SKU {n}", f"sku-{n}") for n, sku in enumerate(sku_ids)],
    )
    return Catalog(tenant_id, seller_id, hub_ids, sku_ids)


async def ledger_mismatches(conn: asyncpg.Connection) -> list[str]:
    """(hub, SKU)s whose ledger sums differ from their stock row; [] when consistent."""
    rows = await conn.fetch(
        """
        SELECT i.hub_id, i.sku_id, i.quantity_on_hand, i.quantity_reserved,
               coalesce(sum(t.delta_on_hand), 0) AS on_hand_sum,
               coalesce(sum(t.delta_reserved), 0) AS reserved_sum
        FROM inventory AS i
        LEFT JOIN inventory_transactions AS t USING (hub_id, sku_id)
        GROUP BY i.hub_id, i.sku_id
        HAVING i.quantity_on_hand <> coalesce(sum(t.delta_on_hand), 0)
            OR i.quantity_reserved <> coalesce(sum(t.delta_reserved), 0)
        """
    )
    return [repr(dict(row)) for row in rows]


async def wait_for_lock_waiters(conn: asyncpg.Connection, count: int = 1) -> None:
    """Until `count` sessions of this database are blocked on a lock (e.g. a row lock)."""
    for _ in range(500):
        waiting = await conn.fetchval(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
            """
        )
        if waiting >= count:
            return
        await asyncio.sleep(0.01)
    raise TimeoutError(f"fewer than {count} sessions waiting on a lock")
