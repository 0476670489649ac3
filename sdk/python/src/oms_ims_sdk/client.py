"""An async client of both services: one channel per service, every stub on the right one,
the credential and a default deadline on every call, typed errors, gRPC retries."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import grpc
from iam.v1 import api_key_pb2_grpc, token_pb2_grpc
from ims.v1 import (
    category_pb2_grpc,
    hub_pb2_grpc,
    inventory_pb2_grpc,
    seller_pb2_grpc,
    sku_pb2_grpc,
    tenant_pb2_grpc,
)
from oms.v1 import dead_letter_pb2_grpc, order_pb2_grpc, upload_pb2_grpc, webhook_pb2_grpc

from oms_ims_sdk.errors import ApiError
from oms_ims_sdk.retry import RetryPolicy

DEFAULT_TIMEOUT_S = 30.0
# Uploads may be large: allow messages up to the servers' own limit (64 MiB).
MAX_MESSAGE_BYTES = 64 * 1024 * 1024


class _CallDefaults:
    """Adds the credential and, when the caller gave none, the default deadline."""

    def __init__(self, authorization: str | None, timeout_s: float | None) -> None:
        self._authorization = authorization
        self._timeout_s = timeout_s

    def _amend(self, details: grpc.aio.ClientCallDetails) -> grpc.aio.ClientCallDetails:
        metadata = grpc.aio.Metadata(*(details.metadata or ()))
        if self._authorization is not None and "authorization" not in metadata:
            metadata.add("authorization", self._authorization)
        return grpc.aio.ClientCallDetails(
            details.method,
            self._timeout_s if details.timeout is None else details.timeout,
            metadata,
            details.credentials,
            details.wait_for_ready,
        )


# One class per kind of call: grpc.aio files each interceptor under the first kind it is an
# instance of, so a class with every base would never see streaming calls.
class _UnaryUnary(_CallDefaults, grpc.aio.UnaryUnaryClientInterceptor):  # type: ignore[type-arg]
    """Also turns a failed call's error into its typed `ApiError`."""

    async def intercept_unary_unary(
        self, continuation: Any, client_call_details: grpc.aio.ClientCallDetails, request: Any
    ) -> Any:
        call = await continuation(self._amend(client_call_details), request)
        try:
            return await call
        except grpc.aio.AioRpcError as error:
            raise ApiError.of(error) from None


class _UnaryStream(_CallDefaults, grpc.aio.UnaryStreamClientInterceptor):  # type: ignore[type-arg]
    async def intercept_unary_stream(
        self, continuation: Any, client_call_details: grpc.aio.ClientCallDetails, request: Any
    ) -> Any:
        return await continuation(self._amend(client_call_details), request)


class _StreamUnary(_CallDefaults, grpc.aio.StreamUnaryClientInterceptor):  # type: ignore[type-arg]
    async def intercept_stream_unary(
        self,
        continuation: Any,
        client_call_details: grpc.aio.ClientCallDetails,
        request_iterator: Any,
    ) -> Any:
        return await continuation(self._amend(client_call_details), request_iterator)


class _StreamStream(_CallDefaults, grpc.aio.StreamStreamClientInterceptor):  # type: ignore[type-arg]
    async def intercept_stream_stream(
        self,
        continuation: Any,
        client_call_details: grpc.aio.ClientCallDetails,
        request_iterator: Any,
    ) -> Any:
        return await continuation(self._amend(client_call_details), request_iterator)


def open_channel(
    target: str,
    *,
    api_key: str | None = None,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    retry: RetryPolicy | None = None,
    credentials: grpc.ChannelCredentials | None = None,
) -> grpc.aio.Channel:
    """A channel to one service whose calls carry `api_key` (a tenant API key or an access
    token: `authorization: Bearer …`) and a deadline of `timeout_s` unless the call gives
    its own (`None`: no default deadline). Plaintext unless `credentials` are given
    (e.g. `grpc.ssl_channel_credentials()` behind a TLS-terminating proxy)."""
    options: Sequence[tuple[str, Any]] = [
        ("grpc.service_config", (retry or RetryPolicy()).service_config()),
        ("grpc.enable_retries", 1),
        ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
        ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
    ]
    authorization = None if api_key is None else f"Bearer {api_key}"
    interceptors: list[Any] = [
        kind(authorization, timeout_s)
        for kind in (_UnaryUnary, _UnaryStream, _StreamUnary, _StreamStream)
    ]
    if credentials is None:
        return grpc.aio.insecure_channel(target, options=options, interceptors=interceptors)
    return grpc.aio.secure_channel(target, credentials, options=options, interceptors=interceptors)


class Client:
    """The stubs of every service, IMS's on one channel and OMS's on the other.

    IMS: `tenants`, `sellers`, `categories`, `hubs`, `skus`, `inventory`, `api_keys`,
    `tokens`. OMS: `orders`, `uploads`, `webhooks`, `dead_letters`. Each is the generated
    `grpc.aio` stub: `await client.orders.GetOrder(order_pb2.GetOrderRequest(...))`.
    """

    def __init__(self, ims: grpc.aio.Channel, oms: grpc.aio.Channel) -> None:
        self.ims_channel = ims
        self.oms_channel = oms
        self.tenants = tenant_pb2_grpc.TenantServiceStub(ims)
        self.sellers = seller_pb2_grpc.SellerServiceStub(ims)
        self.categories = category_pb2_grpc.CategoryServiceStub(ims)
        self.hubs = hub_pb2_grpc.HubServiceStub(ims)
        self.skus = sku_pb2_grpc.SkuServiceStub(ims)
        self.inventory = inventory_pb2_grpc.InventoryServiceStub(ims)
        self.api_keys = api_key_pb2_grpc.ApiKeyServiceStub(ims)
        self.tokens = token_pb2_grpc.TokenServiceStub(ims)
        self.orders = order_pb2_grpc.OrderServiceStub(oms)
        self.uploads = upload_pb2_grpc.UploadServiceStub(oms)
        self.webhooks = webhook_pb2_grpc.WebhookServiceStub(oms)
        self.dead_letters = dead_letter_pb2_grpc.DeadLetterServiceStub(oms)

    async def close(self) -> None:
        await self.ims_channel.close(None)
        await self.oms_channel.close(None)


@asynccontextmanager
async def connect(
    *,
    ims_target: str,
    oms_target: str,
    api_key: str | None = None,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    retry: RetryPolicy | None = None,
    credentials: grpc.ChannelCredentials | None = None,
) -> AsyncIterator[Client]:
    """A `Client` of the IMS at `ims_target` and the OMS at `oms_target` (host:port), closed
    on exit. See `open_channel` for the other arguments."""

    def channel(target: str) -> grpc.aio.Channel:
        return open_channel(
            target, api_key=api_key, timeout_s=timeout_s, retry=retry, credentials=credentials
        )

    client = Client(channel(ims_target), channel(oms_target))
    try:
        yield client
    finally:
        await client.close()
