"""Page tokens of the webhook list RPCs: what a cursor holds, bound to the request's filters.

Tokens are opaque to callers (`common.pagination`); a malformed one is INVALID_ARGUMENT on
`page_token`.
"""

from __future__ import annotations

from datetime import datetime

from common.errors import FieldViolation, invalid_argument
from common.ids import parse_uuid
from common.pagination import PageCursor, decode_token, encode_token
from common.texts import t


def webhooks_page_token(webhook_id: str, fingerprint: str) -> str:
    return encode_token(PageCursor(after=[webhook_id], fingerprint=fingerprint))


def webhooks_cursor(token: str, fingerprint: str) -> str | None:
    """The id of the last webhook served, or None for the first page."""
    cursor = decode_token(token, fingerprint)
    if cursor is None:
        return None
    if len(cursor.after) != 1 or parse_uuid(str(cursor.after[0])) is None:
        raise invalid_argument([FieldViolation("page_token", t("is malformed"))])
    return str(cursor.after[0])


def delivery_page_token(create_time: datetime, delivery_id: str, fingerprint: str) -> str:
    return encode_token(
        PageCursor(after=[create_time.isoformat(), delivery_id], fingerprint=fingerprint)
    )


def deliveries_cursor(token: str, fingerprint: str) -> tuple[datetime, str] | None:
    """(create_time, id) of the last delivery served, or None for the first page."""
    cursor = decode_token(token, fingerprint)
    if cursor is None:
        return None
    try:
        stamp, delivery_id = cursor.after
        return datetime.fromisoformat(stamp), str(delivery_id)
    except (ValueError, TypeError):
        raise invalid_argument([FieldViolation("page_token", t("is malformed"))]) from None
