"""Which outbox events were published: one small document per batch a relay sent, written
right after Kafka acknowledged the batch.

A relay empties the published documents' outboxes afterwards, one write per document; if it
dies meanwhile (or the store goes away), those events stay pending and the next relay to
claim them would publish them again. It consults these records first and only acknowledges
what they name. So a crash republishes at most what was sent between Kafka's acknowledgement
and this one write, instead of everything not yet acknowledged document by document.
Records expire after a day (a TTL index): by then every pending outbox has been claimed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo import ASCENDING, IndexModel
from pymongo.asynchronous.collection import AsyncCollection

KEEP_S = 24 * 3600

INDEXES = [
    IndexModel([("event_ids", ASCENDING)], name="event_ids"),
    IndexModel([("time", ASCENDING)], name="expire", expireAfterSeconds=KEEP_S),
]


class PublishedEvents:
    def __init__(self, collection: AsyncCollection[dict[str, Any]]) -> None:
        self._records = collection

    async def ensure_indexes(self) -> None:
        await self._records.create_indexes(INDEXES)

    async def record(self, event_ids: Sequence[str]) -> None:
        if event_ids:
            await self._records.insert_one(
                {"_id": uuid.uuid4().hex, "event_ids": list(event_ids), "time": datetime.now(UTC)}
            )

    async def among(self, event_ids: Sequence[str]) -> set[str]:
        """Those of `event_ids` that were published."""
        if not event_ids:
            return set()
        wanted = set(event_ids)
        found = await self._records.find(
            {"event_ids": {"$in": list(wanted)}}, {"event_ids": 1}
        ).to_list()
        return {event_id for record in found for event_id in record["event_ids"]} & wanted
