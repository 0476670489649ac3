"""`run_demo`: the demo's composition root, run by `scripts/run` in a thread of its own
once the processes are started; it keeps its webhook receiver up until the run stops."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import os
import sys
import tempfile
import threading
from pathlib import Path

from oms.v1 import order_pb2, upload_pb2
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bar

from devstack.credentials import LocalCredentials
from devstack.demo import report, scenario
from devstack.demo.receiver import WebhookReceiver
from devstack.demo.sample import sample_csv
from devstack.paths import run_dir
from omsctl.connection import Services, Target, connect
from omsctl.upload_progress import Progress

SERVERS_READY_S = 120.0
WEBHOOKS_ARRIVE_S = 60.0


def run_demo(credentials: LocalCredentials, stopping: threading.Event) -> None:
    asyncio.run(_demo(credentials, stopping))


async def _demo(credentials: LocalCredentials, stopping: threading.Event) -> None:
    # A terminal wraps at its own width; piped into a log, lines stay whole.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 120)
    base = Target.from_environment()
    console.print("\n[bold]demo[/]: waiting for IMS and OMS to serve")
    for server in (base.ims, base.oms):
        await scenario.wait_serving(server, timeout_s=SERVERS_READY_S)

    admin_target = Target(base.ims, base.oms, credentials.admin_token, base.timeout_s)
    async with connect(admin_target) as admin:
        tenancy = await scenario.create_tenant(admin)
    key_file = _keep_key(tenancy.api_key)
    console.print(
        f"[bold]demo[/]: tenant [cyan]{tenancy.tenant.code}[/] ({tenancy.tenant.id}),"
        f" API key kept in {key_file}"
    )

    receiver = WebhookReceiver()
    await receiver.start()
    try:
        api_target = Target(base.ims, base.oms, tenancy.api_key, base.timeout_s)
        async with connect(api_target) as api:
            seeded = await scenario.seed_catalogue(api, tenancy.tenant.id)
            webhook, secret = await scenario.register_webhook(api, receiver.url)
            receiver.trust(secret)
            console.print(
                f"[bold]demo[/]: seller, hub {seeded.catalogue.hub_code}, SKUs"
                f" {seeded.catalogue.plenty_sku} (stock {scenario.PLENTY_STOCK}) and"
                f" {seeded.catalogue.scarce_sku} (stock {scenario.SCARCE_STOCK});"
                f" webhook {webhook.id} → {receiver.url}"
            )
            stock_before = await scenario.stock(api, seeded)
            sample = sample_csv(seeded.catalogue)
            path = _write_sample(sample.text)
            console.print(
                f"[bold]demo[/]: uploading {path} ({sample.good_rows} good rows,"
                f" {sample.bad_rows} bad ones)"
            )
            done = await _upload_with_bar(console, api, path, sample.good_rows + sample.bad_rows)
            if done.state != upload_pb2.UPLOAD_STATE_COMPLETED:
                raise scenario.DemoError(f"the upload ended {done.state}: {done.error_message}")
            orders = await scenario.finalized_orders(api, done.id, done.orders_created)
            after_upload = scenario.status_counts(orders)
            waiting = {o.id for o in orders if o.status == order_pb2.ORDER_STATUS_ON_HOLD}
            console.print(
                f"[bold]demo[/]: finalized: {dict(after_upload)}; restocking"
                f" {seeded.catalogue.scarce_sku} by {len(waiting)} for the waiting orders"
            )
            await scenario.restock(api, seeded, len(waiting))
            orders = await scenario.orders_after_restock(api, done.id, waiting)
            expected_events = len(orders) + sum(
                1 for o in orders if o.status == order_pb2.ORDER_STATUS_NEW_ORDER
            )
            await _wait_for_webhooks(receiver, expected_events)
            rejected = await _rejected_rows(api, done)
            report.summary(
                console,
                report.Outcome(
                    upload=done,
                    after_upload=after_upload,
                    after_restock=scenario.status_counts(orders),
                    restocked=len(waiting),
                    rejected=rejected,
                    stock_before=stock_before,
                    stock_after=await scenario.stock(api, seeded),
                    ledger=await scenario.ledger(api, seeded.hub_id),
                    received=receiver.received,
                    expected_events=expected_events,
                    sku_codes={
                        seeded.plenty_sku_id: seeded.catalogue.plenty_sku,
                        seeded.scarce_sku_id: seeded.catalogue.scarce_sku,
                    },
                ),
            )
            report.how_to_call(console, key_file, seeded, webhook.id, done.id)
        await asyncio.to_thread(stopping.wait)
    finally:
        await receiver.stop()


def _keep_key(secret: str) -> Path:
    path = run_dir() / "demo-api-key"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(secret + "\n")
    return path


def _write_sample(text: str) -> Path:
    folder = Path(tempfile.gettempdir())
    path = folder / "omsctl-demo-orders.csv"
    path.write_text(text)
    return path


async def _upload_with_bar(
    console: Console, api: Services, path: Path, total: int
) -> upload_pb2.Upload:
    columns = (
        TextColumn("  {task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    with Bar(*columns, console=console) as bar:
        task = bar.add_task("queued", total=total, detail="")

        def show(progress: Progress) -> None:
            bar.update(
                task,
                completed=progress.rows_read,
                description=progress.state,
                detail=f"{progress.rows_rejected} rejected, {progress.orders_created} orders",
            )

        return await scenario.upload(api, path, show)


async def _wait_for_webhooks(receiver: WebhookReceiver, expected: int) -> None:
    async def arrived() -> bool:
        return len(receiver.received.webhook_ids) >= expected

    # On timeout the summary shows how many came: missing ones are the finding.
    with contextlib.suppress(scenario.DemoError):
        await scenario.wait_for("webhooks arriving", arrived, timeout_s=WEBHOOKS_ARRIVE_S)


async def _rejected_rows(api: Services, upload: upload_pb2.Upload) -> list[list[str]]:
    """The error file's rows: the original columns plus why each was rejected."""
    if not upload.error_file_name:
        return []
    body = bytearray()
    request = upload_pb2.GetErrorFileRequest(file_name=upload.error_file_name)
    async for part in api.uploads.GetErrorFile(request, timeout=api.timeout_s):
        body += part.chunk.data
    return list(csv.reader(io.StringIO(body.decode("utf-8", errors="replace"))))
