"""Idempotent order creation: which key a request claims, and whether a repeat is the same
request (pure).

A create request claims one idempotency key per tenant: the caller's `Idempotency-Key`
(stored as `key:{value}`, a namespace of its own), else its external reference (stored as
`ref:{value}`, the namespace the CSV `order_ref` uses, so an order created by an upload and
by the API with the same reference is one order), else none. The unique index on
(tenant_id, idempotency_key) decides which concurrent request wins; the others compare their
request with the winner's: the same request gets the stored order back, a different one is
refused.

"The same request" is decided on a fingerprint of the normalised request: ids in canonical
form, lines merged per SKU reference and sorted, attributes sorted; the idempotency key itself
is not part of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

FINGERPRINT_VERSION = "v1"


@dataclass(frozen=True)
class RequestedLine:
    """One SKU of a create request, named by id or code, with the quantities of every
    request line that named it added up; `positions` are those lines' indexes."""

    sku_id: str
    sku_code: str
    quantity: int
    positions: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class OrderIntent:
    """A validated, normalised create request (ids canonical, lines merged per reference)."""

    tenant_id: str
    seller_id: str
    hub_id: str
    lines: tuple[RequestedLine, ...]
    external_reference: str
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class StoredOrder:
    """What a repeat is compared with: the stored order's fingerprint (absent for orders not
    created through the API, e.g. by a CSV upload) and its content."""

    request_hash: str | None
    seller_id: str
    hub_id: str
    lines: Mapping[str, int]  # sku_id -> quantity


def order_ref_key(reference: str) -> str:
    """The key of an order with this external reference / CSV order_ref."""
    return f"ref:{reference}"


@dataclass(frozen=True)
class IdempotencyKey:
    value: str  # as stored, namespaced
    field: str  # the request field it comes from


def idempotency_key(caller_key: str, external_reference: str) -> IdempotencyKey | None:
    if caller_key:
        return IdempotencyKey(f"key:{caller_key}", "idempotency_key")
    if external_reference:
        return IdempotencyKey(order_ref_key(external_reference), "external_reference")
    return None


def request_fingerprint(intent: OrderIntent) -> str:
    canonical = {
        "tenant_id": intent.tenant_id,
        "seller_id": intent.seller_id,
        "hub_id": intent.hub_id,
        "lines": sorted([line.sku_id, line.sku_code, line.quantity] for line in intent.lines),
        "external_reference": intent.external_reference,
        "attributes": sorted(intent.attributes.items()),
    }
    encoded = json.dumps(canonical, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(encoded.encode()).hexdigest()
    return f"{FINGERPRINT_VERSION}:{digest}"


def is_same_request(
    intent: OrderIntent, stored: StoredOrder, resolved_lines: Mapping[str, int] | None
) -> bool | None:
    """Whether a repeat (`intent`) asks for the stored order.

    Orders created through the API are compared by fingerprint. Others (no fingerprint) are
    compared by content — seller, hub and quantity per SKU id — which needs the repeat's
    lines resolved to SKU ids (`resolved_lines`, sku_id -> quantity): without them the
    answer is None ("resolve, then ask again").
    """
    if stored.request_hash is not None:
        return stored.request_hash == request_fingerprint(intent)
    if resolved_lines is None:
        return None
    return (
        stored.seller_id == intent.seller_id
        and stored.hub_id == intent.hub_id
        and dict(resolved_lines) == dict(stored.lines)
    )
