"""omsctl follows next_page_token to the last page, or stops at --limit asking for no
more than it needs."""

from __future__ import annotations

from dataclasses import dataclass

from omsctl.paging import PAGE_SIZE, collect


@dataclass
class Reply:
    items: list[int]
    next_page_token: str


def _server(total: int) -> tuple[list[tuple[str, int]], object]:
    asked: list[tuple[str, int]] = []

    async def fetch(token: str, size: int) -> Reply:
        asked.append((token, size))
        start = int(token or 0)
        end = min(total, start + size)
        return Reply(list(range(start, end)), str(end) if end < total else "")

    return asked, fetch


async def test_every_page_to_the_last() -> None:
    asked, fetch = _server(250)
    assert await collect(fetch, "items") == list(range(250))  # type: ignore[arg-type]
    assert asked == [("", PAGE_SIZE), ("100", PAGE_SIZE), ("200", PAGE_SIZE)]


async def test_a_limit_asks_for_just_what_is_missing() -> None:
    asked, fetch = _server(1000)
    assert await collect(fetch, "items", limit=130) == list(range(130))  # type: ignore[arg-type]
    assert asked == [("", 100), ("100", 30)]
