"""Webhook deliveries per second and event-to-webhook latency, beside raw signed POSTs.

    .venv/bin/python bench/webhook_dispatch.py [--events 5000] [--webhooks 4] [--paced-rate 100]
                                               [--mongo-uri mongodb://127.0.0.1:27999]

Runs against the local stack (`scripts/stack up`) on resources of its own — a MongoDB
database and Kafka topics named after a random suffix, removed at the end (also on error).
The dispatcher runs as a separate process (`python -m consumers.webhook_dispatcher`, the
production entry point, default concurrency: 64 in flight, 4 per webhook); the receiver is
an aiohttp server in this process on 127.0.0.1 that answers 204 at once.

  * burst: `--events` OrderCreated events published to Kafka as fast as the producer goes,
    each to every one of `--webhooks` webhooks of one tenant. Deliveries per second from the
    first to the last arrival; latency = arrival at the receiver minus the event's occur_time
    (stamped when it is published; the OMS outbox relay is not part of this figure), so
    under a burst it includes the time spent waiting behind earlier events;
  * paced: `--paced-rate` events per second for `--paced-seconds`: latency when the
    dispatcher keeps up;
  * baseline: the same bodies, signed with the same code, POSTed with aiohttp straight to
    the same receiver at the same concurrency (4 per webhook) — no Kafka, no MongoDB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import aiohttp
import summary
from aiohttp import web
from google.protobuf.timestamp_pb2 import Timestamp
from oms.v1 import events_pb2, order_pb2

from common.clients.kafka import KafkaProducer, OutgoingRecord, delete_topics, ensure_topics
from common.clients.mongo import MongoStore
from common.settings import KafkaSettings, MongoSettings
from consumers.webhook_dispatcher.events import payload_json
from consumers.webhook_dispatcher.settings import DispatcherSettings
from consumers.webhook_dispatcher.signing import delivery_headers
from oms_grpc.core.domain.webhook_secrets import new_signing_secret
from oms_grpc.core.domain.webhook_urls import parse_callback_url
from oms_grpc.core.domain.webhooks import NewWebhook
from oms_grpc.core.repositories.webhooks import WebhookRepository
from oms_grpc.core.secret_box import SecretBox

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Arrivals:
    """What the receiver saw: (webhook path, webhook-id) → arrival, and latencies."""

    first: dict[tuple[str, str], float] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    requests: int = 0
    first_at: float = 0.0
    last_at: float = 0.0
    track: bool = True

    def record(self, path: str, webhook_id: str, body: bytes) -> None:
        now = time.time()
        self.requests += 1
        key = (path, webhook_id)
        if key in self.first:
            return  # a duplicate (at least once): counted in requests only
        self.first[key] = now
        self.first_at = self.first_at or now
        self.last_at = now
        if self.track:
            occurred = datetime.fromisoformat(json.loads(body)["occurTime"]).timestamp()
            self.latencies_ms.append((now - occurred) * 1000)


@asynccontextmanager
async def receiver(arrivals: Arrivals) -> AsyncIterator[int]:
    async def handle(request: web.Request) -> web.Response:
        arrivals.record(request.path, request.headers["webhook-id"], await request.read())
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock, backlog=1024).start()
    try:
        yield sock.getsockname()[1]
    finally:
        await runner.cleanup()


def make_events(count: int, tenant_id: str) -> list[events_pb2.OrderCreated]:
    events = []
    for n in range(count):
        order = order_pb2.Order(
            id=str(uuid.uuid4()),
            tenant_id=tenant_id,
            seller_id=str(uuid.uuid4()),
            hub_id=str(uuid.uuid4()),
            lines=[
                order_pb2.OrderLine(sku_id=str(uuid.uuid4()), sku_code=f"SKU-{n % 97}", quantity=2),
                order_pb2.OrderLine(sku_id=str(uuid.uuid4()), sku_code=f"SKU-{n % 89}", quantity=1),
            ],
            status=order_pb2.ORDER_STATUS_ON_HOLD,
            external_reference=f"ref-{n}",
        )
        events.append(
            events_pb2.OrderCreated(
                event_id=str(uuid.uuid4()),
                tenant_id=tenant_id,
                order=order,
                trace_id=uuid.uuid4().hex,
            )
        )
    return events


def stamp(event: events_pb2.OrderCreated) -> None:
    now = Timestamp()
    now.GetCurrentTime()
    event.occur_time.CopyFrom(now)
    event.order.create_time.CopyFrom(now)


async def publish(
    kafka: KafkaSettings, events: list[events_pb2.OrderCreated], rate: float | None
) -> None:
    """All at once in batches, or `rate` per second (stamped as they go out)."""
    producer = await KafkaProducer.start(kafka)
    try:
        if rate is None:
            for start in range(0, len(events), 500):
                batch = events[start : start + 500]
                for event in batch:
                    stamp(event)
                await producer.send_many([_record(kafka, e) for e in batch])
            return
        started = time.monotonic()
        for n, event in enumerate(events):
            delay = started + n / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            stamp(event)
            await producer.send_many([_record(kafka, event)])
    finally:
        await producer.close()


def _record(kafka: KafkaSettings, event: events_pb2.OrderCreated) -> OutgoingRecord:
    return OutgoingRecord(
        topic=kafka.topic_order_created,
        value=event.SerializeToString(),
        key=event.order.id.encode(),
        headers={"event-type": b"order.created", "event-id": event.event_id.encode()},
    )


async def wait_for(arrivals: Arrivals, expected: int, deadline_s: float) -> bool:
    started = time.monotonic()
    deadline = started + deadline_s
    report = started + 10
    while len(arrivals.first) < expected:
        now = time.monotonic()
        if now > deadline:
            return False
        if now > report:
            report = now + 10
            print(f"  … {len(arrivals.first)}/{expected} after {now - started:.0f} s", flush=True)
        await asyncio.sleep(0.05)
    return True


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


async def baseline(
    port: int, paths: list[str], secrets: list[str], events: list[events_pb2.OrderCreated]
) -> tuple[int, float]:
    """The same bodies signed and POSTed straight to the receiver, 4 at a time per webhook."""
    bodies = [(e.event_id, payload_json(e)) for e in events]
    per_webhook = DispatcherSettings().max_in_flight_per_webhook
    total = DispatcherSettings().max_in_flight
    connector = aiohttp.TCPConnector(limit=total)
    async with aiohttp.ClientSession(connector=connector) as session:
        slots = asyncio.Semaphore(total)

        async def one_webhook(path: str, secret: str) -> int:
            lane = asyncio.Semaphore(per_webhook)
            sent = 0

            async def post(event_id: str, body: str) -> None:
                nonlocal sent
                async with lane, slots:
                    headers = delivery_headers(
                        message_id=event_id,
                        timestamp=int(time.time()),
                        body=body,
                        secrets=[secret],
                        event_type="order.created",
                    )
                    async with session.post(
                        f"http://127.0.0.1:{port}{path}-baseline",
                        data=body.encode(),
                        headers=headers,
                        allow_redirects=False,
                    ) as response:
                        await response.read()
                        if 200 <= response.status < 300:
                            sent += 1

            await asyncio.gather(*(post(event_id, body) for event_id, body in bodies))
            return sent

        started = time.monotonic()
        counts = await asyncio.gather(
            *(one_webhook(p, s) for p, s in zip(paths, secrets, strict=True))
        )
        return sum(counts), time.monotonic() - started


def start_dispatcher(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "consumers.webhook_dispatcher"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def dispatcher_env(mongo: MongoSettings, kafka: KafkaSettings, key: str) -> dict[str, str]:
    return {
        **os.environ,
        "MONGODB_URI": mongo.uri,
        "MONGODB_DATABASE": mongo.database,
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap_servers,
        "KAFKA_TOPIC_ORDER_CREATED": kafka.topic_order_created,
        "KAFKA_TOPIC_ORDER_UPDATED": kafka.topic_order_updated,
        "KAFKA_TOPIC_INVENTORY_CHANGED": kafka.topic_inventory_changed,
        "KAFKA_TOPIC_DEAD_LETTER": kafka.topic_dead_letter,
        "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32",
        "WEBHOOK_SECRET_KEY": key,
        "DISPATCHER_GROUP_ID": f"bench-{uuid.uuid4().hex[:8]}",
        "DISPATCHER_LOG_LEVEL": "WARNING",
    }


async def run(args: argparse.Namespace) -> None:
    suffix = uuid.uuid4().hex[:8]
    mongo = MongoSettings(database=f"bench_webhooks_{suffix}")
    if args.mongo_uri:
        mongo = mongo.model_copy(update={"uri": args.mongo_uri})
    base = KafkaSettings()
    kafka = base.model_copy(
        update={
            "topic_order_created": f"bench-{suffix}.order.created",
            "topic_order_updated": f"bench-{suffix}.order.updated",
            "topic_inventory_changed": f"bench-{suffix}.inventory.changed",
            "topic_dead_letter": f"bench-{suffix}.order.dead-letter",
        }
    )
    key = SecretBox.generate_key()
    store = MongoStore.from_settings(mongo)
    await ensure_topics(kafka, kafka.topics())
    process: subprocess.Popen[bytes] | None = None
    arrivals = Arrivals()
    try:
        async with receiver(arrivals) as port:
            tenant = str(uuid.uuid4())
            registry = WebhookRepository(store.db["webhooks"], SecretBox([key]))
            paths = [f"/hook-{n}" for n in range(args.webhooks)]
            secrets = [new_signing_secret() for _ in paths]
            for path, secret in zip(paths, secrets, strict=True):
                await registry.create(
                    NewWebhook(
                        tenant_id=tenant,
                        url=parse_callback_url(f"http://127.0.0.1:{port}{path}"),
                        event_types=("order.created",),
                        headers=(),
                        active=True,
                        description="bench",
                    ),
                    secret,
                )
            process = start_dispatcher(dispatcher_env(mongo, kafka, key))

            # Warm-up (joins the group, opens connections), not measured.
            await publish(kafka, make_events(20, tenant), rate=None)
            if not await wait_for(arrivals, 20 * args.webhooks, 120):
                raise SystemExit("the dispatcher delivered nothing within 120 s")

            # Burst.
            arrivals.first.clear()
            arrivals.latencies_ms.clear()
            arrivals.requests = 0
            arrivals.first_at = arrivals.last_at = 0.0
            events = make_events(args.events, tenant)
            expected = args.events * args.webhooks
            published = time.time()
            await publish(kafka, events, rate=None)
            publish_s = time.time() - published
            complete = await wait_for(arrivals, expected, args.deadline)
            burst_s = arrivals.last_at - published
            burst = (
                len(arrivals.first),
                arrivals.requests,
                burst_s,
                sorted(arrivals.latencies_ms),
            )

            # Paced.
            arrivals.first.clear()
            arrivals.latencies_ms.clear()
            arrivals.requests = 0
            paced_events = make_events(int(args.paced_rate * args.paced_seconds), tenant)
            await publish(kafka, paced_events, rate=args.paced_rate)
            await wait_for(arrivals, len(paced_events) * args.webhooks, 120)
            paced = (len(arrivals.first), sorted(arrivals.latencies_ms))

            # Baseline: the same bodies, signed, straight to the receiver.
            arrivals.track = False
            sent, baseline_s = await baseline(port, paths, secrets, events)

        logs = store.db["webhook_logs"]
        succeeded = await logs.count_documents({"state": "succeeded"})
        total = await logs.count_documents({})
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        await store.client.drop_database(mongo.database)
        await store.close()
        await delete_topics(kafka, kafka.topics())

    delivered, requests, burst_s, latencies = burst
    print(f"\nwebhook dispatch: {args.events} events x {args.webhooks} webhooks = {expected}")
    print(f"  published to Kafka in {publish_s:.2f} s")
    print(
        f"  burst    : {delivered}/{expected} delivered{'' if complete else ' (DEADLINE)'} in "
        f"{burst_s:.2f} s = {delivered / burst_s:,.0f} deliveries/s; "
        f"{requests - delivered} duplicate requests"
    )
    print(
        f"             latency occur_time → arrival: p50 {percentile(latencies, 50):,.0f} ms, "
        f"p99 {percentile(latencies, 99):,.0f} ms, max {max(latencies):,.0f} ms"
    )
    paced_delivered, paced_latencies = paced
    print(
        f"  paced    : {args.paced_rate:g} events/s for {args.paced_seconds:g} s "
        f"({paced_delivered} deliveries): latency p50 {percentile(paced_latencies, 50):,.0f} ms, "
        f"p99 {percentile(paced_latencies, 99):,.0f} ms"
    )
    print(
        f"  baseline : {sent} signed POSTs straight to the receiver in {baseline_s:.2f} s = "
        f"{sent / baseline_s:,.0f} /s (same concurrency)"
    )
    print(f"  ratio    : {(delivered / burst_s) / (sent / baseline_s):.2f}")
    summary.record(
        "webhook dispatch",
        f"{expected:,} deliveries, burst",
        delivered / burst_s,
        "deliveries/s",
        baseline=sent / baseline_s,
        baseline_label="signed POSTs straight to the receiver",
    )
    summary.record(
        "webhook dispatch",
        f"order event to arrival, p99 at {args.paced_rate:g} events/s",
        percentile(paced_latencies, 99),
        "ms",
        higher_is_better=False,
    )
    print(f"  delivery log: {succeeded} of {total} deliveries succeeded")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--webhooks", type=int, default=4)
    parser.add_argument("--paced-rate", type=float, default=100.0)
    parser.add_argument("--paced-seconds", type=float, default=10.0)
    parser.add_argument("--deadline", type=float, default=400.0, help="s after publishing")
    parser.add_argument(
        "--mongo-uri", default="", help="another MongoDB-wire server (default: MONGODB_URI)"
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
