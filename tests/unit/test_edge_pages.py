"""The edge's page walk (pure: a stand-in RPC method that answers pages)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from edge_rest.calls import all_pages


class _Request:
    def get_header(self, name: str) -> None:
        return None


async def test_every_page_is_fetched_in_order_with_the_tokens_given() -> None:
    pages = {"": (["a", "b"], "t1"), "t1": (["c"], "t2"), "t2": (["d"], "")}
    asked: list[str] = []

    async def method(request: Any, **_: Any) -> Any:
        asked.append(request.page_token)
        items, token = pages[request.page_token]
        return SimpleNamespace(items=items, next_page_token=token)

    found = await all_pages(
        _Request(),  # type: ignore[arg-type]
        SimpleNamespace(),  # type: ignore[arg-type]
        method,
        SimpleNamespace(page_token=""),
        lambda reply: reply.items,
        timeout_s=1,
        field_name=str,
    )
    assert found == ["a", "b", "c", "d"]
    assert asked == ["", "t1", "t2"]
