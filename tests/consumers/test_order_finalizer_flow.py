"""The event-driven half end to end on the real stack: a CSV through CreateUpload → the
ingester → `order.created` → the finalizer reserves in IMS → NEW_ORDER or ON_HOLD with the
reason; a restock (`inventory.changed` from IMS's outbox) finalizes the waiting orders."""

from __future__ import annotations

import asyncio

import grpc
from google.api import httpbody_pb2
from ims.v1 import inventory_pb2
from oms.v1 import events_pb2, order_pb2, upload_pb2, upload_pb2_grpc

from oms_grpc.main import OmsSettingsBundle
from tests.consumers.csv_ingester_support import ingester, ingester_settings
from tests.consumers.finalizer_support import (
    finalizer,
    finalizer_settings,
    has_shortage,
    is_new_order,
    ledger,
    wait_for_orders,
)
from tests.oms.test_orders_helpers import create_request, orders_stub, read_events
from tests.support.ims_catalog import ImsCatalog

HEADER = "tenant_id,seller_id,hub_id,sku_id,quantity,order_ref"


async def _upload(channel: grpc.aio.Channel, tenant_id: str, content: bytes) -> str:
    reply = await upload_pb2_grpc.UploadServiceStub(channel).CreateUpload(
        upload_pb2.CreateUploadRequest(
            tenant_id=tenant_id,
            filename="orders.csv",
            file=httpbody_pb2.HttpBody(content_type="text/csv", data=content),
        )
    )
    return reply.upload.id


async def _wait_completed(channel: grpc.aio.Channel, tenant_id: str, upload_id: str) -> None:
    uploads = upload_pb2_grpc.UploadServiceStub(channel)
    async with asyncio.timeout(60):
        while True:
            upload = (
                await uploads.GetUpload(
                    upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=upload_id)
                )
            ).upload
            if upload.state == upload_pb2.UPLOAD_STATE_COMPLETED:
                return
            await asyncio.sleep(0.2)


async def test_csv_orders_are_finalized_the_rest_wait_with_the_reason_and_a_restock_finalizes_them(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await ims.seller_catalog(skus=2)
    t, s, h = c.tenant_id, c.seller_id, c.hub_id
    a, b = c.sku_id(0), c.sku_id(1)
    await ims.set_stock(t, h, a, 10)
    await ims.set_stock(t, h, b, 1)
    rows = [
        # Orders are finalized concurrently, so the file is one whose outcome does not depend
        # on their order: R1 and R2 fit together, R3 never fits, R5 always does, R4 never.
        f"{t},{s},{h},{a},4,R1",
        f"{t},{s},{h},{a},5,R2",
        f"{t},{s},{h},{a},11,R3",
        f"{t},{s},{h},{b},2,R4",
        f"{t},{s},{h},{b},1,R5",
        f"{t},{s},{h},{a},ABC,R6",  # rejected by the ingester
    ]
    content = ("\n".join([HEADER, *rows]) + "\n").encode()

    async with (
        ingester(ingester_settings(oms_settings), consume=True),
        finalizer(finalizer_settings(oms_settings)),
    ):
        upload_id = await _upload(oms_channel, t, content)
        await _wait_completed(oms_channel, t, upload_id)
        orders = orders_stub(oms_channel)
        listed = (
            await orders.ListOrders(order_pb2.ListOrdersRequest(tenant_id=t, page_size=50))
        ).orders
        by_ref = {o.external_reference: o.id for o in listed}
        assert sorted(by_ref) == ["R1", "R2", "R3", "R4", "R5"]

        settled = {
            o.external_reference: o
            for o in await wait_for_orders(
                orders, t, list(by_ref.values()), lambda o: is_new_order(o) or has_shortage(o)
            )
        }
        assert {r for r, o in settled.items() if is_new_order(o)} == {"R1", "R2", "R5"}
        r3 = settled["R3"]
        assert r3.status == order_pb2.ORDER_STATUS_ON_HOLD
        [short] = r3.shortages
        assert (short.sku_id, short.requested) == (a, 11)
        assert short.available in {10, 6, 5, 1}  # what was free when R3 was tried
        assert r3.HasField("shortage_time")
        [short] = settled["R4"].shortages
        assert (short.sku_id, short.requested) == (b, 2) and short.available in {0, 1}
        assert settled["R1"].status_history[-1].reason == "stock reserved"
        # Each change names who made it: the ingester created, the finalizer reserved.
        assert [c.actor for c in settled["R1"].status_history] == [
            "service:csv-ingester",
            "service:order-finalizer",
        ]

        level_a = await ims.level(t, h, a)
        assert (level_a.quantity_on_hand, level_a.quantity_reserved) == (10, 9)
        level_b = await ims.level(t, h, b)
        assert (level_b.quantity_on_hand, level_b.quantity_reserved) == (1, 1)
        for ref in ("R1", "R2", "R5"):  # exactly one reservation row per finalized order
            rows_of = await ledger(ims_channel, t, reference=by_ref[ref])
            assert [r.type for r in rows_of] == [inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE]
        for ref in ("R3", "R4"):
            assert await ledger(ims_channel, t, reference=by_ref[ref]) == []

        # A restock of b by 2: the waiting order R4 (2 of b) fits and is finalized.
        await ims.inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=t, hub_id=h, sku_id=b, delta_quantity_on_hand=2, reason="restock"
            )
        )
        [r4] = await wait_for_orders(orders, t, [by_ref["R4"]], is_new_order)
        assert list(r4.shortages) == [] and not r4.HasField("shortage_time")
        level_b = await ims.level(t, h, b)
        assert (level_b.quantity_on_hand, level_b.quantity_reserved) == (3, 3)

    updated = await read_events(
        oms_settings.core.kafka, oms_settings.core.kafka.topic_order_updated, expected=4
    )
    finalized = {
        events_pb2.OrderUpdated.FromString(m.value).order.id
        for m in updated
        if events_pb2.OrderUpdated.FromString(m.value).order.status
        == order_pb2.ORDER_STATUS_NEW_ORDER
    }
    assert finalized == {by_ref[r] for r in ("R1", "R2", "R4", "R5")}


async def test_a_restock_finalizes_waiting_orders_in_creation_order_skipping_those_too_big(
    oms_settings: OmsSettingsBundle, oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    c = await ims.seller_catalog(skus=1)
    t, h, a = c.tenant_id, c.hub_id, c.sku_id(0)
    orders = orders_stub(oms_channel)
    async with finalizer(finalizer_settings(oms_settings)):
        ids = []
        for quantity in (2, 5, 1, 2, 1):  # created in this order, no stock at all
            ids.append((await orders.CreateOrder(create_request(c, quantity))).order.id)
        await wait_for_orders(orders, t, ids, has_shortage)

        # 4 units: first fit in creation order → 2 (first), skip 5, 1, then the second 2
        # does not fit the 1 left, the last 1 does.
        await ims.inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=t, hub_id=h, sku_id=a, delta_quantity_on_hand=4, reason="restock"
            )
        )
        done = [ids[0], ids[2], ids[4]]
        await wait_for_orders(orders, t, done, is_new_order)
        waiting = await wait_for_orders(orders, t, [ids[1], ids[3]], has_shortage)
        assert all(o.status == order_pb2.ORDER_STATUS_ON_HOLD for o in waiting)
        level = await ims.level(t, h, a)
        assert (level.quantity_on_hand, level.quantity_reserved) == (4, 4)
