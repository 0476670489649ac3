"""Order events as webhook payloads: a Kafka message → its event type, ids and JSON body.

The body is the event's canonical proto3 JSON (`MessageToDict` with default options:
lowerCamelCase names, enums by name, timestamps in RFC 3339), written compactly. It is
computed once, when the delivery is stored, so every attempt sends the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from google.protobuf.json_format import MessageToDict
from google.protobuf.message import DecodeError, Message
from oms.v1 import events_pb2

from common.clients.kafka import Message as KafkaMessage
from common.settings import KafkaSettings
from consumers.event_loop import PoisonMessageError
from oms_grpc.core.domain.webhook_events import ORDER_CREATED, ORDER_UPDATED

_EVENT_CLASSES: dict[str, type[events_pb2.OrderCreated] | type[events_pb2.OrderUpdated]] = {
    ORDER_CREATED: events_pb2.OrderCreated,
    ORDER_UPDATED: events_pb2.OrderUpdated,
}


@dataclass(frozen=True)
class EventTopics:
    """Which topic carries which event type."""

    by_topic: Mapping[str, str]

    @classmethod
    def from_settings(cls, kafka: KafkaSettings) -> EventTopics:
        return cls(
            {kafka.topic_order_created: ORDER_CREATED, kafka.topic_order_updated: ORDER_UPDATED}
        )

    @property
    def topics(self) -> list[str]:
        return list(self.by_topic)


@dataclass(frozen=True)
class WebhookEvent:
    event_type: str
    event_id: str
    tenant_id: str
    payload: str
    trace_id: str


def payload_json(event: Message) -> str:
    return json.dumps(MessageToDict(event), separators=(",", ":"), ensure_ascii=False)


def decode_event(message: KafkaMessage, topics: EventTopics) -> WebhookEvent:
    """PoisonMessageError when the message is not an order event this dispatcher knows."""
    event_type = topics.by_topic.get(message.topic)
    if event_type is None:
        raise PoisonMessageError(f"topic {message.topic!r} carries no webhook event")
    try:
        event = _EVENT_CLASSES[event_type].FromString(message.value)
    except DecodeError as exc:
        raise PoisonMessageError(f"not an {event_type} event: {exc}") from None
    if not event.event_id or not event.tenant_id:
        raise PoisonMessageError(f"{event_type} event without event_id or tenant_id")
    trace = message.headers.get("trace-id", b"").decode(errors="replace") or event.trace_id
    return WebhookEvent(
        event_type=event_type,
        event_id=event.event_id,
        tenant_id=event.tenant_id,
        payload=payload_json(event),
        trace_id=trace,
    )
