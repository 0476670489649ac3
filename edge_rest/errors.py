"""gRPC failures → HTTP answers: a status the client can act on and a JSON body naming the
fields at fault, in the caller's language (the servers already localized it). Never a 500
for a refusal the service explained.

    {"error": {"code": "INVALID_ARGUMENT", "reason": "INVALID_ARGUMENT",
               "message": "name: is required", "fields": [{"field": "name", ...}]}}
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import falcon
import falcon.asgi
import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from common.i18n import negotiate, render

log = logging.getLogger(__name__)

_HTTP_STATUS = {
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.OUT_OF_RANGE: 400,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.FAILED_PRECONDITION: 412,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.CANCELLED: 499,
    grpc.StatusCode.UNIMPLEMENTED: 501,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
}
# Whatever else a service answers (INTERNAL, UNKNOWN, DATA_LOSS) is its failure, not the
# edge's: a bad gateway.
_UPSTREAM_FAILURE = 502

FieldName = Callable[[str], str]


def _same(field: str) -> str:
    return field


def error_body(exc: grpc.aio.AioRpcError, field_name: FieldName = _same) -> dict[str, Any]:
    code = exc.code()
    body: dict[str, Any] = {"code": code.name, "message": exc.details() or code.name}
    status = rpc_status.from_call(exc)  # type: ignore[arg-type]
    fields: list[dict[str, str]] = []
    ours: list[str] = []  # the services' own summary, "field: description; …"
    for detail in status.details if status is not None else ():
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            body["reason"] = info.reason
        elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            fields += [
                {"field": field_name(v.field), "description": v.description}
                for v in bad.field_violations
            ]
            ours += [f"{v.field}: {v.description}" for v in bad.field_violations]
    if fields:
        body["fields"] = fields
        if body["message"] == "; ".join(ours):  # the summary, in the caller's field names
            body["message"] = "; ".join(f"{f['field']}: {f['description']}" for f in fields)
    return {"error": body}


def answer_rpc_error(
    resp: falcon.asgi.Response, exc: grpc.aio.AioRpcError, field_name: FieldName = _same
) -> None:
    resp.status = _HTTP_STATUS.get(exc.code(), _UPSTREAM_FAILURE)
    resp.media = error_body(exc, field_name)
    trailers: Any = exc.trailing_metadata() or ()
    for key, value in trailers:
        if key == "retry-after":
            resp.set_header("Retry-After", str(value))
    if resp.status == _UPSTREAM_FAILURE:
        log.warning("service failed", extra={"code": exc.code().name, "detail": exc.details()})


async def handle_rpc_error(
    req: falcon.asgi.Request, resp: falcon.asgi.Response, exc: Exception, params: Any
) -> None:
    """Falcon error handler for RPC failures a resource did not translate itself."""
    assert isinstance(exc, grpc.aio.AioRpcError)
    answer_rpc_error(resp, exc)


class RequestRefusedError(Exception):
    """The edge's own refusal of a request, before any RPC: 400 naming the fields."""

    def __init__(self, fields: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {text}" for field, text in fields.items()))
        self.fields = dict(fields)


def bad_request(fields: dict[str, str]) -> RequestRefusedError:
    return RequestRefusedError(fields)


async def handle_refusal(
    req: falcon.asgi.Request, resp: falcon.asgi.Response, exc: Exception, params: Any
) -> None:
    assert isinstance(exc, RequestRefusedError)
    language = negotiate(req.get_header("Accept-Language"))
    fields = [{"field": f, "description": render(d, language)} for f, d in exc.fields.items()]
    resp.status = 400
    resp.media = {
        "error": {
            "code": "INVALID_ARGUMENT",
            "reason": "INVALID_ARGUMENT",
            "message": "; ".join(f"{f['field']}: {f['description']}" for f in fields),
            "fields": fields,
        }
    }


_HTTP_CODES = {
    400: "INVALID_ARGUMENT",
    404: "NOT_FOUND",
    405: "UNIMPLEMENTED",
    415: "INVALID_ARGUMENT",
}


async def handle_http_error(
    req: falcon.asgi.Request, resp: falcon.asgi.Response, exc: Exception, params: Any
) -> None:
    """Falcon's own answers (no such route, wrong method, …) in the same body shape."""
    assert isinstance(exc, falcon.HTTPError)
    resp.status = exc.status
    code = _HTTP_CODES.get(exc.status_code, "FAILED_PRECONDITION")
    error: dict[str, Any] = {"code": code, "message": exc.title or code}
    if exc.description:
        error["message"] = f"{error['message']}: {exc.description}"
    resp.media = {"error": error}
    headers: Any = exc.headers or {}
    pairs = headers.items() if isinstance(headers, dict) else headers
    for name, value in pairs:
        resp.set_header(name, value)
