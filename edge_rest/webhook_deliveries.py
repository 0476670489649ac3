"""Ours, in the original API's conventions: a webhook's deliveries, retrying one, rotating
the signing secret.

GET  /webhooks/{id}/deliveries                      newest first; ?state=, ?event=, ?limit=
POST /webhooks/{id}/deliveries/{delivery_id}/retry  the delivery, PENDING again
POST /webhooks/{id}/rotate-secret                   {grace_period_s?}: the new secret, once
"""

from __future__ import annotations

import falcon
import falcon.asgi
from google.protobuf.duration_pb2 import Duration
from oms.v1 import webhook_pb2

from common.texts import t
from edge_rest.bodies import MAX_DURATION_S, json_object, refuse_unknown, whole_number
from edge_rest.calls import respond
from edge_rest.errors import bad_request
from edge_rest.queries import query_limit
from edge_rest.shapes import DELIVERY_STATE_NAMES, delivery_json, webhook_json
from edge_rest.webhooks import Webhooks

_STATE_BY_NAME = {name: value for value, name in DELIVERY_STATE_NAMES.items()}
_NAMES = {"webhook_id": "id", "event_type": "event", "page_size": "limit"}


def _original_field(field: str) -> str:
    return _NAMES.get(field, field)


class DeliveriesResource:
    def __init__(self, webhooks: Webhooks, timeout_s: float) -> None:
        self._webhooks = webhooks
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        state = req.get_param("state") or ""
        if state and state not in _STATE_BY_NAME:
            raise bad_request(
                {"state": t("must be one of {value}", value=", ".join(_STATE_BY_NAME))}
            )
        limit = query_limit(req)
        request = webhook_pb2.ListWebhookDeliveriesRequest(
            tenant_id=req.get_param("tenant_id") or "",
            webhook_id=id,
            state=_STATE_BY_NAME.get(state, webhook_pb2.WEBHOOK_DELIVERY_STATE_UNSPECIFIED),
            event_type=req.get_param("event") or "",
            page_size=limit,
        )
        await respond(
            req,
            resp,
            self._webhooks().ListWebhookDeliveries,
            request,
            lambda reply: [delivery_json(d) for d in reply.deliveries],
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )


class DeliveryRetryResource:
    def __init__(self, webhooks: Webhooks, timeout_s: float) -> None:
        self._webhooks = webhooks
        self._timeout_s = timeout_s

    async def on_post(
        self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str, delivery_id: str
    ) -> None:
        await respond(
            req,
            resp,
            self._webhooks().RetryWebhookDelivery,
            webhook_pb2.RetryWebhookDeliveryRequest(
                tenant_id=req.get_param("tenant_id") or "", webhook_id=id, delivery_id=delivery_id
            ),
            lambda reply: delivery_json(reply.delivery),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )


class SecretRotationResource:
    def __init__(self, webhooks: Webhooks, timeout_s: float) -> None:
        self._webhooks = webhooks
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        body = await json_object(req) if req.content_length else {}
        refuse_unknown(body, {"grace_period_s", "tenant_id"})
        request = webhook_pb2.RotateWebhookSecretRequest(
            tenant_id=req.get_param("tenant_id") or "", id=id
        )
        grace = body.get("grace_period_s")
        if grace is not None:
            seconds = whole_number(grace, "grace_period_s", maximum=MAX_DURATION_S)
            request.grace_period.CopyFrom(Duration(seconds=seconds))
        await respond(
            req,
            resp,
            self._webhooks().RotateWebhookSecret,
            request,
            lambda reply: {**webhook_json(reply.webhook), "signing_secret": reply.signing_secret},
            timeout_s=self._timeout_s,
            field_name=lambda field: "grace_period_s" if field == "grace_period" else field,
        )
