"""Webhook registry rules: URL syntax, event types, headers, secrets, masks, list requests."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from ipaddress import ip_address

import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from oms.v1 import webhook_pb2

from common.grpc.errors import FieldViolation, ServiceError
from common.validation import Violations
from oms_grpc.core.domain.webhook_rules import (
    MAX_HEADERS,
    CallbackUrlError,
    DeliveryState,
    check_event_types,
    check_headers,
    deliveries_query,
    delivery_page_token,
    is_signing_secret,
    new_signing_secret,
    new_webhook,
    parse_callback_url,
    signing_key,
    update_paths,
    webhook_patch,
    webhooks_page_token,
    webhooks_query,
)

TENANT = "0190a0c1-0000-7000-8000-000000000001"
WEBHOOK = "0190a0c1-0000-7000-8000-0000000000aa"


def _violations(error: pytest.ExceptionInfo[ServiceError]) -> list[FieldViolation]:
    return list(error.value.violations)


def _fields(error: pytest.ExceptionInfo[ServiceError]) -> list[str]:
    return [v.field for v in error.value.violations]


# --- URL syntax ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "scheme", "host", "port", "address"),
    [
        ("https://hooks.example.com/orders", "https", "hooks.example.com", 443, None),
        ("http://hooks.example.com", "http", "hooks.example.com", 80, None),
        ("HTTPS://Hooks.Example.COM.:8443/p?q=1", "https", "hooks.example.com", 8443, None),
        ("https://8.8.8.8/x", "https", "8.8.8.8", 443, "8.8.8.8"),
        ("https://[2606:4700::1111]:444/", "https", "2606:4700::1111", 444, "2606:4700::1111"),
        ("https://my_service.example/x", "https", "my_service.example", 443, None),
    ],
)
def test_valid_urls_are_parsed(
    url: str, scheme: str, host: str, port: int, address: str | None
) -> None:
    parsed = parse_callback_url(url)
    assert parsed.url == url
    assert (parsed.scheme, parsed.host, parsed.port) == (scheme, host, port)
    assert parsed.address == (ip_address(address) if address else None)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "is required"),
        ("ftp://example.com/x", "https:// or http://"),
        ("file:///etc/passwd", "https:// or http://"),
        ("gopher://example.com", "https:// or http://"),
        ("example.com/hook", "https:// or http://"),
        ("https:/example.com", "https:// or http://"),
        ("https:///path", "must have a host"),
        ("https://", "must have a host"),
        ("https://:443/x", "must have a host"),
        ("https://user:pw@example.com/", "user name or password"),
        ("https://user@example.com/", "user name or password"),
        ("https://example.com@127.0.0.1/", "user name or password"),
        ("https://example.com/#frag", "fragment"),
        ("https://exa mple.com/", "spaces or control characters"),
        ("https://example.com/\r\nX: y", "spaces or control characters"),
        ("https://example.com\\@127.0.0.1/", "'\\'"),
        ("https://exämple.com/", "ASCII"),
        ("https://example.com:0/", "port between"),
        ("https://example.com:65536/", "port between"),
        ("https://example.com:http/", "port between"),
        ("https://example.com:/", "port between"),
        ("https://[::1/", "unterminated"),
        ("https://[::1]x/", "after the IPv6"),
        ("https://[not-ip]/", "invalid IPv6"),
        ("https://[fe80::1%25eth0]/", "zone id"),
        ("https://-bad-.example/", "invalid host name"),
        ("https://a..b/", "invalid host name"),
        ("https://%31%32%37.0.0.1/", "invalid host name"),
        ("https://" + "a" * 64 + ".example/", "invalid host name"),
        ("https://2130706433/", "four decimal numbers"),
        ("https://0x7f.1/", "four decimal numbers"),
        ("https://127.1/", "four decimal numbers"),
        ("https://127.000.000.001/", "four decimal numbers"),
        ("https://example.com/" + "a" * 2048, "at most 2048"),
    ],
)
def test_invalid_urls_are_refused(url: str, reason: str) -> None:
    with pytest.raises(CallbackUrlError) as error:
        parse_callback_url(url)
    assert reason in str(error.value)


def test_url_length_limit_is_inclusive() -> None:
    base = "https://example.com/"
    assert parse_callback_url(base + "a" * (2048 - len(base))).url.endswith("a")


# --- event types ---------------------------------------------------------------------------


def test_event_types_must_be_known_and_present() -> None:
    violations = Violations()
    assert check_event_types(violations, "f", ["order.created"]) == ("order.created",)
    assert check_event_types(
        violations, "f", ["order.updated", "order.created", "order.updated"]
    ) == (
        "order.updated",
        "order.created",
    )
    assert not violations
    check_event_types(violations, "f", [])
    check_event_types(violations, "g", ["order.created", "order.deleted", "ORDER.CREATED"])
    assert [v.field for v in violations.found] == ["f", "g[1]", "g[2]"]
    assert "order.created, order.updated" in violations.found[1].description


# --- headers -------------------------------------------------------------------------------


def test_good_headers_are_kept_sorted() -> None:
    violations = Violations()
    headers = check_headers(
        violations, "h", {"X-Api-Key": "secret", "Authorization": "Bearer abc", "x-empty": ""}
    )
    assert not violations
    assert headers == (("Authorization", "Bearer abc"), ("X-Api-Key", "secret"), ("x-empty", ""))


@pytest.mark.parametrize(
    ("headers", "field", "reason"),
    [
        ({"Bad Name": "v"}, "h[Bad Name]", "HTTP token"),
        ({"X:Y": "v"}, "h[X:Y]", "HTTP token"),
        ({"": "v"}, "h[]", "HTTP token"),
        ({"X-" + "a" * 100: "v"}, "h[X-" + "a" * 100 + "]", "HTTP token"),
        ({"X-A": "line\r\nInjected: 1"}, "h[X-A]", "CR, LF or NUL"),
        ({"X-A": "line\nx"}, "h[X-A]", "CR, LF or NUL"),
        ({"X-A": "nul\0"}, "h[X-A]", "CR, LF or NUL"),
        ({"X-A": "bell\x07"}, "h[X-A]", "printable ASCII"),
        ({"X-A": "grüße"}, "h[X-A]", "printable ASCII"),
        ({"X-A": " padded"}, "h[X-A]", "whitespace"),
        ({"X-A": "v" * 2049}, "h[X-A]", "at most 2048"),
        ({"Webhook-Signature": "v1,x"}, "h[Webhook-Signature]", "set by the dispatcher"),
        ({"webhook-id": "x"}, "h[webhook-id]", "set by the dispatcher"),
        ({"Webhook-Timestamp": "1"}, "h[Webhook-Timestamp]", "set by the dispatcher"),
        ({"Webhook-Anything": "1"}, "h[Webhook-Anything]", "set by the dispatcher"),
        ({"Content-Type": "text/plain"}, "h[Content-Type]", "set by the dispatcher"),
        ({"content-length": "5"}, "h[content-length]", "set by the dispatcher"),
        ({"Host": "evil"}, "h[Host]", "set by the dispatcher"),
        ({"Transfer-Encoding": "chunked"}, "h[Transfer-Encoding]", "set by the dispatcher"),
        ({"Proxy-Authorization": "x"}, "h[Proxy-Authorization]", "set by the dispatcher"),
        ({"X-Key": "a", "x-key": "b"}, "h[x-key]", "case-insensitive"),
    ],
)
def test_bad_headers_are_refused(headers: dict[str, str], field: str, reason: str) -> None:
    violations = Violations()
    check_headers(violations, "h", headers)
    assert [v.field for v in violations.found] == [field]
    assert reason in violations.found[0].description


def test_at_most_twenty_headers() -> None:
    violations = Violations()
    check_headers(violations, "h", {f"X-{i}": "v" for i in range(MAX_HEADERS)})
    assert not violations
    check_headers(violations, "h", {f"X-{i}": "v" for i in range(MAX_HEADERS + 1)})
    assert [(v.field, v.description) for v in violations.found] == [
        ("h", "must have at most 20 headers")
    ]


# --- signing secrets -----------------------------------------------------------------------


def test_signing_secrets_follow_standard_webhooks() -> None:
    first, second = new_signing_secret(), new_signing_secret()
    assert first != second
    assert first.startswith("whsec_")
    key = base64.b64decode(first.removeprefix("whsec_"), validate=True)
    assert len(key) == 32
    assert signing_key(first) == key
    assert is_signing_secret(first)


@pytest.mark.parametrize(
    "secret",
    [
        "",
        "whsec_",
        "sk_" + base64.b64encode(bytes(32)).decode(),
        "whsec_" + base64.b64encode(bytes(16)).decode(),  # too short
        "whsec_" + base64.b64encode(bytes(65)).decode(),  # too long
        "whsec_not*base64",
    ],
)
def test_malformed_secrets_are_recognised(secret: str) -> None:
    assert not is_signing_secret(secret)
    with pytest.raises(ValueError, match="signing secret"):
        signing_key(secret)


# --- create and update ---------------------------------------------------------------------


def _webhook(**fields: object) -> webhook_pb2.Webhook:
    values: dict[str, object] = {
        "tenant_id": TENANT,
        "url": "https://hooks.example.com/orders",
        "event_types": ["order.created"],
        "active": True,
    }
    values.update(fields)
    return webhook_pb2.Webhook(**values)  # type: ignore[arg-type]


def test_new_webhook_is_validated_and_canonical() -> None:
    webhook = new_webhook(
        _webhook(tenant_id=TENANT.upper(), headers={"X-B": "2", "X-A": "1"}, description="ERP")
    )
    assert webhook.tenant_id == TENANT
    assert webhook.url.host == "hooks.example.com"
    assert webhook.event_types == ("order.created",)
    assert webhook.headers == (("X-A", "1"), ("X-B", "2"))
    assert (webhook.active, webhook.description) == (True, "ERP")


def test_new_webhook_reports_every_violation_at_once() -> None:
    with pytest.raises(ServiceError) as error:
        new_webhook(
            webhook_pb2.Webhook(
                tenant_id="nope",
                url="ftp://x",
                event_types=[],
                headers={"Host": "x"},
                description=" padded ",
            )
        )
    assert _fields(error) == [
        "webhook.tenant_id",
        "webhook.url",
        "webhook.event_types",
        "webhook.headers[Host]",
        "webhook.description",
    ]


def test_update_mask_paths() -> None:
    everything = {"url", "event_types", "headers", "active", "description"}
    assert update_paths([]) == everything
    assert update_paths(["*"]) == everything
    assert update_paths(["active", "url"]) == {"active", "url"}
    with pytest.raises(ServiceError) as error:
        update_paths(["tenant_id", "secret", "*"])
    assert [v.description for v in _violations(error)] == [
        "'tenant_id' cannot be changed",
        "'secret' is not an updatable field",
        "'*' cannot be combined with other paths",
    ]
    assert set(_fields(error)) == {"update_mask"}


def test_patch_validates_only_the_selected_fields() -> None:
    request = webhook_pb2.UpdateWebhookRequest(
        webhook=webhook_pb2.Webhook(tenant_id=TENANT, id=WEBHOOK, active=False),
        update_mask=FieldMask(paths=["active"]),
    )
    patch = webhook_patch(request)
    assert (patch.ref.tenant_id, patch.ref.id) == (TENANT, WEBHOOK)
    assert patch.active is False
    assert (patch.url, patch.event_types, patch.headers, patch.description) == (None,) * 4


def test_patch_without_mask_replaces_every_mutable_field() -> None:
    request = webhook_pb2.UpdateWebhookRequest(webhook=_webhook(id=WEBHOOK))
    patch = webhook_patch(request)
    assert patch.url is not None and patch.event_types == ("order.created",)
    assert (patch.headers, patch.active, patch.description) == ((), True, "")
    with pytest.raises(ServiceError) as error:
        webhook_patch(
            webhook_pb2.UpdateWebhookRequest(
                webhook=webhook_pb2.Webhook(tenant_id=TENANT, id=WEBHOOK, active=True)
            )
        )
    assert _fields(error) == ["webhook.url", "webhook.event_types"]


def test_patch_needs_the_webhook_reference() -> None:
    with pytest.raises(ServiceError) as error:
        webhook_patch(webhook_pb2.UpdateWebhookRequest(webhook=webhook_pb2.Webhook()))
    assert _fields(error) == ["webhook.tenant_id", "webhook.id"]


# --- list requests -------------------------------------------------------------------------


def test_webhook_list_tokens_are_bound_to_the_tenant() -> None:
    query = webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=TENANT, page_size=5))
    assert (query.page_size, query.after_id) == (5, None)
    token = webhooks_page_token(WEBHOOK, query.fingerprint)
    again = webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=TENANT, page_token=token))
    assert again.after_id == WEBHOOK
    other = "0190a0c1-0000-7000-8000-000000000002"
    with pytest.raises(ServiceError) as error:
        webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=other, page_token=token))
    assert _fields(error) == ["page_token"]
    with pytest.raises(ServiceError) as error:
        webhooks_query(webhook_pb2.ListWebhooksRequest(tenant_id=TENANT, page_token="%%%"))
    assert _fields(error) == ["page_token"]


def test_delivery_list_filters_and_tokens() -> None:
    request = webhook_pb2.ListWebhookDeliveriesRequest(
        tenant_id=TENANT,
        webhook_id=WEBHOOK,
        state=webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
        event_type="order.updated",
        page_size=2000,
    )
    query = deliveries_query(request)
    assert query.state is DeliveryState.FAILED
    assert (query.event_type, query.event_id, query.page_size) == ("order.updated", None, 1000)
    stamp = datetime(2025, 1, 2, 3, 4, 5, 6000, tzinfo=UTC)
    request.page_token = delivery_page_token(stamp, "d-1", query.fingerprint)
    assert deliveries_query(request).after == (stamp, "d-1")
    request.state = webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED  # filters changed
    with pytest.raises(ServiceError) as error:
        deliveries_query(request)
    assert _fields(error) == ["page_token"]


def test_delivery_list_validation_names_fields() -> None:
    with pytest.raises(ServiceError) as error:
        deliveries_query(
            webhook_pb2.ListWebhookDeliveriesRequest(
                tenant_id="",
                webhook_id="x",
                state=42,  # type: ignore[arg-type]
                event_type="order.deleted",
                event_id="e" * 201,
                page_size=-1,
            )
        )
    assert _fields(error) == [
        "tenant_id",
        "webhook_id",
        "state",
        "event_type",
        "event_id",
        "page_size",
    ]
