"""The order aggregate: lines, status, history and the transitions it allows (pure, no I/O).

    ON_HOLD ──mark_reserved──▶ NEW_ORDER
       │                           │
       └────────cancel─────────────┴──▶ CANCELLED

An `Order` is immutable. Every change returns a `Change`: the order as it was read (whose
`version` guards the write, so two racing changes can never both apply to the same state),
the order after it, and — when the status moved — the `OrderUpdated` event the repository
stores in the same document write (the transactional outbox). Illegal transitions raise
`IllegalTransitionError`; repeating a transition the order already made is the caller's
decision (`is_reserved`, `is_cancelled`), never a silent no-op here.

While an order waits for stock, `shortages` says which lines did not fit the last time it
was tried (visible in GetOrder); recording that is a change without an event.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from oms_grpc.core.domain.order_status import OrderStatus, check_transition

CREATED_REASON = "created"
RESERVED_REASON = "stock reserved"


@dataclass(frozen=True)
class OrderLine:
    sku_id: str
    sku_code: str
    quantity: int


@dataclass(frozen=True)
class StatusChange:
    status: OrderStatus
    time: datetime
    reason: str
    # Who made the change: "key:<id>", "service:<name>", "admin" (None before credentials).
    actor: str | None = None


@dataclass(frozen=True)
class StockShortage:
    """A line that did not fit the last time the order was tried: asked for vs. free then."""

    sku_id: str
    requested: int
    available: int


@dataclass(frozen=True)
class Order:
    id: str
    tenant_id: str
    seller_id: str
    hub_id: str
    lines: tuple[OrderLine, ...]
    status: OrderStatus
    status_history: tuple[StatusChange, ...]
    create_time: datetime
    update_time: datetime
    version: int = 1
    external_reference: str = ""
    upload_id: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)
    # Creation is idempotent on this key (caller key, `ref:` + order_ref, or a CSV line).
    idempotency_key: str | None = None
    # Fingerprint of the request that created the order (idempotency-key replays).
    request_hash: str | None = None
    shortages: tuple[StockShortage, ...] = ()
    shortage_time: datetime | None = None

    @classmethod
    def create(
        cls,
        *,
        order_id: str,
        tenant_id: str,
        seller_id: str,
        hub_id: str,
        lines: Sequence[OrderLine],
        now: datetime,
        external_reference: str = "",
        upload_id: str = "",
        attributes: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
        request_hash: str | None = None,
        actor: str | None = None,
    ) -> Order:
        """A new order, ON_HOLD until its stock is reserved."""
        if not lines:
            raise ValueError("an order needs at least one line")
        return cls(
            id=order_id,
            tenant_id=tenant_id,
            seller_id=seller_id,
            hub_id=hub_id,
            lines=tuple(lines),
            status=OrderStatus.ON_HOLD,
            status_history=(StatusChange(OrderStatus.ON_HOLD, now, CREATED_REASON, actor),),
            create_time=now,
            update_time=now,
            external_reference=external_reference,
            upload_id=upload_id,
            attributes=dict(attributes or {}),
            idempotency_key=idempotency_key,
            request_hash=request_hash,
        )

    @property
    def is_reserved(self) -> bool:
        return self.status is OrderStatus.NEW_ORDER

    @property
    def is_cancelled(self) -> bool:
        return self.status is OrderStatus.CANCELLED

    @property
    def may_hold_stock(self) -> bool:
        """ON_HOLD too: a finalizer may have reserved and crashed before recording it."""
        return self.status in (OrderStatus.ON_HOLD, OrderStatus.NEW_ORDER)

    def quantities(self) -> dict[str, int]:
        """Units per SKU (lines of the same SKU added together)."""
        totals: dict[str, int] = {}
        for line in self.lines:
            totals[line.sku_id] = totals.get(line.sku_id, 0) + line.quantity
        return totals

    def mark_reserved(self, now: datetime, *, actor: str | None = None) -> Change:
        """ON_HOLD → NEW_ORDER: its stock is reserved; the shortage record is cleared."""
        return self._move(
            OrderStatus.NEW_ORDER, RESERVED_REASON, now, clear_shortages=True, actor=actor
        )

    def cancel(self, reason: str, now: datetime, *, actor: str | None = None) -> Change:
        return self._move(OrderStatus.CANCELLED, reason, now, clear_shortages=True, actor=actor)

    def record_shortage(self, shortages: Sequence[StockShortage], now: datetime) -> Change:
        """The order was tried and did not fit: it stays ON_HOLD and says why."""
        if self.status is not OrderStatus.ON_HOLD:
            raise IllegalShortageError(self.status)
        after = replace(
            self,
            shortages=tuple(shortages),
            shortage_time=now,
            update_time=now,
            version=self.version + 1,
        )
        return Change(before=self, after=after, event=None)

    def _move(
        self,
        target: OrderStatus,
        reason: str,
        now: datetime,
        *,
        clear_shortages: bool,
        actor: str | None,
    ) -> Change:
        check_transition(self.status, target)
        after = replace(
            self,
            status=target,
            status_history=(*self.status_history, StatusChange(target, now, reason, actor)),
            update_time=now,
            version=self.version + 1,
            shortages=() if clear_shortages else self.shortages,
            shortage_time=None if clear_shortages else self.shortage_time,
        )
        return Change(before=self, after=after, event=OrderUpdated(after, self.status))


@dataclass(frozen=True)
class OrderUpdated:
    """The `order.updated` event of a status change: the order after it, and the status
    before."""

    order: Order
    previous_status: OrderStatus


@dataclass(frozen=True)
class Change:
    """One guarded write: applies only if the stored order is still `before.version`."""

    before: Order
    after: Order
    event: OrderUpdated | None


class IllegalShortageError(ValueError):
    def __init__(self, status: OrderStatus) -> None:
        super().__init__(f"only an order on hold can record a stock shortage, not {status}")
        self.status = status
