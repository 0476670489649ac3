"""Error files of bulk uploads: the stored format and its translated rendering (pure, no I/O).

Written by the CSV ingester, served by `UploadService.GetErrorFile`.

STORED FORMAT (S3 object `errors/{upload_id}_errors.csv`, see `domain.uploads`)
- UTF-8 without BOM, RFC 4180 CSV as `csv.writer` writes it with the default dialect
  (comma, `"` quoting only where needed, doubled quotes inside quoted fields, CRLF records).
  Use `encode_records` so writer and reader agree.
- First record: the upload's original header columns (the display names of
  `csv_rows.Columns.header`: stripped, BOM removed, in the file's order), then the three
  trailer columns `STORED_TRAILER` = `error_code`, `error_params`, `line`
  (`stored_header(columns.header)`).
- One record per rejected row: the row's original values, padded with "" or cut to exactly
  the width of the original header, then the i18n code (`common.i18n`), its parameters as a
  JSON object of strings, and the source line number (1 = the header line)
  (`stored_row(values, len(columns.header), problem, line)`).
- The trailer is always the LAST three fields, so an original column that happens to be called
  `line` or `error_code` cannot be confused with it.
- A file may be empty (no record at all) only if nothing was rejected; such a file is normally
  not written and the upload's `error_file_name` stays empty.

DOWNLOAD FORMAT (what `GetErrorFile` sends, content type `CONTENT_TYPE`, offered as
`download_name(upload.filename)`, e.g. `orders_errors.csv`)
- UTF-8 CSV, same dialect: the original header columns plus ONE column `error`; each row its
  original values plus the message of its code translated with
  `common.i18n.translate(code, language, params)` into the caller's language.
  The `line` column is not part of the download (the row's values identify it).
- Rendered incrementally (`ErrorFileRenderer`, `rendered_chunks`), so memory stays bounded
  by one S3 chunk plus one record, whatever the file size.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import AsyncGenerator, AsyncIterable, Iterable, Mapping, Sequence

from common.i18n import translate
from oms_grpc.core.domain.csv_rows import Problem
from oms_grpc.core.domain.uploads import sanitise_filename

ENCODING = "utf-8"
CONTENT_TYPE = "text/csv; charset=utf-8"
ERROR_CODE_COLUMN = "error_code"
ERROR_PARAMS_COLUMN = "error_params"
LINE_COLUMN = "line"
STORED_TRAILER: tuple[str, str, str] = (ERROR_CODE_COLUMN, ERROR_PARAMS_COLUMN, LINE_COLUMN)
ERROR_COLUMN = "error"
DOWNLOAD_CHUNK_BYTES = 64 * 1024
# A stored record longer than this is treated as corruption (the ingester never writes one:
# source lines are limited to far less).
MAX_RECORD_CHARS = 4 * 1024 * 1024


class MalformedErrorFileError(ValueError):
    """The stored object is not an error file in the agreed format."""


# --- writing (the ingester) ----------------------------------------------------------------


def stored_header(original_header: Sequence[str]) -> list[str]:
    """The first record of a stored error file."""
    return [*original_header, *STORED_TRAILER]


def stored_row(values: Sequence[str], width: int, problem: Problem, line: int) -> list[str]:
    """One rejected row in the stored format (`width` = number of original header columns)."""
    original = [*values[:width], *([""] * (width - len(values)))]
    return [*original, problem.code, encode_params(problem.params), str(line)]


def encode_params(params: Mapping[str, str]) -> str:
    return json.dumps(dict(params), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def encode_records(records: Iterable[Sequence[str]]) -> bytes:
    """CSV records in the agreed dialect, UTF-8 encoded."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(records)
    return buffer.getvalue().encode(ENCODING)


# --- reading and rendering (the download) --------------------------------------------------


def download_name(original_filename: str) -> str:
    """`{stem}_errors.csv` from the upload's original file name, safe for a header value."""
    safe = sanitise_filename(original_filename)
    stem, dot, extension = safe.rpartition(".")
    if not dot or not stem or extension.lower() != "csv":
        stem = safe
    return f"{stem.rstrip('._-') or 'upload'}_errors.csv"


def decode_params(text: str) -> dict[str, str]:
    """The parameters of a stored row; anything unreadable renders the bare message."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in value.items()}


class ErrorFileRenderer:
    """Turns the stored format into the download format, piece by piece.

    `feed` takes any slice of the stored bytes (UTF-8 sequences and CSV records may be split
    anywhere) and returns the rendered bytes of every record completed so far; `finish`
    renders what is left. Records are cut at line ends outside quotes (an even number of `"`
    since the record started: the default dialect escapes quotes by doubling them).
    """

    def __init__(self, language: str) -> None:
        self._language = language
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")("strict")
        self._pending = ""
        self._width: int | None = None

    def feed(self, data: bytes) -> bytes:
        try:
            text = self._pending + self._decoder.decode(data)
        except UnicodeDecodeError as exc:
            raise MalformedErrorFileError(f"not UTF-8: {exc.reason}") from exc
        end = _complete_records_end(text)
        self._pending = text[end:]
        if len(self._pending) > MAX_RECORD_CHARS:
            raise MalformedErrorFileError("a record exceeds the maximum length")
        return self._render(text[:end])

    def finish(self) -> bytes:
        try:
            text = self._pending + self._decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            raise MalformedErrorFileError(f"not UTF-8: {exc.reason}") from exc
        self._pending = ""
        if text.count('"') % 2:
            raise MalformedErrorFileError("unterminated quoted field at the end of the file")
        return self._render(text)

    def _render(self, text: str) -> bytes:
        if not text:
            return b""
        out = io.StringIO()
        writer = csv.writer(out)
        try:
            for record in csv.reader(io.StringIO(text, newline="")):
                if not record:
                    continue
                writer.writerow(self._render_record(record))
        except csv.Error as exc:
            raise MalformedErrorFileError(f"not CSV: {exc}") from exc
        return out.getvalue().encode(ENCODING)

    def _render_record(self, record: list[str]) -> list[str]:
        if self._width is None:
            if len(record) < len(STORED_TRAILER) or tuple(record[-3:]) != STORED_TRAILER:
                raise MalformedErrorFileError("the header does not end with the error columns")
            self._width = len(record) - len(STORED_TRAILER)
            return [*record[: self._width], ERROR_COLUMN]
        if len(record) < len(STORED_TRAILER):
            raise MalformedErrorFileError("a row has fewer fields than the error columns")
        code, params = record[-3], record[-2]
        values = record[:-3][: self._width]
        values += [""] * (self._width - len(values))
        return [*values, translate(code, self._language, decode_params(params))]


def _complete_records_end(text: str) -> int:
    """Index just after the last line end that closes a record (0 if none does)."""
    end = 0
    quotes = 0
    position = 0
    while (newline := text.find("\n", position)) >= 0:
        quotes += text.count('"', position, newline)
        position = newline + 1
        if quotes % 2 == 0:
            end = position
            quotes = 0
    return end


async def rendered_chunks(
    stored: AsyncIterable[bytes], language: str, chunk_size: int = DOWNLOAD_CHUNK_BYTES
) -> AsyncGenerator[bytes, None]:
    """The download of a stored error file, in pieces of `chunk_size` bytes (the last one
    may be shorter). Holds at most one input piece plus one chunk in memory."""
    renderer = ErrorFileRenderer(language)
    buffer = bytearray()
    async for piece in stored:
        buffer += renderer.feed(piece)
        while len(buffer) >= chunk_size:
            yield bytes(buffer[:chunk_size])
            del buffer[:chunk_size]
    buffer += renderer.finish()
    while buffer:
        yield bytes(buffer[:chunk_size])
        del buffer[:chunk_size]
