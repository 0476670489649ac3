"""The three consumers SIGKILLed at random points while a large upload flows and its
orders finalize; `scripts/run`'s supervisor restarts each one. Afterwards every row is
exactly one order, finalized, stock and ledger are exact, and each order's two webhooks
arrived, each always under the same `webhook-id` however often it was sent."""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import time

import pytest

from tests.resilience.flow import SETTLE_S, Flow, settle_for
from tests.support.run_system import RunningSystem

# The size is 10,000 rows (RESILIENCE_KILL_ROWS=10000); CI runs 1,000, because on
# the local MongoDB-wire server (one core, slower as it fills) 10,000 take well over ten
# minutes (the deadlines grow with the rows: they catch hangs, not slowness).
ROWS = int(os.environ.get("RESILIENCE_KILL_ROWS", "1000"))
SETTLE_ROWS_S = settle_for(ROWS)
KILLS = 6
CONSUMERS = ("csv-ingester", "order-finalizer", "webhook-dispatcher")
SEED = int(os.environ.get("RESILIENCE_SEED", "20261201"))


@pytest.mark.watchdog_timeout(int(900 + 1.5 * SETTLE_ROWS_S))
async def test_consumers_killed_at_random_points_lose_and_double_nothing(
    system: RunningSystem, flow: Flow, report: list[str]
) -> None:
    rng = random.Random(SEED)
    console = system.console
    before = await flow.accounts()
    upload_id = await flow.start_upload(ROWS, "kills")

    killed: list[str] = []
    started = time.monotonic()
    for _ in range(KILLS):
        await asyncio.sleep(rng.uniform(0.5, 4.0))
        name = rng.choice(CONSUMERS)
        pid = console.pids()[name]  # the latest start of it
        restarts = console.count(rf"started {re.escape(name)}, pid \d+")
        os.kill(pid, signal.SIGKILL)
        killed.append(f"{name}@{time.monotonic() - started:.1f}s")
        await asyncio.to_thread(
            console.wait_for_count,
            rf"started {re.escape(name)}, pid \d+",
            restarts + 1,
            system.proc,
            SETTLE_S,
        )

    upload = await flow.until_complete(upload_id, SETTLE_ROWS_S)
    assert (upload.rows_read, upload.rows_accepted, upload.rows_rejected) == (ROWS, ROWS, 0), upload
    orders = await flow.until_finalized(upload_id, ROWS, SETTLE_ROWS_S)
    assert len(orders) == ROWS and len({o.id for o in orders}) == ROWS
    assert sorted(o.attributes["note"] for o in orders) == sorted(f"kills-{n}" for n in range(ROWS))

    after = await flow.accounts()
    assert after.reserved - before.reserved == Flow.units(ROWS)
    assert after.reserve_rows - before.reserve_rows == ROWS

    order_ids = {o.id for o in orders}
    await flow.until_webhooks(order_ids, SETTLE_ROWS_S)
    webhook_ids = flow.receiver.received.webhook_ids_of_order
    unstable = [o for o in order_ids if len(webhook_ids[o]) != 2]
    assert unstable == [], f"{len(unstable)} orders got more than one webhook-id per event"
    events = await flow.events(order_ids)
    assert events.distinct == 2 * ROWS
    report.append(
        f"consumers SIGKILLed (seed {SEED}): {', '.join(killed)}; {ROWS} orders exact;"
        f" {events.summary()}"
    )
