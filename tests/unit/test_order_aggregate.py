"""The Order aggregate: transitions return the change and its event, illegal ones raise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from oms_grpc.core.domain.order import (
    IllegalShortageError,
    Order,
    OrderLine,
    StockShortage,
)
from oms_grpc.core.domain.order_status import IllegalTransitionError, OrderStatus

T0 = datetime(2026, 1, 1, tzinfo=UTC)
T1 = T0 + timedelta(seconds=1)


def _order() -> Order:
    return Order.create(
        order_id="o1",
        tenant_id="t1",
        seller_id="s1",
        hub_id="h1",
        lines=[OrderLine("a", "A", 2), OrderLine("b", "B", 1), OrderLine("a", "A", 3)],
        now=T0,
    )


def test_a_new_order_is_on_hold_with_its_creation_in_the_history() -> None:
    order = _order()
    assert order.status is OrderStatus.ON_HOLD and order.version == 1
    assert [(c.status, c.time, c.reason) for c in order.status_history] == [
        (OrderStatus.ON_HOLD, T0, "created")
    ]
    assert order.quantities() == {"a": 5, "b": 1}
    assert order.may_hold_stock and not order.is_reserved and not order.is_cancelled
    with pytest.raises(ValueError, match="at least one line"):
        Order.create(order_id="x", tenant_id="t", seller_id="s", hub_id="h", lines=[], now=T0)


def test_mark_reserved_returns_the_guarded_change_and_its_event() -> None:
    order = _order().record_shortage([StockShortage("a", 5, 1)], T0).after
    change = order.mark_reserved(T1)
    assert change.before is order
    after = change.after
    assert after.status is OrderStatus.NEW_ORDER and after.version == order.version + 1
    assert after.status_history[-1].status is OrderStatus.NEW_ORDER
    assert after.status_history[-1].reason == "stock reserved"
    assert after.update_time == T1 and after.shortages == () and after.shortage_time is None
    assert change.event is not None
    assert change.event.order is after and change.event.previous_status is OrderStatus.ON_HOLD
    assert order.status is OrderStatus.ON_HOLD  # immutable: the original is unchanged


def test_cancel_from_on_hold_and_from_new_order_but_not_twice() -> None:
    on_hold = _order()
    cancelled = on_hold.cancel("customer asked", T1).after
    assert cancelled.is_cancelled and not cancelled.may_hold_stock
    assert cancelled.status_history[-1].reason == "customer asked"
    reserved = on_hold.mark_reserved(T1).after
    change = reserved.cancel("late", T1)
    assert change.event is not None and change.event.previous_status is OrderStatus.NEW_ORDER
    with pytest.raises(IllegalTransitionError):
        cancelled.cancel("again", T1)
    with pytest.raises(IllegalTransitionError):
        cancelled.mark_reserved(T1)  # a cancelled order is never revived
    with pytest.raises(IllegalTransitionError):
        reserved.mark_reserved(T1)


def test_a_shortage_is_recorded_only_on_hold_and_emits_no_event() -> None:
    order = _order()
    change = order.record_shortage([StockShortage("a", 5, 2)], T1)
    assert change.event is None
    assert change.after.status is OrderStatus.ON_HOLD
    assert change.after.shortages == (StockShortage("a", 5, 2),)
    assert change.after.shortage_time == T1 and change.after.version == 2
    assert change.after.status_history == order.status_history
    with pytest.raises(IllegalShortageError):
        order.mark_reserved(T1).after.record_shortage([], T1)
