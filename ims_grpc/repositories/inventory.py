"""Stock levels: atomic upsert (with its ledger row), batched reads, catalogue checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import asyncpg

from common.auth.current import current_actor
from common.clients.postgres import PostgresDatabase
from common.tracing import current_trace_id
from ims_grpc.domain.inventory_rules import (
    CONCURRENT_CHANGE,
    InventoryLevel,
    LedgerEntry,
    MissingCatalogue,
    Refusal,
    StockChange,
    refuse_change,
)
from ims_grpc.repositories.ledger import LEDGER_COLUMNS, entry_from_row
from ims_grpc.repositories.outbox import events_from_ledger

# One statement: the level change and its ledger row, or the original result of a replay.
#   prior          the ledger row already written for this idempotency key, if any;
#   current_level  the (hub, SKU) row locked FOR UPDATE, only when there is no prior. FOR UPDATE
#                  waits for a concurrent writer and returns the LATEST committed version, held
#                  until commit: its on-hand is the "before" of the ledger delta;
#   level          INSERT ... ON CONFLICT DO UPDATE: creates the row of a (hub, SKU) never
#                  stocked (the composite FKs refuse a hub or SKU that is not the tenant's), or
#                  changes the row locked above. ON CONFLICT DO UPDATE computes the new values
#                  and checks the CHECK constraints on the latest version of the row, never on
#                  the (possibly older) version in the statement's snapshot — a plain UPDATE
#                  would check its constraints on the snapshot's version first and could fail
#                  spuriously when the row changed concurrently. A row another call created
#                  after our snapshot (so not locked above) is left alone: nothing is written
#                  or returned and the caller runs the statement again;
#   entry          the ledger row. A concurrent call with the same key that committed first
#                  makes it fail on the movement key; the caller runs the statement again and
#                  gets that call's result as the prior;
#   event          the inventory.changed outbox row, only if on_hand went up (a decrease, an
#                  equal set and a replay write none). It is inserted after the stock row is
#                  locked and waits on no lock itself, so the lock order stays "the (hub, SKU)
#                  row, then nothing"; being part of this statement, it commits with the change
#                  or not at all. $8 is the caller's trace id.
# A result below zero or below the reserved quantity trips a CHECK constraint: the statement
# fails and writes nothing (no level, no ledger row, no event).
UPSERT_SQL = f"""
WITH prior AS (
    SELECT {LEDGER_COLUMNS}
    FROM inventory_transactions
    WHERE tenant_id = $1 AND reference = $7 AND type = $4 AND hub_id = $2 AND sku_id = $3
),
current_level AS MATERIALIZED (
    SELECT quantity_on_hand
    FROM inventory
    WHERE hub_id = $2 AND sku_id = $3 AND tenant_id = $1 AND NOT EXISTS (SELECT FROM prior)
    FOR UPDATE
),
level AS (
    INSERT INTO inventory AS i (tenant_id, hub_id, sku_id, quantity_on_hand)
    SELECT $1, $2, $3, CASE WHEN EXISTS (SELECT FROM current_level) THEN 0 ELSE $5 END
    WHERE NOT EXISTS (SELECT FROM prior)
    ON CONFLICT (hub_id, sku_id) DO UPDATE
        SET quantity_on_hand = CASE WHEN $4::text = 'set' THEN $5
                                    ELSE i.quantity_on_hand + $5 END,
            update_time = now()
        WHERE i.tenant_id = $1 AND EXISTS (SELECT FROM current_level)
    RETURNING i.quantity_on_hand, i.quantity_reserved, i.update_time
),
entry AS (
    INSERT INTO inventory_transactions
        (tenant_id, hub_id, sku_id, type, delta_on_hand, delta_reserved,
         quantity_on_hand_after, quantity_reserved_after, reason, reference, actor)
    SELECT $1, $2, $3, $4,
           l.quantity_on_hand - coalesce((SELECT quantity_on_hand FROM current_level), 0), 0,
           l.quantity_on_hand, l.quantity_reserved, $6, $7, $9::text
    FROM level AS l
    RETURNING {LEDGER_COLUMNS}
),
event AS ({events_from_ledger("entry", "$8::text")})
SELECT false AS replayed, e.*, l.update_time AS level_update_time
FROM entry AS e CROSS JOIN level AS l
UNION ALL
SELECT true, p.*, p.create_time FROM prior AS p
"""

LEVELS_SQL = """
WITH requested AS (
    SELECT r.sku_id, r.ord FROM unnest($3::uuid[]) WITH ORDINALITY AS r (sku_id, ord)
)
SELECT r.sku_id,
       EXISTS (SELECT FROM hubs WHERE tenant_id = $1 AND id = $2) AS hub_found,
       s.id IS NOT NULL AS sku_found,
       i.quantity_on_hand,
       i.quantity_reserved,
       i.update_time
FROM requested AS r
LEFT JOIN skus AS s ON s.tenant_id = $1 AND s.id = r.sku_id
LEFT JOIN inventory AS i ON i.hub_id = $2 AND i.sku_id = r.sku_id AND i.tenant_id = $1
ORDER BY r.ord
"""

LEVEL_SQL = """
SELECT quantity_on_hand, quantity_reserved FROM inventory
WHERE hub_id = $2 AND sku_id = $3 AND tenant_id = $1
"""

MISSING_CATALOGUE_SQL = """
SELECT
    ARRAY(SELECT h FROM unnest($2::uuid[]) AS h
          WHERE NOT EXISTS (SELECT FROM hubs WHERE tenant_id = $1 AND id = h)) AS hub_ids,
    ARRAY(SELECT s FROM unnest($3::uuid[]) AS s
          WHERE NOT EXISTS (SELECT FROM skus WHERE tenant_id = $1 AND id = s)) AS sku_ids
"""

_MOVEMENT_KEY = "inventory_transactions_movement_key"
_ATTEMPTS = 4


@dataclass(frozen=True)
class Applied:
    level: InventoryLevel
    entry: LedgerEntry
    replayed: bool


@dataclass(frozen=True)
class Refused:
    refusal: Refusal


ChangeResult = Applied | Refused | MissingCatalogue


class InventoryRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    async def apply_change(
        self,
        tenant_id: UUID,
        hub_id: UUID,
        sku_id: UUID,
        change: StockChange,
        *,
        reason: str,
        reference: str,
    ) -> ChangeResult:
        """Apply `change` once per (tenant, reference, type, hub, SKU); a replay returns the
        original result. An increase of on_hand also writes its inventory.changed event."""
        args = (
            tenant_id,
            hub_id,
            sku_id,
            change.kind.transaction_type.value,
            change.amount,
            reason,
            reference,
            current_trace_id() or "",
            current_actor(),
        )
        for _ in range(_ATTEMPTS):
            try:
                row = await self._db.pool.fetchrow(UPSERT_SQL, *args)
            except asyncpg.ForeignKeyViolationError:
                return await self.missing_catalogue(tenant_id, [hub_id], [sku_id])
            except (asyncpg.CheckViolationError, asyncpg.NumericValueOutOfRangeError):
                refused = await self._refused(tenant_id, hub_id, sku_id, change)
                if isinstance(refused, Refused) and refused.refusal.reason == CONCURRENT_CHANGE:
                    continue  # the row was created concurrently: the change may apply now
                return refused
            except asyncpg.UniqueViolationError as exc:
                if exc.constraint_name != _MOVEMENT_KEY:
                    raise
                continue  # a concurrent call with the same key won: read its result next pass
            if row is not None:
                entry = entry_from_row(row)
                return Applied(
                    level=entry.level_after(row["level_update_time"]),
                    entry=entry,
                    replayed=bool(row["replayed"]),
                )
            # Nothing done: the (hub, SKU) row appeared concurrently, or the hub/SKU is another
            # tenant's (its stock row exists, but not for this tenant).
            missing = await self.missing_catalogue(tenant_id, [hub_id], [sku_id])
            if missing:
                return missing
        return Refused(
            Refusal(CONCURRENT_CHANGE, "the stock kept changing concurrently; retry the change")
        )

    async def levels(
        self, tenant_id: UUID, hub_id: UUID, sku_ids: Sequence[UUID]
    ) -> list[InventoryLevel] | MissingCatalogue:
        """One level per SKU in `sku_ids` order (zeros if never stocked), in one query."""
        rows = await self._db.pool.fetch(LEVELS_SQL, tenant_id, hub_id, list(sku_ids))
        hub_missing = not rows[0]["hub_found"] if rows else False
        missing_skus = tuple(row["sku_id"] for row in rows if not row["sku_found"])
        if hub_missing or missing_skus:
            return MissingCatalogue(hub_ids=(hub_id,) if hub_missing else (), sku_ids=missing_skus)
        return [_level(tenant_id, hub_id, row) for row in rows]

    async def missing_catalogue(
        self, tenant_id: UUID, hub_ids: Sequence[UUID], sku_ids: Sequence[UUID]
    ) -> MissingCatalogue:
        row = await self._db.pool.fetchrow(
            MISSING_CATALOGUE_SQL, tenant_id, list(hub_ids), list(sku_ids)
        )
        assert row is not None
        return MissingCatalogue(hub_ids=tuple(row["hub_ids"]), sku_ids=tuple(row["sku_ids"]))

    async def _refused(
        self, tenant_id: UUID, hub_id: UUID, sku_id: UUID, change: StockChange
    ) -> Refused | MissingCatalogue:
        """Why a change tripped a CHECK constraint (the CHECKs fire before the FKs, so an
        unknown hub or SKU can land here too)."""
        row = await self._db.pool.fetchrow(LEVEL_SQL, tenant_id, hub_id, sku_id)
        if row is None:
            missing = await self.missing_catalogue(tenant_id, [hub_id], [sku_id])
            if missing:
                return missing
        on_hand, reserved = (row[0], row[1]) if row is not None else (0, 0)
        return Refused(refuse_change(change, on_hand, reserved))


def _level(tenant_id: UUID, hub_id: UUID, row: Any) -> InventoryLevel:
    return InventoryLevel(
        tenant_id=tenant_id,
        hub_id=hub_id,
        sku_id=row["sku_id"],
        on_hand=row["quantity_on_hand"] or 0,
        reserved=row["quantity_reserved"] or 0,
        update_time=row["update_time"],
    )
