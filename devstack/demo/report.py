"""What the demo prints: the summary of what happened, then how to call the system."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ims.v1 import inventory_pb2
from oms.v1 import upload_pb2
from rich.console import Console
from rich.table import Table

from devstack.demo.receiver import Received
from devstack.demo.scenario import Seeded

# Long ids, the same on every row of the demo's file: left out of the table.
_SAME_ON_EVERY_ROW = frozenset({"tenant_id", "seller_id"})


@dataclass(frozen=True)
class Outcome:
    upload: upload_pb2.Upload
    after_upload: Counter[str]
    after_restock: Counter[str]
    restocked: int
    rejected: list[list[str]]  # the error file: header, then rows
    stock_before: list[inventory_pb2.InventoryLevel]
    stock_after: list[inventory_pb2.InventoryLevel]
    ledger: list[inventory_pb2.InventoryTransaction]
    received: Received
    expected_events: int
    sku_codes: dict[str, str]


def summary(console: Console, outcome: Outcome) -> None:
    up = outcome.upload
    console.rule("[bold]what happened")
    console.print(
        f"upload {up.id}: {up.rows_read} rows read, {up.rows_accepted} accepted,"
        f" {up.rows_rejected} rejected, {up.orders_created} orders created"
    )

    statuses = Table(title="orders per status", title_justify="left")
    statuses.add_column("status")
    statuses.add_column("after the upload", justify="right")
    statuses.add_column(f"after restocking {outcome.restocked}", justify="right")
    for status in sorted(set(outcome.after_upload) | set(outcome.after_restock)):
        statuses.add_row(
            status, str(outcome.after_upload[status]), str(outcome.after_restock[status])
        )
    console.print(statuses)

    if outcome.rejected:
        header, *rows = outcome.rejected
        shown = [n for n, name in enumerate(header) if name not in _SAME_ON_EVERY_ROW]
        rejected = Table(title="rejected rows (the error file)", title_justify="left")
        for n in shown:
            rejected.add_column(header[n])
        for row in rows:
            rejected.add_row(*(row[n] if n < len(row) else "" for n in shown))
        console.print(rejected)

    stock = Table(title="stock at the hub", title_justify="left")
    for column in ("SKU", "on hand before", "reserved before", "on hand after", "reserved after"):
        stock.add_column(column, justify="right" if column != "SKU" else "left")
    for before, after in zip(outcome.stock_before, outcome.stock_after, strict=True):
        stock.add_row(
            outcome.sku_codes.get(after.sku_id, after.sku_id),
            str(before.quantity_on_hand),
            str(before.quantity_reserved),
            str(after.quantity_on_hand),
            str(after.quantity_reserved),
        )
    console.print(stock)

    kinds = Counter(
        inventory_pb2.InventoryTransactionType.Name(tx.type)
        .removeprefix("INVENTORY_TRANSACTION_TYPE_")
        .lower()
        for tx in outcome.ledger
    )
    console.print(
        f"ledger: {len(outcome.ledger)} rows ("
        + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        + ")"
    )

    got = outcome.received
    verdict = (
        "[green]all arrived[/]"
        if len(got.webhook_ids) >= outcome.expected_events
        else f"[red]{outcome.expected_events - len(got.webhook_ids)} missing[/]"
    )
    console.print(
        f"webhooks: {got.verified} verified deliveries of {len(got.webhook_ids)} distinct"
        f" events ({dict(got.by_event)}), {got.refused} refused; expected"
        f" {outcome.expected_events}: {verdict}"
    )


def how_to_call(
    console: Console, key_file: Path, seeded: Seeded, webhook_id: str, upload_id: str
) -> None:
    host, port = os.environ.get("EDGE_HOST", "127.0.0.1"), os.environ.get("EDGE_PORT", "8000")
    edge = f"http://{host}:{port}"
    envoy = f"http://127.0.0.1:{os.environ.get('ENVOY_PORT', '8080')}"
    hub, sku = seeded.hub_id, seeded.plenty_sku_id
    grpc_body = f'{{"hub_id": "{hub}", "sku_ids": ["{sku}"]}}'
    console.rule("[bold]how to call it")
    console.print(  # one command per line, to copy and paste: never wrapped
        f"""\
the demo tenant's API key:     export KEY=$(cat {key_file})
REST (the original API):       curl -H "Authorization: Bearer $KEY" '{edge}/inventory?hub_id={hub}&sku_ids={sku}'
REST (proto-native, Envoy):    curl -H "Authorization: Bearer $KEY" '{envoy}/orders?page_size=5'
gRPC:                          grpcurl -plaintext -H "authorization: Bearer $KEY" -d '{grpc_body}' 127.0.0.1:50051 ims.v1.InventoryService/GetInventory
operator CLI:                  export OMSCTL_TOKEN=$KEY
                               .venv/bin/omsctl orders list --status on_hold
                               .venv/bin/omsctl uploads show {upload_id}
                               .venv/bin/omsctl deliveries list {webhook_id}
                               .venv/bin/omsctl upload my-orders.csv --follow
API reference:                 {edge}/docs  and  {envoy}/docs
stop everything:               Ctrl-C here, or scripts/run stop""",
        soft_wrap=True,
    )
