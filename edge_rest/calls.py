"""One RPC on behalf of a REST request: forwarded metadata, a deadline, failures answered."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import falcon.asgi
import grpc

from edge_rest.errors import FieldName, answer_rpc_error
from edge_rest.forwarding import call_metadata

Reply = TypeVar("Reply")


async def call(
    req: falcon.asgi.Request,
    resp: falcon.asgi.Response,
    method: Callable[..., Awaitable[Reply]],
    request: Any,
    *,
    timeout_s: float,
    field_name: FieldName,
) -> Reply | None:
    """The reply, or None once `resp` holds the translated failure."""
    try:
        return await method(request, metadata=call_metadata(req), timeout=timeout_s)
    except grpc.aio.AioRpcError as exc:
        answer_rpc_error(resp, exc, field_name)
        return None
