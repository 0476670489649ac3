"""The partner journey against live servers (run by the project's tests/sdk with the
OMSIMS_* environment; skipped without it)."""

from __future__ import annotations

import io
import json
import os
import uuid

import pytest
from ims.v1 import hub_pb2, inventory_pb2, seller_pb2, sku_pb2
from oms.v1 import order_pb2, upload_pb2

from oms_ims_sdk import (
    InvalidArgumentError,
    NotFoundError,
    SendProgress,
    connect,
    pages,
    upload_file,
)

ENV = ("OMSIMS_IMS_TARGET", "OMSIMS_OMS_TARGET", "OMSIMS_TENANT_ID", "OMSIMS_API_KEY")
pytestmark = pytest.mark.skipif(
    not all(os.environ.get(name) for name in ENV), reason="no live servers (OMSIMS_* unset)"
)


async def test_journey() -> None:
    tenant = os.environ["OMSIMS_TENANT_ID"]
    suffix = uuid.uuid4().hex[:8]
    async with connect(
        ims_target=os.environ["OMSIMS_IMS_TARGET"],
        oms_target=os.environ["OMSIMS_OMS_TARGET"],
        api_key=os.environ["OMSIMS_API_KEY"],
    ) as client:
        seller = (
            await client.sellers.CreateSeller(
                seller_pb2.CreateSellerRequest(
                    seller=seller_pb2.Seller(tenant_id=tenant, name="Smoke", code=f"s-{suffix}")
                )
            )
        ).seller
        hub = (
            await client.hubs.CreateHub(
                hub_pb2.CreateHubRequest(
                    hub=hub_pb2.Hub(
                        tenant_id=tenant, seller_id=seller.id, name="Smoke", code=f"h-{suffix}"
                    )
                )
            )
        ).hub
        sku = (
            await client.skus.CreateSku(
                sku_pb2.CreateSkuRequest(
                    sku=sku_pb2.Sku(
                        tenant_id=tenant, seller_id=seller.id, name="Smoke", code=f"k-{suffix}"
                    )
                )
            )
        ).sku
        await client.inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=tenant,
                hub_id=hub.id,
                sku_id=sku.id,
                set_quantity_on_hand=10,
                reason="sdk smoke",
            )
        )
        order_ids = []
        for _ in range(3):
            created = await client.orders.CreateOrder(
                order_pb2.CreateOrderRequest(
                    tenant_id=tenant,
                    seller_id=seller.id,
                    hub_id=hub.id,
                    lines=[order_pb2.OrderLine(sku_id=sku.id, quantity=1)],
                )
            )
            order_ids.append(created.order.id)
        first = await client.orders.GetOrder(
            order_pb2.GetOrderRequest(tenant_id=tenant, id=order_ids[0])
        )
        assert first.order.id == order_ids[0]

        paged, page_count = [], 0
        async for page in pages(
            client.orders.ListOrders, order_pb2.ListOrdersRequest(tenant_id=tenant), page_size=2
        ):
            page_count += 1
            paged.extend(o.id for o in page.orders)

        with pytest.raises(NotFoundError) as foreign:
            await client.orders.GetOrder(
                order_pb2.GetOrderRequest(
                    tenant_id=tenant, id=os.environ["OMSIMS_FOREIGN_ORDER_ID"]
                )
            )

        # The upload helper: a small file streamed with progress, and a refused one.
        csv = (
            "tenant_id,seller_id,hub_id,sku_id,quantity\n"
            f"{tenant},{seller.id},{hub.id},{sku.id},1\n"
        ).encode()
        progress: list[SendProgress] = []
        upload = await upload_file(
            client, tenant, io.BytesIO(csv), filename="smoke.csv", on_progress=progress.append
        )
        assert upload.state == upload_pb2.UPLOAD_STATE_QUEUED
        assert progress[-1] == SendProgress(len(csv), len(csv))
        with pytest.raises(InvalidArgumentError) as refused:
            await upload_file(client, tenant, io.BytesIO(b"not,a\ncsv"), filename="bad.csv")
        assert refused.value.details()

    # On a line of its own (pytest -s -v writes the test's name and verdict around it).
    print(
        "\nSMOKE "
        + json.dumps(
            {
                "seller_id": seller.id,
                "hub_id": hub.id,
                "sku_id": sku.id,
                "order_ids": order_ids,
                "paged_order_ids": paged,
                "pages": page_count,
                "foreign": foreign.value.code().name,
            }
        )
        + "\n"
    )
