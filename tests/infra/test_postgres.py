"""PostgresDatabase against the real PostgreSQL of the stack."""

from __future__ import annotations

import asyncpg
import pytest

from common.clients.postgres import PostgresDatabase
from common.settings import PostgresSettings


class _AbortTransactionError(Exception):
    pass


async def test_transaction_commits_and_rolls_back(postgres_settings: PostgresSettings) -> None:
    database = await PostgresDatabase.connect(postgres_settings)
    try:
        assert await database.ping()
        async with database.transaction() as conn:
            await conn.execute(
                "CREATE TABLE stock (sku text PRIMARY KEY, qty int CHECK (qty >= 0))"
            )
            await conn.execute("INSERT INTO stock VALUES ($1, $2)", "A", 5)

        with pytest.raises(_AbortTransactionError):
            async with database.transaction() as conn:
                await conn.execute("UPDATE stock SET qty = qty - 2 WHERE sku = $1", "A")
                assert await conn.fetchval("SELECT qty FROM stock WHERE sku = 'A'") == 3
                raise _AbortTransactionError

        assert await database.pool.fetchval("SELECT qty FROM stock WHERE sku = 'A'") == 5

        with pytest.raises(asyncpg.CheckViolationError):
            async with database.transaction() as conn:
                await conn.execute("UPDATE stock SET qty = qty - 6 WHERE sku = $1", "A")
        assert await database.pool.fetchval("SELECT qty FROM stock WHERE sku = 'A'") == 5
    finally:
        await database.close()


async def test_each_test_gets_its_own_database(postgres_settings: PostgresSettings) -> None:
    database = await PostgresDatabase.connect(postgres_settings)
    try:
        name = await database.pool.fetchval("SELECT current_database()")
        assert name.startswith("test_")
        tables = await database.pool.fetchval(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        assert tables == 0
    finally:
        await database.close()
