"""A store or broker that is down is UNAVAILABLE to the caller, never INTERNAL.

An RPC that fails because PostgreSQL is restarting, MongoDB cannot be reached or Redis
dropped the connection is worth retrying; INTERNAL says the opposite (a bug). The
observability interceptor asks `outage(exc)` about every exception a servicer lets out.
"""

from __future__ import annotations

import asyncpg
import pymongo.errors
import redis.exceptions

from common.errors import ErrorCode, ServiceError
from common.texts import t

_OUTAGES: tuple[type[BaseException], ...] = (
    asyncpg.PostgresConnectionError,  # the connection is gone, or cannot be made
    asyncpg.CannotConnectNowError,  # the server is starting up or shutting down
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    pymongo.errors.ConnectionFailure,  # AutoReconnect, NetworkTimeout, ServerSelectionTimeout
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
    TimeoutError,
)


def outage(exc: BaseException) -> ServiceError | None:
    """UNAVAILABLE for an exception that means a dependency is unreachable; None otherwise."""
    if not isinstance(exc, _OUTAGES):
        return None
    return ServiceError(
        ErrorCode.UNAVAILABLE,
        t("a service this one depends on is unavailable; retry shortly"),
        reason="DEPENDENCY_UNAVAILABLE",
    )


def is_outage(exc: BaseException) -> bool:
    """A dependency is unreachable, or answered UNAVAILABLE / DEADLINE_EXCEEDED: the failure
    says nothing about the message being handled, and goes away when the dependency is back."""
    if isinstance(exc, _OUTAGES):
        return True
    return isinstance(exc, ServiceError) and exc.code in (
        ErrorCode.UNAVAILABLE,
        ErrorCode.DEADLINE_EXCEEDED,
    )
