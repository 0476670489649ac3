"""IMS composition root: settings → clients → repositories → servicers → gRPC server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from common.clients.postgres import PostgresDatabase
from common.clients.redis_cache import RedisCache
from common.grpc.server import GrpcServer, run_until_signalled
from common.logs import configure_logging
from common.settings import PostgresSettings, RedisSettings
from ims_grpc.db.migrator import load_migrations, migrate
from ims_grpc.repositories.reservations import ReservationRepository
from ims_grpc.servicers.catalog import catalog_services
from ims_grpc.servicers.inventory import inventory_services
from ims_grpc.settings import ImsSettings
from ims_grpc.sweeper import ReservationSweeper


@dataclass(frozen=True)
class ImsDependencies:
    database: PostgresDatabase
    cache: RedisCache
    settings: ImsSettings


@asynccontextmanager
async def open_dependencies(
    settings: ImsSettings, postgres: PostgresSettings, redis: RedisSettings
) -> AsyncIterator[ImsDependencies]:
    database = await PostgresDatabase.connect(postgres)
    cache = RedisCache.from_settings(redis)
    try:
        if settings.migrate_on_start:
            async with database.pool.acquire() as conn:
                await migrate(conn, load_migrations())
        yield ImsDependencies(database=database, cache=cache, settings=settings)
    finally:
        await cache.close()
        await database.close()


def build_server(deps: ImsDependencies) -> GrpcServer:
    return GrpcServer(
        host=deps.settings.host,
        port=deps.settings.port,
        services=[*catalog_services(deps), *inventory_services(deps)],
    )


async def serve(settings: ImsSettings, postgres: PostgresSettings, redis: RedisSettings) -> None:
    async with open_dependencies(settings, postgres, redis) as deps:
        server = build_server(deps)
        sweeper = ReservationSweeper(
            ReservationRepository(deps.database),
            interval_s=settings.sweep_interval_s,
            batch_size=settings.sweep_batch_size,
        )
        await server.start()
        async with sweeper.running():
            await run_until_signalled(server, settings.shutdown_grace_s)


def run() -> None:
    settings = ImsSettings()
    configure_logging("ims", settings.log_level)
    asyncio.run(serve(settings, PostgresSettings(), RedisSettings()))


if __name__ == "__main__":
    run()
