"""The uploaded object, streamed from S3: an encoding check, then CSV records in batches.

Nothing here holds more than one S3 chunk plus the records of one batch (and, while a quoted
field spans lines, that record's lines).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

from common.clients.s3 import ObjectStore
from consumers.csv_ingester.csv_records import Record, RecordReader
from consumers.csv_ingester.text_lines import LineSplitter, Utf8Decoder


async def check_utf8(objects: ObjectStore, key: str, chunk_bytes: int) -> None:
    """Read the whole object once; raises `NotUtf8Error` at the first invalid byte."""
    decoder = Utf8Decoder()
    async for chunk in objects.stream(key, chunk_bytes):
        decoder.decode(chunk)
    decoder.decode(b"", final=True)


async def record_batches(
    objects: ObjectStore, key: str, *, max_row_chars: int, chunk_bytes: int, batch_records: int
) -> AsyncGenerator[list[Record], None]:
    """The object's CSV records (blank ones included), `batch_records` at a time (the last
    batch may be shorter; no batch is empty)."""
    splitter = LineSplitter(max_row_chars)
    reader = RecordReader(max_row_chars)
    pending: list[Record] = []
    async for chunk in objects.stream(key, chunk_bytes):
        pending.extend(reader.feed(splitter.feed(chunk)))
        while len(pending) >= batch_records:
            yield pending[:batch_records]
            del pending[:batch_records]
    pending.extend(reader.feed(splitter.finish()))
    pending.extend(reader.finish())
    while pending:
        yield pending[:batch_records]
        del pending[:batch_records]
