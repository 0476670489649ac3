"""IMS composition root: settings → clients → repositories → servicers → gRPC server, plus the
background work (reservation expiry sweeper, inventory.changed outbox relay)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from common.auth.access_tokens import AccessTokens, TokenPolicy
from common.clients.kafka import KafkaProducer
from common.clients.postgres import PostgresDatabase
from common.clients.redis_cache import RedisCache
from common.grpc.auth import server_guard
from common.grpc.server import GrpcServer
from common.logs import configure_logging
from common.metrics import serving_metrics
from common.settings import AuthSettings, KafkaSettings, PostgresSettings, RedisSettings
from common.signals import wait_for_stop_signal
from common.workers import WorkerPlan, module_command, supervise
from ims_grpc.cache.catalog_cache import hub_cache, sku_cache
from ims_grpc.db.migrator import load_migrations, migrate
from ims_grpc.outbox_relay import InventoryOutboxRelay
from ims_grpc.repositories.api_keys import ApiKeyRepository, KeyTableAuthority
from ims_grpc.repositories.categories import CategoryRepository
from ims_grpc.repositories.hubs import HubRepository
from ims_grpc.repositories.inventory import InventoryRepository
from ims_grpc.repositories.ledger import LedgerRepository
from ims_grpc.repositories.outbox import InventoryOutboxRepository
from ims_grpc.repositories.reservations import ReservationRepository
from ims_grpc.repositories.sellers import SellerRepository
from ims_grpc.repositories.skus import SkuRepository
from ims_grpc.repositories.tenants import TenantRepository
from ims_grpc.servicers.api_keys import ApiKeyServicer, api_key_service
from ims_grpc.servicers.catalog import catalog_services
from ims_grpc.servicers.categories import CategoryServicer
from ims_grpc.servicers.hubs import HubServicer
from ims_grpc.servicers.inventory import InventoryServicer, inventory_service
from ims_grpc.servicers.sellers import SellerServicer
from ims_grpc.servicers.skus import SkuServicer
from ims_grpc.servicers.tenants import TenantServicer
from ims_grpc.servicers.tokens import TokenServicer, token_service
from ims_grpc.settings import ImsSettings
from ims_grpc.sweeper import ReservationSweeper


@dataclass(frozen=True)
class ImsDependencies:
    database: PostgresDatabase
    cache: RedisCache
    settings: ImsSettings
    kafka: KafkaSettings
    auth: AuthSettings


@asynccontextmanager
async def open_dependencies(
    settings: ImsSettings,
    postgres: PostgresSettings,
    redis: RedisSettings,
    kafka: KafkaSettings | None = None,
    auth: AuthSettings | None = None,
) -> AsyncIterator[ImsDependencies]:
    """Clients and migrations. `kafka` (default: from the environment) is only connected by
    the outbox relay, lazily: IMS starts and serves while Kafka is down."""
    database = await PostgresDatabase.connect(postgres)
    cache = RedisCache.from_settings(redis)
    try:
        if settings.migrate_on_start:
            async with database.pool.acquire() as conn:
                await migrate(conn, load_migrations())
        yield ImsDependencies(
            database=database,
            cache=cache,
            settings=settings,
            kafka=kafka if kafka is not None else KafkaSettings(),
            auth=auth if auth is not None else AuthSettings(),
        )
    finally:
        await cache.close()
        await database.close()


def build_server(deps: ImsDependencies) -> GrpcServer:
    database, cache = deps.database, deps.cache
    hubs, skus = HubRepository(database), SkuRepository(database)
    catalog = catalog_services(
        tenants=TenantServicer(TenantRepository(database)),
        sellers=SellerServicer(SellerRepository(database)),
        categories=CategoryServicer(CategoryRepository(database)),
        hubs=HubServicer(hubs, hub_cache(cache, hubs)),
        skus=SkuServicer(skus, sku_cache(cache, skus)),
    )
    inventory = InventoryServicer(
        InventoryRepository(database), LedgerRepository(database), ReservationRepository(database)
    )
    keys = ApiKeyRepository(database)
    services = [
        *catalog,
        inventory_service(inventory),
        api_key_service(ApiKeyServicer(keys)),
        token_service(token_servicer(deps.auth)),
    ]
    return GrpcServer(
        host=deps.settings.host,
        port=deps.settings.port,
        share_port=deps.settings.share_port,
        services=services,
        max_message_bytes=deps.settings.max_message_bytes,
        guard=server_guard(
            deps.auth,
            service="ims",
            service_names=[service.name for service in services],
            keys=KeyTableAuthority(keys),
        ),
    )


def token_servicer(auth: AuthSettings) -> TokenServicer:
    secret = auth.service_secret.get_secret_value() if auth.service_secret else None
    return TokenServicer(
        AccessTokens(secret) if secret else None,
        TokenPolicy(default_ttl_s=auth.token_ttl_s, max_ttl_s=auth.token_max_ttl_s),
        clock=time.time,
    )


def build_sweeper(deps: ImsDependencies) -> ReservationSweeper:
    return ReservationSweeper(
        ReservationRepository(deps.database),
        interval_s=deps.settings.sweep_interval_s,
        batch_size=deps.settings.sweep_batch_size,
    )


def build_relay(deps: ImsDependencies) -> InventoryOutboxRelay:
    settings, kafka = deps.settings, deps.kafka
    return InventoryOutboxRelay(
        InventoryOutboxRepository(deps.database),
        lambda: KafkaProducer.start(kafka),
        topic=kafka.topic_inventory_changed,
        batch_size=settings.outbox_batch_size,
        poll_interval_s=settings.outbox_poll_interval_s,
        publish_timeout_s=settings.outbox_publish_timeout_s,
        max_retry_delay_s=settings.outbox_max_retry_delay_s,
    )


@asynccontextmanager
async def running(deps: ImsDependencies) -> AsyncIterator[GrpcServer]:
    """The started server plus its background work, stopped together.

    Exit runs in reverse: the server stops first (grace from the settings: in-flight calls
    finish, no new ones), then the sweeper (its current batch may finish), and the relay last,
    so it is still publishing while the last movements commit. Each stop awaits its tasks;
    events not yet published stay in the outbox for the next start (or another replica).
    """
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(build_relay(deps).running())
        await stack.enter_async_context(build_sweeper(deps).running())
        server = build_server(deps)
        await server.start()
        stack.push_async_callback(server.stop, deps.settings.shutdown_grace_s)
        yield server


async def serve(
    settings: ImsSettings, postgres: PostgresSettings, redis: RedisSettings, kafka: KafkaSettings
) -> None:
    async with (
        serving_metrics(settings.worker_metrics_port()),
        open_dependencies(settings, postgres, redis, kafka) as deps,
        running(deps),
    ):
        await wait_for_stop_signal()


def run() -> None:
    settings = ImsSettings()
    configure_logging("ims", settings.log_level)
    if settings.workers > 1:
        asyncio.run(supervise(worker_plan(settings)))
        return
    asyncio.run(serve(settings, PostgresSettings(), RedisSettings(), KafkaSettings()))


def worker_plan(settings: ImsSettings) -> WorkerPlan:
    """IMS_WORKERS processes of this entry point on one port. Each runs the sweeper and the
    outbox relay too: both are safe with several replicas (SKIP LOCKED claims)."""
    return WorkerPlan(
        command=module_command("ims_grpc.main"),
        count=settings.workers,
        env_prefix="IMS_",
        grace_s=settings.shutdown_grace_s + 5,
    )


if __name__ == "__main__":
    run()
