"""A tenant key exchanged for a short-lived token (IssueToken), then used on IMS and OMS."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.duration_pb2 import Duration
from iam.v1 import api_key_pb2, api_key_pb2_grpc, token_pb2, token_pb2_grpc
from ims.v1 import inventory_pb2, inventory_pb2_grpc
from oms.v1 import order_pb2, order_pb2_grpc

from common.grpc.server import GrpcServer
from tests.support.auth import bearer
from tests.support.ims_catalog import ImsCatalog


async def _key(
    admin: grpc.aio.Channel, tenant_id: str, *scopes: api_key_pb2.Scope.ValueType
) -> api_key_pb2.CreateApiKeyResponse:
    reply: api_key_pb2.CreateApiKeyResponse = await api_key_pb2_grpc.ApiKeyServiceStub(
        admin
    ).CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(tenant_id=tenant_id, name="partner", scopes=scopes)
    )
    return reply


async def test_a_token_works_on_both_services_and_names_its_subject(
    ims_channel: grpc.aio.Channel, ims_server: GrpcServer, oms_server: GrpcServer
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    key = await _key(
        ims_channel, catalog.tenant_id, api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE
    )
    async with (
        grpc.aio.insecure_channel(f"127.0.0.1:{ims_server.port}") as ims,
        grpc.aio.insecure_channel(f"127.0.0.1:{oms_server.port}") as oms,
    ):
        issued = await token_pb2_grpc.TokenServiceStub(ims).IssueToken(
            token_pb2.IssueTokenRequest(subject="alice", ttl=Duration(seconds=120)),
            metadata=bearer(key.secret),
        )
        assert issued.access_token.startswith("at_")
        assert issued.actor == f"key:{key.api_key.id}/alice"
        inventory = inventory_pb2_grpc.InventoryServiceStub(ims)
        await inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                hub_id=catalog.hub_id,
                sku_id=catalog.sku_id(0),
                delta_quantity_on_hand=4,
                reason="delivery",
                reference="po-token",
            ),
            metadata=bearer(issued.access_token),
        )
        ledger = await inventory.ListInventoryTransactions(
            inventory_pb2.ListInventoryTransactionsRequest(), metadata=bearer(issued.access_token)
        )
        created = await order_pb2_grpc.OrderServiceStub(oms).CreateOrder(
            order_pb2.CreateOrderRequest(
                seller_id=catalog.seller_id,
                hub_id=catalog.hub_id,
                lines=[order_pb2.OrderLine(sku_id=catalog.sku_id(0), quantity=1)],
            ),
            metadata=bearer(issued.access_token),
        )
    assert [t.actor for t in ledger.transactions if t.reference == "po-token"] == [issued.actor]
    assert created.order.tenant_id == catalog.tenant_id
    assert [c.actor for c in created.order.status_history] == [issued.actor]


async def test_a_token_is_not_renewed_with_itself_and_keeps_the_keys_scopes(
    ims_channel: grpc.aio.Channel, ims_server: GrpcServer
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    key = await _key(ims_channel, catalog.tenant_id, api_key_pb2.SCOPE_READ)
    async with grpc.aio.insecure_channel(f"127.0.0.1:{ims_server.port}") as ims:
        tokens = token_pb2_grpc.TokenServiceStub(ims)
        issued = await tokens.IssueToken(token_pb2.IssueTokenRequest(), metadata=bearer(key.secret))
        with pytest.raises(grpc.aio.AioRpcError) as renewed:
            await tokens.IssueToken(
                token_pb2.IssueTokenRequest(), metadata=bearer(issued.access_token)
            )
        assert renewed.value.code() is grpc.StatusCode.PERMISSION_DENIED
        with pytest.raises(grpc.aio.AioRpcError) as written:
            await inventory_pb2_grpc.InventoryServiceStub(ims).UpsertInventory(
                inventory_pb2.UpsertInventoryRequest(
                    hub_id=catalog.hub_id, sku_id=catalog.sku_id(0), delta_quantity_on_hand=1
                ),
                metadata=bearer(issued.access_token),
            )
        assert written.value.code() is grpc.StatusCode.PERMISSION_DENIED
        assert "write scope" in (written.value.details() or "")
        with pytest.raises(grpc.aio.AioRpcError) as too_long:
            await tokens.IssueToken(
                token_pb2.IssueTokenRequest(ttl=Duration(seconds=86_400)),
                metadata=bearer(key.secret),
            )
        assert too_long.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert "ttl" in (too_long.value.details() or "")
        tampered = issued.access_token[:-2] + (
            "AA" if not issued.access_token.endswith("AA") else "BB"
        )
        with pytest.raises(grpc.aio.AioRpcError) as forged:
            await inventory_pb2_grpc.InventoryServiceStub(ims).GetInventory(
                inventory_pb2.GetInventoryRequest(), metadata=bearer(tampered)
            )
        assert forged.value.code() is grpc.StatusCode.UNAUTHENTICATED
