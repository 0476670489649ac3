"""oms.v1.WebhookService registry through the real OMS composition root (gRPC + MongoDB + an
in-process IMS for the tenants). URLs use literal public addresses here, so no DNS is needed;
host names with a stand-in resolver are covered in test_webhooks_url_policy.py."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import tenant_pb2, tenant_pb2_grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.clients.mongo import MongoStore
from common.grpc.errors import field_violations
from oms_grpc.core.domain.webhook_secrets import is_signing_secret
from oms_grpc.core.repositories.webhooks import WebhookRepository
from oms_grpc.core.secret_box import SecretBox
from oms_grpc.main import OmsSettingsBundle

URL = "https://93.184.215.14/hooks/orders"
OTHER_URL = "http://[2606:4700:4700::1111]:8080/v2/hooks"


async def _tenant(ims_channel: grpc.aio.Channel) -> str:
    code = f"t-{uuid.uuid4().hex[:12]}"
    reply = await tenant_pb2_grpc.TenantServiceStub(ims_channel).CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=code, code=code))
    )
    return str(reply.tenant.id)


@pytest.fixture
def stub(oms_channel: grpc.aio.Channel) -> webhook_pb2_grpc.WebhookServiceStub:
    return webhook_pb2_grpc.WebhookServiceStub(oms_channel)


@pytest.fixture
async def tenant(ims_channel: grpc.aio.Channel) -> str:
    return await _tenant(ims_channel)


def _repository(mongo_store: MongoStore, oms_settings: OmsSettingsBundle) -> WebhookRepository:
    """The registry as the dispatcher opens it: with the OMS's secret key."""
    box = SecretBox(oms_settings.core.webhooks.secret_keys())
    return WebhookRepository(mongo_store.db["webhooks"], box)


def target_now() -> datetime:
    return datetime.now(UTC)


def _webhook(tenant_id: str, **fields: object) -> webhook_pb2.Webhook:
    values: dict[str, object] = {
        "tenant_id": tenant_id,
        "url": URL,
        "event_types": ["order.created", "order.updated"],
        "headers": {"X-Api-Key": "k-123"},
        "active": True,
        "description": "ERP connector",
    }
    values.update(fields)
    return webhook_pb2.Webhook(**values)  # type: ignore[arg-type]


async def _create(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant_id: str, **fields: object
) -> webhook_pb2.CreateWebhookResponse:
    reply: webhook_pb2.CreateWebhookResponse = await stub.CreateWebhook(
        webhook_pb2.CreateWebhookRequest(webhook=_webhook(tenant_id, **fields))
    )
    return reply


async def _refused(call: object, code: grpc.StatusCode) -> list[str]:
    """Await a call expected to fail with `code`; the fields its violations name."""
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await call  # type: ignore[misc]
    assert error.value.code() == code, error.value.details()
    return [violation.field for violation in field_violations(error.value)]


async def test_create_returns_the_webhook_and_its_secret_once(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    tenant: str,
    mongo_store: MongoStore,
    oms_settings: OmsSettingsBundle,
) -> None:
    created = await _create(stub, tenant)
    webhook = created.webhook
    assert webhook.id and webhook.tenant_id == tenant
    assert (webhook.url, list(webhook.event_types)) == (URL, ["order.created", "order.updated"])
    assert dict(webhook.headers) == {"X-Api-Key": "k-123"}
    assert (webhook.active, webhook.description) == (True, "ERP connector")
    assert webhook.create_time == webhook.update_time and webhook.create_time.seconds > 0
    assert is_signing_secret(created.signing_secret)

    # Stored encrypted for the dispatcher, which signs with it …
    stored = await mongo_store.db["webhooks"].find_one({"_id": webhook.id})
    assert stored is not None
    assert created.signing_secret not in str(stored)
    [target] = await _repository(mongo_store, oms_settings).targets(tenant)
    assert [s.secret for s in target.secrets] == [created.signing_secret]
    assert target.subscribes_to("order.updated") and target.headers == (("X-Api-Key", "k-123"),)

    # … but never shown again: no read or write response carries it.
    got = await stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=webhook.id))
    listed = await stub.ListWebhooks(webhook_pb2.ListWebhooksRequest(tenant_id=tenant))
    updated = await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(tenant_id=tenant, id=webhook.id, description="renamed"),
            update_mask=FieldMask(paths=["description"]),
        )
    )
    for reply in (got, listed, updated):
        assert created.signing_secret not in str(reply)
        assert created.signing_secret.encode() not in reply.SerializeToString()
    assert got.webhook == webhook

    # A second webhook gets its own secret.
    second = await _create(stub, tenant)
    assert second.signing_secret != created.signing_secret


async def test_crud_round_trip(stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str) -> None:
    created = (await _create(stub, tenant)).webhook
    wid = created.id

    full = await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(
                tenant_id=tenant,
                id=wid,
                url=OTHER_URL,
                event_types=["order.updated"],
                headers={"Authorization": "Bearer t"},
                active=False,
                description="",
            )
        )
    )
    assert full.webhook.url == OTHER_URL
    assert list(full.webhook.event_types) == ["order.updated"]
    assert dict(full.webhook.headers) == {"Authorization": "Bearer t"}
    assert (full.webhook.active, full.webhook.description) == (False, "")
    assert full.webhook.create_time == created.create_time
    assert full.webhook.update_time.ToDatetime() >= created.update_time.ToDatetime()

    masked = await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(
                tenant_id=tenant, id=wid, active=True, url="ignored: not in the mask"
            ),
            update_mask=FieldMask(paths=["active"]),
        )
    )
    assert masked.webhook.active is True
    assert masked.webhook.url == OTHER_URL  # untouched

    got = await stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=wid))
    assert got.webhook == masked.webhook

    await stub.DeleteWebhook(webhook_pb2.DeleteWebhookRequest(tenant_id=tenant, id=wid))
    for call in (
        stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=wid)),
        stub.DeleteWebhook(webhook_pb2.DeleteWebhookRequest(tenant_id=tenant, id=wid)),
        stub.UpdateWebhook(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(tenant_id=tenant, id=wid, active=True),
                update_mask=FieldMask(paths=["active"]),
            )
        ),
    ):
        await _refused(call, grpc.StatusCode.NOT_FOUND)
    listed = await stub.ListWebhooks(webhook_pb2.ListWebhooksRequest(tenant_id=tenant))
    assert list(listed.webhooks) == []


async def test_update_keeps_the_secret_and_revalidates_the_url(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    tenant: str,
    mongo_store: MongoStore,
    oms_settings: OmsSettingsBundle,
) -> None:
    created = await _create(stub, tenant)
    wid = created.webhook.id
    await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(tenant_id=tenant, id=wid, url=OTHER_URL),
            update_mask=FieldMask(paths=["url"]),
        )
    )
    for url in ("http://10.0.0.1/hook", "ftp://93.184.215.14/", "https://[::1]/"):
        fields = await _refused(
            stub.UpdateWebhook(
                webhook_pb2.UpdateWebhookRequest(
                    webhook=webhook_pb2.Webhook(tenant_id=tenant, id=wid, url=url),
                    update_mask=FieldMask(paths=["url"]),
                )
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert fields == ["webhook.url"]
    stored = await mongo_store.db["webhooks"].find_one({"_id": created.webhook.id})
    assert stored is not None
    assert stored["url"] == OTHER_URL
    [target] = await _repository(mongo_store, oms_settings).targets(tenant)
    assert target.signing_secrets(target_now()) == [created.signing_secret]


async def test_update_mask_and_reference_errors(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    created = (await _create(stub, tenant)).webhook
    wid = created.id
    for paths in (["tenant_id"], ["signing_secret"], ["*", "url"], ["create_time"]):
        fields = await _refused(
            stub.UpdateWebhook(
                webhook_pb2.UpdateWebhookRequest(
                    webhook=webhook_pb2.Webhook(tenant_id=tenant, id=wid),
                    update_mask=FieldMask(paths=paths),
                )
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
        )
        assert fields == ["update_mask"]
    # An empty mask replaces everything, so url and event types are required.
    fields = await _refused(
        stub.UpdateWebhook(
            webhook_pb2.UpdateWebhookRequest(webhook=webhook_pb2.Webhook(tenant_id=tenant, id=wid))
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert fields == ["webhook.url", "webhook.event_types"]
    fields = await _refused(
        stub.UpdateWebhook(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(tenant_id=tenant, id="nope", active=True),
                update_mask=FieldMask(paths=["active"]),
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert fields == ["webhook.id"]
    got = await stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=wid))
    assert got.webhook == created


async def test_other_tenants_never_see_or_touch_a_webhook(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, ims_channel: grpc.aio.Channel
) -> None:
    created = (await _create(stub, tenant)).webhook
    intruder = await _tenant(ims_channel)
    for call in (
        stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=intruder, id=created.id)),
        stub.UpdateWebhook(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(tenant_id=intruder, id=created.id, active=False),
                update_mask=FieldMask(paths=["active"]),
            )
        ),
        stub.DeleteWebhook(webhook_pb2.DeleteWebhookRequest(tenant_id=intruder, id=created.id)),
        stub.ListWebhookDeliveries(
            webhook_pb2.ListWebhookDeliveriesRequest(tenant_id=intruder, webhook_id=created.id)
        ),
    ):
        await _refused(call, grpc.StatusCode.NOT_FOUND)
    listed = await stub.ListWebhooks(webhook_pb2.ListWebhooksRequest(tenant_id=intruder))
    assert list(listed.webhooks) == []
    got = await stub.GetWebhook(webhook_pb2.GetWebhookRequest(tenant_id=tenant, id=created.id))
    assert got.webhook == created  # unchanged, still there


async def test_create_needs_an_existing_tenant(
    stub: webhook_pb2_grpc.WebhookServiceStub, mongo_store: MongoStore
) -> None:
    fields = await _refused(_create(stub, str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND)
    assert fields == ["webhook.tenant_id"]
    fields = await _refused(_create(stub, "not-a-uuid"), grpc.StatusCode.INVALID_ARGUMENT)
    assert fields == ["webhook.tenant_id"]
    assert await mongo_store.db["webhooks"].count_documents({}) == 0


async def test_list_pages_through_the_tenants_webhooks(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, ims_channel: grpc.aio.Channel
) -> None:
    ids = [(await _create(stub, tenant, description=f"hook {i}")).webhook.id for i in range(5)]
    other = await _tenant(ims_channel)
    await _create(stub, other)

    seen: list[str] = []
    token = ""
    pages = 0
    while True:
        page = await stub.ListWebhooks(
            webhook_pb2.ListWebhooksRequest(tenant_id=tenant, page_size=2, page_token=token)
        )
        pages += 1
        seen.extend(webhook.id for webhook in page.webhooks)
        token = page.next_page_token
        if not token:
            break
    assert (seen, pages) == (ids, 3)

    first = await stub.ListWebhooks(webhook_pb2.ListWebhooksRequest(tenant_id=tenant, page_size=2))
    fields = await _refused(
        stub.ListWebhooks(
            webhook_pb2.ListWebhooksRequest(tenant_id=other, page_token=first.next_page_token)
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert fields == ["page_token"]
    for request in (
        webhook_pb2.ListWebhooksRequest(),
        webhook_pb2.ListWebhooksRequest(tenant_id=tenant, page_size=-1),
    ):
        await _refused(stub.ListWebhooks(request), grpc.StatusCode.INVALID_ARGUMENT)


@pytest.mark.parametrize(
    ("headers", "field"),
    [
        ({"Webhook-Signature": "v1,forged"}, "webhook.headers[Webhook-Signature]"),
        ({"webhook-id": "x"}, "webhook.headers[webhook-id]"),
        ({"Webhook-Timestamp": "0"}, "webhook.headers[Webhook-Timestamp]"),
        ({"Content-Type": "text/plain"}, "webhook.headers[Content-Type]"),
        ({"Content-Length": "1"}, "webhook.headers[Content-Length]"),
        ({"Host": "internal"}, "webhook.headers[Host]"),
        ({"Bad Header": "v"}, "webhook.headers[Bad Header]"),
        ({"X-Split": "a\r\nInjected: yes"}, "webhook.headers[X-Split]"),
        ({f"X-H{i}": "v" for i in range(21)}, "webhook.headers"),
    ],
)
async def test_header_rules(
    stub: webhook_pb2_grpc.WebhookServiceStub,
    tenant: str,
    mongo_store: MongoStore,
    headers: dict[str, str],
    field: str,
) -> None:
    fields = await _refused(
        _create(stub, tenant, headers=headers), grpc.StatusCode.INVALID_ARGUMENT
    )
    assert fields == [field]
    assert await mongo_store.db["webhooks"].count_documents({}) == 0


async def test_twenty_headers_are_accepted(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    headers = {f"X-H{i:02}": f"value {i}" for i in range(20)}
    created = await _create(stub, tenant, headers=headers)
    assert dict(created.webhook.headers) == headers


async def test_event_type_rules(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, mongo_store: MongoStore
) -> None:
    cases: list[tuple[list[str], list[str]]] = [
        ([], ["webhook.event_types"]),
        (["order.deleted"], ["webhook.event_types[0]"]),
        (["order.created", "Order.Updated"], ["webhook.event_types[1]"]),
        (["*"], ["webhook.event_types[0]"]),
    ]
    for event_types, expected in cases:
        fields = await _refused(
            _create(stub, tenant, event_types=event_types), grpc.StatusCode.INVALID_ARGUMENT
        )
        assert fields == expected, event_types
    assert await mongo_store.db["webhooks"].count_documents({}) == 0
    created = await _create(
        stub, tenant, event_types=["order.updated", "order.updated", "order.created"]
    )
    assert list(created.webhook.event_types) == ["order.updated", "order.created"]


async def test_every_violation_is_reported_together(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    fields = await _refused(
        _create(
            stub,
            tenant,
            url="ftp://example.com",
            event_types=["nope"],
            headers={"Host": "x"},
            description="x" * 1001,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
    )
    assert fields == [
        "webhook.url",
        "webhook.event_types[0]",
        "webhook.headers[Host]",
        "webhook.description",
    ]


async def test_the_default_resolver_refuses_names_that_do_not_resolve(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await _create(stub, tenant, url="https://no-such-host.invalid/hook")
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    [violation] = field_violations(error.value)
    assert violation.field == "webhook.url"
    assert "cannot be resolved" in violation.description


async def test_active_defaults_to_true_but_false_is_kept(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    webhook = _webhook(tenant)
    webhook.ClearField("active")
    omitted = await stub.CreateWebhook(webhook_pb2.CreateWebhookRequest(webhook=webhook))
    assert omitted.webhook.HasField("active") and omitted.webhook.active is True
    explicit = await _create(stub, tenant, active=False)
    assert explicit.webhook.active is False
