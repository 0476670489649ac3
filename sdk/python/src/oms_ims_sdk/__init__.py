"""The OMS & IMS Python SDK: an async client over the generated gRPC stubs.

from ims.v1 import seller_pb2
from oms_ims_sdk import connect, items
from oms.v1 import order_pb2

async with connect(ims_target="ims:50051", oms_target="oms:50052", api_key=KEY) as c:
    async for order in items(c.orders.ListOrders, order_pb2.ListOrdersRequest(tenant_id=T)):
        print(order.id, order_pb2.OrderStatus.Name(order.status))
"""

from oms_ims_sdk.client import DEFAULT_TIMEOUT_S, Client, connect, open_channel
from oms_ims_sdk.errors import (
    AlreadyExistsError,
    ApiError,
    FailedPreconditionError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    ResourceExhaustedError,
    UnauthenticatedError,
    UnavailableError,
)
from oms_ims_sdk.pagination import items, pages
from oms_ims_sdk.retry import RetryPolicy
from oms_ims_sdk.uploads import SendProgress, upload_file, wait_for_upload
from oms_ims_sdk.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "AlreadyExistsError",
    "ApiError",
    "Client",
    "FailedPreconditionError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "ResourceExhaustedError",
    "RetryPolicy",
    "SendProgress",
    "UnauthenticatedError",
    "UnavailableError",
    "WebhookVerificationError",
    "connect",
    "items",
    "open_channel",
    "pages",
    "upload_file",
    "verify_webhook",
    "wait_for_upload",
]
