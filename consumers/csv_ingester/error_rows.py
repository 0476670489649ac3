"""The error file of one pass: rejected rows in the stored format of
`oms_grpc.core.domain.error_files`, spooled (memory first, then a temporary file) and uploaded to
`errors/` once the whole file is read."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Sequence

from common.clients.s3 import ObjectStore
from consumers.csv_ingester.rows import Rejection
from oms_grpc.core.domain.error_files import CONTENT_TYPE, encode_records, stored_header, stored_row
from oms_grpc.core.domain.uploads import error_file_name, error_object_key


class ErrorFileWriter:
    def __init__(self, header: Sequence[str], spool_bytes: int) -> None:
        self._header = list(header)
        self._spool = tempfile.SpooledTemporaryFile(max_size=spool_bytes, mode="w+b")  # noqa: SIM115
        self.rows = 0

    async def add(self, rejections: Sequence[Rejection]) -> None:
        if not rejections:
            return
        width = len(self._header)
        records = [stored_row(r.row.values, width, r.problem, r.row.line) for r in rejections]
        if not self.rows:
            records.insert(0, stored_header(self._header))
        self.rows += len(rejections)
        # Past the spool size this is a disk write: keep it off the event loop.
        await asyncio.to_thread(self._spool.write, encode_records(records))

    async def upload(self, objects: ObjectStore, upload_id: str) -> str:
        """Store the file if any row was rejected; returns its name ("" for none)."""
        if not self.rows:
            return ""
        name = error_file_name(upload_id)
        body = await asyncio.to_thread(self._read_all)
        await objects.put(error_object_key(name), body, content_type=CONTENT_TYPE)
        return name

    def _read_all(self) -> bytes:
        self._spool.seek(0)
        return self._spool.read()

    def close(self) -> None:
        self._spool.close()
