"""Falcon ASGI composition root for the REST edge."""

from __future__ import annotations

from typing import Any

import falcon
import falcon.asgi
import grpc
from iam.v1 import api_key_pb2_grpc, token_pb2_grpc
from ims.v1 import (
    category_pb2_grpc,
    hub_pb2_grpc,
    inventory_pb2_grpc,
    seller_pb2_grpc,
    sku_pb2_grpc,
    tenant_pb2_grpc,
)
from oms.v1 import order_pb2_grpc, upload_pb2_grpc, webhook_pb2_grpc

from edge_rest.access_tokens import AccessTokenResource
from edge_rest.api_keys import ApiKeyRevocationResource, ApiKeysResource
from edge_rest.catalog import (
    CategoriesResource,
    CategoryResource,
    SellerResource,
    SellersResource,
)
from edge_rest.channels import ServiceChannels
from edge_rest.docs import DocsAsset, DocsPage, ProtoOpenApiDocument
from edge_rest.errors import (
    RequestRefusedError,
    handle_http_error,
    handle_refusal,
    handle_rpc_error,
)
from edge_rest.health import HealthResource
from edge_rest.hubs import HubResource, HubsResource
from edge_rest.inventory import InventoryResource, LedgerResource
from edge_rest.metrics import MetricsResource, RequestMetrics
from edge_rest.openapi_document import OpenApiResource
from edge_rest.orders import OrderCancellationResource, OrderResource, OrdersResource
from edge_rest.settings import EdgeSettings
from edge_rest.skus import SkuResource, SkusResource
from edge_rest.tenants import TenantResource, TenantsResource
from edge_rest.uploads import (
    BulkImportResource,
    ErrorFileResource,
    UploadResource,
    UploadsResource,
    UploadUrlResource,
)
from edge_rest.webhook_deliveries import (
    DeliveriesResource,
    DeliveryRetryResource,
    SecretRotationResource,
)
from edge_rest.webhooks import WebhookLogsResource, WebhookResource, WebhooksResource

Route = tuple[str, object]
METHODS = ("get", "post", "put", "delete")


def api_routes(channels: ServiceChannels, settings: EdgeSettings) -> list[Route]:
    """The original API's routes (and ours), each a URI template and its resource."""
    timeout_s, upload_timeout_s = settings.rpc_timeout_s, settings.upload_timeout_s
    tenants = channels.stub("ims", tenant_pb2_grpc.TenantServiceStub)
    sellers = channels.stub("ims", seller_pb2_grpc.SellerServiceStub)
    categories = channels.stub("ims", category_pb2_grpc.CategoryServiceStub)
    hubs = channels.stub("ims", hub_pb2_grpc.HubServiceStub)
    skus = channels.stub("ims", sku_pb2_grpc.SkuServiceStub)
    inventory = channels.stub("ims", inventory_pb2_grpc.InventoryServiceStub)
    orders = channels.stub("oms", order_pb2_grpc.OrderServiceStub)
    uploads = channels.stub("oms", upload_pb2_grpc.UploadServiceStub)
    webhooks = channels.stub("oms", webhook_pb2_grpc.WebhookServiceStub)
    tokens = channels.stub("ims", token_pb2_grpc.TokenServiceStub)
    keys = channels.stub("ims", api_key_pb2_grpc.ApiKeyServiceStub)
    return [
        ("/auth/token", AccessTokenResource(tokens, timeout_s)),
        ("/tenants", TenantsResource(tenants, timeout_s)),
        ("/tenants/{tenant_id}", TenantResource(tenants, timeout_s)),
        ("/tenants/{tenant_id}/api-keys", ApiKeysResource(keys, timeout_s)),
        ("/tenants/{tenant_id}/api-keys/{id}/revoke", ApiKeyRevocationResource(keys, timeout_s)),
        ("/sellers", SellersResource(sellers, timeout_s)),
        ("/sellers/{id}", SellerResource(sellers, timeout_s)),
        ("/categories", CategoriesResource(categories, timeout_s)),
        ("/categories/{id}", CategoryResource(categories, timeout_s)),
        ("/hubs", HubsResource(hubs, timeout_s)),
        ("/hubs/{id}", HubResource(hubs, timeout_s)),
        ("/skus", SkusResource(skus, timeout_s)),
        ("/skus/{id}", SkuResource(skus, timeout_s)),
        ("/inventory", InventoryResource(inventory, timeout_s)),
        ("/inventory/transactions", LedgerResource(inventory, timeout_s)),
        ("/orders", OrdersResource(orders, timeout_s)),
        ("/orders/{id}", OrderResource(orders, timeout_s)),
        ("/orders/{id}/cancel", OrderCancellationResource(orders, timeout_s)),
        ("/orders/upload", UploadsResource(uploads, upload_timeout_s)),
        ("/orders/upload-url", UploadUrlResource(uploads, timeout_s)),
        ("/orders/bulk", BulkImportResource(uploads, upload_timeout_s)),
        ("/orders/uploads/{id}", UploadResource(uploads, timeout_s)),
        ("/orders/errors/{file}", ErrorFileResource(uploads, upload_timeout_s)),
        ("/webhooks", WebhooksResource(webhooks, timeout_s)),
        ("/webhooks/{id}", WebhookResource(webhooks, timeout_s)),
        ("/webhooks/{id}/deliveries", DeliveriesResource(webhooks, timeout_s)),
        (
            "/webhooks/{id}/deliveries/{delivery_id}/retry",
            DeliveryRetryResource(webhooks, timeout_s),
        ),
        ("/webhooks/{id}/rotate-secret", SecretRotationResource(webhooks, timeout_s)),
        ("/webhook-logs", WebhookLogsResource(webhooks, timeout_s)),
    ]


def create_app(settings: EdgeSettings | None = None) -> falcon.asgi.App:  # type: ignore[type-arg]
    settings = settings or EdgeSettings()
    channels = ServiceChannels({"ims": settings.ims_target, "oms": settings.oms_target})
    # Metrics outermost, so they see the final status of every request.
    middleware: list[Any] = [RequestMetrics(), channels]
    app = falcon.asgi.App(middleware=middleware)
    app.add_error_handler(falcon.HTTPError, handle_http_error)
    app.add_error_handler(grpc.aio.AioRpcError, handle_rpc_error)
    app.add_error_handler(RequestRefusedError, handle_refusal)
    # Operational, open, outside the API's document:
    app.add_route("/healthz", HealthResource(channels, settings.rpc_timeout_s))
    app.add_route("/metrics", MetricsResource())
    app.add_route("/openapi.json", OpenApiResource())
    app.add_route(
        "/docs", DocsPage("OMS & IMS: the original REST API (Falcon edge)", "/openapi.json")
    )
    app.add_route(
        "/docs/proto",
        DocsPage("OMS & IMS: the proto-native REST API (Envoy)", "/docs/proto/openapi.yaml"),
    )
    app.add_route("/docs/proto/openapi.yaml", ProtoOpenApiDocument(settings.proto_openapi))
    app.add_route("/docs/assets/{name}", DocsAsset())
    for template, resource in api_routes(channels, settings):
        app.add_route(template, resource)
    return app
