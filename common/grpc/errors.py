"""Map domain failures to gRPC status codes with google.rpc error details.

Clients get a machine-readable reason (ErrorInfo) and, for bad input, the offending fields
(BadRequest.FieldViolation), in the standard `grpc-status-details-bin` trailer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import grpc
from google.protobuf import any_pb2
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from common.error_phrases import localize_text
from common.i18n import DEFAULT_LANGUAGE

ERROR_DOMAIN = "omsims"


@dataclass(frozen=True)
class FieldViolation:
    field: str
    description: str


class ServiceError(Exception):
    """Raised by servicers/domain code; turned into a rich gRPC status by the interceptor."""

    def __init__(
        self,
        code: grpc.StatusCode,
        message: str,
        *,
        reason: str,
        violations: Sequence[FieldViolation] = (),
        metadata: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.reason = reason
        self.violations = tuple(violations)
        self.metadata = dict(metadata or {})

    def to_status(self, language: str = DEFAULT_LANGUAGE) -> grpc.Status:
        """The rich status, its texts in `language` where a translation exists (English
        otherwise); a LocalizedMessage detail says which language the message is in."""
        violations = [
            FieldViolation(v.field, localize_text(v.description, language) or v.description)
            for v in self.violations
        ]
        message: str | None
        if self.violations and self.message == summarize(self.violations):
            message = summarize(violations)
        else:
            message = localize_text(self.message, language)
        locale = language if message is not None else DEFAULT_LANGUAGE
        message = message or self.message
        details = [
            _packed(
                error_details_pb2.ErrorInfo(
                    reason=self.reason, domain=ERROR_DOMAIN, metadata=self.metadata
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
        details.append(_packed(error_details_pb2.LocalizedMessage(locale=locale, message=message)))
        status = status_pb2.Status(code=_CODE_NUMBERS[self.code], message=message, details=details)
        return rpc_status.to_status(status)


def _packed(detail: Message) -> any_pb2.Any:
    packed = any_pb2.Any()
    packed.Pack(detail)
    return packed


def summarize(violations: Sequence[FieldViolation]) -> str:
    """The status message of an INVALID_ARGUMENT: every violation, `field: description`."""
    return "; ".join(f"{v.field}: {v.description}" for v in violations)


_CODE_NUMBERS: dict[grpc.StatusCode, int] = {code: code.value[0] for code in grpc.StatusCode}
assert _CODE_NUMBERS[grpc.StatusCode.INVALID_ARGUMENT] == code_pb2.INVALID_ARGUMENT


def invalid_argument(
    violations: Sequence[FieldViolation], message: str | None = None
) -> ServiceError:
    summary = message or summarize(violations)
    return ServiceError(
        grpc.StatusCode.INVALID_ARGUMENT,
        summary,
        reason="INVALID_ARGUMENT",
        violations=violations,
    )


def not_found(resource: str, identifier: str) -> ServiceError:
    return ServiceError(
        grpc.StatusCode.NOT_FOUND,
        f"{resource} {identifier!r} not found",
        reason=f"{resource.upper()}_NOT_FOUND",
        metadata={"resource": resource, "id": identifier},
    )


def already_exists(resource: str, field: str, value: str) -> ServiceError:
    return ServiceError(
        grpc.StatusCode.ALREADY_EXISTS,
        f"{resource} with {field} {value!r} already exists",
        reason=f"{resource.upper()}_ALREADY_EXISTS",
        violations=[FieldViolation(field, "already exists")],
        metadata={"resource": resource, field: value},
    )


def failed_precondition(reason: str, message: str) -> ServiceError:
    return ServiceError(grpc.StatusCode.FAILED_PRECONDITION, message, reason=reason)


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
