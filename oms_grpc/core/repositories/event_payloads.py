"""An event's bytes as an operator reads them: its tenant and its proto3 JSON, by the topic
it was published on. Bytes that are no such event are shown escaped, for what they are."""

from __future__ import annotations

import json
from dataclasses import dataclass

from google.protobuf.json_format import MessageToDict
from google.protobuf.message import DecodeError
from google.protobuf.message import Message as ProtoMessage
from ims.v1 import events_pb2 as ims_events
from oms.v1 import events_pb2 as oms_events

from common.settings import KafkaSettings

_UNREADABLE_BYTES = 1024


@dataclass(frozen=True)
class EventPayloads:
    message_types: dict[str, type[ProtoMessage]]

    @classmethod
    def from_settings(cls, kafka: KafkaSettings) -> EventPayloads:
        return cls(
            {
                kafka.topic_order_created: oms_events.OrderCreated,
                kafka.topic_order_updated: oms_events.OrderUpdated,
                kafka.topic_inventory_changed: ims_events.InventoryChanged,
            }
        )

    def describe(self, topic: str, value: bytes) -> tuple[str, str]:
        """(tenant id or "", the payload as text)."""
        message_type = self.message_types.get(topic)
        if message_type is not None:
            try:
                event = message_type.FromString(value)
            except DecodeError:
                pass
            else:
                text = json.dumps(MessageToDict(event), separators=(",", ":"), ensure_ascii=False)
                return str(getattr(event, "tenant_id", "")), text
        return "", repr(value[:_UNREADABLE_BYTES])
