"""Our messages in the original API's JSON shapes (snake_case, RFC 3339 times)."""

from __future__ import annotations

from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp
from ims.v1 import tenant_pb2


def rfc3339(value: Timestamp) -> str:
    return value.ToDatetime().isoformat(timespec="milliseconds") + "Z"


def tenant_json(tenant: tenant_pb2.Tenant) -> dict[str, Any]:
    return {
        "id": tenant.id,
        "name": tenant.name,
        "code": tenant.code,  # ours, beyond the original's fields
        "metadata": {},
        "created_at": rfc3339(tenant.create_time),
        "updated_at": rfc3339(tenant.update_time),
    }
