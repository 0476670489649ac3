"""Request bodies as the original API sends them: one JSON object."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import falcon
import falcon.asgi
from google.protobuf.struct_pb2 import Struct

from common.texts import t
from edge_rest.errors import bad_request


async def json_object(req: falcon.asgi.Request) -> dict[str, Any]:
    try:
        body = await req.get_media()
    except falcon.MediaMalformedError:
        raise bad_request({"body": t("is not valid JSON")}) from None
    except falcon.MediaNotFoundError:
        raise bad_request({"body": t("is required")}) from None
    if not isinstance(body, dict):
        raise bad_request({"body": t("must be a JSON object")})
    return body


def refuse_unknown(body: dict[str, Any], accepted: Iterable[str]) -> None:
    """Nothing a client sends is silently dropped: a field we do not know is refused."""
    unknown = sorted(set(body) - set(accepted))
    if unknown:
        raise bad_request({field: "is not a field of this resource" for field in unknown})


def text_field(body: dict[str, Any], field: str) -> str:
    """A text field of the body ("" when absent); anything but text is refused."""
    value = body.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_request({field: t("must be text")})
    return value


INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
# google.protobuf.Duration holds at most 10,000 years.
MAX_DURATION_S = 315_576_000_000


def whole_number(value: object, field: str, maximum: int = INT64_MAX) -> int:
    """A JSON whole number that fits the proto field it goes to (int64 unless said); the
    service checks what it means (greater than 0, at most …)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_request({field: t("must be a whole number")})
    if not -maximum - 1 <= value <= maximum:
        raise bad_request(
            {field: t("must be between {value} and {maximum}", value=-maximum - 1, maximum=maximum)}
        )
    return value


def object_field(body: dict[str, Any], field: str) -> Struct:
    """A JSON object field of the body (e.g. `metadata`) as a Struct; null or absent is {}."""
    value = body.get(field)
    struct = Struct()
    if value is None:
        return struct
    if not isinstance(value, dict):
        raise bad_request({field: t("must be a JSON object")})
    struct.update(value)
    return struct
