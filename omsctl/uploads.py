"""`omsctl upload FILE [--follow]`, `omsctl uploads list|show ID|errors NAME`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from oms.v1 import upload_pb2
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as Bar

from omsctl.cli import Invocation, run_with_services
from omsctl.connection import Services
from omsctl.output import Column, enum_name, timestamp
from omsctl.paging import collect
from omsctl.upload_progress import Progress, data_rows, follow, send_file

UPLOAD_FIELDS: list[Column] = [
    ("id", lambda u: u.id),
    ("file", lambda u: u.filename),
    ("state", lambda u: enum_name("UPLOAD_STATE_", upload_pb2.UploadState.Name(u.state))),
    ("rows read", lambda u: u.rows_read),
    ("rows accepted", lambda u: u.rows_accepted),
    ("rows rejected", lambda u: u.rows_rejected),
    ("orders created", lambda u: u.orders_created),
    ("error file", lambda u: u.error_file_name),
    ("error", lambda u: u.error_message),
    ("created", lambda u: timestamp(u.create_time)),
    ("updated", lambda u: timestamp(u.update_time)),
]
UPLOAD_COLUMNS: list[Column] = [
    field for field in UPLOAD_FIELDS if field[0] not in ("error file", "updated")
]
_STATES = ["queued", "processing", "completed", "failed"]


@click.command("upload")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--follow", "follow_it", is_flag=True, help="show progress until it is done")
@click.option("--upload-timeout", type=float, default=600.0, show_default=True)
@run_with_services
async def upload(
    invocation: Invocation,
    services: Services,
    file: Path,
    follow_it: bool,
    upload_timeout: float,
) -> None:
    """Upload a CSV file of orders (streamed), optionally following it to the end."""
    printer = invocation.printer
    sent = await send_file(services, invocation.tenant_id, file, timeout_s=upload_timeout)
    if not follow_it:
        printer.message(sent, UPLOAD_FIELDS)
        return
    total = data_rows(file)
    if printer.json_output or not sys.stderr.isatty():
        done = await follow(services, invocation.tenant_id, sent.id, _report_line(total))
    else:
        done = await _follow_with_bar(services, invocation, sent.id, total)
    printer.message(done, UPLOAD_FIELDS)
    if done.state == upload_pb2.UPLOAD_STATE_FAILED:
        sys.exit(1)


def _report_line(total: int) -> Callable[[Progress], None]:
    def report(progress: Progress) -> None:
        click.echo(
            f"{progress.state}: {progress.rows_read}/{total} rows read,"
            f" {progress.rows_accepted} accepted, {progress.rows_rejected} rejected,"
            f" {progress.orders_created} orders",
            err=True,
        )

    return report


async def _follow_with_bar(
    services: Services, invocation: Invocation, upload_id: str, total: int
) -> upload_pb2.Upload:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    with Bar(*columns, console=invocation.printer.console, transient=False) as bar:
        task = bar.add_task("queued", total=total or None, detail="")

        def report(progress: Progress) -> None:
            bar.update(
                task,
                completed=progress.rows_read,
                description=progress.state,
                detail=(
                    f"{progress.rows_accepted} accepted, {progress.rows_rejected} rejected,"
                    f" {progress.orders_created} orders"
                ),
            )

        return await follow(services, invocation.tenant_id, upload_id, report)


@click.group("uploads")
def uploads() -> None:
    """Uploads of CSV files."""


@uploads.command("list")
@click.option("--state", type=click.Choice(_STATES))
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@run_with_services
async def list_uploads(
    invocation: Invocation, services: Services, state: str | None, limit: int
) -> None:
    """The tenant's uploads, newest first."""

    def fetch(token: str, size: int) -> Any:
        return services.uploads.ListUploads(
            upload_pb2.ListUploadsRequest(
                tenant_id=invocation.tenant_id,
                state=f"UPLOAD_STATE_{(state or 'unspecified').upper()}",
                page_size=size,
                page_token=token,
            ),
            timeout=services.timeout_s,
        )

    found = await collect(fetch, "uploads", limit)
    invocation.printer.rows(found, UPLOAD_COLUMNS, title=f"{len(found)} uploads")


@uploads.command("show")
@click.argument("upload_id")
@run_with_services
async def show(invocation: Invocation, services: Services, upload_id: str) -> None:
    """An upload's state and counts."""
    reply = await services.uploads.GetUpload(
        upload_pb2.GetUploadRequest(tenant_id=invocation.tenant_id, id=upload_id),
        timeout=services.timeout_s,
    )
    invocation.printer.message(reply.upload, UPLOAD_FIELDS)


@uploads.command("errors")
@click.argument("file_name")
@run_with_services
async def errors(invocation: Invocation, services: Services, file_name: str) -> None:
    """Print an upload's error file (the rejected rows and why), as CSV."""
    request = upload_pb2.GetErrorFileRequest(tenant_id=invocation.tenant_id, file_name=file_name)
    async for part in services.uploads.GetErrorFile(request, timeout=services.timeout_s):
        sys.stdout.buffer.write(part.chunk.data)
    sys.stdout.flush()


COMMANDS = [upload, uploads]
