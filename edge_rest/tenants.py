"""The original API's tenant endpoints: POST /tenants (201), GET /tenants/{id}.

The original's tenant is {name, metadata}; ours also has a `code` (unique, e.g. "acme").
A client that sends none gets one derived from the name (`edge_rest.codes`).
`metadata` is any JSON object, kept as it is sent.
"""

from __future__ import annotations

from collections.abc import Callable

import falcon
import falcon.asgi
from ims.v1 import tenant_pb2, tenant_pb2_grpc

from edge_rest.bodies import json_object, object_field, refuse_unknown, text_field
from edge_rest.calls import respond, unprefixed
from edge_rest.codes import derived_code
from edge_rest.shapes import tenant_json

_ACCEPTED = {"name", "code", "metadata"}


_original_field = unprefixed("tenant.")


Tenants = Callable[[], tenant_pb2_grpc.TenantServiceStub]


class TenantsResource:
    def __init__(self, tenants: Tenants, timeout_s: float) -> None:
        self._tenants = tenants
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, _ACCEPTED)
        name, code = text_field(body, "name"), text_field(body, "code")
        tenant = tenant_pb2.Tenant(
            name=name,
            code=code or derived_code(name, "tenant"),
            metadata=object_field(body, "metadata"),
        )
        await respond(
            req,
            resp,
            self._tenants().CreateTenant,
            tenant_pb2.CreateTenantRequest(tenant=tenant),
            lambda reply: tenant_json(reply.tenant),
            timeout_s=self._timeout_s,
            field_name=_original_field,
            status=falcon.HTTP_201,
        )


class TenantResource:
    def __init__(self, tenants: Tenants, timeout_s: float) -> None:
        self._tenants = tenants
        self._timeout_s = timeout_s

    async def on_get(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, tenant_id: str
    ) -> None:
        await respond(
            req,
            resp,
            self._tenants().GetTenant,
            tenant_pb2.GetTenantRequest(id=tenant_id),
            lambda reply: tenant_json(reply.tenant),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
