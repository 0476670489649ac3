"""The original API's SKU endpoints: GET /skus (all, a bare array; `sku_codes=a,b`),
POST /skus (201), GET / PUT / DELETE (204) /skus/{id}.

Measures: the original sends `weight` with a `weight_unit` (g, kg, oz, lb) and `length`,
`width`, `height` without saying the unit; we keep whole grams and millimetres. So a weight
needs its unit, and dimensions need `dimension_unit` (mm, cm, m, in; ours) — refused, naming
the field, rather than guessed. Answers give grams and millimetres with their units.
`description` is kept as sent. PUT replaces (code included: the
original requires it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import falcon
import falcon.asgi
from google.protobuf import field_mask_pb2
from ims.v1 import sku_pb2, sku_pb2_grpc

from common.texts import t
from edge_rest.bodies import json_object, refuse_unknown, text_field
from edge_rest.calls import all_pages, respond
from edge_rest.errors import bad_request
from edge_rest.shapes import sku_json
from edge_rest.units import grams, millimetres

Skus = Callable[[], sku_pb2_grpc.SkuServiceStub]
PAGE_SIZE = 1000
_DIMENSIONS = ("length", "width", "height")


def _original_field(field: str) -> str:
    if field == "sku.weight_grams":
        return "weight"
    if field.startswith("sku.dimensions."):
        return field.removeprefix("sku.dimensions.").removesuffix("_mm")
    return field.removeprefix("sku.")


def _sku(body: dict[str, Any]) -> sku_pb2.Sku:
    accepted = {
        "tenant_id",
        "seller_id",
        "code",
        "name",
        "description",
        "category_id",
        "weight",
        "weight_unit",
        *_DIMENSIONS,
        "dimension_unit",
    }
    refuse_unknown(body, accepted)
    sku = sku_pb2.Sku(
        tenant_id=text_field(body, "tenant_id"),
        seller_id=text_field(body, "seller_id"),
        code=text_field(body, "code"),
        name=text_field(body, "name"),
        category_id=text_field(body, "category_id"),
        description=text_field(body, "description"),
    )
    if body.get("weight") is not None:
        unit = text_field(body, "weight_unit")
        if not unit:
            raise bad_request({"weight_unit": t("is required with weight (g, kg, oz or lb)")})
        sku.weight_grams = grams(body["weight"], unit)
    given = [name for name in _DIMENSIONS if body.get(name) is not None]
    if given:
        unit = text_field(body, "dimension_unit")
        if not unit:
            raise bad_request(
                {"dimension_unit": t("is required with length, width or height (mm, cm, m or in)")}
            )
        for name in given:
            setattr(sku.dimensions, f"{name}_mm", millimetres(name, body[name], unit))
    return sku


class SkusResource:
    def __init__(self, skus: Skus, timeout_s: float) -> None:
        self._skus = skus
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        request = sku_pb2.ListSkusRequest(
            tenant_id=req.get_param("tenant_id") or "",
            seller_id=req.get_param("seller_id") or "",
            codes=[c for c in (req.get_param("sku_codes") or "").split(",") if c],
            page_size=PAGE_SIZE,
        )
        skus = await all_pages(
            req,
            resp,
            self._skus().ListSkus,
            request,
            lambda reply: reply.skus,
            timeout_s=self._timeout_s,
            field_name=lambda field: "sku_codes" if field == "codes" else field,
        )
        if skus is not None:
            resp.media = [sku_json(sku) for sku in skus]

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        sku = _sku(await json_object(req))
        await respond(
            req,
            resp,
            self._skus().CreateSku,
            sku_pb2.CreateSkuRequest(sku=sku),
            lambda reply: sku_json(reply.sku),
            timeout_s=self._timeout_s,
            field_name=_original_field,
            status=falcon.HTTP_201,
        )


class SkuResource:
    _replaced: ClassVar = (
        "seller_id",
        "code",
        "name",
        "category_id",
        "dimensions",
        "weight_grams",
        "description",
    )

    def __init__(self, skus: Skus, timeout_s: float) -> None:
        self._skus = skus
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        await respond(
            req,
            resp,
            self._skus().GetSku,
            sku_pb2.GetSkuRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            lambda reply: sku_json(reply.sku),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )

    async def on_put(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        sku = _sku(await json_object(req))
        sku.id = id
        mask = field_mask_pb2.FieldMask(paths=list(self._replaced))
        await respond(
            req,
            resp,
            self._skus().UpdateSku,
            sku_pb2.UpdateSkuRequest(sku=sku, update_mask=mask),
            lambda reply: sku_json(reply.sku),
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
            self._skus().DeleteSku,
            sku_pb2.DeleteSkuRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            None,
            timeout_s=self._timeout_s,
            field_name=_original_field,
            status=falcon.HTTP_204,
        )
