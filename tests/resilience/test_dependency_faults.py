"""Each dependency SIGKILLed (its whole process group) in the middle of an upload's flow,
one at a time, while the system runs under `scripts/run`'s supervisor: the supervisor
brings it back without any manual step, and afterwards every row is exactly one order,
finalized, the stock and ledger are exact, every order's two webhooks arrived with valid
signatures. The recovery time and the duplicate-event rate go to the report."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from devstack import process
from devstack.stack import default_components
from tests.resilience.flow import SETTLE_S, Flow
from tests.support.run_system import RunningSystem

ROWS = int(os.environ.get("RESILIENCE_FAULT_ROWS", "200"))
DEPENDENCIES = ["kafka", "postgres", "mongo", "s3", "sqs"]


def _kill(name: str) -> None:
    component = next(c for c in default_components() if c.name == name)
    pid = process.read_pid(component.pid_path)
    assert pid is not None and process.running(component.pid_path), f"{name} is not running"
    os.killpg(pid, signal.SIGKILL)  # the server and every process it started


@pytest.mark.parametrize("dependency", DEPENDENCIES)
@pytest.mark.watchdog_timeout(900)
async def test_a_killed_dependency_comes_back_and_nothing_is_lost_or_done_twice(
    system: RunningSystem, flow: Flow, dependency: str, report: list[str]
) -> None:
    console = system.console
    before = await flow.accounts()
    comebacks = console.count(rf"\b{dependency} is back after")

    upload_id = await flow.start_upload(ROWS, f"fault-{dependency}")
    await flow.until_rows_read(upload_id, ROWS // 5)
    killed_at = time.monotonic()
    _kill(dependency)
    await asyncio.to_thread(
        console.wait_for_count,
        rf"\b{dependency} is back after",
        comebacks + 1,
        system.proc,
        SETTLE_S,
    )
    recovered_s = time.monotonic() - killed_at

    upload = await flow.until_complete(upload_id)
    assert (upload.rows_read, upload.rows_accepted, upload.rows_rejected) == (ROWS, ROWS, 0), upload
    orders = await flow.until_finalized(upload_id, ROWS)
    assert len(orders) == ROWS and len({o.id for o in orders}) == ROWS
    notes = sorted(o.attributes["note"] for o in orders)
    assert notes == sorted(f"fault-{dependency}-{n}" for n in range(ROWS))  # each row once

    after = await flow.accounts()
    assert after.reserved - before.reserved == Flow.units(ROWS)
    assert after.reserve_rows - before.reserve_rows == ROWS  # one reservation per order

    order_ids = {o.id for o in orders}
    await flow.until_webhooks(order_ids)
    events = await flow.events(order_ids)
    assert events.distinct == 2 * ROWS  # one order.created and one order.updated per order
    report.append(
        f"{dependency:<9} SIGKILLed at {ROWS // 5}+ rows read: back in {recovered_s:5.1f} s;"
        f" {events.summary()}"
    )
