"""Request bodies as the original API sends them: one JSON object."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import falcon
import falcon.asgi
from google.protobuf.struct_pb2 import Struct

from common.texts import t
from edge_rest.errors import bad_request

# The largest JSON body the edge reads (every resource of the API is far smaller; a
# tenant's metadata is at most 16 KiB). Larger is a 413 before anything is parsed.
MAX_JSON_BYTES = 1024 * 1024
_JSON_TYPES = ("application/json",)


async def json_object(req: falcon.asgi.Request) -> dict[str, Any]:
    """The request's JSON object: at most MAX_JSON_BYTES (413), JSON (415 for another
    content type; 400 for malformed or too deeply nested JSON), an object (400)."""
    media_type = (req.content_type or "application/json").split(";")[0].strip().lower()
    if media_type not in _JSON_TYPES and not media_type.endswith("+json"):
        raise falcon.HTTPUnsupportedMediaType(
            description=t("send the body as {media_type}", media_type="application/json")
        )
    if req.content_length is not None and req.content_length > MAX_JSON_BYTES:
        raise _too_large()
    raw = await req.stream.read(MAX_JSON_BYTES + 1)  # a chunked body is bounded too
    if len(raw) > MAX_JSON_BYTES:
        raise _too_large()
    if not raw.strip():
        raise bad_request({"body": t("is required")})
    try:
        body = json.loads(raw)
    except RecursionError:
        raise bad_request({"body": t("is nested too deeply")}) from None
    except ValueError:  # also UnicodeDecodeError: not UTF-8 text
        raise bad_request({"body": t("is not valid JSON")}) from None
    if not isinstance(body, dict):
        raise bad_request({"body": t("must be a JSON object")})
    return body


def _too_large() -> falcon.HTTPError:
    return falcon.HTTPContentTooLarge(
        description=t("the body is larger than {limit} bytes", limit=MAX_JSON_BYTES)
    )


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
