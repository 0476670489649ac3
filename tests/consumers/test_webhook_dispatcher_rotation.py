"""Secret rotation seen by a receiver: during the grace period every delivery carries a
signature for the old and for the new secret (the reference library accepts either);
without a grace period only the new one signs."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from google.protobuf.duration_pb2 import Duration
from oms.v1 import webhook_pb2
from standardwebhooks.webhooks import WebhookVerificationError

from oms_grpc.main import OmsSettingsBundle
from tests.consumers.webhook_dispatcher_support import (
    dispatching,
    eventually,
    fast_settings,
    hook_oms,
    receiver,
    verify,
)
from tests.support.ims_catalog import ImsCatalog


async def test_both_secrets_sign_during_the_grace_period(
    oms_settings: OmsSettingsBundle, ims_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    tenant = catalog.tenant_id
    settings = fast_settings(subscription_ttl_s=0.2)
    # The dispatcher sees a rotation within its cache's TTL (the documented bound): waiting
    # that long after rotating guarantees that the next delivery uses the new secrets.
    seen_by_dispatcher = settings.subscription_ttl_s + 0.1
    async with receiver() as hooks, hook_oms(oms_settings) as oms:
        created = await oms.webhook(tenant, hooks.url("/rotating"), ["order.created"])
        webhook_id, first = created.webhook.id, created.signing_secret
        async with dispatching(oms.core, settings):

            async def delivered(count: int) -> None:
                await oms.order(catalog)
                await eventually(lambda: len(hooks.at("/rotating")) == count, f"delivery {count}")

            await delivered(1)
            rotated = await oms.webhooks.RotateWebhookSecret(
                webhook_pb2.RotateWebhookSecretRequest(tenant_id=tenant, id=webhook_id)
            )
            second = rotated.signing_secret
            await asyncio.sleep(seen_by_dispatcher)
            await delivered(2)
            third = (
                await oms.webhooks.RotateWebhookSecret(
                    webhook_pb2.RotateWebhookSecretRequest(
                        tenant_id=tenant, id=webhook_id, grace_period=Duration(seconds=0)
                    )
                )
            ).signing_secret
            await asyncio.sleep(seen_by_dispatcher)
            await delivered(3)

    before, during, after = hooks.at("/rotating")
    assert len(before.headers["webhook-signature"].split(" ")) == 1
    verify(before, first)
    # During the grace period: two signatures, each secret verifies on its own.
    assert len(during.headers["webhook-signature"].split(" ")) == 2
    verify(during, first)
    verify(during, second)
    # Rotated again without grace: only the newest secret signs.
    assert len(after.headers["webhook-signature"].split(" ")) == 1
    verify(after, third)
    for stale in (first, second):
        with pytest.raises(WebhookVerificationError):
            verify(after, stale)
