"""One batch of CSV records → orders to insert, rows to reject, rows held for their order_ref
group (pure, no I/O; the hub/SKU look-ups happen between `read_rows` and `settle`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from consumers.csv_ingester.csv_records import Record
from oms_grpc.core.domain.bulk_orders import (
    HubInfo,
    OrderDraft,
    RejectedRow,
    SkuInfo,
    resolve,
    single_line_order,
)
from oms_grpc.core.domain.csv_rows import (
    MAX_FIELD_LENGTH,
    Columns,
    ParsedRow,
    Problem,
    Ref,
    is_blank,
    parse_row,
)

# A member of an order_ref group, as `bulk_orders.group_order` takes it.
GroupMember = tuple[ParsedRow, HubInfo, SkuInfo] | RejectedRow


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A non-blank data row: its original values ([] if it broke the length rule), its
    validation result, and the order_ref group it belongs to ("" for none)."""

    line: int
    values: Sequence[str]
    parsed: ParsedRow | Problem
    order_ref: str


@dataclass(frozen=True, slots=True)
class Rejection:
    row: SourceRow
    problem: Problem


@dataclass
class SettledBatch:
    orders: list[OrderDraft] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    grouped: list[tuple[SourceRow, GroupMember]] = field(default_factory=list)


def read_rows(
    columns: Columns, records: Iterable[Record], tenant_id: str, max_row_chars: int
) -> list[SourceRow]:
    """Validate each record on its own; blank lines are skipped."""
    rows: list[SourceRow] = []
    too_long = Problem("line_too_long", {"maximum": str(max_row_chars)})
    for record in records:
        values = record.values
        if values is None:
            rows.append(SourceRow(record.line, (), too_long, ""))
        elif values and not is_blank(values):
            parsed = parse_row(columns, record.line, values, tenant_id)
            rows.append(SourceRow(record.line, values, parsed, _order_ref(columns, values)))
    return rows


def _order_ref(columns: Columns, values: Sequence[str]) -> str:
    """The row's group, read from the raw values so that an invalid row still sinks its
    group (an order_ref too long to be valid forms no group)."""
    at = columns.order_ref
    if at is None or at >= len(values):
        return ""
    ref = values[at].strip()
    return ref if len(ref) <= MAX_FIELD_LENGTH else ""


def refs_to_look_up(rows: Iterable[SourceRow]) -> tuple[set[Ref], set[Ref]]:
    """The distinct hub and SKU references of the rows that passed validation."""
    hubs: set[Ref] = set()
    skus: set[Ref] = set()
    for row in rows:
        if isinstance(row.parsed, ParsedRow):
            hubs.add(row.parsed.hub)
            skus.add(row.parsed.sku)
    return hubs, skus


def settle(
    upload_id: str,
    rows: Iterable[SourceRow],
    hubs: Mapping[Ref, HubInfo],
    skus: Mapping[Ref, SkuInfo],
) -> SettledBatch:
    """Rows without order_ref become one-line orders (or rejections) now; rows with one are
    handed over, in file order, to their group."""
    batch = SettledBatch()
    for row in rows:
        outcome = _resolved(row, hubs, skus)
        if row.order_ref:
            member = RejectedRow(row.line, outcome) if isinstance(outcome, Problem) else outcome
            batch.grouped.append((row, member))
        elif isinstance(outcome, Problem):
            batch.rejected.append(Rejection(row, outcome))
        else:
            batch.orders.append(single_line_order(upload_id, *outcome))
    return batch


def _resolved(
    row: SourceRow, hubs: Mapping[Ref, HubInfo], skus: Mapping[Ref, SkuInfo]
) -> tuple[ParsedRow, HubInfo, SkuInfo] | Problem:
    if isinstance(row.parsed, Problem):
        return row.parsed
    found = resolve(row.parsed, hubs, skus)
    return found if isinstance(found, Problem) else (row.parsed, *found)
