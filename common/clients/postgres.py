"""asyncpg connection pool with a transaction helper."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from common.settings import PostgresSettings


async def skip_session_reset(connection: asyncpg.Connection) -> None:
    """Pool `reset` hook that keeps the session as it is.

    asyncpg's default reset runs `RESET ALL; UNLISTEN *; CLOSE ALL; pg_advisory_unlock_all()`
    on every release: a second round trip per query. The services keep no session state
    (only transaction-scoped locks and settings), and asyncpg still rolls back a transaction
    left open before this hook runs, so the reset is pure overhead here.
    """
    del connection


class PostgresDatabase:
    """Owns an asyncpg pool; hands out connections and transactions."""

    def __init__(self, pool: asyncpg.Pool, settings: PostgresSettings) -> None:
        self._pool = pool
        self._settings = settings

    @classmethod
    async def connect(cls, settings: PostgresSettings) -> PostgresDatabase:
        pool = await asyncpg.create_pool(
            dsn=settings.dsn,
            min_size=settings.pool_min_size,
            max_size=settings.pool_max_size,
            command_timeout=settings.command_timeout_s,
            reset=skip_session_reset,
        )
        return cls(pool, settings)

    @property
    def pool(self) -> asyncpg.Pool:
        return self._pool

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[asyncpg.Connection]:
        """A connection inside a transaction: committed on exit, rolled back on error."""
        async with self._pool.acquire() as conn, conn.transaction():
            yield conn

    async def connect_dedicated(self) -> asyncpg.Connection:
        """A connection of its own, outside the pool, for a session that stays open (LISTEN):
        it never takes a pool connection away from the queries. The caller closes it."""
        return await asyncpg.connect(
            dsn=self._settings.dsn, command_timeout=self._settings.command_timeout_s
        )

    async def ping(self) -> bool:
        return bool(await self._pool.fetchval("SELECT 1") == 1)

    async def close(self) -> None:
        await self._pool.close()
