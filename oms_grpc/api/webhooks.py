"""oms.v1.WebhookService: validate → check the callback destination → repository → response.

The signing secret is generated on creation and returned only in that response; every other
read projects it away. URLs are checked against the SSRF policy on create and on every update
that changes them.
"""

from __future__ import annotations

from typing import Any

import grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.grpc.errors import FieldViolation, invalid_argument, not_found
from common.grpc.server import ServiceRegistration
from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.domain.webhook_rules import (
    CallbackUrl,
    deliveries_query,
    delivery_page_token,
    new_signing_secret,
    new_webhook,
    webhook_patch,
    webhook_ref,
    webhooks_page_token,
    webhooks_query,
)
from oms_grpc.core.repositories.webhooks import (
    DeliveryLogRepository,
    WebhookRepository,
    delivery_to_proto,
    webhook_to_proto,
)
from oms_grpc.core.webhooks_dns import UrlGuard

Context = grpc.aio.ServicerContext[Any, Any]
SERVICE_NAME = webhook_pb2.DESCRIPTOR.services_by_name["WebhookService"].full_name


class WebhookServicer(webhook_pb2_grpc.WebhookServiceServicer):
    def __init__(
        self,
        webhooks: WebhookRepository,
        deliveries: DeliveryLogRepository,
        guard: UrlGuard,
        ims: ImsClient,
    ) -> None:
        self._webhooks = webhooks
        self._deliveries = deliveries
        self._guard = guard
        self._ims = ims

    async def CreateWebhook(  # noqa: N802
        self, request: webhook_pb2.CreateWebhookRequest, context: Context
    ) -> webhook_pb2.CreateWebhookResponse:
        webhook = new_webhook(request.webhook)
        await self._ims.require_tenant(webhook.tenant_id, "webhook.tenant_id")
        await self._check_destination(webhook.url)
        secret = new_signing_secret()
        created = await self._webhooks.create(webhook, secret)
        return webhook_pb2.CreateWebhookResponse(
            webhook=webhook_to_proto(created), signing_secret=secret
        )

    async def ListWebhooks(  # noqa: N802
        self, request: webhook_pb2.ListWebhooksRequest, context: Context
    ) -> webhook_pb2.ListWebhooksResponse:
        query = webhooks_query(request)
        found = await self._webhooks.list_page(query)
        page = found[: query.page_size]
        token = (
            webhooks_page_token(page[-1]["_id"], query.fingerprint)
            if len(found) > query.page_size
            else ""
        )
        return webhook_pb2.ListWebhooksResponse(
            webhooks=[webhook_to_proto(document) for document in page], next_page_token=token
        )

    async def GetWebhook(  # noqa: N802
        self, request: webhook_pb2.GetWebhookRequest, context: Context
    ) -> webhook_pb2.GetWebhookResponse:
        ref = webhook_ref(request.tenant_id, request.id)
        document = await self._webhooks.get(ref)
        if document is None:
            raise not_found("webhook", ref.id)
        return webhook_pb2.GetWebhookResponse(webhook=webhook_to_proto(document))

    async def UpdateWebhook(  # noqa: N802
        self, request: webhook_pb2.UpdateWebhookRequest, context: Context
    ) -> webhook_pb2.UpdateWebhookResponse:
        patch = webhook_patch(request)
        if patch.url is not None:
            await self._check_destination(patch.url)
        updated = await self._webhooks.update(patch)
        if updated is None:
            raise not_found("webhook", patch.ref.id)
        return webhook_pb2.UpdateWebhookResponse(webhook=webhook_to_proto(updated))

    async def DeleteWebhook(  # noqa: N802
        self, request: webhook_pb2.DeleteWebhookRequest, context: Context
    ) -> webhook_pb2.DeleteWebhookResponse:
        ref = webhook_ref(request.tenant_id, request.id)
        if not await self._webhooks.delete(ref):
            raise not_found("webhook", ref.id)
        await self._deliveries.delete_for_webhook(ref)
        return webhook_pb2.DeleteWebhookResponse()

    async def ListWebhookDeliveries(  # noqa: N802
        self, request: webhook_pb2.ListWebhookDeliveriesRequest, context: Context
    ) -> webhook_pb2.ListWebhookDeliveriesResponse:
        query = deliveries_query(request)
        if await self._webhooks.get(query.webhook) is None:
            raise not_found("webhook", query.webhook.id)
        found = await self._deliveries.list_page(query)
        page = found[: query.page_size]
        token = ""
        if len(found) > query.page_size:
            last = page[-1]
            token = delivery_page_token(last["create_time"], last["_id"], query.fingerprint)
        return webhook_pb2.ListWebhookDeliveriesResponse(
            deliveries=[delivery_to_proto(document) for document in page],
            next_page_token=token,
        )

    async def _check_destination(self, url: CallbackUrl) -> None:
        problem = await self._guard.problem(url)
        if problem is not None:
            raise invalid_argument([FieldViolation("webhook.url", problem)])


def webhook_service(servicer: WebhookServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: webhook_pb2_grpc.add_WebhookServiceServicer_to_server(servicer, server),
    )
