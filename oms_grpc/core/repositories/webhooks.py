"""The `webhooks` and `webhook_logs` collections.

`webhooks` — one document per registered callback:

    _id               str        UUIDv7
    tenant_id         str
    url               str        as registered (validated, SSRF-checked at write time)
    event_types       [str]      "order.created" / "order.updated"
    headers           [{name, value}]  custom delivery headers, sorted by name (a list, not a
                                 sub-document: header tokens may contain '.' and '$')
    active            bool
    description       str
    signing_secret    str        "whsec_…"; never projected by the registry reads
    create_time, update_time     datetime (UTC, millisecond precision)

`webhook_logs` — one document per (webhook, event) delivery, written by the dispatcher with
`DeliveryLogRepository.open_delivery` and `record_attempt`:

    _id               str        UUIDv7
    tenant_id, webhook_id, event_id, event_type   str
    state             "pending" | "succeeded" | "retrying" | "failed"
    attempts          [{attempt: int (1-based), time: datetime, http_status: int (0 = no
                        response), error: str ("" on success), duration_ms: float}]
    next_attempt_time datetime | null   set only while "retrying"
    create_time, update_time            datetime

(tenant_id, webhook_id, event_id) is unique, so a redelivered Kafka event never creates a
second delivery. Every query is scoped by tenant.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from oms.v1 import webhook_pb2
from pymongo import ASCENDING, DESCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError

from common.clients.mongo import find_duplicate_winner
from common.ids import new_id
from common.timestamps import to_timestamp
from oms_grpc.core.domain.webhook_rules import (
    DELIVERY_STATE_TO_PROTO,
    DeliveriesQuery,
    DeliveryState,
    NewWebhook,
    WebhookPatch,
    WebhookRef,
    WebhooksQuery,
)

WebhookDocument = dict[str, Any]
DeliveryDocument = dict[str, Any]
Collection = AsyncCollection[dict[str, Any]]

SECRET_FIELD = "signing_secret"
_WITHOUT_SECRET = {SECRET_FIELD: 0}

WEBHOOK_INDEXES = [
    # Tenant-scoped look-ups and the oldest-first listing.
    IndexModel([("tenant_id", ASCENDING), ("_id", ASCENDING)], name="tenant_id"),
    # The dispatcher: active subscribers of one tenant to one event type.
    IndexModel(
        [("tenant_id", ASCENDING), ("event_types", ASCENDING), ("active", ASCENDING)],
        name="tenant_event_type_active",
    ),
]

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
    # The dispatcher's retry queue.
    IndexModel([("state", ASCENDING), ("next_attempt_time", ASCENDING)], name="state_due"),
]


def _now() -> datetime:
    """Now, at the millisecond precision BSON dates keep (so cursors compare exactly)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class _IndexesOnce:
    """Creates a collection's indexes on first use (idempotent; cheap afterwards)."""

    def __init__(self, collection: Collection, indexes: Sequence[IndexModel]) -> None:
        self._collection = collection
        self._indexes = list(indexes)
        self._lock = asyncio.Lock()
        self._done = False

    async def ensure(self) -> None:
        if self._done:
            return
        async with self._lock:
            if not self._done:
                await self._collection.create_indexes(self._indexes)
                self._done = True


class WebhookRepository:
    def __init__(self, collection: Collection) -> None:
        self._webhooks = collection
        self._indexes = _IndexesOnce(collection, WEBHOOK_INDEXES)

    @property
    def collection(self) -> Collection:
        return self._webhooks

    async def ensure_indexes(self) -> None:
        await self._indexes.ensure()

    async def create(self, webhook: NewWebhook, signing_secret: str) -> WebhookDocument:
        await self.ensure_indexes()
        now = _now()
        document: WebhookDocument = {
            "_id": new_id(),
            "tenant_id": webhook.tenant_id,
            "url": webhook.url.url,
            "event_types": list(webhook.event_types),
            "headers": _headers_field(webhook.headers),
            "active": webhook.active,
            "description": webhook.description,
            SECRET_FIELD: signing_secret,
            "create_time": now,
            "update_time": now,
        }
        await self._webhooks.insert_one(document)
        return {key: value for key, value in document.items() if key != SECRET_FIELD}

    async def get(self, ref: WebhookRef) -> WebhookDocument | None:
        await self.ensure_indexes()
        return await self._webhooks.find_one(
            {"_id": ref.id, "tenant_id": ref.tenant_id}, _WITHOUT_SECRET
        )

    async def list_page(self, query: WebhooksQuery) -> list[WebhookDocument]:
        """Up to page_size + 1 webhooks (the extra one tells that another page follows)."""
        await self.ensure_indexes()
        selector: dict[str, Any] = {"tenant_id": query.tenant_id}
        if query.after_id is not None:
            selector["_id"] = {"$gt": query.after_id}
        cursor = (
            self._webhooks.find(selector, _WITHOUT_SECRET)
            .sort([("tenant_id", ASCENDING), ("_id", ASCENDING)])
            .limit(query.page_size + 1)
        )
        return await cursor.to_list()

    async def update(self, patch: WebhookPatch) -> WebhookDocument | None:
        await self.ensure_indexes()
        fields: dict[str, Any] = {"update_time": _now()}
        if patch.url is not None:
            fields["url"] = patch.url.url
        if patch.event_types is not None:
            fields["event_types"] = list(patch.event_types)
        if patch.headers is not None:
            fields["headers"] = _headers_field(patch.headers)
        if patch.active is not None:
            fields["active"] = patch.active
        if patch.description is not None:
            fields["description"] = patch.description
        return await self._webhooks.find_one_and_update(
            {"_id": patch.ref.id, "tenant_id": patch.ref.tenant_id},
            {"$set": fields},
            projection=_WITHOUT_SECRET,
            return_document=ReturnDocument.AFTER,
        )

    async def delete(self, ref: WebhookRef) -> bool:
        await self.ensure_indexes()
        result = await self._webhooks.delete_one({"_id": ref.id, "tenant_id": ref.tenant_id})
        return result.deleted_count == 1

    async def subscribers(self, tenant_id: str, event_type: str) -> list[WebhookDocument]:
        """For the dispatcher: the tenant's active webhooks for `event_type`, with secrets."""
        await self.ensure_indexes()
        cursor = self._webhooks.find(
            {"tenant_id": tenant_id, "event_types": event_type, "active": True}
        ).sort("_id", ASCENDING)
        return await cursor.to_list()


@dataclass(frozen=True)
class AttemptRecord:
    """One HTTP attempt as the dispatcher observed it."""

    attempt: int  # 1 for the first
    time: datetime
    http_status: int  # 0 when no response arrived
    error: str  # "" on success
    duration: timedelta


class DeliveryLogRepository:
    def __init__(self, collection: Collection) -> None:
        self._logs = collection
        self._indexes = _IndexesOnce(collection, DELIVERY_INDEXES)

    @property
    def collection(self) -> Collection:
        return self._logs

    async def ensure_indexes(self) -> None:
        await self._indexes.ensure()

    async def open_delivery(
        self, *, tenant_id: str, webhook_id: str, event_id: str, event_type: str
    ) -> DeliveryDocument:
        """The delivery of `event_id` to the webhook, created PENDING on first sight.

        Idempotent: a redelivered event returns the existing delivery (whatever its state),
        so the dispatcher can tell it was handled already.
        """
        await self.ensure_indexes()
        key = {"tenant_id": tenant_id, "webhook_id": webhook_id, "event_id": event_id}
        now = _now()
        fresh: dict[str, Any] = {
            "_id": new_id(),
            "event_type": event_type,
            "state": DeliveryState.PENDING.value,
            "attempts": [],
            "next_attempt_time": None,
            "create_time": now,
            "update_time": now,
        }
        try:
            document = await self._logs.find_one_and_update(
                key,
                {"$setOnInsert": fresh},
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
        except DuplicateKeyError:  # a concurrent upsert of the same key won the race
            document = await find_duplicate_winner(self._logs, key)
        if document is None:
            raise RuntimeError(f"delivery {key} was neither created nor found")
        return document

    async def record_attempt(
        self,
        *,
        tenant_id: str,
        delivery_id: str,
        attempt: AttemptRecord,
        state: DeliveryState,
        next_attempt_time: datetime | None = None,
    ) -> DeliveryDocument | None:
        """Append attempt number n and set the resulting state, if n - 1 attempts exist and
        the delivery is still open; otherwise nothing changes and None is returned (a
        repeated or out-of-order record, or a finished or dropped delivery)."""
        if state is DeliveryState.PENDING:
            raise ValueError("an attempt ends SUCCEEDED, RETRYING or FAILED")
        if (state is DeliveryState.RETRYING) != (next_attempt_time is not None):
            raise ValueError("next_attempt_time is set exactly when the state is RETRYING")
        if attempt.attempt < 1:
            raise ValueError("attempts are numbered from 1")
        await self.ensure_indexes()
        return await self._logs.find_one_and_update(
            {
                "_id": delivery_id,
                "tenant_id": tenant_id,
                "state": {"$in": [DeliveryState.PENDING.value, DeliveryState.RETRYING.value]},
                "attempts": {"$size": attempt.attempt - 1},
            },
            {
                "$push": {
                    "attempts": {
                        "attempt": attempt.attempt,
                        "time": attempt.time,
                        "http_status": attempt.http_status,
                        "error": attempt.error,
                        "duration_ms": attempt.duration / timedelta(milliseconds=1),
                    }
                },
                "$set": {
                    "state": state.value,
                    "next_attempt_time": next_attempt_time,
                    "update_time": _now(),
                },
            },
            return_document=ReturnDocument.AFTER,
        )

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


def _headers_field(headers: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in headers]


def webhook_to_proto(document: Mapping[str, Any]) -> webhook_pb2.Webhook:
    """The API view of a webhook; the signing secret is never part of it."""
    return webhook_pb2.Webhook(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        url=document["url"],
        event_types=document["event_types"],
        headers={header["name"]: header["value"] for header in document.get("headers", [])},
        active=document["active"],
        description=document.get("description", ""),
        create_time=to_timestamp(document["create_time"]),
        update_time=to_timestamp(document["update_time"]),
    )


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
            )
            for attempt in document.get("attempts", [])
        ],
        create_time=to_timestamp(document["create_time"]),
        update_time=to_timestamp(document["update_time"]),
    )
    if document.get("next_attempt_time") is not None:
        delivery.next_attempt_time.CopyFrom(to_timestamp(document["next_attempt_time"]))
    return delivery
