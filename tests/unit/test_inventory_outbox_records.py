"""An inventory outbox row as the Kafka record the relay publishes (pure, no I/O)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from ims.v1 import events_pb2

from ims_grpc.outbox_relay import event_key, outgoing_record
from ims_grpc.repositories.outbox import OutboxEvent


def _event(trace_id: str = "trace-1") -> OutboxEvent:
    return OutboxEvent(
        id=7,
        event_id=uuid.UUID("0190a0c0-0000-7000-8000-000000000001"),
        tenant_id=uuid.UUID("0190a0c0-0000-7000-8000-0000000000aa"),
        hub_id=uuid.UUID("0190a0c0-0000-7000-8000-0000000000bb"),
        sku_id=uuid.UUID("0190a0c0-0000-7000-8000-0000000000cc"),
        quantity_on_hand=15,
        quantity_available=11,
        reference="delivery-7",
        trace_id=trace_id,
        occur_time=datetime(2026, 5, 1, 12, 30, 15, 123456, tzinfo=UTC),
    )


def test_the_record_carries_the_event_keyed_by_hub_and_sku() -> None:
    event = _event()
    record = outgoing_record(event, "inventory.changed")
    assert record.topic == "inventory.changed"
    assert record.key == f"{event.hub_id}/{event.sku_id}".encode()
    assert record.key == event_key(event.hub_id, event.sku_id)
    message = events_pb2.InventoryChanged.FromString(record.value)
    assert message == events_pb2.InventoryChanged(
        event_id=str(event.event_id),
        occur_time=message.occur_time,
        tenant_id=str(event.tenant_id),
        hub_id=str(event.hub_id),
        sku_id=str(event.sku_id),
        quantity_on_hand=15,
        quantity_available=11,
        reference="delivery-7",
        trace_id="trace-1",
    )
    assert message.occur_time.ToDatetime(tzinfo=UTC) == event.occur_time
    assert record.headers == {"event-type": b"inventory.changed", "trace-id": b"trace-1"}


def test_an_event_without_a_trace_id_has_no_trace_header() -> None:
    record = outgoing_record(_event(trace_id=""), "t")
    assert record.headers == {"event-type": b"inventory.changed"}
    assert events_pb2.InventoryChanged.FromString(record.value).trace_id == ""
