"""Client side: every call on a channel carries the process's credential
(`authorization: Bearer <token>`, unless the call sets its own)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import grpc

from common.grpc.auth import AUTHORIZATION_METADATA_KEY


class _BearerMetadata:
    def __init__(self, token: str) -> None:
        self._header = (AUTHORIZATION_METADATA_KEY, f"Bearer {token}")

    def with_token(self, details: grpc.aio.ClientCallDetails) -> grpc.aio.ClientCallDetails:
        """`details` plus the header, unless the call sets its own credential."""
        metadata = grpc.aio.Metadata(*(details.metadata or ()))
        if AUTHORIZATION_METADATA_KEY not in metadata:
            metadata.add(*self._header)
        return grpc.aio.ClientCallDetails(
            details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
        )


# Two classes, not one with both bases: grpc.aio files each interceptor under the first
# kind it is an instance of, so a combined one would never see streaming calls.
class BearerUnaryUnary(_BearerMetadata, grpc.aio.UnaryUnaryClientInterceptor):  # type: ignore[type-arg]
    async def intercept_unary_unary(
        self, continuation: Any, client_call_details: grpc.aio.ClientCallDetails, request: Any
    ) -> Any:
        return await continuation(self.with_token(client_call_details), request)


class BearerUnaryStream(_BearerMetadata, grpc.aio.UnaryStreamClientInterceptor):  # type: ignore[type-arg]
    async def intercept_unary_stream(
        self, continuation: Any, client_call_details: grpc.aio.ClientCallDetails, request: Any
    ) -> Any:
        return await continuation(self.with_token(client_call_details), request)


class BearerStreamUnary(_BearerMetadata, grpc.aio.StreamUnaryClientInterceptor):  # type: ignore[type-arg]
    async def intercept_stream_unary(
        self,
        continuation: Any,
        client_call_details: grpc.aio.ClientCallDetails,
        request_iterator: Any,
    ) -> Any:
        return await continuation(self.with_token(client_call_details), request_iterator)


# Spread calls over every address the target resolves to (replicas behind one DNS name, as
# compose's service names and Kubernetes headless services give), instead of gRPC's default
# pick_first, which sends everything to the first address. One address: the same as before.
BALANCED: tuple[tuple[str, Any], ...] = (("grpc.lb_policy_name", "round_robin"),)


def authorized_channel(
    target: str, token: str | None, options: Sequence[tuple[str, Any]] = ()
) -> grpc.aio.Channel:
    """An insecure (loopback / in-cluster) channel whose calls carry `token`, if any, balanced
    over the target's addresses."""
    interceptors: list[Any] | None = (
        [BearerUnaryUnary(token), BearerUnaryStream(token), BearerStreamUnary(token)]
        if token
        else None
    )
    return grpc.aio.insecure_channel(
        target, options=[*BALANCED, *options], interceptors=interceptors
    )
