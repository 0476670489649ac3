"""The real ingester process (`python -m consumers.csv_ingester`) SIGKILLed mid-file and
started again: every valid row ends up exactly once as an order with its event."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import time

import grpc

from oms_grpc.core.repositories.uploads import UploadState
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.csv_ingester_support import (
    created_events,
    ingester,
    ingester_settings,
    orders_of,
    submit,
)
from tests.support.ims_catalog import ImsCatalog
from tests.support.processes import oms_core_env, start_module

SETTLE_S = 600.0  # deadlines for work to finish: generous, never a speed check


def _process_env(oms: OmsSettingsBundle) -> dict[str, str]:
    return {
        **oms_core_env(oms),
        "INGESTER_BATCH_SIZE": "100",
        "INGESTER_RECEIVE_WAIT_S": "1",
        # Redelivered soon after the kill (the real default is 60 s).
        "INGESTER_VISIBILITY_TIMEOUT_S": "3",
        "INGESTER_LOG_LEVEL": "WARNING",
    }


def _start(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return start_module("consumers.csv_ingester", env)


async def test_sigkilled_ingester_process_restarted_creates_every_order_once(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=3)
    rows = 6000
    lines = ["tenant_id,seller_id,hub_id,sku_id,quantity"]
    lines += [
        f"{catalog.tenant_id},{catalog.seller_id},{catalog.hub_id},{catalog.sku_id(n % 3)},"
        f"{n % 5 + 1}"
        for n in range(rows)
    ]
    env = _process_env(oms_settings)
    async with ingester(ingester_settings(oms_settings)) as deps:
        request = await submit(deps, catalog.tenant_id, "\n".join(lines).encode())

        first = _start(env)
        try:
            deadline = time.monotonic() + SETTLE_S
            while True:  # until it is well into the file, then kill -9
                upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
                assert upload is not None
                if upload["rows_read"] >= 500:
                    break
                assert first.poll() is None, "the ingester exited before the kill"
                assert time.monotonic() < deadline, "the ingester never got into the file"
                await asyncio.sleep(0.05)
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
        killed_at = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert killed_at is not None
        assert killed_at["state"] == UploadState.PROCESSING.value
        assert 0 < killed_at["rows_read"] < rows, "killed in the middle of the file"

        second = _start(env)
        try:
            # Until the restarted process completes the file: a deadline for a hang, not a
            # speed check (a busy 2-core machine took over two minutes here).
            deadline = time.monotonic() + SETTLE_S
            while True:
                upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
                assert upload is not None
                if upload["state"] == UploadState.COMPLETED.value:
                    break
                assert time.monotonic() < deadline, f"not completed: {upload['rows_read']} read"
                assert second.poll() is None, "the restarted ingester exited"
                await asyncio.sleep(0.1)
        finally:
            second.send_signal(signal.SIGTERM)
            try:
                second.wait(timeout=20)
            except subprocess.TimeoutExpired:
                second.kill()

        orders = await orders_of(deps, request.upload_id)
        keys = sorted(o["idempotency_key"] for o in orders)
        assert keys == sorted(f"upload:{request.upload_id}:{line}" for line in range(2, rows + 2))
        assert upload["orders_created"] == rows and upload["rows_rejected"] == 0
        # Orders stored by the killed process keep their events: once their lease expires
        # a relay (here: this test's) publishes them. At least once, so duplicates may occur.
        events = await created_events(
            oms_settings.core.kafka, expected=rows, settle_s=5, timeout_s=90
        )
    assert {e.order.id for e in events} == {o["_id"] for o in orders}
