"""Shared fixtures: one real stack per test run, isolated state per test.

The stack is brought up once (or reused if already running: `up` is idempotent) with the
project's own `devstack`. Each test gets its own PostgreSQL database, Redis key prefix,
Kafka topics, MongoDB database, S3 bucket and SQS queues, named after a random suffix,
so tests never see each other's data and can run against a long-lived stack.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import asyncpg
import falcon.testing
import grpc
import pytest

from common.clients.mongo import MongoStore
from common.clients.redis_cache import RedisCache
from common.grpc.server import GrpcServer
from common.settings import (
    AwsSettings,
    KafkaSettings,
    MongoSettings,
    PostgresSettings,
    RedisSettings,
)
from tests.support import isolation
from tests.support.auth import TEST_AUTH, admin_channel

if TYPE_CHECKING:
    from oms_grpc.main import OmsSettingsBundle

pytest_plugins = ["tests.support.watchdog"]


@pytest.fixture(scope="session")
def stack() -> None:
    """Bring the local stack up (reuses a running one) unless STACK_EXTERNAL=1."""
    from devstack.limits import raise_open_file_limit
    from devstack.stack import Stack, default_components

    raise_open_file_limit()  # for this process's many sockets and for a broker started here
    local = Stack(default_components(), report=lambda line: print(f"[stack] {line}"))
    if os.environ.get("STACK_EXTERNAL") == "1":
        unhealthy = [h.name for h in local.status() if not h.healthy]
        if unhealthy:
            pytest.exit(f"STACK_EXTERNAL=1 but unhealthy: {unhealthy}", returncode=3)
        return
    local.up()


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:10]


@pytest.fixture
async def postgres_settings(stack: None, unique: str) -> AsyncIterator[PostgresSettings]:
    base = PostgresSettings()
    name = f"test_{unique}"
    await isolation.create_database(base.dsn, name)
    try:
        yield base.model_copy(update={"dsn": isolation.with_database(base.dsn, name)})
    finally:
        await isolation.drop_database(base.dsn, name)


@pytest.fixture
async def redis_cache(stack: None, unique: str) -> AsyncIterator[RedisCache]:
    settings = RedisSettings(key_prefix=f"test-{unique}")
    cache = RedisCache.from_settings(settings)
    try:
        yield cache
    finally:
        await isolation.delete_redis_prefix(settings.url, settings.key_prefix)
        await cache.close()


@pytest.fixture
async def kafka_settings(stack: None, unique: str) -> AsyncIterator[KafkaSettings]:
    base = KafkaSettings()
    settings = base.model_copy(
        update={
            "topic_order_created": f"test-{unique}.order.created",
            "topic_order_updated": f"test-{unique}.order.updated",
            "topic_inventory_changed": f"test-{unique}.inventory.changed",
            "topic_dead_letter": f"test-{unique}.order.dead-letter",
        }
    )
    from common.clients.kafka import delete_topics, ensure_topics

    await ensure_topics(settings, settings.topics())
    yield settings
    # Every partition costs the broker open files; a long-lived stack would run out of them.
    await delete_topics(settings, settings.topics())


@pytest.fixture
async def mongo_store(stack: None, unique: str) -> AsyncIterator[MongoStore]:
    settings = MongoSettings(database=f"test_{unique}")
    store = MongoStore.from_settings(settings)
    try:
        yield store
    finally:
        await store.client.drop_database(settings.database)
        await store.close()


@pytest.fixture
async def aws_settings(stack: None, unique: str) -> AsyncIterator[AwsSettings]:
    settings = AwsSettings(
        s3_bucket=f"test-{unique}",
        sqs_queue_name=f"test-{unique}",
        sqs_dead_letter_queue_name=f"test-{unique}-dlq",
        sqs_max_receive_count=2,
        sqs_visibility_timeout_s=1,
    )
    from devstack.aws_resources import ensure_all, remove_all

    # The same provisioning code the stack uses, for this test's own bucket and queues;
    # removed afterwards (best effort: a test may have removed them itself).
    await asyncio.to_thread(ensure_all, settings)
    yield settings
    with contextlib.suppress(Exception):
        await asyncio.to_thread(remove_all, settings)


@pytest.fixture
async def ims_server(
    postgres_settings: PostgresSettings,
    redis_cache: RedisCache,
    kafka_settings: KafkaSettings,
    unique: str,
) -> AsyncIterator[GrpcServer]:
    """The IMS composition root (server + expiry sweeper + inventory.changed outbox relay),
    in-process on an ephemeral port, on this test's database and Kafka topics.

    The background sweeper makes one pass at start and then waits an hour: tests that expire
    reservations run their own passes and count what each pass expired.
    """
    from ims_grpc.main import open_dependencies, running
    from ims_grpc.settings import ImsSettings

    settings = ImsSettings(port=0, shutdown_grace_s=1, sweep_interval_s=3600)
    redis = RedisSettings(key_prefix=f"test-{unique}")
    async with (
        open_dependencies(settings, postgres_settings, redis, kafka_settings, TEST_AUTH) as deps,
        running(deps) as server,
    ):
        yield server


@pytest.fixture
async def ims_channel(ims_server: GrpcServer) -> AsyncIterator[grpc.aio.Channel]:
    async with admin_channel(f"127.0.0.1:{ims_server.port}") as channel:
        yield channel


@pytest.fixture
async def oms_settings(
    mongo_store: MongoStore,
    kafka_settings: KafkaSettings,
    aws_settings: AwsSettings,
    ims_server: GrpcServer,
) -> OmsSettingsBundle:
    """OMS settings on this test's Mongo database, Kafka topics, bucket and queues, talking
    to this test's in-process IMS, with a freshly generated webhook secret key."""
    from pydantic import SecretStr

    from oms_grpc.core.secret_box import SecretBox
    from oms_grpc.core.settings import CoreSettings, ImsClientSettings
    from oms_grpc.core.webhook_settings import WebhookSettings
    from oms_grpc.main import OmsSettingsBundle
    from oms_grpc.settings import OmsSettings

    return OmsSettingsBundle(
        service=OmsSettings(port=0),
        core=CoreSettings(
            mongo=MongoSettings(database=mongo_store.db.name),
            kafka=kafka_settings,
            aws=aws_settings,
            ims=ImsClientSettings(ims_target=f"127.0.0.1:{ims_server.port}"),
            webhooks=WebhookSettings(secret_key=SecretStr(SecretBox.generate_key())),
            auth=TEST_AUTH,
        ),
    )


@pytest.fixture
async def oms_server(oms_settings: OmsSettingsBundle) -> AsyncIterator[GrpcServer]:
    """The OMS composition root (server + outbox relay) in-process on an ephemeral port."""
    from oms_grpc.core.container import open_core
    from oms_grpc.main import running

    async with open_core(oms_settings.core) as core, running(core, oms_settings) as server:
        yield server


@pytest.fixture
async def oms_channel(oms_server: GrpcServer) -> AsyncIterator[grpc.aio.Channel]:
    async with admin_channel(f"127.0.0.1:{oms_server.port}") as channel:
        yield channel


@pytest.fixture
async def pg_connection(postgres_settings: PostgresSettings) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(postgres_settings.dsn)
    try:
        yield conn
    finally:
        await conn.close()


@pytest.fixture
async def rest_gateway(
    ims_server: GrpcServer, oms_server: GrpcServer, tmp_path: Path
) -> AsyncIterator[str]:
    """Envoy with the project's transcoder config in front of this test's IMS and OMS;
    yields the REST base URL."""
    from tests.support.envoy_gateway import envoy_gateway

    async with envoy_gateway(ims_server.port, oms_server.port, tmp_path) as base_url:
        yield base_url


@pytest.fixture
async def edge(
    ims_server: GrpcServer, oms_server: GrpcServer
) -> AsyncIterator[falcon.testing.ASGIConductor]:
    """The Falcon edge in this process (its production factory) in front of the test's real
    IMS and OMS."""
    from edge_rest.app import create_app
    from edge_rest.settings import EdgeSettings

    app = create_app(
        EdgeSettings(
            ims_target=f"127.0.0.1:{ims_server.port}", oms_target=f"127.0.0.1:{oms_server.port}"
        )
    )
    async with falcon.testing.ASGIConductor(app) as conductor:
        yield conductor
