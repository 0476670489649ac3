"""Signing secrets: encrypted at rest, legacy plaintext secrets migrated, rotation with a
grace period, and a server without a key — through the real OMS composition root."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf.duration_pb2 import Duration
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import tenant_pb2, tenant_pb2_grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.clients.mongo import MongoStore
from common.grpc.errors import field_violations
from oms_grpc.core.container import open_core
from oms_grpc.core.domain.webhook_secrets import is_signing_secret, new_signing_secret
from oms_grpc.core.repositories.webhooks import WebhookRepository
from oms_grpc.core.secret_box import SecretBox
from oms_grpc.main import OmsSettingsBundle, running
from tests.support.auth import admin_channel

URL = "https://93.184.215.14/hooks/orders"


@pytest.fixture
def stub(oms_channel: grpc.aio.Channel) -> webhook_pb2_grpc.WebhookServiceStub:
    return webhook_pb2_grpc.WebhookServiceStub(oms_channel)


@pytest.fixture
async def tenant(ims_channel: grpc.aio.Channel) -> str:
    code = f"t-{uuid.uuid4().hex[:12]}"
    reply = await tenant_pb2_grpc.TenantServiceStub(ims_channel).CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=code, code=code))
    )
    return str(reply.tenant.id)


def _repository(mongo_store: MongoStore, oms_settings: OmsSettingsBundle) -> WebhookRepository:
    return WebhookRepository(
        mongo_store.db["webhooks"], SecretBox(oms_settings.core.webhooks.secret_keys())
    )


async def _create(stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str) -> tuple[str, str]:
    reply = await stub.CreateWebhook(
        webhook_pb2.CreateWebhookRequest(
            webhook=webhook_pb2.Webhook(tenant_id=tenant, url=URL, event_types=["order.created"])
        )
    )
    return reply.webhook.id, reply.signing_secret


async def test_rotation_returns_a_new_secret_and_both_sign_during_the_grace_period(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    tenant: str,
    mongo_store: MongoStore,
    oms_settings: OmsSettingsBundle,
) -> None:
    webhook_id, first = await _create(stub, tenant)
    before = datetime.now(UTC)
    rotated = await stub.RotateWebhookSecret(
        webhook_pb2.RotateWebhookSecretRequest(tenant_id=tenant, id=webhook_id)
    )
    second = rotated.signing_secret
    assert is_signing_secret(second) and second != first
    expiry = rotated.webhook.previous_secret_expire_time.ToDatetime(tzinfo=UTC)
    # The configured default grace period (24 h).
    assert before + timedelta(hours=24) - timedelta(seconds=1) <= expiry
    assert expiry <= datetime.now(UTC) + timedelta(hours=24)
    assert first not in str(rotated) and second not in str(
        await stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=webhook_id))
    )
    stored = await mongo_store.db["webhooks"].find_one({"_id": webhook_id})
    assert stored is not None and first not in str(stored) and second not in str(stored)

    [target] = await _repository(mongo_store, oms_settings).targets(tenant)
    assert target.signing_secrets(datetime.now(UTC)) == [second, first]
    assert target.signing_secrets(expiry + timedelta(seconds=1)) == [second]

    # Rotating again with no grace period: only the newest signs; the oldest is gone.
    third = await stub.RotateWebhookSecret(
        webhook_pb2.RotateWebhookSecretRequest(
            tenant_id=tenant, id=webhook_id, grace_period=Duration(seconds=0)
        )
    )
    [target] = await _repository(mongo_store, oms_settings).targets(tenant)
    assert target.signing_secrets(datetime.now(UTC)) == [third.signing_secret]
    assert {s.secret for s in target.secrets} == {third.signing_secret, second}


async def test_rotation_errors(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, ims_channel: grpc.aio.Channel
) -> None:
    webhook_id, _ = await _create(stub, tenant)
    other_tenant = str(uuid.uuid4())
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await stub.RotateWebhookSecret(
            webhook_pb2.RotateWebhookSecretRequest(tenant_id=other_tenant, id=webhook_id)
        )
    assert error.value.code() == grpc.StatusCode.NOT_FOUND
    for request, fields in [
        (webhook_pb2.RotateWebhookSecretRequest(tenant_id=tenant), ["id"]),
        (
            webhook_pb2.RotateWebhookSecretRequest(
                tenant_id="x", id=webhook_id, grace_period=Duration(seconds=31 * 86_400)
            ),
            ["tenant_id", "grace_period"],
        ),
        (
            webhook_pb2.RotateWebhookSecretRequest(
                tenant_id=tenant, id=webhook_id, grace_period=Duration(seconds=-1)
            ),
            ["grace_period"],
        ),
    ]:
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.RotateWebhookSecret(request)
        assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert [v.field for v in field_violations(error.value)] == fields


async def test_plaintext_secrets_keep_working_and_are_encrypted_on_start(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    tenant: str,
    mongo_store: MongoStore,
    oms_settings: OmsSettingsBundle,
) -> None:
    webhook_id, _ = await _create(stub, tenant)
    legacy = new_signing_secret()  # as written before encryption at rest existed
    await mongo_store.db["webhooks"].update_one(
        {"_id": webhook_id}, {"$set": {"signing_secret": legacy}}
    )
    repository = _repository(mongo_store, oms_settings)
    [target] = await repository.targets(tenant)  # read as it is …
    assert target.signing_secrets(datetime.now(UTC)) == [legacy]

    async with open_core(oms_settings.core):  # … and encrypted by the next process start
        pass
    stored = await mongo_store.db["webhooks"].find_one({"_id": webhook_id})
    assert stored is not None and legacy not in str(stored)
    [target] = await repository.targets(tenant)
    assert target.signing_secrets(datetime.now(UTC)) == [legacy]


@pytest.fixture
async def keyless_stub(
    oms_settings: OmsSettingsBundle,
) -> AsyncIterator[webhook_pb2_grpc.WebhookServiceStub]:
    webhooks = oms_settings.core.webhooks.model_copy(update={"secret_key": None})
    settings = dataclasses.replace(
        oms_settings, core=dataclasses.replace(oms_settings.core, webhooks=webhooks)
    )
    async with (
        open_core(settings.core) as core,
        running(core, settings) as server,
        admin_channel(f"127.0.0.1:{server.port}") as channel,
    ):
        yield webhook_pb2_grpc.WebhookServiceStub(channel)


async def test_without_a_key_webhooks_are_listed_but_not_created(
    keyless_stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await _create(keyless_stub, tenant)
    assert error.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "WEBHOOK_SECRET_KEY" in (error.value.details() or "")
    listed = await keyless_stub.ListWebhooks(webhook_pb2.ListWebhooksRequest(tenant_id=tenant))
    assert list(listed.webhooks) == []


async def test_re_enabling_clears_why_the_dispatcher_disabled_it(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    tenant: str,
    mongo_store: MongoStore,
    oms_settings: OmsSettingsBundle,
) -> None:
    webhook_id, _ = await _create(stub, tenant)
    repository = _repository(mongo_store, oms_settings)
    since = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    assert await repository.mark_failing(webhook_id, since) == since
    assert await repository.mark_failing(webhook_id, since + timedelta(hours=1)) == since
    assert not await repository.disable(
        webhook_id, failing_since=since + timedelta(hours=1), reason="x", now=since
    )  # not the running streak
    now = since + timedelta(days=3)
    assert await repository.disable(webhook_id, failing_since=since, reason="down", now=now)

    got = (
        await stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=webhook_id))
    ).webhook
    assert (got.active, got.disabled_reason) == (False, "down")
    assert got.disable_time.ToDatetime(tzinfo=UTC) == now
    assert got.failing_since.ToDatetime(tzinfo=UTC) == since

    enabled = await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(tenant_id=tenant, id=webhook_id, active=True),
            update_mask=FieldMask(paths=["active"]),
        )
    )
    webhook = enabled.webhook
    assert (webhook.active, webhook.disabled_reason) == (True, "")
    assert not webhook.HasField("disable_time") and not webhook.HasField("failing_since")
