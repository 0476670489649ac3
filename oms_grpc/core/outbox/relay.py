"""Relays outbox events from MongoDB documents to Kafka (at-least-once, per-key order kept).

Two ways in:
- **handed over** (the fast path): a writer stamps its new documents with this relay's lease
  before inserting them (`reserve`), or sets the lease with the update that appends an event
  (`lease`), and once stored hands the documents (or just the appended entries) over
  (`hand_over`): the relay publishes those entries without reading them back or claiming
  them, and other relays skip the documents while the lease lasts. If the writer cannot
  know what was stored (e.g. it was cancelled mid-insert) it passes ids (`notify(ids)`)
  and the relay reads those documents first.
- **scan** (recovery and other writers' changes): claim a batch of pending documents whose
  lease has expired, publish, acknowledge.
- **batches** (bulk inserts, `batch`): the events of many new documents stored as one
  batch document before they are inserted, published from memory once they are, and
  acknowledged by deleting that one document (see `batches.py`); a batch whose writer died
  is recovered by a scan when its lease expires.

Publishing then acknowledging means a crash in between republishes those events: consumers
tolerate duplicates (event ids are stable), and no event is ever lost. A document whose
outbox was not acknowledged (owner crashed) is picked up by a scan when its lease expires.

Duplicates are kept to that crash window:
- after each send one record names the batch's events (`PublishedEvents`); a relay that
  claims pending documents does not publish again what such a record names, it only
  acknowledges it (the per-document acknowledgement of a large batch takes a while on a
  slow store: without the record a crash during it republished the rest of the batch);
- a handed-over document is published from memory only while its lease has a margin left
  (`LEASE_MARGIN`); one that waited longer (a slow store, a long backlog) is claimed again
  first, owner-guarded, so it is never published both from memory and by another relay's
  scan that took it after the lease ran out;
- events published but not acknowledged (the store went away right after the send) are
  remembered and their acknowledgement is retried before anything else, so this relay's
  own scan does not find them again once the store is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from pymongo import UpdateOne, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection

from common.clients.kafka import KafkaProducer, OutgoingRecord
from common.metrics import OUTBOX_BACKLOG, OUTBOX_PUBLISHED
from oms_grpc.core.outbox.batches import BatchEvent, OutboxBatch, OutboxBatches
from oms_grpc.core.outbox.entries import (
    LEASE_FIELD,
    OUTBOX_FIELD,
    OWNER_FIELD,
    PENDING_FIELD,
    UNLEASED,
)
from oms_grpc.core.outbox.published import PublishedEvents

log = logging.getLogger(__name__)

_RELEASED = {"$set": {LEASE_FIELD: UNLEASED}, "$unset": {OWNER_FIELD: ""}}
# A handed-over document is published from memory only if its lease lasts this much longer
# (the send and the acknowledgement must fit in it); otherwise it is claimed again first.
LEASE_MARGIN = timedelta(seconds=3)


class BatchWrite:
    """A batch stored and leased to the relay; the writer says what it then stored."""

    def __init__(self, batch: OutboxBatch) -> None:
        self.batch = batch
        self.stored_ids: set[Any] | None = None

    def stored(self, document_ids: Iterable[Any]) -> None:
        self.stored_ids = set(document_ids)


class OutboxRelay:
    def __init__(
        self,
        collection: AsyncCollection[dict[str, Any]],
        connect: Callable[[], Awaitable[KafkaProducer]],
        *,
        published: PublishedEvents,
        batches: OutboxBatches,
        batch_size: int = 500,
        idle_poll_s: float = 0.5,
        max_idle_poll_s: float = 5.0,
        lease_s: float = 30.0,
        reserve_lease_s: float = 10.0,
        max_backlog: int = 2000,
        retry_delay_s: float = 1.0,
        settle_s: float = 120.0,
        service: str = "oms",
    ) -> None:
        """`service`: the process, as the metrics name it; `settle_s`: how long after it was
        written a recovered batch still waits for documents it announces that are not
        stored (an insert can land after its writer died)."""
        self._collection = collection
        # The relay's own bookkeeping (claims, leases, acknowledgements) does not wait for
        # the journal: lost in a crash of the store, it only means a document is claimed
        # again, and the published-batch record (journaled) says not to send it twice.
        # Journaled, it cost an fsync per document and cut the bulk upload's event rate to
        # ~50/s.
        self._bookkeeping = collection.with_options(write_concern=WriteConcern(w=1, j=False))
        self._published = published
        self._batches = batches
        self._settle = timedelta(seconds=settle_s)
        self._published_metric = OUTBOX_PUBLISHED.labels(service)
        self._backlog_metric = OUTBOX_BACKLOG.labels(service)
        self._connect = connect
        self._producer: KafkaProducer | None = None
        self._batch_size = batch_size
        self._idle_poll_s = idle_poll_s
        self._max_idle_poll_s = max(idle_poll_s, max_idle_poll_s)
        # Scans are not free (an index range per call), so an idle relay scans less and
        # less often; a local write or a productive scan brings it back to idle_poll_s.
        self._idle_delay_s = idle_poll_s
        self._lease = timedelta(seconds=lease_s)
        # Documents a writer reserves are published from memory within moments; a short lease
        # means that if the writer dies (or its insert is cancelled and the documents land
        # after all), a scan recovers them soon.
        self._reserve_lease = timedelta(seconds=reserve_lease_s)
        self._max_backlog = max_backlog
        self._drained = asyncio.Event()
        self._drained.set()
        self._retry_delay_s = retry_delay_s
        self._running = False
        self._owner = uuid.uuid4().hex
        self._wake = asyncio.Event()
        # Documents to publish first, by id: the stored document when the writer handed it
        # over, None when it has to be read back.
        self._hinted: dict[Any, dict[str, Any] | None] = {}
        # Published, not yet acknowledged (the acknowledgement failed): document id → the
        # event ids sent.
        self._unacknowledged: dict[Any, list[str]] = {}
        # Batches stored and then handed over by their writer, with the events of the
        # documents that were stored; batches published but not yet deleted.
        self._ready: deque[tuple[OutboxBatch, tuple[BatchEvent, ...]]] = deque()
        self._undeleted: list[str] = []

    def reserve(self, documents: Sequence[dict[str, Any]]) -> None:
        """Stamp documents about to be inserted as leased by this relay (see `notify`)."""
        lease = self.lease()
        for document in documents:
            document.update(lease)

    def lease(self) -> dict[str, Any]:
        """The outbox fields that lease a document to this relay for a moment: `$set` them
        with the write that appends events, then `hand_over` those events."""
        return {LEASE_FIELD: datetime.now(UTC) + self._reserve_lease, OWNER_FIELD: self._owner}

    def notify(self, ids: Iterable[Any] = ()) -> None:
        """Wake the relay after a write; ids of `reserve`d documents go out first."""
        for document_id in ids:
            self._hinted.setdefault(document_id, None)
        self._wake.set()

    def hand_over(self, documents: Iterable[dict[str, Any]]) -> None:
        """Documents leased to this relay (`reserve`, `lease`) that are now stored: their
        `_id`, the outbox entries the write appended and the lease it set. A document handed
        over twice before it goes out keeps both writes' entries, in order."""
        for document in documents:
            waiting = self._hinted.get(document["_id"])
            if waiting is not None:
                document = {
                    **document,
                    OUTBOX_FIELD: waiting[OUTBOX_FIELD] + document[OUTBOX_FIELD],
                    LEASE_FIELD: min(waiting[LEASE_FIELD], document[LEASE_FIELD]),
                }
            self._hinted[document["_id"]] = document
        self._wake.set()
        self._note_backlog()

    @contextlib.asynccontextmanager
    async def batch(self, events: Sequence[BatchEvent]) -> AsyncIterator[BatchWrite]:
        """Store `events` as one batch leased to this relay, then let the writer insert their
        documents and say which it stored (`BatchWrite.stored`): those events are published
        and the batch deleted. If the block raises, or never says, what was stored is unknown
        and the batch is left to the recovery scan (its lease expires)."""
        now = datetime.now(UTC)
        batch = OutboxBatch(
            id=uuid.uuid4().hex,
            owner=self._owner,
            lease=now + self._reserve_lease,
            written=now,
            events=tuple(events),
        )
        await self._batches.insert(batch)
        write = BatchWrite(batch)
        yield write
        if write.stored_ids is not None:
            self._ready.append((batch, batch.of(write.stored_ids)))
            self._wake.set()
            self._note_backlog()

    def _backlog(self) -> int:
        """Events handed over and not yet published (a document to read back counts one)."""
        documents = sum(len(d[OUTBOX_FIELD]) if d else 1 for d in self._hinted.values())
        return documents + sum(len(events) for _, events in self._ready)

    def _note_backlog(self) -> None:
        backlog = self._backlog()
        self._backlog_metric.set(backlog)
        if backlog >= self._max_backlog:
            self._drained.clear()
        elif backlog < self._max_backlog // 2:
            self._drained.set()

    async def backlog_below_limit(self) -> None:
        """Backpressure for bulk writers: wait while the relay is `max_backlog` behind, so
        reserved documents go out well within their lease."""
        await self._drained.wait()

    async def run(self) -> None:
        """Relay until cancelled; Kafka or MongoDB outages are retried, never fatal.

        Unpublished events stay in their documents meanwhile (claims expire with the lease).
        One loop per relay: a second would open a second producer and race the first.
        """
        if self._running:
            raise RuntimeError("this outbox relay is already running")
        self._running = True
        try:
            await self._run()
        finally:
            self._running = False

    async def _run(self) -> None:
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
            if published or self._hinted or self._ready:
                self._idle_delay_s = self._idle_poll_s
                continue  # more may be waiting
            self._wake.clear()
            try:
                # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation
                # that arrives as the wake-up does, and the relay would never stop.
                async with asyncio.timeout(self._idle_delay_s):
                    await self._wake.wait()
                self._idle_delay_s = self._idle_poll_s
            except TimeoutError:
                self._idle_delay_s = min(2 * self._idle_delay_s, self._max_idle_poll_s)

    async def relay_once(self) -> int:
        """Publish one batch; returns the number of events settled (published now, or
        found published before and acknowledged)."""
        if self._unacknowledged:
            await self._acknowledge(self._unacknowledged)
            self._unacknowledged = {}
        if self._undeleted:
            await self._batches.delete(self._undeleted)
            self._undeleted = []
        if self._producer is None:
            # Connected lazily: the service starts (and stores orders) while Kafka is down.
            self._producer = await self._connect()
        if self._ready:
            return await self._relay_ready_batches()
        if self._hinted:
            return await self._relay_documents(*await self._take_hinted())
        settled = await self._relay_documents(*await self._claim())
        return settled or await self._recover_batch()

    async def _relay_documents(
        self, fresh: list[dict[str, Any]], stored: list[dict[str, Any]]
    ) -> int:
        """Publish and acknowledge documents' outboxes: `fresh` as handed over, `stored` as
        read from the store (claimed)."""
        if not fresh and not stored:
            return 0
        # What a relay published before it could acknowledge it (it died, or the store went
        # away): acknowledged now, not sent again.
        sent_before = await self._published.among(
            [entry["event_id"] for document in stored for entry in document.get(OUTBOX_FIELD, [])]
        )
        records: list[OutgoingRecord] = []
        published: dict[Any, list[str]] = {}
        for document in fresh + stored:
            # Every document is acknowledged, also one whose outbox was emptied by a relay
            # that stopped before it cleared the pending flag (`_acknowledge_grown`).
            sent = published.setdefault(document["_id"], [])
            for entry in document.get(OUTBOX_FIELD, []):
                sent.append(entry["event_id"])
                if entry["event_id"] not in sent_before:
                    records.append(_record(entry))
        try:
            await self._send(records)
        except BaseException:
            await self._release(list(published))  # let the next attempt take them at once
            raise
        try:
            await self._published.record(
                [event_id for event_ids in published.values() for event_id in event_ids]
            )
            await self._acknowledge(published)
        except BaseException:
            # Acknowledged first thing next time, before this relay claims anything (its own
            # scan would find these documents again).
            self._unacknowledged = published
            raise
        self._note_backlog()
        return sum(len(event_ids) for event_ids in published.values())

    async def _relay_ready_batches(self) -> int:
        """Publish handed-over batches (up to `batch_size` events, at least one batch) and
        delete them: one write for all of their events."""
        taken: list[tuple[OutboxBatch, tuple[BatchEvent, ...]]] = []
        size = 0
        while self._ready and (not taken or size + len(self._ready[0][1]) <= self._batch_size):
            batch, events = self._ready.popleft()
            taken.append((batch, events))
            size += len(events)
        now = datetime.now(UTC)
        held: list[tuple[OutboxBatch, tuple[BatchEvent, ...]]] = []
        try:
            for batch, events in taken:
                # As with handed-over documents: published from memory only with a margin of
                # lease left, else extended first; a batch another relay's scan took after
                # its lease ran out is that relay's to publish.
                if batch.lease > now + LEASE_MARGIN or await self._batches.extend(
                    batch.id, self._owner, now + self._lease
                ):
                    held.append((batch, events))
            await self._send([_record(e.entry) for _, events in held for e in events])
        except BaseException:
            # Still leased to this relay (or extended): tried again first.
            self._ready.extendleft(reversed(taken))
            raise
        self._note_backlog()
        await self._delete_batches([batch.id for batch, _ in held])
        return sum(len(events) for _, events in held)

    async def _recover_batch(self) -> int:
        """Take one batch whose lease ran out (its writer died, or never said what it stored)
        and publish the events of its documents that exist."""
        now = datetime.now(UTC)
        batch = await self._batches.claim_expired(self._owner, now, now + self._lease)
        if batch is None:
            return 0
        ids = [e.document_id for e in batch.events]
        present = {
            d["_id"]
            for d in await self._collection.find({"_id": {"$in": ids}}, {"_id": 1}).to_list()
        }
        found, missing = batch.of(present), batch.of(set(ids) - present)
        await self._send([_record(e.entry) for e in found])
        if missing and now < batch.written + self._settle:
            await self._batches.keep_only(batch.id, self._owner, missing, now + self._lease)
        else:
            await self._delete_batches([batch.id])
        return len(found)

    async def _send(self, records: list[OutgoingRecord]) -> None:
        assert self._producer is not None
        if records:
            await self._producer.send_many(records)
            self._published_metric.inc(len(records))

    async def _delete_batches(self, batch_ids: list[str]) -> None:
        if not batch_ids:
            return
        try:
            await self._batches.delete(batch_ids)
        except BaseException:
            # Deleted first thing next time (until then a scan could take them again).
            self._undeleted += batch_ids
            raise

    async def close(self) -> None:
        """Disconnect; documents still leased to this relay are handed back (best effort;
        after a hard crash the lease simply expires and a scan picks them up)."""
        await self._disconnect()
        with contextlib.suppress(Exception):
            await self._bookkeeping.update_many({OWNER_FIELD: self._owner}, _RELEASED)
        with contextlib.suppress(Exception):
            await self._batches.release(self._owner)

    async def _disconnect(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            with contextlib.suppress(Exception):
                await producer.close()

    async def _take_hinted(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(handed over and still safely leased: published from memory, read from the
        store)."""
        taken = list(self._hinted.items())[: self._batch_size]
        for document_id, _ in taken:
            del self._hinted[document_id]
        self._note_backlog()
        safe_until = datetime.now(UTC) + LEASE_MARGIN
        fresh = [
            document
            for _, document in taken
            if document is not None and document[LEASE_FIELD] > safe_until
        ]
        stored: list[dict[str, Any]] = []
        unknown = [document_id for document_id, document in taken if document is None]
        if unknown:
            stored += await self._collection.find(
                {"_id": {"$in": unknown}, OWNER_FIELD: self._owner, PENDING_FIELD: True},
                {OUTBOX_FIELD: 1},
            ).to_list()
        stale = [
            document_id
            for document_id, document in taken
            if document is not None and document[LEASE_FIELD] <= safe_until
        ]
        if stale:
            stored += await self._reclaim(stale)
        return fresh, stored

    async def _reclaim(self, ids: list[Any]) -> list[dict[str, Any]]:
        """Handed-over documents whose lease is running out: extend it where this relay
        still holds it, and read back those (another relay's scan may have taken the
        others once the lease ran out, and publishes them)."""
        # Owner-guarded, expired or not: a scan that claims a document always makes itself
        # its owner, so either this update or that claim wins, never both.
        held = {"_id": {"$in": ids}, OWNER_FIELD: self._owner, PENDING_FIELD: True}
        # (The update and the read below both encode it to the same millisecond.)
        lease = datetime.now(UTC) + self._lease
        await self._bookkeeping.update_many(held, {"$set": {LEASE_FIELD: lease}})
        return await self._collection.find(
            {**held, LEASE_FIELD: lease}, {OUTBOX_FIELD: 1}
        ).to_list()

    async def _claim(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(nothing from memory, the documents claimed)."""
        now = datetime.now(UTC)
        expired = {LEASE_FIELD: {"$lt": now}}  # with pending: one range of the outbox index
        candidates = (
            await self._collection.find({PENDING_FIELD: True, **expired}, {"_id": 1})
            .limit(self._batch_size)
            .to_list()
        )
        if not candidates:
            return [], []
        ids = [c["_id"] for c in candidates]
        await self._bookkeeping.update_many(
            {"_id": {"$in": ids}, **expired},
            {"$set": {LEASE_FIELD: now + self._lease, OWNER_FIELD: self._owner}},
        )
        claimed = await self._collection.find(
            {"_id": {"$in": ids}, OWNER_FIELD: self._owner, LEASE_FIELD: {"$gt": now}},
            {OUTBOX_FIELD: 1},
        ).to_list()
        return [], claimed

    async def _acknowledge(self, published: dict[Any, list[str]]) -> None:
        """One write per document: empty the outbox if it holds exactly what we published —
        the same number of entries and each of our event ids. The size alone is not enough:
        another relay may have settled our entries meanwhile and a writer appended a new
        one, and emptying that outbox would lose the new event."""
        settled = {
            "$set": {OUTBOX_FIELD: [], PENDING_FIELD: False, LEASE_FIELD: UNLEASED},
            "$unset": {OWNER_FIELD: ""},
        }
        result = await self._bookkeeping.bulk_write(
            [
                UpdateOne(_holding_exactly(document_id, event_ids), settled)
                for document_id, event_ids in published.items()
            ],
            ordered=False,
        )
        if result.matched_count < len(published):
            await self._acknowledge_grown(published)

    async def _acknowledge_grown(self, published: dict[Any, list[str]]) -> None:
        """Events were appended meanwhile: remove just ours; the rest stays pending."""
        await self._bookkeeping.bulk_write(
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
        await self._bookkeeping.update_many(
            {"_id": {"$in": ids}, OUTBOX_FIELD: {"$size": 0}},
            {"$set": {PENDING_FIELD: False}},
        )
        await self._release(ids)

    async def _release(self, ids: list[Any]) -> None:
        await self._bookkeeping.update_many(
            {"_id": {"$in": ids}, OWNER_FIELD: self._owner}, _RELEASED
        )


def _record(entry: dict[str, Any]) -> OutgoingRecord:
    return OutgoingRecord(
        topic=entry["topic"],
        value=bytes(entry["payload"]),
        key=entry["key"].encode(),
        headers={k: v.encode() for k, v in entry.get("headers", {}).items()},
    )


def _holding_exactly(document_id: Any, event_ids: list[str]) -> dict[str, Any]:
    """The filter of a document whose outbox holds `event_ids` and nothing else (event ids
    are unique within an outbox)."""
    selector: dict[str, Any] = {"_id": document_id, OUTBOX_FIELD: {"$size": len(event_ids)}}
    if event_ids:
        selector[f"{OUTBOX_FIELD}.event_id"] = {"$all": event_ids}
    return selector
