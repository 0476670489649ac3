"""The original API's order endpoints: POST /orders (201 {order_id}) and GET /orders
(`{"orders": [...]}`, filtered by tenant_id, seller_id, status, from, to).

The original's order is one SKU and a quantity (`sku_id`, `quantity`); ours may also be
sent with `lines` ([{sku_id or sku_code, quantity}], not both forms at once),
`external_reference` and `attributes`. An `Idempotency-Key` header makes a retry safe.
The answer to a create also carries the whole order (ours). `status` also takes
`cancelled` (ours); `from` / `to` are RFC 3339 times.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import falcon
import falcon.asgi
from oms.v1 import order_pb2, order_pb2_grpc

from common.texts import t
from edge_rest.bodies import json_object, refuse_unknown, text_field, whole_number
from edge_rest.calls import all_pages, respond
from edge_rest.errors import bad_request
from edge_rest.queries import query_time
from edge_rest.shapes import ORDER_STATUS_NAMES, order_json

Orders = Callable[[], order_pb2_grpc.OrderServiceStub]
PAGE_SIZE = 1000
_STATUS_BY_NAME = {name: value for value, name in ORDER_STATUS_NAMES.items()}
_ACCEPTED = frozenset(
    {
        "tenant_id",
        "seller_id",
        "hub_id",
        "sku_id",
        "quantity",
        "lines",
        "external_reference",
        "attributes",
    }
)


def _lines(body: dict[str, Any]) -> tuple[list[order_pb2.OrderLine], Callable[[str], str]]:
    if "lines" in body:
        if "sku_id" in body or "quantity" in body:
            raise bad_request({"lines": t("send either sku_id and quantity, or lines, not both")})
        raw = body["lines"]
        if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
            raise bad_request({"lines": t("must be a list of {{sku_id or sku_code, quantity}}")})
        lines = []
        for n, item in enumerate(raw):
            refuse_unknown(item, {"sku_id", "sku_code", "quantity"})
            lines.append(
                order_pb2.OrderLine(
                    sku_id=text_field(item, "sku_id"),
                    sku_code=text_field(item, "sku_code"),
                    quantity=_quantity(item.get("quantity"), f"lines[{n}].quantity"),
                )
            )
        return lines, str  # our field names, as sent
    line = order_pb2.OrderLine(
        sku_id=text_field(body, "sku_id"), quantity=_quantity(body.get("quantity"), "quantity")
    )

    def flat(field: str) -> str:
        """The one line's `lines[0].x` is the original's top-level `x`."""
        return field.removeprefix("lines[0].").replace("sku_code", "sku_id")

    return [line], flat


def _quantity(value: object, field: str) -> int:
    if value is None:
        return 0  # the service names it: "is required"/"must be greater than 0"
    return whole_number(value, field)


def _attributes(body: dict[str, Any]) -> dict[str, str]:
    raw = body.get("attributes") or {}
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise bad_request({"attributes": t("must be an object of texts")})
    return {str(k): v for k, v in raw.items()}


class OrdersResource:
    def __init__(self, orders: Orders, timeout_s: float) -> None:
        self._orders = orders
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, _ACCEPTED)
        lines, field_name = _lines(body)
        request = order_pb2.CreateOrderRequest(
            tenant_id=text_field(body, "tenant_id"),
            seller_id=text_field(body, "seller_id"),
            hub_id=text_field(body, "hub_id"),
            lines=lines,
            external_reference=text_field(body, "external_reference"),
            attributes=_attributes(body),
        )
        await respond(
            req,
            resp,
            self._orders().CreateOrder,
            request,
            lambda reply: {"order_id": reply.order.id, "order": order_json(reply.order)},
            timeout_s=self._timeout_s,
            field_name=field_name,
            status=falcon.HTTP_201,
        )

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        status_name = req.get_param("status") or ""
        if status_name and status_name not in _STATUS_BY_NAME:
            raise bad_request(
                {"status": t("must be one of {value}", value=", ".join(_STATUS_BY_NAME))}
            )
        request = order_pb2.ListOrdersRequest(
            tenant_id=req.get_param("tenant_id") or "",
            seller_id=req.get_param("seller_id") or "",
            status=_STATUS_BY_NAME.get(status_name, order_pb2.ORDER_STATUS_UNSPECIFIED),
            page_size=PAGE_SIZE,
        )
        for name, field in (("from", "from_time"), ("to", "to_time")):
            stamp = query_time(req, name)
            if stamp is not None:
                getattr(request, field).CopyFrom(stamp)
        orders = await all_pages(
            req,
            resp,
            self._orders().ListOrders,
            request,
            lambda reply: reply.orders,
            timeout_s=self._timeout_s,
            field_name=lambda f: {"from_time": "from", "to_time": "to"}.get(f, f),
        )
        if orders is not None:
            resp.media = {"orders": [order_json(order) for order in orders]}


class OrderResource:
    """Ours, in the original's conventions: GET /orders/{id}."""

    def __init__(self, orders: Orders, timeout_s: float) -> None:
        self._orders = orders
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        await respond(
            req,
            resp,
            self._orders().GetOrder,
            order_pb2.GetOrderRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            lambda reply: order_json(reply.order),
            timeout_s=self._timeout_s,
            field_name=str,
        )


class OrderCancellationResource:
    """Ours: POST /orders/{id}/cancel {"reason"} — releases the order's reserved stock."""

    def __init__(self, orders: Orders, timeout_s: float) -> None:
        self._orders = orders
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        body = await json_object(req) if req.content_length else {}
        refuse_unknown(body, {"reason", "tenant_id"})
        request = order_pb2.CancelOrderRequest(
            tenant_id=text_field(body, "tenant_id") or (req.get_param("tenant_id") or ""),
            id=id,
            reason=text_field(body, "reason"),
        )
        await respond(
            req,
            resp,
            self._orders().CancelOrder,
            request,
            lambda reply: order_json(reply.order),
            timeout_s=self._timeout_s,
            field_name=str,
        )
