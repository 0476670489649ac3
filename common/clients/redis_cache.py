"""Redis used strictly as a cache: an outage degrades to a miss, never to an error."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import cast

from redis.asyncio import Redis
from redis.exceptions import RedisError

from common.settings import RedisSettings

log = logging.getLogger(__name__)


class RedisCache:
    def __init__(self, client: Redis, key_prefix: str) -> None:
        self._client = client
        self._prefix = key_prefix

    @classmethod
    def from_settings(cls, settings: RedisSettings) -> RedisCache:
        client = Redis.from_url(
            settings.url,
            socket_timeout=settings.socket_timeout_s,
            socket_connect_timeout=settings.socket_timeout_s,
        )
        return cls(client, settings.key_prefix)

    def key(self, *parts: str) -> str:
        return ":".join((self._prefix, *parts))

    async def get(self, key: str) -> bytes | None:
        try:
            # decode_responses is off, so redis returns bytes
            return cast(bytes | None, await self._client.get(key))
        except (RedisError, OSError) as exc:
            log.warning("cache get failed; treating as a miss", extra={"error": str(exc)})
            return None

    async def get_many(self, keys: Sequence[str]) -> list[bytes | None]:
        if not keys:
            return []
        try:
            return cast(list[bytes | None], await self._client.mget(keys))
        except (RedisError, OSError) as exc:
            log.warning("cache mget failed; treating as misses", extra={"error": str(exc)})
            return [None] * len(keys)

    async def set(self, key: str, value: bytes, ttl_s: int) -> None:
        await self.set_many({key: value}, ttl_s)

    async def set_many(self, items: dict[str, bytes], ttl_s: int) -> None:
        if not items:
            return
        try:
            async with self._client.pipeline(transaction=False) as pipe:
                for key, value in items.items():
                    pipe.set(key, value, ex=ttl_s)
                await pipe.execute()
        except (RedisError, OSError) as exc:
            log.warning("cache set failed; continuing uncached", extra={"error": str(exc)})

    async def delete(self, *keys: str) -> bool:
        """Invalidate; returns False if the cache could not be reached."""
        if not keys:
            return True
        try:
            await self._client.delete(*keys)
            return True
        except (RedisError, OSError) as exc:
            log.warning("cache delete failed", extra={"error": str(exc)})
            return False

    async def ping(self) -> bool:
        try:
            return bool(await self._client.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._client.aclose()
