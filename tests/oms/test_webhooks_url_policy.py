"""Callback URL rules over gRPC: scheme, host, userinfo and the SSRF address policy.

The webhook service runs on the real OMS dependencies (MongoDB, the in-process IMS) and a
real gRPC server; only DNS is replaced, by a fixed table, because these machines have no
network: `*.example` names resolve to documented public or private addresses below. The
service is configured with an allow-list (host `hooks.corp.internal`, network 10.77.0.0/16).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator, Sequence
from ipaddress import IPv4Network, ip_address

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import tenant_pb2, tenant_pb2_grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.clients.mongo import MongoStore
from common.grpc.errors import field_violations
from oms_grpc.core.container import open_core
from oms_grpc.core.domain.ssrf import IPAddress
from oms_grpc.core.webhooks_dns import ResolutionError
from oms_grpc.main import OmsSettingsBundle, running
from tests.support.auth import admin_channel

DNS: dict[str, list[str]] = {
    "hooks.public.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
    "api.partner.example": ["151.101.1.69"],
    "intranet.example": ["192.168.10.20"],
    "rebind.example": ["93.184.215.14", "10.0.0.8"],  # one private answer is enough
    "metadata.example": ["169.254.169.254"],
    "loop6.example": ["::1"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "cgnat.example": ["100.64.1.1"],
    "ula.example": ["fd00::1234"],
    "hooks.corp.internal": ["10.1.2.3"],  # allow-listed by name
    "lab.example": ["10.77.5.5"],  # inside the allow-listed network
}


class TableResolver:
    """Answers from DNS above; any other name does not resolve."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    async def resolve(self, host: str, port: int) -> Sequence[IPAddress]:
        self.asked.append(host)
        if host not in DNS:
            raise ResolutionError(f"{host} does not resolve")
        return [ip_address(address) for address in DNS[host]]


@pytest.fixture
def resolver() -> TableResolver:
    return TableResolver()


@pytest.fixture
async def stub(
    oms_settings: OmsSettingsBundle, resolver: TableResolver
) -> AsyncIterator[webhook_pb2_grpc.WebhookServiceStub]:
    settings = oms_settings.core.webhooks.model_copy(
        update={
            "allowed_hosts": ["hooks.corp.internal"],
            "allowed_networks": [IPv4Network("10.77.0.0/16")],
        }
    )
    core_settings = dataclasses.replace(oms_settings.core, webhooks=settings)
    async with (
        open_core(core_settings, resolver=resolver) as core,
        running(core, oms_settings) as server,
        admin_channel(f"127.0.0.1:{server.port}") as channel,
    ):
        yield webhook_pb2_grpc.WebhookServiceStub(channel)


@pytest.fixture
async def tenant(ims_channel: grpc.aio.Channel) -> str:
    code = f"t-{uuid.uuid4().hex[:12]}"
    reply = await tenant_pb2_grpc.TenantServiceStub(ims_channel).CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=code, code=code))
    )
    return str(reply.tenant.id)


async def _outcome(stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, url: str) -> str:
    """ "created", or the status code and the fields the refusal names."""
    request = webhook_pb2.CreateWebhookRequest(
        webhook=webhook_pb2.Webhook(
            tenant_id=tenant, url=url, event_types=["order.created"], active=True
        )
    )
    try:
        reply = await stub.CreateWebhook(request)
    except grpc.aio.AioRpcError as error:
        fields = ",".join(violation.field for violation in field_violations(error))
        return f"{error.code().name}:{fields}"
    assert reply.webhook.url == url
    return "created"


REFUSED = "INVALID_ARGUMENT:webhook.url"

REFUSED_URLS = [
    # scheme, host, userinfo, syntax
    "ftp://hooks.public.example/x",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "https:///no-host",
    "https://",
    "https://user:secret@hooks.public.example/x",
    "https://hooks.public.example@127.0.0.1/",
    "https://hooks.public.example:99999/",
    "https://hooks.public.example/" + "p" * 2048,
    # literal addresses, no DNS needed
    "http://127.0.0.1/hook",
    "http://127.0.0.1:8080/hook",
    "http://[::1]/hook",
    "http://10.1.2.3/hook",
    "http://172.16.0.1/hook",
    "http://172.31.255.254/hook",
    "http://192.168.1.1/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/hook",
    "http://[fd00::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:169.254.169.254]/",
    "http://0.0.0.0/hook",
    "http://[::]/hook",
    "http://100.64.0.1/hook",
    "http://224.0.0.1/hook",
    "http://255.255.255.255/hook",
    "http://2130706433/hook",
    "http://0x7f000001/hook",
    "http://127.1/hook",
    # names
    "http://localhost/hook",
    "http://LOCALHOST:3000/hook",
    "http://api.localhost/hook",
    "https://intranet.example/hook",
    "https://rebind.example/hook",
    "https://metadata.example/hook",
    "https://loop6.example/hook",
    "https://mapped.example/hook",
    "https://cgnat.example/hook",
    "https://ula.example/hook",
    "https://unknown.example/hook",
]

ACCEPTED_URLS = [
    "https://hooks.public.example/orders",
    "http://hooks.public.example/orders",
    "https://api.partner.example:8443/v1/events?source=oms",
    "https://93.184.215.14/hook",
    "https://[2606:4700:4700::1111]/hook",
    "http://hooks.corp.internal/orders",  # allow-listed host (resolves to 10.1.2.3)
    "https://lab.example/hook",  # resolves into the allow-listed network
    "http://10.77.0.9:8080/hook",  # literal inside the allow-listed network
]


async def test_unsafe_or_malformed_urls_are_refused_naming_the_url(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, mongo_store: MongoStore
) -> None:
    outcomes = {url: await _outcome(stub, tenant, url) for url in REFUSED_URLS}
    assert outcomes == dict.fromkeys(REFUSED_URLS, REFUSED)
    assert await mongo_store.db["webhooks"].count_documents({}) == 0


async def test_public_and_allow_listed_urls_are_accepted(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    outcomes = {url: await _outcome(stub, tenant, url) for url in ACCEPTED_URLS}
    assert outcomes == dict.fromkeys(ACCEPTED_URLS, "created")


async def test_literal_addresses_and_local_names_never_reach_dns(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str, resolver: TableResolver
) -> None:
    for url in ("http://127.0.0.1/", "http://[::ffff:10.0.0.1]/", "http://localhost/"):
        assert await _outcome(stub, tenant, url) == REFUSED
    assert await _outcome(stub, tenant, "https://[2606:4700:4700::1111]/") == "created"
    assert resolver.asked == []


async def test_refusals_say_why(stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str) -> None:
    expected = {
        "http://[::ffff:127.0.0.1]/": "an IPv6 form of 127.0.0.1 (a loopback address)",
        "https://rebind.example/": "resolves to 10.0.0.8, a private address",
        "http://169.254.169.254/": "a link-local address",
        "https://unknown.example/": "cannot be resolved",
        "http://api.localhost/": "is this machine",
        "ftp://hooks.public.example/": "https:// or http://",
    }
    for url, reason in expected.items():
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.CreateWebhook(
                webhook_pb2.CreateWebhookRequest(
                    webhook=webhook_pb2.Webhook(
                        tenant_id=tenant, url=url, event_types=["order.created"]
                    )
                )
            )
        [violation] = field_violations(error.value)
        assert reason in violation.description, (url, violation.description)


async def test_an_update_to_a_private_url_is_refused(
    stub: webhook_pb2_grpc.WebhookServiceStub, tenant: str
) -> None:
    created = await stub.CreateWebhook(
        webhook_pb2.CreateWebhookRequest(
            webhook=webhook_pb2.Webhook(
                tenant_id=tenant, url="https://hooks.public.example/", event_types=["order.created"]
            )
        )
    )
    wid = created.webhook.id
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await stub.UpdateWebhook(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(
                    tenant_id=tenant, id=wid, url="https://intranet.example/"
                ),
                update_mask=FieldMask(paths=["url"]),
            )
        )
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [v.field for v in field_violations(error.value)] == ["webhook.url"]
    updated = await stub.UpdateWebhook(
        webhook_pb2.UpdateWebhookRequest(
            webhook=webhook_pb2.Webhook(
                tenant_id=tenant, id=wid, url="https://api.partner.example/"
            ),
            update_mask=FieldMask(paths=["url"]),
        )
    )
    assert updated.webhook.url == "https://api.partner.example/"
