"""Order state machine: the explicit table of legal status transitions (pure)."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    """Stored and logged as these lowercase strings (the original system's names)."""

    ON_HOLD = "on_hold"  # saved, waiting for stock to be reserved
    NEW_ORDER = "new_order"  # stock reserved
    CANCELLED = "cancelled"


TRANSITIONS: dict[OrderStatus, frozenset[OrderStatus]] = {
    OrderStatus.ON_HOLD: frozenset({OrderStatus.NEW_ORDER, OrderStatus.CANCELLED}),
    OrderStatus.NEW_ORDER: frozenset({OrderStatus.CANCELLED}),
    OrderStatus.CANCELLED: frozenset(),
}


class IllegalTransitionError(ValueError):
    def __init__(self, current: OrderStatus, target: OrderStatus) -> None:
        super().__init__(f"an order in status {current} cannot become {target}")
        self.current = current
        self.target = target


def can_transition(current: OrderStatus, target: OrderStatus) -> bool:
    return target in TRANSITIONS[current]


def check_transition(current: OrderStatus, target: OrderStatus) -> None:
    if not can_transition(current, target):
        raise IllegalTransitionError(current, target)


def sources_of(target: OrderStatus) -> frozenset[OrderStatus]:
    """Statuses from which `target` is reachable: the guard of a conditional update."""
    return frozenset(status for status, targets in TRANSITIONS.items() if target in targets)
