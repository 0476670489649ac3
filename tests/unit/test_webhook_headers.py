"""Custom delivery headers and event types (pure)."""

from __future__ import annotations

import pytest

from common.validation import Violations
from oms_grpc.core.domain.webhook_events import check_event_types
from oms_grpc.core.domain.webhook_headers import MAX_HEADERS, check_headers


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
