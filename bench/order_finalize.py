"""Orders finalized per second end to end, beside the raw ReserveInventory rate of the run.

    .venv/bin/python bench/order_finalize.py [--prefill 100000] [--orders 3000]

On the local stack (`scripts/stack up`), with resources of its own (a PostgreSQL database,
a MongoDB database, Kafka topics; all dropped at the end). IMS (`python -m ims_grpc.main`)
and the finalizer (`python -m consumers.order_finalizer`, the production entry points) run as
separate processes; the load generator, both services and the stores share the machine.

  1. the orders collection is filled with --prefill finalized orders first, so per-order
     costs are measured on a collection of production-like size;
  2. per scenario, --orders ON_HOLD orders (one line, one unit) are stored and their
     `order.created` events published to Kafka at once; the clock runs until every one of
     them is NEW_ORDER in MongoDB AND its `order.updated` event has been read back from Kafka;
     per order, the latency from its event's publication to its `order.updated` arriving;
  3. baseline: the same number of ReserveInventory calls over gRPC (fresh references, same
     SKU choice) to the same IMS with as many concurrent callers as the finalizer handles
     orders at once (FINALIZER_CONCURRENCY) — the reservation the finalizer makes per order,
     without anything else;
  4. second baseline (`store/s`): the least MongoDB work a finalized order needs — read it,
     write NEW_ORDER with its event (the repository's guarded change), empty its outbox (the
     relay's acknowledgement) — with as many concurrent callers, nothing else.
Scenarios: `many SKUs` (a random one of --skus per order) and `hot SKU` (all on one SKU).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import asyncpg
import summary
from ims.v1 import inventory_pb2, inventory_pb2_grpc
from oms.v1 import events_pb2

from common.clients.kafka import (
    KafkaConsumer,
    KafkaProducer,
    OutgoingRecord,
    delete_topics,
    describe_group,
    ensure_topics,
)
from common.clients.mongo import MongoStore
from common.ids import new_id
from common.settings import KafkaSettings, MongoSettings, PostgresSettings
from common.timestamps import to_timestamp, utc_now_ms
from devstack.process import stop_child
from oms_grpc.core.domain.order import Order, OrderLine
from oms_grpc.core.domain.order_status import OrderStatus
from oms_grpc.core.outbox.entries import (
    LEASE_FIELD,
    OUTBOX_FIELD,
    PENDING_FIELD,
    UNLEASED,
    pending_outbox,
)
from oms_grpc.core.repositories.order_documents import to_document, to_proto
from oms_grpc.core.repositories.orders import OrderRepository

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_auth
from reserve_inventory import (
    Catalog,
    free_port,
    seed,
    start_server,
    stop_server,
    wait_serving,
    with_database,
)

ROOT = Path(__file__).resolve().parent.parent
CONCURRENCY = 16


@dataclass(frozen=True)
class Figures:
    seconds: float
    orders: int
    latencies_ms: list[float]

    @property
    def rate(self) -> float:
        return self.orders / self.seconds

    def percentile(self, q: int) -> float:
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[q - 1]


def finalizer_group(kafka: KafkaSettings) -> str:
    return f"finalizer-{kafka.topic_order_created}"


def restock_group(kafka: KafkaSettings) -> str:
    return f"restock-{kafka.topic_order_created}"


def finalizer_process(
    mongo: MongoSettings, kafka: KafkaSettings, ims_port: int, log: IO[bytes]
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "MONGODB_DATABASE": mongo.database,
        "KAFKA_TOPIC_ORDER_CREATED": kafka.topic_order_created,
        "KAFKA_TOPIC_ORDER_UPDATED": kafka.topic_order_updated,
        "KAFKA_TOPIC_INVENTORY_CHANGED": kafka.topic_inventory_changed,
        "KAFKA_TOPIC_DEAD_LETTER": kafka.topic_dead_letter,
        "OMS_IMS_TARGET": f"127.0.0.1:{ims_port}",
        "FINALIZER_GROUP_ID": finalizer_group(kafka),
        "FINALIZER_RESTOCK_GROUP_ID": restock_group(kafka),
        "FINALIZER_CONCURRENCY": str(CONCURRENCY),
        "FINALIZER_LOG_LEVEL": os.environ.get("BENCH_FINALIZER_LOG_LEVEL", "WARNING"),
        **bench_auth.server_env(),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "consumers.order_finalizer"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )


def published(order: Order) -> dict[str, Any]:
    """The document of `order` as it is once the relay published its events."""
    return {**to_document(order), **pending_outbox([]), PENDING_FIELD: False}


async def prefill(orders: OrderRepository, catalog: Catalog, count: int) -> float:
    started = time.perf_counter()
    now = utc_now_ms()
    for start in range(0, count, 1000):
        batch = []
        for _ in range(min(1000, count - start)):
            order = Order.create(
                order_id=new_id(),
                tenant_id=str(catalog.tenant_id),
                seller_id=str(uuid.uuid4()),
                hub_id=str(catalog.hub_id),
                lines=[OrderLine(str(random.choice(catalog.sku_ids)), "", 1)],
                now=now,
            )
            batch.append(published(order.mark_reserved(now).after))
        await orders.insert_many(batch)
    return time.perf_counter() - started


def on_hold_orders(catalog: Catalog, skus: list[uuid.UUID], count: int) -> list[Order]:
    now = utc_now_ms()
    return [
        Order.create(
            order_id=new_id(),
            tenant_id=str(catalog.tenant_id),
            seller_id=str(uuid.uuid4()),
            hub_id=str(catalog.hub_id),
            lines=[OrderLine(str(random.choice(skus)), "", 1)],
            now=now,
        )
        for _ in range(count)
    ]


async def store_writes(
    orders: OrderRepository, kafka: KafkaSettings, catalog: Catalog, count: int
) -> Figures:
    """The MongoDB work a finalized order needs at the least, with nothing else: read it,
    write NEW_ORDER with its event in the outbox (the repository's guarded change), then
    empty the outbox (the relay's acknowledgement), with as many concurrent callers."""
    batch = on_hold_orders(catalog, catalog.sku_ids, count)
    await orders.insert_many([published(order) for order in batch])
    latencies: list[float] = []
    queue = iter(batch)

    async def worker() -> None:
        for order in queue:
            call_started = time.perf_counter()
            stored = await orders.get(order.tenant_id, order.id)
            assert stored is not None
            change = stored.mark_reserved(utc_now_ms())
            await orders.apply(change, topic=kafka.topic_order_updated, trace_id=None)
            await orders.collection.update_one(
                {"_id": order.id, OUTBOX_FIELD: {"$size": 1}},
                {"$set": {OUTBOX_FIELD: [], PENDING_FIELD: False, LEASE_FIELD: UNLEASED}},
            )
            latencies.append((time.perf_counter() - call_started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return Figures(time.perf_counter() - started, count, latencies)


async def end_to_end(
    orders: OrderRepository,
    kafka: KafkaSettings,
    catalog: Catalog,
    skus: list[uuid.UUID],
    count: int,
) -> Figures:
    batch = on_hold_orders(catalog, skus, count)
    await orders.insert_many([published(order) for order in batch])
    wanted = {order.id for order in batch}
    arrived: dict[str, float] = {}
    consumer = await KafkaConsumer.start(kafka, [kafka.topic_order_updated], f"bench-{new_id()}")
    # Join the group (reading what earlier scenarios left) before anything is sent, so that
    # arrival times are not inflated by the group join.
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(4):
            async for _ in consumer.batches(timeout_ms=200):
                pass
    records = [
        OutgoingRecord(
            topic=kafka.topic_order_created,
            key=order.id.encode(),
            value=events_pb2.OrderCreated(
                event_id=new_id(),
                occur_time=to_timestamp(order.create_time),
                tenant_id=order.tenant_id,
                order=to_proto(order),
            ).SerializeToString(),
        )
        for order in batch
    ]
    producer = await KafkaProducer.start(kafka)
    started = time.perf_counter()
    await producer.send_many(records)
    await producer.close()
    try:
        async with asyncio.timeout(600):
            async for messages in consumer.batches(timeout_ms=200):
                at = time.perf_counter()
                for message in messages:
                    order_id = events_pb2.OrderUpdated.FromString(message.value).order.id
                    if order_id in wanted:
                        arrived.setdefault(order_id, at)
                if len(arrived) == count:
                    break
    finally:
        await consumer.close()
    finalized = await orders.collection.count_documents(
        {"_id": {"$in": list(wanted)}, "status": OrderStatus.NEW_ORDER.value}
    )
    assert finalized == count, f"only {finalized} of {count} finalized"
    seconds = max(arrived.values()) - started
    return Figures(seconds, count, [(t - started) * 1000 for t in arrived.values()])


async def raw_reservations(
    stub: inventory_pb2_grpc.InventoryServiceStub,
    catalog: Catalog,
    skus: list[uuid.UUID],
    count: int,
) -> Figures:
    run = new_id()
    latencies: list[float] = []
    queue = iter(range(count))

    async def worker() -> None:
        for n in queue:
            call_started = time.perf_counter()
            reply = await stub.ReserveInventory(
                inventory_pb2.ReserveInventoryRequest(
                    tenant_id=str(catalog.tenant_id),
                    reference=f"raw-{run}-{n}",
                    lines=[
                        inventory_pb2.ReservationLine(
                            hub_id=str(catalog.hub_id), sku_id=str(random.choice(skus)), quantity=1
                        )
                    ],
                ),
                timeout=30,
            )
            assert reply.outcome == inventory_pb2.RESERVE_OUTCOME_RESERVED
            latencies.append((time.perf_counter() - call_started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return Figures(time.perf_counter() - started, count, latencies)


@asynccontextmanager
async def own_resources(
    partitions: int | None,
) -> AsyncIterator[tuple[str, MongoSettings, KafkaSettings]]:
    suffix = uuid.uuid4().hex[:10]
    base = PostgresSettings().dsn
    name = f"bench_{suffix}"
    admin = await asyncpg.connect(with_database(base, "postgres"))
    await admin.execute(f'CREATE DATABASE "{name}"')  # generated name, not input
    mongo = MongoSettings(database=f"bench_{suffix}")
    kafka = KafkaSettings().model_copy(
        update={
            "topic_order_created": f"bench-{suffix}.order.created",
            "topic_order_updated": f"bench-{suffix}.order.updated",
            "topic_inventory_changed": f"bench-{suffix}.inventory.changed",
            "topic_dead_letter": f"bench-{suffix}.order.dead-letter",
            **({"topic_partitions": partitions} if partitions else {}),
        }
    )
    await ensure_topics(kafka, kafka.topics())
    try:
        yield with_database(base, name), mongo, kafka
    finally:
        await delete_topics(kafka, kafka.topics())
        store = MongoStore.from_settings(mongo)
        await store.client.drop_database(mongo.database)
        await store.close()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def until_joined(
    kafka: KafkaSettings,
    group_ids: list[str],
    members: int,
    processes: list[subprocess.Popen[bytes]],
) -> None:
    """Wait until every group is stable with `members` members, so that no rebalance falls
    inside a measurement."""
    async with asyncio.timeout(120):
        while True:
            states = [await describe_group(kafka, group_id) for group_id in group_ids]
            if all(s.stable and s.members == members for s in states):
                return
            for process in processes:
                if process.poll() is not None:
                    raise SystemExit(f"a finalizer exited with {process.returncode}")
            await asyncio.sleep(0.5)


async def run(args: argparse.Namespace) -> None:
    async with own_resources(args.partitions) as (dsn, mongo, kafka):
        port = free_port()
        ims = start_server(dsn, port, 20, workers=1)
        finalizers: list[subprocess.Popen[bytes]] = []
        store = MongoStore.from_settings(mongo)
        stack = ExitStack()
        try:
            async with bench_auth.admin_channel(f"127.0.0.1:{port}") as channel:
                await wait_serving(channel, ims)
                catalog = await seed(dsn, args.skus)
                orders = OrderRepository(store.db["orders"])
                await orders.ensure_indexes()
                filled = await prefill(orders, catalog, args.prefill)
                print(f"prefilled {args.prefill} orders in {filled:.1f} s")
                log_path = Path(tempfile.gettempdir()) / f"bench-finalizer-{os.getpid()}.log"
                print(f"finalizer log: {log_path}")
                log = stack.enter_context(log_path.open("ab"))
                stub = inventory_pb2_grpc.InventoryServiceStub(channel)
                scenarios = {
                    f"many SKUs ({len(catalog.sku_ids)})": catalog.sku_ids,
                    "hot SKU": [catalog.hot_sku_id],
                }
                one_process: dict[str, float] = {}
                for count in args.finalizers:
                    finalizers = [finalizer_process(mongo, kafka, port, log) for _ in range(count)]
                    groups = [finalizer_group(kafka), restock_group(kafka)]
                    await until_joined(kafka, groups, count, finalizers)
                    # Warm-up: every process has its partitions, both sides open connections.
                    await end_to_end(orders, kafka, catalog, catalog.sku_ids, 200)
                    await raw_reservations(stub, catalog, catalog.sku_ids, 200)
                    print(
                        f"\n{count} finalizer process(es) in one group over"
                        f" {kafka.topic_partitions} partitions; {args.orders} orders per"
                        f" scenario, concurrency {CONCURRENCY} per process, {os.cpu_count()}"
                        " cores shared; collection holds"
                        f" {await orders.collection.estimated_document_count()} orders"
                    )
                    header = (
                        f"{'scenario':<18}{'orders/s':>10}{'p50 ms':>9}{'p99 ms':>9}"
                        f"{'raw rps':>9}{'raw p50':>9}{'raw p99':>9}{'ratio':>7}"
                        f"{'store/s':>9}{'ratio':>7}{'vs 1':>7}"
                    )
                    print(header)
                    print("-" * len(header))
                    for scenario, skus in scenarios.items():
                        e2e = await end_to_end(orders, kafka, catalog, skus, args.orders)
                        raw = await raw_reservations(stub, catalog, skus, args.orders)
                        writes = await store_writes(orders, kafka, catalog, args.orders)
                        first = one_process.setdefault(scenario, e2e.rate)
                        print(
                            f"{scenario:<18}{e2e.rate:>10.0f}{e2e.percentile(50):>9.0f}"
                            f"{e2e.percentile(99):>9.0f}{raw.rate:>9.0f}"
                            f"{raw.percentile(50):>9.1f}{raw.percentile(99):>9.1f}"
                            f"{e2e.rate / raw.rate:>7.2f}{writes.rate:>9.0f}"
                            f"{e2e.rate / writes.rate:>7.2f}{e2e.rate / first:>7.2f}",
                            flush=True,
                        )
                        if count == args.finalizers[0]:
                            summary.record(
                                "order finalizer",
                                f"{scenario}: order.created to new_order",
                                e2e.rate,
                                "orders/s",
                                baseline=raw.rate,
                                baseline_label="raw ReserveInventory",
                            )
                        else:
                            summary.record(
                                "order finalizer",
                                f"{scenario}: {count} finalizer processes",
                                e2e.rate,
                                "orders/s",
                                baseline=first,
                                baseline_label=f"{args.finalizers[0]} process(es), same run",
                            )
                    for process in finalizers:
                        stop_child(process)
        finally:
            for process in finalizers:
                stop_child(process)
            stop_server(ims)
            stack.close()
            await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefill", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--skus", type=int, default=1000)
    parser.add_argument(
        "--finalizers",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 2],
        help="finalizer process counts to measure one after the other (default 1,2)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="partitions of the bench's topics (default: KAFKA_TOPIC_PARTITIONS, 3)",
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
