"""One processing pass over one uploaded file: validate, look up, insert, reject, report.

    S3 object ──check_utf8──▶ (the whole file is UTF-8, or the upload FAILS, nothing written)
      └─stream─▶ lines ─▶ CSV records ─▶ header (bad → the upload FAILS, nothing written)
                 └─ batches of rows: validate each row, look the batch's new hub/SKU
                    references up in IMS, build its one-line orders; meanwhile the batch
                    before it is stored: its events as one outbox batch, then its orders
                    (insert_many), its rejected rows, the progress
      order_ref groups: held until the end of the file, then inserted (all-or-nothing each)
      error file uploaded to errors/ (only if a row was rejected)

A pass can be cut off at any point (crash, redelivery to another consumer) and run again:
every order has an idempotency key unique per tenant (`upload:{id}:{line}`, `ref:{order_ref}`)
and the line numbers do not depend on how S3 chunks the file, so a second pass creates what is
missing and nothing twice. Its counts are this pass's, set rather than added.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass

from common.clients.s3 import ObjectNotFoundError, ObjectStore
from common.i18n import problem_text
from common.metrics import INGESTED_ROWS
from common.texts import Text, t
from consumers.csv_ingester.catalog import CatalogLookup
from consumers.csv_ingester.csv_records import MalformedCsvError, Record
from consumers.csv_ingester.error_rows import ErrorFileWriter
from consumers.csv_ingester.groups import OrderRefGroups
from consumers.csv_ingester.order_writer import OrderWriter, PreparedOrders
from consumers.csv_ingester.rows import Rejection, SettledBatch, read_rows, refs_to_look_up, settle
from consumers.csv_ingester.source import check_utf8, record_batches
from consumers.csv_ingester.text_lines import NotUtf8Error
from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.domain.bulk_orders import OrderDraft
from oms_grpc.core.domain.csv_rows import Columns, HeaderError, is_blank, resolve_header
from oms_grpc.core.repositories.uploads import Progress, UploadRepository

log = logging.getLogger(__name__)


class FileRejectedError(Exception):
    """The file as a whole cannot be processed: the upload FAILS with this message."""

    def __init__(self, message: Text) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class PassConfig:
    batch_size: int
    max_row_chars: int
    read_chunk_bytes: int
    error_spool_bytes: int


@dataclass(frozen=True)
class UploadJob:
    upload_id: str
    tenant_id: str
    object_key: str
    trace_id: str


@dataclass(frozen=True)
class PassResult:
    progress: Progress
    error_file_name: str


@dataclass
class _Counts:
    rows_read: int = 0
    rows_accepted: int = 0
    rows_rejected: int = 0
    orders_created: int = 0

    def progress(self) -> Progress:
        return Progress(
            rows_read=self.rows_read,
            rows_accepted=self.rows_accepted,
            rows_rejected=self.rows_rejected,
            orders_created=self.orders_created,
        )


class UploadPass:
    def __init__(
        self,
        job: UploadJob,
        config: PassConfig,
        *,
        objects: ObjectStore,
        uploads: UploadRepository,
        ims: ImsClient,
        writer: OrderWriter,
    ) -> None:
        self._job = job
        self._config = config
        self._objects = objects
        self._uploads = uploads
        self._writer = writer
        self._catalog = CatalogLookup(ims, job.tenant_id)
        self._groups = OrderRefGroups()
        self._counts = _Counts()

    async def run(self) -> PassResult:
        """Process the whole file; raises FileRejectedError for a file that cannot be used,
        anything else (IMS, MongoDB, S3 unreachable) for a pass worth retrying."""
        job, config = self._job, self._config
        try:
            await check_utf8(self._objects, job.object_key, config.read_chunk_bytes)
            stream = record_batches(
                self._objects,
                job.object_key,
                max_row_chars=config.max_row_chars,
                chunk_bytes=config.read_chunk_bytes,
                batch_records=config.batch_size,
            )
            async with aclosing(stream) as batches:
                columns, first = await self._header(batches)
                errors = ErrorFileWriter(columns.header, config.error_spool_bytes)
                try:
                    await self._process(columns, first, batches, errors)
                    error_file = await errors.upload(self._objects, job.upload_id)
                finally:
                    errors.close()
        except NotUtf8Error as exc:
            raise FileRejectedError(
                t(
                    "the file is not UTF-8 text (line {line}: {reason}); save it as UTF-8 CSV "
                    "and upload it again",
                    line=exc.line,
                    reason=exc.reason,
                )
            ) from exc
        except MalformedCsvError as exc:
            raise FileRejectedError(
                t("the file is not valid CSV ({reason})", reason=str(exc))
            ) from exc
        except ObjectNotFoundError as exc:
            raise FileRejectedError(t("the uploaded file no longer exists in storage")) from exc
        log.info(
            "upload processed",
            extra={
                "upload_id": job.upload_id,
                "rows_read": self._counts.rows_read,
                "rows_accepted": self._counts.rows_accepted,
                "rows_rejected": self._counts.rows_rejected,
                "orders_created": self._counts.orders_created,
                "ims_lookup_rounds": self._catalog.round_trips,
            },
        )
        return PassResult(self._counts.progress(), error_file)

    async def _header(self, batches: AsyncIterator[list[Record]]) -> tuple[Columns, list[Record]]:
        """The first non-blank record is the header; returns it resolved, plus the records of
        its batch that follow it."""
        async for batch in batches:
            for index, record in enumerate(batch):
                if record.values is None:
                    raise FileRejectedError(
                        t(
                            "the header (line {line}) is longer than {n} characters",
                            line=record.line,
                            n=self._config.max_row_chars,
                        )
                    )
                if not record.values or is_blank(record.values):
                    continue
                try:
                    return resolve_header(record.values), batch[index + 1 :]
                except HeaderError as exc:
                    problem = exc.problem
                    detail = problem_text(problem.code, problem.params)
                    raise FileRejectedError(t("invalid header: {detail}", detail=detail)) from exc
        raise FileRejectedError(t("the file is empty"))

    async def _process(
        self,
        columns: Columns,
        first: list[Record],
        batches: AsyncIterator[list[Record]],
        errors: ErrorFileWriter,
    ) -> None:
        """Two stages, so that one batch is validated and built while the one before it is
        being stored (the CPU work overlaps the wait for MongoDB); the queue between them
        holds at most `_STEPS_AHEAD` batches, so memory does not grow with the file."""
        steps: asyncio.Queue[_Step | None] = asyncio.Queue(maxsize=_STEPS_AHEAD)
        try:
            async with asyncio.TaskGroup() as stages:
                stages.create_task(self._prepare(columns, first, batches, steps))
                stages.create_task(self._store(steps, errors))
        except BaseExceptionGroup as failed:
            # One stage failed and the other was stopped with it: its error decides, as if
            # there were one stage (a bad file FAILS the upload, anything else is retried).
            raise failed.exceptions[0] from None

    async def _prepare(
        self,
        columns: Columns,
        first: list[Record],
        batches: AsyncIterator[list[Record]],
        steps: asyncio.Queue[_Step | None],
    ) -> None:
        if first:
            await self._prepare_batch(columns, first, steps)
        async for batch in batches:
            await self._prepare_batch(columns, batch, steps)
        orders, rejected = self._groups.settle()
        for start in range(0, len(orders), self._config.batch_size):
            await steps.put(self._step(orders[start : start + self._config.batch_size]))
        await steps.put(_Step(self._writer.prepare(self._job.upload_id, [], None), 0, rejected, 0))
        await steps.put(None)

    async def _prepare_batch(
        self, columns: Columns, records: list[Record], steps: asyncio.Queue[_Step | None]
    ) -> None:
        rows = read_rows(columns, records, self._job.tenant_id, self._config.max_row_chars)
        if not rows:
            return
        hubs, skus = await self._catalog.resolve(*refs_to_look_up(rows))
        settled: SettledBatch = settle(self._job.upload_id, rows, hubs, skus)
        for row, member in settled.grouped:
            self._groups.add(row, member)
        await steps.put(self._step(settled.orders, settled.rejected, rows_read=len(rows)))

    def _step(
        self, drafts: list[OrderDraft], rejected: list[Rejection] | None = None, rows_read: int = 0
    ) -> _Step:
        prepared = self._writer.prepare(self._job.upload_id, drafts, self._job.trace_id)
        accepted = sum(len(d.source_lines) for d in drafts)
        return _Step(prepared, accepted, rejected or [], rows_read)

    async def _store(self, steps: asyncio.Queue[_Step | None], errors: ErrorFileWriter) -> None:
        while (step := await steps.get()) is not None:
            outcome = await self._writer.store(step.orders)
            # Orders that already existed (an earlier pass) are this file's orders all the same.
            self._counts.orders_created += outcome.inserted + outcome.duplicates
            self._counts.rows_accepted += step.accepted_rows
            INGESTED_ROWS.labels("accepted").inc(step.accepted_rows)
            await errors.add(step.rejected)
            self._counts.rows_rejected += len(step.rejected)
            INGESTED_ROWS.labels("rejected").inc(len(step.rejected))
            if step.rows_read:
                self._counts.rows_read += step.rows_read
                await self._uploads.report_progress(self._job.upload_id, self._counts.progress())


# Batches validated and built ahead of the one being stored.
_STEPS_AHEAD = 2


@dataclass(frozen=True)
class _Step:
    """One batch's work for the storing stage, in file order."""

    orders: PreparedOrders
    accepted_rows: int
    rejected: list[Rejection]
    rows_read: int  # rows of the file this step accounts for (0: order_ref groups)
