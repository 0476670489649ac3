"""`authorized_channel` spreads calls over every address its target resolves to (replicas
behind one name), where gRPC's default policy would send all of them to the first."""

from __future__ import annotations

from collections import Counter

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from common.grpc.credentials import authorized_channel


class _CountingHealth(health.aio.HealthServicer):  # type: ignore[misc]
    def __init__(self, name: str, calls: Counter[str]) -> None:
        super().__init__()
        self._name, self._calls = name, calls

    async def Check(  # noqa: N802 - the generated method name
        self, request: health_pb2.HealthCheckRequest, context: grpc.aio.ServicerContext
    ) -> health_pb2.HealthCheckResponse:
        self._calls[self._name] += 1
        return health_pb2.HealthCheckResponse(status=health_pb2.HealthCheckResponse.SERVING)


async def test_calls_are_spread_over_every_resolved_address() -> None:
    calls: Counter[str] = Counter()
    servers, ports = [], []
    for name in ("first", "second"):
        server = grpc.aio.server()
        health_pb2_grpc.add_HealthServicer_to_server(_CountingHealth(name, calls), server)
        ports.append(server.add_insecure_port("127.0.0.1:0"))
        await server.start()
        servers.append(server)
    # One target, two addresses: what a DNS name of two replicas resolves to.
    target = "ipv4:" + ",".join(f"127.0.0.1:{port}" for port in ports)
    channel = authorized_channel(target, token=None)
    try:
        stub = health_pb2_grpc.HealthStub(channel)
        for _ in range(20):
            await stub.Check(health_pb2.HealthCheckRequest(), wait_for_ready=True, timeout=10)
    finally:
        await channel.close()
        for server in servers:
            await server.stop(None)
    # Round robin over the subchannels that are ready: about half each (the first calls may
    # go to whichever connected first); pick_first would send all 20 to one server.
    assert sum(calls.values()) == 20 and min(calls["first"], calls["second"]) >= 5, calls
