"""The gRPC adapter of `common.errors`: ServiceError → status with google.rpc error details.

Clients get a machine-readable reason (ErrorInfo) and, for bad input, the offending fields
(BadRequest.FieldViolation), in the standard `grpc-status-details-bin` trailer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from common.errors import (  # re-exported: the transports' one import for errors
    ErrorCode,
    FieldViolation,
    ServiceError,
    already_exists,
    failed_precondition,
    invalid_argument,
    not_found,
    summarize,
)
from common.i18n import DEFAULT_LANGUAGE, render
from common.texts import Text

__all__ = [
    "ErrorCode",
    "FieldViolation",
    "ServiceError",
    "already_exists",
    "failed_precondition",
    "field_violations",
    "invalid_argument",
    "not_found",
    "status_code",
    "summarize",
    "to_status",
]

ERROR_DOMAIN = "omsims"
RETRY_AFTER_METADATA_KEY = "retry-after"


def to_status(error: ServiceError, language: str = DEFAULT_LANGUAGE) -> grpc.Status:
    """The rich status of `error`, its texts in `language` where a translation exists
    (English otherwise); a LocalizedMessage detail says which language the message is in."""
    violations = [
        FieldViolation(v.field, render(v.description, language)) for v in error.violations
    ]
    if error.violations and error.message == summarize(error.violations):
        message = summarize(violations)
    else:
        message = render(error.message, language)
    translated = isinstance(error.message, Text) or bool(error.violations)
    locale = language if translated else DEFAULT_LANGUAGE
    details = [
        _packed(
            error_details_pb2.ErrorInfo(
                reason=error.reason, domain=ERROR_DOMAIN, metadata=error.metadata
            )
        )
    ]
    if violations:
        details.append(
            _packed(
                error_details_pb2.BadRequest(
                    field_violations=[
                        error_details_pb2.BadRequest.FieldViolation(
                            field=v.field, description=v.description
                        )
                        for v in violations
                    ]
                )
            )
        )
    if error.retry_after_s is not None:
        delay = duration_pb2.Duration()
        delay.FromMilliseconds(math.ceil(error.retry_after_s * 1000))
        details.append(_packed(error_details_pb2.RetryInfo(retry_delay=delay)))
    details.append(_packed(error_details_pb2.LocalizedMessage(locale=locale, message=message)))
    status = status_pb2.Status(code=error.code.value, message=message, details=details)
    converted = rpc_status.to_status(status)
    if error.retry_after_s is None:
        return converted
    # Also as plain metadata in whole seconds (HTTP's Retry-After), for clients that do not
    # decode status details; the REST edges pass it on.
    retry_after = ((RETRY_AFTER_METADATA_KEY, str(max(1, math.ceil(error.retry_after_s)))),)
    return _Status(converted.code, converted.details, (*converted.trailing_metadata, *retry_after))


@dataclass(frozen=True)
class _Status(grpc.Status):
    code: grpc.StatusCode
    details: str
    trailing_metadata: tuple[tuple[str, str | bytes], ...]


def status_code(error: ServiceError) -> grpc.StatusCode:
    return grpc.StatusCode[error.code.name]


def _packed(detail: Message) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(detail)
    return packed


assert ErrorCode.INVALID_ARGUMENT.value == code_pb2.INVALID_ARGUMENT
assert all(grpc.StatusCode[code.name].value[0] == code.value for code in ErrorCode)


def field_violations(error: grpc.aio.AioRpcError) -> list[FieldViolation]:
    """Client side: extract BadRequest field violations from a failed call."""
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    if status is None:
        return []
    found: list[FieldViolation] = []
    for detail in status.details:
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad_request = error_details_pb2.BadRequest()
            detail.Unpack(bad_request)
            found.extend(
                FieldViolation(v.field, v.description) for v in bad_request.field_violations
            )
    return found
