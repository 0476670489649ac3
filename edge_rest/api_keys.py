"""Ours, in the original API's conventions: a tenant's API keys (admin credential).

POST /tenants/{tenant_id}/api-keys              {name, scopes: [read, write], rate_limit?}:
                                                201, the key with its `secret` (shown once)
GET  /tenants/{tenant_id}/api-keys              an array, newest first, revoked ones too
POST /tenants/{tenant_id}/api-keys/{id}/revoke  the key, revoked
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import falcon
import falcon.asgi
from iam.v1 import api_key_pb2, api_key_pb2_grpc

from common.texts import t
from edge_rest.bodies import INT32_MAX, json_object, refuse_unknown, text_field, whole_number
from edge_rest.calls import all_pages, respond
from edge_rest.errors import bad_request
from edge_rest.shapes import api_key_json

ApiKeys = Callable[[], api_key_pb2_grpc.ApiKeyServiceStub]
_SCOPES = {"read": api_key_pb2.SCOPE_READ, "write": api_key_pb2.SCOPE_WRITE}
PAGE_SIZE = 1000


def _rate_limit(body: dict[str, Any]) -> api_key_pb2.RateLimit | None:
    raw = body.get("rate_limit")
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) - {"per_second", "burst"}:
        raise bad_request({"rate_limit": t("must be {{per_second, burst}}")})
    per_second = raw.get("per_second", 0)
    if isinstance(per_second, bool) or not isinstance(per_second, int | float):
        raise bad_request({"rate_limit.per_second": t("must be a number")})
    if not math.isfinite(per_second) or abs(per_second) > 1e300:
        raise bad_request({"rate_limit.per_second": t("must be a finite number")})
    burst = whole_number(raw.get("burst", 0), "rate_limit.burst", maximum=INT32_MAX)
    return api_key_pb2.RateLimit(per_second=float(per_second), burst=burst)


class ApiKeysResource:
    def __init__(self, keys: ApiKeys, timeout_s: float) -> None:
        self._keys = keys
        self._timeout_s = timeout_s

    async def on_post(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, tenant_id: str
    ) -> None:
        body = await json_object(req)
        refuse_unknown(body, {"name", "scopes", "rate_limit"})
        scopes = body.get("scopes", [])
        if not isinstance(scopes, list) or not all(
            isinstance(s, str) and s in _SCOPES for s in scopes
        ):
            raise bad_request({"scopes": t("must be a list of read, write")})
        request = api_key_pb2.CreateApiKeyRequest(
            tenant_id=tenant_id,
            name=text_field(body, "name"),
            scopes=[_SCOPES[s] for s in scopes],
            rate_limit=_rate_limit(body),
        )
        await respond(
            req,
            resp,
            self._keys().CreateApiKey,
            request,
            lambda reply: {**api_key_json(reply.api_key), "secret": reply.secret},
            timeout_s=self._timeout_s,
            field_name=str,
            status=falcon.HTTP_201,
        )

    async def on_get(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, tenant_id: str
    ) -> None:
        keys = await all_pages(
            req,
            resp,
            self._keys().ListApiKeys,
            api_key_pb2.ListApiKeysRequest(tenant_id=tenant_id, page_size=PAGE_SIZE),
            lambda reply: reply.api_keys,
            timeout_s=self._timeout_s,
            field_name=str,
        )
        if keys is not None:
            resp.media = [api_key_json(key) for key in keys]


class ApiKeyRevocationResource:
    def __init__(self, keys: ApiKeys, timeout_s: float) -> None:
        self._keys = keys
        self._timeout_s = timeout_s

    async def on_post(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, tenant_id: str, id: str
    ) -> None:
        await respond(
            req,
            resp,
            self._keys().RevokeApiKey,
            api_key_pb2.RevokeApiKeyRequest(tenant_id=tenant_id, id=id),
            lambda reply: api_key_json(reply.api_key),
            timeout_s=self._timeout_s,
            field_name=str,
        )
