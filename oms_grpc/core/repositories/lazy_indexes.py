"""Creating a collection's indexes on first use (idempotent; one flag check afterwards)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from pymongo import IndexModel
from pymongo.asynchronous.collection import AsyncCollection


class IndexesOnce:
    def __init__(
        self, collection: AsyncCollection[dict[str, Any]], indexes: Sequence[IndexModel]
    ) -> None:
        self._collection = collection
        self._indexes = list(indexes)
        self._lock = asyncio.Lock()
        self._done = False

    async def ensure(self) -> None:
        if self._done:
            return
        async with self._lock:
            if not self._done:
                await self._collection.create_indexes(self._indexes)
                self._done = True
