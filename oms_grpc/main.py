"""OMS composition root: settings → clients → servicers → gRPC server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from common.clients.mongo import MongoStore
from common.grpc.server import GrpcServer, run_until_signalled
from common.logs import configure_logging
from common.settings import MongoSettings
from oms_grpc.settings import OmsSettings


@dataclass(frozen=True)
class OmsDependencies:
    mongo: MongoStore


@asynccontextmanager
async def open_dependencies(mongo: MongoSettings) -> AsyncIterator[OmsDependencies]:
    store = MongoStore.from_settings(mongo)
    try:
        await store.ping()
        yield OmsDependencies(mongo=store)
    finally:
        await store.close()


def build_server(settings: OmsSettings, deps: OmsDependencies) -> GrpcServer:
    # The OMS servicers (orders, uploads, webhooks) register here.
    del deps
    return GrpcServer(
        host=settings.host,
        port=settings.port,
        services=[],
        max_message_bytes=settings.max_message_bytes,
    )


async def serve(settings: OmsSettings, mongo: MongoSettings) -> None:
    async with open_dependencies(mongo) as deps:
        server = build_server(settings, deps)
        await server.start()
        await run_until_signalled(server, settings.shutdown_grace_s)


def run() -> None:
    settings = OmsSettings()
    configure_logging("oms", settings.log_level)
    asyncio.run(serve(settings, MongoSettings()))


if __name__ == "__main__":
    run()
