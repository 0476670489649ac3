"""IMS and OMS composition roots boot on real dependencies; the edge sees them healthy."""

from __future__ import annotations

import falcon.testing
from grpc_health.v1 import health_pb2, health_pb2_grpc

from common.grpc.server import GrpcServer
from edge_rest.app import create_app
from edge_rest.settings import EdgeSettings
from tests.support.auth import admin_channel


async def _status(port: int) -> int:
    async with admin_channel(f"127.0.0.1:{port}") as channel:
        reply = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=5
        )
    return int(reply.status)


async def test_ims_and_oms_serve_health(ims_server: GrpcServer, oms_server: GrpcServer) -> None:
    assert ims_server.port and oms_server.port
    assert await _status(ims_server.port) == health_pb2.HealthCheckResponse.SERVING
    assert await _status(oms_server.port) == health_pb2.HealthCheckResponse.SERVING


async def test_edge_healthz_reports_both_services(
    ims_server: GrpcServer, oms_server: GrpcServer
) -> None:
    app = create_app(
        EdgeSettings(
            ims_target=f"127.0.0.1:{ims_server.port}",
            oms_target=f"127.0.0.1:{oms_server.port}",
            rpc_timeout_s=2,
        )
    )
    async with falcon.testing.ASGIConductor(app) as conductor:
        response = await conductor.simulate_get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "services": {"ims": "SERVING", "oms": "SERVING"}}


async def test_edge_healthz_is_503_when_a_service_is_down(ims_server: GrpcServer) -> None:
    app = create_app(
        EdgeSettings(
            ims_target=f"127.0.0.1:{ims_server.port}", oms_target="127.0.0.1:1", rpc_timeout_s=1
        )
    )
    async with falcon.testing.ASGIConductor(app) as conductor:
        response = await conductor.simulate_get("/healthz")
    assert response.status_code == 503
    assert response.json["services"]["ims"] == "SERVING"
    assert response.json["services"]["oms"].startswith("UNREACHABLE")
