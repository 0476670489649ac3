"""CLI: `python -m ims_grpc.db.migrate` applies pending migrations to POSTGRES_DSN."""

from __future__ import annotations

import asyncio
import sys

from common.settings import PostgresSettings
from ims_grpc.db.migrator import MigrationError, migrate_dsn


def main() -> int:
    try:
        applied = asyncio.run(migrate_dsn(PostgresSettings().dsn))
    except MigrationError as exc:
        print(f"migrate: {exc}", file=sys.stderr)
        return 1
    for migration in applied:
        print(f"applied {migration.version:04d}_{migration.name}")
    if not applied:
        print("migrate: already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
