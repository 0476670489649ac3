"""Following a List RPC's pages (AIP-158 `page_token` / `next_page_token`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

PAGE_SIZE = 100

Fetch = Callable[[str, int], Awaitable[Any]]  # (page_token, page_size) -> the reply


async def collect(fetch: Fetch, items: str, limit: int | None = None) -> list[Any]:
    """The `items` field of every page, in order, until the last page or `limit` items."""
    found: list[Any] = []
    token = ""
    while limit is None or len(found) < limit:
        size = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - len(found))
        reply = await fetch(token, size)
        found.extend(getattr(reply, items))
        token = reply.next_page_token
        if not token:
            break
    return found
