"""GrpcServer in-process on port 0: health, reflection, rich errors, trace ids, shutdown."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from ims.v1 import tenant_pb2, tenant_pb2_grpc

from common.grpc.errors import FieldViolation, field_violations, invalid_argument, not_found
from common.grpc.server import GrpcServer, ServiceRegistration
from common.tracing import TRACE_METADATA_KEY, current_trace_id
from tests.support.auth import admin_channel

SERVICE = "ims.v1.TenantService"


class _Tenants(tenant_pb2_grpc.TenantServiceServicer):  # type: ignore[misc]
    """A tiny servicer that exercises the error paths of the interceptor."""

    async def GetTenant(  # noqa: N802 - generated method name
        self, request: tenant_pb2.GetTenantRequest, context: Any
    ) -> tenant_pb2.GetTenantResponse:
        if not request.id:
            raise invalid_argument([FieldViolation("id", "must not be empty")])
        if request.id != "t1":
            raise not_found("tenant", request.id)
        return tenant_pb2.GetTenantResponse(
            tenant=tenant_pb2.Tenant(id="t1", name=current_trace_id() or "no trace id")
        )


@pytest.fixture
async def server() -> AsyncIterator[GrpcServer]:
    server = GrpcServer(
        host="127.0.0.1",
        port=0,
        services=[
            ServiceRegistration(
                SERVICE,
                lambda s: tenant_pb2_grpc.add_TenantServiceServicer_to_server(_Tenants(), s),
            )
        ],
    )
    await server.start()
    yield server
    await server.stop(grace_s=1)


@pytest.fixture
async def channel(server: GrpcServer) -> AsyncIterator[grpc.aio.Channel]:
    async with admin_channel(f"127.0.0.1:{server.port}") as channel:
        yield channel


async def test_binds_an_ephemeral_port_and_reports_serving(
    server: GrpcServer, channel: grpc.aio.Channel
) -> None:
    assert server.port and server.port > 0
    health = health_pb2_grpc.HealthStub(channel)
    for service in ("", SERVICE):
        reply = await health.Check(health_pb2.HealthCheckRequest(service=service))
        assert reply.status == health_pb2.HealthCheckResponse.SERVING


async def test_reflection_lists_the_services(channel: grpc.aio.Channel) -> None:
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    call = stub.ServerReflectionInfo(
        iter([reflection_pb2.ServerReflectionRequest(list_services="")])
    )
    names = {s.name async for reply in call for s in reply.list_services_response.service}
    assert {SERVICE, "grpc.health.v1.Health"} <= names


async def test_invalid_argument_carries_field_violations(channel: grpc.aio.Channel) -> None:
    stub = tenant_pb2_grpc.TenantServiceStub(channel)
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.GetTenant(tenant_pb2.GetTenantRequest(id=""))
    assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_violations(raised.value) == [FieldViolation("id", "must not be empty")]


async def test_not_found_names_the_resource(channel: grpc.aio.Channel) -> None:
    stub = tenant_pb2_grpc.TenantServiceStub(channel)
    with pytest.raises(grpc.aio.AioRpcError) as raised:
        await stub.GetTenant(tenant_pb2.GetTenantRequest(id="nope"))
    assert raised.value.code() == grpc.StatusCode.NOT_FOUND
    assert "nope" in (raised.value.details() or "")


async def test_trace_id_from_metadata_reaches_the_handler_and_comes_back(
    channel: grpc.aio.Channel,
) -> None:
    stub = tenant_pb2_grpc.TenantServiceStub(channel)
    call = stub.GetTenant(
        tenant_pb2.GetTenantRequest(id="t1"), metadata=((TRACE_METADATA_KEY, "trace-abc"),)
    )
    reply = await call
    assert reply.tenant.name == "trace-abc"
    assert (TRACE_METADATA_KEY, "trace-abc") in tuple(await call.trailing_metadata())


async def test_graceful_stop_reports_not_serving_then_refuses() -> None:
    server = GrpcServer(host="127.0.0.1", port=0, services=[])
    port = await server.start()
    await server.stop(grace_s=0.5)
    async with admin_channel(f"127.0.0.1:{port}") as channel:
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=1
            )
    assert raised.value.code() == grpc.StatusCode.UNAVAILABLE
