"""The real dispatcher process (`python -m consumers.webhook_dispatcher`) SIGKILLed while
it delivers, then started again: no webhook is lost — every event reaches every webhook at
least once, and a duplicate carries the same webhook-id and body as the first."""

from __future__ import annotations

import signal
import uuid

import grpc

from devstack.process import stop_child
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.webhook_dispatcher_support import (
    Reply,
    dispatcher_process_env,
    eventually,
    hook_oms,
    loopback_core,
    receiver,
    verify,
)
from tests.support.ims_catalog import ImsCatalog
from tests.support.processes import start_module


async def test_sigkilled_dispatcher_restarted_loses_no_webhook(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    env = dispatcher_process_env(oms_settings, f"test-dispatcher-{uuid.uuid4().hex[:8]}")
    paths = ("/one", "/two")
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        assert oms.core == loopback_core(oms_settings)
        for path in paths:
            # A slow receiver: the kill lands while deliveries are in flight.
            hooks.on(path, lambda n: Reply(delay_s=0.02))
        secrets = {
            path: (await oms.webhook(tenant, hooks.url(path), ["order.created"])).signing_secret
            for path in paths
        }
        orders = [await oms.order(catalog) for _ in range(150)]
        expected = len(orders) * len(paths)

        first = start_module("consumers.webhook_dispatcher", env)
        try:

            def killable() -> bool:
                assert first.poll() is None, "the dispatcher exited before the kill"
                return len(hooks.requests) >= expected // 4

            await eventually(killable, "a quarter of the deliveries")
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        finally:
            if first.poll() is None:
                first.kill()
                first.wait(timeout=10)
        received_before_restart = len(hooks.requests)
        assert received_before_restart < expected, "killed in the middle of the stream"
        # Events published while no dispatcher runs wait in Kafka.
        orders += [await oms.order(catalog) for _ in range(10)]
        expected = len(orders) * len(paths)

        second = start_module("consumers.webhook_dispatcher", env)
        try:

            def every_pair_delivered() -> bool:
                assert second.poll() is None, "the restarted dispatcher exited"
                got = {(r.path, r.event()["order"]["id"]) for r in hooks.requests}
                return len(got) == expected

            await eventually(every_pair_delivered, "every (webhook, order) delivered", 120)
        finally:
            stop_child(second)

    got = {(r.path, r.event()["order"]["id"]) for r in hooks.requests}
    assert got == {(path, order_id) for path in paths for order_id in orders}
    # At least once: duplicates are allowed, but each is the same message again.
    first_seen: dict[tuple[str, str], str] = {}
    for request in hooks.requests:
        verify(request, secrets[request.path])
        assert request.webhook_id == request.event()["eventId"]
        body = first_seen.setdefault((request.path, request.webhook_id), request.body)
        assert body == request.body
    assert len(first_seen) == expected
