"""oms.v1.OrderService requests → validated commands, and IMS answers → order lines.

Pure: every problem of a request is collected and reported at once as INVALID_ARGUMENT,
naming the request field (`lines[2].quantity`); references IMS does not know are reported
the same way, as FAILED_PRECONDITION.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from oms.v1 import order_pb2

from common.grpc.errors import FieldViolation, ServiceError, invalid_argument
from common.ids import parse_uuid
from common.pagination import PageCursor, decode_token, encode_token, filter_fingerprint, page_size
from common.texts import t
from common.timestamps import from_timestamp
from common.validation import Violations
from oms_grpc.core.domain.bulk_orders import HubInfo, SkuInfo
from oms_grpc.core.domain.csv_rows import MAX_QUANTITY, Ref
from oms_grpc.core.domain.idempotency import (
    IdempotencyKey,
    OrderIntent,
    RequestedLine,
    idempotency_key,
)
from oms_grpc.core.domain.order import Order
from oms_grpc.core.domain.order_status import OrderStatus
from oms_grpc.core.repositories.order_documents import STATUS_FROM_PROTO
from oms_grpc.core.repositories.orders import ListPosition, OrderListFilter

MAX_LINES = 100
MAX_EXTERNAL_REFERENCE = 200
MAX_ATTRIBUTES = 50
MAX_ATTRIBUTE_NAME = 100
MAX_ATTRIBUTE_VALUE = 1000
MAX_IDEMPOTENCY_KEY = 255
MAX_CANCEL_REASON = 500
IDEMPOTENCY_METADATA_KEY = "idempotency-key"

# google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z.
_MIN_SECONDS = -62_135_596_800
_MAX_SECONDS = 253_402_300_799
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MILLISECOND = timedelta(milliseconds=1)


def _canonical(value: str) -> str:
    """Canonical text of a UUID that passed validation (ids are compared as text)."""
    return str(parse_uuid(value))


# --- CreateOrder ------------------------------------------------------------------------


@dataclass(frozen=True)
class CreateOrderCommand:
    intent: OrderIntent
    idempotency_key: IdempotencyKey | None  # None: not idempotent


def parse_create(request: order_pb2.CreateOrderRequest, metadata_key: str) -> CreateOrderCommand:
    """Validate a create request; `metadata_key` is the `idempotency-key` metadata (or "")."""
    v = Violations()
    v.uuid("tenant_id", request.tenant_id)
    v.uuid("seller_id", request.seller_id)
    v.uuid("hub_id", request.hub_id)
    v.text(
        "external_reference",
        request.external_reference,
        required=False,
        max_length=MAX_EXTERNAL_REFERENCE,
    )
    caller_key = request.idempotency_key or metadata_key
    v.text("idempotency_key", caller_key, required=False, max_length=MAX_IDEMPOTENCY_KEY)
    for field, value in (
        ("idempotency_key", caller_key),
        ("external_reference", request.external_reference),
    ):
        if value and not value.strip():  # would silently be a key made of blanks
            v.add(field, t("must not be blank"))
    _check_attributes(v, request.attributes)
    lines = _parse_lines(v, request.lines)
    v.raise_if_any()
    intent = OrderIntent(
        tenant_id=_canonical(request.tenant_id),
        seller_id=_canonical(request.seller_id),
        hub_id=_canonical(request.hub_id),
        lines=lines,
        external_reference=request.external_reference,
        attributes=dict(request.attributes),
    )
    return CreateOrderCommand(intent, idempotency_key(caller_key, request.external_reference))


def _check_attributes(v: Violations, attributes: Mapping[str, str]) -> None:
    if len(attributes) > MAX_ATTRIBUTES:
        v.add(
            "attributes",
            t("must have at most {max_attributes} entries", max_attributes=MAX_ATTRIBUTES),
        )
        return
    for name in sorted(attributes):
        field = f"attributes[{name[:MAX_ATTRIBUTE_NAME]!r}]"
        if not name.strip():
            v.add(field, t("the name must not be blank"))
        elif len(name) > MAX_ATTRIBUTE_NAME:
            v.add(
                field,
                t(
                    "the name must be at most {max_attribute_name} characters",
                    max_attribute_name=MAX_ATTRIBUTE_NAME,
                ),
            )
        elif any(ord(ch) < 32 for ch in name):
            v.add(field, t("the name must not contain control characters"))
        if len(attributes[name]) > MAX_ATTRIBUTE_VALUE:
            v.add(
                field,
                t(
                    "the value must be at most {max_attribute_value} characters",
                    max_attribute_value=MAX_ATTRIBUTE_VALUE,
                ),
            )


def _parse_lines(v: Violations, lines: Sequence[order_pb2.OrderLine]) -> tuple[RequestedLine, ...]:
    """Valid lines merged per SKU reference (quantities added), in first-seen order."""
    if not lines:
        v.add("lines", t("at least one line is required"))
        return ()
    if len(lines) > MAX_LINES:
        v.add("lines", t("must have at most {max_lines} lines", max_lines=MAX_LINES))
        return ()
    merged: dict[tuple[str, str], RequestedLine] = {}
    for index, line in enumerate(lines):
        field = f"lines[{index}]"
        valid = True
        if not line.sku_id and not line.sku_code:
            v.add(f"{field}.sku_id", t("give sku_id or sku_code"))
            valid = False
        if line.sku_id and parse_uuid(line.sku_id) is None:
            v.add(f"{field}.sku_id", t("must be a UUID"))
            valid = False
        if line.sku_code:
            before = len(v.found)
            v.code(f"{field}.sku_code", line.sku_code)
            valid = valid and len(v.found) == before
        if line.quantity <= 0:
            v.add(f"{field}.quantity", t("must be greater than 0"))
            valid = False
        elif line.quantity > MAX_QUANTITY:
            v.add(
                f"{field}.quantity", t("must be at most {max_quantity}", max_quantity=MAX_QUANTITY)
            )
            valid = False
        if not valid:
            continue
        sku_id = _canonical(line.sku_id) if line.sku_id else ""
        key = ("id", sku_id) if sku_id else ("code", line.sku_code)
        previous = merged.get(key)
        if previous is None:
            merged[key] = RequestedLine(sku_id, line.sku_code, line.quantity, (index,))
            continue
        if line.sku_code and previous.sku_code and line.sku_code != previous.sku_code:
            v.add(
                f"{field}.sku_code",
                t("contradicts line {value} for this SKU", value=previous.positions[0]),
            )
        total = previous.quantity + line.quantity
        if total > MAX_QUANTITY:
            v.add(
                f"{field}.quantity",
                t("the SKU's lines add up to more than {max_quantity}", max_quantity=MAX_QUANTITY),
            )
        merged[key] = RequestedLine(
            sku_id,
            previous.sku_code or line.sku_code,
            total,
            (*previous.positions, index),
        )
    return tuple(merged.values())


def line_ref(line: RequestedLine) -> Ref:
    """How a requested line names its SKU in IMS (by id when it gives one)."""
    return Ref("id", line.sku_id) if line.sku_id else Ref("code", line.sku_code)


def resolve_lines(
    intent: OrderIntent, hub: HubInfo | None, skus: Mapping[Ref, SkuInfo]
) -> tuple[tuple[str, str, int], ...]:
    """The order's (sku_id, sku_code, quantity) lines, merged per SKU id, once the hub and
    every SKU exist for the tenant and the hub belongs to the seller; otherwise
    FAILED_PRECONDITION naming each offending field."""
    v = Violations()
    if hub is None:
        v.add("hub_id", t("hub {hub_id!r} does not exist for this tenant", hub_id=intent.hub_id))
    elif hub.seller_id != intent.seller_id:
        v.add(
            "hub_id",
            t(
                "hub {hub_id!r} does not belong to seller {seller_id!r}",
                hub_id=intent.hub_id,
                seller_id=intent.seller_id,
            ),
        )
    merged: dict[str, tuple[str, int, int]] = {}  # sku_id -> (code, quantity, first position)
    for line in intent.lines:
        sku = skus.get(line_ref(line))
        if sku is None:
            name = "sku_id" if line.sku_id else "sku_code"
            value = line.sku_id or line.sku_code
            for position in line.positions:
                v.add(
                    f"lines[{position}].{name}",
                    t("SKU {value!r} does not exist for this tenant", value=value),
                )
            continue
        if line.sku_id and line.sku_code and sku.code != line.sku_code:
            for position in line.positions:
                v.add(f"lines[{position}].sku_code", t("is not the code of SKU {id!r}", id=sku.id))
            continue
        code, quantity, first = merged.get(sku.id, (sku.code, 0, line.positions[0]))
        if quantity + line.quantity > MAX_QUANTITY:
            v.add(
                f"lines[{line.positions[0]}].quantity",
                t(
                    "the lines of SKU {id!r} add up to more than {max_quantity}",
                    id=sku.id,
                    max_quantity=MAX_QUANTITY,
                ),
            )
        merged[sku.id] = (code, quantity + line.quantity, first)
    if v:
        raise ServiceError(
            grpc.StatusCode.FAILED_PRECONDITION,
            "; ".join(f"{found.field}: {found.description}" for found in v.found),
            reason="UNKNOWN_CATALOG_REFERENCE",
            violations=v.found,
        )
    return tuple((sku_id, code, quantity) for sku_id, (code, quantity, _) in merged.items())


# --- GetOrder / CancelOrder -------------------------------------------------------------


@dataclass(frozen=True)
class OrderRef:
    tenant_id: str
    order_id: str


def parse_order_ref(tenant_id: str, order_id: str) -> OrderRef:
    v = Violations()
    v.uuid("tenant_id", tenant_id)
    v.uuid("id", order_id)
    v.raise_if_any()
    return OrderRef(_canonical(tenant_id), _canonical(order_id))


@dataclass(frozen=True)
class CancelCommand:
    order: OrderRef
    reason: str


def parse_cancel(request: order_pb2.CancelOrderRequest) -> CancelCommand:
    v = Violations()
    v.uuid("tenant_id", request.tenant_id)
    v.uuid("id", request.id)
    v.text("reason", request.reason, required=False, max_length=MAX_CANCEL_REASON)
    v.raise_if_any()
    ref = OrderRef(_canonical(request.tenant_id), _canonical(request.id))
    return CancelCommand(ref, request.reason or "cancelled")


# --- ListOrders -------------------------------------------------------------------------


@dataclass(frozen=True)
class ListOrdersQuery:
    filters: OrderListFilter
    after: ListPosition | None
    page_size: int
    fingerprint: str

    @property
    def fetch_limit(self) -> int:
        """One more than a page: tells whether another page follows."""
        return self.page_size + 1


def parse_list(request: order_pb2.ListOrdersRequest) -> ListOrdersQuery:
    v = Violations()
    v.uuid("tenant_id", request.tenant_id)
    v.uuid("seller_id", request.seller_id, required=False)
    status: OrderStatus | None = None
    if request.status != order_pb2.ORDER_STATUS_UNSPECIFIED:
        status = STATUS_FROM_PROTO.get(request.status)
        if status is None:
            v.add("status", t("unknown status {status}", status=request.status))
    created_from = _time(v, "from_time", request.from_time, request.HasField("from_time"))
    created_before = _time(v, "to_time", request.to_time, request.HasField("to_time"))
    if created_from and created_before and created_from > created_before:
        v.add("from_time", t("must not be after to_time"))
    if request.page_size < 0:
        v.add("page_size", t("must not be negative"))
    v.raise_if_any()

    filters = OrderListFilter(
        tenant_id=_canonical(request.tenant_id),
        seller_id=_canonical(request.seller_id) if request.seller_id else None,
        status=status,
        created_from=created_from,
        created_before=created_before,
    )
    fingerprint = filter_fingerprint(
        {
            "tenant_id": filters.tenant_id,
            "seller_id": filters.seller_id,
            "status": status.value if status else None,
            "from": created_from.isoformat() if created_from else None,
            "to": created_before.isoformat() if created_before else None,
        }
    )
    cursor = decode_token(request.page_token, fingerprint)
    return ListOrdersQuery(
        filters=filters,
        after=_position(cursor) if cursor else None,
        page_size=page_size(request.page_size),
        fingerprint=fingerprint,
    )


def _time(v: Violations, field: str, stamp: Timestamp, present: bool) -> datetime | None:
    if not present:
        return None
    if not _MIN_SECONDS <= stamp.seconds <= _MAX_SECONDS or not 0 <= stamp.nanos < 10**9:
        v.add(field, t("is not a valid timestamp"))
        return None
    return from_timestamp(stamp)


def _position(cursor: PageCursor) -> ListPosition:
    after = cursor.after
    if (
        len(after) == 2
        and isinstance(after[0], int)
        and not isinstance(after[0], bool)
        and isinstance(after[1], str)
        and parse_uuid(after[1]) is not None
    ):
        try:
            return ListPosition(_EPOCH + after[0] * _MILLISECOND, after[1])
        except OverflowError:
            pass
    raise invalid_argument([FieldViolation("page_token", t("is malformed"))])


def finish_page(found: Sequence[Order], query: ListOrdersQuery) -> tuple[list[Order], str]:
    """Trim the look-ahead order; the next page token is empty on the last page."""
    if len(found) <= query.page_size:
        return list(found), ""
    page = list(found[: query.page_size])
    last = page[-1]
    millis = (last.create_time - _EPOCH) // _MILLISECOND
    token = encode_token(PageCursor(after=[millis, last.id], fingerprint=query.fingerprint))
    return page, token
