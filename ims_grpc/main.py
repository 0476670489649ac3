"""IMS composition root: settings → clients → servicers → gRPC server."""

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
from ims_grpc.settings import ImsSettings


@dataclass(frozen=True)
class ImsDependencies:
    database: PostgresDatabase
    cache: RedisCache


@asynccontextmanager
async def open_dependencies(
    postgres: PostgresSettings, redis: RedisSettings
) -> AsyncIterator[ImsDependencies]:
    database = await PostgresDatabase.connect(postgres)
    cache = RedisCache.from_settings(redis)
    try:
        yield ImsDependencies(database=database, cache=cache)
    finally:
        await cache.close()
        await database.close()


def build_server(settings: ImsSettings, deps: ImsDependencies) -> GrpcServer:
    # The IMS servicers (tenants, sellers, categories, hubs, SKUs, inventory) register here.
    del deps
    return GrpcServer(host=settings.host, port=settings.port, service_names=[], registrars=[])


async def serve(settings: ImsSettings, postgres: PostgresSettings, redis: RedisSettings) -> None:
    async with open_dependencies(postgres, redis) as deps:
        server = build_server(settings, deps)
        await server.start()
        await run_until_signalled(server, settings.shutdown_grace_s)


def run() -> None:
    settings = ImsSettings()
    configure_logging("ims", settings.log_level)
    asyncio.run(serve(settings, PostgresSettings(), RedisSettings()))


if __name__ == "__main__":
    run()
