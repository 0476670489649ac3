"""GET /healthz: the edge is up and can reach both services over gRPC."""

from __future__ import annotations

import falcon
import falcon.asgi
import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from edge_rest.channels import ServiceChannels


class HealthResource:
    def __init__(self, channels: ServiceChannels, timeout_s: float) -> None:
        self._channels = channels
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        services: dict[str, str] = {}
        for name in self._channels.names():
            stub = health_pb2_grpc.HealthStub(self._channels[name])
            try:
                reply = await stub.Check(health_pb2.HealthCheckRequest(), timeout=self._timeout_s)
                services[name] = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
            except grpc.aio.AioRpcError as exc:
                services[name] = f"UNREACHABLE ({exc.code().name})"
        healthy = all(status == "SERVING" for status in services.values())
        resp.status = falcon.HTTP_200 if healthy else falcon.HTTP_503
        resp.media = {"status": "ok" if healthy else "degraded", "services": services}
