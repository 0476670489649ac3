"""The original API's stock endpoints: GET /inventory?hub_id=&sku_ids=a,b (an array, zero
for a SKU never stocked), PUT /inventory {hub_id, sku_id, quantity} (sets on-hand).

The original has no tenant here: a tenant key's tenant is used; the admin adds
`tenant_id` (query or body). Ours too: `reason` and `reference`, stored in the ledger.
"""

from __future__ import annotations

from collections.abc import Callable

import falcon
import falcon.asgi
from ims.v1 import inventory_pb2, inventory_pb2_grpc

from common.texts import t
from edge_rest.bodies import json_object, refuse_unknown, text_field, whole_number
from edge_rest.calls import respond
from edge_rest.errors import bad_request
from edge_rest.queries import query_limit, query_time
from edge_rest.shapes import inventory_json, ledger_row_json

Inventory = Callable[[], inventory_pb2_grpc.InventoryServiceStub]


def _original_field(field: str) -> str:
    return "quantity" if field == "set_quantity_on_hand" else field


class InventoryResource:
    _accepted = frozenset({"hub_id", "sku_id", "quantity", "tenant_id", "reason", "reference"})

    def __init__(self, inventory: Inventory, timeout_s: float) -> None:
        self._inventory = inventory
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        sku_ids = [s for value in req.get_param_as_list("sku_ids") or [] for s in value.split(",")]
        request = inventory_pb2.GetInventoryRequest(
            tenant_id=req.get_param("tenant_id") or "",
            hub_id=req.get_param("hub_id") or "",
            sku_ids=[s for s in sku_ids if s],
        )
        await respond(
            req,
            resp,
            self._inventory().GetInventory,
            request,
            lambda reply: [inventory_json(level) for level in reply.levels],
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )

    async def on_put(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        body = await json_object(req)
        refuse_unknown(body, self._accepted)
        if body.get("quantity") is None:
            raise bad_request({"quantity": t("is required, a whole number")})
        quantity = whole_number(body["quantity"], "quantity")
        request = inventory_pb2.UpsertInventoryRequest(
            tenant_id=text_field(body, "tenant_id") or (req.get_param("tenant_id") or ""),
            hub_id=text_field(body, "hub_id"),
            sku_id=text_field(body, "sku_id"),
            set_quantity_on_hand=quantity,
            reason=text_field(body, "reason"),
            reference=text_field(body, "reference"),
        )
        await respond(
            req,
            resp,
            self._inventory().UpsertInventory,
            request,
            lambda reply: inventory_json(reply.level),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )


_LEDGER_WRITE = (
    "the ledger is written by stock movements only, in the same transaction as the movement; "
    "move stock with PUT /inventory (with reason and reference) and its ledger row is written"
)


class LedgerResource:
    """GET /inventory/transactions (the original's README; newest first, ?hub_id, ?sku_id,
    ?reference, ?from, ?to, ?limit). POST is the original's way to write a ledger row without
    moving stock, which would make the ledger disagree with the stock: refused (405) naming
    PUT /inventory, which moves stock and writes the row together."""

    def __init__(self, inventory: Inventory, timeout_s: float) -> None:
        self._inventory = inventory
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        request = inventory_pb2.ListInventoryTransactionsRequest(
            tenant_id=req.get_param("tenant_id") or "",
            hub_id=req.get_param("hub_id") or "",
            sku_id=req.get_param("sku_id") or "",
            reference=req.get_param("reference") or "",
            page_size=query_limit(req),
        )
        for name, field in (("from", "start_time"), ("to", "end_time")):
            stamp = query_time(req, name)
            if stamp is not None:
                getattr(request, field).CopyFrom(stamp)
        await respond(
            req,
            resp,
            self._inventory().ListInventoryTransactions,
            request,
            lambda reply: [ledger_row_json(row) for row in reply.transactions],
            timeout_s=self._timeout_s,
            field_name=lambda field: {"start_time": "from", "end_time": "to"}.get(field, field),
        )

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.status = falcon.HTTP_405
        resp.set_header("Allow", "GET")
        resp.media = {
            "error": {
                "code": "FAILED_PRECONDITION",
                "reason": "LEDGER_WRITE_REFUSED",
                "message": _LEDGER_WRITE,
            }
        }
