"""Webhook registry rules (pure): callback URL syntax, event types, custom headers, signing
secrets, update masks and the list requests.

Every check names the request field it refers to (`webhook.url`, `webhook.headers[X-Key]`,
…) and all violations of a request are reported together. Whether the URL's host may be
called at all (the SSRF policy) is decided by `oms_grpc.core.domain.ssrf` on the host's addresses,
which the async guard in `oms_grpc.core.webhooks_dns` looks up.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from ipaddress import IPv4Address, IPv6Address

from oms.v1 import webhook_pb2

from common.grpc.errors import FieldViolation, invalid_argument
from common.ids import parse_uuid
from common.pagination import PageCursor, decode_token, encode_token, filter_fingerprint, page_size
from common.validation import MAX_TEXT, Violations
from oms_grpc.core.domain.ssrf import IPAddress

# --- event types ---------------------------------------------------------------------------

ORDER_CREATED = "order.created"
ORDER_UPDATED = "order.updated"
EVENT_TYPES = (ORDER_CREATED, ORDER_UPDATED)

# --- callback URLs -------------------------------------------------------------------------

MAX_URL_LENGTH = 2048
SCHEMES = ("https", "http")
_DEFAULT_PORTS = {"https": 443, "http": 80}
_LABEL = r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
_HOST_NAME = re.compile(rf"^{_LABEL}(?:\.{_LABEL})*\.?$")
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)
_PORT = re.compile(r"^[0-9]{1,5}$")
MAX_HOST_LENGTH = 253


class CallbackUrlError(ValueError):
    """The URL is not an acceptable callback; the message says why."""


@dataclass(frozen=True)
class CallbackUrl:
    """A syntactically valid callback URL, as given, with its parsed destination."""

    url: str
    scheme: str
    host: str  # lower case, without brackets or the root dot
    port: int
    address: IPAddress | None  # set when the host is an IP literal


def parse_callback_url(url: str) -> CallbackUrl:
    """Parse strictly; raises CallbackUrlError (never resolves names)."""
    if not url:
        raise CallbackUrlError("is required")
    if len(url) > MAX_URL_LENGTH:
        raise CallbackUrlError(f"must be at most {MAX_URL_LENGTH} characters")
    if not url.isascii():
        raise CallbackUrlError("must be ASCII (percent-encode the path, use punycode for the host)")
    if any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        raise CallbackUrlError("must not contain spaces or control characters")
    if "\\" in url:
        raise CallbackUrlError("must not contain '\\'")
    scheme, separator, rest = url.partition("://")
    scheme = scheme.lower()
    if not separator or scheme not in SCHEMES:
        raise CallbackUrlError("must be an https:// or http:// URL")
    authority_end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority, tail = rest[:authority_end], rest[authority_end:]
    if "#" in tail:
        raise CallbackUrlError("must not have a fragment")
    if "@" in authority:
        raise CallbackUrlError("must not contain a user name or password")
    host, port = _split_authority(authority, scheme)
    address = _host_address(host)
    if address is None:
        _check_host_name(host)
        host = host.rstrip(".").lower()
    else:
        host = str(address)
    return CallbackUrl(url=url, scheme=scheme, host=host, port=port, address=address)


def _split_authority(authority: str, scheme: str) -> tuple[str, int]:
    if authority.startswith("["):
        end = authority.find("]")
        if end < 0:
            raise CallbackUrlError("has an unterminated IPv6 address")
        host, after = authority[: end + 1], authority[end + 1 :]
        if after and not after.startswith(":"):
            raise CallbackUrlError("has characters after the IPv6 address")
        port_text = after[1:] if after else None
    else:
        host, colon, port_text_found = authority.partition(":")
        port_text = port_text_found if colon else None
    if not host:
        raise CallbackUrlError("must have a host")
    if port_text is None:
        return host, _DEFAULT_PORTS[scheme]
    if not _PORT.match(port_text) or not 1 <= int(port_text) <= 65535:
        raise CallbackUrlError("must have a port between 1 and 65535")
    return host, int(port_text)


def _host_address(host: str) -> IPAddress | None:
    if host.startswith("["):
        inner = host[1:-1]
        if "%" in inner:
            raise CallbackUrlError("must not use an IPv6 zone id")
        try:
            return IPv6Address(inner)
        except ValueError:
            raise CallbackUrlError("has an invalid IPv6 address") from None
    try:
        return IPv4Address(host)
    except ValueError:
        return None


def _check_host_name(host: str) -> None:
    name = host.rstrip(".")
    if len(name) > MAX_HOST_LENGTH or not _HOST_NAME.match(host):
        raise CallbackUrlError("has an invalid host name")
    # Like browsers and curl, treat a numeric last label as an IPv4 address in disguise
    # (`2130706433`, `0x7f.1`, `127.1`): only the dotted-quad form is accepted.
    if _NUMERIC_LABEL.match(name.rsplit(".", 1)[-1]):
        raise CallbackUrlError("must write an IPv4 address as four decimal numbers")


# --- custom headers ------------------------------------------------------------------------

MAX_HEADERS = 20
MAX_HEADER_NAME = 100
MAX_HEADER_VALUE = 2048
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # RFC 9110 §5.6.2
# Set by the dispatcher (Standard Webhooks signature, body framing) or by HTTP itself.
RESERVED_HEADERS = frozenset(
    {
        "webhook-id",
        "webhook-timestamp",
        "webhook-signature",
        "content-type",
        "content-length",
        "content-encoding",
        "transfer-encoding",
        "host",
        "connection",
        "keep-alive",
        "upgrade",
        "te",
        "trailer",
        "expect",
        "user-agent",
        "proxy-authorization",
        "proxy-connection",
    }
)
RESERVED_HEADER_PREFIXES = ("webhook-", "proxy-")

Headers = tuple[tuple[str, str], ...]


def check_headers(violations: Violations, field: str, headers: Mapping[str, str]) -> Headers:
    """Custom delivery headers, sorted by name; violations name `field[Name]`."""
    if len(headers) > MAX_HEADERS:
        violations.add(field, f"must have at most {MAX_HEADERS} headers")
        return ()
    seen: dict[str, str] = {}
    for name, value in sorted(headers.items()):
        where = f"{field}[{name}]"
        lower = name.lower()
        if not name or len(name) > MAX_HEADER_NAME or not _TOKEN.match(name):
            violations.add(
                where, f"name must be an HTTP token of at most {MAX_HEADER_NAME} characters"
            )
            continue
        if lower in RESERVED_HEADERS or lower.startswith(RESERVED_HEADER_PREFIXES):
            violations.add(where, "is set by the dispatcher and cannot be overridden")
            continue
        if lower in seen:
            violations.add(where, f"repeats header {seen[lower]!r} (names are case-insensitive)")
            continue
        seen[lower] = name
        if any(ch in value for ch in "\r\n\0"):
            violations.add(where, "value must not contain CR, LF or NUL")
        elif not all(ch == "\t" or 0x20 <= ord(ch) < 0x7F for ch in value):
            violations.add(where, "value must be printable ASCII")
        elif len(value) > MAX_HEADER_VALUE:
            violations.add(where, f"value must be at most {MAX_HEADER_VALUE} characters")
        elif value != value.strip(" \t"):
            violations.add(where, "value must not start or end with whitespace")
    return tuple(sorted(headers.items()))


def check_event_types(violations: Violations, field: str, values: Sequence[str]) -> tuple[str, ...]:
    """At least one known event type; duplicates are dropped, the order is kept."""
    if not values:
        violations.add(field, f"must list at least one of {', '.join(EVENT_TYPES)}")
        return ()
    for index, value in enumerate(values):
        if value not in EVENT_TYPES:
            violations.add(f"{field}[{index}]", f"must be one of {', '.join(EVENT_TYPES)}")
    return tuple(dict.fromkeys(values))


def check_url(violations: Violations, field: str, url: str) -> CallbackUrl | None:
    try:
        return parse_callback_url(url)
    except CallbackUrlError as problem:
        violations.add(field, str(problem))
        return None


# --- signing secrets (Standard Webhooks) ---------------------------------------------------

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32
MIN_SECRET_BYTES = 24
MAX_SECRET_BYTES = 64


def new_signing_secret() -> str:
    """`whsec_` + base64 of 32 random bytes from the OS CSPRNG."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def signing_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_` secret; ValueError if it is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise ValueError("a signing secret starts with 'whsec_'")
    try:
        key = base64.b64decode(secret[len(SECRET_PREFIX) :], validate=True)
    except binascii.Error:
        raise ValueError("a signing secret is base64 after 'whsec_'") from None
    if not MIN_SECRET_BYTES <= len(key) <= MAX_SECRET_BYTES:
        raise ValueError(
            f"a signing secret has {MIN_SECRET_BYTES} to {MAX_SECRET_BYTES} bytes of key"
        )
    return key


def is_signing_secret(secret: str) -> bool:
    try:
        signing_key(secret)
    except ValueError:
        return False
    return True


# --- create and update ---------------------------------------------------------------------

MUTABLE_FIELDS = ("url", "event_types", "headers", "active", "description")
IMMUTABLE_FIELDS = frozenset({"id", "tenant_id", "create_time", "update_time"})


@dataclass(frozen=True)
class WebhookRef:
    tenant_id: str
    id: str


@dataclass(frozen=True)
class NewWebhook:
    tenant_id: str
    url: CallbackUrl
    event_types: tuple[str, ...]
    headers: Headers
    active: bool
    description: str


@dataclass(frozen=True)
class WebhookPatch:
    """The fields an update sets; None leaves a field unchanged."""

    ref: WebhookRef
    url: CallbackUrl | None = None
    event_types: tuple[str, ...] | None = None
    headers: Headers | None = None
    active: bool | None = None
    description: str | None = None


def _uuid(violations: Violations, field: str, value: str) -> str:
    violations.uuid(field, value)
    parsed = parse_uuid(value) if value else None
    return str(parsed) if parsed is not None else value


def webhook_ref(
    tenant_id: str, webhook_id: str, *, tenant_field: str = "tenant_id", id_field: str = "id"
) -> WebhookRef:
    violations = Violations()
    ref = WebhookRef(
        _uuid(violations, tenant_field, tenant_id), _uuid(violations, id_field, webhook_id)
    )
    violations.raise_if_any()
    return ref


def new_webhook(webhook: webhook_pb2.Webhook) -> NewWebhook:
    """A create request's webhook, validated (every violation at once)."""
    violations = Violations()
    tenant_id = _uuid(violations, "webhook.tenant_id", webhook.tenant_id)
    url = check_url(violations, "webhook.url", webhook.url)
    event_types = check_event_types(violations, "webhook.event_types", webhook.event_types)
    headers = check_headers(violations, "webhook.headers", webhook.headers)
    violations.text("webhook.description", webhook.description, required=False, max_length=MAX_TEXT)
    violations.raise_if_any()
    assert url is not None
    return NewWebhook(
        tenant_id=tenant_id,
        url=url,
        event_types=event_types,
        headers=headers,
        active=webhook.active if webhook.HasField("active") else True,
        description=webhook.description,
    )


def update_paths(paths: Sequence[str]) -> frozenset[str]:
    """The mutable fields an update mask selects (empty or `*` = all of them)."""
    if not paths or list(paths) == ["*"]:
        return frozenset(MUTABLE_FIELDS)
    violations = Violations()
    for path in paths:
        if path == "*":
            violations.add("update_mask", "'*' cannot be combined with other paths")
        elif path in IMMUTABLE_FIELDS:
            violations.add("update_mask", f"{path!r} cannot be changed")
        elif path not in MUTABLE_FIELDS:
            violations.add("update_mask", f"{path!r} is not an updatable field")
    violations.raise_if_any()
    return frozenset(paths)


def webhook_patch(request: webhook_pb2.UpdateWebhookRequest) -> WebhookPatch:
    """An update request, validated: only the selected fields are checked and set."""
    webhook = request.webhook
    ref = webhook_ref(
        webhook.tenant_id, webhook.id, tenant_field="webhook.tenant_id", id_field="webhook.id"
    )
    paths = update_paths(request.update_mask.paths)
    violations = Violations()
    url = check_url(violations, "webhook.url", webhook.url) if "url" in paths else None
    event_types = (
        check_event_types(violations, "webhook.event_types", webhook.event_types)
        if "event_types" in paths
        else None
    )
    headers = (
        check_headers(violations, "webhook.headers", webhook.headers)
        if "headers" in paths
        else None
    )
    if "description" in paths:
        violations.text(
            "webhook.description", webhook.description, required=False, max_length=MAX_TEXT
        )
    violations.raise_if_any()
    return WebhookPatch(
        ref=ref,
        url=url,
        event_types=event_types,
        headers=headers,
        active=webhook.active if "active" in paths else None,
        description=webhook.description if "description" in paths else None,
    )


# --- list requests -------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhooksQuery:
    """One page of a tenant's webhooks, oldest first (ids are UUIDv7)."""

    tenant_id: str
    page_size: int
    after_id: str | None
    fingerprint: str


def webhooks_query(request: webhook_pb2.ListWebhooksRequest) -> WebhooksQuery:
    violations = Violations()
    tenant_id = _uuid(violations, "tenant_id", request.tenant_id)
    if request.page_size < 0:
        violations.add("page_size", "must not be negative")
    violations.raise_if_any()
    fingerprint = filter_fingerprint({"list": "webhooks", "tenant_id": tenant_id})
    cursor = decode_token(request.page_token, fingerprint)
    after_id: str | None = None
    if cursor is not None:
        if len(cursor.after) != 1 or parse_uuid(str(cursor.after[0])) is None:
            raise invalid_argument([FieldViolation("page_token", "is malformed")])
        after_id = str(cursor.after[0])
    return WebhooksQuery(tenant_id, page_size(request.page_size), after_id, fingerprint)


class DeliveryState(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    RETRYING = "retrying"
    FAILED = "failed"


DELIVERY_STATE_TO_PROTO: dict[DeliveryState, webhook_pb2.WebhookDeliveryState] = {
    DeliveryState.PENDING: webhook_pb2.WEBHOOK_DELIVERY_STATE_PENDING,
    DeliveryState.SUCCEEDED: webhook_pb2.WEBHOOK_DELIVERY_STATE_SUCCEEDED,
    DeliveryState.RETRYING: webhook_pb2.WEBHOOK_DELIVERY_STATE_RETRYING,
    DeliveryState.FAILED: webhook_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
}
_DELIVERY_STATE_FROM_PROTO = {value: key for key, value in DELIVERY_STATE_TO_PROTO.items()}
MAX_EVENT_ID = 200


@dataclass(frozen=True)
class DeliveriesQuery:
    """One page of a webhook's deliveries, newest first; None filters do not filter."""

    webhook: WebhookRef
    state: DeliveryState | None
    event_type: str | None
    event_id: str | None
    page_size: int
    after: tuple[datetime, str] | None  # (create_time, id) of the last delivery served
    fingerprint: str


def deliveries_query(request: webhook_pb2.ListWebhookDeliveriesRequest) -> DeliveriesQuery:
    violations = Violations()
    tenant_id = _uuid(violations, "tenant_id", request.tenant_id)
    webhook_id = _uuid(violations, "webhook_id", request.webhook_id)
    state: DeliveryState | None = None
    if request.state != webhook_pb2.WEBHOOK_DELIVERY_STATE_UNSPECIFIED:
        state = _DELIVERY_STATE_FROM_PROTO.get(request.state)
        if state is None:
            violations.add("state", "is not a known delivery state")
    if request.event_type:
        violations.one_of("event_type", request.event_type, EVENT_TYPES)
    violations.text("event_id", request.event_id, required=False, max_length=MAX_EVENT_ID)
    if request.page_size < 0:
        violations.add("page_size", "must not be negative")
    violations.raise_if_any()
    filters = {
        "list": "webhook_deliveries",
        "tenant_id": tenant_id,
        "webhook_id": webhook_id,
        "state": state.value if state else None,
        "event_type": request.event_type or None,
        "event_id": request.event_id or None,
    }
    fingerprint = filter_fingerprint(filters)
    return DeliveriesQuery(
        webhook=WebhookRef(tenant_id, webhook_id),
        state=state,
        event_type=request.event_type or None,
        event_id=request.event_id or None,
        page_size=page_size(request.page_size),
        after=_delivery_cursor(decode_token(request.page_token, fingerprint)),
        fingerprint=fingerprint,
    )


def _delivery_cursor(cursor: PageCursor | None) -> tuple[datetime, str] | None:
    if cursor is None:
        return None
    try:
        stamp, delivery_id = cursor.after
        return datetime.fromisoformat(stamp), str(delivery_id)
    except (ValueError, TypeError):
        raise invalid_argument([FieldViolation("page_token", "is malformed")]) from None


def delivery_page_token(create_time: datetime, delivery_id: str, fingerprint: str) -> str:
    return encode_token(
        PageCursor(after=[create_time.isoformat(), delivery_id], fingerprint=fingerprint)
    )


def webhooks_page_token(webhook_id: str, fingerprint: str) -> str:
    return encode_token(PageCursor(after=[webhook_id], fingerprint=fingerprint))
