"""Custom delivery headers (pure): which names and values a tenant may configure.

Names the dispatcher sets itself (the Standard Webhooks signature, body framing) or that
HTTP owns cannot be overridden; every problem names `field[Header-Name]`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from common.texts import t
from oms_grpc.core.domain.problems import ProblemSink

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


def check_headers(violations: ProblemSink, field: str, headers: Mapping[str, str]) -> Headers:
    """Custom delivery headers, sorted by name; violations name `field[Name]`."""
    if len(headers) > MAX_HEADERS:
        violations.add(field, t("must have at most {max_headers} headers", max_headers=MAX_HEADERS))
        return ()
    seen: dict[str, str] = {}
    for name, value in sorted(headers.items()):
        where = f"{field}[{name}]"
        lower = name.lower()
        if not name or len(name) > MAX_HEADER_NAME or not _TOKEN.match(name):
            violations.add(
                where,
                t(
                    "name must be an HTTP token of at most {max_header_name} characters",
                    max_header_name=MAX_HEADER_NAME,
                ),
            )
            continue
        if lower in RESERVED_HEADERS or lower.startswith(RESERVED_HEADER_PREFIXES):
            violations.add(where, t("is set by the dispatcher and cannot be overridden"))
            continue
        if lower in seen:
            violations.add(
                where, t("repeats header {value!r} (names are case-insensitive)", value=seen[lower])
            )
            continue
        seen[lower] = name
        if any(ch in value for ch in "\r\n\0"):
            violations.add(where, t("value must not contain CR, LF or NUL"))
        elif not all(ch == "\t" or 0x20 <= ord(ch) < 0x7F for ch in value):
            violations.add(where, t("value must be printable ASCII"))
        elif len(value) > MAX_HEADER_VALUE:
            violations.add(
                where,
                t(
                    "value must be at most {max_header_value} characters",
                    max_header_value=MAX_HEADER_VALUE,
                ),
            )
        elif value != value.strip(" \t"):
            violations.add(where, t("value must not start or end with whitespace"))
    return tuple(sorted(headers.items()))
