"""Request/trace id that follows a request across RPCs, events and log lines."""

from __future__ import annotations

import uuid
from contextvars import ContextVar

TRACE_METADATA_KEY = "x-trace-id"
TRACE_HEADER = "X-Trace-Id"

_current_trace_id: ContextVar[str | None] = ContextVar("trace_id", default=None)


def new_trace_id() -> str:
    return uuid.uuid4().hex


def current_trace_id() -> str | None:
    return _current_trace_id.get()


def bind_trace_id(trace_id: str | None) -> str:
    """Make `trace_id` (or a fresh one) current for this task and return it."""
    value = trace_id or new_trace_id()
    _current_trace_id.set(value)
    return value
