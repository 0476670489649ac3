"""The ledger (inventory_transactions): reading it back, newest first, by keyset pages.

Rows are written by the statements that move stock (inventory and reservations repositories),
in the same statement as the movement itself.
"""

from __future__ import annotations

from typing import Any

from common.clients.postgres import PostgresDatabase
from ims_grpc.domain.inventory_rules import (
    LedgerCursor,
    LedgerEntry,
    LedgerFilter,
    TransactionType,
)

LEDGER_COLUMNS = (
    "id, tenant_id, hub_id, sku_id, type, delta_on_hand, delta_reserved, "
    "quantity_on_hand_after, quantity_reserved_after, reason, reference, create_time, actor"
)


def entry_from_row(row: Any) -> LedgerEntry:
    return LedgerEntry(
        id=row["id"],
        tenant_id=row["tenant_id"],
        hub_id=row["hub_id"],
        sku_id=row["sku_id"],
        type=TransactionType(row["type"]),
        delta_on_hand=row["delta_on_hand"],
        delta_reserved=row["delta_reserved"],
        on_hand_after=row["quantity_on_hand_after"],
        reserved_after=row["quantity_reserved_after"],
        reason=row["reason"],
        reference=row["reference"],
        create_time=row["create_time"],
        actor=row["actor"],
    )


class LedgerRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    async def list(
        self, filters: LedgerFilter, after: LedgerCursor | None, limit: int
    ) -> list[LedgerEntry]:
        """Up to `limit` entries matching `filters`, newest first, strictly after `after`."""
        sql, args = _list_query(filters, after, limit)
        rows = await self._db.pool.fetch(sql, *args)
        return [entry_from_row(row) for row in rows]


def _list_query(
    filters: LedgerFilter, after: LedgerCursor | None, limit: int
) -> tuple[str, list[Any]]:
    """Only the filters in use go into the WHERE clause (so each shape gets a plan using its
    index); every value is a bind parameter."""
    args: list[Any] = [filters.tenant_id]
    where = ["tenant_id = $1"]

    def bind(value: Any) -> str:
        args.append(value)
        return f"${len(args)}"

    if filters.hub_id is not None:
        where.append(f"hub_id = {bind(filters.hub_id)}")
    if filters.sku_id is not None:
        where.append(f"sku_id = {bind(filters.sku_id)}")
    if filters.reference is not None:
        where.append(f"reference = {bind(filters.reference)}")
    if filters.start_time is not None:
        where.append(f"create_time >= {bind(filters.start_time)}")
    if filters.end_time is not None:
        where.append(f"create_time < {bind(filters.end_time)}")
    if after is not None:
        where.append(f"(create_time, id) < ({bind(after.create_time)}, {bind(after.id)})")
    sql = (
        f"SELECT {LEDGER_COLUMNS} FROM inventory_transactions "
        f"WHERE {' AND '.join(where)} "
        f"ORDER BY create_time DESC, id DESC LIMIT {bind(limit)}"
    )
    return sql, args
