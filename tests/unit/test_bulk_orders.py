from __future__ import annotations

from oms_grpc.core.domain.bulk_orders import (
    HubInfo,
    RejectedRow,
    SkuInfo,
    group_order,
    resolve,
    single_line_order,
)
from oms_grpc.core.domain.csv_rows import ParsedRow, Problem, Ref
from oms_grpc.core.domain.order import OrderLine

T, S, S2 = "t-1", "s-1", "s-2"
HUB = HubInfo("hub-1", S)
HUB2 = HubInfo("hub-2", S)
SKU_A = SkuInfo("sku-a", "A")
SKU_B = SkuInfo("sku-b", "B")
HUBS = {Ref("code", "BER"): HUB, Ref("id", "hub-1"): HUB, Ref("code", "HAM"): HUB2}
SKUS = {Ref("code", "A"): SKU_A, Ref("code", "B"): SKU_B}


def row(
    line: int, hub: str = "BER", sku: str = "A", qty: int = 1, ref: str = "", seller: str = S
) -> ParsedRow:
    return ParsedRow(line, T, seller, Ref("code", hub), Ref("code", sku), qty, ref, {})


def test_resolve_finds_hub_and_sku() -> None:
    assert resolve(row(2), HUBS, SKUS) == (HUB, SKU_A)


def test_resolve_names_what_is_unknown_or_foreign() -> None:
    assert resolve(row(2, hub="NOPE"), HUBS, SKUS) == Problem("unknown_hub", {"value": "NOPE"})
    assert resolve(row(2, sku="Z"), HUBS, SKUS) == Problem("unknown_sku", {"value": "Z"})
    assert resolve(row(2, seller=S2), HUBS, SKUS) == Problem(
        "hub_not_of_seller", {"value": "BER", "seller": S2}
    )


def test_single_line_orders_are_keyed_by_upload_and_line() -> None:
    draft = single_line_order("up-1", row(9, qty=4), HUB, SKU_A)
    assert draft.idempotency_key == "upload:up-1:9"
    assert draft.lines == (OrderLine("sku-a", "A", 4),)
    assert draft.source_lines == (9,)


def test_group_merges_lines_by_sku_and_keys_by_order_ref() -> None:
    members = [
        (row(2, ref="PO-1", qty=2), HUB, SKU_A),
        (row(3, sku="B", ref="PO-1"), HUB, SKU_B),
        (row(5, ref="PO-1", qty=3), HUB, SKU_A),
    ]
    draft, rejected = group_order("PO-1", members)
    assert rejected == []
    assert draft is not None
    assert draft.idempotency_key == "ref:PO-1"
    assert draft.lines == (OrderLine("sku-a", "A", 5), OrderLine("sku-b", "B", 1))
    assert draft.source_lines == (2, 3, 5)


def test_one_bad_row_rejects_the_whole_group() -> None:
    bad = RejectedRow(4, Problem("quantity_not_integer", {"value": "x"}))
    draft, rejected = group_order(
        "PO-1", [(row(2, ref="PO-1"), HUB, SKU_A), bad, (row(6, ref="PO-1"), HUB, SKU_B)]
    )
    assert draft is None
    assert rejected == [
        RejectedRow(2, Problem("order_ref_failed", {"value": "PO-1", "line": "4"})),
        bad,
        RejectedRow(6, Problem("order_ref_failed", {"value": "PO-1", "line": "4"})),
    ]


def test_rows_of_one_order_must_agree_on_hub_and_seller() -> None:
    draft, rejected = group_order(
        "PO-1", [(row(2, ref="PO-1"), HUB, SKU_A), (row(3, hub="HAM", ref="PO-1"), HUB2, SKU_B)]
    )
    assert draft is None
    assert [r.line for r in rejected] == [2, 3]
    assert rejected[1].problem == Problem("order_ref_conflict", {"value": "PO-1", "field": "hub"})
