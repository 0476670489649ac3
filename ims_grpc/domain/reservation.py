"""Reservations: line normalisation, shortages and the status life cycle (pure, no I/O).

A reservation holds stock for a caller's reference. Its lines are normalised before anything
touches the database: one line per (hub, SKU) (duplicates are added together), sorted by
(hub_id, sku_id) — the same order PostgreSQL sorts uuids in, which is the order the
reservation statement locks the stock rows in.

    RESERVED ──release──▶ RELEASED
        │ ─────commit───▶ COMMITTED
        └──────expire───▶ EXPIRED      (the sweeper, once expire_time has passed)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from uuid import UUID

from common.ids import parse_uuid
from common.texts import t
from ims_grpc.domain.inventory_rules import (
    MAX_QUANTITY,
    Refusal,
    TransactionType,
    ViolationSink,
)

MAX_LINES = 100
MAX_TTL = timedelta(days=365)


class ReservationStatus(StrEnum):
    """Values are what the database stores."""

    RESERVED = "reserved"
    RELEASED = "released"
    COMMITTED = "committed"
    EXPIRED = "expired"


class ReservationAction(StrEnum):
    RELEASE = "release"
    COMMIT = "commit"
    EXPIRE = "expire"

    @property
    def target_status(self) -> ReservationStatus:
        return _TARGETS[self]

    @property
    def transaction_type(self) -> TransactionType:
        return TransactionType(self.value)

    @property
    def consumes_stock(self) -> bool:
        """Commit takes the units off the shelf; release and expiry only free them."""
        return self is ReservationAction.COMMIT

    @property
    def refused_when_due(self) -> bool:
        """A reservation past its expire_time can still be released, but not committed."""
        return self is ReservationAction.COMMIT


_TARGETS = {
    ReservationAction.RELEASE: ReservationStatus.RELEASED,
    ReservationAction.COMMIT: ReservationStatus.COMMITTED,
    ReservationAction.EXPIRE: ReservationStatus.EXPIRED,
}


class Decision(StrEnum):
    APPLY = "apply"  # change the status and move the stock
    UNCHANGED = "unchanged"  # an idempotent replay: return the reservation as it is
    REFUSE = "refuse"  # FAILED_PRECONDITION


def decide(action: ReservationAction, status: ReservationStatus, *, due: bool) -> Decision:
    """What `action` does to a reservation in `status` (`due`: its expire_time has passed)."""
    if status is ReservationStatus.RESERVED:
        return Decision.REFUSE if (due and action.refused_when_due) else Decision.APPLY
    if status is action.target_status:
        return Decision.UNCHANGED
    if action is ReservationAction.RELEASE and status is ReservationStatus.EXPIRED:
        return Decision.UNCHANGED  # the stock is already back, as the caller wanted
    if action is ReservationAction.EXPIRE:
        return Decision.UNCHANGED  # settled by the caller meanwhile: nothing to expire
    return Decision.REFUSE


def refusal(action: ReservationAction, status: ReservationStatus, *, due: bool) -> Refusal:
    """The FAILED_PRECONDITION for a refused `action` (see `decide`)."""
    if status is ReservationStatus.RESERVED and due:
        return Refusal(
            "RESERVATION_EXPIRED",
            f"cannot {action.value} the reservation: it expired (its stock is being released)",
        )
    return Refusal(
        f"RESERVATION_{status.value.upper()}",
        f"cannot {action.value} a reservation that is already {status.value}",
    )


@dataclass(frozen=True)
class RequestedLine:
    """A line as the caller sent it (ids not parsed yet)."""

    hub_id: str
    sku_id: str
    quantity: int


@dataclass(frozen=True)
class ReservationLine:
    hub_id: UUID
    sku_id: UUID
    quantity: int

    @property
    def key(self) -> tuple[UUID, UUID]:
        return (self.hub_id, self.sku_id)


def normalise_lines(
    lines: Sequence[RequestedLine], sink: ViolationSink, *, field: str = "lines"
) -> tuple[ReservationLine, ...]:
    """Validate, merge duplicate (hub, SKU) lines, sort by (hub_id, sku_id).

    Returns () after reporting any problem to `sink`.
    """
    if not lines:
        sink.add(field, t("must contain at least one line"))
        return ()
    if len(lines) > MAX_LINES:
        sink.add(field, t("must contain at most {max_lines} lines", max_lines=MAX_LINES))
        return ()
    merged: dict[tuple[UUID, UUID], int] = {}
    valid = True
    for index, line in enumerate(lines):
        hub_id = _uuid(line.hub_id, f"{field}[{index}].hub_id", sink)
        sku_id = _uuid(line.sku_id, f"{field}[{index}].sku_id", sink)
        if line.quantity <= 0:
            sink.add(f"{field}[{index}].quantity", t("must be greater than 0"))
            valid = False
        elif line.quantity > MAX_QUANTITY:
            sink.add(
                f"{field}[{index}].quantity",
                t("must be at most {max_quantity}", max_quantity=MAX_QUANTITY),
            )
            valid = False
        if hub_id is None or sku_id is None or not valid:
            valid = False
            continue
        merged[(hub_id, sku_id)] = merged.get((hub_id, sku_id), 0) + line.quantity
    if not valid:
        return ()
    for (hub_id, sku_id), quantity in merged.items():
        if quantity > MAX_QUANTITY:
            sink.add(
                field,
                t(
                    "the lines for hub {hub_id} and SKU {sku_id} add up to more than "
                    "{max_quantity}",
                    hub_id=hub_id,
                    sku_id=sku_id,
                    max_quantity=MAX_QUANTITY,
                ),
            )
            return ()
    return tuple(
        ReservationLine(hub_id, sku_id, quantity)
        for (hub_id, sku_id), quantity in sorted(merged.items())
    )


def _uuid(value: str, field: str, sink: ViolationSink) -> UUID | None:
    if not value:
        sink.add(field, t("is required"))
        return None
    parsed = parse_uuid(value)
    if parsed is None:
        sink.add(field, t("must be a UUID"))
    return parsed


def check_ttl(seconds: int, nanos: int, sink: ViolationSink, *, field: str = "ttl") -> timedelta:
    """A google.protobuf.Duration as a timedelta; zero means no expiry."""
    if seconds < 0 or nanos < 0:
        sink.add(field, t("must not be negative"))
        return timedelta(0)
    if nanos >= 1_000_000_000:
        sink.add(field, t("has more than a second of nanos"))
        return timedelta(0)
    ttl = timedelta(seconds=seconds, microseconds=nanos // 1000)
    if ttl > MAX_TTL:
        sink.add(field, t("must be at most {days} days", days=MAX_TTL.days))
        return timedelta(0)
    return ttl


@dataclass(frozen=True)
class Shortage:
    hub_id: UUID
    sku_id: UUID
    requested: int
    available: int


def shortages(
    lines: Sequence[ReservationLine], available: Sequence[int | None]
) -> tuple[Shortage, ...]:
    """The lines lacking stock; `available[i]` is None when line i's (hub, SKU) was never
    stocked (0 available)."""
    return tuple(
        Shortage(line.hub_id, line.sku_id, line.quantity, units or 0)
        for line, units in zip(lines, available, strict=True)
        if (units or 0) < line.quantity
    )


@dataclass(frozen=True)
class Reservation:
    tenant_id: UUID
    reference: str
    status: ReservationStatus
    lines: tuple[ReservationLine, ...]
    expire_time: datetime | None
    create_time: datetime
    update_time: datetime


@dataclass(frozen=True)
class Reserved:
    """A reservation exists for the reference: made by this call (`created`) or earlier."""

    reservation: Reservation
    created: bool


@dataclass(frozen=True)
class InsufficientStock:
    """Nothing was reserved or written."""

    shortages: tuple[Shortage, ...]
    # Lines whose (hub, SKU) has no stock row at all (never stocked, or unknown ids).
    unstocked: tuple[ReservationLine, ...]


ReserveResult = Reserved | InsufficientStock


@dataclass(frozen=True)
class Transitioned:
    """Result of release/commit: the reservation after the call and what the call did."""

    reservation: Reservation
    decision: Decision
    prior_status: ReservationStatus
    due: bool
