"""Rows that share an order_ref, held until the whole file is read (pure).

A group is all-or-nothing (`bulk_orders.group_order`): only after the last row is it known
whether one of its rows is invalid, so groups are settled at the end of the file.
"""

from __future__ import annotations

from consumers.csv_ingester.rows import GroupMember, Rejection, SourceRow
from oms_grpc.core.domain.bulk_orders import OrderDraft, group_order


class OrderRefGroups:
    def __init__(self) -> None:
        self._groups: dict[str, list[tuple[SourceRow, GroupMember]]] = {}

    def add(self, row: SourceRow, member: GroupMember) -> None:
        self._groups.setdefault(row.order_ref, []).append((row, member))

    def settle(self) -> tuple[list[OrderDraft], list[Rejection]]:
        """One order per valid group (in order of first appearance); every row of an
        invalid group rejected, each with its own reason."""
        orders: list[OrderDraft] = []
        rejected: list[Rejection] = []
        for order_ref, entries in self._groups.items():
            draft, rejects = group_order(order_ref, [member for _, member in entries])
            if draft is not None:
                orders.append(draft)
            by_line = {row.line: row for row, _ in entries}
            rejected.extend(Rejection(by_line[r.line], r.problem) for r in rejects)
        return orders, rejected
