from __future__ import annotations

import itertools

import pytest

from oms_grpc.core.domain.order_status import (
    TRANSITIONS,
    IllegalTransitionError,
    OrderStatus,
    can_transition,
    check_transition,
    sources_of,
)

LEGAL = {
    (OrderStatus.ON_HOLD, OrderStatus.NEW_ORDER),
    (OrderStatus.ON_HOLD, OrderStatus.CANCELLED),
    (OrderStatus.NEW_ORDER, OrderStatus.CANCELLED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(OrderStatus, OrderStatus)))
def test_exactly_the_documented_transitions_are_legal(
    current: OrderStatus, target: OrderStatus
) -> None:
    legal = (current, target) in LEGAL
    assert can_transition(current, target) is legal
    if legal:
        check_transition(current, target)
    else:
        with pytest.raises(IllegalTransitionError, match=f"{current} cannot become {target}"):
            check_transition(current, target)


def test_every_status_has_a_row_and_cancelled_is_terminal() -> None:
    assert set(TRANSITIONS) == set(OrderStatus)
    assert TRANSITIONS[OrderStatus.CANCELLED] == frozenset()


def test_sources_of_gives_the_guard_for_a_conditional_update() -> None:
    assert sources_of(OrderStatus.CANCELLED) == {OrderStatus.ON_HOLD, OrderStatus.NEW_ORDER}
    assert sources_of(OrderStatus.NEW_ORDER) == {OrderStatus.ON_HOLD}
    assert sources_of(OrderStatus.ON_HOLD) == frozenset()
