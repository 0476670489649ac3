"""RedisCache against the real Redis of the stack, and its degradation on an outage."""

from __future__ import annotations

import socket

from common.clients.redis_cache import RedisCache
from common.settings import RedisSettings


async def test_get_set_many_and_delete(redis_cache: RedisCache) -> None:
    key = redis_cache.key("hub", "h1")
    assert await redis_cache.ping()
    assert await redis_cache.get(key) is None

    await redis_cache.set(key, b"hub-1", ttl_s=60)
    assert await redis_cache.get(key) == b"hub-1"

    other = redis_cache.key("hub", "h2")
    await redis_cache.set_many({other: b"hub-2"}, ttl_s=60)
    assert await redis_cache.get_many([key, other, redis_cache.key("hub", "none")]) == [
        b"hub-1",
        b"hub-2",
        None,
    ]

    assert await redis_cache.delete(key)
    assert await redis_cache.get(key) is None


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_outage_degrades_to_misses_not_errors() -> None:
    cache = RedisCache.from_settings(
        RedisSettings(url=f"redis://127.0.0.1:{_closed_port()}/0", socket_timeout_s=0.2)
    )
    try:
        assert not await cache.ping()
        assert await cache.get("k") is None
        assert await cache.get_many(["a", "b"]) == [None, None]
        await cache.set("k", b"v", ttl_s=5)  # must not raise
        assert not await cache.delete("k")
    finally:
        await cache.close()
