"""The issue's acceptance files, end to end on the real stack: S3 → ingester → MongoDB →
outbox relay → Kafka, with hubs and SKUs looked up in the test's own IMS."""

from __future__ import annotations

import uuid

import grpc
from oms.v1 import order_pb2

from consumers.csv_ingester.consumer import Outcome
from oms_grpc.core.repositories.uploads import UploadState
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.csv_ingester_support import (
    created_events,
    error_rows,
    errors_by_line,
    ingester,
    ingester_settings,
    orders_of,
    receive,
    submit,
)
from tests.support.ims_catalog import ImsCatalog


async def test_original_format_good_rows_become_orders_bad_rows_the_error_file(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    mine = await ims.seller_catalog(skus=4)
    other = await ims.seller_catalog(skus=1)  # another tenant
    t, s, h = mine.tenant_id, mine.seller_id, mine.hub_id
    sku = [mine.sku_id(i) for i in range(4)]
    unknown = str(uuid.uuid4())
    lines = [
        "\ufefftenant_id,seller_id,hub_id,sku_id,quantity",  # 1: BOM + header
        f"{t},{s},{h},{sku[0]},5",  # 2: good
        f'"{t}","{s}","{h}","{sku[1]}","12"',  # 3: good, quoted
        f"{t},{s},{h},{sku[2]},",  # 4: quantity missing
        f"{t},{s},{h},{sku[2]},ABC",  # 5
        f"{t},{s},{h},{sku[2]},-5",  # 6
        f"{t},{s},{h},{sku[2]},0",  # 7
        f"{t},{s},{h},{sku[2]},1.5",  # 8
        f"{t},{s},{unknown},{sku[2]},1",  # 9: unknown hub
        f"{t},{s},{h},{unknown},1",  # 10: unknown SKU
        f"{t},{s},{h},{other.sku_id(0)},1",  # 11: SKU of another tenant
        "",  # 12: blank
        ",,,,",  # 13: blank too
        f"{t},,{h},{sku[2]},1",  # 14: seller missing
        f"{t},{s},{h},{sku[3]},7,surplus",  # 15: a value beyond the header
        f"{t},{s},{h},{sku[3]},8,",  # 16: good (an empty trailing value is no value)
        f"{other.tenant_id},{s},{h},{sku[2]},1",  # 17: another tenant's row
        f"  {t} , {s} ,{h},{sku[2].upper()}, 3 ",  # 18: good (spaces, upper-case id)
        f"{t},{s},{h},{sku[0]},5",  # 19: good (same as line 2: a second order)
    ]
    content = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    settings = ingester_settings(oms_settings, batch_size=4)

    async with ingester(settings) as deps:
        request = await submit(deps, t, content)
        assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED

        upload = await deps.core.uploads.get(t, request.upload_id)
        assert upload is not None
        orders = await orders_of(deps, request.upload_id)
        events = await created_events(settings.core.kafka, expected=len(orders))
        orders = await orders_of(deps, request.upload_id)  # now with their events relayed

    good = {2: (sku[0], 5), 3: (sku[1], 12), 16: (sku[3], 8), 18: (sku[2], 3), 19: (sku[0], 5)}
    assert {o["idempotency_key"] for o in orders} == {
        f"upload:{request.upload_id}:{line}" for line in good
    }
    for order in orders:
        line = int(order["idempotency_key"].rsplit(":", 1)[1])
        assert order["status"] == "on_hold"
        assert (order["tenant_id"], order["seller_id"], order["hub_id"]) == (t, s, h)
        [order_line] = order["lines"]
        assert (order_line["sku_id"], order_line["quantity"]) == good[line]
        assert order["outbox_pending"] is False  # its event was relayed

    # Exactly one order.created per order, carrying the order and the upload's trace id.
    assert sorted(e.order.id for e in events) == sorted(o["_id"] for o in orders)
    assert all(e.tenant_id == t and e.trace_id == request.trace_id for e in events)
    assert all(e.order.status == order_pb2.ORDER_STATUS_ON_HOLD for e in events)
    assert all(e.order.upload_id == request.upload_id for e in events)

    rows = await error_rows(deps, upload)
    assert rows[0] == [
        "tenant_id", "seller_id", "hub_id", "sku_id", "quantity",
        "error_code", "error_params", "line",
    ]  # fmt: skip
    assert errors_by_line(rows) == {
        4: "missing_field",
        5: "quantity_not_integer",
        6: "quantity_not_positive",
        7: "quantity_not_positive",
        8: "quantity_not_integer",
        9: "unknown_hub",
        10: "unknown_sku",
        11: "unknown_sku",
        14: "missing_field",
        15: "too_many_values",
        17: "tenant_mismatch",
    }
    by_line = {int(row[-1]): row for row in rows[1:]}
    assert by_line[5][:5] == [t, s, h, sku[2], "ABC"]  # the original values, as they were
    assert by_line[15][:5] == [t, s, h, sku[3], "7"]
    assert by_line[14][6] == '{"field":"seller_id"}'

    assert upload["state"] == UploadState.COMPLETED.value
    assert upload["error_file_name"] == f"{request.upload_id}_errors.csv"
    assert (
        upload["rows_read"],
        upload["rows_accepted"],
        upload["rows_rejected"],
        upload["orders_created"],
    ) == (16, 5, 11, 5)


async def test_codes_any_column_order_extra_columns_and_order_ref_groups(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    ims = ImsCatalog(ims_channel)
    mine = await ims.seller_catalog(skus=3)
    t, s, hub = mine.tenant_id, mine.seller_id, mine.hub.code
    code = [mine.sku_code(i) for i in range(3)]
    content = "\n".join(
        [
            "Quantity, SKU_Code ,order_ref,hub_code,seller_id,tenant_id,note",  # 1
            f"2,{code[0]},ORD-1,{hub},{s},{t},first",  # 2: ORD-1
            f"3,{code[1]},ORD-1,{hub},{s},{t},",  # 3: ORD-1
            f'1,{code[2]},,{hub},{s},{t},"two\nlines, quoted"',  # 4-5: a one-line order
            f"4,{code[0]},ORD-2,{hub},{s},{t},",  # 6: ORD-2 ...
            f"x,{code[1]},ORD-2,{hub},{s},{t},",  # 7: ... has a bad row: all of it rejected
            f"5,{code[0]},ORD-1,{hub},{s},{t},last",  # 8: ORD-1 again (same SKU: added up)
            f"1,{code[1]},ORD-3,{hub},{s},{t},",  # 9: ORD-3 ...
            f"1,no-such-sku,ORD-3,{hub},{s},{t},",  # 10: ... unknown SKU sinks it
        ]
    ).encode()
    settings = ingester_settings(oms_settings, batch_size=3)

    async with ingester(settings) as deps:
        request = await submit(deps, t, content)
        assert await deps.ingester.handle(await receive(deps)) is Outcome.COMPLETED
        upload = await deps.core.uploads.get(t, request.upload_id)
        assert upload is not None
        orders = {o["idempotency_key"]: o for o in await orders_of(deps, request.upload_id)}
        events = await created_events(settings.core.kafka, expected=len(orders))
        rows = await error_rows(deps, upload)

    assert set(orders) == {"ref:ORD-1", f"upload:{request.upload_id}:4"}
    grouped = orders["ref:ORD-1"]
    assert grouped["external_reference"] == "ORD-1"
    assert [(line["sku_code"], line["quantity"]) for line in grouped["lines"]] == [
        (code[0], 7),
        (code[1], 3),
    ]
    assert grouped["hub_id"] == mine.hub_id
    assert grouped["attributes"] == {"note": "first"}
    single = orders[f"upload:{request.upload_id}:4"]
    assert single["attributes"] == {"note": "two\nlines, quoted"}
    assert [(line["sku_id"], line["quantity"]) for line in single["lines"]] == [(mine.sku_id(2), 1)]
    assert sorted(e.order.id for e in events) == sorted(o["_id"] for o in orders.values())

    assert rows[0][:7] == ["Quantity", "SKU_Code", "order_ref", "hub_code", "seller_id",
                           "tenant_id", "note"]  # fmt: skip
    assert errors_by_line(rows) == {
        6: "order_ref_failed",
        7: "quantity_not_integer",
        9: "order_ref_failed",
        10: "unknown_sku",
    }
    assert (
        upload["rows_read"],
        upload["rows_accepted"],
        upload["rows_rejected"],
        upload["orders_created"],
    ) == (8, 4, 4, 2)
