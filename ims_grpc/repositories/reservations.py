"""Reservations: reserve all-or-nothing, release, commit, expire — one statement each.

Every statement that moves stock locks the (hub, SKU) rows it touches with
`ORDER BY hub_id, sku_id FOR UPDATE` before changing any of them. With one global lock order
two transactions can never each hold a row the other waits for, so overlapping multi-line
reservations, releases, commits and expiries never deadlock. (A statement that also touches a
reservation row either inserts it after its stock locks — reserve — or locks it first and
then only waits on stock rows — release, commit, expire; nobody holding a stock row ever waits
on a reservation row held by someone waiting on stock, except a same-reference insert, which
waits on a transaction that already holds all of its own stock locks.)

Release and expiry raise availability, so their statements also write one inventory.changed
outbox row per line (`events_from_ledger`), after all their locks are taken; the outbox insert
waits on no lock, so it leaves the lock order as it is. Reserve and commit write none.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from typing import Any
from uuid import UUID

from common.auth.current import current_actor
from common.clients.postgres import PostgresDatabase
from common.tracing import current_trace_id
from ims_grpc.domain.reservation import (
    Decision,
    InsufficientStock,
    Reservation,
    ReservationAction,
    ReservationLine,
    ReservationStatus,
    Reserved,
    ReserveResult,
    Transitioned,
    decide,
    shortages,
)
from ims_grpc.repositories.ledger import LEDGER_COLUMNS
from ims_grpc.repositories.outbox import events_from_ledger

# ReserveInventory in one statement (one round trip), READ COMMITTED.
#
#   requested  the normalised lines ($3/$4/$5 arrays, one per (hub, SKU), sorted);
#   existing   the reservation for (tenant, reference) in the statement's snapshot: a replay
#              skips everything below (no lock taken, no stock touched);
#   locked     the stock rows, locked FOR UPDATE in (hub_id, sku_id) order. FOR UPDATE waits
#              for a concurrent writer to finish and then returns the row's LATEST committed
#              version (not the snapshot's) and keeps it locked until we commit, so the
#              numbers the verdict reads cannot change before the write below: there is no
#              read-then-write window. MATERIALIZED + the count(*) in `verdict` make sure every
#              row is locked, in order, before anything is written;
#   verdict    every line has a stock row and on_hand - reserved >= quantity;
#   created    the reservation, only if the verdict is ok. ON CONFLICT DO NOTHING: if a
#              concurrent call with the same reference got there first, this one waits for it
#              and then writes nothing (the caller reads the winner's reservation);
#   levels     reserved += quantity, only if `created` inserted the row. Written as
#              INSERT ... ON CONFLICT DO UPDATE on rows that always exist (they are locked
#              above): DO UPDATE computes the new values, and checks the CHECK constraints, on
#              the latest version of the row. A plain UPDATE would first evaluate the CHECKs on
#              a candidate built from the snapshot's (possibly older) version and fail
#              spuriously whenever stock was added or released after our snapshot was taken;
#   entries    one RESERVE ledger row per line, with the resulting quantities.
# The CHECK constraints (0 <= reserved <= on_hand) remain the last guard: if the logic above
# were ever wrong, the statement would fail and write nothing rather than oversell.
RESERVE_SQL = """
WITH requested AS (
    SELECT r.hub_id, r.sku_id, r.quantity, r.ord
    FROM unnest($3::uuid[], $4::uuid[], $5::bigint[]) WITH ORDINALITY
        AS r (hub_id, sku_id, quantity, ord)
),
existing AS (
    SELECT status, lines, expire_time, create_time, update_time
    FROM reservations
    WHERE tenant_id = $1 AND reference = $2
),
locked AS MATERIALIZED (
    SELECT i.hub_id, i.sku_id, i.quantity_on_hand - i.quantity_reserved AS available
    FROM inventory AS i
    WHERE i.tenant_id = $1
      AND (i.hub_id, i.sku_id) IN (SELECT hub_id, sku_id FROM requested)
      AND NOT EXISTS (SELECT FROM existing)
    ORDER BY i.hub_id, i.sku_id
    FOR UPDATE
),
verdict AS (
    SELECT NOT EXISTS (SELECT FROM existing)
       AND (SELECT count(*) FROM locked) = (SELECT count(*) FROM requested)
       AND NOT EXISTS (
           SELECT FROM requested AS r JOIN locked AS l USING (hub_id, sku_id)
           WHERE l.available < r.quantity
       ) AS ok
),
created AS (
    INSERT INTO reservations (tenant_id, reference, status, lines, expire_time)
    SELECT $1, $2, 'reserved',
           (SELECT jsonb_agg(jsonb_build_object(
                       'hub_id', hub_id, 'sku_id', sku_id, 'quantity', quantity) ORDER BY ord)
            FROM requested),
           now() + $6::interval
    WHERE (SELECT ok FROM verdict)
    ON CONFLICT (tenant_id, reference) DO NOTHING
    RETURNING status, lines, expire_time, create_time, update_time
),
levels AS (
    INSERT INTO inventory AS i (tenant_id, hub_id, sku_id, quantity_on_hand, quantity_reserved)
    SELECT $1, r.hub_id, r.sku_id, r.quantity, r.quantity
    FROM requested AS r
    WHERE EXISTS (SELECT FROM created)
    ORDER BY r.hub_id, r.sku_id
    ON CONFLICT (hub_id, sku_id) DO UPDATE
        SET quantity_reserved = i.quantity_reserved + excluded.quantity_reserved,
            update_time = now()
    RETURNING i.hub_id, i.sku_id, i.quantity_on_hand, i.quantity_reserved
),
entries AS (
    INSERT INTO inventory_transactions
        (tenant_id, hub_id, sku_id, type, delta_on_hand, delta_reserved,
         quantity_on_hand_after, quantity_reserved_after, reference, actor)
    SELECT $1, l.hub_id, l.sku_id, 'reserve', 0, r.quantity,
           l.quantity_on_hand, l.quantity_reserved, $2, $7::text
    FROM levels AS l
    JOIN requested AS r USING (hub_id, sku_id)
),
found AS (
    SELECT true AS created, * FROM created
    UNION ALL
    SELECT false, * FROM existing
)
SELECT (SELECT ok FROM verdict) AS sufficient,
       (SELECT array_agg(l.available ORDER BY r.ord)
        FROM requested AS r LEFT JOIN locked AS l USING (hub_id, sku_id)) AS available,
       f.created, f.status, f.lines, f.expire_time, f.create_time, f.update_time
FROM (VALUES (1)) AS one (x)
LEFT JOIN found AS f ON true
"""

FIND_SQL = """
SELECT status, lines, expire_time, create_time, update_time
FROM reservations
WHERE tenant_id = $1 AND reference = $2
"""

# Release ($5 = 0) or commit ($5 = 1) in one statement.
#   target   the reservation, locked (latest committed version): its status decides;
#   changed  the status change, only from RESERVED (and, when $6, only before expire_time);
#   moved    the lines of a changed reservation; locked: their stock rows in the global order;
#   levels   reserved -= quantity (and on_hand -= quantity for a commit); entries: the ledger;
#   events   the inventory.changed outbox rows ($7 = trace id): one per line for a release
#            (availability rises by the quantity); none for a commit (on_hand and reserved fall
#            together, availability is unchanged) or a call that changed nothing.
# A plain UPDATE is safe here (see RESERVE_SQL): the reservation was created before our
# snapshot and still holds its units, so the snapshot's version of each row already counts
# them and the candidate built from it (reserved - q, on_hand - q) satisfies the CHECKs too;
# the values written are then computed on the latest version, which we hold locked.
TRANSITION_SQL = f"""
WITH target AS MATERIALIZED (
    SELECT status, lines, expire_time, create_time, update_time,
           expire_time IS NOT NULL AND expire_time <= now() AS due
    FROM reservations
    WHERE tenant_id = $1 AND reference = $2
    FOR UPDATE
),
changed AS (
    UPDATE reservations AS r
    SET status = $3, update_time = now()
    FROM target AS t
    WHERE r.tenant_id = $1 AND r.reference = $2
      AND t.status = 'reserved' AND NOT ($6 AND t.due)
    RETURNING r.status, r.update_time, r.lines
),
moved AS (
    SELECT l.hub_id, l.sku_id, l.quantity
    FROM changed AS c
    CROSS JOIN LATERAL jsonb_to_recordset(c.lines) AS l (hub_id uuid, sku_id uuid, quantity bigint)
),
locked AS MATERIALIZED (
    SELECT i.hub_id, i.sku_id
    FROM inventory AS i
    WHERE i.tenant_id = $1 AND (i.hub_id, i.sku_id) IN (SELECT hub_id, sku_id FROM moved)
    ORDER BY i.hub_id, i.sku_id
    FOR UPDATE
),
levels AS (
    UPDATE inventory AS i
    SET quantity_on_hand = i.quantity_on_hand - m.quantity * $5,
        quantity_reserved = i.quantity_reserved - m.quantity,
        update_time = now()
    FROM moved AS m
    WHERE (SELECT count(*) FROM locked) > 0
      AND i.tenant_id = $1 AND i.hub_id = m.hub_id AND i.sku_id = m.sku_id
    RETURNING i.hub_id, i.sku_id, m.quantity, i.quantity_on_hand, i.quantity_reserved
),
entries AS (
    INSERT INTO inventory_transactions
        (tenant_id, hub_id, sku_id, type, delta_on_hand, delta_reserved,
         quantity_on_hand_after, quantity_reserved_after, reference, actor)
    SELECT $1, hub_id, sku_id, $4, -quantity * $5, -quantity,
           quantity_on_hand, quantity_reserved, $2, $8::text
    FROM levels
    RETURNING {LEDGER_COLUMNS}
),
events AS ({events_from_ledger("entries", "$7::text")})
SELECT t.status AS prior_status, t.due, t.lines, t.expire_time, t.create_time,
       coalesce(c.status, t.status) AS status,
       coalesce(c.update_time, t.update_time) AS update_time
FROM target AS t
LEFT JOIN changed AS c ON true
"""

# The sweeper: expire up to $1 due reservations. SKIP LOCKED lets several replicas sweep at
# once (each takes reservations nobody else holds) and never blocks a release or commit in
# progress. Several reservations of the batch may share a (hub, SKU): the stock row is updated
# once by their total, and each reservation's ledger row gets the quantities as they were right
# after its own release (in reference order), and so does its inventory.changed outbox row
# (events; $2 = the sweeper's trace id): one per expired reservation line.
EXPIRE_DUE_SQL = f"""
WITH due AS MATERIALIZED (
    SELECT tenant_id, reference
    FROM reservations
    WHERE status = 'reserved' AND expire_time IS NOT NULL AND expire_time <= now()
    ORDER BY expire_time
    LIMIT $1
    FOR UPDATE SKIP LOCKED
),
expired AS (
    UPDATE reservations AS r
    SET status = 'expired', update_time = now()
    FROM due AS d
    WHERE r.tenant_id = d.tenant_id AND r.reference = d.reference AND r.status = 'reserved'
    RETURNING r.tenant_id, r.reference, r.lines
),
moved AS (
    SELECT e.tenant_id, e.reference, l.hub_id, l.sku_id, l.quantity
    FROM expired AS e
    CROSS JOIN LATERAL jsonb_to_recordset(e.lines) AS l (hub_id uuid, sku_id uuid, quantity bigint)
),
totals AS (
    SELECT tenant_id, hub_id, sku_id, sum(quantity)::bigint AS quantity
    FROM moved
    GROUP BY tenant_id, hub_id, sku_id
),
locked AS MATERIALIZED (
    SELECT i.hub_id, i.sku_id
    FROM inventory AS i
    WHERE (i.tenant_id, i.hub_id, i.sku_id) IN (SELECT tenant_id, hub_id, sku_id FROM totals)
    ORDER BY i.hub_id, i.sku_id
    FOR UPDATE
),
levels AS (
    UPDATE inventory AS i
    SET quantity_reserved = i.quantity_reserved - t.quantity, update_time = now()
    FROM totals AS t
    WHERE (SELECT count(*) FROM locked) > 0
      AND i.tenant_id = t.tenant_id AND i.hub_id = t.hub_id AND i.sku_id = t.sku_id
    RETURNING i.hub_id, i.sku_id, i.quantity_on_hand, i.quantity_reserved
),
entries AS (
    INSERT INTO inventory_transactions
        (tenant_id, hub_id, sku_id, type, delta_on_hand, delta_reserved,
         quantity_on_hand_after, quantity_reserved_after, reference, actor)
    SELECT m.tenant_id, m.hub_id, m.sku_id, 'expire', 0, -m.quantity, v.quantity_on_hand,
           v.quantity_reserved
             + sum(m.quantity) OVER (PARTITION BY m.hub_id, m.sku_id)
             - sum(m.quantity) OVER (PARTITION BY m.hub_id, m.sku_id
                                     ORDER BY m.tenant_id, m.reference
                                     ROWS UNBOUNDED PRECEDING),
           m.reference, $3::text
    FROM moved AS m
    JOIN levels AS v USING (hub_id, sku_id)
    RETURNING {LEDGER_COLUMNS}
),
events AS ({events_from_ledger("entries", "$2::text")})
SELECT count(*) FROM expired
"""


# Who the ledger names for expiries: no caller asked for them.
SWEEPER_ACTOR = "service:reservation-sweeper"


class ReservationRepository:
    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    async def reserve(
        self,
        tenant_id: UUID,
        reference: str,
        lines: Sequence[ReservationLine],
        ttl: timedelta | None,
    ) -> ReserveResult:
        """All lines or none; idempotent on (tenant_id, reference). `lines` are normalised."""
        row = await self._db.pool.fetchrow(
            RESERVE_SQL, *reserve_args(tenant_id, reference, lines, ttl)
        )
        assert row is not None
        if row["status"] is not None:
            return Reserved(_reservation(tenant_id, reference, row), created=bool(row["created"]))
        # Nothing written. Either a concurrent call with this reference committed first (we
        # waited on its locks or on its insert; our snapshot is older than its commit), or
        # stock is short. A fresh read tells which.
        current = await self.find(tenant_id, reference)
        if current is not None:
            return Reserved(current, created=False)
        available: list[int | None] = list(row["available"])
        return InsufficientStock(
            shortages=shortages(lines, available),
            unstocked=tuple(
                line for line, units in zip(lines, available, strict=True) if units is None
            ),
        )

    async def find(self, tenant_id: UUID, reference: str) -> Reservation | None:
        row = await self._db.pool.fetchrow(FIND_SQL, tenant_id, reference)
        return None if row is None else _reservation(tenant_id, reference, row)

    async def transition(
        self, tenant_id: UUID, reference: str, action: ReservationAction
    ) -> Transitioned | None:
        """Release or commit; None for an unknown reference. A release that applies also writes
        one inventory.changed event per line."""
        row = await self._db.pool.fetchrow(
            TRANSITION_SQL,
            tenant_id,
            reference,
            action.target_status.value,
            action.transaction_type.value,
            1 if action.consumes_stock else 0,
            action.refused_when_due,
            current_trace_id() or "",
            current_actor(),
        )
        if row is None:
            return None
        prior = ReservationStatus(row["prior_status"])
        due = bool(row["due"])
        decision = decide(action, prior, due=due)
        changed = ReservationStatus(row["status"]) is not prior
        if changed != (decision is Decision.APPLY):
            raise RuntimeError(f"{action} of {prior} (due={due}): database and rules disagree")
        return Transitioned(
            reservation=_reservation(tenant_id, reference, row),
            decision=decision,
            prior_status=prior,
            due=due,
        )

    async def expire_due(self, batch_size: int) -> int:
        """Expire up to `batch_size` reservations past their expire_time; returns how many."""
        count = await self._db.pool.fetchval(
            EXPIRE_DUE_SQL, batch_size, current_trace_id() or "", SWEEPER_ACTOR
        )
        return int(count)


def reserve_args(
    tenant_id: UUID, reference: str, lines: Sequence[ReservationLine], ttl: timedelta | None
) -> tuple[Any, ...]:
    """The bind parameters of RESERVE_SQL (also used by the benchmark's raw-SQL baseline)."""
    return (
        tenant_id,
        reference,
        [line.hub_id for line in lines],
        [line.sku_id for line in lines],
        [line.quantity for line in lines],
        ttl or None,
        current_actor(),
    )


def _reservation(tenant_id: UUID, reference: str, row: Any) -> Reservation:
    return Reservation(
        tenant_id=tenant_id,
        reference=reference,
        status=ReservationStatus(row["status"]),
        lines=_lines(row["lines"]),
        expire_time=row["expire_time"],
        create_time=row["create_time"],
        update_time=row["update_time"],
    )


def _lines(raw: str) -> tuple[ReservationLine, ...]:
    """jsonb arrives as text (no codec registered on the pool)."""
    return tuple(
        ReservationLine(UUID(item["hub_id"]), UUID(item["sku_id"]), int(item["quantity"]))
        for item in json.loads(raw)
    )
