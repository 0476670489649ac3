"""Tenants and keys for the access-control tests, made through the public API as the admin."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import grpc
from iam.v1 import api_key_pb2, api_key_pb2_grpc
from ims.v1 import tenant_pb2, tenant_pb2_grpc


@dataclass(frozen=True)
class TenantKeys:
    tenant_id: str
    read_write: str
    read_only: str
    revoked: str


async def tenant_with_keys(admin: grpc.aio.Channel, name: str) -> TenantKeys:
    tenants = tenant_pb2_grpc.TenantServiceStub(admin)
    keys = api_key_pb2_grpc.ApiKeyServiceStub(admin)
    code = f"{name}-{uuid.uuid4().hex[:8]}"
    created = await tenants.CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=name, code=code))
    )
    tenant_id = created.tenant.id

    async def key(label: str, *scopes: int) -> api_key_pb2.CreateApiKeyResponse:
        reply: api_key_pb2.CreateApiKeyResponse = await keys.CreateApiKey(
            api_key_pb2.CreateApiKeyRequest(tenant_id=tenant_id, name=label, scopes=scopes)
        )
        return reply

    read_write = await key("integration", api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE)
    read_only = await key("dashboard", api_key_pb2.SCOPE_READ)
    revoked = await key("leaked", api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE)
    await keys.RevokeApiKey(
        api_key_pb2.RevokeApiKeyRequest(tenant_id=tenant_id, id=revoked.api_key.id)
    )
    return TenantKeys(tenant_id, read_write.secret, read_only.secret, revoked.secret)
