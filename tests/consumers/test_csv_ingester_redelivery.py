"""Redelivery and restart safety: the same message twice, a pass killed mid-file."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import grpc

from consumers.csv_ingester.consumer import CsvIngester, Outcome, QueueConfig
from consumers.csv_ingester.order_writer import OrderWriter
from consumers.csv_ingester.pipeline import PassConfig
from oms_grpc.core.repositories.uploads import Progress, UploadRepository, UploadState
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.csv_ingester_support import (
    IngesterDependencies,
    created_events,
    error_rows,
    errors_by_line,
    ingester,
    ingester_settings,
    orders_of,
    receive,
    submit,
)
from tests.support.ims_catalog import ImsCatalog, SellerCatalog


def _file(c: SellerCatalog, rows: int) -> tuple[bytes, set[int], set[int]]:
    """`rows` one-line orders (every 7th one bad) and an order_ref group of two rows at the
    end; returns the file, the lines of good one-line rows and the bad lines."""
    lines = ["tenant_id,seller_id,hub_id,sku_id,quantity,order_ref"]
    good: set[int] = set()
    bad: set[int] = set()
    for n in range(rows):
        line = n + 2
        quantity = "0" if n % 7 == 3 else str(n + 1)
        (bad if quantity == "0" else good).add(line)
        lines.append(f"{c.tenant_id},{c.seller_id},{c.hub_id},{c.sku_id(n % 3)},{quantity},")
    lines += [f"{c.tenant_id},{c.seller_id},{c.hub_id},{c.sku_id(i)},2,GROUP-1" for i in (0, 1)]
    return "\n".join(lines).encode(), good, bad


def _counts(upload: dict[str, Any]) -> tuple[int, int, int, int]:
    keys = ("rows_read", "rows_accepted", "rows_rejected", "orders_created")
    return tuple(upload[k] for k in keys)


async def test_the_same_message_twice_creates_nothing_twice(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=3)
    content, good, bad = _file(catalog, 20)
    settings = ingester_settings(oms_settings, batch_size=6)

    async with ingester(settings) as deps:
        request = await submit(deps, catalog.tenant_id, content)
        assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED
        first = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert first is not None
        # SQS delivers at least once: the very same message again.
        await deps.core.queue.send(request.to_json())
        assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED
        second = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert second is not None

        orders = await orders_of(deps, request.upload_id)
        events = await created_events(settings.core.kafka, expected=len(orders))
        rows = await error_rows(deps, second)

    assert len(orders) == len(good) + 1  # one order per good row, plus the group
    assert len({o["idempotency_key"] for o in orders}) == len(orders)
    assert sorted(e.order.id for e in events) == sorted(o["_id"] for o in orders)
    expected = (len(good) + len(bad) + 2, len(good) + 2, len(bad), len(good) + 1)
    assert _counts(first) == _counts(second) == expected
    assert second["state"] == UploadState.COMPLETED.value
    assert set(errors_by_line(rows)) == bad


class _StopAfterBatches(UploadRepository):
    """A real repository that cancels the handling task (as a kill stops it) right after
    the progress report of its `batches`-th batch, when those batches' orders are stored."""

    def __init__(self, deps: IngesterDependencies, batches: int) -> None:
        super().__init__(deps.core.mongo.db["uploads"])
        self._left = batches
        self.handling: asyncio.Task[Outcome] | None = None

    async def report_progress(self, upload_id: str, progress: Progress) -> None:
        await super().report_progress(upload_id, progress)
        self._left -= 1
        if self._left == 0:
            assert self.handling is not None
            self.handling.cancel()


def _ingester(deps: IngesterDependencies, uploads: UploadRepository) -> CsvIngester:
    service = deps.settings.service
    return CsvIngester(
        queue=deps.core.queue,
        objects=deps.core.objects,
        uploads=uploads,
        ims=deps.core.ims,
        writer=OrderWriter(
            deps.core.orders, deps.core.relay, deps.core.settings.kafka.topic_order_created
        ),
        queue_config=QueueConfig(service.receive_wait_s, service.visibility_timeout_s, 1.0),
        pass_config=PassConfig(
            batch_size=service.batch_size,
            max_row_chars=service.max_row_chars,
            read_chunk_bytes=service.read_chunk_bytes,
            error_spool_bytes=service.error_spool_bytes,
        ),
    )


async def test_killed_mid_file_and_restarted_every_row_ends_up_exactly_once(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=3)
    content, good, bad = _file(catalog, 40)
    # Tiny S3 reads too, so the kill also lands in the middle of the byte stream.
    settings = ingester_settings(oms_settings, batch_size=5, read_chunk_bytes=1024)

    async with ingester(settings) as deps:
        request = await submit(deps, catalog.tenant_id, content)
        stopping = _StopAfterBatches(deps, batches=3)
        killed = _ingester(deps, stopping)
        handling = asyncio.create_task(killed.handle(await receive(deps)))
        stopping.handling = handling
        with contextlib.suppress(asyncio.CancelledError):
            await handling
        assert handling.cancelled()

        # Killed after 3 of 9 batches: those rows' orders exist, the rest (and the group,
        # settled at the end of the file) do not; the upload shows the progress so far.
        upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert upload is not None
        assert upload["state"] == UploadState.PROCESSING.value
        assert upload["rows_read"] == 4 + 5 + 5  # batches of 5 records, the first with the header
        partial = await orders_of(deps, request.upload_id)
        assert 0 < len(partial) < len(good)
        assert not any(o["idempotency_key"] == "ref:GROUP-1" for o in partial)

        # The message went back to the queue; a restarted ingester picks it up again.
        restarted = _ingester(deps, deps.core.uploads)
        message = await receive(deps)
        assert message.receive_count == 2
        assert await restarted.handle(message) is Outcome.COMPLETED

        orders = await orders_of(deps, request.upload_id)
        events = await created_events(settings.core.kafka, expected=len(orders))
        upload = await deps.core.uploads.get(catalog.tenant_id, request.upload_id)
        assert upload is not None
        rows = await error_rows(deps, upload)
        assert await deps.core.queue.receive(wait_time_s=1) == []  # deleted once done

    keys = [o["idempotency_key"] for o in orders]
    assert sorted(keys) == sorted(
        [f"upload:{request.upload_id}:{line}" for line in good] + ["ref:GROUP-1"]
    )
    # Every order's event went out; one that was being relayed at the kill may go out twice
    # (at-least-once), never one for an order that does not exist.
    assert {e.order.id for e in events} == {o["_id"] for o in orders}
    assert set(errors_by_line(rows)) == bad
    assert _counts(upload) == (len(good) + len(bad) + 2, len(good) + 2, len(bad), len(good) + 1)
