"""The inventory outbox (migration 0004): rows written with the stock movements, claimed by the
relay, and the LISTEN side of the relay's wake-up.

Writers never insert through the repository: the statements that raise availability
(inventory and reservations repositories) embed `events_from_ledger(...)` as one more
data-modifying CTE, so the event row is part of the very statement that moves the stock.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from common.clients.postgres import PostgresDatabase

# The NOTIFY channel of migration 0004's trigger.
OUTBOX_CHANNEL = "inventory_outbox"

_CLOSE_TIMEOUT_S = 5.0


def events_from_ledger(entries: str, trace_id: str) -> str:
    """The INSERT (for a CTE) of one outbox row per ledger row of `entries` that raised the
    availability of its (hub, SKU).

    `entries` names a CTE whose INSERT INTO inventory_transactions RETURNs at least id,
    tenant_id, hub_id, sku_id, delta_on_hand, delta_reserved, quantity_on_hand_after,
    quantity_reserved_after, reference and create_time; `trace_id` is the bind parameter of the
    caller's trace id. Availability is on_hand - reserved, so a ledger row raised it exactly when
    delta_on_hand - delta_reserved > 0: a higher on_hand (set, adjust), a release or an expiry;
    never a reserve (reserved up) or a commit (both down by the same amount).

    Inserting takes no lock anyone waits on (no FK, no unique key besides the identity), so it
    adds nothing to the statement's lock order. Rows of one (hub, SKU) in one statement (several
    expired reservations) are inserted lowest availability first — the order the ledger chains
    them in — so their ids, and the relay's publishing order, follow the movements.
    """
    return f"""
    INSERT INTO inventory_outbox
        (event_id, tenant_id, hub_id, sku_id, quantity_on_hand, quantity_available,
         reference, trace_id, occur_time)
    SELECT e.id, e.tenant_id, e.hub_id, e.sku_id, e.quantity_on_hand_after,
           e.quantity_on_hand_after - e.quantity_reserved_after, e.reference, {trace_id},
           e.create_time
    FROM {entries} AS e
    WHERE e.delta_on_hand - e.delta_reserved > 0
    ORDER BY e.hub_id, e.sku_id, e.quantity_on_hand_after - e.quantity_reserved_after
    """


# Claim and remove the oldest $1 events no other relay holds, in one statement. The DELETE
# locks the rows it removes and SKIP LOCKED passes over rows another relay has claimed, so
# concurrent relays take disjoint batches without waiting on each other. The removal is only
# final when the caller commits — after Kafka acknowledged the batch; a rollback (Kafka error,
# timeout, crash, cancellation) puts every row back, still in id order.
CLAIM_SQL = """
WITH claimed AS (
    SELECT id FROM inventory_outbox
    ORDER BY id
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
DELETE FROM inventory_outbox AS o
USING claimed AS c
WHERE o.id = c.id
RETURNING o.id, o.event_id, o.tenant_id, o.hub_id, o.sku_id, o.quantity_on_hand,
          o.quantity_available, o.reference, o.trace_id, o.occur_time
"""

PENDING_SQL = "SELECT EXISTS (SELECT FROM inventory_outbox)"
PENDING_COUNT_SQL = "SELECT count(*) FROM inventory_outbox"


@dataclass(frozen=True)
class OutboxEvent:
    """One pending inventory.changed event (a row of inventory_outbox)."""

    id: int
    event_id: UUID
    tenant_id: UUID
    hub_id: UUID
    sku_id: UUID
    quantity_on_hand: int
    quantity_available: int
    reference: str
    trace_id: str
    occur_time: datetime


class InventoryOutboxRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    @contextlib.asynccontextmanager
    async def claim(self, limit: int) -> AsyncIterator[list[OutboxEvent]]:
        """Up to `limit` of the oldest pending events, in id order, held by this transaction.

        They leave the outbox when the block ends normally (commit). If the block raises or is
        cancelled they all stay pending (rollback), for this relay's next pass or another's.
        """
        async with self._db.transaction() as conn:
            rows = await conn.fetch(CLAIM_SQL, limit)
            yield sorted((_event(row) for row in rows), key=lambda event: event.id)

    async def has_pending(self) -> bool:
        return bool(await self._db.pool.fetchval(PENDING_SQL))

    async def pending_count(self) -> int:
        """Events not yet published (rows leave the table when they are)."""
        return int(await self._db.pool.fetchval(PENDING_COUNT_SQL))

    @contextlib.asynccontextmanager
    async def notifications(self, on_notify: Callable[[], None]) -> AsyncIterator[asyncio.Event]:
        """LISTEN on a dedicated connection for the block; `on_notify` is called for each
        notification (one per committed transaction that wrote events). Yields an event that is
        set when the connection is lost (then leave the block and listen again)."""
        conn = await self._db.connect_dedicated()
        lost = asyncio.Event()
        conn.add_termination_listener(lambda _conn: lost.set())

        def notified(_conn: Any, _pid: int, _channel: str, _payload: object) -> None:
            on_notify()

        try:
            await conn.add_listener(OUTBOX_CHANNEL, notified)
            yield lost
        finally:
            with contextlib.suppress(Exception):
                await conn.close(timeout=_CLOSE_TIMEOUT_S)
            if not conn.is_closed():
                conn.terminate()


def _event(row: asyncpg.Record) -> OutboxEvent:
    return OutboxEvent(
        id=row["id"],
        event_id=row["event_id"],
        tenant_id=row["tenant_id"],
        hub_id=row["hub_id"],
        sku_id=row["sku_id"],
        quantity_on_hand=row["quantity_on_hand"],
        quantity_available=row["quantity_available"],
        reference=row["reference"],
        trace_id=row["trace_id"],
        occur_time=row["occur_time"],
    )
