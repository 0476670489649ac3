"""Webhook deliveries per second and event-to-webhook latency, beside raw signed POSTs,
and how the burst rate scales with the number of dispatcher processes.

    .venv/bin/python bench/webhook_dispatch.py [--events 5000] [--webhooks 4] [--paced-rate 100]
                                               [--dispatchers 1,2]
                                               [--mongo-uri mongodb://127.0.0.1:27999]

Runs against the local stack (`scripts/stack up`) on resources of its own — a MongoDB
database and Kafka topics named after a random suffix, removed at the end (also on error).
The dispatcher runs as separate processes (`python -m consumers.webhook_dispatcher`, the
production entry point, default concurrency: 64 in flight, 4 per webhook, each); the
receiver is an aiohttp server in this process on 127.0.0.1 that answers 204 at once. Each
dispatcher process's stderr goes to a log file in the temporary directory (paths printed).

  * burst: `--events` OrderCreated events published to Kafka as fast as the producer goes,
    each to every one of `--webhooks` webhooks of one tenant. Deliveries per second from
    publishing the first event to the last arrival; latency = arrival at the receiver minus
    the event's occur_time (stamped when it is published; the OMS outbox relay is not part
    of this figure), so under a burst it includes the time spent waiting behind earlier
    events;
  * scale-out: the burst again, with fresh events, for each process count N of
    `--dispatchers` (comma-separated, must include 1): N processes with the same
    environment, so one consumer group, started together; measured once the group is
    stable with N members and every partition of the topics they consume is assigned
    (checked with the Kafka admin API, then a small warm-up burst), stopped (SIGTERM)
    before the next count. Kafka spreads partitions, not events: with
    `KAFKA_TOPIC_PARTITIONS` partitions (3 by default) the order.created events of a
    process count beyond that have no process to go to, and an uneven split (2 + 1) bounds
    the speed-up by the busiest process. Each figure's ratio is to the 1-process burst of
    the same run;
  * paced: `--paced-rate` events per second for `--paced-seconds` (1 process): latency
    when the dispatcher keeps up;
  * baseline: the same bodies, signed with the same code, POSTed with aiohttp straight to
    the same receiver at the same concurrency (4 per webhook) — no Kafka, no MongoDB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

import aiohttp
import summary
from aiohttp import web
from google.protobuf.timestamp_pb2 import Timestamp
from oms.v1 import events_pb2, order_pb2

from common.clients.kafka import (
    GroupState,
    KafkaProducer,
    OutgoingRecord,
    delete_topics,
    describe_group,
    ensure_topics,
    partitions_of,
)
from common.clients.mongo import MongoStore
from common.settings import KafkaSettings, MongoSettings
from consumers.webhook_dispatcher.events import EventTopics, payload_json
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
    """What the receiver saw: (webhook path, webhook-id) → arrival, and latencies.

    With `accept` set, only deliveries of those events (webhook-id = event id) count;
    others (a previous phase's, handed over by a stopped process) are `strays`."""

    first: dict[tuple[str, str], float] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    requests: int = 0
    first_at: float = 0.0
    last_at: float = 0.0
    track: bool = True
    accept: frozenset[str] | None = None
    strays: int = 0

    def reset(self, events: list[events_pb2.OrderCreated] | None = None) -> None:
        self.first.clear()
        self.latencies_ms.clear()
        self.requests = self.strays = 0
        self.first_at = self.last_at = 0.0
        self.accept = None if events is None else frozenset(e.event_id for e in events)

    def record(self, path: str, webhook_id: str, body: bytes) -> None:
        now = time.time()
        if self.accept is not None and webhook_id not in self.accept:
            self.strays += 1
            return
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


@dataclass(frozen=True)
class DispatcherProcess:
    process: subprocess.Popen[bytes]
    log: Path


def start_dispatcher(env: dict[str, str], log: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "consumers.webhook_dispatcher"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )


async def stop_dispatchers(dispatchers: list[DispatcherProcess], timeout_s: float = 30) -> None:
    """SIGTERM to each, then wait for all (the receiver keeps answering meanwhile, so attempts
    in flight can finish); killed if still running after `timeout_s`."""
    for d in dispatchers:
        if d.process.poll() is None:
            d.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    for d in dispatchers:
        with contextlib.suppress(subprocess.TimeoutExpired):
            await asyncio.to_thread(d.process.wait, max(0.0, deadline - time.monotonic()))
    for d in dispatchers:
        if d.process.poll() is None:
            print(f"  dispatcher {d.process.pid} still running after {timeout_s:g} s: killed")
            d.process.kill()
            d.process.wait()
        elif d.process.returncode != 0:
            print(f"  dispatcher {d.process.pid} exited with {d.process.returncode}: see {d.log}")


@asynccontextmanager
async def dispatchers(env: dict[str, str], count: int) -> AsyncIterator[list[DispatcherProcess]]:
    """`count` dispatcher processes with the same environment (so one consumer group), each
    one's stderr in a log file of the temporary directory; stopped on the way out."""
    started: list[DispatcherProcess] = []
    with ExitStack() as logs:
        try:
            for n in range(1, count + 1):
                log = Path(tempfile.gettempdir()) / (
                    f"bench-webhook-dispatcher-{os.getpid()}-{count}x{n}.log"
                )
                process = start_dispatcher(env, logs.enter_context(log.open("wb")))
                started.append(DispatcherProcess(process, log))
                print(f"  dispatcher {process.pid} log: {log}")
            yield started
        finally:
            stopping = time.monotonic()
            await stop_dispatchers(started)
            print(
                f"  {count} dispatcher process(es) stopped in {time.monotonic() - stopping:.1f} s"
            )


async def wait_for_group(
    kafka: KafkaSettings,
    group_id: str,
    processes: list[DispatcherProcess],
    deadline_s: float,
) -> GroupState:
    """Until the group is Stable with one member per process and every partition of the
    topics the dispatcher consumes is assigned, each to one member."""
    wanted: list[tuple[str, int]] = []
    for topic in EventTopics.from_settings(kafka).topics:
        wanted += [(topic, partition) for partition in await partitions_of(kafka, topic)]
    wanted.sort()
    deadline = time.monotonic() + deadline_s
    while True:
        for d in processes:
            if d.process.poll() is not None:
                raise SystemExit(
                    f"dispatcher {d.process.pid} exited with {d.process.returncode}: see {d.log}"
                )
        group = await describe_group(kafka, group_id)
        assigned = group.assigned()
        if group.stable and group.members == len(processes) and assigned == wanted:
            return group
        if time.monotonic() > deadline:
            raise SystemExit(
                f"consumer group {group_id} not ready after {deadline_s:g} s: {group.state}, "
                f"{group.members}/{len(processes)} members, "
                f"{len(assigned)}/{len(wanted)} partitions assigned"
            )
        await asyncio.sleep(0.2)


def split(group: GroupState, topic: str) -> str:
    """How many of `topic`'s partitions each member holds, the busiest first: "2+1"."""
    counts = sorted(
        (sum(1 for t, _ in partitions if t == topic) for partitions in group.assignments.values()),
        reverse=True,
    )
    return "+".join(str(c) for c in counts)


@dataclass(frozen=True)
class Burst:
    processes: int
    expected: int
    delivered: int
    requests: int
    strays: int
    publish_s: float
    seconds: float
    latencies_ms: list[float]
    complete: bool
    ready_s: float = 0.0
    split: str = ""
    rebalanced: bool = False

    @property
    def rate(self) -> float:
        return self.delivered / self.seconds if self.seconds > 0 else 0.0


async def measure_burst(
    kafka: KafkaSettings,
    arrivals: Arrivals,
    events: list[events_pb2.OrderCreated],
    args: argparse.Namespace,
) -> Burst:
    """`events` published as fast as the producer goes; deliveries/s from publishing the first
    to the last arrival."""
    arrivals.reset(events)
    expected = len(events) * args.webhooks
    published = time.time()
    await publish(kafka, events, rate=None)
    publish_s = time.time() - published
    complete = await wait_for(arrivals, expected, args.deadline)
    return Burst(
        processes=0,
        expected=expected,
        delivered=len(arrivals.first),
        requests=arrivals.requests,
        strays=arrivals.strays,
        publish_s=publish_s,
        seconds=arrivals.last_at - published,
        latencies_ms=sorted(arrivals.latencies_ms),
        complete=complete,
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
    # One environment for every process of every count: one consumer group, whose committed
    # offsets carry over from one count to the next.
    env = dispatcher_env(mongo, kafka, key)
    group_id = env["DISPATCHER_GROUP_ID"]
    store = MongoStore.from_settings(mongo)
    await ensure_topics(kafka, kafka.topics())
    arrivals = Arrivals()
    bursts: dict[int, Burst] = {}
    print(
        f"webhook dispatch: {kafka.topic_partitions} partitions per topic, dispatcher processes"
        f" {', '.join(str(n) for n in args.dispatchers)}, consumer group {group_id}",
        flush=True,
    )
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
            for count in args.dispatchers:
                print(f"{count} dispatcher process(es):", flush=True)
                async with dispatchers(env, count) as processes:
                    starting = time.monotonic()
                    group = await wait_for_group(kafka, group_id, processes, 120)
                    ready_s = time.monotonic() - starting

                    # Warm-up (opens connections, fills caches), not measured.
                    warm_up = make_events(20, tenant)
                    arrivals.reset(warm_up)
                    await publish(kafka, warm_up, rate=None)
                    if not await wait_for(arrivals, len(warm_up) * args.webhooks, 120):
                        raise SystemExit(f"{count} dispatcher(s) delivered too little in 120 s")

                    # Burst, with fresh events.
                    events = make_events(args.events, tenant)
                    burst = await measure_burst(kafka, arrivals, events, args)
                    after = await describe_group(kafka, group_id)
                    same_members = after.assignments.keys() == group.assignments.keys()
                    rebalanced = not after.stable or not same_members
                    burst = dataclasses.replace(
                        burst,
                        processes=count,
                        ready_s=ready_s,
                        split=split(group, kafka.topic_order_created),
                        rebalanced=rebalanced,
                    )
                    bursts[count] = burst
                    print(
                        f"  group ready in {ready_s:.1f} s, order.created partitions "
                        f"{burst.split}; burst {burst.delivered}/{burst.expected} in "
                        f"{burst.seconds:.2f} s = {burst.rate:,.0f} deliveries/s"
                        f"{'' if burst.complete else ' (DEADLINE)'}"
                        f"{' (REBALANCED during the burst)' if rebalanced else ''}",
                        flush=True,
                    )
                    if count != 1:
                        continue

                    # Paced, with the 1 process.
                    paced_events = make_events(int(args.paced_rate * args.paced_seconds), tenant)
                    arrivals.reset(paced_events)
                    await publish(kafka, paced_events, rate=args.paced_rate)
                    await wait_for(arrivals, len(paced_events) * args.webhooks, 120)
                    paced = (len(arrivals.first), sorted(arrivals.latencies_ms))

                    # Baseline: the same bodies, signed, straight to the receiver (the
                    # dispatcher idle beside it, as for the other figures).
                    arrivals.reset()
                    arrivals.track = False
                    sent, baseline_s = await baseline(port, paths, secrets, events)
                    arrivals.track = True

        logs = store.db["webhook_logs"]
        succeeded = await logs.count_documents({"state": "succeeded"})
        total = await logs.count_documents({})
    finally:
        await store.client.drop_database(mongo.database)
        await store.close()
        await delete_topics(kafka, kafka.topics())

    one = bursts[1]
    delivered, expected, burst_s, latencies = (
        one.delivered,
        one.expected,
        one.seconds,
        one.latencies_ms,
    )
    print(f"\nwebhook dispatch: {args.events} events x {args.webhooks} webhooks = {expected}")
    print(f"  published to Kafka in {one.publish_s:.2f} s")
    print(
        f"  burst    : {delivered}/{expected} delivered{'' if one.complete else ' (DEADLINE)'} in "
        f"{burst_s:.2f} s = {one.rate:,.0f} deliveries/s; "
        f"{one.requests - delivered} duplicate requests"
    )
    print(
        f"             latency occur_time → arrival: p50 {percentile(latencies, 50):,.0f} ms, "
        f"p99 {percentile(latencies, 99):,.0f} ms, max {max(latencies, default=0):,.0f} ms"
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
    print(f"  ratio    : {one.rate / (sent / baseline_s):.2f}")
    print(
        f"\n  burst by dispatcher processes ({kafka.topic_partitions} partitions per topic;"
        f" partitions = order.created's per process;\n  ready s = from start until the group"
        f" is stable with every partition assigned):"
    )
    header = (
        f"  {'processes':>9}{'deliveries/s':>14}{'p50 ms':>9}{'p99 ms':>9}{'vs 1':>7}"
        f"{'partitions':>12}{'ready s':>9}{'dups':>6}  note"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for count, b in bursts.items():
        notes = [
            *([] if b.complete else [f"DEADLINE: {b.delivered}/{b.expected}"]),
            *(["rebalanced"] if b.rebalanced else []),
            *([f"{b.strays} strays"] if b.strays else []),
        ]
        vs_one = b.rate / one.rate if one.rate else float("nan")
        row = (
            f"  {count:>9}{b.rate:>14,.0f}{percentile(b.latencies_ms, 50):>9,.0f}"
            f"{percentile(b.latencies_ms, 99):>9,.0f}{vs_one:>7.2f}{b.split:>12}"
            f"{b.ready_s:>9.1f}{b.requests - b.delivered:>6}  {', '.join(notes)}"
        )
        print(row.rstrip())
    summary.record(
        "webhook dispatch",
        f"{expected:,} deliveries, burst",
        one.rate,
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
    for count, b in bursts.items():
        if count > 1:
            summary.record(
                "webhook dispatch",
                f"burst, {count} dispatcher processes",
                b.rate,
                "deliveries/s",
                baseline=one.rate,
                baseline_label="1 dispatcher process",
            )
    print(f"  delivery log: {succeeded} of {total} deliveries succeeded")


def process_counts(text: str) -> list[int]:
    """`--dispatchers`: "1,2,3" → [1, 2, 3] (sorted, once each; 1 is the others' baseline)."""
    try:
        counts = sorted({int(item) for item in text.split(",") if item.strip()})
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"not a comma-separated list of counts: {text!r}"
        ) from error
    if not counts or counts[0] != 1:
        raise argparse.ArgumentTypeError(
            f"counts must be ≥ 1 and include 1 (the others' baseline): {text!r}"
        )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--webhooks", type=int, default=4)
    parser.add_argument("--paced-rate", type=float, default=100.0)
    parser.add_argument("--paced-seconds", type=float, default=10.0)
    parser.add_argument("--deadline", type=float, default=400.0, help="s after publishing")
    parser.add_argument(
        "--dispatchers",
        type=process_counts,
        default="1,2",
        help="dispatcher process counts to measure the burst with, comma-separated (with 1)",
    )
    parser.add_argument(
        "--mongo-uri", default="", help="another MongoDB-wire server (default: MONGODB_URI)"
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
