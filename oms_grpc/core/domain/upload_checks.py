"""Whole-file checks of an uploaded CSV before it is stored (pure, no I/O).

A file is refused at upload time (INVALID_ARGUMENT on field `file`, nothing stored) when it:
1. is larger than the size limit (`file_too_large`, says the limit);
2. is empty, or holds nothing but a BOM and whitespace (`file_empty`);
3. contains a NUL byte (`file_not_text`: a binary file, says the byte offset);
4. is not UTF-8 anywhere in the file (`file_not_utf8`, says the byte offset); one leading
   UTF-8 BOM is allowed;
5. has a line longer than the line limit (`file_line_too_long`, says the 1-based physical
   line number; the limit counts bytes without the CR/LF terminator);
6. does not start with a usable header: the first CSV record goes through
   `csv_rows.resolve_header`, whose `missing_column` / `duplicate_column` problems are
   reported as they are (their messages come from the i18n catalogue).

A header-only file is ACCEPTED: it is a well-formed file with zero rows; the ingester
completes it with every counter at 0. Row-level problems (bad quantities, unknown hubs, …)
are never checked here: they belong to the error file.

The checks run over the bytes in slices (C-speed scans, bounded extra memory), so a caller
can run `check_upload` in a worker thread for a 50 MiB file without copying it whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from common.i18n import translate
from oms_grpc.core.domain.csv_rows import Columns, HeaderError, resolve_header

FILE_FIELD = "file"
BOM = codecs.BOM_UTF8
SCAN_SLICE_BYTES = 1024 * 1024
CR = ord("\r")
_NON_SPACE = re.compile(rb"\S")
_LINE_END = re.compile(r"\r\n|\r|\n")

# English texts for the upload-level codes that the shared i18n catalogue does not (yet)
# know; a code the catalogue knows is always rendered from it, in the caller's language.


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int
    max_line_bytes: int


@dataclass(frozen=True)
class UploadRejection:
    """Why a whole file is refused: an i18n code, its parameters and the request field."""

    code: str
    params: Mapping[str, str] = field(default_factory=dict)
    field: str = FILE_FIELD

    def message(self, language: str) -> str:
        return translate(self.code, language, self.params)


class UploadRejectedError(ValueError):
    def __init__(self, rejection: UploadRejection) -> None:
        super().__init__(rejection.code)
        self.rejection = rejection


def check_upload(data: bytes, limits: UploadLimits) -> Columns:
    """The header columns of an acceptable file; raises UploadRejectedError otherwise."""
    if len(data) > limits.max_bytes:
        raise _rejected(
            "file_too_large",
            size=str(len(data)),
            maximum=str(limits.max_bytes),
            limit=human_size(limits.max_bytes),
        )
    start = len(BOM) if data.startswith(BOM) else 0
    if _NON_SPACE.search(data, start) is None:
        raise _rejected("file_empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _rejected("file_not_text", offset=str(nul))
    bad = first_invalid_utf8(data, start)
    if bad is not None:
        raise _rejected("file_not_utf8", offset=str(bad))
    long_line = first_long_line(data, limits.max_line_bytes)
    if long_line is not None:
        raise _rejected(
            "file_line_too_long", line=str(long_line), maximum=str(limits.max_line_bytes)
        )
    return _header(data, start, limits.max_line_bytes)


def first_invalid_utf8(data: bytes, start: int = 0) -> int | None:
    """Byte offset of the first invalid UTF-8 sequence, or None."""
    view = memoryview(data)
    position = start
    while position < len(data):
        end = min(position + SCAN_SLICE_BYTES, len(data))
        try:
            _, consumed = codecs.utf_8_decode(view[position:end], "strict", end == len(data))
        except UnicodeDecodeError as exc:
            return position + exc.start
        position += consumed
    return None


def first_long_line(data: bytes, max_line_bytes: int) -> int | None:
    """1-based number of the first line longer than `max_line_bytes` (CR/LF not counted)."""
    line = 1
    carry = 0  # bytes of the current line seen in earlier slices
    for start in range(0, len(data), SCAN_SLICE_BYTES):
        pieces = data[start : start + SCAN_SLICE_BYTES].split(b"\n")
        last = start + SCAN_SLICE_BYTES >= len(data)
        lengths = list(map(len, pieces))
        lengths[0] += carry
        finished = lengths if last else lengths[:-1]
        if finished and max(finished) > max_line_bytes:
            end = start  # where the current piece ends in `data` (its "\n" or the end)
            for index, length in enumerate(finished):
                end += len(pieces[index])
                terminator = 1 if end > 0 and data[end - 1] == CR else 0
                if length - terminator > max_line_bytes:
                    return line + index
                end += 1
        if not last and lengths[-1] > max_line_bytes + 1:
            return line + len(pieces) - 1  # already too long, whatever follows
        line += len(pieces) - 1
        carry = 0 if last else lengths[-1]
    return None


def human_size(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} B"


def _header(data: bytes, start: int, max_line_bytes: int) -> Columns:
    # The first record lies within the first line (a quoted header name spanning lines is
    # cut there and reported as the malformed header it is).
    head = data[start : start + max_line_bytes + 2].decode("utf-8", "ignore")
    first_line = _LINE_END.split(head, maxsplit=1)[0]
    try:
        record = next(csv.reader(io.StringIO(first_line, newline="")), [])
    except csv.Error as exc:
        raise _rejected("file_not_csv", reason=str(exc)) from None
    try:
        return resolve_header(record)
    except HeaderError as exc:
        raise UploadRejectedError(
            UploadRejection(exc.problem.code, dict(exc.problem.params))
        ) from None


def _rejected(code: str, **params: str) -> UploadRejectedError:
    return UploadRejectedError(UploadRejection(code, params))
