"""Stock levels, stock changes and ledger entries: the rules, no I/O.

Quantities are plain ints; `available = on_hand - reserved` and the database guarantees
`0 <= reserved <= on_hand`. These helpers validate a requested change and explain, in words a
caller can act on, why a change was refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from common.texts import t

# Limits of one request. MAX_QUANTITY keeps every sum far away from the bigint range.
MAX_QUANTITY = 1_000_000_000_000
MAX_REFERENCE_LENGTH = 200
MAX_REASON_LENGTH = 500
MAX_SKUS_PER_LOOKUP = 1000
BIGINT_MAX = 2**63 - 1
CONCURRENT_CHANGE = "CONCURRENT_CHANGE"


class ViolationSink(Protocol):
    """Where field problems go (common.validation.Violations satisfies it)."""

    def add(self, field: str, description: str) -> None: ...


class TransactionType(StrEnum):
    """Kind of ledger row; the values are what the database stores."""

    SET = "set"
    ADJUST = "adjust"
    RESERVE = "reserve"
    RELEASE = "release"
    COMMIT = "commit"
    EXPIRE = "expire"


class ChangeKind(StrEnum):
    SET = "set"
    ADJUST = "adjust"

    @property
    def transaction_type(self) -> TransactionType:
        return TransactionType(self.value)


@dataclass(frozen=True)
class StockChange:
    """UpsertInventory's oneof: an absolute on-hand quantity or a signed delta."""

    kind: ChangeKind
    amount: int

    def new_on_hand(self, on_hand: int) -> int:
        return self.amount if self.kind is ChangeKind.SET else on_hand + self.amount


def check_change(change: StockChange, sink: ViolationSink) -> None:
    if change.kind is ChangeKind.SET:
        field = "set_quantity_on_hand"
        if change.amount < 0:
            sink.add(field, t("must not be negative"))
        elif change.amount > MAX_QUANTITY:
            sink.add(field, t("must be at most {max_quantity}", max_quantity=MAX_QUANTITY))
    else:
        field = "delta_quantity_on_hand"
        if change.amount == 0:
            sink.add(field, t("must not be 0"))
        elif abs(change.amount) > MAX_QUANTITY:
            sink.add(
                field,
                t("must be between -{max_quantity} and {max_quantity}", max_quantity=MAX_QUANTITY),
            )


@dataclass(frozen=True)
class Refusal:
    """Why a stock change cannot be applied (FAILED_PRECONDITION)."""

    reason: str
    message: str


def refuse_change(change: StockChange, on_hand: int, reserved: int) -> Refusal:
    """Explain why `change` cannot apply to a (hub, SKU) holding `on_hand` / `reserved`."""
    new_on_hand = change.new_on_hand(on_hand)
    if new_on_hand < 0:
        return Refusal(
            "NEGATIVE_STOCK",
            f"a delta of {change.amount} would make quantity_on_hand negative (on hand: {on_hand})",
        )
    if new_on_hand < reserved:
        return Refusal(
            "BELOW_RESERVED",
            f"quantity_on_hand {new_on_hand} would be below the {reserved} units reserved; "
            "release or commit reservations first",
        )
    if new_on_hand > BIGINT_MAX:
        return Refusal("STOCK_OVERFLOW", "quantity_on_hand would exceed the largest quantity")
    return Refusal(
        CONCURRENT_CHANGE,
        "the stock changed concurrently so the change no longer applies; retry",
    )


@dataclass(frozen=True)
class InventoryLevel:
    tenant_id: UUID
    hub_id: UUID
    sku_id: UUID
    on_hand: int
    reserved: int
    # None for a (hub, SKU) never stocked.
    update_time: datetime | None

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


@dataclass(frozen=True)
class LedgerEntry:
    id: UUID
    tenant_id: UUID
    hub_id: UUID
    sku_id: UUID
    type: TransactionType
    delta_on_hand: int
    delta_reserved: int
    on_hand_after: int
    reserved_after: int
    reason: str
    reference: str
    create_time: datetime
    # The credential that made the movement (None: recorded before credentials existed).
    actor: str | None = None

    def level_after(self, update_time: datetime) -> InventoryLevel:
        return InventoryLevel(
            tenant_id=self.tenant_id,
            hub_id=self.hub_id,
            sku_id=self.sku_id,
            on_hand=self.on_hand_after,
            reserved=self.reserved_after,
            update_time=update_time,
        )


@dataclass(frozen=True)
class LedgerFilter:
    """ListInventoryTransactions filters (None = not filtered)."""

    tenant_id: UUID
    hub_id: UUID | None = None
    sku_id: UUID | None = None
    reference: str | None = None
    start_time: datetime | None = None
    end_time: datetime | None = None

    def fingerprint_fields(self) -> dict[str, str | None]:
        """The filters as plain strings, for a page token bound to this query."""
        return {
            "tenant_id": str(self.tenant_id),
            "hub_id": str(self.hub_id) if self.hub_id else None,
            "sku_id": str(self.sku_id) if self.sku_id else None,
            "reference": self.reference,
            "start_time": self.start_time.isoformat() if self.start_time else None,
            "end_time": self.end_time.isoformat() if self.end_time else None,
        }


@dataclass(frozen=True)
class LedgerCursor:
    """Keyset position: the (create_time, id) of the last entry served."""

    create_time: datetime
    id: UUID


def unique_in_order(values: Iterable[UUID]) -> list[UUID]:
    """Drop repeats, keep the first occurrence's position."""
    return list(dict.fromkeys(values))


@dataclass(frozen=True)
class MissingCatalogue:
    """Hub and SKU ids a request named that do not exist in the tenant."""

    hub_ids: tuple[UUID, ...] = ()
    sku_ids: tuple[UUID, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.hub_ids or self.sku_ids)
