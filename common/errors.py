"""Failures the services report, without any transport: a code, a machine-readable reason,
the offending fields, metadata.

Domain modules and repositories raise these; the gRPC adapter (`common.grpc.errors`)
turns them into rich statuses, so nothing below the transports imports grpc.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from common.texts import N_, Text, t


class ErrorCode(enum.Enum):
    """The canonical error codes (google.rpc.Code), by name; values are their numbers."""

    CANCELLED = 1
    UNKNOWN = 2
    INVALID_ARGUMENT = 3
    DEADLINE_EXCEEDED = 4
    NOT_FOUND = 5
    ALREADY_EXISTS = 6
    PERMISSION_DENIED = 7
    RESOURCE_EXHAUSTED = 8
    FAILED_PRECONDITION = 9
    ABORTED = 10
    OUT_OF_RANGE = 11
    UNIMPLEMENTED = 12
    INTERNAL = 13
    UNAVAILABLE = 14
    DATA_LOSS = 15
    UNAUTHENTICATED = 16


@dataclass(frozen=True)
class FieldViolation:
    field: str
    description: str


class ServiceError(Exception):
    """A failure to report to the caller; `code` accepts an ErrorCode or any enum member of
    the same name (e.g. grpc.StatusCode) and is stored as an ErrorCode."""

    def __init__(
        self,
        code: enum.Enum,
        message: str,
        *,
        reason: str,
        violations: Sequence[FieldViolation] = (),
        metadata: Mapping[str, str] | None = None,
        retry_after_s: float | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code if isinstance(code, ErrorCode) else ErrorCode[code.name]
        self.message = message
        self.reason = reason
        self.violations = tuple(violations)
        self.metadata = dict(metadata or {})
        # When retrying makes sense, and how soon (RESOURCE_EXHAUSTED, UNAVAILABLE).
        self.retry_after_s = retry_after_s


def summarize(violations: Sequence[FieldViolation]) -> str:
    """The status message of an INVALID_ARGUMENT: every violation, `field: description`."""
    return "; ".join(f"{v.field}: {v.description}" for v in violations)


def invalid_argument(
    violations: Sequence[FieldViolation], message: str | None = None
) -> ServiceError:
    summary = message or summarize(violations)
    return ServiceError(
        ErrorCode.INVALID_ARGUMENT, summary, reason="INVALID_ARGUMENT", violations=violations
    )


# The entities errors name ({resource}), as nouns to translate.
RESOURCE_NOUNS = (
    N_("tenant"),
    N_("seller"),
    N_("category"),
    N_("hub"),
    N_("sku"),
    N_("SKU"),
    N_("order"),
    N_("upload"),
    N_("webhook"),
    N_("delivery"),
    N_("reservation"),
    N_("error file"),
    N_("dead letter"),
    N_("api_key"),
    N_("object"),
)


def not_found(resource: str, identifier: str) -> ServiceError:
    return ServiceError(
        ErrorCode.NOT_FOUND,
        t("{resource} {identifier!r} not found", resource=Text(resource), identifier=identifier),
        reason=f"{resource.upper()}_NOT_FOUND",
        metadata={"resource": resource, "id": identifier},
    )


def already_exists(resource: str, field: str, value: str) -> ServiceError:
    return ServiceError(
        ErrorCode.ALREADY_EXISTS,
        t(
            "{resource} with {field} {value!r} already exists",
            resource=Text(resource),
            field=field,
            value=value,
        ),
        reason=f"{resource.upper()}_ALREADY_EXISTS",
        violations=[FieldViolation(field, t("already exists"))],
        metadata={"resource": resource, field: value},
    )


def failed_precondition(reason: str, message: str) -> ServiceError:
    return ServiceError(ErrorCode.FAILED_PRECONDITION, message, reason=reason)
