"""oms.v1.UploadService: CreateUpload, GetUpload, GetErrorFile.

CreateUpload, in this order:
1. Validate everything that needs no I/O (tenant_id format, the HttpBody, the whole-file
   checks of `domain.upload_checks`) in a worker thread: a 50 MiB file is scanned without
   blocking the event loop. Every problem is INVALID_ARGUMENT naming its field; nothing has
   been written yet.
2. Confirm the tenant exists in IMS (NOT_FOUND otherwise; UNAVAILABLE if IMS cannot say).
3. Insert the upload document (QUEUED) FIRST, then put the object at
   `upload_object_key(now, upload_id, filename)`, then send `CreateBulkOrder` to SQS.
   If the put or the send fails, the upload is marked FAILED (with a message saying which
   step failed; an object already stored is deleted) and the call answers UNAVAILABLE: a
   client that retries creates a new upload, and nobody ever sees a QUEUED upload that no
   message will process. This step runs in its own task shielded from the caller's
   cancellation, so a client that hangs up mid-way cannot leave it half done either.
   Remaining gap: if MongoDB itself fails while marking FAILED, the upload stays QUEUED
   without a message (logged as such; a sweeper of stale QUEUED uploads would close it).
   The document goes first because the ingester needs it to record progress: a message can
   never point at an upload that does not exist.

StreamUpload takes the file as a client stream (header, then chunks): each chunk is checked
by `domain.upload_checks.UploadScanner` and written on to S3 (`ObjectWriter`, one part held
at a time), so no whole file is ever in memory. Its order differs from CreateUpload's, as the
file is only known to be acceptable at its end: the object is completed first, then the
upload document inserted, then the message sent; a refusal or a cancelled stream aborts the
object and writes nothing. The steps after the stream run shielded, as above.

CreateUploadUrl hands out a presigned PUT for `incoming/{tenant}/{uuid}/{name}`; ImportUpload
(the original's /orders/bulk) then copies such an object to an upload key (server side),
scans the copy as it streams back from S3, and records and queues it as StreamUpload does;
a refused copy is deleted again.

GetErrorFile streams `errors/{upload_id}_errors.csv` from S3 through
`domain.error_files.rendered_chunks` (bounded memory), after a strict name check (no S3
access for any other name) and a tenant check of the upload that names the file.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
from botocore.exceptions import BotoCoreError, ClientError
from google.api import httpbody_pb2
from oms.v1 import upload_pb2, upload_pb2_grpc
from pymongo.errors import PyMongoError

from common.clients.s3 import ObjectNotFoundError, ObjectStore, ObjectWriter
from common.clients.sqs import QueueClient
from common.error_phrases import localize_text
from common.grpc.errors import FieldViolation, ServiceError, invalid_argument, not_found
from common.grpc.server import ServiceRegistration
from common.grpc.streams import drain
from common.i18n import current_language
from common.ids import new_id
from common.timestamps import to_timestamp
from common.tracing import current_trace_id
from common.validation import Violations
from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder
from oms_grpc.core.domain.error_files import (
    CONTENT_TYPE,
    MalformedErrorFileError,
    download_name,
    rendered_chunks,
)
from oms_grpc.core.domain.upload_body import BodyError, extract_csv
from oms_grpc.core.domain.upload_checks import (
    UploadLimits,
    UploadRejectedError,
    UploadScanner,
    check_size,
    check_upload,
)
from oms_grpc.core.domain.uploads import (
    error_object_key,
    incoming_object_key,
    is_error_file_name,
    is_incoming_key_of,
    upload_id_of_error_file,
    upload_object_key,
)
from oms_grpc.core.repositories.uploads import UploadDocument, UploadRepository, to_proto

log = logging.getLogger(__name__)

Context = grpc.aio.ServicerContext[Any, Any]
CONTENT_DISPOSITION = "content-disposition"
STORED_CONTENT_TYPE = "text/csv"
MAX_FILENAME_CHARS = 255
# Failures of S3/SQS (and of the network under them) that make the upload UNAVAILABLE.
STORAGE_ERRORS = (BotoCoreError, ClientError, OSError, TimeoutError)


@dataclass(frozen=True)
class AcceptedFile:
    tenant_id: str
    filename: str
    data: bytes


class UploadServicer(upload_pb2_grpc.UploadServiceServicer):
    def __init__(
        self,
        *,
        uploads: UploadRepository,
        objects: ObjectStore,
        queue: QueueClient,
        ims: ImsClient,
        limits: UploadLimits,
        presign_ttl_s: int = 900,
    ) -> None:
        self._presign_ttl_s = presign_ttl_s
        self._uploads = uploads
        self._objects = objects
        self._queue = queue
        self._ims = ims
        self._limits = limits
        self._in_flight: set[asyncio.Task[UploadDocument]] = set()

    async def CreateUpload(  # noqa: N802
        self, request: upload_pb2.CreateUploadRequest, context: Context
    ) -> upload_pb2.CreateUploadResponse:
        accepted = await asyncio.to_thread(accept_file, request, self._limits, current_language())
        await self._ims.require_tenant(accepted.tenant_id, "tenant_id")
        document = await self._shielded(self._store_and_enqueue(accepted))
        return upload_pb2.CreateUploadResponse(upload=self._message(document))

    async def StreamUpload(  # noqa: N802
        self, requests: AsyncIterator[upload_pb2.StreamUploadRequest], context: Context
    ) -> upload_pb2.StreamUploadResponse:
        iterator = aiter(requests)
        try:
            header = stream_header(await anext(iterator, None))
            await self._ims.require_tenant(header.tenant_id, "header.tenant_id")
        except ServiceError:
            await drain(iterator)  # so that the client gets this refusal (common.grpc.streams)
            raise
        upload_id = new_id()
        key = upload_object_key(datetime.now(UTC), upload_id, header.filename)
        writer = self._objects.writer(key, content_type=STORED_CONTENT_TYPE)
        scanner = UploadScanner(self._limits)
        try:
            async for message in iterator:
                if message.WhichOneof("part") != "chunk":
                    raise invalid_argument(
                        [FieldViolation("header", "only the first message may be the header")]
                    )
                scanner.feed(message.chunk)
                await writer.write(message.chunk)
            scanner.finish()
        except UploadRejectedError as exc:
            await _aborted(writer)
            await drain(iterator)
            raise _rejected_file(exc) from None
        except ServiceError:
            await _aborted(writer)
            await drain(iterator)
            raise
        except BaseException:  # a cancelled or broken stream: nothing stays
            await _aborted(writer)
            raise
        accepted = StreamedFile(header.tenant_id, header.filename, upload_id, key, writer)
        document = await self._shielded(self._complete_and_enqueue(accepted))
        return upload_pb2.StreamUploadResponse(upload=self._message(document))

    async def CreateUploadUrl(  # noqa: N802
        self, request: upload_pb2.CreateUploadUrlRequest, context: Context
    ) -> upload_pb2.CreateUploadUrlResponse:
        violations = Violations()
        violations.uuid("tenant_id", request.tenant_id)
        _check_filename(violations, "filename", request.filename)
        violations.raise_if_any()
        await self._ims.require_tenant(request.tenant_id, "tenant_id")
        key = incoming_object_key(request.tenant_id, new_id(), request.filename or "upload.csv")
        expires = datetime.now(UTC) + timedelta(seconds=self._presign_ttl_s)
        try:
            url = await self._objects.presigned_put(key, STORED_CONTENT_TYPE, self._presign_ttl_s)
        except STORAGE_ERRORS as exc:
            raise _unavailable("UPLOAD_STORAGE_UNAVAILABLE", "no upload URL can be made") from exc
        reply = upload_pb2.CreateUploadUrlResponse(
            url=url, bucket=self._objects.bucket, key=key, expire_time=to_timestamp(expires)
        )
        reply.headers["Content-Type"] = STORED_CONTENT_TYPE
        return reply

    async def ImportUpload(  # noqa: N802
        self, request: upload_pb2.ImportUploadRequest, context: Context
    ) -> upload_pb2.ImportUploadResponse:
        violations = Violations()
        violations.uuid("tenant_id", request.tenant_id)
        if request.bucket != self._objects.bucket:
            violations.add("bucket", f"must be the upload bucket {self._objects.bucket!r}")
        if not request.key:
            violations.add("key", "is required")
        _check_filename(violations, "filename", request.filename)
        violations.raise_if_any()
        if not is_incoming_key_of(request.tenant_id, request.key):
            raise not_found("object", request.key)  # another tenant's, or not a slot at all
        await self._ims.require_tenant(request.tenant_id, "tenant_id")
        document = await self._shielded(self._import(request))
        return upload_pb2.ImportUploadResponse(upload=self._message(document))

    async def GetUpload(  # noqa: N802
        self, request: upload_pb2.GetUploadRequest, context: Context
    ) -> upload_pb2.GetUploadResponse:
        violations = Violations()
        violations.uuid("tenant_id", request.tenant_id)
        violations.uuid("id", request.id)
        violations.raise_if_any()
        document = await self._uploads.get(request.tenant_id, request.id)
        if document is None:
            raise not_found("upload", request.id)
        upload = self._message(document)
        if upload.error_message:  # stored in English, read in the caller's language
            language = current_language()
            upload.error_message = localize_text(upload.error_message, language) or (
                upload.error_message
            )
        return upload_pb2.GetUploadResponse(upload=upload)

    def _message(self, document: UploadDocument) -> upload_pb2.Upload:
        upload = to_proto(document)
        upload.bucket = self._objects.bucket
        return upload

    async def GetErrorFile(  # noqa: N802
        self, request: upload_pb2.GetErrorFileRequest, context: Context
    ) -> AsyncIterator[upload_pb2.GetErrorFileResponse]:
        name = request.file_name
        violations = Violations()
        violations.uuid("tenant_id", request.tenant_id)
        if not is_error_file_name(name) or "\n" in name:  # the pattern's `$` allows a final LF
            violations.add("file_name", "must be an error file name: {upload_id}_errors.csv")
        violations.raise_if_any()
        upload = await self._uploads.get(request.tenant_id, upload_id_of_error_file(name))
        if upload is None or upload.get("error_file_name") != name:
            raise not_found("error file", name)

        stored = self._objects.stream(error_object_key(name))
        chunks = rendered_chunks(stored, current_language())
        try:
            first = await anext(chunks, b"")
            disposition = f'attachment; filename="{download_name(upload["filename"])}"'
            await context.send_initial_metadata(((CONTENT_DISPOSITION, disposition),))
            yield _chunk(first)
            async for data in chunks:
                yield _chunk(data)
        except ObjectNotFoundError:
            raise not_found("error file", name) from None
        except MalformedErrorFileError as exc:
            log.error("corrupt error file", extra={"file_name": name, "reason": str(exc)})
            raise ServiceError(
                grpc.StatusCode.DATA_LOSS,
                f"error file {name!r} is corrupt",
                reason="ERROR_FILE_CORRUPT",
                metadata={"file_name": name},
            ) from exc
        except STORAGE_ERRORS as exc:
            raise _unavailable("ERROR_FILE_UNAVAILABLE", "the error file cannot be read") from exc
        finally:
            await chunks.aclose()
            if isinstance(stored, AsyncGenerator):
                await stored.aclose()

    # --- CreateUpload steps -----------------------------------------------------------------

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
            raise _unavailable("UPLOAD_STORE_UNAVAILABLE", "the upload cannot be recorded") from exc
        object_stored = False
        try:
            await self._objects.put(key, accepted.data, content_type=STORED_CONTENT_TYPE)
            object_stored = True
            await self._enqueue(upload_id, accepted.tenant_id, key)
        except Exception as exc:
            step = "queued for processing" if object_stored else "stored"
            log.warning(
                "upload could not be %s", step, exc_info=exc, extra={"upload_id": upload_id}
            )
            await self._give_up(upload_id, key, object_stored=object_stored, step=step)
            if isinstance(exc, STORAGE_ERRORS):
                raise _unavailable(
                    "UPLOAD_STORAGE_UNAVAILABLE",
                    f"the file could not be {step}; please try again",
                    upload_id=upload_id,
                ) from exc
            raise
        return document

    async def _complete_and_enqueue(self, streamed: StreamedFile) -> UploadDocument:
        try:
            await streamed.writer.complete()
        except STORAGE_ERRORS as exc:
            await _aborted(streamed.writer)
            raise _unavailable(
                "UPLOAD_STORAGE_UNAVAILABLE", "the file could not be stored; please try again"
            ) from exc
        stored = StoredFile(
            streamed.upload_id,
            streamed.tenant_id,
            streamed.filename,
            streamed.key,
            streamed.writer.size,
        )
        return await self._record_and_enqueue(stored)

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
            raise _unavailable("UPLOAD_STORAGE_UNAVAILABLE", "the object cannot be read") from exc
        except UploadRejectedError as exc:
            raise _rejected_file(exc) from None
        scanner = UploadScanner(self._limits)
        try:
            async for piece in self._objects.stream(key):
                scanner.feed(piece)
            scanner.finish()
        except UploadRejectedError as exc:
            await self._deleted(key)
            raise _rejected_file(exc) from None
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
            raise _unavailable("UPLOAD_STORE_UNAVAILABLE", "the upload cannot be recorded") from exc
        try:
            await self._enqueue(stored.upload_id, stored.tenant_id, stored.key)
        except Exception as exc:
            log.warning("upload could not be queued", exc_info=exc)
            step = "queued for processing"
            await self._give_up(stored.upload_id, stored.key, object_stored=True, step=step)
            if isinstance(exc, STORAGE_ERRORS):
                raise _unavailable(
                    "UPLOAD_STORAGE_UNAVAILABLE",
                    f"the file could not be {step}; please try again",
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

    async def _give_up(self, upload_id: str, key: str, *, object_stored: bool, step: str) -> None:
        """Leave no half state: the upload FAILED, and no orphaned object."""
        if object_stored:
            await self._deleted(key)
        try:
            await self._uploads.fail(upload_id, f"the file could not be {step}")
        except Exception:
            log.exception("upload left QUEUED without a message", extra={"upload_id": upload_id})


def accept_file(
    request: upload_pb2.CreateUploadRequest, limits: UploadLimits, language: str
) -> AcceptedFile:
    """Every check of CreateUpload that needs no I/O (CPU-bound: run it in a thread)."""
    violations = Violations()
    try:
        uploaded = extract_csv(request.file.content_type, request.file.data)
    except BodyError as exc:
        violations.add(exc.field, exc.description)
        uploaded = None

    form = uploaded.fields if uploaded else {}
    tenant_id = request.tenant_id or form.get("tenant_id", "")
    if request.tenant_id and form.get("tenant_id", request.tenant_id) != request.tenant_id:
        violations.add("tenant_id", "the form's tenant_id differs from the request's")
    violations.uuid("tenant_id", tenant_id)

    filename = (
        request.filename or form.get("filename", "") or (uploaded.filename if uploaded else "")
    )
    _check_filename(violations, "filename", filename)

    if uploaded is not None:
        try:
            check_upload(uploaded.data, limits)
        except UploadRejectedError as exc:
            violations.add(exc.rejection.field, exc.rejection.message(language))
    violations.raise_if_any()
    if uploaded is None:  # unreachable: a BodyError is a violation
        raise ValueError("no file")
    return AcceptedFile(tenant_id=tenant_id, filename=filename, data=uploaded.data)


@dataclass(frozen=True)
class StoredFile:
    upload_id: str
    tenant_id: str
    filename: str
    key: str
    size: int


@dataclass(frozen=True)
class StreamedFile:
    tenant_id: str
    filename: str
    upload_id: str
    key: str
    writer: ObjectWriter


def stream_header(first: upload_pb2.StreamUploadRequest | None) -> upload_pb2.UploadHeader:
    """The header that must open a StreamUpload, checked."""
    if first is None or first.WhichOneof("part") != "header":
        raise invalid_argument([FieldViolation("header", "the first message must be the header")])
    violations = Violations()
    violations.uuid("header.tenant_id", first.header.tenant_id)
    _check_filename(violations, "header.filename", first.header.filename)
    violations.raise_if_any()
    return first.header


def _check_filename(violations: Violations, field: str, filename: str) -> None:
    if len(filename) > MAX_FILENAME_CHARS:
        violations.add(field, f"must be at most {MAX_FILENAME_CHARS} characters")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in filename):
        violations.add(field, "must not contain control characters")


def _rejected_file(exc: UploadRejectedError) -> ServiceError:
    message = exc.rejection.message(current_language())
    return invalid_argument([FieldViolation(exc.rejection.field, message)])


async def _aborted(writer: ObjectWriter) -> None:
    try:
        await asyncio.shield(writer.abort())
    except Exception:
        log.exception("incomplete multipart upload left behind")


def _chunk(data: bytes) -> upload_pb2.GetErrorFileResponse:
    return upload_pb2.GetErrorFileResponse(
        chunk=httpbody_pb2.HttpBody(content_type=CONTENT_TYPE, data=data)
    )


def _unavailable(reason: str, message: str, **metadata: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.UNAVAILABLE, message, reason=reason, metadata=metadata)


def upload_service(servicer: UploadServicer) -> ServiceRegistration:
    return ServiceRegistration(
        upload_pb2.DESCRIPTOR.services_by_name["UploadService"].full_name,
        lambda server: upload_pb2_grpc.add_UploadServiceServicer_to_server(servicer, server),
    )
