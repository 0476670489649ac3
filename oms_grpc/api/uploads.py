"""oms.v1.UploadService: check the request (`upload_requests`), hand the file to the intake
(`upload_intake`: how each way in becomes a queued upload, with no half state), answer.

CreateUpload checks the whole body in a worker thread (a 50 MiB file is scanned without
blocking the event loop) and confirms the tenant exists in IMS (NOT_FOUND otherwise;
UNAVAILABLE if IMS cannot say) before anything is written. StreamUpload checks its header
and tenant first; a refusal there, as any refusal of a stream, reads what the client still
sends (within bounds) so that the client gets it (`common.grpc.streams`).

CreateUploadUrl hands out a presigned PUT for `incoming/{tenant}/{uuid}/{name}`;
ImportUpload (the original's /orders/bulk) takes only such slots of the caller's tenant.

GetErrorFile streams `errors/{upload_id}_errors.csv` from S3 through
`domain.error_files.rendered_chunks` (bounded memory), after a strict name check (no S3
access for any other name) and a tenant check of the upload that names the file.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
from google.api import httpbody_pb2
from oms.v1 import upload_pb2, upload_pb2_grpc

from common.clients.s3 import ObjectNotFoundError, ObjectStore
from common.grpc.errors import ServiceError, not_found
from common.grpc.server import ServiceRegistration
from common.grpc.streams import drain
from common.i18n import current_language, render
from common.ids import new_id
from common.texts import t
from common.timestamps import to_timestamp
from common.validation import Violations
from oms_grpc.api.upload_intake import (
    STORAGE_ERRORS,
    STORED_CONTENT_TYPE,
    UploadIntake,
    unavailable,
)
from oms_grpc.api.upload_requests import (
    accept_file,
    check_import_request,
    check_url_request,
    finish_uploads_page,
    parse_list_uploads,
    stream_header,
)
from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.domain.error_files import (
    CONTENT_TYPE,
    MalformedErrorFileError,
    download_name,
    rendered_chunks,
)
from oms_grpc.core.domain.upload_checks import UploadLimits
from oms_grpc.core.domain.uploads import (
    error_object_key,
    incoming_object_key,
    is_error_file_name,
    is_incoming_key_of,
    upload_id_of_error_file,
)
from oms_grpc.core.repositories.uploads import (
    UploadDocument,
    UploadRepository,
    stored_error,
    to_proto,
)

log = logging.getLogger(__name__)

Context = grpc.aio.ServicerContext[Any, Any]
CONTENT_DISPOSITION = "content-disposition"


class UploadServicer(upload_pb2_grpc.UploadServiceServicer):
    def __init__(
        self,
        *,
        uploads: UploadRepository,
        objects: ObjectStore,
        intake: UploadIntake,
        ims: ImsClient,
        limits: UploadLimits,
        presign_ttl_s: int = 900,
    ) -> None:
        self._uploads = uploads
        self._objects = objects
        self._intake = intake
        self._ims = ims
        self._limits = limits
        self._presign_ttl_s = presign_ttl_s

    async def CreateUpload(  # noqa: N802
        self, request: upload_pb2.CreateUploadRequest, context: Context
    ) -> upload_pb2.CreateUploadResponse:
        accepted = await asyncio.to_thread(accept_file, request, self._limits, current_language())
        await self._ims.require_tenant(accepted.tenant_id, "tenant_id")
        document = await self._intake.accept(accepted)
        return upload_pb2.CreateUploadResponse(upload=self._message(document))

    async def StreamUpload(  # noqa: N802
        self, requests: AsyncIterator[upload_pb2.StreamUploadRequest], context: Context
    ) -> upload_pb2.StreamUploadResponse:
        messages = aiter(requests)
        try:
            header = stream_header(await anext(messages, None))
            await self._ims.require_tenant(header.tenant_id, "header.tenant_id")
        except ServiceError:
            await drain(messages)  # so that the client gets this refusal
            raise
        document = await self._intake.receive(header, messages)
        return upload_pb2.StreamUploadResponse(upload=self._message(document))

    async def CreateUploadUrl(  # noqa: N802
        self, request: upload_pb2.CreateUploadUrlRequest, context: Context
    ) -> upload_pb2.CreateUploadUrlResponse:
        check_url_request(request)
        await self._ims.require_tenant(request.tenant_id, "tenant_id")
        key = incoming_object_key(request.tenant_id, new_id(), request.filename or "upload.csv")
        expires = datetime.now(UTC) + timedelta(seconds=self._presign_ttl_s)
        try:
            url = await self._objects.presigned_put(key, STORED_CONTENT_TYPE, self._presign_ttl_s)
        except STORAGE_ERRORS as exc:
            raise unavailable("UPLOAD_STORAGE_UNAVAILABLE", t("no upload URL can be made")) from exc
        reply = upload_pb2.CreateUploadUrlResponse(
            url=url, bucket=self._objects.bucket, key=key, expire_time=to_timestamp(expires)
        )
        reply.headers["Content-Type"] = STORED_CONTENT_TYPE
        return reply

    async def ImportUpload(  # noqa: N802
        self, request: upload_pb2.ImportUploadRequest, context: Context
    ) -> upload_pb2.ImportUploadResponse:
        check_import_request(request, self._objects.bucket)
        if not is_incoming_key_of(request.tenant_id, request.key):
            raise not_found("object", request.key)  # another tenant's, or not a slot at all
        await self._ims.require_tenant(request.tenant_id, "tenant_id")
        document = await self._intake.import_object(request)
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
        # A stored error is a message id, read in the caller's language.
        return upload_pb2.GetUploadResponse(upload=self._message(document, current_language()))

    async def ListUploads(  # noqa: N802
        self, request: upload_pb2.ListUploadsRequest, context: Context
    ) -> upload_pb2.ListUploadsResponse:
        query = parse_list_uploads(request)
        found = await self._uploads.list_page(
            query.tenant_id, state=query.state, after=query.after, limit=query.fetch_limit
        )
        page, token = finish_uploads_page(found, query)
        language = current_language()
        return upload_pb2.ListUploadsResponse(
            uploads=[self._message(document, language) for document in page],
            next_page_token=token,
        )

    def _message(self, document: UploadDocument, language: str | None = None) -> upload_pb2.Upload:
        """`language` set: a stored error message (a message id) in that language."""
        upload = to_proto(document)
        upload.bucket = self._objects.bucket
        if language is not None and upload.error_message:
            upload.error_message = render(stored_error(document), language)
        return upload

    async def GetErrorFile(  # noqa: N802
        self, request: upload_pb2.GetErrorFileRequest, context: Context
    ) -> AsyncIterator[upload_pb2.GetErrorFileResponse]:
        name = request.file_name
        violations = Violations()
        violations.uuid("tenant_id", request.tenant_id)
        if not is_error_file_name(name) or "\n" in name:  # the pattern's `$` allows a final LF
            violations.add("file_name", t("must be an error file name: {{upload_id}}_errors.csv"))
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
                t("error file {name!r} is corrupt", name=name),
                reason="ERROR_FILE_CORRUPT",
                metadata={"file_name": name},
            ) from exc
        except STORAGE_ERRORS as exc:
            raise unavailable("ERROR_FILE_UNAVAILABLE", t("the error file cannot be read")) from exc
        finally:
            await chunks.aclose()
            if isinstance(stored, AsyncGenerator):
                await stored.aclose()


def _chunk(data: bytes) -> upload_pb2.GetErrorFileResponse:
    return upload_pb2.GetErrorFileResponse(
        chunk=httpbody_pb2.HttpBody(content_type=CONTENT_TYPE, data=data)
    )


def upload_service(servicer: UploadServicer) -> ServiceRegistration:
    return ServiceRegistration(
        upload_pb2.DESCRIPTOR.services_by_name["UploadService"].full_name,
        lambda server: upload_pb2_grpc.add_UploadServiceServicer_to_server(servicer, server),
    )
