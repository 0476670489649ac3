"""One endpoint's trouble stays its own, replays create nothing twice, and the SSRF policy
is applied again at delivery time, on the address actually connected to."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from ipaddress import ip_address

import grpc
from google.protobuf import json_format
from oms.v1 import events_pb2, webhook_pb2

from common.clients.kafka import KafkaProducer
from common.clients.mongo import MongoStore
from oms_grpc.core.domain.ssrf import IPAddress
from oms_grpc.core.webhooks_dns import ResolutionError
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.webhook_dispatcher_support import (
    HANG,
    dispatching,
    eventually,
    fast_settings,
    hook_oms,
    receiver,
    verify,
)
from tests.support.ims_catalog import ImsCatalog


async def test_a_hanging_endpoint_does_not_delay_another(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    orders = 8
    # The hanging endpoint's attempts are only cut off after a minute: everything below
    # happens while they hang.
    settings = fast_settings(request_timeout_s=60.0, max_in_flight_per_webhook=4)
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        hooks.on("/hangs", lambda n: HANG)
        await oms.webhook(tenant, hooks.url("/hangs"), ["order.created"])
        fast = await oms.webhook(tenant, hooks.url("/fast"), ["order.created"])
        async with dispatching(oms.core, settings):
            for _ in range(orders):
                await oms.order(catalog)
            await eventually(
                lambda: len(hooks.at("/fast")) == orders, "every event at the fast endpoint"
            )
            # The hanging endpoint holds its own four slots, no more, and none has answered.
            await eventually(lambda: hooks.hanging == 4, "four attempts hanging")
            assert len(hooks.at("/hangs")) == 4
    for request in hooks.at("/fast"):
        verify(request, fast.signing_secret)


async def _publish(
    oms_settings: OmsSettingsBundle, event: events_pb2.OrderCreated, times: int
) -> None:
    kafka = oms_settings.core.kafka
    producer = await KafkaProducer.start(kafka)
    try:
        for _ in range(times):
            await producer.send(
                kafka.topic_order_created,
                event.SerializeToString(),
                key=event.order.id.encode(),
                headers={"event-type": b"order.created", "event-id": event.event_id.encode()},
            )
    finally:
        await producer.close()


async def test_the_same_event_twice_makes_one_delivery_per_webhook(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel, mongo_store: MongoStore
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        await oms.webhook(tenant, hooks.url("/a"), ["order.created"])
        await oms.webhook(tenant, hooks.url("/b"), ["order.created"])
        async with dispatching(oms.core):
            await oms.order(catalog)
            await eventually(
                lambda: len(hooks.at("/a")) == 1 and len(hooks.at("/b")) == 1, "the first event"
            )
            original = json_format.Parse(hooks.at("/a")[0].body, events_pb2.OrderCreated())
            # The delivered event replayed (a producer retry, a relay crash), and a fresh
            # event published twice in a row, then a marker on the same partition (same key):
            # once the marker is delivered, both duplicates have been consumed.
            fresh = events_pb2.OrderCreated()
            fresh.CopyFrom(original)
            fresh.event_id = str(uuid.uuid4())
            marker = events_pb2.OrderCreated()
            marker.CopyFrom(original)
            marker.event_id = str(uuid.uuid4())
            await _publish(oms_settings, original, 2)
            await _publish(oms_settings, fresh, 2)
            await _publish(oms_settings, marker, 1)
            await eventually(
                lambda: (
                    {marker.event_id} <= {r.webhook_id for r in hooks.at("/a")}
                    and {marker.event_id} <= {r.webhook_id for r in hooks.at("/b")}
                ),
                "the marker at both webhooks",
            )

    # Each event reached each webhook under its own stable `webhook-id`. A receiver may see
    # one id twice — an attempt is at least once: on a loaded machine a lease can run out
    # before the attempt's outcome is written, and the delivery is sent again with the same
    # id — but a replayed event must never become a second delivery (the log below).
    for path in ("/a", "/b"):
        ids = sorted({r.webhook_id for r in hooks.at(path)})
        assert ids == sorted([original.event_id, fresh.event_id, marker.event_id]), path
    logs = mongo_store.db["webhook_logs"]
    for event_id in (original.event_id, fresh.event_id, marker.event_id):
        assert await logs.count_documents({"event_id": event_id}) == 2  # one per webhook


class SwitchingResolver:
    """DNS answers as this test decides; any other name does not resolve."""

    def __init__(self, answers: dict[str, str]) -> None:
        self._answers = answers
        self.asked: list[str] = []

    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        self.asked.append(host)
        if host not in self._answers:
            raise ResolutionError(f"{host} does not resolve")
        return [ip_address(self._answers[host])]


async def test_a_host_resolving_to_a_private_address_at_delivery_time_is_not_called(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    # At registration both names resolve to a public address …
    registration = SwitchingResolver(
        {"good.example": "93.184.215.14", "rebind.example": "93.184.215.14"}
    )
    # … at delivery time both resolve to this machine, where the receiver listens. Only
    # good.example is allow-listed (by name) for the dispatcher; its allow-list has no
    # network, so the literal 127.0.0.1 URL is refused too.
    delivery = SwitchingResolver({"good.example": "127.0.0.1", "rebind.example": "127.0.0.1"})
    async with receiver() as hooks, hook_oms(oms_settings, resolver=registration) as oms:
        port = hooks.port
        good = await oms.webhook(tenant, f"http://good.example:{port}/good", ["order.created"])
        rebound = await oms.webhook(
            tenant, f"http://rebind.example:{port}/rebind", ["order.created"]
        )
        literal = await oms.webhook(tenant, hooks.url("/literal"), ["order.created"])
        strict = oms.core.webhooks.model_copy(
            update={"allowed_hosts": ["good.example"], "allowed_networks": []}
        )
        core = dataclasses.replace(oms.core, webhooks=strict)
        async with dispatching(core, resolver=delivery):
            await oms.order(catalog)

            async def refused_both() -> bool:
                states = [
                    d.state
                    for hook in (rebound, literal)
                    for d in await oms.deliveries(tenant, hook.webhook.id)
                ]
                return states == [webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED] * 2

            await eventually(lambda: len(hooks.at("/good")) == 1, "the allow-listed delivery")
            await eventually(refused_both, "both refused deliveries to fail")
        [rebind_delivery] = await oms.deliveries(tenant, rebound.webhook.id)
        [literal_delivery] = await oms.deliveries(tenant, literal.webhook.id)

    # The allowed name was connected to through the dispatcher's own resolution (no real
    # DNS knows good.example), i.e. at the address that was checked.
    verify(hooks.at("/good")[0], good.signing_secret)
    assert hooks.at("/rebind") == [] and hooks.at("/literal") == []
    assert "rebind.example" in delivery.asked
    [attempt] = rebind_delivery.attempts
    assert attempt.http_status == 0
    assert "resolves to 127.0.0.1, a loopback address" in attempt.error
    assert rebind_delivery.failure_reason.startswith("not retried: destination refused")
    [attempt] = literal_delivery.attempts
    assert "127.0.0.1 is a loopback address" in attempt.error
