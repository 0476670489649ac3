"""Column values → proto field values, shared by the repositories."""

from __future__ import annotations

import json
import uuid
from typing import Any

from common.timestamps import to_timestamp

# A `timestamptz` column as a protobuf Timestamp.
timestamp = to_timestamp


def id_text(value: uuid.UUID | None) -> str:
    """A `uuid` column as proto text; NULL becomes the empty string (proto3 "unset")."""
    return "" if value is None else str(value)


def json_document(value: str | None) -> dict[str, Any]:
    """A `jsonb` column (asyncpg hands it over as text) as a dict."""
    if not value:
        return {}
    document = json.loads(value)
    return document if isinstance(document, dict) else {}


def json_text(document: dict[str, Any]) -> str:
    """A dict as a `$n::jsonb` parameter."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False)
