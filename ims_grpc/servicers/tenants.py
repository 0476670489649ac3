"""ims.v1.TenantService: validate → repository → response."""

from __future__ import annotations

from typing import Any

import grpc
from ims.v1 import tenant_pb2, tenant_pb2_grpc

from common.grpc.errors import not_found
from ims_grpc.domain.catalog_writes import new_tenant, tenant_update
from ims_grpc.domain.listing import finish_page, list_query
from ims_grpc.domain.refs import tenant_ref
from ims_grpc.repositories.tenants import TenantRepository

Context = grpc.aio.ServicerContext[Any, Any]


def _id(tenant: tenant_pb2.Tenant) -> str:
    return tenant.id


class TenantServicer(tenant_pb2_grpc.TenantServiceServicer):
    def __init__(self, tenants: TenantRepository) -> None:
        self._tenants = tenants

    async def CreateTenant(  # noqa: N802
        self, request: tenant_pb2.CreateTenantRequest, context: Context
    ) -> tenant_pb2.CreateTenantResponse:
        created = await self._tenants.create(new_tenant(request.tenant))
        return tenant_pb2.CreateTenantResponse(tenant=created)

    async def GetTenant(  # noqa: N802
        self, request: tenant_pb2.GetTenantRequest, context: Context
    ) -> tenant_pb2.GetTenantResponse:
        tenant_id = tenant_ref(request.id)
        tenant = await self._tenants.get(tenant_id)
        if tenant is None:
            raise not_found("tenant", tenant_id)
        return tenant_pb2.GetTenantResponse(tenant=tenant)

    async def ListTenants(  # noqa: N802
        self, request: tenant_pb2.ListTenantsRequest, context: Context
    ) -> tenant_pb2.ListTenantsResponse:
        query = list_query(
            page_size_requested=request.page_size,
            page_token=request.page_token,
            ids=request.ids,
            codes=request.codes,
            tenant_id=None,
        )
        tenants, token = finish_page(await self._tenants.list_page(query), query, _id)
        return tenant_pb2.ListTenantsResponse(tenants=tenants, next_page_token=token)

    async def UpdateTenant(  # noqa: N802
        self, request: tenant_pb2.UpdateTenantRequest, context: Context
    ) -> tenant_pb2.UpdateTenantResponse:
        tenant_id, patch = tenant_update(request)
        updated = await self._tenants.update(tenant_id, patch)
        if updated is None:
            raise not_found("tenant", tenant_id)
        return tenant_pb2.UpdateTenantResponse(tenant=updated)

    async def DeleteTenant(  # noqa: N802
        self, request: tenant_pb2.DeleteTenantRequest, context: Context
    ) -> tenant_pb2.DeleteTenantResponse:
        tenant_id = tenant_ref(request.id)
        if not await self._tenants.delete(tenant_id):
            raise not_found("tenant", tenant_id)
        return tenant_pb2.DeleteTenantResponse()
