"""Resources of their own for a benchmark or a fuzz run on the local stack: a PostgreSQL
database, a Redis key prefix, a MongoDB database, Kafka topics, an S3 bucket and SQS queues,
all named after a random suffix and removed at the end (also on error), so such a run
neither sees nor leaves anything in the data of `scripts/run` or of the tests."""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import asyncpg
from aiokafka.admin import AIOKafkaAdminClient
from redis.asyncio import Redis

from common.clients.kafka import ensure_topics
from common.clients.mongo import MongoStore
from common.settings import (
    AwsSettings,
    KafkaSettings,
    MongoSettings,
    PostgresSettings,
    RedisSettings,
)
from devstack.aws_resources import ensure_all, remove_all
from devstack.envoy_bin import ensure_envoy, gateway_config
from devstack.paths import PROJECT_ROOT
from devstack.process import free_port, wait_listening


@dataclass(frozen=True)
class Resources:
    suffix: str
    postgres: PostgresSettings
    redis: RedisSettings
    mongo: MongoSettings
    kafka: KafkaSettings
    aws: AwsSettings

    def environment(self) -> dict[str, str]:
        """The settings of a process of ours (IMS, OMS, a consumer) that uses them."""
        kafka, aws = self.kafka, self.aws
        return {
            "POSTGRES_DSN": self.postgres.dsn,
            "REDIS_KEY_PREFIX": self.redis.key_prefix,
            "MONGODB_DATABASE": self.mongo.database,
            "KAFKA_TOPIC_ORDER_CREATED": kafka.topic_order_created,
            "KAFKA_TOPIC_ORDER_UPDATED": kafka.topic_order_updated,
            "KAFKA_TOPIC_INVENTORY_CHANGED": kafka.topic_inventory_changed,
            "KAFKA_TOPIC_DEAD_LETTER": kafka.topic_dead_letter,
            "AWS_S3_BUCKET": aws.s3_bucket,
            "AWS_SQS_QUEUE_NAME": aws.sqs_queue_name,
            "AWS_SQS_DEAD_LETTER_QUEUE_NAME": aws.sqs_dead_letter_queue_name,
        }


def own_resources() -> Resources:
    suffix = uuid.uuid4().hex[:10]
    base_pg = PostgresSettings()
    kafka = KafkaSettings().model_copy(
        update={
            "topic_order_created": f"bench-{suffix}.order.created",
            "topic_order_updated": f"bench-{suffix}.order.updated",
            "topic_inventory_changed": f"bench-{suffix}.inventory.changed",
            "topic_dead_letter": f"bench-{suffix}.order.dead-letter",
        }
    )
    return Resources(
        suffix=suffix,
        postgres=base_pg.model_copy(update={"dsn": _with_database(base_pg.dsn, f"bench_{suffix}")}),
        redis=RedisSettings(key_prefix=f"bench-{suffix}"),
        mongo=MongoSettings(database=f"bench_{suffix}"),
        kafka=kafka,
        aws=AwsSettings(
            s3_bucket=f"bench-{suffix}",
            sqs_queue_name=f"bench-{suffix}",
            sqs_dead_letter_queue_name=f"bench-{suffix}-dlq",
        ),
    )


def _with_database(dsn: str, name: str) -> str:
    head, _, _ = dsn.rpartition("/")
    return f"{head}/{name}"


@asynccontextmanager
async def provisioned(res: Resources) -> AsyncIterator[None]:
    admin_dsn = _with_database(res.postgres.dsn, "postgres")
    database = res.postgres.dsn.rpartition("/")[2]
    async with AsyncExitStack() as cleanup:
        conn = await asyncpg.connect(admin_dsn)
        try:
            await conn.execute(f'CREATE DATABASE "{database}"')  # a generated name
        finally:
            await conn.close()
        cleanup.push_async_callback(_drop_database, admin_dsn, database)
        cleanup.push_async_callback(_drop_redis_prefix, res.redis)
        cleanup.push_async_callback(_drop_mongo, res.mongo)
        await ensure_topics(res.kafka, res.kafka.topics())
        cleanup.push_async_callback(_drop_topics, res.kafka)
        await asyncio.to_thread(ensure_all, res.aws)
        cleanup.push_async_callback(_drop_aws, res.aws)
        yield


async def _drop_database(admin_dsn: str, database: str) -> None:
    conn = await asyncpg.connect(admin_dsn)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    finally:
        await conn.close()


async def _drop_redis_prefix(settings: RedisSettings) -> None:
    client = Redis.from_url(settings.url)
    try:
        keys = [k async for k in client.scan_iter(match=f"{settings.key_prefix}:*", count=500)]
        if keys:
            await client.delete(*keys)
    finally:
        await client.aclose()


async def _drop_mongo(settings: MongoSettings) -> None:
    store = MongoStore.from_settings(settings)
    try:
        await store.client.drop_database(settings.database)
    finally:
        await store.close()


async def _drop_topics(settings: KafkaSettings) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=settings.bootstrap_servers)
    await admin.start()
    try:
        await admin.delete_topics(settings.topics())
    finally:
        await admin.close()


async def _drop_aws(settings: AwsSettings) -> None:
    await asyncio.to_thread(remove_all, settings)


@dataclass(frozen=True)
class ScratchSystem:
    ims_target: str
    oms_target: str
    edge_url: str
    envoy_url: str


async def _started(
    stack: AsyncExitStack, *command: str, env: dict[str, str], port: int, log: Path
) -> None:
    output = stack.enter_context(log.open("wb"))
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=PROJECT_ROOT,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=output,
        stderr=asyncio.subprocess.STDOUT,
    )

    async def stop() -> None:
        if process.returncode is None:
            process.terminate()
            try:
                await asyncio.wait_for(process.wait(), timeout=15)
            except TimeoutError:
                process.kill()
                await process.wait()

    stack.push_async_callback(stop)
    await wait_listening(port, process, name=command[0])


@asynccontextmanager
async def scratch_system(
    res: Resources, auth: dict[str, str], logs: Path
) -> AsyncIterator[ScratchSystem]:
    """IMS, OMS, the Falcon edge and Envoy, each its own process (production entry points),
    on `res`, checking callers with `auth` (AUTH_* variables), on free ports; their output
    goes to files in `logs`. Stopped (SIGTERM) at the end."""
    ims, oms, edge, envoy, admin = (free_port() for _ in range(5))
    python = sys.executable
    env = {**os.environ, **res.environment(), **auth}
    await asyncio.to_thread(logs.mkdir, parents=True, exist_ok=True)
    async with AsyncExitStack() as stack:
        ims_target, oms_target = f"127.0.0.1:{ims}", f"127.0.0.1:{oms}"
        await _started(
            stack,
            python,
            "-m",
            "ims_grpc.main",
            env={**env, "IMS_PORT": str(ims)},
            port=ims,
            log=logs / "ims.log",
        )
        await _started(
            stack,
            python,
            "-m",
            "oms_grpc.main",
            env={**env, "OMS_PORT": str(oms), "OMS_IMS_TARGET": ims_target},
            port=oms,
            log=logs / "oms.log",
        )
        await _started(
            stack,
            *(python, "-m", "uvicorn", "--factory", "edge_rest.app:create_app"),
            *("--port", str(edge), "--no-access-log", "--http", "httptools", "--loop", "uvloop"),
            env={**env, "EDGE_IMS_TARGET": ims_target, "EDGE_OMS_TARGET": oms_target},
            port=edge,
            log=logs / "edge.log",
        )
        config = logs / "envoy.yaml"
        await asyncio.to_thread(config.write_text, gateway_config(envoy, admin, ims, oms, edge))
        binary = str(await asyncio.to_thread(ensure_envoy))
        await _started(
            stack,
            binary,
            "-c",
            str(config),
            "--log-level",
            "warn",
            "--disable-hot-restart",
            env=dict(os.environ),
            port=envoy,
            log=logs / "envoy.log",
        )
        yield ScratchSystem(
            ims_target, oms_target, f"http://127.0.0.1:{edge}", f"http://127.0.0.1:{envoy}"
        )
