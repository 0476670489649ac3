"""Query parameters as the original API sends them: RFC 3339 times, whole-number limits."""

from __future__ import annotations

from datetime import datetime

import falcon.asgi
from google.protobuf.timestamp_pb2 import Timestamp

from common.texts import t
from edge_rest.errors import bad_request

MAX_LIMIT = 1000


def query_time(req: falcon.asgi.Request, name: str) -> Timestamp | None:
    """The time in `?name=` (None when absent); a time without its zone is refused."""
    value = req.get_param(name)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise bad_request(
            {name: t("must be an RFC 3339 time, e.g. 2026-01-31T12:00:00Z")}
        ) from None
    if moment.tzinfo is None:
        raise bad_request({name: t("must say its time zone, e.g. 2026-01-31T12:00:00Z")})
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


def query_limit(req: falcon.asgi.Request, default: int = 100) -> int:
    """`?limit=`: how many items at most, 1 to MAX_LIMIT."""
    value = req.get_param("limit")
    if value is None:
        return default
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise bad_request(
            {"limit": t("must be a whole number from 1 to {max_limit}", max_limit=MAX_LIMIT)}
        )
    return int(value)
