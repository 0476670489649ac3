"""The CSV file inside a `CreateUpload` request's `google.api.HttpBody` (pure, no I/O).

The body is what the HTTP client sent (Envoy and the REST edge pass it through unchanged):
- `text/csv`, `application/csv`, `application/octet-stream`, or no content type at all
  (a gRPC client that fills only `data`): the body IS the file;
- `multipart/form-data; boundary=…` (RFC 7578): the file is the part named `file`, or else
  the only part with a filename. Its filename is reported so the caller can use it when the
  request's own `filename` is empty. Small text parts `tenant_id` and `filename` are reported
  too (the REST form may carry them instead of query parameters).

Anything else, and every malformed multipart body, is a `BodyError` naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from email.utils import collapse_rfc2231_value

from common.texts import t

RAW_TYPES = frozenset({"text/csv", "application/csv", "application/octet-stream"})
MULTIPART_TYPE = "multipart/form-data"
FORM_FIELDS = ("tenant_id", "filename")
FILE_PART = "file"
MAX_PARTS = 16
MAX_PART_HEADER_BYTES = 8 * 1024
MAX_FORM_FIELD_BYTES = 1024
# RFC 2046 §5.1.1: 1-70 characters from this set, not ending in a space.
_BOUNDARY = re.compile(r"^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$")
_CRLF = b"\r\n"


class BodyError(ValueError):
    """The request body is unusable; `field` names the offending request field."""

    def __init__(self, field: str, description: str) -> None:
        super().__init__(f"{field}: {description}")
        self.field = field
        self.description = description


@dataclass(frozen=True)
class UploadedFile:
    data: bytes
    # The multipart part's filename ("" for a raw body or a part without one).
    filename: str = ""
    # Text form fields among FORM_FIELDS that the multipart body carried.
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Part:
    name: str | None
    filename: str | None
    content: bytes


def extract_csv(content_type: str, body: bytes) -> UploadedFile:
    """The uploaded file of a request body with HTTP Content-Type `content_type`."""
    if not content_type.strip():
        return UploadedFile(body)
    header = _header("content-type", content_type)
    media_type = header.get_content_type()
    if media_type in RAW_TYPES:
        return UploadedFile(body)
    if media_type == MULTIPART_TYPE:
        boundary = header.get_boundary()
        if not boundary or not _BOUNDARY.match(boundary):
            raise BodyError("file.content_type", t("multipart/form-data needs a valid boundary"))
        return _from_form(_parts(body, boundary.encode("ascii")))
    supported = ", ".join(sorted(RAW_TYPES | {MULTIPART_TYPE}))
    raise BodyError(
        "file.content_type",
        t(
            "{content_type!r} is not supported; use {supported}",
            content_type=content_type,
            supported=supported,
        ),
    )


def _from_form(parts: list[_Part]) -> UploadedFile:
    named = [p for p in parts if p.name == FILE_PART]
    if len(named) > 1:
        raise BodyError(
            "file", t("the form has more than one {file_part!r} part", file_part=FILE_PART)
        )
    with_names = [p for p in parts if p.filename is not None]
    if named:
        chosen = named[0]
    elif len(with_names) == 1:
        chosen = with_names[0]
    else:
        raise BodyError("file", t("the form has no {file_part!r} part", file_part=FILE_PART))

    fields: dict[str, str] = {}
    for part in parts:
        if part is chosen or part.name not in FORM_FIELDS or part.filename is not None:
            continue
        name = part.name
        if name in fields:
            raise BodyError(name, t("the form gives this field twice"))
        if len(part.content) > MAX_FORM_FIELD_BYTES:
            raise BodyError(
                name,
                t(
                    "the form field is longer than {max_form_field_bytes} bytes",
                    max_form_field_bytes=MAX_FORM_FIELD_BYTES,
                ),
            )
        try:
            fields[name] = part.content.decode("utf-8")
        except UnicodeDecodeError:
            raise BodyError(name, t("the form field is not UTF-8 text")) from None
    return UploadedFile(chosen.content, chosen.filename or "", fields)


def _parts(body: bytes, boundary: bytes) -> list[_Part]:
    """Split a multipart body (preamble and epilogue ignored)."""
    delimiter = b"--" + boundary
    if body.startswith(delimiter):
        position = len(delimiter)
    else:
        found = body.find(_CRLF + delimiter)
        if found < 0:
            raise BodyError("file", t("the multipart body does not contain its boundary"))
        position = found + len(_CRLF) + len(delimiter)

    parts: list[_Part] = []
    while not body.startswith(b"--", position):
        position = _after_delimiter_line(body, position)
        headers, content_start = _part_headers(body, position)
        content_end = body.find(_CRLF + delimiter, content_start)
        if content_end < 0:
            raise BodyError("file", t("the multipart body ends without its closing boundary"))
        parts.append(_part(headers, body[content_start:content_end]))
        if len(parts) > MAX_PARTS:
            raise BodyError(
                "file", t("the form has more than {max_parts} parts", max_parts=MAX_PARTS)
            )
        position = content_end + len(_CRLF) + len(delimiter)
    return parts


def _after_delimiter_line(body: bytes, position: int) -> int:
    """Skip transport padding and the CRLF that ends a boundary line."""
    while position < len(body) and body[position] in b" \t":
        position += 1
    if not body.startswith(_CRLF, position):
        raise BodyError("file", t("the multipart body ends without its closing boundary"))
    return position + len(_CRLF)


def _part_headers(body: bytes, position: int) -> tuple[list[tuple[str, str]], int]:
    if body.startswith(_CRLF, position):
        return [], position + len(_CRLF)
    end = body.find(_CRLF + _CRLF, position, position + MAX_PART_HEADER_BYTES)
    if end < 0:
        raise BodyError("file", t("a multipart part has no end of headers"))
    block = body[position:end]
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        text = block.decode("latin-1")
    headers: list[tuple[str, str]] = []
    for line in text.split("\r\n"):
        name, colon, value = line.partition(":")
        if not colon or not name.strip():
            raise BodyError("file", t("a multipart part has a malformed header line"))
        headers.append((name.strip().lower(), value.strip()))
    return headers, end + 2 * len(_CRLF)


def _part(headers: list[tuple[str, str]], content: bytes) -> _Part:
    dispositions = [value for name, value in headers if name == "content-disposition"]
    if len(dispositions) != 1:
        raise BodyError("file", t("each multipart part needs one Content-Disposition header"))
    header = _header("content-disposition", dispositions[0])
    if header.get_content_disposition() != "form-data":
        raise BodyError("file", t("multipart parts must be form-data"))
    raw_name = header.get_param("name", header="content-disposition")
    name = collapse_rfc2231_value(raw_name) if raw_name is not None else None
    if not name:
        raise BodyError("file", t("a multipart part has no name"))
    return _Part(name=name, filename=header.get_filename(), content=content)


def _header(name: str, value: str) -> Message:
    message = Message()
    message[name] = value
    return message
