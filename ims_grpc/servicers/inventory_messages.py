"""InventoryService requests → validated commands, domain records → response messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

import grpc
from google.protobuf import timestamp_pb2
from ims.v1 import inventory_pb2

from common.grpc.errors import FieldViolation, ServiceError, invalid_argument
from common.ids import new_id, parse_uuid
from common.pagination import PageCursor, decode_token, encode_token, filter_fingerprint
from common.texts import t
from common.timestamps import to_timestamp
from common.validation import Violations
from ims_grpc.domain.inventory_rules import (
    MAX_REASON_LENGTH,
    MAX_REFERENCE_LENGTH,
    MAX_SKUS_PER_LOOKUP,
    ChangeKind,
    InventoryLevel,
    LedgerCursor,
    LedgerEntry,
    LedgerFilter,
    MissingCatalogue,
    StockChange,
    TransactionType,
    check_change,
    unique_in_order,
)
from ims_grpc.domain.reservation import (
    RequestedLine,
    Reservation,
    ReservationLine,
    ReservationStatus,
    Shortage,
    check_ttl,
    normalise_lines,
)

# --- requests ----------------------------------------------------------------------------


@dataclass(frozen=True)
class UpsertCommand:
    tenant_id: UUID
    hub_id: UUID
    sku_id: UUID
    change: StockChange
    reason: str
    reference: str


@dataclass(frozen=True)
class LevelsQuery:
    tenant_id: UUID
    hub_id: UUID
    sku_ids: list[UUID]


@dataclass(frozen=True)
class LedgerQuery:
    filters: LedgerFilter
    fingerprint: str
    after: LedgerCursor | None


@dataclass(frozen=True)
class ReserveCommand:
    tenant_id: UUID
    reference: str
    lines: tuple[ReservationLine, ...]
    ttl: timedelta | None


@dataclass(frozen=True)
class ReservationKey:
    tenant_id: UUID
    reference: str


def parse_upsert(request: inventory_pb2.UpsertInventoryRequest) -> UpsertCommand:
    v = Violations()
    tenant_id = _uuid(v, "tenant_id", request.tenant_id)
    hub_id = _uuid(v, "hub_id", request.hub_id)
    sku_id = _uuid(v, "sku_id", request.sku_id)
    which = request.WhichOneof("change")
    change: StockChange | None = None
    if which is None:
        v.add("change", t("set either set_quantity_on_hand or delta_quantity_on_hand"))
    elif which == "set_quantity_on_hand":
        change = StockChange(ChangeKind.SET, request.set_quantity_on_hand)
    else:
        change = StockChange(ChangeKind.ADJUST, request.delta_quantity_on_hand)
    if change is not None:
        check_change(change, v)
    v.text("reason", request.reason, required=False, max_length=MAX_REASON_LENGTH)
    v.text("reference", request.reference, required=False, max_length=MAX_REFERENCE_LENGTH)
    v.raise_if_any()
    assert tenant_id and hub_id and sku_id and change
    return UpsertCommand(
        tenant_id, hub_id, sku_id, change, request.reason, request.reference or new_id()
    )


def parse_levels(request: inventory_pb2.GetInventoryRequest) -> LevelsQuery:
    v = Violations()
    tenant_id = _uuid(v, "tenant_id", request.tenant_id)
    hub_id = _uuid(v, "hub_id", request.hub_id)
    sku_ids: list[UUID] = []
    if not request.sku_ids:
        v.add("sku_ids", t("list at least one SKU id"))
    elif len(request.sku_ids) > MAX_SKUS_PER_LOOKUP:
        v.add(
            "sku_ids",
            t(
                "must list at most {max_skus_per_lookup} values",
                max_skus_per_lookup=MAX_SKUS_PER_LOOKUP,
            ),
        )
    else:
        for index, value in enumerate(request.sku_ids):
            parsed = _uuid(v, f"sku_ids[{index}]", value)
            if parsed is not None:
                sku_ids.append(parsed)
    v.raise_if_any()
    assert tenant_id and hub_id
    return LevelsQuery(tenant_id, hub_id, unique_in_order(sku_ids))


def parse_ledger_query(request: inventory_pb2.ListInventoryTransactionsRequest) -> LedgerQuery:
    v = Violations()
    tenant_id = _uuid(v, "tenant_id", request.tenant_id)
    hub_id = _uuid(v, "hub_id", request.hub_id, required=False)
    sku_id = _uuid(v, "sku_id", request.sku_id, required=False)
    v.text("reference", request.reference, required=False, max_length=MAX_REFERENCE_LENGTH)
    start = _time(v, "start_time", request.start_time) if request.HasField("start_time") else None
    end = _time(v, "end_time", request.end_time) if request.HasField("end_time") else None
    if start is not None and end is not None and end <= start:
        v.add("end_time", t("must be after start_time"))
    if request.page_size < 0:
        v.add("page_size", t("must not be negative"))
    v.raise_if_any()
    assert tenant_id
    filters = LedgerFilter(
        tenant_id=tenant_id,
        hub_id=hub_id,
        sku_id=sku_id,
        reference=request.reference or None,
        start_time=start,
        end_time=end,
    )
    fingerprint = filter_fingerprint(filters.fingerprint_fields())
    return LedgerQuery(filters, fingerprint, _ledger_cursor(request.page_token, fingerprint))


def parse_reserve(request: inventory_pb2.ReserveInventoryRequest) -> ReserveCommand:
    v = Violations()
    tenant_id = _uuid(v, "tenant_id", request.tenant_id)
    v.text("reference", request.reference, max_length=MAX_REFERENCE_LENGTH)
    lines = normalise_lines(
        [RequestedLine(line.hub_id, line.sku_id, line.quantity) for line in request.lines], v
    )
    ttl = check_ttl(request.ttl.seconds, request.ttl.nanos, v) if request.HasField("ttl") else None
    v.raise_if_any()
    assert tenant_id
    return ReserveCommand(tenant_id, request.reference, lines, ttl or None)


def parse_reservation_key(
    request: inventory_pb2.ReleaseReservationRequest | inventory_pb2.CommitReservationRequest,
) -> ReservationKey:
    v = Violations()
    tenant_id = _uuid(v, "tenant_id", request.tenant_id)
    v.text("reference", request.reference, max_length=MAX_REFERENCE_LENGTH)
    v.raise_if_any()
    assert tenant_id
    return ReservationKey(tenant_id, request.reference)


def _uuid(v: Violations, field: str, value: str, *, required: bool = True) -> UUID | None:
    v.uuid(field, value, required=required)
    return parse_uuid(value) if value else None


def _time(v: Violations, field: str, value: timestamp_pb2.Timestamp) -> datetime | None:
    try:
        return value.ToDatetime(tzinfo=UTC)
    except (ValueError, OverflowError):
        v.add(field, t("is not a valid timestamp"))
        return None


def _ledger_cursor(token: str, fingerprint: str) -> LedgerCursor | None:
    cursor = decode_token(token, fingerprint)
    if cursor is None:
        return None
    after = cursor.after
    if len(after) == 2 and isinstance(after[0], str) and isinstance(after[1], str):
        entry_id = parse_uuid(after[1])
        try:
            create_time = datetime.fromisoformat(after[0])
        except ValueError:
            create_time = None
        if entry_id is not None and create_time is not None and create_time.tzinfo is not None:
            return LedgerCursor(create_time, entry_id)
    raise invalid_argument([FieldViolation("page_token", t("is malformed"))])


def next_page_token(query: LedgerQuery, last: LedgerEntry) -> str:
    after = [last.create_time.isoformat(), str(last.id)]
    return encode_token(PageCursor(after=after, fingerprint=query.fingerprint))


# --- errors ------------------------------------------------------------------------------


def missing_error(missing: MissingCatalogue) -> ServiceError:
    """NOT_FOUND naming every hub and SKU id that does not exist in the tenant."""
    parts: list[str] = []
    metadata: dict[str, str] = {}
    if missing.hub_ids:
        hubs = ", ".join(str(h) for h in missing.hub_ids)
        parts.append(f"hub_id {hubs}")
        metadata["hub_ids"] = hubs
    if missing.sku_ids:
        skus = ", ".join(str(s) for s in missing.sku_ids)
        parts.append(f"sku_id {skus}")
        metadata["sku_ids"] = skus
    resource = "hub" if missing.hub_ids else "sku"
    metadata["resource"] = resource
    return ServiceError(
        grpc.StatusCode.NOT_FOUND,
        t("not found in the tenant: {value}", value="; ".join(parts)),
        reason=f"{resource.upper()}_NOT_FOUND",
        metadata=metadata,
    )


# --- responses ---------------------------------------------------------------------------

_TRANSACTION_TYPES = {
    TransactionType.SET: inventory_pb2.INVENTORY_TRANSACTION_TYPE_SET,
    TransactionType.ADJUST: inventory_pb2.INVENTORY_TRANSACTION_TYPE_ADJUST,
    TransactionType.RESERVE: inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE,
    TransactionType.RELEASE: inventory_pb2.INVENTORY_TRANSACTION_TYPE_RELEASE,
    TransactionType.COMMIT: inventory_pb2.INVENTORY_TRANSACTION_TYPE_COMMIT,
    TransactionType.EXPIRE: inventory_pb2.INVENTORY_TRANSACTION_TYPE_EXPIRE,
}

_STATUSES = {
    ReservationStatus.RESERVED: inventory_pb2.RESERVATION_STATUS_RESERVED,
    ReservationStatus.RELEASED: inventory_pb2.RESERVATION_STATUS_RELEASED,
    ReservationStatus.COMMITTED: inventory_pb2.RESERVATION_STATUS_COMMITTED,
    ReservationStatus.EXPIRED: inventory_pb2.RESERVATION_STATUS_EXPIRED,
}


def level_message(level: InventoryLevel) -> inventory_pb2.InventoryLevel:
    message = inventory_pb2.InventoryLevel(
        tenant_id=str(level.tenant_id),
        hub_id=str(level.hub_id),
        sku_id=str(level.sku_id),
        quantity_on_hand=level.on_hand,
        quantity_reserved=level.reserved,
        quantity_available=level.available,
    )
    if level.update_time is not None:
        message.update_time.CopyFrom(to_timestamp(level.update_time))
    return message


def transaction_message(entry: LedgerEntry) -> inventory_pb2.InventoryTransaction:
    return inventory_pb2.InventoryTransaction(
        id=str(entry.id),
        tenant_id=str(entry.tenant_id),
        hub_id=str(entry.hub_id),
        sku_id=str(entry.sku_id),
        type=_TRANSACTION_TYPES[entry.type],
        delta_on_hand=entry.delta_on_hand,
        delta_reserved=entry.delta_reserved,
        quantity_on_hand_after=entry.on_hand_after,
        quantity_reserved_after=entry.reserved_after,
        reason=entry.reason,
        reference=entry.reference,
        create_time=to_timestamp(entry.create_time),
        actor=entry.actor or "",
    )


def reservation_message(reservation: Reservation) -> inventory_pb2.Reservation:
    message = inventory_pb2.Reservation(
        tenant_id=str(reservation.tenant_id),
        reference=reservation.reference,
        status=_STATUSES[reservation.status],
        lines=[
            inventory_pb2.ReservationLine(
                hub_id=str(line.hub_id), sku_id=str(line.sku_id), quantity=line.quantity
            )
            for line in reservation.lines
        ],
        create_time=to_timestamp(reservation.create_time),
        update_time=to_timestamp(reservation.update_time),
    )
    if reservation.expire_time is not None:
        message.expire_time.CopyFrom(to_timestamp(reservation.expire_time))
    return message


def shortage_message(shortage: Shortage) -> inventory_pb2.StockShortage:
    return inventory_pb2.StockShortage(
        hub_id=str(shortage.hub_id),
        sku_id=str(shortage.sku_id),
        requested=shortage.requested,
        available=shortage.available,
    )
