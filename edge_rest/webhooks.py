"""The original API's webhook endpoints: POST /webhooks (201), GET /webhooks (an array),
GET / PUT / DELETE /webhooks/{id}.

Names as the original has them: `callback_url` (our `url`), `events` (`event_types`),
`is_active` (`active`). DELETE deactivates, as the original documents ("Delete
(deactivate)"), and answers 204. The create answer carries the signing secret once
(`signing_secret`, ours: deliveries are signed, Standard Webhooks). PUT replaces.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import falcon
import falcon.asgi
from google.protobuf import field_mask_pb2
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.texts import t
from edge_rest.bodies import json_object, refuse_unknown, text_field
from edge_rest.calls import all_pages, call, respond
from edge_rest.errors import bad_request
from edge_rest.shapes import webhook_json, webhook_log_json

Webhooks = Callable[[], webhook_pb2_grpc.WebhookServiceStub]
PAGE_SIZE = 1000
_ACCEPTED = frozenset(
    {"tenant_id", "callback_url", "events", "headers", "is_active", "description"}
)
_OURS_TO_ORIGINAL = {"url": "callback_url", "event_types": "events", "active": "is_active"}


def _original_field(field: str) -> str:
    head, _, rest = field.removeprefix("webhook.").partition(".")
    name, bracket, index = head.partition("[")
    name = _OURS_TO_ORIGINAL.get(name, name)
    return name + bracket + index + ("." + rest if rest else "")


def _webhook(body: dict[str, Any]) -> webhook_pb2.Webhook:
    refuse_unknown(body, _ACCEPTED)
    events = body.get("events", [])
    if not isinstance(events, list) or not all(isinstance(e, str) for e in events):
        raise bad_request({"events": t("must be a list of event names")})
    headers = body.get("headers") or {}
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise bad_request({"headers": t("must be an object of texts")})
    webhook = webhook_pb2.Webhook(
        tenant_id=text_field(body, "tenant_id"),
        url=text_field(body, "callback_url"),
        event_types=events,
        headers=headers,
        description=text_field(body, "description"),
    )
    active = body.get("is_active")
    if active is not None:
        if not isinstance(active, bool):
            raise bad_request({"is_active": t("must be true or false")})
        webhook.active = active
    return webhook


class WebhooksResource:
    def __init__(self, webhooks: Webhooks, timeout_s: float) -> None:
        self._webhooks = webhooks
        self._timeout_s = timeout_s

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        webhook = _webhook(await json_object(req))
        await respond(
            req,
            resp,
            self._webhooks().CreateWebhook,
            webhook_pb2.CreateWebhookRequest(webhook=webhook),
            lambda reply: {**webhook_json(reply.webhook), "signing_secret": reply.signing_secret},
            timeout_s=self._timeout_s,
            field_name=_original_field,
            status=falcon.HTTP_201,
        )

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        request = webhook_pb2.ListWebhooksRequest(
            tenant_id=req.get_param("tenant_id") or "", page_size=PAGE_SIZE
        )
        webhooks = await all_pages(
            req,
            resp,
            self._webhooks().ListWebhooks,
            request,
            lambda reply: reply.webhooks,
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
        if webhooks is not None:
            resp.media = [webhook_json(webhook) for webhook in webhooks]


class WebhookResource:
    def __init__(self, webhooks: Webhooks, timeout_s: float) -> None:
        self._webhooks = webhooks
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        await respond(
            req,
            resp,
            self._webhooks().GetWebhook,
            webhook_pb2.GetWebhookRequest(tenant_id=req.get_param("tenant_id") or "", id=id),
            lambda reply: webhook_json(reply.webhook),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )

    async def on_put(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, id: str) -> None:
        webhook = _webhook(await json_object(req))
        webhook.id = id
        paths = ["url", "event_types", "headers", "description"]
        if webhook.HasField("active"):
            paths.append("active")
        await self._update(req, resp, webhook, paths)

    async def on_delete(
        self,
        req: falcon.asgi.Request,
        resp: falcon.asgi.Response,
        id: str,
    ) -> None:
        webhook = webhook_pb2.Webhook(tenant_id=req.get_param("tenant_id") or "", id=id)
        webhook.active = False
        if await self._update(req, resp, webhook, ["active"]):
            resp.status = falcon.HTTP_204
            resp.media = None

    async def _update(
        self,
        req: falcon.asgi.Request,
        resp: falcon.asgi.Response,
        webhook: webhook_pb2.Webhook,
        paths: list[str],
    ) -> bool:
        reply: Any = await call(
            req,
            resp,
            self._webhooks().UpdateWebhook,
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook, update_mask=field_mask_pb2.FieldMask(paths=paths)
            ),
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
        if reply is None:
            return False
        resp.media = webhook_json(reply.webhook)
        return True


class WebhookLogsResource:
    """GET /webhook-logs: the tenant's most recent failed deliveries (what the original logs
    after the last attempt), newest first, across its webhooks. Ours beyond the original's
    fields: `event_id` (the `webhook-id` receivers de-duplicate on), `failure_reason`, and
    every attempt."""

    LIMIT = 100

    def __init__(self, webhooks: Webhooks, timeout_s: float) -> None:
        self._webhooks = webhooks
        self._timeout_s = timeout_s

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        tenant_id = req.get_param("tenant_id") or ""
        webhooks = await all_pages(
            req,
            resp,
            self._webhooks().ListWebhooks,
            webhook_pb2.ListWebhooksRequest(tenant_id=tenant_id, page_size=PAGE_SIZE),
            lambda reply: reply.webhooks,
            timeout_s=self._timeout_s,
            field_name=_original_field,
        )
        if webhooks is None:
            return
        failed: list[webhook_pb2.WebhookDelivery] = []
        for webhook in webhooks:
            reply: Any = await call(
                req,
                resp,
                self._webhooks().ListWebhookDeliveries,
                webhook_pb2.ListWebhookDeliveriesRequest(
                    tenant_id=webhook.tenant_id,
                    webhook_id=webhook.id,
                    state=webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
                    page_size=self.LIMIT,
                ),
                timeout_s=self._timeout_s,
                field_name=_original_field,
            )
            if reply is None:
                return
            failed += reply.deliveries
        failed.sort(key=lambda d: (d.update_time.seconds, d.update_time.nanos), reverse=True)
        resp.media = [webhook_log_json(delivery) for delivery in failed[: self.LIMIT]]
