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


class UploadScanner:
    """The checks above over a file that arrives in pieces (a client stream, an S3 object):
    `feed` each piece in order, then `finish`. A problem is raised as soon as the piece that
    shows it arrives (the first one in the file, in the order 1, 3, 4, 5 within a piece), so
    a stream can be cut off early; emptiness and the header are known at `finish`. Memory is
    bounded by the slice size and the header's line, whatever the file's size."""

    def __init__(self, limits: UploadLimits) -> None:
        self._limits = limits
        self._size = 0
        # The start of the file, for the BOM and the header line.
        self._head = bytearray()
        self._head_bytes = len(BOM) + limits.max_line_bytes + 2
        self._bom_matched = 0  # leading bytes that match the BOM so far
        self._bom_broken = False
        self._text_seen = False
        self._utf8 = _Utf8Check()
        self._lines = _LineLengthCheck(limits.max_line_bytes)

    @property
    def size(self) -> int:
        return self._size

    def feed(self, data: bytes) -> None:
        for start in range(0, len(data), SCAN_SLICE_BYTES):
            self._feed_slice(data[start : start + SCAN_SLICE_BYTES])

    def finish(self) -> Columns:
        """The header columns of an acceptable file; raises UploadRejectedError otherwise."""
        bad = self._utf8.finish()
        if bad is not None:
            raise _rejected("file_not_utf8", offset=str(bad))
        if not self._text_seen and 0 < self._bom_matched < len(BOM):
            self._text_seen = True  # a cut-off BOM is text (and not UTF-8), not nothing
        if not self._text_seen:
            raise _rejected("file_empty")
        long_line = self._lines.finish()
        if long_line is not None:
            raise self._too_long(long_line)
        head = bytes(self._head)
        return _header(head, len(BOM) if head.startswith(BOM) else 0, self._limits.max_line_bytes)

    def _feed_slice(self, data: bytes) -> None:
        offset = self._size
        self._size += len(data)
        if self._size > self._limits.max_bytes:  # at least this large: the rest is not read
            raise _too_large(self._size, self._limits.max_bytes)
        if len(self._head) < self._head_bytes:
            self._head += data[: self._head_bytes - len(self._head)]
        if not self._text_seen:
            self._text_seen = _NON_SPACE.search(data, self._bom_bytes(data)) is not None
        nul = data.find(b"\x00")
        if nul >= 0:
            raise _rejected("file_not_text", offset=str(offset + nul))
        bad = self._utf8.feed(data, offset)
        if bad is not None:
            raise _rejected("file_not_utf8", offset=str(bad))
        long_line = self._lines.feed(data)
        if long_line is not None:
            raise self._too_long(long_line)

    def _bom_bytes(self, data: bytes) -> int:
        """How many bytes at the start of `data` continue the file's leading BOM."""
        skipped = 0
        while self._bom_matched < len(BOM) and not self._bom_broken and skipped < len(data):
            if data[skipped] != BOM[self._bom_matched]:
                self._bom_broken = True
                break
            self._bom_matched += 1
            skipped += 1
        return skipped

    def _too_long(self, line: int) -> UploadRejectedError:
        return _rejected(
            "file_line_too_long", line=str(line), maximum=str(self._limits.max_line_bytes)
        )


def check_upload(data: bytes, limits: UploadLimits) -> Columns:
    """The header columns of an acceptable file; raises UploadRejectedError otherwise."""
    check_size(len(data), limits)  # before anything else, as the size is known
    scanner = UploadScanner(limits)
    scanner.feed(data)
    return scanner.finish()


def check_size(size: int, limits: UploadLimits) -> None:
    """Raises UploadRejectedError when a file of `size` bytes is over the limit."""
    if size > limits.max_bytes:
        raise _too_large(size, limits.max_bytes)


class _Utf8Check:
    """Validates UTF-8 piece by piece; a sequence split between pieces is carried over."""

    def __init__(self, start: int = 0) -> None:
        self._pending = b""
        self._end = start  # the file offset after the last byte fed

    def feed(self, data: bytes, offset: int) -> int | None:
        """The file offset of the first invalid sequence so far, or None (`offset`: where
        `data` starts in the file)."""
        buffer = self._pending + data if self._pending else data
        try:
            _, consumed = codecs.utf_8_decode(buffer, "strict", False)
        except UnicodeDecodeError as exc:
            return offset - len(self._pending) + exc.start
        self._pending = buffer[consumed:]
        self._end = offset + len(data)
        return None

    def finish(self) -> int | None:
        """A sequence cut off by the end of the file is invalid."""
        return self._end - len(self._pending) if self._pending else None


class _LineLengthCheck:
    """Line lengths (without CR/LF) piece by piece; lines are numbered from 1."""

    def __init__(self, max_line_bytes: int) -> None:
        self._max = max_line_bytes
        self._line = 1  # the line the next byte belongs to
        self._carry = 0  # bytes of that line seen so far
        self._last_byte = -1  # the last byte seen (a CR before LF is not counted)

    def feed(self, data: bytes) -> int | None:
        if not data:
            return None
        pieces = data.split(b"\n")
        lengths = list(map(len, pieces))
        lengths[0] += self._carry
        if max(lengths[:-1], default=0) > self._max:
            last_byte = self._last_byte
            for index, piece in enumerate(pieces[:-1]):
                ends_with = piece[-1] if piece else last_byte
                if lengths[index] - (1 if ends_with == CR else 0) > self._max:
                    return self._line + index
                last_byte = ord("\n")
        self._line += len(pieces) - 1
        self._carry = lengths[-1]
        self._last_byte = data[-1]
        if self._carry > self._max + 1:
            return self._line  # already too long, whatever follows
        return None

    def finish(self) -> int | None:
        if self._carry - (1 if self._last_byte == CR else 0) > self._max:
            return self._line
        return None


def first_invalid_utf8(data: bytes, start: int = 0) -> int | None:
    """Byte offset of the first invalid UTF-8 sequence, or None."""
    check = _Utf8Check(start)
    for position in range(start, len(data), SCAN_SLICE_BYTES):
        bad = check.feed(data[position : position + SCAN_SLICE_BYTES], position)
        if bad is not None:
            return bad
    return check.finish()


def first_long_line(data: bytes, max_line_bytes: int) -> int | None:
    """1-based number of the first line longer than `max_line_bytes` (CR/LF not counted)."""
    check = _LineLengthCheck(max_line_bytes)
    for position in range(0, len(data), SCAN_SLICE_BYTES):
        found = check.feed(data[position : position + SCAN_SLICE_BYTES])
        if found is not None:
            return found
    return check.finish()


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


def _too_large(size: int, maximum: int) -> UploadRejectedError:
    return _rejected(
        "file_too_large", size=str(size), maximum=str(maximum), limit=human_size(maximum)
    )


def _rejected(code: str, **params: str) -> UploadRejectedError:
    return UploadRejectedError(UploadRejection(code, params))
