"""The `CreateBulkOrder` SQS message: what the upload API sends and the CSV ingester reads."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

MESSAGE_TYPE = "CreateBulkOrder"


class MalformedMessageError(ValueError):
    """The queue message cannot be a CreateBulkOrder (a poison message)."""


@dataclass(frozen=True)
class CreateBulkOrder:
    upload_id: str
    tenant_id: str
    object_key: str
    trace_id: str = ""

    def to_json(self) -> str:
        return json.dumps({"type": MESSAGE_TYPE, **asdict(self)}, separators=(",", ":"))

    @classmethod
    def from_json(cls, body: str) -> CreateBulkOrder:
        try:
            data = json.loads(body)
        except ValueError as exc:
            raise MalformedMessageError(f"not JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("type") != MESSAGE_TYPE:
            raise MalformedMessageError(f"not a {MESSAGE_TYPE} message")
        try:
            message = cls(
                upload_id=data["upload_id"],
                tenant_id=data["tenant_id"],
                object_key=data["object_key"],
                trace_id=data.get("trace_id", ""),
            )
        except KeyError as exc:
            raise MalformedMessageError(f"missing field {exc}") from exc
        if not all(
            isinstance(v, str) and v
            for v in (message.upload_id, message.tenant_id, message.object_key)
        ):
            raise MalformedMessageError("upload_id, tenant_id and object_key must be strings")
        return message
