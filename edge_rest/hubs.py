"""The original API's hub endpoints: GET /hubs (all, as a bare array), POST /hubs (201),
GET / PUT / DELETE (204) /hubs/{id}.

The original's hub is flat; ours is structured. `location` is accepted as
"latitude,longitude" (anything else is refused naming the field), `address` as one line,
`contact_email` / `contact_phone` as the hub's contact, `timezone` as an IANA name
("Europe/Berlin"). PUT replaces: optional fields left out are cleared.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, ClassVar

import falcon
import falcon.asgi
from google.protobuf import field_mask_pb2
from ims.v1 import common_pb2, hub_pb2, hub_pb2_grpc

from common.texts import t
from edge_rest.bodies import json_object, refuse_unknown, text_field
from edge_rest.calls import all_pages, respond
from edge_rest.codes import derived_code
from edge_rest.errors import bad_request
from edge_rest.shapes import hub_json

Hubs = Callable[[], hub_pb2_grpc.HubServiceStub]
PAGE_SIZE = 1000

# Our field paths as the original's body names them.
_ORIGINAL_FIELDS = {
    "hub.location.latitude": "location",
    "hub.location.longitude": "location",
    "hub.contact.email": "contact_email",
    "hub.contact.phone": "contact_phone",
}


def _original_field(field: str) -> str:
    if field in _ORIGINAL_FIELDS:
        return _ORIGINAL_FIELDS[field]
    if field.startswith("hub.address"):
        return "address"
    return field.removeprefix("hub.")


def parse_location(text: str) -> common_pb2.Location | None:
    if not text:
        return None
    latitude, sep, longitude = text.partition(",")
    try:
        point = common_pb2.Location(latitude=float(latitude), longitude=float(longitude))
    except ValueError:
        point = None
    if not sep or point is None or not all(map(math.isfinite, (point.latitude, point.longitude))):
        raise bad_request({"location": t("must be 'latitude,longitude', e.g. '52.52,13.405'")})
    return point


class _HubBody:
    accepted: ClassVar = frozenset(
        {
            "tenant_id",
            "seller_id",
            "name",
            "code",
            "location",
            "address",
            "contact_email",
            "contact_phone",
            "timezone",
        }
    )

    @classmethod
    def hub(cls, body: dict[str, Any], *, derive_code: bool) -> hub_pb2.Hub:
        refuse_unknown(body, cls.accepted)
        name = text_field(body, "name")
        code = text_field(body, "code") or (derived_code(name, "hub") if derive_code else "")
        hub = hub_pb2.Hub(
            tenant_id=text_field(body, "tenant_id"),
            seller_id=text_field(body, "seller_id"),
            name=name,
            code=code,
            timezone=text_field(body, "timezone"),
        )
        location = parse_location(text_field(body, "location"))
        if location is not None:
            hub.location.CopyFrom(location)
        address = text_field(body, "address")
        if address:
            hub.address.lines.append(address)
        email, phone = text_field(body, "contact_email"), text_field(body, "contact_phone")
        if email or phone:
            hub.contact.CopyFrom(common_pb2.Contact(email=email, phone=phone))
        return hub


class HubsResource:
    def __init__(self, hubs: Hubs, timeout_s: float) -> None:
        self._hubs = hubs
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        request = hub_pb2.ListHubsRequest(
            tenant_id=req.get_param("tenant_id") or "",
            seller_id=req.get_param("seller_id") or "",
            page_size=PAGE_SIZE,
        )
        hubs = await all_pages(
            req,
            resp,
            self._hubs().ListHubs,
            request,
            lambda reply: reply.hubs,
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
        if hubs is not None:
            resp.media = [hub_json(hub) for hub in hubs]

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        hub = _HubBody.hub(await json_object(req), derive_code=True)
        await respond(
            req,
            resp,
            self._hubs().CreateHub,
            hub_pb2.CreateHubRequest(hub=hub),
            lambda reply: hub_json(reply.hub),
            timeout_s=self._timeout_s,
            field_name=_original_field,
            status=falcon.HTTP_201,
        )


class HubResource:
    # What a PUT replaces (the original sends the whole hub); the code only when given.
    _replaced: ClassVar = ("seller_id", "name", "location", "address", "contact", "timezone")

    def __init__(self, hubs: Hubs, timeout_s: float) -> None:
        self._hubs = hubs
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        await respond(
            req,
            resp,
            self._hubs().GetHub,
            hub_pb2.GetHubRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            lambda reply: hub_json(reply.hub),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )

    async def on_put(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        hub = _HubBody.hub(await json_object(req), derive_code=False)
        hub.id = id
        paths = [*self._replaced, *(["code"] if hub.code else [])]
        await respond(
            req,
            resp,
            self._hubs().UpdateHub,
            hub_pb2.UpdateHubRequest(hub=hub, update_mask=field_mask_pb2.FieldMask(paths=paths)),
            lambda reply: hub_json(reply.hub),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )

    async def on_delete(
        self,
        req: falcon.asgi.Request,
        resp: falcon.asgi.Response,
        id: str,
    ) -> None:
        await respond(
            req,
            resp,
            self._hubs().DeleteHub,
            hub_pb2.DeleteHubRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            None,
            timeout_s=self._timeout_s,
            field_name=_original_field,
            status=falcon.HTTP_204,
        )
