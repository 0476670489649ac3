"""The `webhooks` collection (the registry): one document per registered callback:

    _id               str        UUIDv7
    tenant_id         str
    url               str        as registered (validated, SSRF-checked at write time)
    event_types       [str]      "order.created" / "order.updated"
    headers           [{name, value}]  custom delivery headers, sorted by name (a list, not a
                                 sub-document: header tokens may contain '.' and '$')
    active            bool
    description       str
    signing_secret    str        the current secret, encrypted (`oms_grpc.core.secret_box`;
                                 a plain "whsec_…" written before encryption is read too,
                                 and re-encrypted on start)
    previous_signing_secret      str | absent   the rotated-out secret, encrypted
    previous_secret_expire_time  datetime | absent   until then the previous one signs too
    failing_since     datetime | null   first failed attempt of the current failing streak
    disabled_reason   str        why the dispatcher disabled it ("" unless it did)
    disable_time      datetime | null
    create_time, update_time     datetime (UTC, millisecond precision)

Secrets are never projected by the registry reads; the dispatcher reads them decrypted
(`targets`). Every query is scoped by tenant, or by the webhook's unique id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from oms.v1 import webhook_pb2
from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.collection import AsyncCollection

from common.errors import ErrorCode, ServiceError
from common.ids import new_id
from common.texts import t
from common.timestamps import to_timestamp, utc_now_ms
from oms_grpc.core.domain.webhooks import (
    NewWebhook,
    SigningSecret,
    WebhookPatch,
    WebhookRef,
    WebhooksQuery,
    WebhookTarget,
)
from oms_grpc.core.repositories.lazy_indexes import IndexesOnce
from oms_grpc.core.secret_box import SecretBox, is_plaintext

WebhookDocument = dict[str, Any]
Collection = AsyncCollection[dict[str, Any]]

SECRET_FIELD = "signing_secret"
PREVIOUS_SECRET_FIELD = "previous_signing_secret"
PREVIOUS_EXPIRY_FIELD = "previous_secret_expire_time"
_WITHOUT_SECRETS = {SECRET_FIELD: 0, PREVIOUS_SECRET_FIELD: 0}
# What re-enabling a webhook clears (the dispatcher's record of why it disabled it).
_HEALTHY = {"failing_since": None, "disabled_reason": "", "disable_time": None}

WEBHOOK_INDEXES = [
    # Tenant-scoped look-ups, the oldest-first listing and the dispatcher's per-tenant load.
    IndexModel([("tenant_id", ASCENDING), ("_id", ASCENDING)], name="tenant_id"),
    IndexModel(
        [("tenant_id", ASCENDING), ("event_types", ASCENDING), ("active", ASCENDING)],
        name="tenant_event_type_active",
    ),
]


def secrets_unavailable() -> ServiceError:
    return ServiceError(
        ErrorCode.FAILED_PRECONDITION,
        t("webhook signing secrets cannot be stored: WEBHOOK_SECRET_KEY is not configured"),
        reason="WEBHOOK_SECRET_KEY_MISSING",
    )


class WebhookRepository:
    def __init__(self, collection: Collection, box: SecretBox | None = None) -> None:
        """`box` encrypts and decrypts the signing secrets; without it secrets can be
        neither stored nor read (registry reads, which never show them, still work)."""
        self._webhooks = collection
        self._box = box
        self._indexes = IndexesOnce(collection, WEBHOOK_INDEXES)

    @property
    def collection(self) -> Collection:
        return self._webhooks

    async def ensure_indexes(self) -> None:
        await self._indexes.ensure()

    def _require_box(self) -> SecretBox:
        if self._box is None:
            raise secrets_unavailable()
        return self._box

    async def create(self, webhook: NewWebhook, signing_secret: str) -> WebhookDocument:
        box = self._require_box()
        await self.ensure_indexes()
        now = utc_now_ms()
        document: WebhookDocument = {
            "_id": new_id(),
            "tenant_id": webhook.tenant_id,
            "url": webhook.url.url,
            "event_types": list(webhook.event_types),
            "headers": _headers_field(webhook.headers),
            "active": webhook.active,
            "description": webhook.description,
            SECRET_FIELD: box.seal(signing_secret),
            **_HEALTHY,
            "create_time": now,
            "update_time": now,
        }
        await self._webhooks.insert_one(document)
        return {key: value for key, value in document.items() if key not in _WITHOUT_SECRETS}

    async def get(self, ref: WebhookRef) -> WebhookDocument | None:
        await self.ensure_indexes()
        return await self._webhooks.find_one(
            {"_id": ref.id, "tenant_id": ref.tenant_id}, _WITHOUT_SECRETS
        )

    async def list_page(self, query: WebhooksQuery) -> list[WebhookDocument]:
        """Up to page_size + 1 webhooks (the extra one tells that another page follows)."""
        await self.ensure_indexes()
        selector: dict[str, Any] = {"tenant_id": query.tenant_id}
        if query.after_id is not None:
            selector["_id"] = {"$gt": query.after_id}
        cursor = (
            self._webhooks.find(selector, _WITHOUT_SECRETS)
            .sort([("tenant_id", ASCENDING), ("_id", ASCENDING)])
            .limit(query.page_size + 1)
        )
        return await cursor.to_list()

    async def update(self, patch: WebhookPatch) -> WebhookDocument | None:
        await self.ensure_indexes()
        fields: dict[str, Any] = {"update_time": utc_now_ms()}
        if patch.url is not None:
            fields["url"] = patch.url.url
        if patch.event_types is not None:
            fields["event_types"] = list(patch.event_types)
        if patch.headers is not None:
            fields["headers"] = _headers_field(patch.headers)
        if patch.active is not None:
            fields["active"] = patch.active
            if patch.active:
                fields.update(_HEALTHY)  # re-enabled: the failing streak starts over
        if patch.description is not None:
            fields["description"] = patch.description
        # update_one + find_one rather than find_one_and_update, whose cost grows with the
        # collection on the local MongoDB-wire server.
        selector = {"_id": patch.ref.id, "tenant_id": patch.ref.tenant_id}
        result = await self._webhooks.update_one(selector, {"$set": fields})
        if result.matched_count == 0:
            return None
        return await self._webhooks.find_one(selector, _WITHOUT_SECRETS)

    async def rotate_secret(
        self, ref: WebhookRef, new_secret: str, previous_until: datetime
    ) -> WebhookDocument | None:
        """Make `new_secret` current; the current one keeps signing until `previous_until`
        (an older previous secret is dropped). None if there is no such webhook."""
        box = self._require_box()
        await self.ensure_indexes()
        selector = {"_id": ref.id, "tenant_id": ref.tenant_id}
        # Guarded by the secret read, so two concurrent rotations cannot both demote the
        # same secret (the loser reads again and rotates on top of the winner).
        while True:
            current = await self._webhooks.find_one(selector, {SECRET_FIELD: 1})
            if current is None:
                return None
            now = utc_now_ms()
            result = await self._webhooks.update_one(
                {**selector, SECRET_FIELD: current[SECRET_FIELD]},
                {
                    "$set": {
                        SECRET_FIELD: box.seal(new_secret),
                        PREVIOUS_SECRET_FIELD: current[SECRET_FIELD],
                        PREVIOUS_EXPIRY_FIELD: previous_until,
                        "update_time": now,
                    }
                },
            )
            if result.matched_count == 1:
                return await self._webhooks.find_one(selector, _WITHOUT_SECRETS)

    async def delete(self, ref: WebhookRef) -> bool:
        await self.ensure_indexes()
        result = await self._webhooks.delete_one({"_id": ref.id, "tenant_id": ref.tenant_id})
        return result.deleted_count == 1

    # --- the dispatcher's reads and writes ---------------------------------------------------

    async def targets(self, tenant_id: str) -> list[WebhookTarget]:
        """Every webhook of the tenant (active or not) with its secrets decrypted."""
        box = self._require_box()
        await self.ensure_indexes()
        cursor = self._webhooks.find({"tenant_id": tenant_id}).sort(
            [("tenant_id", ASCENDING), ("_id", ASCENDING)]
        )
        return [_target(document, box) async for document in cursor]

    async def mark_failing(self, webhook_id: str, since: datetime) -> datetime | None:
        """Start the webhook's failing streak at `since` unless one is running; returns
        the streak's start as stored (None if the webhook is gone)."""
        result = await self._webhooks.update_one(
            {"_id": webhook_id, "failing_since": None}, {"$set": {"failing_since": since}}
        )
        if result.modified_count == 1:
            return since
        found = await self._webhooks.find_one({"_id": webhook_id}, {"failing_since": 1})
        if found is None:
            return None
        stored: datetime | None = found.get("failing_since")
        return stored or since

    async def clear_failing(self, webhook_id: str) -> None:
        await self._webhooks.update_one(
            {"_id": webhook_id, "failing_since": {"$ne": None}},
            {"$set": {"failing_since": None}},
        )

    async def disable(
        self, webhook_id: str, *, failing_since: datetime, reason: str, now: datetime
    ) -> bool:
        """Deactivate the webhook for failing since `failing_since` — only if that is still
        its streak (a success or a re-enable in between starts a new one)."""
        result = await self._webhooks.update_one(
            {"_id": webhook_id, "active": True, "failing_since": failing_since},
            {
                "$set": {
                    "active": False,
                    "disabled_reason": reason,
                    "disable_time": now,
                    "update_time": now,
                }
            },
        )
        return result.modified_count == 1

    async def seal_plaintext_secrets(self) -> int:
        """Encrypt the secrets stored before encryption existed; returns how many.

        Safe with several processes at once: each write is guarded by the plaintext value.
        """
        box = self._require_box()
        sealed = 0
        for field in (SECRET_FIELD, PREVIOUS_SECRET_FIELD):
            cursor = self._webhooks.find({field: {"$regex": "^whsec_"}}, {field: 1})
            async for document in cursor:
                plain = document[field]
                if not is_plaintext(plain):
                    continue
                result = await self._webhooks.update_one(
                    {"_id": document["_id"], field: plain}, {"$set": {field: box.seal(plain)}}
                )
                sealed += result.modified_count
        return sealed


def _target(document: Mapping[str, Any], box: SecretBox) -> WebhookTarget:
    secrets = [SigningSecret(box.open(document[SECRET_FIELD]))]
    previous = document.get(PREVIOUS_SECRET_FIELD)
    if previous and document.get(PREVIOUS_EXPIRY_FIELD) is not None:
        secrets.append(SigningSecret(box.open(previous), document[PREVIOUS_EXPIRY_FIELD]))
    return WebhookTarget(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        url=document["url"],
        event_types=tuple(document["event_types"]),
        headers=tuple((h["name"], h["value"]) for h in document.get("headers", [])),
        active=bool(document["active"]),
        secrets=tuple(secrets),
        failing_since=document.get("failing_since"),
    )


def _headers_field(headers: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in headers]


def webhook_to_proto(document: Mapping[str, Any]) -> webhook_pb2.Webhook:
    """The API view of a webhook; the signing secrets are never part of it."""
    webhook = webhook_pb2.Webhook(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        url=document["url"],
        event_types=document["event_types"],
        headers={header["name"]: header["value"] for header in document.get("headers", [])},
        active=document["active"],
        description=document.get("description", ""),
        create_time=to_timestamp(document["create_time"]),
        update_time=to_timestamp(document["update_time"]),
        disabled_reason=document.get("disabled_reason", ""),
    )
    for field in ("disable_time", "failing_since", PREVIOUS_EXPIRY_FIELD):
        if document.get(field) is not None:
            getattr(webhook, field).CopyFrom(to_timestamp(document[field]))
    return webhook
