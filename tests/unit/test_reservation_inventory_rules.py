"""Pure stock rules: change validation, refusal messages, levels, ledger filters."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from common.validation import Violations
from ims_grpc.domain.inventory_rules import (
    CONCURRENT_CHANGE,
    MAX_QUANTITY,
    ChangeKind,
    InventoryLevel,
    LedgerFilter,
    MissingCatalogue,
    StockChange,
    TransactionType,
    check_change,
    refuse_change,
    unique_in_order,
)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (StockChange(ChangeKind.SET, -1), "set_quantity_on_hand"),
        (StockChange(ChangeKind.SET, MAX_QUANTITY + 1), "set_quantity_on_hand"),
        (StockChange(ChangeKind.ADJUST, 0), "delta_quantity_on_hand"),
        (StockChange(ChangeKind.ADJUST, -MAX_QUANTITY - 1), "delta_quantity_on_hand"),
    ],
)
def test_invalid_changes(change: StockChange, field: str) -> None:
    v = Violations()
    check_change(change, v)
    assert [found.field for found in v.found] == [field]


@pytest.mark.parametrize(
    "change",
    [
        StockChange(ChangeKind.SET, 0),
        StockChange(ChangeKind.SET, MAX_QUANTITY),
        StockChange(ChangeKind.ADJUST, -5),
        StockChange(ChangeKind.ADJUST, MAX_QUANTITY),
    ],
)
def test_valid_changes(change: StockChange) -> None:
    v = Violations()
    check_change(change, v)
    assert not v


def test_new_on_hand_and_ledger_types() -> None:
    assert StockChange(ChangeKind.SET, 7).new_on_hand(100) == 7
    assert StockChange(ChangeKind.ADJUST, -7).new_on_hand(100) == 93
    assert ChangeKind.SET.transaction_type is TransactionType.SET
    assert ChangeKind.ADJUST.transaction_type is TransactionType.ADJUST


def test_refusals_name_the_rule_and_the_numbers() -> None:
    negative = refuse_change(StockChange(ChangeKind.ADJUST, -5), on_hand=3, reserved=0)
    assert negative.reason == "NEGATIVE_STOCK"
    assert "-5" in negative.message and "3" in negative.message
    below = refuse_change(StockChange(ChangeKind.SET, 2), on_hand=10, reserved=4)
    assert below.reason == "BELOW_RESERVED"
    assert "4 units reserved" in below.message
    # Valid against the current numbers: the failure came from a concurrent change.
    assert refuse_change(StockChange(ChangeKind.SET, 5), 10, 4).reason == CONCURRENT_CHANGE


def test_level_available() -> None:
    ids = [uuid.uuid4() for _ in range(3)]
    level = InventoryLevel(*ids, on_hand=10, reserved=4, update_time=None)
    assert level.available == 6


def test_unique_in_order_keeps_first_positions() -> None:
    a, b, c = (uuid.uuid4() for _ in range(3))
    assert unique_in_order([b, a, b, c, a]) == [b, a, c]


def test_missing_catalogue_is_falsy_when_empty() -> None:
    assert not MissingCatalogue()
    assert MissingCatalogue(sku_ids=(uuid.uuid4(),))


def test_ledger_filter_fingerprint_fields_are_plain_and_stable() -> None:
    tenant = uuid.uuid4()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    filters = LedgerFilter(tenant_id=tenant, reference="po-1", start_time=start)
    assert filters.fingerprint_fields() == {
        "tenant_id": str(tenant),
        "hub_id": None,
        "sku_id": None,
        "reference": "po-1",
        "start_time": "2026-01-01T00:00:00+00:00",
        "end_time": None,
    }
    assert filters.fingerprint_fields() != LedgerFilter(tenant_id=tenant).fingerprint_fields()
