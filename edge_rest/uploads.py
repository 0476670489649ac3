"""The original API's CSV endpoints: POST /orders/upload (multipart `file`, 202 {bucket,
key}), GET /orders/errors/{file} (the rejected rows as CSV); ours: GET /orders/uploads/{id}
(progress).

The body goes to OMS as it came (multipart or raw `text/csv`; OMS parses and checks it), so
the edge adds no limits of its own beyond OMS's. It does hold one upload in memory while it
passes: streaming uploads are a later step (issue 9). The error file streams through.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import falcon
import falcon.asgi
import grpc
from google.api import httpbody_pb2
from oms.v1 import upload_pb2, upload_pb2_grpc

from edge_rest.calls import respond
from edge_rest.errors import answer_rpc_error
from edge_rest.forwarding import call_metadata
from edge_rest.shapes import upload_json

Uploads = Callable[[], upload_pb2_grpc.UploadServiceStub]


class UploadsResource:
    def __init__(self, uploads: Uploads, timeout_s: float) -> None:
        self._uploads = uploads
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await req.stream.read()
        request = upload_pb2.CreateUploadRequest(
            tenant_id=req.get_param("tenant_id") or "",
            filename=req.get_param("filename") or "",
            file=httpbody_pb2.HttpBody(content_type=req.content_type or "", data=body),
        )
        await respond(
            req,
            resp,
            self._uploads().CreateUpload,
            request,
            lambda reply: upload_json(reply.upload),
            timeout_s=self._timeout_s,
            field_name=str,
            status=falcon.HTTP_202,
        )


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
