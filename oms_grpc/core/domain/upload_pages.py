"""Page tokens of ListUploads: the (create_time, id) of the last upload served, bound to the
request's filters. Opaque to callers (`common.pagination`); a malformed one is
INVALID_ARGUMENT on `page_token`."""

from __future__ import annotations

from datetime import datetime

from common.errors import FieldViolation, invalid_argument
from common.ids import parse_uuid
from common.pagination import PageCursor, decode_token, encode_token
from common.texts import t


def uploads_page_token(create_time: datetime, upload_id: str, fingerprint: str) -> str:
    return encode_token(
        PageCursor(after=[create_time.isoformat(), upload_id], fingerprint=fingerprint)
    )


def uploads_cursor(token: str, fingerprint: str) -> tuple[datetime, str] | None:
    """(create_time, id) of the last upload served, or None for the first page."""
    cursor = decode_token(token, fingerprint)
    if cursor is None:
        return None
    try:
        stamp, upload_id = cursor.after
        moment = datetime.fromisoformat(stamp)
    except (ValueError, TypeError):
        moment, upload_id = None, None
    if moment is None or moment.tzinfo is None or parse_uuid(str(upload_id)) is None:
        raise invalid_argument([FieldViolation("page_token", t("is malformed"))])
    return moment, str(upload_id)
