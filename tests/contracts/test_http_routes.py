"""The REST surface declared in the protos is exactly the one SPEC.md documents."""

from __future__ import annotations

from pathlib import Path

import yaml
from google.api import annotations_pb2, http_pb2
from google.protobuf import descriptor_pb2
from openapi_spec_validator import validate

from devstack.openapi_tidy import undotted

ROOT = Path(__file__).resolve().parents[2]

EXPECTED: dict[str, tuple[str, str] | None] = {
    **{
        f"ims.v1.{entity}Service.{verb}{name}": route
        for entity, plural in [
            ("Tenant", "tenants"),
            ("Seller", "sellers"),
            ("Category", "categories"),
            ("Hub", "hubs"),
            ("Sku", "skus"),
        ]
        for verb, name, route in [
            ("Create", entity, ("post", f"/{plural}")),
            ("Get", entity, ("get", f"/{plural}/{{id}}")),
            ("List", "Categories" if entity == "Category" else f"{entity}s", ("get", f"/{plural}")),
            ("Update", entity, ("put", f"/{plural}/{{{entity.lower()}.id}}")),
            ("Delete", entity, ("delete", f"/{plural}/{{id}}")),
        ]
    },
    "ims.v1.InventoryService.UpsertInventory": ("put", "/inventory"),
    "ims.v1.InventoryService.GetInventory": ("get", "/inventory"),
    "ims.v1.InventoryService.ListInventoryTransactions": ("get", "/inventory/transactions"),
    # Internal RPCs (OMS → IMS): deliberately no REST route.
    "ims.v1.InventoryService.ReserveInventory": None,
    "ims.v1.InventoryService.ReleaseReservation": None,
    "ims.v1.InventoryService.CommitReservation": None,
    "oms.v1.OrderService.CreateOrder": ("post", "/orders"),
    "oms.v1.OrderService.GetOrder": ("get", "/orders/{id}"),
    "oms.v1.OrderService.ListOrders": ("get", "/orders"),
    "oms.v1.OrderService.CancelOrder": ("post", "/orders/{id}:cancel"),
    "oms.v1.UploadService.CreateUpload": ("post", "/orders/upload"),
    "oms.v1.UploadService.StreamUpload": None,  # client streaming: gRPC only
    "oms.v1.UploadService.CreateUploadUrl": ("post", "/orders/upload-urls"),
    "oms.v1.UploadService.ImportUpload": ("post", "/orders/bulk"),
    "oms.v1.UploadService.GetUpload": ("get", "/orders/uploads/{id}"),
    "oms.v1.UploadService.ListUploads": ("get", "/orders/uploads"),
    "oms.v1.UploadService.GetErrorFile": ("get", "/orders/errors/{file_name}"),
    "oms.v1.WebhookService.CreateWebhook": ("post", "/webhooks"),
    "oms.v1.WebhookService.ListWebhooks": ("get", "/webhooks"),
    "oms.v1.WebhookService.GetWebhook": ("get", "/webhooks/{id}"),
    "oms.v1.WebhookService.UpdateWebhook": ("put", "/webhooks/{webhook.id}"),
    "oms.v1.WebhookService.DeleteWebhook": ("delete", "/webhooks/{id}"),
    "oms.v1.WebhookService.ListWebhookDeliveries": ("get", "/webhooks/{webhook_id}/deliveries"),
    "oms.v1.WebhookService.RotateWebhookSecret": ("post", "/webhooks/{id}:rotateSecret"),
    "oms.v1.WebhookService.RetryWebhookDelivery": (
        "post",
        "/webhooks/{webhook_id}/deliveries/{delivery_id}:retry",
    ),
    # Platform administration (admin credential): beyond the original system.
    "oms.v1.DeadLetterService.ListDeadLetters": ("get", "/admin/dead-letters"),
    "oms.v1.DeadLetterService.RedriveDeadLetter": ("post", "/admin/dead-letters/{id}:redrive"),
    "iam.v1.ApiKeyService.CreateApiKey": ("post", "/tenants/{tenant_id}/api-keys"),
    "iam.v1.ApiKeyService.ListApiKeys": ("get", "/tenants/{tenant_id}/api-keys"),
    "iam.v1.ApiKeyService.RevokeApiKey": ("post", "/tenants/{tenant_id}/api-keys/{id}:revoke"),
    # Internal (OMS asks IMS whose key it is): no REST route.
    "iam.v1.ApiKeyService.AuthenticateApiKey": None,
    "iam.v1.TokenService.IssueToken": ("post", "/auth/token"),
}


def _declared_routes() -> dict[str, tuple[str, str] | None]:
    descriptors = descriptor_pb2.FileDescriptorSet.FromString(
        (ROOT / "envoy" / "descriptors.binpb").read_bytes()
    )
    routes: dict[str, tuple[str, str] | None] = {}
    for file in descriptors.file:
        if not file.package.startswith(("iam.", "ims.", "oms.")):
            continue
        for service in file.service:
            for method in service.method:
                name = f"{file.package}.{service.name}.{method.name}"
                if not method.options.HasExtension(annotations_pb2.http):
                    routes[name] = None
                    continue
                rule: http_pb2.HttpRule = method.options.Extensions[annotations_pb2.http]
                verb = rule.WhichOneof("pattern")
                assert verb is not None
                routes[name] = (verb, getattr(rule, verb))
    return routes


def test_every_rpc_has_exactly_the_documented_route() -> None:
    assert _declared_routes() == EXPECTED


def test_descriptor_set_carries_imports_and_source_info_for_envoy() -> None:
    descriptors = descriptor_pb2.FileDescriptorSet.FromString(
        (ROOT / "envoy" / "descriptors.binpb").read_bytes()
    )
    names = {f.name for f in descriptors.file}
    assert {"google/api/annotations.proto", "google/api/http.proto"} <= names
    hub = next(f for f in descriptors.file if f.name == "ims/v1/hub.proto")
    assert hub.source_code_info.location, "source info is needed for API docs/comments"


def test_the_generated_openapi_document_has_one_operation_per_route() -> None:
    """envoy/openapi.yaml (protoc-gen-openapiv2) is a valid document of exactly those routes,
    in the JSON names Envoy prints (snake_case), behind the bearer credential."""
    document = yaml.safe_load((ROOT / "envoy" / "openapi.yaml").read_text())
    validate(document)
    documented = {
        (verb, path)
        for path, operations in document["paths"].items()
        for verb in operations
        if verb != "parameters"
    }
    # The document names each path parameter by its last part (devstack/openapi_tidy.py).
    routed = {(route[0], undotted(route[1])) for route in EXPECTED.values() if route}
    assert documented == routed
    assert document["securityDefinitions"]["bearer"] == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": document["securityDefinitions"]["bearer"]["description"],
    }
    order = document["definitions"]["v1Order"]["properties"]
    assert {"tenant_id", "seller_id", "status_history"} <= set(order)
