"""Falcon ASGI composition root for the REST edge."""

from __future__ import annotations

import falcon
import falcon.asgi
import grpc
from ims.v1 import (
    category_pb2_grpc,
    hub_pb2_grpc,
    inventory_pb2_grpc,
    seller_pb2_grpc,
    sku_pb2_grpc,
    tenant_pb2_grpc,
)
from oms.v1 import order_pb2_grpc, upload_pb2_grpc, webhook_pb2_grpc

from edge_rest.catalog import (
    CategoriesResource,
    CategoryResource,
    SellerResource,
    SellersResource,
)
from edge_rest.channels import ServiceChannels
from edge_rest.errors import (
    RequestRefusedError,
    handle_http_error,
    handle_refusal,
    handle_rpc_error,
)
from edge_rest.health import HealthResource
from edge_rest.hubs import HubResource, HubsResource
from edge_rest.inventory import InventoryResource
from edge_rest.orders import OrdersResource
from edge_rest.settings import EdgeSettings
from edge_rest.skus import SkuResource, SkusResource
from edge_rest.tenants import TenantResource, TenantsResource
from edge_rest.uploads import ErrorFileResource, UploadResource, UploadsResource
from edge_rest.webhooks import WebhookResource, WebhooksResource


def create_app(settings: EdgeSettings | None = None) -> falcon.asgi.App:  # type: ignore[type-arg]
    settings = settings or EdgeSettings()
    channels = ServiceChannels({"ims": settings.ims_target, "oms": settings.oms_target})
    app = falcon.asgi.App(middleware=[channels])
    app.add_error_handler(falcon.HTTPError, handle_http_error)
    app.add_error_handler(grpc.aio.AioRpcError, handle_rpc_error)
    app.add_error_handler(RequestRefusedError, handle_refusal)
    timeout_s = settings.rpc_timeout_s
    app.add_route("/healthz", HealthResource(channels, timeout_s))
    tenants = channels.stub("ims", tenant_pb2_grpc.TenantServiceStub)
    app.add_route("/tenants", TenantsResource(tenants, timeout_s))
    app.add_route("/tenants/{tenant_id}", TenantResource(tenants, timeout_s))
    sellers = channels.stub("ims", seller_pb2_grpc.SellerServiceStub)
    app.add_route("/sellers", SellersResource(sellers, timeout_s))
    app.add_route("/sellers/{id}", SellerResource(sellers, timeout_s))
    categories = channels.stub("ims", category_pb2_grpc.CategoryServiceStub)
    app.add_route("/categories", CategoriesResource(categories, timeout_s))
    app.add_route("/categories/{id}", CategoryResource(categories, timeout_s))
    hubs = channels.stub("ims", hub_pb2_grpc.HubServiceStub)
    app.add_route("/hubs", HubsResource(hubs, timeout_s))
    app.add_route("/hubs/{id}", HubResource(hubs, timeout_s))
    skus = channels.stub("ims", sku_pb2_grpc.SkuServiceStub)
    app.add_route("/skus", SkusResource(skus, timeout_s))
    app.add_route("/skus/{id}", SkuResource(skus, timeout_s))
    inventory = channels.stub("ims", inventory_pb2_grpc.InventoryServiceStub)
    app.add_route("/inventory", InventoryResource(inventory, timeout_s))
    orders = channels.stub("oms", order_pb2_grpc.OrderServiceStub)
    app.add_route("/orders", OrdersResource(orders, timeout_s))
    webhooks = channels.stub("oms", webhook_pb2_grpc.WebhookServiceStub)
    app.add_route("/webhooks", WebhooksResource(webhooks, timeout_s))
    app.add_route("/webhooks/{id}", WebhookResource(webhooks, timeout_s))
    uploads = channels.stub("oms", upload_pb2_grpc.UploadServiceStub)
    app.add_route("/orders/upload", UploadsResource(uploads, settings.upload_timeout_s))
    app.add_route("/orders/uploads/{id}", UploadResource(uploads, timeout_s))
    app.add_route("/orders/errors/{file}", ErrorFileResource(uploads, settings.upload_timeout_s))
    return app
