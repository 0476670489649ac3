"""OrderService.CreateOrder / GetOrder against the real OMS and IMS (Mongo, Kafka, Postgres)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import socket
import time
import uuid

import grpc
import pytest
from oms.v1 import order_pb2

from common.clients.mongo import MongoStore
from common.errors import ErrorCode
from common.settings import KafkaSettings
from common.tracing import current_trace_id
from oms_grpc.core.clients.ims import ImsClient, ImsUnavailableError
from oms_grpc.core.domain.csv_rows import Ref
from oms_grpc.core.repositories.order_documents import to_proto
from oms_grpc.core.repositories.orders import OrderRepository
from oms_grpc.main import OmsSettingsBundle
from tests.ims.catalog_support import error_reason, rpc_error, violated_fields
from tests.oms.test_orders_helpers import (
    create_request,
    created_events,
    orders_stub,
    read_events,
)
from tests.support.auth import admin_channel
from tests.support.ims_catalog import ImsCatalog, SellerCatalog
from tests.support.orders import new_order


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel) -> SellerCatalog:
    return await ImsCatalog(ims_channel).seller_catalog(skus=3)


async def test_create_then_get_returns_the_saved_on_hold_order(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog
) -> None:
    orders = orders_stub(oms_channel)
    request = create_request(
        catalog, 2, 5, external_reference="PO-77", attributes={"channel": "web"}
    )
    created = (await orders.CreateOrder(request)).order

    assert uuid.UUID(created.id).version == 7
    assert (created.tenant_id, created.seller_id, created.hub_id) == (
        catalog.tenant_id,
        catalog.seller_id,
        catalog.hub_id,
    )
    assert [(line.sku_id, line.sku_code, line.quantity) for line in created.lines] == [
        (catalog.sku_id(0), catalog.sku_code(0), 2),
        (catalog.sku_id(1), catalog.sku_code(1), 5),
    ]
    assert created.status == order_pb2.ORDER_STATUS_ON_HOLD
    assert [change.status for change in created.status_history] == [order_pb2.ORDER_STATUS_ON_HOLD]
    assert created.external_reference == "PO-77"
    assert dict(created.attributes) == {"channel": "web"}
    assert created.upload_id == ""
    assert created.create_time == created.update_time

    fetched = await orders.GetOrder(
        order_pb2.GetOrderRequest(tenant_id=catalog.tenant_id, id=created.id)
    )
    assert fetched.order == created


async def test_order_created_event_is_published_once_with_the_order(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, kafka_settings: KafkaSettings
) -> None:
    created = (await orders_stub(oms_channel).CreateOrder(create_request(catalog, 3))).order

    messages = await read_events(kafka_settings, kafka_settings.topic_order_created, 1)
    assert len(messages) == 1
    [event] = created_events(messages)
    assert messages[0].key == created.id.encode()
    assert messages[0].headers["event-type"] == b"order.created"
    assert event.order == created
    assert event.tenant_id == catalog.tenant_id
    assert event.event_id and event.trace_id


async def test_skus_by_code_and_repeated_skus_are_merged_into_one_line(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog
) -> None:
    request = order_pb2.CreateOrderRequest(
        tenant_id=catalog.tenant_id.upper(),  # ids are canonicalised
        seller_id=catalog.seller_id,
        hub_id=catalog.hub_id.upper(),
        lines=[
            order_pb2.OrderLine(sku_code=catalog.sku_code(0), quantity=1),
            order_pb2.OrderLine(sku_id=catalog.sku_id(1), quantity=4),
            order_pb2.OrderLine(sku_id=catalog.sku_id(0), quantity=2),  # the same SKU by id
            order_pb2.OrderLine(sku_id=catalog.sku_id(1).upper(), quantity=6),
        ],
    )
    created = (await orders_stub(oms_channel).CreateOrder(request)).order
    assert created.tenant_id == catalog.tenant_id and created.hub_id == catalog.hub_id
    assert sorted((line.sku_id, line.sku_code, line.quantity) for line in created.lines) == sorted(
        [
            (catalog.sku_id(0), catalog.sku_code(0), 3),
            (catalog.sku_id(1), catalog.sku_code(1), 10),
        ]
    )


async def test_malformed_requests_name_every_bad_field(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, mongo_store: MongoStore
) -> None:
    orders = orders_stub(oms_channel)
    bad = order_pb2.CreateOrderRequest(
        tenant_id="not-a-uuid",
        seller_id="",
        hub_id="123",
        lines=[
            order_pb2.OrderLine(sku_id=catalog.sku_id(0), quantity=0),
            order_pb2.OrderLine(sku_id=catalog.sku_id(1), quantity=-5),
            order_pb2.OrderLine(sku_id=catalog.sku_id(2), quantity=1_000_001),
            order_pb2.OrderLine(quantity=1),
            order_pb2.OrderLine(sku_id="sku-1", quantity=1),
            order_pb2.OrderLine(sku_code="bad code!", quantity=1),
        ],
        external_reference="x" * 201,
    )
    error = await rpc_error(orders.CreateOrder(bad), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {
        "tenant_id",
        "seller_id",
        "hub_id",
        "lines[0].quantity",
        "lines[1].quantity",
        "lines[2].quantity",
        "lines[3].sku_id",
        "lines[4].sku_id",
        "lines[5].sku_code",
        "external_reference",
    }

    no_lines = create_request(catalog)
    del no_lines.lines[:]
    error = await rpc_error(orders.CreateOrder(no_lines), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"lines"}

    too_many = create_request(catalog)
    too_many.lines.extend([order_pb2.OrderLine(sku_id=catalog.sku_id(1), quantity=1)] * 100)
    error = await rpc_error(orders.CreateOrder(too_many), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"lines"}

    too_much = create_request(catalog, 600_000)
    too_much.lines.append(order_pb2.OrderLine(sku_id=catalog.sku_id(0), quantity=600_000))
    error = await rpc_error(orders.CreateOrder(too_much), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"lines[1].quantity"}

    attributes = create_request(catalog, attributes={f"k{n}": "v" for n in range(51)})
    error = await rpc_error(orders.CreateOrder(attributes), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"attributes"}
    long_value = create_request(catalog, attributes={"note": "v" * 1001, "": "x"})
    error = await rpc_error(orders.CreateOrder(long_value), grpc.StatusCode.INVALID_ARGUMENT)
    assert violated_fields(error) == {"attributes['note']", "attributes['']"}

    assert await OrderRepository(mongo_store.db["orders"]).collection.count_documents({}) == 0


async def test_references_unknown_to_ims_are_refused_field_by_field(
    oms_channel: grpc.aio.Channel,
    ims_channel: grpc.aio.Channel,
    catalog: SellerCatalog,
    mongo_store: MongoStore,
) -> None:
    orders = orders_stub(oms_channel)
    ims = ImsCatalog(ims_channel)
    other_tenant = await ims.seller_catalog(skus=1)
    other_seller_hub = await ims.hub(
        catalog.tenant_id, await ims.seller(catalog.tenant_id, code="other"), code="other-hub"
    )

    unknown_hub = create_request(catalog, 1, hub_id=str(uuid.uuid4()))
    error = await rpc_error(orders.CreateOrder(unknown_hub), grpc.StatusCode.FAILED_PRECONDITION)
    assert violated_fields(error) == {"hub_id"}
    assert error_reason(error) == "UNKNOWN_CATALOG_REFERENCE"

    foreign_hub = create_request(catalog, 1, hub_id=other_tenant.hub_id)
    error = await rpc_error(orders.CreateOrder(foreign_hub), grpc.StatusCode.FAILED_PRECONDITION)
    assert violated_fields(error) == {"hub_id"}

    hub_of_other_seller = create_request(catalog, 1, hub_id=other_seller_hub.id)
    error = await rpc_error(
        orders.CreateOrder(hub_of_other_seller), grpc.StatusCode.FAILED_PRECONDITION
    )
    assert violated_fields(error) == {"hub_id"}
    assert "seller" in (error.details() or "")

    skus = create_request(catalog, 1, 1)
    skus.lines.extend(
        [
            order_pb2.OrderLine(sku_id=str(uuid.uuid4()), quantity=1),  # unknown
            order_pb2.OrderLine(sku_id=other_tenant.sku_id(0), quantity=1),  # another tenant's
            order_pb2.OrderLine(sku_code=other_tenant.sku_code(0), quantity=1),
            order_pb2.OrderLine(sku_code="no-such-sku", quantity=1),
            order_pb2.OrderLine(  # id and code of two different SKUs
                sku_id=catalog.sku_id(2), sku_code=catalog.sku_code(1), quantity=1
            ),
        ]
    )
    error = await rpc_error(orders.CreateOrder(skus), grpc.StatusCode.FAILED_PRECONDITION)
    assert violated_fields(error) == {
        "lines[2].sku_id",
        "lines[3].sku_id",
        "lines[4].sku_code",
        "lines[5].sku_code",
        "lines[6].sku_code",
    }

    assert await mongo_store.db["orders"].count_documents({}) == 0


async def test_get_is_tenant_scoped(
    oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel, catalog: SellerCatalog
) -> None:
    orders = orders_stub(oms_channel)
    created = (await orders.CreateOrder(create_request(catalog, 1))).order
    other = await ImsCatalog(ims_channel).tenant()

    await rpc_error(
        orders.GetOrder(order_pb2.GetOrderRequest(tenant_id=other, id=created.id)),
        grpc.StatusCode.NOT_FOUND,
    )
    await rpc_error(
        orders.GetOrder(
            order_pb2.GetOrderRequest(tenant_id=catalog.tenant_id, id=str(uuid.uuid4()))
        ),
        grpc.StatusCode.NOT_FOUND,
    )
    error = await rpc_error(
        orders.GetOrder(order_pb2.GetOrderRequest(tenant_id="", id="nope")),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"tenant_id", "id"}


class _TraceRecorder(logging.Handler):
    """Which trace id was current when each RPC was logged (IMS runs in-process)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str | None]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append((str(getattr(record, "method", "")), current_trace_id()))


async def test_the_trace_id_follows_the_order_to_ims_and_into_its_event(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, kafka_settings: KafkaSettings
) -> None:
    recorder = _TraceRecorder()
    access_log = logging.getLogger("grpc.access")
    access_log.addHandler(recorder)
    previous_level = access_log.level
    access_log.setLevel(logging.INFO)
    try:
        orders = orders_stub(oms_channel)
        trace = (("x-trace-id", "trace-create-1"),)
        created = (await orders.CreateOrder(create_request(catalog, 1), metadata=trace)).order
        await orders.CancelOrder(
            order_pb2.CancelOrderRequest(tenant_id=catalog.tenant_id, id=created.id),
            metadata=(("x-trace-id", "trace-cancel-1"),),
        )
    finally:
        access_log.removeHandler(recorder)
        access_log.setLevel(previous_level)

    ims_calls = {(method.rsplit("/", 1)[-1], trace) for method, trace in recorder.seen}
    assert {
        ("ListHubs", "trace-create-1"),
        ("ListSkus", "trace-create-1"),
        ("ReleaseReservation", "trace-cancel-1"),
    } <= ims_calls
    [event] = created_events(
        await read_events(kafka_settings, kafka_settings.topic_order_created, 1)
    )
    assert event.trace_id == "trace-create-1"


async def test_ims_client_gives_up_at_its_deadline() -> None:
    """An IMS that accepts connections but never answers: UNAVAILABLE after the deadline."""
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)

    black_hole = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = black_hole.sockets[0].getsockname()[1]
    try:
        async with admin_channel(f"127.0.0.1:{port}") as channel:
            client = ImsClient(channel, timeout_s=0.3)
            started = time.monotonic()
            with pytest.raises(ImsUnavailableError) as caught:
                await client.find_skus(str(uuid.uuid4()), [Ref("id", str(uuid.uuid4()))])
            assert time.monotonic() - started < 3
            assert caught.value.code is ErrorCode.UNAVAILABLE
    finally:
        for writer in held:
            writer.close()
        black_hole.close()
        await black_hole.wait_closed()


def _unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_ims_down_means_unavailable_and_nothing_written(
    oms_settings: OmsSettingsBundle, catalog: SellerCatalog, mongo_store: MongoStore
) -> None:
    from oms_grpc.core.container import open_core
    from oms_grpc.core.settings import ImsClientSettings
    from oms_grpc.main import running

    down = ImsClientSettings(ims_target=f"127.0.0.1:{_unused_port()}")
    settings = dataclasses.replace(
        oms_settings, core=dataclasses.replace(oms_settings.core, ims=down)
    )
    repository = OrderRepository(mongo_store.db["orders"])
    async with open_core(settings.core) as core, running(core, settings) as server:
        stored = await _stored_order(repository, catalog)
        async with admin_channel(f"127.0.0.1:{server.port}") as channel:
            orders = orders_stub(channel)
            error = await rpc_error(
                orders.CreateOrder(create_request(catalog, 1)), grpc.StatusCode.UNAVAILABLE
            )
            assert error_reason(error) == "IMS_UNAVAILABLE"
            # Cancelling must release stock first: without IMS the order stays as it is.
            await rpc_error(
                orders.CancelOrder(
                    order_pb2.CancelOrderRequest(tenant_id=catalog.tenant_id, id=stored.id)
                ),
                grpc.StatusCode.UNAVAILABLE,
            )
            # Reads do not need IMS.
            fetched = await orders.GetOrder(
                order_pb2.GetOrderRequest(tenant_id=catalog.tenant_id, id=stored.id)
            )
            assert fetched.order.status == order_pb2.ORDER_STATUS_ON_HOLD
    assert await repository.collection.count_documents({}) == 1


async def _stored_order(repository: OrderRepository, catalog: SellerCatalog) -> order_pb2.Order:
    order = new_order(
        tenant_id=catalog.tenant_id,
        seller_id=catalog.seller_id,
        hub_id=catalog.hub_id,
        lines=[(catalog.sku_id(0), catalog.sku_code(0), 1)],
    )
    return to_proto(await repository.insert(order, topic="unused", trace_id=None))
