"""The original API's CSV endpoints: POST /orders/upload (multipart `file`, 202 {bucket,
key}), POST /orders/bulk ({bucket, key} of a file the tenant put into the bucket), GET
/orders/errors/{file} (the rejected rows as CSV); ours: GET /orders/uploads/{id} (progress),
POST /orders/upload-url (a presigned PUT for POST /orders/bulk).

The file streams through: the edge reads it from the request as it arrives
(`edge_rest.upload_source`) and hands it on to OMS's StreamUpload in chunks of at most
`CHUNK_BYTES`, so no whole file is held here (OMS checks it as it passes and writes it to S3
in parts). If OMS refuses the file mid-way (e.g. over the size limit), the edge stops
reading and answers the refusal. The error file streams through too.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import falcon
import falcon.asgi
import grpc
from oms.v1 import upload_pb2, upload_pb2_grpc

from common.texts import t
from edge_rest.bodies import json_object, refuse_unknown, text_field
from edge_rest.calls import respond
from edge_rest.errors import answer_rpc_error, bad_request
from edge_rest.forwarding import call_metadata
from edge_rest.shapes import rfc3339, upload_json
from edge_rest.upload_source import upload_source

Uploads = Callable[[], upload_pb2_grpc.UploadServiceStub]
# The most of the file one gRPC message carries (well below the 4 MiB message limit).
CHUNK_BYTES = 256 * 1024


class UploadsResource:
    def __init__(self, uploads: Uploads, timeout_s: float) -> None:
        self._uploads = uploads
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        source = await upload_source(req)
        tenant_id = req.get_param("tenant_id") or source.fields.get("tenant_id", "")
        if req.get_param("tenant_id") and source.fields.get("tenant_id", tenant_id) != tenant_id:
            raise bad_request({"tenant_id": t("the form's tenant_id differs from the query's")})
        header = upload_pb2.UploadHeader(
            tenant_id=tenant_id,
            filename=req.get_param("filename") or source.fields.get("filename") or source.filename,
        )
        call = self._uploads().StreamUpload(metadata=call_metadata(req), timeout=self._timeout_s)
        try:
            await _send(call, header, source.chunks)
            reply = await call
        except grpc.aio.AioRpcError as exc:
            answer_rpc_error(resp, exc, _original_field)
            return
        except BaseException:  # the client went away, or its form broke mid-way
            call.cancel()
            raise
        resp.status = falcon.HTTP_202
        resp.media = upload_json(reply.upload)


async def _send(call: Any, header: upload_pb2.UploadHeader, chunks: AsyncIterator[bytes]) -> None:
    """Write the stream; stop early, without an error, once OMS has answered (a refusal)."""
    try:
        await call.write(upload_pb2.StreamUploadRequest(header=header))
        async for data in chunks:
            for start in range(0, len(data), CHUNK_BYTES):
                piece = data[start : start + CHUNK_BYTES]
                await call.write(upload_pb2.StreamUploadRequest(chunk=piece))
        await call.done_writing()
    except asyncio.InvalidStateError:
        pass  # the call is over: awaiting it gives OMS's answer


def _original_field(field: str) -> str:
    return field.removeprefix("header.")


class UploadResource:
    def __init__(self, uploads: Uploads, timeout_s: float) -> None:
        self._uploads = uploads
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        await respond(
            req,
            resp,
            self._uploads().GetUpload,
            upload_pb2.GetUploadRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            lambda reply: upload_json(reply.upload)["upload"],
            timeout_s=self._timeout_s,
            field_name=str,
        )


class ErrorFileResource:
    def __init__(self, uploads: Uploads, timeout_s: float) -> None:
        self._uploads = uploads
        self._timeout_s = timeout_s

    async def on_get(
        self,
        req: falcon.asgi.Request,
        resp: falcon.asgi.Response,
        file: str,
    ) -> None:
        request = upload_pb2.GetErrorFileRequest(
            tenant_id=req.get_param("tenant_id") or "", file_name=file
        )
        stream = self._uploads().GetErrorFile(
            request, metadata=call_metadata(req), timeout=self._timeout_s
        )
        try:
            first = await stream.read()  # errors (not found, no credential) come first
        except grpc.aio.AioRpcError as exc:
            answer_rpc_error(resp, exc, lambda field: "file" if field == "file_name" else field)
            return
        if first is grpc.aio.EOF:  # type: ignore[attr-defined]
            resp.content_type = "text/csv; charset=utf-8"
            resp.data = b""
            return
        resp.content_type = first.chunk.content_type or "text/csv; charset=utf-8"
        resp.downloadable_as = file
        resp.stream = _rest(first.chunk.data, stream)


async def _rest(first: bytes, stream: Any) -> AsyncIterator[bytes]:
    """The first chunk, then the others as they come (read(), not iteration: grpc.aio does
    not allow both on one call)."""
    yield first
    while (message := await stream.read()) is not grpc.aio.EOF:  # type: ignore[attr-defined]
        yield message.chunk.data


class BulkImportResource:
    """POST /orders/bulk {bucket, key}: an object the tenant put into the upload bucket
    (with POST /orders/upload-url) becomes an upload, 202 as POST /orders/upload answers."""

    def __init__(self, uploads: Uploads, timeout_s: float) -> None:
        self._uploads = uploads
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, {"bucket", "key", "tenant_id", "filename"})
        request = upload_pb2.ImportUploadRequest(
            tenant_id=text_field(body, "tenant_id") or req.get_param("tenant_id") or "",
            bucket=text_field(body, "bucket"),
            key=text_field(body, "key"),
            filename=text_field(body, "filename"),
        )
        await respond(
            req,
            resp,
            self._uploads().ImportUpload,
            request,
            lambda reply: upload_json(reply.upload),
            timeout_s=self._timeout_s,
            field_name=str,
            status=falcon.HTTP_202,
        )


class UploadUrlResource:
    """POST /orders/upload-url {filename} (ours): where to PUT a file straight into S3."""

    def __init__(self, uploads: Uploads, timeout_s: float) -> None:
        self._uploads = uploads
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req) if req.content_length else {}
        refuse_unknown(body, {"filename", "tenant_id"})
        request = upload_pb2.CreateUploadUrlRequest(
            tenant_id=text_field(body, "tenant_id") or req.get_param("tenant_id") or "",
            filename=text_field(body, "filename"),
        )
        await respond(
            req,
            resp,
            self._uploads().CreateUploadUrl,
            request,
            lambda reply: {
                "url": reply.url,
                "method": "PUT",
                "headers": dict(reply.headers),
                "bucket": reply.bucket,
                "key": reply.key,
                "expires_at": rfc3339(reply.expire_time),
            },
            timeout_s=self._timeout_s,
            field_name=str,
            status=falcon.HTTP_201,
        )
