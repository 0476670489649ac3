"""`omsctl stock HUB SKU...` and `omsctl ledger HUB [SKU]`."""

from __future__ import annotations

from typing import Any

import click
from ims.v1 import inventory_pb2

from omsctl.cli import Invocation, run_with_services
from omsctl.connection import Services
from omsctl.output import Column, enum_name, timestamp
from omsctl.paging import collect

LEVEL_COLUMNS: list[Column] = [
    ("sku", lambda level: level.sku_id),
    ("on hand", lambda level: level.quantity_on_hand),
    ("reserved", lambda level: level.quantity_reserved),
    ("available", lambda level: level.quantity_available),
    ("updated", lambda level: timestamp(level.update_time)),
]

LEDGER_COLUMNS: list[Column] = [
    ("time", lambda tx: timestamp(tx.create_time)),
    ("sku", lambda tx: tx.sku_id),
    (
        "type",
        lambda tx: enum_name(
            "INVENTORY_TRANSACTION_TYPE_", inventory_pb2.InventoryTransactionType.Name(tx.type)
        ),
    ),
    ("Δ on hand", lambda tx: tx.delta_on_hand),
    ("Δ reserved", lambda tx: tx.delta_reserved),
    ("on hand after", lambda tx: tx.quantity_on_hand_after),
    ("reserved after", lambda tx: tx.quantity_reserved_after),
    ("reference", lambda tx: tx.reference),
    ("actor", lambda tx: tx.actor),
]


@click.command("stock")
@click.argument("hub_id")
@click.argument("sku_ids", nargs=-1, required=True)
@run_with_services
async def stock(
    invocation: Invocation, services: Services, hub_id: str, sku_ids: tuple[str, ...]
) -> None:
    """Stock of SKUs at a hub: on hand, reserved, available."""
    reply = await services.inventory.GetInventory(
        inventory_pb2.GetInventoryRequest(
            tenant_id=invocation.tenant_id, hub_id=hub_id, sku_ids=list(sku_ids)
        ),
        timeout=services.timeout_s,
    )
    invocation.printer.rows(list(reply.levels), LEVEL_COLUMNS, title=f"stock at hub {hub_id}")


@click.command("ledger")
@click.argument("hub_id")
@click.argument("sku_id", required=False, default="")
@click.option("--reference", default="", help="only movements with this reference (an order id)")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@run_with_services
async def ledger(
    invocation: Invocation,
    services: Services,
    hub_id: str,
    sku_id: str,
    reference: str,
    limit: int,
) -> None:
    """The stock ledger (every movement, who made it), newest first."""

    def fetch(token: str, size: int) -> Any:
        return services.inventory.ListInventoryTransactions(
            inventory_pb2.ListInventoryTransactionsRequest(
                tenant_id=invocation.tenant_id,
                hub_id=hub_id,
                sku_id=sku_id,
                reference=reference,
                page_size=size,
                page_token=token,
            ),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "transactions", limit)
    invocation.printer.rows(found, LEDGER_COLUMNS, title=f"{len(found)} ledger rows")


COMMANDS = [stock, ledger]
