"""Idempotency of order creation: claimed keys, request fingerprints, repeat decisions."""

from __future__ import annotations

import dataclasses

from oms_grpc.core.domain.bulk_orders import HubInfo, SkuInfo, group_order
from oms_grpc.core.domain.csv_rows import ParsedRow, Ref
from oms_grpc.core.domain.idempotency import (
    IdempotencyKey,
    OrderIntent,
    RequestedLine,
    StoredOrder,
    idempotency_key,
    is_same_request,
    order_ref_key,
    request_fingerprint,
)

TENANT = "0190f0c2-0000-7000-8000-000000000001"
SELLER = "0190f0c2-0000-7000-8000-000000000002"
HUB = "0190f0c2-0000-7000-8000-000000000003"
SKU_A = "0190f0c2-0000-7000-8000-00000000000a"
SKU_B = "0190f0c2-0000-7000-8000-00000000000b"


def _intent(**changes: object) -> OrderIntent:
    intent = OrderIntent(
        tenant_id=TENANT,
        seller_id=SELLER,
        hub_id=HUB,
        lines=(RequestedLine(SKU_A, "", 2, (0,)), RequestedLine("", "sku-b", 5, (1,))),
        external_reference="PO-1",
        attributes={"channel": "web", "gift": "yes"},
    )
    return dataclasses.replace(intent, **changes)  # type: ignore[arg-type]


def test_caller_key_wins_then_external_reference_then_none() -> None:
    assert idempotency_key("abc", "PO-1") == IdempotencyKey("key:abc", "idempotency_key")
    assert idempotency_key("", "PO-1") == IdempotencyKey("ref:PO-1", "external_reference")
    assert idempotency_key("", "") is None


def test_external_reference_shares_the_csv_order_ref_namespace() -> None:
    row = ParsedRow(2, TENANT, SELLER, Ref("id", HUB), Ref("id", SKU_A), 1, "PO-1", {})
    draft, rejected = group_order("PO-1", [(row, HubInfo(HUB, SELLER), SkuInfo(SKU_A, "a"))])
    assert draft is not None and not rejected
    assert order_ref_key("PO-1") == draft.idempotency_key


def test_caller_keys_cannot_collide_with_order_refs_or_upload_lines() -> None:
    assert idempotency_key("ref:PO-1", "") == IdempotencyKey("key:ref:PO-1", "idempotency_key")
    assert idempotency_key("upload:u:2", "") == IdempotencyKey("key:upload:u:2", "idempotency_key")


def test_fingerprint_is_stable_and_ignores_line_order_and_positions() -> None:
    first = request_fingerprint(_intent())
    assert first == request_fingerprint(_intent())
    assert first.startswith("v1:")
    reordered = _intent(
        lines=(RequestedLine("", "sku-b", 5, (0,)), RequestedLine(SKU_A, "", 2, (1, 2))),
        attributes={"gift": "yes", "channel": "web"},
    )
    assert request_fingerprint(reordered) == first


def test_fingerprint_changes_with_every_part_of_the_request() -> None:
    base = request_fingerprint(_intent())
    variants = [
        _intent(tenant_id=SKU_B),
        _intent(seller_id=SKU_B),
        _intent(hub_id=SKU_B),
        _intent(lines=(RequestedLine(SKU_A, "", 3, (0,)),)),
        _intent(lines=(RequestedLine(SKU_B, "", 2, (0,)), RequestedLine("", "sku-b", 5, (1,)))),
        _intent(external_reference="PO-2"),
        _intent(attributes={"channel": "web"}),
        _intent(attributes={"channel": "web", "gift": "no"}),
    ]
    assert len({base, *(request_fingerprint(v) for v in variants)}) == len(variants) + 1


def test_api_orders_are_compared_by_fingerprint() -> None:
    intent = _intent()
    stored = StoredOrder(request_fingerprint(intent), SELLER, HUB, {})
    assert is_same_request(intent, stored, None) is True
    assert is_same_request(_intent(external_reference="other"), stored, None) is False


def test_orders_without_fingerprint_are_compared_by_resolved_content() -> None:
    stored = StoredOrder(None, SELLER, HUB, {SKU_A: 2, SKU_B: 5})
    intent = _intent()
    assert is_same_request(intent, stored, None) is None  # needs the resolved lines
    assert is_same_request(intent, stored, {SKU_B: 5, SKU_A: 2}) is True
    assert is_same_request(intent, stored, {SKU_A: 2, SKU_B: 6}) is False
    assert is_same_request(_intent(hub_id=SKU_B), stored, {SKU_A: 2, SKU_B: 5}) is False
    assert is_same_request(_intent(seller_id=SKU_B), stored, {SKU_A: 2, SKU_B: 5}) is False
