"""Column values → proto field values, shared by the repositories."""

from __future__ import annotations

import json
import uuid
from typing import Any

from google.protobuf import json_format, struct_pb2

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


def optional_json(document: dict[str, Any] | None) -> str | None:
    """A patch's document as a `$n::jsonb` parameter; None leaves the column alone."""
    return None if document is None else json_text(document)


def metadata_json(metadata: struct_pb2.Struct) -> str:
    """A `metadata` Struct as a `$n::jsonb` parameter."""
    return json_text(json_format.MessageToDict(metadata))


def metadata_struct(value: str | None) -> struct_pb2.Struct:
    """A `metadata` jsonb column as a Struct."""
    metadata = struct_pb2.Struct()
    metadata.update(json_document(value))
    return metadata
