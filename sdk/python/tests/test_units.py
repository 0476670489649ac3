"""The SDK's pure parts: page iteration, retry config, error types, webhook verification."""

from __future__ import annotations

import base64
import json
import secrets

import grpc
import pytest
from oms.v1 import order_pb2
from standardwebhooks import Webhook

from oms_ims_sdk import (
    ApiError,
    NotFoundError,
    RetryPolicy,
    WebhookVerificationError,
    items,
    pages,
    verify_webhook,
)
from oms_ims_sdk.pagination import items_field
from oms_ims_sdk.services import service_descriptors


def test_every_list_rpc_pages_the_same_way() -> None:
    lists = [m for s in service_descriptors() for m in s.methods if m.name.startswith("List")]
    assert len(lists) >= 12
    for method in lists:
        request, response = method.input_type, method.output_type
        assert {"page_size", "page_token"} <= set(request.fields_by_name), method.full_name
        assert "next_page_token" in response.fields_by_name, method.full_name
        assert items_field(response)  # exactly one repeated message field


class _Orders:
    """A ListOrders over a fixed list, honouring page_size and page_token."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.requests: list[order_pb2.ListOrdersRequest] = []

    async def __call__(self, request: order_pb2.ListOrdersRequest) -> order_pb2.ListOrdersResponse:
        seen = order_pb2.ListOrdersRequest()
        seen.CopyFrom(request)
        self.requests.append(seen)
        start = int(request.page_token or 0)
        end = start + request.page_size
        return order_pb2.ListOrdersResponse(
            orders=[order_pb2.Order(id=i) for i in self.ids[start:end]],
            next_page_token=str(end) if end < len(self.ids) else "",
        )


async def test_pages_follow_the_token_to_the_last_page() -> None:
    method = _Orders([f"o{n}" for n in range(5)])
    request = order_pb2.ListOrdersRequest(tenant_id="t")
    seen = [[o.id for o in page.orders] async for page in pages(method, request, page_size=2)]
    assert seen == [["o0", "o1"], ["o2", "o3"], ["o4"]]
    assert [r.page_token for r in method.requests] == ["", "2", "4"]
    assert all(r.tenant_id == "t" for r in method.requests)
    assert request.page_size == 0 and request.page_token == ""  # the caller's is untouched
    assert [o.id async for o in items(method, request, page_size=3)] == [f"o{n}" for n in range(5)]


async def test_an_empty_list_is_one_empty_page() -> None:
    method = _Orders([])
    request = order_pb2.ListOrdersRequest(tenant_id="t")
    assert [o async for o in items(method, request, page_size=2)] == []
    assert len(method.requests) == 1


def test_the_retry_policy_retries_reads_only() -> None:
    config = json.loads(RetryPolicy(max_attempts=3, initial_backoff_s=0.1).service_config())
    (method,) = config["methodConfig"]
    names = {(n["service"], n["method"]) for n in method["name"]}
    assert ("oms.v1.OrderService", "GetOrder") in names
    assert ("oms.v1.OrderService", "ListOrders") in names
    assert ("ims.v1.InventoryService", "GetInventory") in names
    assert ("oms.v1.OrderService", "CreateOrder") not in names  # a write
    assert ("ims.v1.InventoryService", "ReserveInventory") not in names
    assert not any(m.startswith(("Create", "Update", "Delete")) for _, m in names)
    assert method["retryPolicy"]["maxAttempts"] == 3
    assert method["retryPolicy"]["initialBackoff"] == "0.1s"
    assert method["retryPolicy"]["retryableStatusCodes"] == ["UNAVAILABLE"]
    assert json.loads(RetryPolicy(max_attempts=1).service_config()) == {"methodConfig": []}
    with pytest.raises(ValueError):
        RetryPolicy(max_attempts=6).service_config()


def test_errors_are_typed_and_still_grpc_errors() -> None:
    raw = grpc.aio.AioRpcError(
        grpc.StatusCode.NOT_FOUND, grpc.aio.Metadata(), grpc.aio.Metadata(), "order x", None
    )
    error = ApiError.of(raw)
    assert isinstance(error, NotFoundError) and isinstance(error, grpc.aio.AioRpcError)
    assert error.code() == grpc.StatusCode.NOT_FOUND and error.details() == "order x"
    other = ApiError.of(
        grpc.aio.AioRpcError(
            grpc.StatusCode.INTERNAL, grpc.aio.Metadata(), grpc.aio.Metadata(), "boom", None
        )
    )
    assert type(other) is ApiError


SECRET = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
BODY = b'{"event_id":"e1"}'


def _signed(
    secret: str, message_id: str = "msg_1", timestamp: int = 1_700_000_000
) -> dict[str, str]:
    """Headers signed by the Standard Webhooks reference implementation."""
    from datetime import UTC, datetime

    signature = Webhook(secret).sign(
        message_id, datetime.fromtimestamp(timestamp, UTC), BODY.decode()
    )
    return {
        "Webhook-Id": message_id,
        "Webhook-Timestamp": str(timestamp),
        "Webhook-Signature": signature,
    }


def test_a_reference_signature_verifies_and_gives_the_webhook_id() -> None:
    headers = _signed(SECRET)
    assert verify_webhook(SECRET, headers, BODY, now=1_700_000_010) == "msg_1"


def test_any_of_several_signatures_verifies() -> None:
    other = "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()
    headers = _signed(SECRET)
    headers["Webhook-Signature"] = (
        _signed(other)["Webhook-Signature"] + " " + headers["Webhook-Signature"]
    )
    assert verify_webhook(other, headers, BODY, now=1_700_000_000) == "msg_1"
    assert verify_webhook(SECRET, headers, BODY, now=1_700_000_000) == "msg_1"


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"body": b'{"event_id":"e2"}'}, "no matching"),
        ({"now": 1_700_000_000 + 301}, "tolerance"),
        ({"drop": "Webhook-Signature"}, "missing header"),
        ({"secret": "whsec_" + base64.b64encode(b"x" * 32).decode()}, "no matching"),
        ({"secret": "whsec_***"}, "not a whsec_"),
    ],
)
def test_a_forged_stale_or_incomplete_request_is_refused(
    change: dict[str, object], why: str
) -> None:
    headers = _signed(SECRET)
    if "drop" in change:
        del headers[str(change["drop"])]
    body = change.get("body", BODY)
    now = change.get("now", 1_700_000_000)
    secret = change.get("secret", SECRET)
    assert isinstance(body, bytes) and isinstance(now, int) and isinstance(secret, str)
    with pytest.raises(WebhookVerificationError, match=why):
        verify_webhook(secret, headers, body, now=now)
