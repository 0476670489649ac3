"""`omsctl orders list|show`."""

from __future__ import annotations

from typing import Any

import click
from oms.v1 import order_pb2

from omsctl.cli import Invocation, run_with_services
from omsctl.connection import Services
from omsctl.output import Column, enum_name, timestamp
from omsctl.paging import collect


def _status(order: order_pb2.Order) -> str:
    return enum_name("ORDER_STATUS_", order_pb2.OrderStatus.Name(order.status))


def _lines(order: order_pb2.Order) -> str:
    return ", ".join(f"{line.sku_code or line.sku_id} x{line.quantity}" for line in order.lines)


def _shortages(order: order_pb2.Order) -> str:
    return ", ".join(f"{s.sku_id}: {s.available}/{s.requested}" for s in order.shortages)


ORDER_COLUMNS: list[Column] = [
    ("id", lambda o: o.id),
    ("status", _status),
    ("reference", lambda o: o.external_reference),
    ("lines", _lines),
    ("short (available/wanted)", _shortages),
    ("created", lambda o: timestamp(o.create_time)),
]

ORDER_FIELDS: list[Column] = [
    *ORDER_COLUMNS,
    ("seller", lambda o: o.seller_id),
    ("hub", lambda o: o.hub_id),
    ("upload", lambda o: o.upload_id),
    (
        "history",
        lambda o: "; ".join(
            f"{enum_name('ORDER_STATUS_', order_pb2.OrderStatus.Name(c.status))}"
            f" {timestamp(c.change_time)} {c.actor}"
            for c in o.status_history
        ),
    ),
]

_STATUSES = ["on_hold", "new_order", "cancelled"]


@click.group("orders")
def orders() -> None:
    """Orders."""


@orders.command("list")
@click.option("--status", type=click.Choice(_STATUSES))
@click.option("--seller", default="")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@run_with_services
async def list_orders(
    invocation: Invocation, services: Services, status: str | None, seller: str, limit: int
) -> None:
    """Orders, newest first, following pages up to --limit."""

    def fetch(token: str, size: int) -> Any:
        return services.orders.ListOrders(
            order_pb2.ListOrdersRequest(
                tenant_id=invocation.tenant_id,
                seller_id=seller,
                status=f"ORDER_STATUS_{(status or 'unspecified').upper()}",
                page_size=size,
                page_token=token,
            ),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "orders", limit)
    invocation.printer.rows(found, ORDER_COLUMNS, title=f"{len(found)} orders")


@orders.command("show")
@click.argument("order_id")
@run_with_services
async def show(invocation: Invocation, services: Services, order_id: str) -> None:
    """One order, with its history and, while on hold, what is short."""
    reply = await services.orders.GetOrder(
        order_pb2.GetOrderRequest(tenant_id=invocation.tenant_id, id=order_id),
        timeout=services.timeout_s,
    )
    invocation.printer.message(reply.order, ORDER_FIELDS)


COMMANDS = [orders]
