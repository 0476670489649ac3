"""Relays outbox events from MongoDB documents to Kafka (at-least-once, per-key order kept).

Loop: claim a batch of documents with pending events (a short lease, so several relays —
the OMS server and the CSV ingester each run one — do not publish the same batch at once),
publish their events in document order, then `$pull` exactly the published events. A crash
between publishing and pulling republishes those events: consumers tolerate duplicates
(event ids are stable), and no event is ever lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo import UpdateOne
from pymongo.asynchronous.collection import AsyncCollection

from common.clients.kafka import KafkaProducer, OutgoingRecord
from oms_grpc.outbox.entries import OUTBOX_FIELD, PENDING_FIELD

log = logging.getLogger(__name__)

LEASE_FIELD = "outbox_lease"


class OutboxRelay:
    def __init__(
        self,
        collection: AsyncCollection[dict[str, Any]],
        connect: Callable[[], Awaitable[KafkaProducer]],
        *,
        batch_size: int = 200,
        idle_poll_s: float = 0.5,
        lease_s: float = 30.0,
        retry_delay_s: float = 1.0,
    ) -> None:
        self._collection = collection
        self._connect = connect
        self._producer: KafkaProducer | None = None
        self._batch_size = batch_size
        self._idle_poll_s = idle_poll_s
        self._lease = timedelta(seconds=lease_s)
        self._retry_delay_s = retry_delay_s
        self._owner = uuid.uuid4().hex
        self._wake = asyncio.Event()

    def notify(self) -> None:
        """Local writers call this after adding events, so they go out without polling delay."""
        self._wake.set()

    async def run(self) -> None:
        """Relay until cancelled; Kafka or MongoDB outages are retried, never fatal.

        Unpublished events stay in their documents meanwhile (claims expire with the lease).
        """
        while True:
            try:
                published = await self.relay_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox relay failed; retrying")
                await self._disconnect()
                await asyncio.sleep(self._retry_delay_s)
                continue
            if published:
                continue  # more may be waiting
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self._idle_poll_s)

    async def relay_once(self) -> int:
        """Publish one batch; returns the number of events published."""
        if self._producer is None:
            # Connected lazily: the service starts (and stores orders) while Kafka is down.
            self._producer = await self._connect()
        documents = await self._claim()
        if not documents:
            return 0
        records: list[OutgoingRecord] = []
        published: dict[Any, list[str]] = {}
        for document in documents:
            for entry in document.get(OUTBOX_FIELD, []):
                records.append(
                    OutgoingRecord(
                        topic=entry["topic"],
                        value=bytes(entry["payload"]),
                        key=entry["key"].encode(),
                        headers={k: v.encode() for k, v in entry.get("headers", {}).items()},
                    )
                )
                published.setdefault(document["_id"], []).append(entry["event_id"])
        try:
            await self._producer.send_many(records)
        except BaseException:
            await self._release(list(published))  # let the next attempt take them at once
            raise
        await self._acknowledge(published)
        return len(records)

    async def close(self) -> None:
        await self._disconnect()

    async def _disconnect(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await producer.close()

    async def _claim(self) -> list[dict[str, Any]]:
        now = datetime.now(UTC)
        candidates = (
            await self._collection.find(
                {PENDING_FIELD: True, "$or": [{LEASE_FIELD: None}, {LEASE_FIELD: {"$lt": now}}]},
                {"_id": 1},
            )
            .limit(self._batch_size)
            .to_list()
        )
        if not candidates:
            return []
        ids = [c["_id"] for c in candidates]
        await self._collection.update_many(
            {"_id": {"$in": ids}, "$or": [{LEASE_FIELD: None}, {LEASE_FIELD: {"$lt": now}}]},
            {"$set": {LEASE_FIELD: now + self._lease, "outbox_owner": self._owner}},
        )
        return await self._collection.find(
            {"_id": {"$in": ids}, "outbox_owner": self._owner, LEASE_FIELD: {"$gt": now}},
            {OUTBOX_FIELD: 1},
        ).to_list()

    async def _acknowledge(self, published: dict[Any, list[str]]) -> None:
        await self._collection.bulk_write(
            [
                UpdateOne(
                    {"_id": document_id},
                    {"$pull": {OUTBOX_FIELD: {"event_id": {"$in": event_ids}}}},
                )
                for document_id, event_ids in published.items()
            ],
            ordered=False,
        )
        ids = list(published)
        # Events appended meanwhile keep the document pending; only empty outboxes settle.
        await self._collection.update_many(
            {"_id": {"$in": ids}, OUTBOX_FIELD: {"$size": 0}},
            {"$set": {PENDING_FIELD: False}, "$unset": {LEASE_FIELD: "", "outbox_owner": ""}},
        )
        await self._release(ids)

    async def _release(self, ids: list[Any]) -> None:
        await self._collection.update_many(
            {"_id": {"$in": ids}, "outbox_owner": self._owner},
            {"$unset": {LEASE_FIELD: "", "outbox_owner": ""}},
        )
