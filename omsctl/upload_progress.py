"""Sending a CSV file with StreamUpload and following its upload to the end; shared by
`omsctl upload` and the demo."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

from oms.v1 import upload_pb2

from omsctl.connection import Services

CHUNK_BYTES = 1024 * 1024
POLL_S = 0.5
_DONE = frozenset({upload_pb2.UPLOAD_STATE_COMPLETED, upload_pb2.UPLOAD_STATE_FAILED})


def data_rows(path: Path) -> int:
    """The file's data rows (header excluded), counted as CSV records, so a quoted field
    with a line break counts once: the total the progress is measured against."""
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)


async def _parts(tenant_id: str, path: Path) -> AsyncIterator[upload_pb2.StreamUploadRequest]:
    header = upload_pb2.UploadHeader(tenant_id=tenant_id, filename=path.name)
    yield upload_pb2.StreamUploadRequest(header=header)
    with path.open("rb") as handle:
        while chunk := await asyncio.to_thread(handle.read, CHUNK_BYTES):
            yield upload_pb2.StreamUploadRequest(chunk=chunk)


async def send_file(
    services: Services, tenant_id: str, path: Path, *, timeout_s: float
) -> upload_pb2.Upload:
    reply = await services.uploads.StreamUpload(_parts(tenant_id, path), timeout=timeout_s)
    upload: upload_pb2.Upload = reply.upload
    return upload


@dataclass(frozen=True)
class Progress:
    rows_read: int
    rows_accepted: int
    rows_rejected: int
    orders_created: int
    state: str

    @classmethod
    def of(cls, upload: upload_pb2.Upload) -> Progress:
        return cls(
            upload.rows_read,
            upload.rows_accepted,
            upload.rows_rejected,
            upload.orders_created,
            upload_pb2.UploadState.Name(upload.state).removeprefix("UPLOAD_STATE_").lower(),
        )


async def follow(
    services: Services,
    tenant_id: str,
    upload_id: str,
    on_progress: Callable[[Progress], None],
    *,
    poll_s: float = POLL_S,
) -> upload_pb2.Upload:
    """Polls GetUpload until the upload is completed or failed, reporting each change."""
    last: Progress | None = None
    while True:
        reply = await services.uploads.GetUpload(
            upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=upload_id),
            timeout=services.timeout_s,
        )
        upload: upload_pb2.Upload = reply.upload
        progress = Progress.of(upload)
        if progress != last:
            on_progress(progress)
            last = progress
        if upload.state in _DONE:
            return upload
        await asyncio.sleep(poll_s)
