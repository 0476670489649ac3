"""Page iterators for every List RPC: each request has `page_size` and `page_token`, each
response `next_page_token` (empty on the last page) and one repeated field of items."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from google.protobuf.descriptor import Descriptor
from google.protobuf.message import Message

Request = TypeVar("Request", bound=Message)
Response = TypeVar("Response", bound=Message)


async def pages(
    method: Callable[[Request], Awaitable[Response]],
    request: Request,
    *,
    page_size: int | None = None,
) -> AsyncIterator[Response]:
    """Every page of `method` (a List RPC of a stub) for `request`, one call per page.
    `request` itself is not changed."""
    current = type(request)()
    current.CopyFrom(request)
    if page_size is not None:
        current.page_size = page_size  # type: ignore[attr-defined]
    while True:
        response = await method(current)
        yield response
        token: str = response.next_page_token  # type: ignore[attr-defined]
        if not token:
            return
        current.page_token = token  # type: ignore[attr-defined]


async def items(
    method: Callable[[Request], Awaitable[Response]],
    request: Request,
    *,
    page_size: int | None = None,
) -> AsyncIterator[Any]:
    """Every item of every page (e.g. each `Order` of ListOrders), in the server's order."""
    async for page in pages(method, request, page_size=page_size):
        for item in getattr(page, items_field(page.DESCRIPTOR)):
            yield item


def items_field(response: Descriptor | Any) -> str:
    """The name of a List response's repeated message field (its items)."""
    repeated = [f.name for f in response.fields if f.is_repeated and f.message_type is not None]
    if len(repeated) != 1:
        raise TypeError(f"{response.full_name} is not a page of one kind of item")
    return repeated[0]
