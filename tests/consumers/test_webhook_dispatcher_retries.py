"""Retries on the real stack: 5xx then success, an endpoint that is always down (one
`webhook_logs` entry with every attempt, then disabled), `Retry-After`, final answers (4xx,
redirects) and RetryWebhookDelivery."""

from __future__ import annotations

import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from oms.v1 import webhook_pb2

from common.clients.mongo import MongoStore
from oms_grpc.main import OmsSettingsBundle
from tests.consumers.webhook_dispatcher_support import (
    HookOms,
    Reply,
    dispatching,
    eventually,
    fast_settings,
    hook_oms,
    receiver,
    refused_port,
    verify,
)
from tests.support.ims_catalog import ImsCatalog

SUCCEEDED = webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED
FAILED = webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED


async def _final(oms: HookOms, tenant: str, webhook_id: str, count: int = 1) -> None:
    async def done() -> bool:
        found = await oms.deliveries(tenant, webhook_id)
        return len(found) >= count and all(d.state in (SUCCEEDED, FAILED) for d in found)

    await eventually(done, f"{count} final deliveries of webhook {webhook_id}")


async def test_two_server_errors_then_success_is_delivered_once_after_three_attempts(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        hooks.on("/flaky", lambda n: Reply(500, body="boom") if n <= 2 else Reply(204, body=""))
        hook = await oms.webhook(tenant, hooks.url("/flaky"), ["order.created"])
        async with dispatching(oms.core):
            await oms.order(catalog)
            await _final(oms, tenant, hook.webhook.id)
        [delivery] = await oms.deliveries(tenant, hook.webhook.id)

    requests = hooks.at("/flaky")
    assert len(requests) == 3
    assert len({r.webhook_id for r in requests}) == 1  # the same webhook-id every time
    for request in requests:
        verify(request, hook.signing_secret)
    assert delivery.state == SUCCEEDED
    assert [(a.attempt, a.http_status, a.error) for a in delivery.attempts] == [
        (1, 500, "HTTP 500"),
        (2, 500, "HTTP 500"),
        (3, 204, ""),
    ]
    assert delivery.attempts[0].response_body == "boom"
    assert all(a.duration.ToTimedelta().total_seconds() >= 0 for a in delivery.attempts)
    assert not delivery.HasField("next_attempt_time")


async def test_an_endpoint_that_is_always_down_fails_once_with_every_attempt(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel, mongo_store: MongoStore
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    down = f"http://127.0.0.1:{refused_port()}/down"
    async with hook_oms(oms_settings) as oms:
        hook = await oms.webhook(tenant, down, ["order.created"])
        webhook_id = hook.webhook.id
        async with dispatching(oms.core, fast_settings(retry_schedule_s=[0.2, 0.4, 0.8])):
            await oms.order(catalog)
            await _final(oms, tenant, webhook_id)
        [delivery] = await oms.deliveries(tenant, webhook_id)

        # One webhook_logs entry for the event, with every attempt.
        entries = await mongo_store.db["webhook_logs"].find({"webhook_id": webhook_id}).to_list()
        assert len(entries) == 1 and entries[0]["state"] == "failed"
        assert [a["attempt"] for a in entries[0]["attempts"]] == [1, 2, 3, 4]
        assert delivery.state == FAILED
        assert delivery.failure_reason.startswith("gave up after 4 attempts")
        assert [(a.http_status, a.error.split(":")[0]) for a in delivery.attempts] == [
            (0, "connection failed")
        ] * 4
        times = [a.attempt_time.ToDatetime() for a in delivery.attempts]
        assert times == sorted(times)
        assert (await oms.get(tenant, webhook_id)).active  # the default period is long


async def test_an_endpoint_failing_for_the_period_is_disabled(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    down = f"http://127.0.0.1:{refused_port()}/down"
    # Eleven attempts at least 10 x 0.27 s apart in all: the streak outlasts the 1 s period
    # before the series ends, however fast or slow the machine is.
    settings = fast_settings(retry_schedule_s=[0.3] * 10, disable_after_s=1.0)
    async with hook_oms(oms_settings) as oms:
        hook = await oms.webhook(tenant, down, ["order.created"])
        webhook_id = hook.webhook.id
        async with dispatching(oms.core, settings):
            await oms.order(catalog)

            async def disabled() -> bool:
                return not (await oms.get(tenant, webhook_id)).active

            await eventually(disabled, "the failing webhook to be disabled")
            await _final(oms, tenant, webhook_id)
        webhook = await oms.get(tenant, webhook_id)
        [delivery] = await oms.deliveries(tenant, webhook_id)

        # GetWebhook says why and since when.
        assert webhook.active is False
        assert "every delivery attempt failed" in webhook.disabled_reason
        assert "connection failed" in webhook.disabled_reason
        first_attempt = delivery.attempts[0].attempt_time.ToDatetime()
        assert webhook.failing_since.ToDatetime() == first_attempt
        assert webhook.disable_time.ToDatetime() >= first_attempt
        # The delivery ended with the webhook (disabled at the 5th attempt at the latest):
        # no attempt after it.
        assert delivery.state == FAILED
        assert delivery.failure_reason == "webhook inactive"
        assert 2 <= len(delivery.attempts) <= 5
        last_attempt = delivery.attempts[-1].attempt_time.ToDatetime()
        assert last_attempt <= webhook.disable_time.ToDatetime()

        # Re-enabling clears them.
        enabled = await oms.webhooks.UpdateWebhook(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(tenant_id=tenant, id=webhook_id, active=True),
                update_mask=FieldMask(paths=["active"]),
            )
        )
        assert enabled.webhook.active and enabled.webhook.disabled_reason == ""
        assert not enabled.webhook.HasField("failing_since")
        assert not enabled.webhook.HasField("disable_time")


async def test_retry_after_is_honoured(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        hooks.on("/busy", lambda n: Reply(429, {"Retry-After": "2"}) if n == 1 else Reply())
        hook = await oms.webhook(tenant, hooks.url("/busy"), ["order.created"])
        async with dispatching(oms.core):
            await oms.order(catalog)
            await _final(oms, tenant, hook.webhook.id)
        [delivery] = await oms.deliveries(tenant, hook.webhook.id)

    first, second = hooks.at("/busy")
    # The schedule alone would retry after ~0.2 s; the endpoint asked for 2 s.
    assert second.at - first.at >= 2.0
    assert [(a.http_status, a.error) for a in delivery.attempts] == [(429, "HTTP 429"), (200, "")]
    assert first.webhook_id == second.webhook_id


async def test_client_errors_and_redirects_are_final(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        hooks.on("/gone", lambda n: Reply(404, body="no such hook"))
        hooks.on("/moved", lambda n: Reply(302, {"Location": hooks.url("/elsewhere")}))
        gone = await oms.webhook(tenant, hooks.url("/gone"), ["order.created"])
        moved = await oms.webhook(tenant, hooks.url("/moved"), ["order.created"])
        async with dispatching(oms.core):
            await oms.order(catalog)
            await _final(oms, tenant, gone.webhook.id)
            await _final(oms, tenant, moved.webhook.id)
        [refused] = await oms.deliveries(tenant, gone.webhook.id)
        [redirected] = await oms.deliveries(tenant, moved.webhook.id)

    assert len(hooks.at("/gone")) == 1 and len(hooks.at("/moved")) == 1  # no retries
    assert hooks.at("/elsewhere") == []  # the redirect was not followed
    assert (refused.state, [a.http_status for a in refused.attempts]) == (FAILED, [404])
    assert refused.failure_reason == "not retried: HTTP 404"
    assert refused.attempts[0].response_body == "no such hook"
    assert (redirected.state, [a.http_status for a in redirected.attempts]) == (FAILED, [302])
    assert "redirects are not followed" in redirected.failure_reason


async def test_retry_webhook_delivery_sends_again_with_the_same_webhook_id(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        hook = await oms.webhook(tenant, hooks.url("/again"), ["order.created"])
        async with dispatching(oms.core):
            await oms.order(catalog)
            await _final(oms, tenant, hook.webhook.id)
            [delivered] = await oms.deliveries(tenant, hook.webhook.id)
            reply = await oms.webhooks.RetryWebhookDelivery(
                webhook_pb2.RetryWebhookDeliveryRequest(
                    tenant_id=tenant, webhook_id=hook.webhook.id, delivery_id=delivered.id
                )
            )
            assert reply.delivery.id == delivered.id
            assert reply.delivery.state == webhook_pb2.WEBHOOK_DELIVERY_STATE_PENDING
            await eventually(lambda: len(hooks.at("/again")) == 2, "the delivery to be resent")
            await _final(oms, tenant, hook.webhook.id)
        [resent] = await oms.deliveries(tenant, hook.webhook.id)

    first, second = hooks.at("/again")
    assert first.webhook_id == second.webhook_id == delivered.event_id
    assert first.body == second.body
    verify(second, hook.signing_secret)
    assert resent.state == SUCCEEDED
    assert [a.attempt for a in resent.attempts] == [1, 2]
