"""Helpers for the CSV ingester tests: the ingester on a test's own resources, files in,
orders / events / error rows out."""

from __future__ import annotations

import asyncio
import csv
import dataclasses
import io
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from oms.v1 import events_pb2

from common.clients.kafka import KafkaConsumer
from common.clients.sqs import QueueMessage
from common.ids import new_id
from common.settings import KafkaSettings
from consumers.csv_ingester.consumer import CsvIngester
from consumers.csv_ingester.main import IngesterSettingsBundle, build_ingester, running
from consumers.csv_ingester.settings import IngesterSettings
from oms_grpc.core.container import OmsCore, open_core
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from oms_grpc.core.domain.error_files import STORED_TRAILER
from oms_grpc.core.domain.uploads import error_object_key, upload_object_key
from oms_grpc.core.outbox.entries import OUTBOX_FIELD
from oms_grpc.core.settings import CoreSettings
from oms_grpc.main import OmsSettingsBundle


def ingester_settings(
    oms: OmsSettingsBundle, core: CoreSettings | None = None, **service: Any
) -> IngesterSettingsBundle:
    """The ingester on the test's database, topics, bucket and queue, and its IMS (or on
    `core`)."""
    return IngesterSettingsBundle(
        service=IngesterSettings(receive_wait_s=service.pop("receive_wait_s", 2), **service),
        core=core or dataclasses.replace(oms.core, identity="csv-ingester"),
    )


@dataclass(frozen=True)
class IngesterDependencies:
    """What the production composition root builds: the OMS core and the ingester on it."""

    settings: IngesterSettingsBundle
    core: OmsCore
    ingester: CsvIngester


@asynccontextmanager
async def ingester(
    settings: IngesterSettingsBundle, *, consume: bool = False
) -> AsyncIterator[IngesterDependencies]:
    """The core with the outbox relay running; tests drive the queue themselves unless
    `consume` (then the production SQS loop runs too)."""
    async with open_core(settings.core) as core:
        consumer = await build_ingester(core, settings.service)
        async with running(core, consumer, consume=consume):
            yield IngesterDependencies(settings, core, consumer)


async def submit(
    deps: IngesterDependencies, tenant_id: str, content: bytes, filename: str = "orders.csv"
) -> CreateBulkOrder:
    """What the upload API does: the file in S3, the upload QUEUED, the message sent."""
    upload_id = new_id()
    key = upload_object_key(datetime.now(UTC), upload_id, filename)
    await deps.core.objects.put(key, content, content_type="text/csv")
    await deps.core.uploads.create(
        upload_id=upload_id,
        tenant_id=tenant_id,
        filename=filename,
        object_key=key,
        size=len(content),
    )
    request = CreateBulkOrder(upload_id, tenant_id, key, trace_id=f"trace-{upload_id}")
    await deps.core.queue.send(request.to_json())
    return request


async def receive(deps: IngesterDependencies, wait_s: int = 5) -> QueueMessage:
    [message] = await deps.core.queue.receive(
        wait_time_s=wait_s, visibility_timeout_s=deps.settings.service.visibility_timeout_s
    )
    return message


async def orders_of(deps: IngesterDependencies, upload_id: str) -> list[dict[str, Any]]:
    cursor = deps.core.orders.collection.find({"upload_id": upload_id}, {OUTBOX_FIELD: 0})
    return await cursor.sort("idempotency_key", 1).to_list()


async def error_rows(deps: IngesterDependencies, upload: dict[str, Any]) -> list[list[str]]:
    """The stored error file: header first, every record as a list of values."""
    name = upload["error_file_name"]
    assert name, "no error file"
    body = await deps.core.objects.get(error_object_key(name))
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


def errors_by_line(rows: list[list[str]]) -> dict[int, str]:
    """{source line: error_code} of a stored error file."""
    header = rows[0]
    assert tuple(header[-3:]) == STORED_TRAILER
    return {int(row[-1]): row[-3] for row in rows[1:]}


async def created_events(
    settings: KafkaSettings, expected: int, *, settle_s: float = 1.5, timeout_s: float = 30
) -> list[events_pb2.OrderCreated]:
    """`order.created` events on the test's topic: waits until `expected` different orders
    have one (delivery is at least once: duplicates do not count towards it), then
    `settle_s` more to catch any surplus."""
    topic = settings.topic_order_created
    consumer = await KafkaConsumer.start(settings, [topic], f"check-{new_id()}")
    events: list[events_pb2.OrderCreated] = []
    orders: set[str] = set()

    async def collect(stop_at: int | None) -> None:
        async for batch in consumer.batches(timeout_ms=200):
            for message in batch:
                event = events_pb2.OrderCreated()
                event.ParseFromString(message.value)
                events.append(event)
                orders.add(event.order.id)
            if stop_at is not None and len(orders) >= stop_at:
                return

    try:
        await asyncio.wait_for(collect(expected), timeout_s)
        with suppress(TimeoutError):
            await asyncio.wait_for(collect(None), settle_s)
    finally:
        await consumer.close()
    return events
