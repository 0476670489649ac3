"""The `webhook_logs` collection (the delivery log): one document per (webhook, event)
delivery. It is both the dispatcher's durable work queue and what ListWebhookDeliveries
shows; a delivery that failed for good is its `webhook_logs` entry with every attempt.

    _id               str        UUIDv7
    tenant_id, webhook_id, event_id, event_type, trace_id   str
    payload           str        the request body (the event's canonical proto3 JSON)
    state             "pending" | "succeeded" | "retrying" | "failed"
    attempts          [{attempt: int (1-based), time: datetime, http_status: int (0 = no
                        response), error: str ("" on success), duration_ms: float,
                        response_body: str (the first KiB)}]
    next_attempt_time datetime | null   set only while "retrying"
    failure_reason    str        why it failed for good ("" otherwise)
    claimable_time    datetime   when a worker may claim it: now for a new unleased delivery,
                                 the lease's end while leased, the next attempt's time while
                                 retrying; NEVER (9999-12-31) once final
    lease_id          str | null the claim currently holding it
    series_start      int        attempts made before the current retry series
    version           int        incremented by every write (optimistic claims)
    create_time, update_time     datetime

(tenant_id, webhook_id, event_id) is unique, so a redelivered Kafka event never creates a
second delivery. Claims are updates filtered on the state and the lease (`claimable_time`,
`version`) — never find_one_and_update, whose cost grows with the collection on the local
server — so any number of dispatcher processes may compete for the same deliveries: exactly
one wins each claim. Writes are grouped (bulk) wherever a worker has several: on the local
MongoDB-wire server one acknowledged write command costs far more than a document in a
bulk write.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Collection as Sized
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from oms.v1 import webhook_pb2
from pymongo import ASCENDING, DESCENDING, IndexModel, UpdateOne
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import BulkWriteError, OperationFailure

from common.errors import ErrorCode, ServiceError, not_found
from common.ids import new_id
from common.texts import t
from common.timestamps import to_timestamp, utc_now_ms
from oms_grpc.core.domain.webhook_deliveries import (
    FINAL_STATES,
    OPEN_STATES,
    AttemptRecord,
    Delivery,
    DeliveryState,
    Lease,
    NewDelivery,
    Verdict,
)
from oms_grpc.core.domain.webhook_requests import DELIVERY_STATE_TO_PROTO
from oms_grpc.core.domain.webhooks import DeliveriesQuery, WebhookRef
from oms_grpc.core.repositories.lazy_indexes import IndexesOnce

DeliveryDocument = dict[str, Any]
Collection = AsyncCollection[dict[str, Any]]

_DUPLICATE_KEY = 11000
_OPEN = [state.value for state in OPEN_STATES]
_FINAL = [state.value for state in FINAL_STATES]
_NEWEST = [("create_time", DESCENDING), ("_id", DESCENDING)]
DELIVERY_INDEXES = [
    # One delivery per (webhook, event): the dispatcher's idempotency key and the event filter.
    IndexModel(
        [("tenant_id", ASCENDING), ("webhook_id", ASCENDING), ("event_id", ASCENDING)],
        name="uniq_tenant_webhook_event",
        unique=True,
    ),
    # ListWebhookDeliveries, newest first, optionally narrowed by state or event type.
    IndexModel(
        [("tenant_id", ASCENDING), ("webhook_id", ASCENDING), *_NEWEST], name="webhook_newest"
    ),
    IndexModel(
        [("tenant_id", ASCENDING), ("webhook_id", ASCENDING), ("state", ASCENDING), *_NEWEST],
        name="webhook_state_newest",
    ),
    IndexModel(
        [
            ("tenant_id", ASCENDING),
            ("webhook_id", ASCENDING),
            ("event_type", ASCENDING),
            *_NEWEST,
        ],
        name="webhook_event_type_newest",
    ),
    # The dispatcher's queue: what may be claimed now is one range, [.., now].
    IndexModel([("claimable_time", ASCENDING)], name="claimable"),
]
# A final delivery's claimable_time: far in the future rather than null, because the local
# MongoDB-wire server reads null index keys as part of a `$lte` range (the claim query would
# grow with every delivery ever made).
NEVER = datetime(9999, 12, 31, tzinfo=UTC)
# Replaced by `claimable` (retries and leases are one field now).
_SUPERSEDED_INDEXES = ("state_due",)
# Not needed to schedule a retry (the body stays as it is).
_WITHOUT_PAYLOAD = {"payload": 0}


def ceil_ms(moment: datetime) -> datetime:
    """`moment` rounded up to BSON's millisecond precision, so that a stored due time is
    never earlier than the one computed (a Retry-After is a lower bound)."""
    micros = math.ceil(moment.microsecond / 1000) * 1000
    if micros == 1_000_000:
        return moment.replace(microsecond=0) + timedelta(seconds=1)
    return moment.replace(microsecond=micros)


@dataclass(frozen=True)
class Claimable:
    """A delivery a worker may claim, as read by `claimable` (its version guards the claim)."""

    document: DeliveryDocument

    @property
    def id(self) -> str:
        return str(self.document["_id"])

    @property
    def webhook_id(self) -> str:
        return str(self.document["webhook_id"])


def retry_in_flight() -> ServiceError:
    return ServiceError(
        ErrorCode.FAILED_PRECONDITION,
        t("an attempt of this delivery is in flight; retry when it has finished"),
        reason="DELIVERY_IN_FLIGHT",
    )


class DeliveryLogRepository:
    def __init__(self, collection: Collection) -> None:
        self._logs = collection
        self._indexes = IndexesOnce(collection, DELIVERY_INDEXES)

    @property
    def collection(self) -> Collection:
        return self._logs

    async def ensure_indexes(self) -> None:
        await self._indexes.ensure()

    async def drop_superseded_indexes(self) -> None:
        existing = {index["name"] async for index in await self._logs.list_indexes()}
        for name in _SUPERSEDED_INDEXES:
            if name in existing:
                with contextlib.suppress(OperationFailure):  # another process was first
                    await self._logs.drop_index(name)

    # --- the dispatcher ----------------------------------------------------------------------

    async def insert_new(
        self, deliveries: Sequence[tuple[NewDelivery, Lease | None]]
    ) -> list[Delivery]:
        """Create the deliveries that do not exist yet (idempotent on (webhook, event)).

        Each is created leased (to be attempted by the lease's holder right away) or, with
        None, claimable by any worker now. Returns the leased deliveries this call created,
        and those an earlier call with the same lease created (a retry after an insert whose
        outcome was unknown: they are the caller's to attempt, not orphans until the lease
        runs out); any other delivery that existed already (a replayed event) is left as it is.
        """
        if not deliveries:
            return []
        await self.ensure_indexes()
        now = utc_now_ms()
        documents = [_new_document(new, lease, now) for new, lease in deliveries]
        # insert_many rather than upserts: a third of the cost per document on the local
        # MongoDB-wire server, and the unique key refuses a replayed delivery just the same.
        try:
            await self._logs.insert_many(documents, ordered=False)
            refused: set[int] = set()
        except BulkWriteError as error:
            errors = error.details.get("writeErrors", [])
            if any(e.get("code") != _DUPLICATE_KEY for e in errors):
                raise
            refused = {e["index"] for e in errors}  # existed already (or twice in the batch)
        created = [
            _delivery(documents[index], lease)
            for index, (_, lease) in enumerate(deliveries)
            if index not in refused and lease is not None
        ]
        return created + await self._held_already(
            [(new, lease) for index, (new, lease) in enumerate(deliveries) if index in refused]
        )

    async def _held_already(
        self, refused: Sequence[tuple[NewDelivery, Lease | None]]
    ) -> list[Delivery]:
        """Of deliveries that existed already, those stored under the same lease."""
        wanted = {
            (new.webhook_id, new.event_id, lease.id): lease
            for new, lease in refused
            if lease is not None
        }
        if not wanted:
            return []
        cursor = self._logs.find(
            {
                "lease_id": {"$in": sorted({lease_id for _, _, lease_id in wanted})},
                "event_id": {"$in": sorted({event_id for _, event_id, _ in wanted})},
            }
        )
        held: list[Delivery] = []
        async for document in cursor:
            key = (document["webhook_id"], document["event_id"], document["lease_id"])
            if (lease := wanted.get(key)) is not None:
                held.append(_delivery(document, lease))
        return held

    async def claimable(
        self, now: datetime, *, limit: int, skip_webhooks: Sized[str] = ()
    ) -> list[Claimable]:
        """Deliveries any worker may claim at `now` (due retries, new unleased deliveries,
        expired leases), oldest due first, none of `skip_webhooks`."""
        await self.ensure_indexes()
        selector: dict[str, Any] = {"claimable_time": {"$lte": now}, "state": {"$in": _OPEN}}
        if skip_webhooks:
            selector["webhook_id"] = {"$nin": list(skip_webhooks)}
        cursor = self._logs.find(selector).sort("claimable_time", ASCENDING).limit(limit)
        return [Claimable(document) async for document in cursor]

    async def claim(self, candidate: Claimable, lease: Lease, now: datetime) -> Delivery | None:
        """Take the lease of a claimable delivery; None when another worker was first (or
        the delivery changed since it was read)."""
        claimed = await self.claim_many([candidate], lease, now)
        return claimed[0] if claimed else None

    async def claim_many(
        self, candidates: Sequence[Claimable], lease: Lease, now: datetime
    ) -> list[Delivery]:
        """Claim several under one lease (one bulk write, one read of what was won)."""
        if not candidates:
            return []
        operations = [
            UpdateOne(
                {
                    "_id": candidate.id,
                    "version": candidate.document["version"],
                    "state": {"$in": _OPEN},
                    "claimable_time": {"$lte": now},
                },
                {
                    "$set": {"claimable_time": lease.until, "lease_id": lease.id},
                    "$inc": {"version": 1},
                },
            )
            for candidate in candidates
        ]
        await self._logs.bulk_write(operations, ordered=False)
        ids = [candidate.id for candidate in candidates]
        won = {
            document["_id"]
            async for document in self._logs.find(
                {"_id": {"$in": ids}, "lease_id": lease.id}, {"_id": 1}
            )
        }
        return [_delivery(c.document, lease) for c in candidates if c.id in won]

    async def renew(self, delivery: Delivery, until: datetime) -> Delivery | None:
        """Extend a held lease; None if it was lost (expired and claimed by another)."""
        result = await self._logs.update_one(
            {"_id": delivery.id, "lease_id": delivery.lease.id},
            {"$set": {"claimable_time": until}, "$inc": {"version": 1}},
        )
        if result.modified_count != 1:
            return None
        return replace(delivery, lease=Lease(delivery.lease.id, until))

    async def record(self, delivery: Delivery, attempt: AttemptRecord, verdict: Verdict) -> bool:
        """Append the attempt and apply its verdict, releasing the lease; False if the lease
        was lost meanwhile (then the new holder's attempt is the one recorded)."""
        return await self.record_many([(delivery, attempt, verdict)]) == 1

    async def record_many(self, outcomes: Sequence[tuple[Delivery, AttemptRecord, Verdict]]) -> int:
        """`record` for several attempts in one bulk write; returns how many were recorded."""
        if not outcomes:
            return 0
        now = utc_now_ms()
        operations = []
        for delivery, attempt, verdict in outcomes:
            if attempt.attempt != delivery.next_attempt:
                raise ValueError(f"attempt {attempt.attempt} of a delivery expecting the next")
            due = ceil_ms(verdict.next_attempt_time) if verdict.next_attempt_time else None
            fields: dict[str, Any] = {
                "state": verdict.state.value,
                "next_attempt_time": due,
                "claimable_time": due or NEVER,
                "failure_reason": verdict.failure_reason,
                "lease_id": None,
                "update_time": now,
            }
            operations.append(
                UpdateOne(
                    {"_id": delivery.id, "lease_id": delivery.lease.id},
                    {
                        "$push": {"attempts": _attempt_field(attempt)},
                        "$set": fields,
                        "$inc": {"version": 1},
                    },
                )
            )
        result = await self._logs.bulk_write(operations, ordered=False)
        return result.modified_count

    async def abandon(self, delivery: Delivery, reason: str) -> bool:
        """Fail a held delivery without attempting it (its webhook is inactive or gone)."""
        result = await self._logs.update_one(
            {"_id": delivery.id, "lease_id": delivery.lease.id},
            {
                "$set": {
                    "state": DeliveryState.FAILED.value,
                    "next_attempt_time": None,
                    "claimable_time": NEVER,
                    "failure_reason": reason,
                    "lease_id": None,
                    "update_time": utc_now_ms(),
                },
                "$inc": {"version": 1},
            },
        )
        return result.modified_count == 1

    async def release(self, deliveries: Sequence[Delivery]) -> None:
        """Hand held leases back (on shutdown), so any worker may claim them at once."""
        if not deliveries:
            return
        await self._logs.update_many(
            {
                "_id": {"$in": [d.id for d in deliveries]},
                "lease_id": {"$in": list({d.lease.id for d in deliveries})},
            },
            {"$set": {"claimable_time": utc_now_ms(), "lease_id": None}, "$inc": {"version": 1}},
        )

    # --- the API -----------------------------------------------------------------------------

    async def get(self, webhook: WebhookRef, delivery_id: str) -> DeliveryDocument | None:
        await self.ensure_indexes()
        return await self._logs.find_one(
            {"_id": delivery_id, "tenant_id": webhook.tenant_id, "webhook_id": webhook.id}
        )

    async def schedule_retry(self, webhook: WebhookRef, delivery_id: str) -> DeliveryDocument:
        """Make the delivery PENDING and claimable now, with a fresh retry series (its
        attempts so far are kept). NOT_FOUND for an unknown delivery; FAILED_PRECONDITION
        while a worker holds a live lease on it."""
        await self.ensure_indexes()
        selector = {"_id": delivery_id, "tenant_id": webhook.tenant_id, "webhook_id": webhook.id}
        while True:
            document = await self._logs.find_one(selector, _WITHOUT_PAYLOAD)
            if document is None:
                raise not_found("delivery", delivery_id)
            now = utc_now_ms()
            held = document.get("lease_id") is not None and document["claimable_time"] > now
            if document["state"] in _OPEN and held:
                raise retry_in_flight()
            changes = {
                "state": DeliveryState.PENDING.value,
                "next_attempt_time": None,
                "claimable_time": now,
                "failure_reason": "",
                "lease_id": None,
                "series_start": len(document.get("attempts", [])),
                "update_time": now,
            }
            result = await self._logs.update_one(
                {**selector, "version": document["version"]},
                {"$set": changes, "$inc": {"version": 1}},
            )
            if result.modified_count == 1:
                return {**document, **changes, "version": document["version"] + 1}
            # Changed between the read and the write (a worker claimed or recorded): look
            # again; the next read decides.

    async def list_page(self, query: DeliveriesQuery) -> list[DeliveryDocument]:
        """Up to page_size + 1 deliveries of one webhook, newest first."""
        await self.ensure_indexes()
        selector: dict[str, Any] = {
            "tenant_id": query.webhook.tenant_id,
            "webhook_id": query.webhook.id,
        }
        if query.state is not None:
            selector["state"] = query.state.value
        if query.event_type is not None:
            selector["event_type"] = query.event_type
        if query.event_id is not None:
            selector["event_id"] = query.event_id
        if query.after is not None:
            created, delivery_id = query.after
            selector["$or"] = [
                {"create_time": {"$lt": created}},
                {"create_time": created, "_id": {"$lt": delivery_id}},
            ]
        cursor = self._logs.find(selector).sort(_NEWEST).limit(query.page_size + 1)
        return await cursor.to_list()

    async def delete_for_webhook(self, ref: WebhookRef) -> int:
        """Drop a deleted webhook's deliveries (pending ones are never attempted)."""
        await self.ensure_indexes()
        result = await self._logs.delete_many({"tenant_id": ref.tenant_id, "webhook_id": ref.id})
        return result.deleted_count


def _new_document(new: NewDelivery, lease: Lease | None, now: datetime) -> DeliveryDocument:
    return {
        "_id": new_id(),
        "tenant_id": new.tenant_id,
        "webhook_id": new.webhook_id,
        "event_id": new.event_id,
        "event_type": new.event_type,
        "trace_id": new.trace_id,
        "payload": new.payload,
        "state": DeliveryState.PENDING.value,
        "attempts": [],
        "next_attempt_time": None,
        "failure_reason": "",
        "claimable_time": lease.until if lease is not None else now,
        "lease_id": lease.id if lease is not None else None,
        "series_start": 0,
        "version": 0,
        "create_time": now,
        "update_time": now,
    }


def _delivery(document: Mapping[str, Any], lease: Lease) -> Delivery:
    return Delivery(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        webhook_id=document["webhook_id"],
        event_id=document["event_id"],
        event_type=document["event_type"],
        payload=document["payload"],
        trace_id=document.get("trace_id", ""),
        attempts_made=len(document.get("attempts", [])),
        series_start=document.get("series_start", 0),
        lease=lease,
    )


def _attempt_field(attempt: AttemptRecord) -> dict[str, Any]:
    return {
        "attempt": attempt.attempt,
        "time": attempt.time,
        "http_status": attempt.http_status,
        "error": attempt.error,
        "duration_ms": attempt.duration / timedelta(milliseconds=1),
        "response_body": attempt.response_body,
    }


def delivery_to_proto(document: Mapping[str, Any]) -> webhook_pb2.WebhookDelivery:
    delivery = webhook_pb2.WebhookDelivery(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        webhook_id=document["webhook_id"],
        event_id=document["event_id"],
        event_type=document["event_type"],
        state=DELIVERY_STATE_TO_PROTO[DeliveryState(document["state"])],
        attempts=[
            webhook_pb2.DeliveryAttempt(
                attempt=attempt["attempt"],
                attempt_time=to_timestamp(attempt["time"]),
                http_status=attempt["http_status"],
                error=attempt.get("error", ""),
                duration=timedelta(milliseconds=attempt["duration_ms"]),
                response_body=attempt.get("response_body", ""),
            )
            for attempt in document.get("attempts", [])
        ],
        create_time=to_timestamp(document["create_time"]),
        update_time=to_timestamp(document["update_time"]),
        failure_reason=document.get("failure_reason", ""),
        payload=document.get("payload", ""),
    )
    if document.get("next_attempt_time") is not None:
        delivery.next_attempt_time.CopyFrom(to_timestamp(document["next_attempt_time"]))
    return delivery
