"""A 100,000-row bulk upload end to end, beside the raw work it cannot avoid.

    .venv/bin/python bench/bulk_upload.py [--rows 100000] [--skus 300] [--hubs 5]

Runs against the local stack (`scripts/stack up`) on resources of its own — a PostgreSQL
database, a Redis key prefix, a MongoDB database, Kafka topics, an S3 bucket and SQS queues,
all named after a random suffix and removed at the end (also on error). In this process:
IMS (`ims_grpc.main`), OMS (`oms_grpc.main`: UploadService + its outbox relay) and the CSV
ingester (`consumers.csv_ingester.main`: SQS loop + its own outbox relay).

  * end to end: `UploadService.CreateUpload` with the file (original 5-column format, ~1% bad
    rows) → S3 + SQS → ingester (stream, validate, IMS look-ups, insert_many with outbox
    events, error file) → relays → Kafka; the clock stops when every valid row is an order
    AND its `order.created` event has been read back from the topic;
  * baseline: the same file parsed with `csv.reader`, the same order documents built
    (`Order.create` + `announced_document`, as the ingester stores them: their events go
    to outbox batches) and inserted with `insert_many` (batches of the ingester's size)
    into a fresh collection with the orders collection's indexes — no events at all.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import random
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import bench_auth
import grpc
import summary
from google.api import httpbody_pb2
from ims.v1 import (
    hub_pb2,
    hub_pb2_grpc,
    seller_pb2,
    seller_pb2_grpc,
    sku_pb2,
    sku_pb2_grpc,
    tenant_pb2,
    tenant_pb2_grpc,
)
from memory import PeakRss
from oms.v1 import upload_pb2, upload_pb2_grpc
from pydantic import SecretStr

from common.clients.kafka import KafkaConsumer
from common.clients.mongo import MongoStore
from common.grpc.credentials import authorized_channel
from common.ids import new_id
from common.settings import (
    AuthSettings,
    KafkaSettings,
)
from common.tasks import cancel_and_wait
from consumers.csv_ingester import main as ingester_main
from consumers.csv_ingester.settings import IngesterSettings
from devstack.scratch import Resources, own_resources, provisioned
from ims_grpc import main as ims_main
from ims_grpc.settings import ImsSettings
from oms_grpc import main as oms_main
from oms_grpc.core.container import open_core
from oms_grpc.core.domain.order import Order, OrderLine
from oms_grpc.core.repositories.order_documents import announced_document
from oms_grpc.core.repositories.orders import OrderRepository
from oms_grpc.core.settings import CoreSettings, ImsClientSettings
from oms_grpc.settings import OmsSettings

BENCH_AUTH = AuthSettings(
    admin_token=SecretStr(bench_auth.ADMIN_TOKEN),
    service_secret=SecretStr(bench_auth.SERVICE_SECRET),
)
HEADER = ["tenant_id", "seller_id", "hub_id", "sku_id", "quantity"]


@dataclass(frozen=True)
class Catalog:
    tenant_id: str
    seller_id: str
    hub_ids: list[str]
    sku_ids: list[str]
    sku_codes: dict[str, str]


@dataclass(frozen=True)
class Generated:
    content: bytes
    rows: int
    valid: int


@dataclass(frozen=True)
class EndToEnd:
    seconds: float  # until every valid row is an order with its event read back (or deadline)
    finished: bool  # False: the deadline came first
    completed_after_s: float | None
    upload_reply_s: float
    orders: int
    events: int
    distinct_events: int
    rejected: int


@dataclass(frozen=True)
class Baseline:
    seconds: float
    parse_s: float
    build_s: float
    insert_s: float
    inserted: int


# --- data ---------------------------------------------------------------------------------


async def create_catalog(channel: grpc.aio.Channel, hubs: int, skus: int) -> Catalog:
    code = f"bench-{uuid.uuid4().hex[:8]}"
    tenant = await tenant_pb2_grpc.TenantServiceStub(channel).CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name="Bench", code=code))
    )
    tenant_id = tenant.tenant.id
    seller = await seller_pb2_grpc.SellerServiceStub(channel).CreateSeller(
        seller_pb2.CreateSellerRequest(
            seller=seller_pb2.Seller(tenant_id=tenant_id, name="Bench seller", code="seller")
        )
    )
    seller_id = seller.seller.id
    hub_stub = hub_pb2_grpc.HubServiceStub(channel)
    hub_ids = [
        (
            await hub_stub.CreateHub(
                hub_pb2.CreateHubRequest(
                    hub=hub_pb2.Hub(
                        tenant_id=tenant_id, seller_id=seller_id, name=f"Hub {n}", code=f"hub-{n}"
                    )
                )
            )
        ).hub.id
        for n in range(hubs)
    ]
    sku_stub = sku_pb2_grpc.SkuServiceStub(channel)
    created = await asyncio.gather(
        *(
            sku_stub.CreateSku(
                sku_pb2.CreateSkuRequest(
                    sku=sku_pb2.Sku(
                        tenant_id=tenant_id, seller_id=seller_id, name=f"SKU {n}", code=f"sku-{n}"
                    )
                )
            )
            for n in range(skus)
        )
    )
    return Catalog(
        tenant_id,
        seller_id,
        hub_ids,
        [reply.sku.id for reply in created],
        {reply.sku.id: reply.sku.code for reply in created},
    )


def generate(catalog: Catalog, rows: int, bad_ratio: float, seed: int = 7) -> Generated:
    """The original 5-column format; about `bad_ratio` of the rows are bad in one of the
    usual ways (quantity 0 / ABC / 1.5, unknown SKU)."""
    rnd = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    valid = 0
    bad_kinds: list[Callable[[list[str]], None]] = [
        lambda r: r.__setitem__(4, "0"),
        lambda r: r.__setitem__(4, "ABC"),
        lambda r: r.__setitem__(4, "1.5"),
        lambda r: r.__setitem__(3, str(uuid.uuid4())),
    ]
    for _ in range(rows):
        row = [
            catalog.tenant_id,
            catalog.seller_id,
            rnd.choice(catalog.hub_ids),
            rnd.choice(catalog.sku_ids),
            str(rnd.randint(1, 20)),
        ]
        if rnd.random() < bad_ratio:
            rnd.choice(bad_kinds)(row)
        else:
            valid += 1
        writer.writerow(row)
    return Generated(out.getvalue().encode(), rows, valid)


# --- end to end ---------------------------------------------------------------------------


@dataclass
class EventCount:
    events: int = 0  # duplicates included
    distinct: int = 0


async def count_events(settings: KafkaSettings, tally: EventCount) -> None:
    """Reads `order.created` until cancelled, counting events and distinct order ids (the
    record keys)."""
    consumer = await KafkaConsumer.start(
        settings, [settings.topic_order_created], f"bench-{uuid.uuid4().hex[:8]}",
        max_poll_records=5000,
    )  # fmt: skip
    seen: set[bytes] = set()
    try:
        async for batch in consumer.batches(timeout_ms=200):
            tally.events += len(batch)
            seen.update(m.key or b"" for m in batch)
            tally.distinct = len(seen)
    finally:
        await consumer.close()


@dataclass(frozen=True)
class Services:
    ims_target: str
    ims_channel: grpc.aio.Channel
    uploads: upload_pb2_grpc.UploadServiceStub
    orders: OrderRepository


@asynccontextmanager
async def services(
    res: Resources, batch: int, *, in_process_ingester: bool = True
) -> AsyncIterator[Services]:
    """IMS, OMS (server + relay) and the ingester (SQS loop + relay), in this process;
    without the ingester when `in_process_ingester` is False (it runs elsewhere)."""
    async with AsyncExitStack() as stack:
        ims_deps = await stack.enter_async_context(
            ims_main.open_dependencies(
                ImsSettings(port=0), res.postgres, res.redis, auth=BENCH_AUTH
            )
        )
        ims_server = ims_main.build_server(ims_deps)
        await ims_server.start()
        stack.push_async_callback(ims_server.stop, 1)
        ims_target = f"127.0.0.1:{ims_server.port}"
        ims_channel = await stack.enter_async_context(bench_auth.admin_channel(ims_target))

        core_settings = CoreSettings(
            mongo=res.mongo,
            kafka=res.kafka,
            aws=res.aws,
            ims=ImsClientSettings(ims_target=ims_target),
            auth=BENCH_AUTH,
        )
        oms_settings = oms_main.OmsSettingsBundle(service=OmsSettings(port=0), core=core_settings)
        oms_core = await stack.enter_async_context(open_core(core_settings))
        oms_server = await stack.enter_async_context(oms_main.running(oms_core, oms_settings))

        if in_process_ingester:
            # The ingester opens its own core, as its own process would.
            ingester_core = await stack.enter_async_context(open_core(core_settings))
            ingester = await ingester_main.build_ingester(
                ingester_core, IngesterSettings(batch_size=batch, receive_wait_s=1)
            )
            await stack.enter_async_context(ingester_main.running(ingester_core, ingester))

        oms_channel = await stack.enter_async_context(
            authorized_channel(
                f"127.0.0.1:{oms_server.port}",
                bench_auth.ADMIN_TOKEN,
                options=[("grpc.max_send_message_length", 64 * 1024 * 1024)],
            )
        )
        yield Services(
            ims_target,
            ims_channel,
            upload_pb2_grpc.UploadServiceStub(oms_channel),
            oms_core.orders,
        )


async def end_to_end(
    svc: Services, kafka: KafkaSettings, catalog: Catalog, data: Generated, deadline_s: float
) -> EndToEnd:
    tally = EventCount()
    counting = asyncio.create_task(count_events(kafka, tally))
    try:
        await asyncio.sleep(2)  # the consumer joins its group before the first event
        print(f"uploading {len(data.content) / 1e6:.1f} MB: {data.rows} rows, {data.valid} valid")
        started = time.perf_counter()
        reply = await svc.uploads.CreateUpload(
            upload_pb2.CreateUploadRequest(
                tenant_id=catalog.tenant_id,
                filename="bench.csv",
                file=httpbody_pb2.HttpBody(content_type="text/csv", data=data.content),
            ),
            timeout=60,
        )
        replied = time.perf_counter() - started
        upload_id = reply.upload.id
        completed_after: float | None = None
        last = ""
        while True:
            elapsed = time.perf_counter() - started
            got = await svc.uploads.GetUpload(
                upload_pb2.GetUploadRequest(tenant_id=catalog.tenant_id, id=upload_id)
            )
            upload = got.upload
            if upload.state == upload_pb2.UPLOAD_STATE_FAILED:
                raise RuntimeError(f"upload failed: {upload.error_message}")
            if upload.state == upload_pb2.UPLOAD_STATE_COMPLETED and completed_after is None:
                completed_after = elapsed
            state = upload_pb2.UploadState.Name(upload.state).removeprefix("UPLOAD_STATE_")
            line = (
                f"{state} read={upload.rows_read} accepted={upload.rows_accepted} "
                f"events={tally.distinct}"
            )
            if line != last and (int(elapsed * 2) % 10 == 0 or completed_after == elapsed):
                print(f"  {elapsed:6.1f}s {line}")
                last = line
            finished = completed_after is not None and tally.distinct >= data.valid
            if finished or elapsed > deadline_s:
                break
            await asyncio.sleep(0.5)
        elapsed = time.perf_counter() - started
        orders = await svc.orders.collection.count_documents({"upload_id": upload_id})
    finally:
        await cancel_and_wait(counting)
    return EndToEnd(
        seconds=elapsed,
        finished=finished,
        completed_after_s=completed_after,
        upload_reply_s=replied,
        orders=orders,
        events=tally.events,
        distinct_events=tally.distinct,
        rejected=upload.rows_rejected,
    )


# --- baseline -----------------------------------------------------------------------------


async def baseline(res: Resources, catalog: Catalog, data: Generated, batch: int) -> Baseline:
    store = MongoStore.from_settings(res.mongo)
    try:
        repository = OrderRepository(store.db["baseline_orders"])
        await repository.ensure_indexes()
        known = set(catalog.sku_ids)
        upload_id = str(uuid.uuid4())
        started = time.perf_counter()
        parsed = []
        reader = csv.reader(io.StringIO(data.content.decode("utf-8"), newline=""))
        next(reader)
        for line, row in enumerate(reader, start=2):
            quantity = row[4]
            if quantity.isdigit() and int(quantity) > 0 and row[3] in known:
                parsed.append((line, row))
        parse_s = time.perf_counter() - started

        now = datetime.now(UTC)
        documents = [
            announced_document(
                Order.create(
                    order_id=new_id(),
                    tenant_id=row[0],
                    seller_id=row[1],
                    hub_id=row[2],
                    lines=[OrderLine(row[3], catalog.sku_codes[row[3]], int(row[4]))],
                    upload_id=upload_id,
                    idempotency_key=f"upload:{upload_id}:{line}",
                    now=now,
                )
            )
            for line, row in parsed
        ]
        build_s = time.perf_counter() - started - parse_s

        inserted = 0
        for start in range(0, len(documents), batch):
            outcome = await repository.insert_many(documents[start : start + batch])
            inserted += outcome.inserted
        elapsed = time.perf_counter() - started
        return Baseline(elapsed, parse_s, build_s, elapsed - parse_s - build_s, inserted)
    finally:
        await store.close()


# --- main ---------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> None:
    res = own_resources()
    async with provisioned(res):
        async with services(res, args.batch_size) as svc:
            catalog = await create_catalog(svc.ims_channel, args.hubs, args.skus)
            data = generate(catalog, args.rows, args.bad_ratio)
            async with PeakRss.of_stack("bench (IMS + OMS + ingester)") as memory:
                e2e = await end_to_end(svc, res.kafka, catalog, data, args.deadline)
        # With the services stopped, so that they do not compete for the CPU.
        base = await baseline(res, catalog, data, args.batch_size)

    rows = args.rows
    e2e_rate = rows / e2e.seconds
    base_rate = rows / base.seconds
    completed = (
        f"after {e2e.completed_after_s:.1f} s ({rows / e2e.completed_after_s:,.0f} rows/s)"
        if e2e.completed_after_s
        else "not yet"
    )
    print()
    print(f"rows: {rows}  valid: {data.valid}  SKUs: {args.skus}  hubs: {args.hubs}")
    if e2e.finished:
        print(f"end to end   {e2e.seconds:7.1f} s  {e2e_rate:8,.0f} rows/s")
    else:
        print(
            f"end to end   STOPPED at the {args.deadline:.0f} s deadline with "
            f"{e2e.distinct_events} of {data.valid} events published: < {e2e_rate:,.0f} rows/s"
        )
    print(
        f"             CreateUpload replied after {e2e.upload_reply_s:.2f} s; upload COMPLETED "
        f"{completed}; orders {e2e.orders}, rejected {e2e.rejected}; order.created events "
        f"{e2e.events} for {e2e.distinct_events} orders"
    )
    print(
        f"baseline     {base.seconds:7.1f} s  {base_rate:8,.0f} rows/s   "
        f"(csv parse {base.parse_s:.2f} s, build documents {base.build_s:.2f} s, "
        f"insert_many {base.insert_s:.2f} s; {base.inserted} inserted)"
    )
    bound = "" if e2e.finished else "< "
    print(f"ratio        {bound}{e2e_rate / base_rate:.2f} (end to end / baseline)")
    print(f"peak RSS during the end-to-end run: {memory.table()}")
    summary.record(
        "bulk upload",
        f"{rows:,} rows, CreateUpload to last order.created{'' if e2e.finished else ' (deadline)'}",
        e2e_rate,
        "rows/s",
        baseline=base_rate,
        baseline_label="parse + insert_many",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--skus", type=int, default=300)
    parser.add_argument("--hubs", type=int, default=5)
    parser.add_argument("--bad-ratio", type=float, default=0.01)
    parser.add_argument("--batch-size", type=int, default=IngesterSettings().batch_size)
    parser.add_argument(
        "--deadline", type=float, default=400.0, help="seconds after the upload to give up"
    )
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
