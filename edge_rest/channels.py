"""gRPC channels to the services, opened/closed with the ASGI server's life cycle."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import grpc

from common.grpc.credentials import BALANCED

Stub = TypeVar("Stub")


class ServiceChannels:
    """Falcon middleware: aio channels must be created inside the server's event loop."""

    def __init__(self, targets: dict[str, str]) -> None:
        self._targets = dict(targets)
        self._channels: dict[str, grpc.aio.Channel] = {}
        self._stubs: dict[tuple[str, Any], Any] = {}

    def __getitem__(self, name: str) -> grpc.aio.Channel:
        return self._channels[name]

    def stub(self, name: str, factory: Callable[[grpc.aio.Channel], Stub]) -> Callable[[], Stub]:
        """A getter of `factory`'s stub on the channel `name` (made once it is open)."""

        def get() -> Stub:
            key = (name, factory)
            if key not in self._stubs:
                self._stubs[key] = factory(self._channels[name])
            stub: Stub = self._stubs[key]
            return stub

        return get

    def names(self) -> list[str]:
        return list(self._targets)

    async def process_startup(self, scope: object, event: object) -> None:
        for name, target in self._targets.items():
            self._channels[name] = grpc.aio.insecure_channel(target, options=BALANCED)

    async def process_shutdown(self, scope: object, event: object) -> None:
        for channel in self._channels.values():
            await channel.close(grace=None)
        self._channels.clear()
        self._stubs.clear()
