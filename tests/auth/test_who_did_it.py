"""Every stock movement and every order status change names the credential that made it."""

from __future__ import annotations

import grpc
from iam.v1 import api_key_pb2, api_key_pb2_grpc
from ims.v1 import inventory_pb2, inventory_pb2_grpc
from oms.v1 import order_pb2, order_pb2_grpc

from common.grpc.server import GrpcServer
from tests.support.auth import bearer
from tests.support.ims_catalog import ImsCatalog


async def _key(admin: grpc.aio.Channel, tenant_id: str) -> api_key_pb2.CreateApiKeyResponse:
    reply: api_key_pb2.CreateApiKeyResponse = await api_key_pb2_grpc.ApiKeyServiceStub(
        admin
    ).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=tenant_id,
            name="integration",
            scopes=[api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE],
        )
    )
    return reply


async def test_the_ledger_names_the_key_or_the_admin_behind_each_movement(
    ims_channel: grpc.aio.Channel, ims_server: GrpcServer
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    key = await _key(ims_channel, catalog.tenant_id)
    await ImsCatalog(ims_channel).set_stock(catalog.tenant_id, catalog.hub_id, catalog.sku_id(0), 5)
    async with grpc.aio.insecure_channel(f"127.0.0.1:{ims_server.port}") as channel:
        inventory = inventory_pb2_grpc.InventoryServiceStub(channel)
        await inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                hub_id=catalog.hub_id,
                sku_id=catalog.sku_id(0),
                delta_quantity_on_hand=3,
                reason="delivery",
                reference="po-1",
            ),
            metadata=bearer(key.secret),
        )
        ledger = await inventory.ListInventoryTransactions(
            inventory_pb2.ListInventoryTransactionsRequest(), metadata=bearer(key.secret)
        )
    actors = {(t.reference, t.actor) for t in ledger.transactions}
    assert ("po-1", f"key:{key.api_key.id}") in actors
    assert {a for _, a in actors} == {f"key:{key.api_key.id}", "admin"}


async def test_order_history_names_the_key_that_created_and_cancelled_it(
    ims_channel: grpc.aio.Channel, oms_server: GrpcServer
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    key = await _key(ims_channel, catalog.tenant_id)
    async with grpc.aio.insecure_channel(f"127.0.0.1:{oms_server.port}") as channel:
        orders = order_pb2_grpc.OrderServiceStub(channel)
        created = await orders.CreateOrder(
            order_pb2.CreateOrderRequest(
                seller_id=catalog.seller_id,
                hub_id=catalog.hub_id,
                lines=[order_pb2.OrderLine(sku_id=catalog.sku_id(0), quantity=1)],
            ),
            metadata=bearer(key.secret),
        )
        cancelled = await orders.CancelOrder(
            order_pb2.CancelOrderRequest(id=created.order.id, reason="changed mind"),
            metadata=bearer(key.secret),
        )
    assert created.order.tenant_id == catalog.tenant_id
    assert [(c.status, c.actor) for c in cancelled.order.status_history] == [
        (order_pb2.ORDER_STATUS_ON_HOLD, f"key:{key.api_key.id}"),
        (order_pb2.ORDER_STATUS_CANCELLED, f"key:{key.api_key.id}"),
    ]
