"""Server interceptors: trace id and language of the caller, ServiceError → rich status in the
caller's language, access logs."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import grpc
from google.protobuf.message import DecodeError
from grpc.aio import ServerInterceptor

from common.grpc.errors import ErrorCode, ServiceError, status_code, to_status
from common.grpc.outages import outage
from common.i18n import LANGUAGE_METADATA_KEY, bind_language
from common.metrics import RPC_HANDLED, RPC_SECONDS
from common.texts import t
from common.tracing import TRACE_METADATA_KEY, bind_trace_id

log = logging.getLogger("grpc.access")

# grpc-stubs types the aio interceptor API after the sync one; handlers/contexts are Any here.
Handler = Any
Continuation = Callable[[grpc.HandlerCallDetails], Awaitable[Handler]]


class ObservabilityInterceptor(ServerInterceptor):  # type: ignore[type-arg]
    """Binds the caller's trace id (or a new one) and language, logs each call, converts
    ServiceError."""

    async def intercept_service(
        self, continuation: Continuation, handler_call_details: grpc.HandlerCallDetails
    ) -> Handler:
        handler = await continuation(handler_call_details)
        if handler is None:
            return None
        if handler.unary_unary is not None:
            return _wrap_unary_unary(handler, handler_call_details)
        if handler.unary_stream is not None:
            return _wrap_unary_stream(handler, handler_call_details)
        if handler.stream_unary is not None:
            return _wrap_stream_unary(handler, handler_call_details)
        return handler  # bidirectional streaming: none in our APIs


class MalformedRequest:
    """What a request that is not a valid message of its type deserializes to (instead of
    grpc's own UNKNOWN "DecodeError"): the call is refused with INVALID_ARGUMENT. Envoy's
    transcoder, for one, can produce such bytes from JSON it cannot map (an object where a
    map wants a string)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _tolerant(deserialize: Callable[[bytes], Any] | None) -> Callable[[bytes], Any] | None:
    if deserialize is None:
        return None

    def parse(data: bytes) -> Any:
        try:
            return deserialize(data)
        except DecodeError as exc:
            return MalformedRequest(str(exc))

    return parse


def _well_formed(request: Any) -> Any:
    if isinstance(request, MalformedRequest):
        raise ServiceError(
            ErrorCode.INVALID_ARGUMENT,
            t("the request is not a valid message: {reason}", reason=request.reason),
            reason="MALFORMED_REQUEST",
        )
    return request


async def _well_formed_stream(requests: AsyncIterator[Any]) -> AsyncIterator[Any]:
    async for request in requests:
        yield _well_formed(request)


def _metadata_value(details: grpc.HandlerCallDetails, wanted: str) -> str | None:
    for key, value in details.invocation_metadata or ():
        if key == wanted:
            return str(value)
    return None


def _bind_call_context(details: grpc.HandlerCallDetails) -> tuple[str, str]:
    """The caller's trace id (or a new one) and language, made current for this call."""
    trace_id = bind_trace_id(_metadata_value(details, TRACE_METADATA_KEY))
    language = bind_language(_metadata_value(details, LANGUAGE_METADATA_KEY))
    return trace_id, language


class _Outcome:
    code = grpc.StatusCode.OK


@asynccontextmanager
async def _served(
    details: grpc.HandlerCallDetails, context: Any, *, trailing_trace_id: bool
) -> AsyncIterator[None]:
    """One call: the caller's trace id and language bound, a ServiceError turned into its
    status in that language, anything else logged, the call's outcome logged."""
    trace_id, language = _bind_call_context(details)
    if trailing_trace_id:
        # Trailing, not initial, metadata: it rides on the status frame, no extra write.
        context.set_trailing_metadata(((TRACE_METADATA_KEY, trace_id),))
    started = time.perf_counter()
    outcome = _Outcome()
    try:
        yield
    except ServiceError as exc:
        outcome.code = status_code(exc)
        await context.abort_with_status(to_status(exc, language))
    except grpc.aio.AbortError:
        outcome.code = context.code() or grpc.StatusCode.UNKNOWN
        raise
    except Exception as exc:
        unavailable = outage(exc)
        if unavailable is None:
            outcome.code = grpc.StatusCode.INTERNAL
            log.exception("unhandled error", extra={"method": details.method})
            raise
        outcome.code = grpc.StatusCode.UNAVAILABLE
        log.warning("a dependency is unavailable", extra={"method": details.method}, exc_info=exc)
        await context.abort_with_status(to_status(unavailable, language))
    finally:
        _log_call(details.method, outcome.code, started)


def _wrap_unary_unary(handler: Handler, details: grpc.HandlerCallDetails) -> Handler:
    inner = handler.unary_unary

    async def wrapped(request: Any, context: Any) -> Any:
        async with _served(details, context, trailing_trace_id=True):
            return await inner(_well_formed(request), context)

    return grpc.unary_unary_rpc_method_handler(
        wrapped,
        request_deserializer=_tolerant(handler.request_deserializer),
        response_serializer=handler.response_serializer,
    )


def _wrap_unary_stream(handler: Handler, details: grpc.HandlerCallDetails) -> Handler:
    inner = handler.unary_stream

    async def wrapped(request: Any, context: Any) -> Any:
        async with _served(details, context, trailing_trace_id=False):
            async for item in inner(_well_formed(request), context):
                yield item

    return grpc.unary_stream_rpc_method_handler(
        wrapped,
        request_deserializer=_tolerant(handler.request_deserializer),
        response_serializer=handler.response_serializer,
    )


def _wrap_stream_unary(handler: Handler, details: grpc.HandlerCallDetails) -> Handler:
    inner = handler.stream_unary

    async def wrapped(requests: Any, context: Any) -> Any:
        async with _served(details, context, trailing_trace_id=True):
            return await inner(_well_formed_stream(requests), context)

    return grpc.stream_unary_rpc_method_handler(
        wrapped,
        request_deserializer=_tolerant(handler.request_deserializer),
        response_serializer=handler.response_serializer,
    )


def _log_call(method: str, code: grpc.StatusCode, started: float) -> None:
    elapsed = time.perf_counter() - started
    service, _, name = method.lstrip("/").rpartition("/")
    RPC_HANDLED.labels(service, name, code.name).inc()
    RPC_SECONDS.labels(service, name).observe(elapsed)
    log.info(
        "rpc",
        extra={"method": method, "code": code.name, "duration_ms": round(elapsed * 1000, 2)},
    )
