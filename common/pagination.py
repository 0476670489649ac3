"""AIP-158 pagination: page sizes and opaque, filter-bound page tokens (pure)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from common.errors import FieldViolation, invalid_argument
from common.texts import t

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


def page_size(
    requested: int, *, default: int = DEFAULT_PAGE_SIZE, maximum: int = MAX_PAGE_SIZE
) -> int:
    """0 means the default; above the maximum is coerced down (AIP-158); negative is an error."""
    if requested < 0:
        raise invalid_argument([FieldViolation("page_size", t("must not be negative"))])
    if requested == 0:
        return default
    return min(requested, maximum)


def filter_fingerprint(filters: dict[str, Any]) -> str:
    """Stable digest of the request's filters: a token only continues the same query."""
    canonical = json.dumps(filters, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class PageCursor:
    """Where the next page starts: the sort key of the last item served."""

    after: list[Any]
    fingerprint: str


def encode_token(cursor: PageCursor) -> str:
    payload = json.dumps({"a": cursor.after, "f": cursor.fingerprint}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_token(token: str, fingerprint: str) -> PageCursor | None:
    """None for the first page; INVALID_ARGUMENT for a malformed or foreign token."""
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()))
        after, found = payload["a"], payload["f"]
        if not isinstance(after, list) or not isinstance(found, str):
            raise ValueError("bad shape")
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise invalid_argument([FieldViolation("page_token", t("is malformed"))]) from None
    if found != fingerprint:
        raise invalid_argument(
            [FieldViolation("page_token", t("does not belong to a request with these filters"))]
        )
    return PageCursor(after=after, fingerprint=found)
