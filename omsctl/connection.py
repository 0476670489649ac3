"""The CLI's channels to IMS and OMS: one each, every call carrying the operator's
credential and the CLI's deadline."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from iam.v1 import api_key_pb2_grpc
from ims.v1 import (
    hub_pb2_grpc,
    inventory_pb2_grpc,
    seller_pb2_grpc,
    sku_pb2_grpc,
    tenant_pb2_grpc,
)
from oms.v1 import dead_letter_pb2_grpc, order_pb2_grpc, upload_pb2_grpc, webhook_pb2_grpc

from common.grpc.credentials import authorized_channel


@dataclass(frozen=True)
class Target:
    """Where the servers are, the credential (a tenant API key, or the admin token) and the
    deadline of each call. `OMSCTL_IMS`, `OMSCTL_OMS`, `OMSCTL_TOKEN`, `OMSCTL_TIMEOUT_S`
    give the defaults."""

    ims: str
    oms: str
    token: str | None
    timeout_s: float

    @classmethod
    def from_environment(cls) -> Target:
        return cls(
            ims=os.environ.get("OMSCTL_IMS", "127.0.0.1:50051"),
            oms=os.environ.get("OMSCTL_OMS", "127.0.0.1:50052"),
            token=os.environ.get("OMSCTL_TOKEN") or None,
            timeout_s=float(os.environ.get("OMSCTL_TIMEOUT_S", "10")),
        )


class Services:
    """The stubs of both servers, on one channel each."""

    def __init__(self, ims_channel: object, oms_channel: object, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self.tenants = tenant_pb2_grpc.TenantServiceStub(ims_channel)
        self.api_keys = api_key_pb2_grpc.ApiKeyServiceStub(ims_channel)
        self.sellers = seller_pb2_grpc.SellerServiceStub(ims_channel)
        self.hubs = hub_pb2_grpc.HubServiceStub(ims_channel)
        self.skus = sku_pb2_grpc.SkuServiceStub(ims_channel)
        self.inventory = inventory_pb2_grpc.InventoryServiceStub(ims_channel)
        self.orders = order_pb2_grpc.OrderServiceStub(oms_channel)
        self.uploads = upload_pb2_grpc.UploadServiceStub(oms_channel)
        self.webhooks = webhook_pb2_grpc.WebhookServiceStub(oms_channel)
        self.dead_letters = dead_letter_pb2_grpc.DeadLetterServiceStub(oms_channel)


@asynccontextmanager
async def connect(target: Target) -> AsyncIterator[Services]:
    ims = authorized_channel(target.ims, target.token)
    oms = authorized_channel(target.oms, target.token)
    try:
        yield Services(ims, oms, target.timeout_s)
    finally:
        await ims.close(None)
        await oms.close(None)
