"""MongoDB through pymongo's native async API (motor is deprecated)."""

from __future__ import annotations

from typing import Any

from pymongo import AsyncMongoClient
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
            tz_aware=True,
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
