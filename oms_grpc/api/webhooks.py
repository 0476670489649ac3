"""oms.v1.WebhookService: validate → check the callback destination → repository → response.

The signing secret is generated on creation (and on rotation) and returned only in that
response; every other read projects it away. URLs are checked against the SSRF policy on
create and on every update that changes them. Deliveries are made by the webhook
dispatcher process; this service shows them and schedules manual retries.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import grpc
from oms.v1 import webhook_pb2, webhook_pb2_grpc

from common.grpc.errors import (
    ErrorCode,
    FieldViolation,
    ServiceError,
    invalid_argument,
    not_found,
)
from common.grpc.server import ServiceRegistration
from common.texts import t
from common.timestamps import utc_now_ms
from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.domain.webhook_pages import delivery_page_token, webhooks_page_token
from oms_grpc.core.domain.webhook_requests import (
    deliveries_query,
    delivery_ref,
    new_webhook,
    rotation_request,
    webhook_patch,
    webhook_ref,
    webhooks_query,
)
from oms_grpc.core.domain.webhook_secrets import new_signing_secret
from oms_grpc.core.domain.webhook_urls import CallbackUrl
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository, delivery_to_proto
from oms_grpc.core.repositories.webhooks import WebhookRepository, webhook_to_proto
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
        *,
        secret_grace: timedelta = timedelta(hours=24),
    ) -> None:
        self._webhooks = webhooks
        self._deliveries = deliveries
        self._guard = guard
        self._ims = ims
        self._secret_grace = secret_grace

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

    async def RotateWebhookSecret(  # noqa: N802
        self, request: webhook_pb2.RotateWebhookSecretRequest, context: Context
    ) -> webhook_pb2.RotateWebhookSecretResponse:
        ref, grace = rotation_request(request, self._secret_grace)
        secret = new_signing_secret()
        rotated = await self._webhooks.rotate_secret(ref, secret, utc_now_ms() + grace)
        if rotated is None:
            raise not_found("webhook", ref.id)
        return webhook_pb2.RotateWebhookSecretResponse(
            webhook=webhook_to_proto(rotated), signing_secret=secret
        )

    async def RetryWebhookDelivery(  # noqa: N802
        self, request: webhook_pb2.RetryWebhookDeliveryRequest, context: Context
    ) -> webhook_pb2.RetryWebhookDeliveryResponse:
        ref, delivery_id = delivery_ref(request)
        webhook = await self._webhooks.get(ref)
        if webhook is None:
            raise not_found("webhook", ref.id)
        if not webhook["active"]:
            raise ServiceError(
                ErrorCode.FAILED_PRECONDITION,
                t("webhook {id!r} is inactive; activate it before retrying a delivery", id=ref.id),
                reason="WEBHOOK_INACTIVE",
            )
        scheduled = await self._deliveries.schedule_retry(ref, delivery_id)
        return webhook_pb2.RetryWebhookDeliveryResponse(delivery=delivery_to_proto(scheduled))

    async def _check_destination(self, url: CallbackUrl) -> None:
        problem = await self._guard.problem(url)
        if problem is not None:
            raise invalid_argument([FieldViolation("webhook.url", problem)])


def webhook_service(servicer: WebhookServicer) -> ServiceRegistration:
    return ServiceRegistration(
        SERVICE_NAME,
        lambda server: webhook_pb2_grpc.add_WebhookServiceServicer_to_server(servicer, server),
    )
