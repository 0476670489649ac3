"""Idempotent CreateOrder: keys from the field, the metadata or the external reference."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from oms.v1 import order_pb2

from common.clients.mongo import MongoStore
from common.settings import KafkaSettings
from oms_grpc.core.repositories.orders import OrderRepository
from tests.ims.catalog_support import error_reason, rpc_error, violated_fields
from tests.oms.test_orders_helpers import (
    create_request,
    created_events,
    orders_stub,
    read_events,
)
from tests.support.ims_catalog import ImsCatalog, SellerCatalog
from tests.support.orders import new_order


@pytest.fixture
async def catalog(ims_channel: grpc.aio.Channel) -> SellerCatalog:
    return await ImsCatalog(ims_channel).seller_catalog(skus=2)


async def test_same_key_and_body_returns_the_first_order(
    oms_channel: grpc.aio.Channel,
    ims_channel: grpc.aio.Channel,
    catalog: SellerCatalog,
    mongo_store: MongoStore,
) -> None:
    orders = orders_stub(oms_channel)
    request = create_request(catalog, 2, 3, idempotency_key="checkout-1")
    first = (await orders.CreateOrder(request)).order
    again = (await orders.CreateOrder(request)).order
    assert again == first

    # Line order and line splitting do not make it another request: it is normalised.
    reordered = create_request(catalog, 2, 3, idempotency_key="checkout-1")
    reordered.lines.reverse()
    assert (await orders.CreateOrder(reordered)).order.id == first.id

    assert await mongo_store.db["orders"].count_documents({}) == 1

    # Keys belong to a tenant: another tenant's identical key is another order.
    other = await ImsCatalog(ims_channel).seller_catalog(skus=2)
    theirs = await orders.CreateOrder(create_request(other, 2, 3, idempotency_key="checkout-1"))
    assert theirs.order.id != first.id and theirs.order.tenant_id == other.tenant_id
    assert await mongo_store.db["orders"].count_documents({}) == 2


async def test_same_key_with_another_body_is_refused(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, mongo_store: MongoStore
) -> None:
    orders = orders_stub(oms_channel)
    await orders.CreateOrder(create_request(catalog, 2, idempotency_key="checkout-2"))
    error = await rpc_error(
        orders.CreateOrder(create_request(catalog, 5, idempotency_key="checkout-2")),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert error_reason(error) == "IDEMPOTENCY_KEY_REUSED"
    assert violated_fields(error) == {"idempotency_key"}
    assert await mongo_store.db["orders"].count_documents({}) == 1


async def test_key_from_metadata_as_envoy_forwards_the_rest_header(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog
) -> None:
    orders = orders_stub(oms_channel)
    metadata = (("idempotency-key", "rest-42"),)
    first = (await orders.CreateOrder(create_request(catalog, 1), metadata=metadata)).order
    again = (await orders.CreateOrder(create_request(catalog, 1), metadata=metadata)).order
    assert again.id == first.id
    # The field and the header are one key.
    same = create_request(catalog, 1, idempotency_key="rest-42")
    assert (await orders.CreateOrder(same)).order.id == first.id
    error = await rpc_error(
        orders.CreateOrder(create_request(catalog, 7), metadata=metadata),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert violated_fields(error) == {"idempotency_key"}
    error = await rpc_error(
        orders.CreateOrder(create_request(catalog, 1), metadata=(("idempotency-key", "  "),)),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert violated_fields(error) == {"idempotency_key"}
    # Without a key, every call is a new order.
    plain = [(await orders.CreateOrder(create_request(catalog, 1))).order.id for _ in range(2)]
    assert len({first.id, *plain}) == 3


async def test_external_reference_is_the_key_when_none_is_given(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog
) -> None:
    orders = orders_stub(oms_channel)
    first = (await orders.CreateOrder(create_request(catalog, 1, external_reference="PO-9"))).order
    again = (await orders.CreateOrder(create_request(catalog, 1, external_reference="PO-9"))).order
    assert again.id == first.id
    error = await rpc_error(
        orders.CreateOrder(create_request(catalog, 4, external_reference="PO-9")),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert error_reason(error) == "EXTERNAL_REFERENCE_REUSED"
    assert violated_fields(error) == {"external_reference"}


async def test_an_order_ref_created_by_csv_and_by_api_is_one_order(
    oms_channel: grpc.aio.Channel, catalog: SellerCatalog, mongo_store: MongoStore
) -> None:
    # As the CSV ingester stores an order_ref group: key `ref:{order_ref}`, no request hash.
    repository = OrderRepository(mongo_store.db["orders"])
    uploaded = new_order(
        tenant_id=catalog.tenant_id,
        seller_id=catalog.seller_id,
        hub_id=catalog.hub_id,
        lines=[(catalog.sku_id(0), catalog.sku_code(0), 2), (catalog.sku_id(1), "", 1)],
        external_reference="R-1",
        upload_id="upload-1",
        idempotency_key="ref:R-1",
    )
    await repository.insert(uploaded, topic="unused", trace_id=None)

    orders = orders_stub(oms_channel)
    by_api = create_request(catalog, 1, external_reference="R-1")
    by_api.lines[0].sku_id, by_api.lines[0].sku_code = "", catalog.sku_code(1)
    by_api.lines.append(order_pb2.OrderLine(sku_id=catalog.sku_id(0), quantity=2))
    assert (await orders.CreateOrder(by_api)).order.id == uploaded.id

    different = create_request(catalog, 2, external_reference="R-1")
    await rpc_error(orders.CreateOrder(different), grpc.StatusCode.FAILED_PRECONDITION)
    assert await repository.collection.count_documents({}) == 1


async def test_concurrent_identical_creates_make_one_order_and_one_event(
    oms_channel: grpc.aio.Channel,
    catalog: SellerCatalog,
    mongo_store: MongoStore,
    kafka_settings: KafkaSettings,
) -> None:
    orders = orders_stub(oms_channel)
    request = create_request(catalog, 1, 2, idempotency_key="burst")
    replies = await asyncio.gather(*(orders.CreateOrder(request) for _ in range(20)))
    assert len({reply.order.id for reply in replies}) == 1
    assert await mongo_store.db["orders"].count_documents({}) == 1

    messages = await read_events(kafka_settings, kafka_settings.topic_order_created, 1)
    assert [event.order.id for event in created_events(messages)] == [replies[0].order.id]
