"""One RPC on behalf of a REST request: forwarded metadata, a deadline, failures answered."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import falcon
import falcon.asgi
import grpc

from edge_rest.errors import FieldName, answer_rpc_error
from edge_rest.forwarding import call_metadata

Reply = TypeVar("Reply")
Item = TypeVar("Item")


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


async def all_pages(
    req: falcon.asgi.Request,
    resp: falcon.asgi.Response,
    method: Callable[..., Awaitable[Any]],
    request: Any,
    items: Callable[[Any], Sequence[Item]],
    *,
    timeout_s: float,
    field_name: FieldName,
) -> list[Item] | None:
    """Every item of a List RPC, page after page (the original answers with one array);
    None once `resp` holds the translated failure. `request.page_token` is advanced."""
    found: list[Item] = []
    while True:
        reply = await call(req, resp, method, request, timeout_s=timeout_s, field_name=field_name)
        if reply is None:
            return None
        found += items(reply)
        if not reply.next_page_token:
            return found
        request.page_token = reply.next_page_token


async def respond(
    req: falcon.asgi.Request,
    resp: falcon.asgi.Response,
    method: Callable[..., Awaitable[Reply]],
    request: Any,
    render: Callable[[Reply], Any] | None,
    *,
    timeout_s: float,
    field_name: FieldName,
    status: str = falcon.HTTP_200,
) -> None:
    """One RPC answered with `status` and `render(reply)` as the body (None: no body, e.g.
    204), or with its translated failure."""
    reply = await call(req, resp, method, request, timeout_s=timeout_s, field_name=field_name)
    if reply is None:
        return
    resp.status = status
    if render is not None:
        resp.media = render(reply)


def unprefixed(prefix: str) -> FieldName:
    """Our field paths ("seller.name") as the original's body names them ("name")."""

    def field_name(field: str) -> str:
        return field.removeprefix(prefix)

    return field_name
