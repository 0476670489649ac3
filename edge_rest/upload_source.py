"""The CSV file of a POST /orders/upload, read from the request as it arrives.

The body is either the file itself (`text/csv`, `application/csv`,
`application/octet-stream`, or no content type) or `multipart/form-data` whose part `file`
(or else the first part with a filename) is the file; small text parts `tenant_id` and
`filename` may come before it. Nothing is buffered beyond what the server hands over at a
time; a form whose shape is wrong is refused naming the part.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.message import Message

import falcon
import falcon.asgi
from falcon.asgi.multipart import BodyPart

from common.texts import t
from edge_rest.errors import bad_request

RAW_TYPES = frozenset({"text/csv", "application/csv", "application/octet-stream"})
MULTIPART_TYPE = "multipart/form-data"
FORM_FIELDS = ("tenant_id", "filename")
FILE_PART = "file"
MAX_FORM_FIELD_BYTES = 1024
NOT_A_FORM_FIELD = "is not a field of this form (tenant_id, filename, file)"


@dataclass
class UploadSource:
    chunks: AsyncIterator[bytes]
    # The multipart part's filename ("" for a raw body).
    filename: str = ""
    # FORM_FIELDS the form gave before the file part.
    fields: dict[str, str] = field(default_factory=dict)


async def upload_source(req: falcon.asgi.Request) -> UploadSource:
    media_type = _media_type(req.content_type or "")
    if media_type in ("", *RAW_TYPES):
        return UploadSource(_raw(req))
    if media_type != MULTIPART_TYPE:
        supported = ", ".join(sorted(RAW_TYPES | {MULTIPART_TYPE}))
        raise bad_request(
            {
                "file": t(
                    "{content_type!r} is not supported; use {supported}",
                    content_type=req.content_type,
                    supported=supported,
                )
            }
        )
    try:
        form = await req.get_media()
    except falcon.MediaMalformedError:
        raise bad_request({"file": t("multipart/form-data needs a valid boundary")}) from None
    parts = aiter(form)
    fields: dict[str, str] = {}
    try:
        async for part in parts:
            if part.name == FILE_PART or (part.filename and part.name not in FORM_FIELDS):
                return UploadSource(_file_then_nothing(part, parts), part.filename or "", fields)
            await _form_field(part, fields)
    except falcon.MediaMalformedError:
        raise bad_request({"file": t("the multipart body is malformed")}) from None
    raise bad_request({"file": t("the form has no {file_part!r} part", file_part=FILE_PART)})


def _media_type(content_type: str) -> str:
    if not content_type.strip():
        return ""
    message = Message()
    message["content-type"] = content_type
    return message.get_content_type()


async def _raw(req: falcon.asgi.Request) -> AsyncIterator[bytes]:
    async for data in req.stream:
        yield data


async def _form_field(part: BodyPart, fields: dict[str, str]) -> None:
    name = part.name or ""
    if name not in FORM_FIELDS:
        raise bad_request(
            {name or "form": t("is not a field of this form (tenant_id, filename, file)")}
        )
    if name in fields:
        raise bad_request({name: t("the form gives this field twice")})
    data = await part.stream.read(MAX_FORM_FIELD_BYTES + 1)
    if len(data) > MAX_FORM_FIELD_BYTES:
        raise bad_request(
            {
                name: t(
                    "the form field is longer than {max_form_field_bytes} bytes",
                    max_form_field_bytes=MAX_FORM_FIELD_BYTES,
                )
            }
        )
    try:
        fields[name] = data.decode("utf-8")
    except UnicodeDecodeError:
        raise bad_request({name: t("the form field is not UTF-8 text")}) from None


async def _file_then_nothing(file: BodyPart, rest: AsyncIterator[BodyPart]) -> AsyncIterator[bytes]:
    """The file part's bytes; then the form must end (a field after the file would come
    too late to be used, so it is refused rather than ignored)."""
    try:
        async for data in file.stream:
            yield data
        async for part in rest:
            name = part.name or "form"
            if name in FORM_FIELDS:
                raise bad_request({name: t("must come before the file part")})
            if name == FILE_PART:
                raise bad_request(
                    {
                        FILE_PART: t(
                            "the form has more than one {file_part!r} part", file_part=FILE_PART
                        )
                    }
                )
            raise bad_request({name: NOT_A_FORM_FIELD})
    except falcon.MediaMalformedError:
        raise bad_request({"file": t("the multipart body is malformed")}) from None
