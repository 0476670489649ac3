"""iam.v1 API key messages ↔ the domain's key records and requests."""

from __future__ import annotations

from datetime import datetime

from iam.v1 import api_key_pb2

from common.auth.principal import Scope
from common.pagination import PageCursor, decode_token, encode_token, filter_fingerprint
from common.timestamps import to_timestamp
from ims_grpc.domain.api_keys import ApiKeyRecord, ApiKeyRequest, api_key_request

_SCOPE_FROM_PROTO = {api_key_pb2.SCOPE_READ: Scope.READ, api_key_pb2.SCOPE_WRITE: Scope.WRITE}
_SCOPE_TO_PROTO = {scope: value for value, scope in _SCOPE_FROM_PROTO.items()}


def parse_create(request: api_key_pb2.CreateApiKeyRequest) -> ApiKeyRequest:
    return api_key_request(
        tenant_id=request.tenant_id,
        name=request.name,
        scopes=[_SCOPE_FROM_PROTO.get(value) for value in request.scopes],
        rate_per_s=request.rate_limit.per_second,
        rate_burst=request.rate_limit.burst,
    )


def to_proto(record: ApiKeyRecord) -> api_key_pb2.ApiKey:
    message = api_key_pb2.ApiKey(
        id=record.id,
        tenant_id=record.tenant_id,
        name=record.name,
        scopes=sorted(_SCOPE_TO_PROTO[scope] for scope in record.scopes),
        create_time=to_timestamp(record.create_time),
    )
    if record.rate_limit is not None:
        message.rate_limit.per_second = record.rate_limit.per_second
        message.rate_limit.burst = record.rate_limit.burst
    if record.last_used_time is not None:
        message.last_used_time.CopyFrom(to_timestamp(record.last_used_time))
    if record.revoke_time is not None:
        message.revoke_time.CopyFrom(to_timestamp(record.revoke_time))
    return message


def page_after(tenant_id: str, token: str) -> tuple[datetime, str] | None:
    cursor = decode_token(token, filter_fingerprint({"tenant_id": tenant_id}))
    if cursor is None:
        return None
    created, key_id = cursor.after
    return datetime.fromisoformat(created), key_id


def next_page_token(tenant_id: str, last: ApiKeyRecord) -> str:
    fingerprint = filter_fingerprint({"tenant_id": tenant_id})
    return encode_token(PageCursor([last.create_time.isoformat(), last.id], fingerprint))
