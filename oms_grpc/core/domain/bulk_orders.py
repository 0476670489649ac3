"""From validated CSV rows to orders: resolve hub/SKU references, group by order_ref (pure).

Rows without `order_ref` are one-line orders keyed by (upload, line), so re-processing the
same upload creates nothing twice. Rows sharing an `order_ref` form one multi-line order keyed
by the reference, so re-uploading the file is idempotent too; such a group is all-or-nothing:
if one of its rows is invalid, every row of the group is rejected (no half orders).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from oms_grpc.core.domain.csv_rows import ParsedRow, Problem, Ref
from oms_grpc.core.domain.order import OrderLine


@dataclass(frozen=True)
class HubInfo:
    id: str
    seller_id: str


@dataclass(frozen=True)
class SkuInfo:
    id: str
    code: str


@dataclass(frozen=True)
class OrderDraft:
    idempotency_key: str
    tenant_id: str
    seller_id: str
    hub_id: str
    lines: tuple[OrderLine, ...]
    order_ref: str
    attributes: Mapping[str, str]
    source_lines: tuple[int, ...]


@dataclass(frozen=True)
class RejectedRow:
    line: int
    problem: Problem


def resolve(
    row: ParsedRow, hubs: Mapping[Ref, HubInfo], skus: Mapping[Ref, SkuInfo]
) -> tuple[HubInfo, SkuInfo] | Problem:
    """Look the row's references up in the (tenant-scoped) IMS results."""
    hub = hubs.get(row.hub)
    if hub is None:
        return Problem("unknown_hub", {"value": row.hub.value})
    sku = skus.get(row.sku)
    if sku is None:
        return Problem("unknown_sku", {"value": row.sku.value})
    if hub.seller_id != row.seller_id:
        return Problem("hub_not_of_seller", {"value": row.hub.value, "seller": row.seller_id})
    return hub, sku


def single_line_order(upload_id: str, row: ParsedRow, hub: HubInfo, sku: SkuInfo) -> OrderDraft:
    return OrderDraft(
        idempotency_key=f"upload:{upload_id}:{row.line}",
        tenant_id=row.tenant_id,
        seller_id=row.seller_id,
        hub_id=hub.id,
        lines=(OrderLine(sku.id, sku.code, row.quantity),),
        order_ref="",
        attributes=dict(row.attributes),
        source_lines=(row.line,),
    )


def group_order(
    order_ref: str,
    members: Sequence[tuple[ParsedRow, HubInfo, SkuInfo] | RejectedRow],
) -> tuple[OrderDraft | None, list[RejectedRow]]:
    """One multi-line order from every row of an order_ref, or every row rejected."""
    rejected = [m for m in members if isinstance(m, RejectedRow)]
    valid = [m for m in members if not isinstance(m, RejectedRow)]
    if not rejected and valid:
        first_row, first_hub, _ = valid[0]
        for row, hub, _ in valid[1:]:
            for name, mine, theirs in (
                ("seller_id", row.seller_id, first_row.seller_id),
                ("hub", hub.id, first_hub.id),
            ):
                if mine != theirs:
                    rejected.append(
                        RejectedRow(
                            row.line,
                            Problem("order_ref_conflict", {"value": order_ref, "field": name}),
                        )
                    )
    if rejected:
        first_bad = min(r.line for r in rejected)
        rejected_lines = {r.line for r in rejected}
        rejected += [
            RejectedRow(
                row.line, Problem("order_ref_failed", {"value": order_ref, "line": str(first_bad)})
            )
            for row, _, _ in valid
            if row.line not in rejected_lines
        ]
        return None, sorted(rejected, key=lambda r: r.line)

    first_row, first_hub, _ = valid[0]
    return (
        OrderDraft(
            idempotency_key=f"ref:{order_ref}",
            tenant_id=first_row.tenant_id,
            seller_id=first_row.seller_id,
            hub_id=first_hub.id,
            lines=_merge_lines((sku, row.quantity) for row, _, sku in valid),
            order_ref=order_ref,
            attributes=_merge_attributes(row.attributes for row, _, _ in valid),
            source_lines=tuple(row.line for row, _, _ in valid),
        ),
        [],
    )


def _merge_lines(items: Iterable[tuple[SkuInfo, int]]) -> tuple[OrderLine, ...]:
    """One line per SKU (quantities of repeated SKUs added up), in first-seen order."""
    totals: dict[str, OrderLine] = {}
    for sku, quantity in items:
        previous = totals.get(sku.id)
        totals[sku.id] = OrderLine(
            sku.id, sku.code, quantity + (previous.quantity if previous else 0)
        )
    return tuple(totals.values())


def _merge_attributes(all_attributes: Iterable[Mapping[str, str]]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for attributes in all_attributes:
        for name, value in attributes.items():
            merged.setdefault(name, value)
    return merged
