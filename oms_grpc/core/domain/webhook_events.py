"""The event types a webhook can subscribe to (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from common.texts import t
from oms_grpc.core.domain.problems import ProblemSink

ORDER_CREATED = "order.created"
ORDER_UPDATED = "order.updated"
EVENT_TYPES = (ORDER_CREATED, ORDER_UPDATED)


def check_event_types(
    violations: ProblemSink, field: str, values: Sequence[str]
) -> tuple[str, ...]:
    """At least one known event type; duplicates are dropped, the order is kept."""
    if not values:
        violations.add(field, t("must list at least one of {value}", value=", ".join(EVENT_TYPES)))
        return ()
    for index, value in enumerate(values):
        if value not in EVENT_TYPES:
            violations.add(
                f"{field}[{index}]", t("must be one of {value}", value=", ".join(EVENT_TYPES))
            )
    return tuple(dict.fromkeys(values))
