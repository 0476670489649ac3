"""The `uploads` collection: one document per uploaded CSV file and its progress."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from oms.v1 import upload_pb2
from pymongo import ASCENDING, DESCENDING, IndexModel, ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection

from common.texts import Text
from common.timestamps import to_timestamp, utc_now_ms

UploadDocument = dict[str, Any]

INDEXES = [
    # ListUploads: newest first within a tenant (keyset pagination on create_time, _id).
    IndexModel(
        [("tenant_id", ASCENDING), ("create_time", DESCENDING), ("_id", DESCENDING)],
        name="tenant_created_id",
    ),
]
# Superseded indexes, dropped when found (an index name cannot change its keys in place).
OBSOLETE_INDEXES = ("tenant_created",)


class UploadState(StrEnum):
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"


_STATE_TO_PROTO: dict[UploadState, upload_pb2.UploadState] = {
    UploadState.QUEUED: upload_pb2.UPLOAD_STATE_QUEUED,
    UploadState.PROCESSING: upload_pb2.UPLOAD_STATE_PROCESSING,
    UploadState.COMPLETED: upload_pb2.UPLOAD_STATE_COMPLETED,
    UploadState.FAILED: upload_pb2.UPLOAD_STATE_FAILED,
}
STATE_FROM_PROTO: dict[int, UploadState] = {v: k for k, v in _STATE_TO_PROTO.items()}


@dataclass(frozen=True)
class UploadListPosition:
    """The sort key of the last upload of a page: the next page starts after it."""

    create_time: datetime
    upload_id: str


@dataclass(frozen=True)
class Progress:
    """Counts of one processing pass. Set (not added), so a redelivered file that is
    processed again ends with the same numbers instead of double counts."""

    rows_read: int
    rows_accepted: int
    rows_rejected: int
    orders_created: int


class UploadRepository:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        self._uploads = collection

    async def ensure_indexes(self) -> None:
        existing = await self._uploads.index_information()
        for name in OBSOLETE_INDEXES:
            if name in existing:
                await self._uploads.drop_index(name)
        await self._uploads.create_indexes(INDEXES)

    async def create(
        self, *, upload_id: str, tenant_id: str, filename: str, object_key: str, size: int
    ) -> UploadDocument:
        now = utc_now_ms()
        document: UploadDocument = {
            "_id": upload_id,
            "tenant_id": tenant_id,
            "filename": filename,
            "object_key": object_key,
            "size": size,
            "state": UploadState.QUEUED.value,
            "rows_read": 0,
            "rows_accepted": 0,
            "rows_rejected": 0,
            "orders_created": 0,
            "error_file_name": "",
            "error_message": "",
            "create_time": now,
            "update_time": now,
        }
        await self._uploads.insert_one(document)
        return document

    async def get(self, tenant_id: str, upload_id: str) -> UploadDocument | None:
        return await self._uploads.find_one({"_id": upload_id, "tenant_id": tenant_id})

    async def get_many(
        self, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], UploadDocument]:
        """The uploads named by (tenant_id, upload_id) pairs, in one query by `_id` (the
        tenant is checked on each document found); missing ones are left out."""
        if not keys:
            return {}
        wanted = set(keys)
        cursor = self._uploads.find({"_id": {"$in": sorted({upload for _, upload in wanted})}})
        found: dict[tuple[str, str], UploadDocument] = {}
        async for document in cursor:
            key = (str(document["tenant_id"]), str(document["_id"]))
            if key in wanted:
                found[key] = document
        return found

    async def list_page(
        self,
        tenant_id: str,
        *,
        state: UploadState | None,
        after: UploadListPosition | None,
        limit: int,
    ) -> list[UploadDocument]:
        """Up to `limit` uploads of the tenant, newest first (create_time desc, _id desc),
        after `after`: one range scan of `tenant_created_id` per page, however deep."""
        query: dict[str, Any] = {"tenant_id": tenant_id}
        if state is not None:
            query["state"] = state.value
        if after is not None:
            query["$or"] = [
                {"create_time": {"$lt": after.create_time}},
                {"create_time": after.create_time, "_id": {"$lt": after.upload_id}},
            ]
        cursor = (
            self._uploads.find(query)
            .sort([("create_time", DESCENDING), ("_id", DESCENDING)])
            .limit(limit)
        )
        return await cursor.to_list()

    async def start_processing(self, upload_id: str) -> UploadDocument | None:
        """Mark PROCESSING (also when a redelivery processes a finished file again)."""
        return await self._set(upload_id, {"state": UploadState.PROCESSING.value})

    async def report_progress(self, upload_id: str, progress: Progress) -> None:
        await self._set(upload_id, _progress_fields(progress))

    async def complete(
        self, upload_id: str, progress: Progress, error_file_name: str
    ) -> UploadDocument | None:
        return await self._set(
            upload_id,
            {
                **_progress_fields(progress),
                "state": UploadState.COMPLETED.value,
                "error_file_name": error_file_name,
                "error_message": "",
            },
        )

    async def fail(self, upload_id: str, message: str) -> UploadDocument | None:
        """FAILED with `message`: stored in English (for logs and readers of the document)
        and, for a Text, as its message id and parameters, to be rendered in the reader's
        language (`stored_error`)."""
        fields: dict[str, Any] = {"state": UploadState.FAILED.value, "error_message": str(message)}
        if isinstance(message, Text):
            fields["error_text"] = text_document(message)
        return await self._set(upload_id, fields)

    async def _set(self, upload_id: str, fields: Mapping[str, Any]) -> UploadDocument | None:
        return await self._uploads.find_one_and_update(
            {"_id": upload_id},
            {"$set": {**fields, "update_time": datetime.now(UTC)}},
            return_document=ReturnDocument.AFTER,
        )


def text_document(text: Text) -> dict[str, Any]:
    """A Text as a document: its id and its parameters, nested Texts included."""
    return {
        "msgid": text.msgid,
        "params": {
            name: text_document(value) if isinstance(value, Text) else value
            for name, value in text.params.items()
        },
    }


def text_from_document(document: Mapping[str, Any]) -> Text:
    params = {
        name: text_from_document(value) if isinstance(value, dict) and "msgid" in value else value
        for name, value in document.get("params", {}).items()
    }
    return Text(str(document["msgid"]), **params)


def stored_error(document: UploadDocument) -> str:
    """An upload's reason for failing: a Text when it was stored as one, else its text."""
    if document.get("error_text"):
        return text_from_document(document["error_text"])
    return str(document.get("error_message") or "")


def _progress_fields(progress: Progress) -> dict[str, int]:
    return {
        "rows_read": progress.rows_read,
        "rows_accepted": progress.rows_accepted,
        "rows_rejected": progress.rows_rejected,
        "orders_created": progress.orders_created,
    }


def to_proto(document: Mapping[str, Any]) -> upload_pb2.Upload:
    return upload_pb2.Upload(
        id=document["_id"],
        tenant_id=document["tenant_id"],
        filename=document["filename"],
        object_key=document["object_key"],
        state=_STATE_TO_PROTO[UploadState(document["state"])],
        rows_read=document["rows_read"],
        rows_accepted=document["rows_accepted"],
        rows_rejected=document["rows_rejected"],
        orders_created=document["orders_created"],
        error_file_name=document.get("error_file_name", ""),
        error_message=document.get("error_message", ""),
        create_time=to_timestamp(document["create_time"]),
        update_time=to_timestamp(document["update_time"]),
    )
