"""grpc.aio server life cycle: health, reflection, interceptors, graceful shutdown."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import grpc
from google.protobuf import descriptor_pool
from grpc.aio import ServerInterceptor
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from common.grpc.interceptors import ObservabilityInterceptor
from common.signals import wait_for_stop_signal

log = logging.getLogger(__name__)

Registrar = Callable[[grpc.aio.Server], None]


@dataclass(frozen=True)
class ServiceRegistration:
    """One gRPC service: its full name (e.g. "ims.v1.HubService") and how to add it."""

    name: str
    register: Registrar


class MethodAwarePool:
    """The descriptor pool reflection answers from, which also finds the file of a method
    (`grpcurl describe ims.v1.HubService.CreateHub`): protobuf's Python pool looks up
    messages, enums, services and extensions by name, but not methods."""

    def __init__(self, pool: descriptor_pool.DescriptorPool) -> None:
        self._pool = pool

    def FindFileContainingSymbol(self, name: str) -> Any:  # noqa: N802 (the pool's API)
        try:
            return self._pool.FindFileContainingSymbol(name)
        except KeyError:
            service, _, method = name.rpartition(".")
            if not service:
                raise
            return (
                self._pool.FindServiceByName(service)
                .methods_by_name[method]
                .containing_service.file
            )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pool, name)


class GrpcServer:
    """One grpc.aio server hosting a set of services plus health and reflection.

    Every service is published through reflection (so `grpcurl list` works) and gets its
    own health status.
    """

    def __init__(
        self,
        *,
        host: str,
        port: int,
        services: Sequence[ServiceRegistration],
        guard: ServerInterceptor | None = None,  # type: ignore[type-arg]
        max_message_bytes: int = 16 * 1024 * 1024,
        share_port: bool = False,
    ) -> None:
        """`guard`: the authentication interceptor (`common.grpc.auth.server_guard`); it runs
        inside the observability one, so its refusals are logged and localized like any
        other error. `share_port`: bind with SO_REUSEPORT, for the workers of one
        supervisor (`common/workers.py`); otherwise a port in use is an error."""
        self._address = f"{host}:{port}"
        self._service_names = [service.name for service in services]
        self._health = health.aio.HealthServicer()  # type: ignore[attr-defined]
        self._server = grpc.aio.server(
            interceptors=[ObservabilityInterceptor(), *([guard] if guard else [])],
            options=[
                ("grpc.max_receive_message_length", max_message_bytes),
                ("grpc.max_send_message_length", max_message_bytes),
                # Never silently share a port with another server (grpc's default is on),
                # unless this is one of several workers meant to.
                ("grpc.so_reuseport", 1 if share_port else 0),
            ],
        )
        for service in services:
            service.register(self._server)
        health_pb2_grpc.add_HealthServicer_to_server(self._health, self._server)
        reflection.enable_server_reflection(
            [
                *self._service_names,
                health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
                reflection.SERVICE_NAME,
            ],
            self._server,
            pool=MethodAwarePool(descriptor_pool.Default()),  # type: ignore[arg-type]
        )
        self.port: int | None = None

    @property
    def service_names(self) -> tuple[str, ...]:
        """The services hosted (health and reflection aside)."""
        return tuple(self._service_names)

    async def start(self) -> int:
        """Bind and start serving; returns the bound port (useful with port 0)."""
        self.port = self._server.add_insecure_port(self._address)
        await self._server.start()
        for name in ("", *self._service_names):
            await self._health.set(name, health_pb2.HealthCheckResponse.SERVING)
        log.info("grpc server started", extra={"address": self._address, "port": self.port})
        return self.port

    async def stop(self, grace_s: float = 10.0) -> None:
        """Report NOT_SERVING, stop accepting calls, let in-flight calls finish."""
        await self._health.enter_graceful_shutdown()
        await self._server.stop(grace_s)
        log.info("grpc server stopped")

    async def wait_for_termination(self) -> None:
        await self._server.wait_for_termination()


async def run_until_signalled(server: GrpcServer, grace_s: float) -> None:
    """Serve until SIGINT/SIGTERM, then shut down gracefully."""
    await wait_for_stop_signal()
    await server.stop(grace_s)
