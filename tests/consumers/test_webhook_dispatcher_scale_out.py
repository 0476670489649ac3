"""Two real dispatcher processes (`python -m consumers.webhook_dispatcher`) share one consumer
group; one is SIGKILLed while both deliver. Kafka hands its partitions to the survivor and
no webhook is lost: every event reaches every webhook, a duplicate is the same message."""

from __future__ import annotations

import asyncio
import signal
import uuid

import grpc

from common.clients.kafka import describe_group
from devstack.process import stop_child
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.webhook_dispatcher_support import (
    Reply,
    dispatcher_process_env,
    eventually,
    hook_oms,
    receiver,
    verify,
)
from tests.support.ims_catalog import ImsCatalog
from tests.support.processes import start_module

ORDERS = 120
LATE = 30  # P(none on the dead member's partitions) <= (2/3)**30, about 5e-6


async def test_two_dispatcher_processes_share_the_stream_and_survive_losing_one(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    kafka = oms_settings.core.kafka
    assert kafka.topic_partitions >= 2, "one partition cannot be shared"
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    group = f"test-dispatcher-{uuid.uuid4().hex[:8]}"
    env = dispatcher_process_env(oms_settings, group)
    paths = ("/one", "/two")
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        for path in paths:
            # A slow receiver: the kill lands while deliveries are in flight.
            hooks.on(path, lambda n: Reply(delay_s=0.02))
        secrets = {
            path: (
                await oms.webhook(catalog.tenant_id, hooks.url(path), ["order.created"])
            ).signing_secret
            for path in paths
        }
        processes = [start_module("consumers.webhook_dispatcher", env) for _ in range(2)]
        try:
            # Both are members before any event exists, so each owns part of the stream.
            async with asyncio.timeout(120):
                while not (
                    (state := await describe_group(kafka, group)).stable and state.members == 2
                ):
                    assert all(p.poll() is None for p in processes), "a dispatcher exited"
                    await asyncio.sleep(0.2)
            orders = [await oms.order(catalog) for _ in range(ORDERS)]
            expected = len(orders) * len(paths)

            def killable() -> bool:
                assert all(p.poll() is None for p in processes), "a dispatcher exited"
                return len(hooks.requests) >= expected // 4

            await eventually(killable, "a quarter of the deliveries")
            processes[0].send_signal(signal.SIGKILL)
            processes[0].wait(timeout=10)
            assert len(hooks.requests) < expected, "killed in the middle of the stream"
            # More events after the kill: keyed by order id, some land on the dead member's
            # partitions, which only the survivor can deliver, once the group has rebalanced.
            orders += [await oms.order(catalog) for _ in range(LATE)]
            expected = len(orders) * len(paths)

            def every_pair_delivered() -> bool:
                assert processes[1].poll() is None, "the surviving dispatcher exited"
                got = {(r.path, r.event()["order"]["id"]) for r in hooks.requests}
                return len(got) == expected

            await eventually(every_pair_delivered, "every (webhook, order) delivered", 180)
            # The late events on the dead member's partitions prove the hand-over happened.
            assert (await describe_group(kafka, group)).members == 1
        finally:
            for process in processes:
                stop_child(process)

    got = {(r.path, r.event()["order"]["id"]) for r in hooks.requests}
    assert got == {(path, order_id) for path in paths for order_id in orders}
    first_seen: dict[tuple[str, str], str] = {}
    for request in hooks.requests:
        verify(request, secrets[request.path])
        body = first_seen.setdefault((request.path, request.webhook_id), request.body)
        assert body == request.body
    assert len(first_seen) == expected
