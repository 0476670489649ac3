"""The proto files that declare the services, imported so their descriptors are registered."""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf import descriptor_pool
from google.protobuf.descriptor import ServiceDescriptor
from iam.v1 import api_key_pb2, token_pb2  # noqa: F401  (imported to register their services)
from ims.v1 import (  # noqa: F401
    category_pb2,
    hub_pb2,
    inventory_pb2,
    seller_pb2,
    sku_pb2,
    tenant_pb2,
)
from oms.v1 import dead_letter_pb2, order_pb2, upload_pb2, webhook_pb2  # noqa: F401

SERVICE_FILES = (
    "iam/v1/api_key.proto",
    "iam/v1/token.proto",
    "ims/v1/category.proto",
    "ims/v1/hub.proto",
    "ims/v1/inventory.proto",
    "ims/v1/seller.proto",
    "ims/v1/sku.proto",
    "ims/v1/tenant.proto",
    "oms/v1/dead_letter.proto",
    "oms/v1/order.proto",
    "oms/v1/upload.proto",
    "oms/v1/webhook.proto",
)


def service_descriptors() -> Iterator[ServiceDescriptor]:
    """Every service of IMS and OMS."""
    pool = descriptor_pool.Default()
    for name in SERVICE_FILES:
        yield from pool.FindFileByName(name).services_by_name.values()
