"""Sending a CSV file of orders with StreamUpload, and following the upload to its end."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import grpc
from oms.v1 import upload_pb2

from oms_ims_sdk.client import Client
from oms_ims_sdk.errors import ApiError

CHUNK_BYTES = 1024 * 1024
_FINISHED = frozenset({upload_pb2.UPLOAD_STATE_COMPLETED, upload_pb2.UPLOAD_STATE_FAILED})


@dataclass(frozen=True)
class SendProgress:
    """Bytes of the file handed to the stream so far, of `total_bytes` (None: unknown)."""

    sent_bytes: int
    total_bytes: int | None


async def upload_file(
    client: Client,
    tenant_id: str,
    source: str | os.PathLike[str] | BinaryIO,
    *,
    filename: str | None = None,
    chunk_bytes: int = CHUNK_BYTES,
    on_progress: Callable[[SendProgress], None] | None = None,
    timeout_s: float | None = None,
) -> upload_pb2.Upload:
    """Stream a CSV file (a path or a binary file object) to OMS; returns the upload it
    created (QUEUED), once the whole file passed the server's checks. `on_progress` is
    called after each chunk. A file the server refuses raises InvalidArgumentError naming
    the problem, and leaves no upload behind."""
    if chunk_bytes <= 0:
        raise ValueError("chunk_bytes must be positive")
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        with await asyncio.to_thread(path.open, "rb") as handle:
            return await upload_file(
                client,
                tenant_id,
                handle,
                filename=filename or path.name,
                chunk_bytes=chunk_bytes,
                on_progress=on_progress,
                timeout_s=timeout_s,
            )
    total = _size_of(source)

    async def parts() -> AsyncIterator[upload_pb2.StreamUploadRequest]:
        header = upload_pb2.UploadHeader(tenant_id=tenant_id, filename=filename or "upload.csv")
        yield upload_pb2.StreamUploadRequest(header=header)
        sent = 0
        while chunk := await asyncio.to_thread(source.read, chunk_bytes):
            yield upload_pb2.StreamUploadRequest(chunk=chunk)
            sent += len(chunk)
            if on_progress is not None:
                on_progress(SendProgress(sent, total))

    try:
        reply = await client.uploads.StreamUpload(parts(), timeout=timeout_s)
    except grpc.aio.AioRpcError as error:
        raise ApiError.of(error) from None
    upload: upload_pb2.Upload = reply.upload
    return upload


async def wait_for_upload(
    client: Client,
    tenant_id: str,
    upload_id: str,
    *,
    poll_s: float = 0.5,
    on_progress: Callable[[upload_pb2.Upload], None] | None = None,
) -> upload_pb2.Upload:
    """Poll the upload until it is COMPLETED or FAILED (its rows read, accepted, rejected
    and orders created are in each `on_progress` call); returns its final state."""
    while True:
        reply = await client.uploads.GetUpload(
            upload_pb2.GetUploadRequest(tenant_id=tenant_id, id=upload_id)
        )
        upload: upload_pb2.Upload = reply.upload
        if on_progress is not None:
            on_progress(upload)
        if upload.state in _FINISHED:
            return upload
        await asyncio.sleep(poll_s)


def _size_of(source: BinaryIO) -> int | None:
    """Bytes left to read in `source`, if it can tell (a file, BytesIO), else None."""
    try:
        if not source.seekable():
            return None
        here = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(here)
        return end - here
    except (OSError, AttributeError, ValueError):
        return None
