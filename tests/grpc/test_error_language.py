"""Errors over gRPC in the language the caller names in `accept-language` metadata."""

from __future__ import annotations

import grpc
from ims.v1 import hub_pb2, hub_pb2_grpc

from common.grpc.errors import field_violations
from tests.ims.catalog_support import rpc_error
from tests.oms.test_orders_helpers import create_request, orders_stub
from tests.support.ims_catalog import ImsCatalog

GERMAN = (("accept-language", "de"),)


async def test_ims_field_errors_in_german(ims_channel: grpc.aio.Channel) -> None:
    tenant_id = await ImsCatalog(ims_channel).tenant()
    hubs = hub_pb2_grpc.HubServiceStub(ims_channel)
    request = hub_pb2.CreateHubRequest(hub=hub_pb2.Hub(tenant_id=tenant_id, name="", code="a b"))
    error = await rpc_error(
        hubs.CreateHub(request, metadata=GERMAN), grpc.StatusCode.INVALID_ARGUMENT
    )
    descriptions = {v.field: v.description for v in field_violations(error)}
    assert descriptions["hub.name"] == "ist erforderlich"
    assert descriptions["hub.code"] == "darf nur Buchstaben, Ziffern, '.', '_' und '-' enthalten"
    assert "ist erforderlich" in (error.details() or "")

    english = await rpc_error(hubs.CreateHub(request), grpc.StatusCode.INVALID_ARGUMENT)
    assert {v.field: v.description for v in field_violations(english)}["hub.name"] == "is required"


async def test_oms_catalog_checks_in_the_callers_language(
    ims_channel: grpc.aio.Channel, oms_channel: grpc.aio.Channel
) -> None:
    catalog = await ImsCatalog(ims_channel).seller_catalog(skus=1)
    request = create_request(catalog, 1)
    missing = "0190a0c0-0000-7000-8000-000000000000"
    request.hub_id = missing
    orders = orders_stub(oms_channel)
    refused = grpc.StatusCode.FAILED_PRECONDITION
    german = await rpc_error(orders.CreateOrder(request, metadata=GERMAN), refused)
    english = await rpc_error(orders.CreateOrder(request), refused)
    assert german.details() == f"hub_id: Hub '{missing}' existiert für diesen Mandanten nicht"
    assert english.details() == f"hub_id: hub '{missing}' does not exist for this tenant"


async def test_webhook_url_refusals_in_german(
    oms_channel: grpc.aio.Channel, ims_channel: grpc.aio.Channel
) -> None:
    """The SSRF policy's refusals are messages with ids too: no English labelled German."""
    from oms.v1 import webhook_pb2, webhook_pb2_grpc

    tenant_id = await ImsCatalog(ims_channel).tenant()
    webhooks = webhook_pb2_grpc.WebhookServiceStub(oms_channel)
    for url, german in (
        ("https://127.0.0.1/hooks", "ist eine Loopback-Adresse; nur öffentliche Adressen"),
        ("https://[::ffff:10.0.0.1]/hooks", "eine IPv6-Form von 10.0.0.1 (eine private Adresse)"),
        ("ftp://example.com/hooks", "muss eine https://- oder http://-URL sein"),
    ):
        request = webhook_pb2.CreateWebhookRequest(
            webhook=webhook_pb2.Webhook(tenant_id=tenant_id, url=url, event_types=["order.created"])
        )
        error = await rpc_error(
            webhooks.CreateWebhook(request, metadata=GERMAN), grpc.StatusCode.INVALID_ARGUMENT
        )
        [violation] = field_violations(error)
        assert german in violation.description, (url, violation.description)
