"""iam.v1.ApiKeyService: tenant API keys, and key checks for OMS."""

from __future__ import annotations

from typing import Any

import grpc
from iam.v1 import api_key_pb2, api_key_pb2_grpc

from common.auth.credentials import (
    MalformedCredentialError,
    TenantKeyCredential,
    new_tenant_key,
    parse_authorization,
)
from common.errors import FieldViolation
from common.grpc.errors import invalid_argument, not_found
from common.grpc.server import ServiceRegistration
from common.pagination import page_size
from common.texts import t
from ims_grpc.domain.refs import tenant_ref
from ims_grpc.repositories.api_keys import ApiKeyRepository
from ims_grpc.servicers import api_key_messages as messages

Context = grpc.aio.ServicerContext[Any, Any]

SERVICE_NAME = api_key_pb2.DESCRIPTOR.services_by_name["ApiKeyService"].full_name


class ApiKeyServicer(api_key_pb2_grpc.ApiKeyServiceServicer):
    def __init__(self, keys: ApiKeyRepository) -> None:
        self._keys = keys

    async def CreateApiKey(  # noqa: N802
        self, request: api_key_pb2.CreateApiKeyRequest, context: Context
    ) -> api_key_pb2.CreateApiKeyResponse:
        wanted = messages.parse_create(request)
        key = new_tenant_key()
        record = await self._keys.create(wanted, key_id=key.key_id, secret_hash=key.secret_hash)
        return api_key_pb2.CreateApiKeyResponse(api_key=messages.to_proto(record), secret=key.token)

    async def ListApiKeys(  # noqa: N802
        self, request: api_key_pb2.ListApiKeysRequest, context: Context
    ) -> api_key_pb2.ListApiKeysResponse:
        tenant_id = tenant_ref(request.tenant_id, field="tenant_id")
        size = page_size(request.page_size)
        after = messages.page_after(tenant_id, request.page_token)
        records = await self._keys.list_page(tenant_id, after, size + 1)
        page, more = records[:size], len(records) > size
        return api_key_pb2.ListApiKeysResponse(
            api_keys=[messages.to_proto(r) for r in page],
            next_page_token=messages.next_page_token(tenant_id, page[-1]) if more else "",
        )

    async def RevokeApiKey(  # noqa: N802
        self, request: api_key_pb2.RevokeApiKeyRequest, context: Context
    ) -> api_key_pb2.RevokeApiKeyResponse:
        tenant_id = tenant_ref(request.tenant_id, field="tenant_id")
        if not request.id:
            raise invalid_argument([FieldViolation("id", t("is required"))])
        record = await self._keys.revoke(tenant_id, request.id)
        if record is None:
            raise not_found("api_key", request.id)
        return api_key_pb2.RevokeApiKeyResponse(api_key=messages.to_proto(record))

    async def AuthenticateApiKey(  # noqa: N802
        self, request: api_key_pb2.AuthenticateApiKeyRequest, context: Context
    ) -> api_key_pb2.AuthenticateApiKeyResponse:
        try:
            credential = parse_authorization(f"Bearer {request.key}")
        except MalformedCredentialError:
            credential = None
        record = None
        if isinstance(credential, TenantKeyCredential):
            record = await self._keys.authenticate(credential)
        if record is None:  # unknown, revoked, wrong secret or not a key: one answer
            raise not_found("api_key", "given")
        return api_key_pb2.AuthenticateApiKeyResponse(api_key=messages.to_proto(record))


def api_key_service(servicer: ApiKeyServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: api_key_pb2_grpc.add_ApiKeyServiceServicer_to_server(servicer, server),
    )
