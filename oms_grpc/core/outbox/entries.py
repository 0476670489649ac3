"""Outbox entries: an event stored inside the document whose change it announces.

An order document carries its not-yet-published events in `outbox` (and `outbox_pending:
true`), written by the same single-document MongoDB write as the state change, so the change
and its event can never exist without each other. The relay publishes and then removes them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bson import Binary
from google.protobuf.message import Message

OUTBOX_FIELD = "outbox"
PENDING_FIELD = "outbox_pending"
# Until when a relay has the document's events (UNLEASED: nobody). Always present, so a
# scan for claimable work is one index range: pending and lease < now.
LEASE_FIELD = "outbox_lease"
OWNER_FIELD = "outbox_owner"
UNLEASED = datetime(1970, 1, 1, tzinfo=UTC)


def pending_outbox(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The outbox fields of a document written together with `entries`."""
    return {OUTBOX_FIELD: entries, PENDING_FIELD: True, LEASE_FIELD: UNLEASED}


def settled_outbox() -> dict[str, Any]:
    """The outbox fields of a document with nothing to publish."""
    return {OUTBOX_FIELD: [], PENDING_FIELD: False, LEASE_FIELD: UNLEASED}


def outbox_entry(
    *,
    event_id: str,
    event_type: str,
    topic: str,
    key: str,
    event: Message,
    created: datetime,
    trace_id: str | None,
) -> dict[str, Any]:
    headers = {"event-type": event_type, "event-id": event_id}
    if trace_id:
        headers["trace-id"] = trace_id
    return {
        "event_id": event_id,
        "topic": topic,
        "key": key,
        "payload": Binary(event.SerializeToString()),
        "headers": headers,
        "created": created,
    }
