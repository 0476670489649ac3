"""Typed errors for failed calls: one class per status code a partner handles differently.

Every error is still a `grpc.aio.AioRpcError` (so `except grpc.aio.AioRpcError` and
`.code()` keep working); `except NotFoundError` is the shorter idiom. The server's message
names the field or row at fault (`.details()`).
"""

from __future__ import annotations

import grpc


class ApiError(grpc.aio.AioRpcError):
    """A call the server refused or could not serve."""

    @classmethod
    def of(cls, error: grpc.aio.AioRpcError) -> ApiError:
        """The typed error for `error` (ApiError itself for codes without a class)."""
        kind = _BY_CODE.get(error.code(), ApiError)
        return kind(
            error.code(),
            grpc.aio.Metadata(*error.initial_metadata()),
            grpc.aio.Metadata(*error.trailing_metadata()),  # type: ignore[arg-type]
            error.details(),
            error.debug_error_string(),
        )

    def __str__(self) -> str:
        return f"{self.code().name}: {self.details()}"


class InvalidArgumentError(ApiError):
    """The request is malformed; the message names the field."""


class NotFoundError(ApiError):
    """No such resource (or not the caller's: another tenant's resource is NOT_FOUND too)."""


class AlreadyExistsError(ApiError):
    """A resource with that unique key (e.g. a code) exists."""


class FailedPreconditionError(ApiError):
    """The resource is not in a state that allows the call (e.g. cancelling a shipped order)."""


class UnauthenticatedError(ApiError):
    """No credential, or one the server does not accept (unknown, revoked, expired)."""


class PermissionDeniedError(ApiError):
    """The credential may not make this call (scope, tenant)."""


class ResourceExhaustedError(ApiError):
    """A rate or size limit; retry later (the message says which)."""


class UnavailableError(ApiError):
    """The server could not be reached or is shutting down; safe to retry."""


_BY_CODE: dict[grpc.StatusCode, type[ApiError]] = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgumentError,
    grpc.StatusCode.NOT_FOUND: NotFoundError,
    grpc.StatusCode.ALREADY_EXISTS: AlreadyExistsError,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPreconditionError,
    grpc.StatusCode.UNAUTHENTICATED: UnauthenticatedError,
    grpc.StatusCode.PERMISSION_DENIED: PermissionDeniedError,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhaustedError,
    grpc.StatusCode.UNAVAILABLE: UnavailableError,
}
