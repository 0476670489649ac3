"""The SQS loop: one `CreateBulkOrder` at a time, the message deleted only when its upload is
finished (COMPLETED, or FAILED for a file that cannot be used).

What happens to a message:
- processed                       → upload COMPLETED, message deleted;
- the file cannot be used         → upload FAILED with the reason, message deleted;
- malformed, or names no upload   → poison: left alone (logged); after the queue's
  of its tenant                     maxReceiveCount SQS moves it to the dead-letter queue;
- anything else (IMS, MongoDB,    → left alone, upload untouched: redelivered after the
  S3 unreachable, or a bug)         visibility timeout, and the pass starts over (safe:
                                    idempotent inserts);
  … on the last delivery the queue  → upload FAILED saying why, message left: SQS moves it
  allows (maxReceiveCount)          to the DLQ. Redriven from there, it is processed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from pymongo.errors import PyMongoError

from common.clients.s3 import ObjectStore
from common.clients.sqs import QueueClient, QueueMessage
from common.texts import t
from common.tracing import bind_trace_id
from consumers.csv_ingester.lease import visibility_lease
from consumers.csv_ingester.order_writer import OrderWriter
from consumers.csv_ingester.pipeline import FileRejectedError, PassConfig, UploadJob, UploadPass
from oms_grpc.core.clients.ims import ImsClient, ImsUnavailableError
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder, MalformedMessageError
from oms_grpc.core.repositories.uploads import UploadRepository

log = logging.getLogger(__name__)

# Failures of a dependency, as opposed to bugs: logged as warnings until the last delivery.
_TRANSIENT = (ImsUnavailableError, PyMongoError, BotoCoreError, ClientError, OSError, TimeoutError)


# How much longer than the open long poll a stop may wait for it, then as long again for
# handing back what it brought.
_STOP_MARGIN_S = 5.0


async def _despite_cancellation(future: asyncio.Future[Any], timeout_s: float) -> None:
    """Wait for `future` (at most `timeout_s`, then cancel it) although this task is being
    cancelled: a stop in progress repeats its cancel until the task ends (common/tasks.py);
    the caller re-raises its CancelledError afterwards."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not future.done():
        remaining = deadline - loop.time()
        if remaining <= 0:
            future.cancel()
            return
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait([future], timeout=remaining)


class Outcome(enum.Enum):
    COMPLETED = "completed"  # upload COMPLETED, message deleted
    FAILED = "failed"  # upload FAILED (unusable file), message deleted
    POISON = "poison"  # message left for the dead-letter queue
    RETRY = "retry"  # message left to be redelivered
    ABANDONED = "abandoned"  # last delivery failed: upload FAILED, message left for the DLQ


@dataclass(frozen=True)
class QueueConfig:
    receive_wait_s: int
    visibility_timeout_s: int
    receive_retry_delay_s: float
    # The queue's redrive maxReceiveCount (None: no dead-letter queue, retried for ever).
    max_receive_count: int | None = None

    def is_last_delivery(self, message: QueueMessage) -> bool:
        limit = self.max_receive_count
        return limit is not None and message.receive_count >= limit


class CsvIngester:
    def __init__(
        self,
        *,
        queue: QueueClient,
        objects: ObjectStore,
        uploads: UploadRepository,
        ims: ImsClient,
        writer: OrderWriter,
        queue_config: QueueConfig,
        pass_config: PassConfig,
    ) -> None:
        self._queue = queue
        self._objects = objects
        self._uploads = uploads
        self._ims = ims
        self._writer = writer
        self._queue_config = queue_config
        self._pass_config = pass_config

    async def run(self) -> None:
        """Consume until cancelled."""
        while True:
            await self.poll_once()

    @property
    def stop_timeout_s(self) -> float:
        """How long a stop may take: an open long poll is waited out (`poll_once`)."""
        return self._queue_config.receive_wait_s + 2 * _STOP_MARGIN_S

    async def poll_once(self) -> list[Outcome]:
        """One long poll, and the message it brought (if any) processed."""
        config = self._queue_config
        receiving = asyncio.ensure_future(
            self._queue.receive(
                max_messages=1,
                wait_time_s=config.receive_wait_s,
                visibility_timeout_s=config.visibility_timeout_s,
            )
        )
        try:
            messages = await asyncio.shield(receiving)
        except asyncio.CancelledError:
            await self._hand_back_when_received(receiving)
            raise
        except Exception:
            log.warning("receiving from SQS failed; retrying", exc_info=True)
            await asyncio.sleep(config.receive_retry_delay_s)
            return []
        # A task per message: its trace id stays its own (context variables are per task).
        return [await asyncio.create_task(self.handle(message)) for message in messages]

    async def _hand_back_when_received(self, receiving: asyncio.Future[list[QueueMessage]]) -> None:
        """Stopping while a long poll is open. The queue server keeps the poll open after
        we are gone and hands a message that arrives meanwhile to it, where it stays
        invisible for the visibility timeout (measured on ElasticMQ: an upload sent just
        after an ingester stopped waited ~60 s for the next one). So the poll is waited out
        (at most receive_wait_s) and whatever it brought is handed back at once."""
        await _despite_cancellation(receiving, self._queue_config.receive_wait_s + _STOP_MARGIN_S)
        if not receiving.done() or receiving.cancelled() or receiving.exception() is not None:
            return
        for message in receiving.result():
            releasing = asyncio.ensure_future(self._queue.release(message))
            await _despite_cancellation(releasing, _STOP_MARGIN_S)
            if releasing.done() and not releasing.cancelled() and releasing.exception():
                log.warning("handing a message back failed", exc_info=releasing.exception())

    async def handle(self, message: QueueMessage) -> Outcome:
        try:
            request = CreateBulkOrder.from_json(message.body)
        except MalformedMessageError as exc:
            log.error(
                "malformed message left for the dead-letter queue",
                extra={
                    "message_id": message.message_id,
                    "reason": str(exc),
                    "receive_count": message.receive_count,
                },
            )
            return Outcome.POISON
        trace_id = bind_trace_id(request.trace_id or None)
        context = {
            "message_id": message.message_id,
            "upload_id": request.upload_id,
            "receive_count": message.receive_count,
        }
        error: Exception
        try:
            async with visibility_lease(
                self._queue, message, self._queue_config.visibility_timeout_s
            ):
                return await self._process(message, request, trace_id, context)
        except asyncio.CancelledError:
            # Stopping mid-file is safe; hand the message back at once instead of after the
            # visibility timeout, so the next consumer resumes without waiting.
            with contextlib.suppress(Exception):
                async with asyncio.timeout(2):
                    await self._queue.extend_visibility(message, 0)
            raise
        except ImsUnavailableError as exc:
            error, cause = exc, t("the inventory service was unavailable")
        except _TRANSIENT as exc:
            error, cause = exc, t("a storage service was unavailable")
        except Exception as exc:
            error, cause = exc, t("an internal error")
        if not self._queue_config.is_last_delivery(message):
            # A dependency's failure is expected now and then; anything else is a bug.
            level = logging.WARNING if isinstance(error, _TRANSIENT) else logging.ERROR
            log.log(
                level,
                "processing interrupted; the message will be redelivered",
                exc_info=error,
                extra={**context, "cause": cause},
            )
            return Outcome.RETRY
        return await self._abandon(request.upload_id, error, cause, message, context)

    async def _abandon(
        self,
        upload_id: str,
        error: Exception,
        cause: str,
        message: QueueMessage,
        context: dict[str, object],
    ) -> Outcome:
        """The last delivery SQS allows failed: say so on the upload, so nobody waits for a
        file that will not be processed; SQS moves the message to the dead-letter queue."""
        log.error(
            "processing failed on the last delivery; the message goes to the dead-letter queue",
            exc_info=error,
            extra={**context, "cause": cause},
        )
        attempts = message.receive_count
        reason = t(
            "processing failed {n} times ({detail}); the file was set aside for an operator "
            "to retry",
            n=attempts,
            detail=cause,
        )
        try:
            await self._uploads.fail(upload_id, reason)
        except Exception:
            log.warning("could not mark the upload FAILED", exc_info=True, extra=context)
        return Outcome.ABANDONED

    async def _process(
        self,
        message: QueueMessage,
        request: CreateBulkOrder,
        trace_id: str,
        context: dict[str, object],
    ) -> Outcome:
        upload = await self._uploads.get(request.tenant_id, request.upload_id)
        if upload is None or upload["object_key"] != request.object_key:
            log.error(
                "message names no upload of its tenant; left for the dead-letter queue",
                extra=context,
            )
            return Outcome.POISON
        job = UploadJob(
            upload_id=request.upload_id,
            tenant_id=request.tenant_id,
            object_key=request.object_key,
            trace_id=trace_id,
        )
        log.info("processing upload", extra={**context, "state_before": upload["state"]})
        await self._uploads.start_processing(job.upload_id)
        upload_pass = UploadPass(
            job,
            self._pass_config,
            objects=self._objects,
            uploads=self._uploads,
            ims=self._ims,
            writer=self._writer,
        )
        try:
            result = await upload_pass.run()
        except FileRejectedError as exc:
            await self._uploads.fail(job.upload_id, exc.message)
            await self._queue.delete(message)
            log.info("upload failed", extra={**context, "reason": exc.message})
            return Outcome.FAILED
        await self._uploads.complete(job.upload_id, result.progress, result.error_file_name)
        await self._queue.delete(message)
        return Outcome.COMPLETED
