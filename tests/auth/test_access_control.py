"""Every RPC of every service IMS and OMS host, walked from their descriptors (so an RPC
added later is walked too), against the real servers: each refuses a missing, malformed,
wrong, revoked and other-tenant credential, and a read-only key cannot write."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import grpc
import pytest
from google.protobuf import message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from iam.v1 import access_pb2, api_key_pb2, api_key_pb2_grpc
from ims.v1 import hub_pb2, hub_pb2_grpc, seller_pb2, seller_pb2_grpc

from common.grpc.auth import OPEN_SERVICES, service_descriptors
from common.grpc.server import GrpcServer
from tests.auth.access_support import TenantKeys, tenant_with_keys
from tests.support.auth import ADMIN_TOKEN, bearer, service_credential

UNAUTHENTICATED = grpc.StatusCode.UNAUTHENTICATED
DENIED = grpc.StatusCode.PERMISSION_DENIED
REFUSALS = {UNAUTHENTICATED, DENIED}
TENANT_SCOPED = (access_pb2.ACCESS_READ, access_pb2.ACCESS_WRITE, access_pb2.ACCESS_TENANT_KEY)


@dataclass(frozen=True)
class Rpc:
    target: str  # "127.0.0.1:port"
    method: MethodDescriptor

    @property
    def path(self) -> str:
        return f"/{self.method.containing_service.full_name}/{self.method.name}"

    @property
    def access(self) -> int:
        rule = self.method.GetOptions().Extensions[access_pb2.access]
        return int(rule.access)

    @property
    def tenant_field(self) -> str:
        rule = self.method.GetOptions().Extensions[access_pb2.access]
        return rule.tenant_field or "tenant_id"

    def request(self, tenant_id: str = "") -> Any:
        message = message_factory.GetMessageClass(self.method.input_type)()
        if tenant_id and self.access in TENANT_SCOPED:
            *parents, leaf = self.tenant_field.split(".")
            target = message
            for name in parents:
                target = getattr(target, name)
            setattr(target, leaf, tenant_id)
        return message

    def __str__(self) -> str:
        return self.path


def _hosted(server: GrpcServer) -> list[str]:
    return [name for name in server.service_names if name not in OPEN_SERVICES]


async def _call(
    channel: grpc.aio.Channel, rpc: Rpc, request: Any, token: str | None
) -> grpc.StatusCode:
    serialize = type(request).SerializeToString
    metadata = bearer(token) if token is not None else ()
    try:
        if rpc.method.client_streaming:  # the request is the stream's first message
            client_stream = channel.stream_unary(rpc.path, request_serializer=serialize)
            await client_stream(iter([request]), metadata=metadata, timeout=10)
        elif rpc.method.server_streaming:
            stream = channel.unary_stream(rpc.path, request_serializer=serialize)
            async for _ in stream(request, metadata=metadata, timeout=10):
                break
        else:
            unary = channel.unary_unary(rpc.path, request_serializer=serialize)
            await unary(request, metadata=metadata, timeout=10)
    except grpc.aio.AioRpcError as exc:
        return exc.code()
    return grpc.StatusCode.OK


@pytest.fixture
async def world(
    ims_server: GrpcServer, oms_server: GrpcServer, ims_channel: grpc.aio.Channel
) -> AsyncIterator[tuple[list[Rpc], TenantKeys, TenantKeys, dict[str, grpc.aio.Channel]]]:
    rpcs = [
        Rpc(f"127.0.0.1:{server.port}", method)
        for server in (ims_server, oms_server)
        for service in service_descriptors(_hosted(server))
        for method in service.methods
    ]
    acme = await tenant_with_keys(ims_channel, "acme")
    globex = await tenant_with_keys(ims_channel, "globex")
    channels = {target: grpc.aio.insecure_channel(target) for target in {r.target for r in rpcs}}
    try:
        yield rpcs, acme, globex, channels
    finally:
        for channel in channels.values():
            await channel.close()


async def test_the_walk_covers_every_hosted_rpc(
    world: tuple[list[Rpc], TenantKeys, TenantKeys, dict[str, grpc.aio.Channel]],
) -> None:
    rpcs, *_ = world
    paths = {r.path for r in rpcs}
    # One from each service, so the walk cannot silently shrink to nothing.
    for path in (
        "/ims.v1.TenantService/CreateTenant",
        "/ims.v1.InventoryService/ReserveInventory",
        "/iam.v1.ApiKeyService/AuthenticateApiKey",
        "/iam.v1.TokenService/IssueToken",
        "/oms.v1.OrderService/CancelOrder",
        "/oms.v1.UploadService/GetErrorFile",
        "/oms.v1.WebhookService/RetryWebhookDelivery",
    ):
        assert path in paths
    assert len(rpcs) >= 50
    assert all(r.access != access_pb2.ACCESS_UNSPECIFIED for r in rpcs)


async def test_every_rpc_refuses_calls_without_a_valid_credential(
    world: tuple[list[Rpc], TenantKeys, TenantKeys, dict[str, grpc.aio.Channel]],
) -> None:
    rpcs, acme, _, channels = world
    key_id = acme.read_write.split("_")[1]
    wrong_secret = f"tk_{key_id}_{'A' * 43}"
    invalid = {
        "missing": None,
        "malformed": "not-a-key",
        "wrong": wrong_secret,
        "revoked": acme.revoked,
        "forged service": "svc_oms_" + "A" * 43,
    }
    for rpc in rpcs:
        for label, token in invalid.items():
            code = await _call(channels[rpc.target], rpc, rpc.request(acme.tenant_id), token)
            assert code is UNAUTHENTICATED, f"{rpc} with a {label} credential: {code}"


async def test_tenant_keys_reach_their_own_tenant_only_and_read_only_keys_cannot_write(
    world: tuple[list[Rpc], TenantKeys, TenantKeys, dict[str, grpc.aio.Channel]],
) -> None:
    rpcs, acme, globex, channels = world
    for rpc in rpcs:
        channel = channels[rpc.target]
        # Another tenant's key, naming this tenant: refused whatever the RPC.
        code = await _call(channel, rpc, rpc.request(acme.tenant_id), globex.read_write)
        assert code is DENIED, f"{rpc} with another tenant's key: {code}"
        own = rpc.request(acme.tenant_id)
        full = await _call(channel, rpc, own, acme.read_write)
        read_only = await _call(channel, rpc, rpc.request(acme.tenant_id), acme.read_only)
        if rpc.access == access_pb2.ACCESS_READ:
            assert full not in REFUSALS, f"{rpc}: a read-write key was refused ({full})"
            assert read_only not in REFUSALS, f"{rpc}: a read key was refused ({read_only})"
        elif rpc.access == access_pb2.ACCESS_WRITE:
            assert full not in REFUSALS, f"{rpc}: a read-write key was refused ({full})"
            assert read_only is DENIED, f"{rpc}: a read-only key could write ({read_only})"
        elif rpc.access == access_pb2.ACCESS_TENANT_KEY:
            assert full not in REFUSALS, f"{rpc}: a read-write key was refused ({full})"
            assert read_only not in REFUSALS, f"{rpc}: a read key was refused ({read_only})"
        else:  # admin and internal RPCs: no tenant key at all
            assert full is DENIED, f"{rpc}: a tenant key got through ({full})"
            assert read_only is DENIED, f"{rpc}: a tenant key got through ({read_only})"


async def test_services_and_the_admin_pass_where_their_rules_allow(
    world: tuple[list[Rpc], TenantKeys, TenantKeys, dict[str, grpc.aio.Channel]],
) -> None:
    rpcs, acme, _, channels = world
    admin_token = ADMIN_TOKEN
    service = service_credential("order-finalizer")
    for rpc in rpcs:
        channel = channels[rpc.target]
        as_admin = await _call(channel, rpc, rpc.request(acme.tenant_id), admin_token)
        as_service = await _call(channel, rpc, rpc.request(acme.tenant_id), service)
        if rpc.access == access_pb2.ACCESS_TENANT_KEY:
            assert as_admin is DENIED, f"{rpc}: the admin acted as a key ({as_admin})"
            assert as_service is DENIED, f"{rpc}: a service acted as a key ({as_service})"
            continue
        assert as_admin not in REFUSALS, f"{rpc}: the admin was refused ({as_admin})"
        if rpc.access == access_pb2.ACCESS_ADMIN:
            assert as_service is DENIED, f"{rpc}: a service did admin work ({as_service})"
        else:
            assert as_service not in REFUSALS, f"{rpc}: a service was refused ({as_service})"


async def test_the_tenant_comes_from_the_key_and_other_tenants_resources_are_not_found(
    ims_channel: grpc.aio.Channel, ims_server: GrpcServer
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    globex = await tenant_with_keys(ims_channel, "globex")
    async with grpc.aio.insecure_channel(f"127.0.0.1:{ims_server.port}") as channel:
        hubs = hub_pb2_grpc.HubServiceStub(channel)
        # No tenant_id in the requests: the key's tenant.
        seller = await seller_pb2_grpc.SellerServiceStub(channel).CreateSeller(
            seller_pb2.CreateSellerRequest(seller=seller_pb2.Seller(name="Shop", code="shop")),
            metadata=bearer(acme.read_write),
        )
        assert seller.seller.tenant_id == acme.tenant_id
        created = await hubs.CreateHub(
            hub_pb2.CreateHubRequest(
                hub=hub_pb2.Hub(seller_id=seller.seller.id, name="Main", code="main")
            ),
            metadata=bearer(acme.read_write),
        )
        assert created.hub.tenant_id == acme.tenant_id
        got = await hubs.GetHub(
            hub_pb2.GetHubRequest(id=created.hub.id), metadata=bearer(acme.read_only)
        )
        assert got.hub == created.hub
        with pytest.raises(grpc.aio.AioRpcError) as other:
            await hubs.GetHub(
                hub_pb2.GetHubRequest(id=created.hub.id), metadata=bearer(globex.read_write)
            )
        assert other.value.code() is grpc.StatusCode.NOT_FOUND
        # Naming the tenant explicitly is fine when it is the key's own ...
        listed = await hubs.ListHubs(
            hub_pb2.ListHubsRequest(tenant_id=acme.tenant_id), metadata=bearer(acme.read_only)
        )
        assert [h.id for h in listed.hubs] == [created.hub.id]
        # ... and refused, naming the field, when it is not.
        with pytest.raises(grpc.aio.AioRpcError) as mismatch:
            await hubs.ListHubs(
                hub_pb2.ListHubsRequest(tenant_id=acme.tenant_id),
                metadata=bearer(globex.read_only),
            )
        assert mismatch.value.code() is DENIED
        assert "tenant_id" in (mismatch.value.details() or "")


async def test_keys_are_shown_once_stored_hashed_and_listed_without_secrets(
    ims_channel: grpc.aio.Channel, pg_connection: Any
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    keys = api_key_pb2_grpc.ApiKeyServiceStub(ims_channel)
    listed = await keys.ListApiKeys(api_key_pb2.ListApiKeysRequest(tenant_id=acme.tenant_id))
    assert {k.name for k in listed.api_keys} == {"integration", "dashboard", "leaked"}
    assert [k.HasField("revoke_time") for k in listed.api_keys if k.name == "leaked"] == [True]
    text = str(listed)
    for secret in (acme.read_write, acme.read_only, acme.revoked):
        assert secret.split("_", 2)[2] not in text
    rows = await pg_connection.fetch("SELECT secret_hash::text AS h FROM api_keys")
    for secret in (acme.read_write, acme.read_only, acme.revoked):
        assert all(secret.split("_", 2)[2] not in row["h"] for row in rows)


async def test_a_flooding_key_is_limited_while_another_tenants_calls_go_through(
    ims_channel: grpc.aio.Channel, ims_server: GrpcServer
) -> None:
    acme = await tenant_with_keys(ims_channel, "acme")
    globex = await tenant_with_keys(ims_channel, "globex")
    keys = api_key_pb2_grpc.ApiKeyServiceStub(ims_channel)
    limited = await keys.CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=acme.tenant_id,
            name="noisy",
            scopes=[api_key_pb2.SCOPE_READ],
            # Refills one call per 100 s: however slow this machine, the flood outruns it.
            rate_limit=api_key_pb2.RateLimit(per_second=0.01, burst=5),
        )
    )
    async with grpc.aio.insecure_channel(f"127.0.0.1:{ims_server.port}") as channel:
        hubs = hub_pb2_grpc.HubServiceStub(channel)
        outcomes: list[grpc.StatusCode] = []
        exhausted: grpc.aio.AioRpcError | None = None
        others: list[grpc.StatusCode] = []
        for _ in range(40):
            try:
                await hubs.ListHubs(hub_pb2.ListHubsRequest(), metadata=bearer(limited.secret))
                outcomes.append(grpc.StatusCode.OK)
            except grpc.aio.AioRpcError as exc:
                outcomes.append(exc.code())
                exhausted = exc
            # Interleaved: the other tenant calls while the flood goes on.
            try:
                await hubs.ListHubs(hub_pb2.ListHubsRequest(), metadata=bearer(globex.read_only))
                others.append(grpc.StatusCode.OK)
            except grpc.aio.AioRpcError as exc:
                others.append(exc.code())
    assert others == [grpc.StatusCode.OK] * 40
    assert 5 <= outcomes.count(grpc.StatusCode.OK) <= 6  # the burst (+ at most one refill)
    assert set(outcomes) == {grpc.StatusCode.OK, grpc.StatusCode.RESOURCE_EXHAUSTED}
    assert exhausted is not None
    trailers = dict(exhausted.trailing_metadata() or ())
    assert int(trailers["retry-after"]) >= 1
    status = rpc_status.from_call(exhausted)  # type: ignore[arg-type]
    assert status is not None
    [retry] = [d for d in status.details if d.Is(error_details_pb2.RetryInfo.DESCRIPTOR)]
    info = error_details_pb2.RetryInfo()
    retry.Unpack(info)
    assert info.retry_delay.ToMilliseconds() > 0
