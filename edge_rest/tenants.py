"""The original API's tenant endpoints: POST /tenants (201), GET /tenants/{id}.

The original's tenant is {name, metadata}; ours also has a `code` (unique, e.g. "acme").
A client that sends none gets one derived from the name (returned in the response).
`metadata` is not stored yet, so a non-empty one is refused rather than dropped.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable

import falcon
import falcon.asgi
from ims.v1 import tenant_pb2, tenant_pb2_grpc

from edge_rest.bodies import json_object, refuse_unknown
from edge_rest.calls import call
from edge_rest.errors import bad_request
from edge_rest.shapes import tenant_json

_ACCEPTED = {"name", "code", "metadata"}
_NOT_CODE = re.compile(r"[^a-z0-9]+")


def derived_code(name: str) -> str:
    """A code for a tenant created without one: its name in lower case with dashes for
    anything else, plus a random suffix so that two tenants of one name do not collide."""
    stem = _NOT_CODE.sub("-", name.lower()).strip("-")[:40] or "tenant"
    return f"{stem}-{secrets.token_hex(3)}"


def _original_field(field: str) -> str:
    """Our field paths ("tenant.name") as the original's body names them ("name")."""
    return field.removeprefix("tenant.")


Tenants = Callable[[], tenant_pb2_grpc.TenantServiceStub]


class TenantsResource:
    def __init__(self, tenants: Tenants, timeout_s: float) -> None:
        self._tenants = tenants
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, _ACCEPTED)
        if body.get("metadata"):
            raise bad_request({"metadata": "is not supported yet; send the tenant without it"})
        name, code = body.get("name", ""), body.get("code")
        for field, value in (("name", name), ("code", code)):
            if value is not None and not isinstance(value, str):
                raise bad_request({field: "must be text"})
        tenant = tenant_pb2.Tenant(name=name, code=code or derived_code(name))
        reply = await call(
            req,
            resp,
            self._tenants().CreateTenant,
            tenant_pb2.CreateTenantRequest(tenant=tenant),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
        if reply is not None:
            resp.status = falcon.HTTP_201
            resp.media = tenant_json(reply.tenant)


class TenantResource:
    def __init__(self, tenants: Tenants, timeout_s: float) -> None:
        self._tenants = tenants
        self._timeout_s = timeout_s

    async def on_get(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, tenant_id: str
    ) -> None:
        reply = await call(
            req,
            resp,
            self._tenants().GetTenant,
            tenant_pb2.GetTenantRequest(id=tenant_id),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
        if reply is not None:
            resp.media = tenant_json(reply.tenant)
