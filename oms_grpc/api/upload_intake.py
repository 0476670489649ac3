"""How a file becomes a queued upload, whichever way it arrives, leaving no half state.

- unary (CreateUpload): the upload document (QUEUED) FIRST, then the object at
  `upload_object_key(now, upload_id, filename)`, then `CreateBulkOrder` to SQS. If the put or
  the send fails, the upload is marked FAILED (with a message saying which step failed; an
  object already stored is deleted) and the call answers UNAVAILABLE: a client that retries
  creates a new upload, and nobody ever sees a QUEUED upload that no message will process.
  Remaining gap: if MongoDB itself fails while marking FAILED, the upload stays QUEUED
  without a message (logged as such; a sweeper of stale QUEUED uploads would close it).
- streamed (StreamUpload): each chunk is checked by `UploadScanner` and written on to S3
  (`ObjectWriter`, one part held at a time). The file is only known to be acceptable at its
  end, so the object is completed first, then the document inserted, then the message
  sent; a refusal or a cancelled stream aborts the object and writes nothing.
- imported (ImportUpload): a tenant's presigned-upload object is copied to an upload key
  (server side), the copy scanned as it streams back, then recorded and queued as above; a
  refused copy is deleted again.

The steps after the file is in run in their own task shielded from the caller's
cancellation, so a client that hangs up mid-way cannot leave them half done. Either way the
document exists before its message: the ingester needs it to record progress.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import grpc
from botocore.exceptions import BotoCoreError, ClientError
from oms.v1 import upload_pb2
from pymongo.errors import PyMongoError

from common.clients.s3 import ObjectStore, ObjectWriter
from common.clients.sqs import QueueClient
from common.grpc.errors import FieldViolation, ServiceError, invalid_argument, not_found
from common.grpc.streams import drain
from common.ids import new_id
from common.texts import Text, t
from common.tracing import current_trace_id
from oms_grpc.api.upload_requests import AcceptedFile, rejected_file
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from oms_grpc.core.domain.upload_checks import (
    UploadLimits,
    UploadRejectedError,
    UploadScanner,
    check_size,
)
from oms_grpc.core.domain.uploads import upload_object_key
from oms_grpc.core.repositories.uploads import UploadDocument, UploadRepository

log = logging.getLogger(__name__)

STORED_CONTENT_TYPE = "text/csv"
# Failures of S3/SQS (and of the network under them) that make the upload UNAVAILABLE.
STORAGE_ERRORS = (BotoCoreError, ClientError, OSError, TimeoutError)


@dataclass(frozen=True)
class StoredFile:
    upload_id: str
    tenant_id: str
    filename: str
    key: str
    size: int


@dataclass(frozen=True)
class FailedStep:
    """A step of taking a file in that failed: the upload's stored reason, and the answer."""

    name: str  # for the log
    reason: Text
    retry: Text


STORING = FailedStep(
    "stored",
    t("the file could not be stored"),
    t("the file could not be stored; please try again"),
)
QUEUEING = FailedStep(
    "queued for processing",
    t("the file could not be queued for processing"),
    t("the file could not be queued for processing; please try again"),
)


class UploadIntake:
    def __init__(
        self,
        *,
        uploads: UploadRepository,
        objects: ObjectStore,
        queue: QueueClient,
        limits: UploadLimits,
    ) -> None:
        self._uploads = uploads
        self._objects = objects
        self._queue = queue
        self._limits = limits
        self._in_flight: set[asyncio.Task[UploadDocument]] = set()

    async def accept(self, accepted: AcceptedFile) -> UploadDocument:
        """A checked unary upload, stored and queued."""
        return await self._shielded(self._store_and_enqueue(accepted))

    async def receive(
        self,
        header: upload_pb2.UploadHeader,
        messages: AsyncIterator[upload_pb2.StreamUploadRequest],
    ) -> UploadDocument:
        """The rest of a StreamUpload after its header: checked and written as it comes."""
        upload_id = new_id()
        key = upload_object_key(datetime.now(UTC), upload_id, header.filename)
        writer = self._objects.writer(key, content_type=STORED_CONTENT_TYPE)
        scanner = UploadScanner(self._limits)
        try:
            async for message in messages:
                if message.WhichOneof("part") != "chunk":
                    raise invalid_argument(
                        [FieldViolation("header", t("only the first message may be the header"))]
                    )
                scanner.feed(message.chunk)
                await writer.write(message.chunk)
            scanner.finish()
        except UploadRejectedError as exc:
            await _aborted(writer)
            await drain(messages)  # so that the client gets the refusal (common.grpc.streams)
            raise rejected_file(exc) from None
        except ServiceError:
            await _aborted(writer)
            await drain(messages)
            raise
        except BaseException:  # a cancelled or broken stream: nothing stays
            await _aborted(writer)
            raise
        return await self._shielded(self._complete_and_enqueue(header, upload_id, key, writer))

    async def import_object(self, request: upload_pb2.ImportUploadRequest) -> UploadDocument:
        """A tenant's presigned-upload object (already checked to be one of its slots)."""
        return await self._shielded(self._import(request))

    # --- steps --------------------------------------------------------------------------

    async def _shielded(self, work: Coroutine[Any, Any, UploadDocument]) -> UploadDocument:
        """Run `work` to its end even if the caller is cancelled meanwhile."""
        task = asyncio.create_task(work)
        self._in_flight.add(task)
        task.add_done_callback(self._finished)
        return await asyncio.shield(task)

    def _finished(self, task: asyncio.Task[UploadDocument]) -> None:
        self._in_flight.discard(task)
        if not task.cancelled():
            task.exception()  # retrieved here: its caller may have gone away

    async def _store_and_enqueue(self, accepted: AcceptedFile) -> UploadDocument:
        upload_id = new_id()
        key = upload_object_key(datetime.now(UTC), upload_id, accepted.filename)
        try:
            document = await self._uploads.create(
                upload_id=upload_id,
                tenant_id=accepted.tenant_id,
                filename=accepted.filename,
                object_key=key,
                size=len(accepted.data),
            )
        except PyMongoError as exc:
            raise unavailable(
                "UPLOAD_STORE_UNAVAILABLE", t("the upload cannot be recorded")
            ) from exc
        object_stored = False
        try:
            await self._objects.put(key, accepted.data, content_type=STORED_CONTENT_TYPE)
            object_stored = True
            await self._enqueue(upload_id, accepted.tenant_id, key)
        except Exception as exc:
            step = QUEUEING if object_stored else STORING
            log.warning(
                "upload could not be %s", step.name, exc_info=exc, extra={"upload_id": upload_id}
            )
            await self._give_up(upload_id, key, object_stored=object_stored, step=step)
            if isinstance(exc, STORAGE_ERRORS):
                raise unavailable(
                    "UPLOAD_STORAGE_UNAVAILABLE",
                    step.retry,
                    upload_id=upload_id,
                ) from exc
            raise
        return document

    async def _complete_and_enqueue(
        self, header: upload_pb2.UploadHeader, upload_id: str, key: str, writer: ObjectWriter
    ) -> UploadDocument:
        try:
            await writer.complete()
        except STORAGE_ERRORS as exc:
            await _aborted(writer)
            raise unavailable(
                "UPLOAD_STORAGE_UNAVAILABLE", t("the file could not be stored; please try again")
            ) from exc
        return await self._record_and_enqueue(
            StoredFile(upload_id, header.tenant_id, header.filename, key, writer.size)
        )

    async def _import(self, request: upload_pb2.ImportUploadRequest) -> UploadDocument:
        """Copy the tenant's object to an upload key, check the copy, record and queue it."""
        filename = request.filename or request.key.rsplit("/", 1)[-1]
        upload_id = new_id()
        key = upload_object_key(datetime.now(UTC), upload_id, filename)
        try:
            size = await self._objects.size_of(request.key)
            if size is None:
                raise not_found("object", request.key)
            check_size(size, self._limits)
            await self._objects.copy(request.key, key, STORED_CONTENT_TYPE)
        except STORAGE_ERRORS as exc:
            raise unavailable("UPLOAD_STORAGE_UNAVAILABLE", t("the object cannot be read")) from exc
        except UploadRejectedError as exc:
            raise rejected_file(exc) from None
        scanner = UploadScanner(self._limits)
        try:
            async for piece in self._objects.stream(key):
                scanner.feed(piece)
            scanner.finish()
        except UploadRejectedError as exc:
            await self._deleted(key)
            raise rejected_file(exc) from None
        except BaseException:
            await self._deleted(key)
            raise
        return await self._record_and_enqueue(
            StoredFile(upload_id, request.tenant_id, filename, key, scanner.size)
        )

    async def _record_and_enqueue(self, stored: StoredFile) -> UploadDocument:
        """The upload document, then its message, for an object already stored under its
        upload key; on a failure the object is removed again (and the upload FAILED)."""
        try:
            document = await self._uploads.create(
                upload_id=stored.upload_id,
                tenant_id=stored.tenant_id,
                filename=stored.filename,
                object_key=stored.key,
                size=stored.size,
            )
        except PyMongoError as exc:
            await self._deleted(stored.key)
            raise unavailable(
                "UPLOAD_STORE_UNAVAILABLE", t("the upload cannot be recorded")
            ) from exc
        try:
            await self._enqueue(stored.upload_id, stored.tenant_id, stored.key)
        except Exception as exc:
            log.warning("upload could not be queued", exc_info=exc)
            step = QUEUEING
            await self._give_up(stored.upload_id, stored.key, object_stored=True, step=step)
            if isinstance(exc, STORAGE_ERRORS):
                raise unavailable(
                    "UPLOAD_STORAGE_UNAVAILABLE",
                    step.retry,
                    upload_id=stored.upload_id,
                ) from exc
            raise
        return document

    async def _enqueue(self, upload_id: str, tenant_id: str, key: str) -> None:
        message = CreateBulkOrder(
            upload_id=upload_id,
            tenant_id=tenant_id,
            object_key=key,
            trace_id=current_trace_id() or "",
        )
        await self._queue.send(message.to_json())

    async def _deleted(self, key: str) -> None:
        try:
            await self._objects.delete(key)
        except Exception:
            log.exception("orphaned upload object", extra={"object_key": key})

    async def _give_up(
        self, upload_id: str, key: str, *, object_stored: bool, step: FailedStep
    ) -> None:
        """Leave no half state: the upload FAILED, and no orphaned object."""
        if object_stored:
            await self._deleted(key)
        try:
            await self._uploads.fail(upload_id, step.reason)
        except Exception:
            log.exception("upload left QUEUED without a message", extra={"upload_id": upload_id})


async def _aborted(writer: ObjectWriter) -> None:
    try:
        await asyncio.shield(writer.abort())
    except Exception:
        log.exception("incomplete multipart upload left behind")


def unavailable(reason: str, message: str, **metadata: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.UNAVAILABLE, message, reason=reason, metadata=metadata)
