"""The work the resilience suite pushes through the running system, and the checks that
nothing was lost or done twice: uploads of one-line orders for the demo tenant's T-shirt
(stocked far beyond need), each through StreamUpload with the demo's API key, followed to
the end; its orders finalized; stock, ledger, webhooks and Kafka events accounted for."""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from ims.v1 import inventory_pb2
from oms.v1 import events_pb2, order_pb2, upload_pb2, webhook_pb2

from common.clients.mongo import MongoStore
from consumers.webhook_dispatcher.settings import DispatcherSettings
from devstack.demo.receiver import WebhookReceiver
from omsctl.connection import Services, Target, connect
from omsctl.upload_progress import send_file
from tests.support.run_system import RunningSystem

STOCK = 10_000_000
SUBSCRIPTION_TTL_S = DispatcherSettings().subscription_ttl_s
PAGE_SIZE = 1000  # ListOrders coerces larger pages down to its maximum
SETTLE_S = 600.0  # deadlines for work to finish: generous, never a speed check


def settle_for(rows: int) -> float:
    """The deadline for `rows` rows of work: SETTLE_S per 1,000 (for hangs, not for speed:
    on the local MongoDB-wire server 10,000 rows under SIGKILLs took over ten minutes)."""
    return SETTLE_S * max(1.0, rows / 1000)


@dataclass(frozen=True)
class Catalogue:
    tenant_id: str
    seller_id: str
    hub_id: str
    sku_id: str


@dataclass(frozen=True)
class Accounts:
    """What an upload's orders left behind, to compare with what it should have."""

    reserved: int  # units reserved at the hub for the SKU
    reserve_rows: int  # ledger rows of type RESERVE for it


class Flow:
    def __init__(
        self, system: RunningSystem, api: Services, receiver: WebhookReceiver, catalogue: Catalogue
    ) -> None:
        self.system = system
        self.api = api
        self.receiver = receiver
        self.catalogue = catalogue

    @classmethod
    @asynccontextmanager
    async def open(cls, system: RunningSystem) -> AsyncIterator[Flow]:
        ims, oms = system.targets
        receiver = WebhookReceiver()
        await receiver.start()
        try:
            async with connect(Target(ims, oms, system.api_key(), 30.0)) as api:
                catalogue = await _demo_catalogue(api)
                await api.inventory.UpsertInventory(
                    inventory_pb2.UpsertInventoryRequest(
                        hub_id=catalogue.hub_id,
                        sku_id=catalogue.sku_id,
                        set_quantity_on_hand=STOCK,
                        reason="resilience: plenty",
                    ),
                    timeout=api.timeout_s,
                )
                hook = await api.webhooks.CreateWebhook(
                    webhook_pb2.CreateWebhookRequest(
                        webhook=webhook_pb2.Webhook(
                            url=receiver.url, event_types=["order.created", "order.updated"]
                        )
                    ),
                    timeout=api.timeout_s,
                )
                receiver.trust(hook.signing_secret)
                # A new webhook takes effect in the dispatcher within its subscription cache's
                # TTL (DISPATCHER_SUBSCRIPTION_TTL_S, 5 s; README "Webhook delivery"): events
                # before that may not be sent to it, by design.
                await asyncio.sleep(SUBSCRIPTION_TTL_S + 1.0)
                yield cls(system, api, receiver, catalogue)
        finally:
            await receiver.stop()

    async def start_upload(self, rows: int, tag: str) -> str:
        """A file of `rows` one-line orders (quantities 1-3), streamed; its upload id."""
        c = self.catalogue
        lines = ["tenant_id,seller_id,hub_id,sku_id,quantity,note"]
        lines += [
            f"{c.tenant_id},{c.seller_id},{c.hub_id},{c.sku_id},{1 + n % 3},{tag}-{n}"
            for n in range(rows)
        ]
        path = Path(tempfile.mkdtemp()) / f"{tag}.csv"
        await asyncio.to_thread(path.write_text, "\n".join(lines) + "\n")
        for attempt in range(1, 11):
            try:
                upload = await send_file(self.api, "", path, timeout_s=300)
                return upload.id
            except grpc.aio.AioRpcError as exc:
                # What a client does with UNAVAILABLE ("please try again"): a store that
                # was just restarted may still be coming back.
                if exc.code() != grpc.StatusCode.UNAVAILABLE or attempt == 10:
                    raise
                await asyncio.sleep(2.0)
        raise AssertionError("unreachable")

    @staticmethod
    def units(rows: int) -> int:
        return sum(1 + n % 3 for n in range(rows))

    async def upload(self, upload_id: str) -> upload_pb2.Upload:
        reply = await self.api.uploads.GetUpload(
            upload_pb2.GetUploadRequest(id=upload_id), timeout=self.api.timeout_s
        )
        found: upload_pb2.Upload = reply.upload
        return found

    async def until_rows_read(self, upload_id: str, rows: int) -> None:
        deadline = time.monotonic() + SETTLE_S
        while (await self.upload(upload_id)).rows_read < rows:
            assert time.monotonic() < deadline, f"upload {upload_id} never read {rows} rows"
            await asyncio.sleep(0.05)

    async def until_complete(self, upload_id: str, settle_s: float = SETTLE_S) -> upload_pb2.Upload:
        deadline = time.monotonic() + settle_s
        while True:
            upload = await self.upload(upload_id)
            if upload.state in (upload_pb2.UPLOAD_STATE_COMPLETED, upload_pb2.UPLOAD_STATE_FAILED):
                return upload
            assert time.monotonic() < deadline, f"upload {upload_id} never finished: {upload}"
            await asyncio.sleep(0.5)

    async def orders_of(
        self, upload_id: str, *, status: order_pb2.OrderStatus.ValueType = 0
    ) -> list[order_pb2.Order]:
        """The upload's orders (in `status`, if given): those created since the upload was,
        so a poll does not page through everything the tenant ever ordered."""
        upload = await self.upload(upload_id)
        found: list[order_pb2.Order] = []
        token = ""
        while True:
            reply = await self.api.orders.ListOrders(
                order_pb2.ListOrdersRequest(
                    status=status,
                    from_time=upload.create_time,
                    page_size=PAGE_SIZE,
                    page_token=token,
                ),
                timeout=self.api.timeout_s,
            )
            found.extend(o for o in reply.orders if o.upload_id == upload_id)
            token = reply.next_page_token
            if not token:
                return found

    async def until_finalized(
        self, upload_id: str, expected: int, settle_s: float = SETTLE_S
    ) -> list[order_pb2.Order]:
        """Once the upload made `expected` orders and none is on hold any more (polling only
        the held ones); then all of them, read once."""
        deadline = time.monotonic() + settle_s
        while True:
            upload = await self.upload(upload_id)
            held = await self.orders_of(upload_id, status=order_pb2.ORDER_STATUS_ON_HOLD)
            if upload.orders_created >= expected and not held:
                return await self.orders_of(upload_id)
            assert time.monotonic() < deadline, f"{upload.orders_created} orders, {len(held)} held"
            await asyncio.sleep(2.0)

    async def accounts(self) -> Accounts:
        c = self.catalogue
        level = await self.api.inventory.GetInventory(
            inventory_pb2.GetInventoryRequest(hub_id=c.hub_id, sku_ids=[c.sku_id]),
            timeout=self.api.timeout_s,
        )
        rows = 0
        token = ""
        while True:
            page = await self.api.inventory.ListInventoryTransactions(
                inventory_pb2.ListInventoryTransactionsRequest(
                    hub_id=c.hub_id, sku_id=c.sku_id, page_size=1000, page_token=token
                ),
                timeout=self.api.timeout_s,
            )
            rows += sum(
                1
                for tx in page.transactions
                if tx.type == inventory_pb2.INVENTORY_TRANSACTION_TYPE_RESERVE
            )
            token = page.next_page_token
            if not token:
                return Accounts(level.levels[0].quantity_reserved, rows)

    async def until_webhooks(self, order_ids: set[str], settle_s: float = SETTLE_S) -> None:
        """Until the receiver has both events of every order (verified signatures)."""
        deadline = time.monotonic() + settle_s
        while True:
            got = self.receiver.received.orders
            missing = [
                kind
                for kind in ("order.created", "order.updated")
                if not order_ids <= got.get(kind, set())
            ]
            if not missing:
                return
            if time.monotonic() > deadline:
                lacking = {k: order_ids - got.get(k, set()) for k in missing}
                raise AssertionError(
                    f"webhooks missing: {[(k, len(v)) for k, v in lacking.items()]};"
                    f" where they are: {await self._whereabouts(lacking)}"
                )
            await asyncio.sleep(0.5)

    async def _whereabouts(self, lacking: dict[str, set[str]]) -> list[str]:
        """For a failure message: each missing event's order outbox and whether the event is
        on its topic."""
        env = self.system.env
        bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
        store = MongoStore.from_settings(self.system.resources.mongo)
        found: list[str] = []
        try:
            for kind, order_ids in lacking.items():
                topic = env[f"KAFKA_TOPIC_ORDER_{kind.split('.')[1].upper()}"]
                message = (
                    events_pb2.OrderCreated if kind.endswith("created") else events_pb2.OrderUpdated
                )
                on_topic: set[str] = set()
                for value in await topic_values(bootstrap, topic):
                    event = message()
                    event.ParseFromString(value)
                    on_topic.add(event.order.id)
                for order_id in sorted(order_ids)[:10]:
                    document = await store.db["orders"].find_one({"_id": order_id}) or {}
                    batch = await store.db["outbox_batches"].find_one(
                        {"events.document_id": order_id}, {"events": 0}
                    )
                    found.append(
                        f"{kind} {order_id}: on topic {order_id in on_topic}, status"
                        f" {document.get('status')}, outbox pending"
                        f" {document.get('outbox_pending')} owner {document.get('outbox_owner')}"
                        f" lease {document.get('outbox_lease')} entries"
                        f" {[e.get('event_type') for e in document.get('outbox', [])]},"
                        f" in outbox batch {batch}"
                    )
        finally:
            await store.close()
        return found

    async def events(self, order_ids: set[str]) -> EventCounts:
        """Messages and distinct events on order.created and order.updated for these orders."""
        env = self.system.env
        counts: dict[str, tuple[int, int]] = {}
        for kind, topic, message in (
            ("created", env["KAFKA_TOPIC_ORDER_CREATED"], events_pb2.OrderCreated),
            ("updated", env["KAFKA_TOPIC_ORDER_UPDATED"], events_pb2.OrderUpdated),
        ):
            ids: list[str] = []
            for value in await topic_values(
                env.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"), topic
            ):
                event = message()
                event.ParseFromString(value)
                if event.order.id in order_ids:
                    ids.append(event.event_id)
            counts[kind] = (len(ids), len(set(ids)))
        return EventCounts(counts)


@dataclass(frozen=True)
class EventCounts:
    """Per event kind: (messages, distinct events)."""

    by_kind: dict[str, tuple[int, int]]

    @property
    def messages(self) -> int:
        return sum(messages for messages, _ in self.by_kind.values())

    @property
    def distinct(self) -> int:
        return sum(distinct for _, distinct in self.by_kind.values())

    def summary(self) -> str:
        """E.g. `events 460 for 400 (15.0% duplicates: created 230/200, updated 230/200)`."""
        parts = ", ".join(f"{kind} {m}/{d}" for kind, (m, d) in self.by_kind.items())
        rate = (self.messages - self.distinct) / self.distinct if self.distinct else 0.0
        return f"events {self.messages} for {self.distinct} ({rate:.1%} duplicates: {parts})"


async def _demo_catalogue(api: Services) -> Catalogue:
    """The demo's seller, hub and T-shirt (the demo tenant's first order names them)."""
    reply = await api.orders.ListOrders(order_pb2.ListOrdersRequest(page_size=100), timeout=30)
    for order in reply.orders:
        for line in order.lines:
            if line.sku_code == "DEMO-TEE":
                return Catalogue(order.tenant_id, order.seller_id, order.hub_id, line.sku_id)
    raise AssertionError("the demo made no T-shirt order")


@dataclass(frozen=True)
class Record:
    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]]


async def topic_records(bootstrap: str, topic: str) -> list[Record]:
    """Every message of `topic` there is now (no consumer group, nothing committed)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics([topic])
    finally:
        await admin.close()
    numbers = sorted(part["partition"] for part in described[0]["partitions"])
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in numbers]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        records: list[Record] = []

        async def behind() -> bool:
            for tp in partitions:
                if await consumer.position(tp) < ends[tp]:
                    return True
            return False

        while await behind():
            batch = await consumer.getmany(*partitions, timeout_ms=1000)
            for found in batch.values():
                records.extend(
                    Record(r.key, r.value or b"", [(k, bytes(v)) for k, v in r.headers])
                    for r in found
                )
        return records
    finally:
        await consumer.stop()


async def topic_values(bootstrap: str, topic: str) -> list[bytes]:
    return [record.value for record in await topic_records(bootstrap, topic)]
