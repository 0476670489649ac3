"""IMS migrations against a real database: apply once, re-run is a no-op, edits refused."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest

from ims_grpc.db.migrator import Migration, MigrationError, load_migrations, migrate


async def test_migrations_apply_once_and_rerun_is_a_no_op(
    pg_connection: asyncpg.Connection,
) -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == sorted(m.version for m in migrations)
    applied = await migrate(pg_connection, migrations)
    assert [m.version for m in applied] == [m.version for m in migrations]
    assert await migrate(pg_connection, migrations) == []
    versions = await pg_connection.fetch("SELECT version FROM schema_migrations ORDER BY 1")
    assert [r["version"] for r in versions] == [m.version for m in migrations]


async def test_a_changed_migration_is_refused(pg_connection: asyncpg.Connection) -> None:
    first = Migration(1, "demo", "CREATE TABLE demo (id int)")
    await migrate(pg_connection, [first])
    with pytest.raises(MigrationError, match="changed after it was applied"):
        await migrate(pg_connection, [Migration(1, "demo", "CREATE TABLE demo (id bigint)")])


async def test_a_failing_migration_leaves_nothing_behind(
    pg_connection: asyncpg.Connection,
) -> None:
    broken = Migration(1, "broken", "CREATE TABLE half (id int); SELECT no_such_function()")
    with pytest.raises(asyncpg.UndefinedFunctionError):
        await migrate(pg_connection, [broken])
    assert await pg_connection.fetchval("SELECT to_regclass('half')") is None
    assert await pg_connection.fetchval("SELECT count(*) FROM schema_migrations") == 0


def test_file_names_must_be_numbered(tmp_path: Path) -> None:
    (tmp_path / "init.sql").write_text("SELECT 1")
    with pytest.raises(MigrationError, match=r"NNNN_name\.sql"):
        load_migrations(tmp_path)
