"""MongoDB through pymongo's native async API (motor is deprecated)."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from common.settings import MongoSettings

MongoDocument = dict[str, Any]


class MongoStore:
    def __init__(self, client: AsyncMongoClient[MongoDocument], database: str) -> None:
        self._client = client
        self._database_name = database

    @classmethod
    def from_settings(cls, settings: MongoSettings, database: str | None = None) -> MongoStore:
        client: AsyncMongoClient[MongoDocument] = AsyncMongoClient(
            settings.uri,
            serverSelectionTimeoutMS=settings.server_selection_timeout_ms,
            maxPoolSize=settings.max_pool_size,
            tz_aware=True,
            journal=settings.journal,
        )
        return cls(client, database or settings.database)

    @property
    def client(self) -> AsyncMongoClient[MongoDocument]:
        return self._client

    @property
    def db(self) -> AsyncDatabase[MongoDocument]:
        return self._client[self._database_name]

    async def ping(self) -> bool:
        reply = await self._client.admin.command("ping")
        return bool(reply.get("ok"))

    async def close(self) -> None:
        await self._client.close()


async def find_duplicate_winner(
    collection: AsyncCollection[MongoDocument],
    key: Mapping[str, Any],
    *,
    attempts: int = 8,
    first_delay_s: float = 0.005,
) -> MongoDocument | None:
    """After a DuplicateKeyError on `key`: the document that won the race.

    The winning write can still be in flight when the loser's error arrives (a unique-index
    conflict with an uncommitted insert), so a miss is retried briefly (< 1 s in all) before
    the caller concludes the duplicate was on another key.
    """
    delay_s = first_delay_s
    for attempt in range(attempts):
        found = await collection.find_one(dict(key))
        if found is not None or attempt == attempts - 1:
            return found
        await asyncio.sleep(delay_s)
        delay_s *= 2
    return None
