"""Outbox batches: the events of documents inserted in bulk, one MongoDB document per batch.

A bulk writer (the CSV ingester) could store each order's `order.created` in the order's own
outbox, as single writes do; but then the relay writes every order a second time to
acknowledge its event, and on the local MongoDB-wire server an update costs ~3 times an
inserted document: the acknowledgements, not the orders, set the ingest rate. Instead:

1. the writer stores one **batch document** holding the event of every document it is about
   to insert, keyed by document id and leased to its relay (`OutboxRelay.batch`);
2. it inserts the documents with an empty outbox (nothing pending in them);
3. its relay publishes the events of the documents that were stored, from memory, and
   deletes the batch: one write acknowledges the whole batch.

A document never exists without its event: the batch is durable before the insert begins. An
event whose document was not stored (its idempotency key existed) is never published: only
stored documents' events are. If the writer dies between 1 and 3, the batch's lease expires
and a relay's recovery scan takes it (`OutboxRelay`): it publishes the events of the
documents that exist and deletes the batch. An insert can still land after its writer died
(the server was executing it), so a recovered batch whose documents are not all there is
kept, with only the missing ones, and looked at again until `settle` after it was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pymongo import ASCENDING, IndexModel, ReturnDocument, WriteConcern
from pymongo.asynchronous.collection import AsyncCollection

from oms_grpc.core.outbox.entries import UNLEASED

INDEXES = [IndexModel([("lease", ASCENDING)], name="lease")]


@dataclass(frozen=True)
class BatchEvent:
    """One outbox entry (`entries.outbox_entry`) of the document `document_id`."""

    document_id: Any
    entry: dict[str, Any]


@dataclass(frozen=True)
class OutboxBatch:
    id: str
    owner: str
    lease: datetime
    written: datetime
    events: tuple[BatchEvent, ...]

    def of(self, document_ids: set[Any]) -> tuple[BatchEvent, ...]:
        """The events of those documents, in batch order."""
        return tuple(e for e in self.events if e.document_id in document_ids)


def _to_document(batch: OutboxBatch) -> dict[str, Any]:
    return {
        "_id": batch.id,
        "owner": batch.owner,
        "lease": batch.lease,
        "written": batch.written,
        "events": [_event_document(e) for e in batch.events],
    }


def _event_document(event: BatchEvent) -> dict[str, Any]:
    return {"document_id": event.document_id, "entry": event.entry}


def _from_document(document: dict[str, Any]) -> OutboxBatch:
    return OutboxBatch(
        id=document["_id"],
        owner=document["owner"],
        lease=document["lease"],
        written=document["written"],
        events=tuple(BatchEvent(e["document_id"], e["entry"]) for e in document["events"]),
    )


class OutboxBatches:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        # Written before the documents it announces, a batch is stored with the collection's
        # (journaled) write concern: it must not be lost where they are not.
        self._batches = collection
        # Leases and deletions need no journal: lost in a crash of the store, they only mean
        # a batch is taken again and its events published twice, never lost.
        self._bookkeeping = collection.with_options(write_concern=WriteConcern(w=1, j=False))

    async def ensure_indexes(self) -> None:
        await self._batches.create_indexes(INDEXES)

    async def insert(self, batch: OutboxBatch) -> None:
        await self._batches.insert_one(_to_document(batch))

    async def claim_expired(
        self, owner: str, now: datetime, lease_until: datetime
    ) -> OutboxBatch | None:
        """The batch whose lease ran out first, leased to `owner` now; None if there is none.

        One find-and-modify: the collection holds only the batches in flight (a handful), so
        it stays cheap where a scan of the orders would not."""
        document = await self._bookkeeping.find_one_and_update(
            {"lease": {"$lt": now}},
            {"$set": {"lease": lease_until, "owner": owner}},
            sort=[("lease", ASCENDING)],
            return_document=ReturnDocument.AFTER,
        )
        return None if document is None else _from_document(document)

    async def extend(self, batch_id: str, owner: str, lease_until: datetime) -> bool:
        """Extend `owner`'s lease, expired or not; False if another relay has taken the batch
        (a claim always makes its relay the owner, so either this or that claim wins)."""
        result = await self._bookkeeping.update_one(
            {"_id": batch_id, "owner": owner}, {"$set": {"lease": lease_until}}
        )
        return result.matched_count == 1

    async def keep_only(
        self, batch_id: str, owner: str, events: tuple[BatchEvent, ...], lease_until: datetime
    ) -> None:
        """Keep just `events` (their documents are not there yet), to be looked at again when
        the lease runs out."""
        await self._bookkeeping.update_one(
            {"_id": batch_id, "owner": owner},
            {"$set": {"events": [_event_document(e) for e in events], "lease": lease_until}},
        )

    async def delete(self, batch_ids: list[str]) -> None:
        """Settled: every event of these batches was published."""
        await self._bookkeeping.delete_many({"_id": {"$in": batch_ids}})

    async def release(self, owner: str) -> None:
        """Hand `owner`'s batches back at once (a relay shutting down): a scan takes them."""
        await self._bookkeeping.update_many({"owner": owner}, {"$set": {"lease": UNLEASED}})
