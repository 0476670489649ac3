"""Pure rules of reservations: line normalisation, ttl, shortages, status transitions."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from common.validation import Violations
from ims_grpc.domain.inventory_rules import MAX_QUANTITY, TransactionType
from ims_grpc.domain.reservation import (
    MAX_LINES,
    Decision,
    RequestedLine,
    ReservationAction,
    ReservationLine,
    ReservationStatus,
    Shortage,
    check_ttl,
    decide,
    normalise_lines,
    refusal,
    shortages,
)

HUB_A = uuid.UUID("00000000-0000-7000-8000-00000000000a")
HUB_B = uuid.UUID("00000000-0000-7000-8000-00000000000b")
SKU_1 = uuid.UUID("10000000-0000-7000-8000-000000000001")
SKU_2 = uuid.UUID("f0000000-0000-7000-8000-000000000002")


def fields(v: Violations) -> set[str]:
    return {found.field for found in v.found}


def test_lines_are_merged_and_sorted_by_hub_then_sku() -> None:
    v = Violations()
    lines = normalise_lines(
        [
            RequestedLine(str(HUB_B), str(SKU_1), 1),
            RequestedLine(str(HUB_A), str(SKU_2), 2),
            RequestedLine(str(HUB_A), str(SKU_1), 3),
            RequestedLine(str(HUB_A).upper(), str(SKU_2), 4),  # same id, other spelling
        ],
        v,
    )
    assert not v
    assert lines == (
        ReservationLine(HUB_A, SKU_1, 3),
        ReservationLine(HUB_A, SKU_2, 6),
        ReservationLine(HUB_B, SKU_1, 1),
    )


def test_the_line_order_matches_postgresql_uuid_order() -> None:
    """PostgreSQL compares uuids byte by byte; the sort must agree (it is the lock order)."""
    ids = [uuid.uuid4() for _ in range(MAX_LINES)]
    v = Violations()
    lines = normalise_lines([RequestedLine(str(h), str(SKU_1), 1) for h in ids], v)
    assert not v
    assert [line.hub_id.bytes for line in lines] == sorted(h.bytes for h in ids)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([], {"lines"}),
        ([RequestedLine(str(HUB_A), str(SKU_1), 1)] * (MAX_LINES + 1), {"lines"}),
        ([RequestedLine("", "x", 1)], {"lines[0].hub_id", "lines[0].sku_id"}),
        (
            [RequestedLine(str(HUB_A), str(SKU_1), 0), RequestedLine(str(HUB_A), str(SKU_1), -2)],
            {"lines[0].quantity", "lines[1].quantity"},
        ),
        ([RequestedLine(str(HUB_A), str(SKU_1), MAX_QUANTITY + 1)], {"lines[0].quantity"}),
        ([RequestedLine(str(HUB_A), str(SKU_1), MAX_QUANTITY)] * 2, {"lines"}),
    ],
)
def test_invalid_lines_are_reported_by_field(
    lines: list[RequestedLine], expected: set[str]
) -> None:
    v = Violations()
    assert normalise_lines(lines, v) == ()
    assert fields(v) == expected


def test_exactly_max_lines_is_accepted() -> None:
    v = Violations()
    skus = [uuid.uuid4() for _ in range(MAX_LINES)]
    assert len(normalise_lines([RequestedLine(str(HUB_A), str(s), 1) for s in skus], v)) == 100
    assert not v


def test_ttl() -> None:
    v = Violations()
    assert check_ttl(0, 0, v) == timedelta(0)
    assert check_ttl(2, 500_000_000, v) == timedelta(seconds=2.5)
    assert not v
    for seconds, nanos in ((-1, 0), (0, -5), (366 * 86400, 0)):
        v = Violations()
        check_ttl(seconds, nanos, v)
        assert fields(v) == {"ttl"}


def test_shortages_count_never_stocked_as_zero_and_skip_lines_with_enough() -> None:
    lines = (
        ReservationLine(HUB_A, SKU_1, 5),
        ReservationLine(HUB_A, SKU_2, 2),
        ReservationLine(HUB_B, SKU_1, 1),
    )
    assert shortages(lines, [3, 2, None]) == (
        Shortage(HUB_A, SKU_1, requested=5, available=3),
        Shortage(HUB_B, SKU_1, requested=1, available=0),
    )
    assert shortages(lines, [5, 9, 1]) == ()


R, RL, C, E = (
    ReservationStatus.RESERVED,
    ReservationStatus.RELEASED,
    ReservationStatus.COMMITTED,
    ReservationStatus.EXPIRED,
)
RELEASE, COMMIT, EXPIRE = (
    ReservationAction.RELEASE,
    ReservationAction.COMMIT,
    ReservationAction.EXPIRE,
)


@pytest.mark.parametrize(
    ("action", "status", "due", "expected"),
    [
        (RELEASE, R, False, Decision.APPLY),
        (RELEASE, R, True, Decision.APPLY),  # releasing an overdue reservation is fine
        (RELEASE, RL, False, Decision.UNCHANGED),
        (RELEASE, E, False, Decision.UNCHANGED),
        (RELEASE, C, False, Decision.REFUSE),
        (COMMIT, R, False, Decision.APPLY),
        (COMMIT, R, True, Decision.REFUSE),  # too late: the ttl ran out
        (COMMIT, C, False, Decision.UNCHANGED),
        (COMMIT, RL, False, Decision.REFUSE),
        (COMMIT, E, False, Decision.REFUSE),
        (EXPIRE, R, True, Decision.APPLY),
        (EXPIRE, C, True, Decision.UNCHANGED),
        (EXPIRE, RL, True, Decision.UNCHANGED),
    ],
)
def test_status_transitions(
    action: ReservationAction, status: ReservationStatus, due: bool, expected: Decision
) -> None:
    assert decide(action, status, due=due) is expected


def test_actions_target_statuses_and_ledger_types() -> None:
    assert [a.target_status for a in (RELEASE, COMMIT, EXPIRE)] == [RL, C, E]
    assert [a.transaction_type for a in (RELEASE, COMMIT, EXPIRE)] == [
        TransactionType.RELEASE,
        TransactionType.COMMIT,
        TransactionType.EXPIRE,
    ]
    assert [a.consumes_stock for a in (RELEASE, COMMIT, EXPIRE)] == [False, True, False]


def test_refusals_explain_themselves() -> None:
    assert refusal(COMMIT, RL, due=False).reason == "RESERVATION_RELEASED"
    assert refusal(RELEASE, C, due=False).reason == "RESERVATION_COMMITTED"
    expired = refusal(COMMIT, R, due=True)
    assert expired.reason == "RESERVATION_EXPIRED"
    assert "expired" in expired.message
