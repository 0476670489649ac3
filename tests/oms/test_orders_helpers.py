"""Shared helpers of the OrderService tests (no tests here): stubs, requests, Kafka reads."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Sequence

import grpc
from oms.v1 import events_pb2, order_pb2, order_pb2_grpc

from common.clients.kafka import KafkaConsumer, Message
from common.settings import KafkaSettings
from tests.support.ims_catalog import SellerCatalog


def orders_stub(channel: grpc.aio.Channel) -> order_pb2_grpc.OrderServiceStub:
    return order_pb2_grpc.OrderServiceStub(channel)


def create_request(
    catalog: SellerCatalog, *quantities: int, **fields: object
) -> order_pb2.CreateOrderRequest:
    """An order of `catalog`'s seller from its hub: line i is quantities[i] of SKU i."""
    request = order_pb2.CreateOrderRequest(
        tenant_id=catalog.tenant_id,
        seller_id=catalog.seller_id,
        hub_id=catalog.hub_id,
        lines=[
            order_pb2.OrderLine(sku_id=catalog.sku_id(index), quantity=quantity)
            for index, quantity in enumerate(quantities or (1,))
        ],
    )
    for name, value in fields.items():
        if name == "attributes":
            request.attributes.update(value)  # type: ignore[call-overload]
        else:
            setattr(request, name, value)
    return request


async def read_events(
    settings: KafkaSettings,
    topic: str,
    expected: int,
    *,
    timeout_s: float = 20.0,
    settle_s: float = 1.5,
) -> list[Message]:
    """Every message of `topic`: waits for `expected` of them, then `settle_s` longer so
    that an unexpected extra one (a duplicate) shows up too."""
    consumer = await KafkaConsumer.start(settings, [topic], group_id=f"test-{uuid.uuid4().hex}")
    found: list[Message] = []

    async def collect(stop_at: int | None) -> None:
        async for batch in consumer.batches(timeout_ms=100):
            found.extend(batch)
            if stop_at is not None and len(found) >= stop_at:
                return

    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(collect(expected), timeout_s)
        if len(found) >= expected:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(collect(None), settle_s)
    finally:
        await consumer.close()
    return found


def created_events(messages: Sequence[Message]) -> list[events_pb2.OrderCreated]:
    return [events_pb2.OrderCreated.FromString(m.value) for m in messages]


def updated_events(messages: Sequence[Message]) -> list[events_pb2.OrderUpdated]:
    return [events_pb2.OrderUpdated.FromString(m.value) for m in messages]
