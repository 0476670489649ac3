"""Helpers for the catalogue RPC tests: stubs on one channel, builders, error assertions."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from ims.v1 import (
    category_pb2,
    category_pb2_grpc,
    common_pb2,
    hub_pb2,
    hub_pb2_grpc,
    seller_pb2,
    seller_pb2_grpc,
    sku_pb2,
    sku_pb2_grpc,
    tenant_pb2,
    tenant_pb2_grpc,
)

from common.grpc.errors import field_violations


@dataclass(frozen=True)
class Catalogue:
    tenants: tenant_pb2_grpc.TenantServiceStub
    sellers: seller_pb2_grpc.SellerServiceStub
    categories: category_pb2_grpc.CategoryServiceStub
    hubs: hub_pb2_grpc.HubServiceStub
    skus: sku_pb2_grpc.SkuServiceStub

    @classmethod
    def on(cls, channel: grpc.aio.Channel) -> Catalogue:
        return cls(
            tenant_pb2_grpc.TenantServiceStub(channel),
            seller_pb2_grpc.SellerServiceStub(channel),
            category_pb2_grpc.CategoryServiceStub(channel),
            hub_pb2_grpc.HubServiceStub(channel),
            sku_pb2_grpc.SkuServiceStub(channel),
        )

    async def tenant(self, code: str | None = None) -> tenant_pb2.Tenant:
        code = code or f"t-{uuid.uuid4().hex[:12]}"
        reply = await self.tenants.CreateTenant(
            tenant_pb2.CreateTenantRequest(
                tenant=tenant_pb2.Tenant(name=f"Tenant {code}", code=code)
            )
        )
        return reply.tenant

    async def seller(self, tenant_id: str, code: str = "seller") -> seller_pb2.Seller:
        reply = await self.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(
                seller=seller_pb2.Seller(
                    tenant_id=tenant_id, name=f"Seller {code}", code=code, email="ops@example.com"
                )
            )
        )
        return reply.seller

    async def category(
        self, tenant_id: str, code: str = "cat", parent_id: str | None = None
    ) -> category_pb2.Category:
        category = category_pb2.Category(tenant_id=tenant_id, name=f"Category {code}", code=code)
        if parent_id is not None:
            category.parent_id = parent_id
        reply = await self.categories.CreateCategory(
            category_pb2.CreateCategoryRequest(category=category)
        )
        return reply.category

    async def hub(
        self, tenant_id: str, seller_id: str, code: str = "hub-1", **fields: Any
    ) -> hub_pb2.Hub:
        hub = hub_pb2.Hub(
            tenant_id=tenant_id, seller_id=seller_id, name=f"Hub {code}", code=code, **fields
        )
        reply = await self.hubs.CreateHub(hub_pb2.CreateHubRequest(hub=hub))
        return reply.hub

    async def sku(
        self, tenant_id: str, seller_id: str, code: str = "sku-1", **fields: Any
    ) -> sku_pb2.Sku:
        sku = sku_pb2.Sku(
            tenant_id=tenant_id, seller_id=seller_id, name=f"SKU {code}", code=code, **fields
        )
        reply = await self.skus.CreateSku(sku_pb2.CreateSkuRequest(sku=sku))
        return reply.sku


def full_hub_fields() -> dict[str, Any]:
    return {
        "location": common_pb2.Location(latitude=12.9716, longitude=77.5946),
        "address": common_pb2.Address(
            lines=["12 MG Road", "Floor 3"],
            city="Bengaluru",
            region="Karnataka",
            postal_code="560001",
            country_code="IN",
        ),
        "contact": common_pb2.Contact(name="Desk", email="desk@example.com", phone="+919876543210"),
    }


async def rpc_error(call: Awaitable[Any], code: grpc.StatusCode) -> grpc.aio.AioRpcError:
    """Await a call that must fail with `code`; returns the error for further checks."""
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert caught.value.code() == code, caught.value.details()
    return caught.value


def violated_fields(error: grpc.aio.AioRpcError) -> set[str]:
    return {violation.field for violation in field_violations(error)}


def error_reason(error: grpc.aio.AioRpcError) -> str:
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None
    for detail in status.details:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            return info.reason
    raise AssertionError("no ErrorInfo in the status")
