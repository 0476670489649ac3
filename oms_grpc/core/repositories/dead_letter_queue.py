"""The upload queue's SQS dead-letter queue as a list of letters, and their redrive.

SQS can neither page nor peek: a letter is read by receiving it, which hides it from other
readers for a visibility timeout. Each operation receives in rounds of 10 with a short
lease (`LEASE_S`) until the queue hands out nothing more (or enough), and releases at once
what it does not keep. A redriven letter is sent to the upload queue, then deleted from the
dead-letter queue: a crash in between leaves it in both, and the ingester processing an
upload twice creates its orders once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

from common.clients.sqs import QueueClient, QueueMessage
from oms_grpc.core.domain.bulk_messages import CreateBulkOrder, MalformedMessageError
from oms_grpc.core.domain.dead_letters import (
    DeadLetter,
    DeadLetterNotFoundError,
    LetterPage,
    LetterSource,
    QueueLetterId,
    cut_payload,
)
from oms_grpc.core.repositories.uploads import UploadRepository, stored_error

LEASE_S = 20
BATCH = 10
# A redrive looks through at most this many letters for the one it wants.
MAX_SCAN = 1000


class QueueDeadLetters:
    def __init__(
        self,
        *,
        open_dead_letters: Callable[[], Awaitable[QueueClient]],
        upload_queue: QueueClient,
        upload_queue_name: str,
        uploads: UploadRepository,
    ) -> None:
        self._open = open_dead_letters
        self._dead_letters: QueueClient | None = None
        self._opening = asyncio.Lock()
        self._upload_queue = upload_queue
        self._upload_queue_name = upload_queue_name
        self._uploads = uploads

    async def page(self, limit: int) -> LetterPage:
        """Up to `limit` letters, in the order SQS hands them out."""
        queue = await self._queue()
        received = await self._receive(queue, limit, lambda _: False)
        try:
            letters = await self._letters(received, await self._attempts())
        finally:
            await asyncio.gather(*(queue.release(m) for m in received))
        return LetterPage(letters=letters, queue_depth=await queue.pending())

    async def redrive(self, letter_id: QueueLetterId) -> DeadLetter:
        queue = await self._queue()
        received = await self._receive(
            queue, MAX_SCAN, lambda m: m.message_id == letter_id.message_id
        )
        wanted = next((m for m in received if m.message_id == letter_id.message_id), None)
        others = [m for m in received if m is not wanted]
        await asyncio.gather(*(queue.release(m) for m in others))
        if wanted is None:
            raise DeadLetterNotFoundError(letter_id)
        try:
            (letter,) = await self._letters([wanted], await self._attempts())
            await self._upload_queue.send(wanted.body)
        except BaseException:
            await queue.release(wanted)
            raise
        await queue.delete(wanted)
        return letter

    async def close(self) -> None:
        queue, self._dead_letters = self._dead_letters, None
        if queue is not None:
            await queue.close()

    async def _queue(self) -> QueueClient:
        """Opened on first use: processes that never read dead letters need no such queue."""
        async with self._opening:
            if self._dead_letters is None:
                self._dead_letters = await self._open()
            return self._dead_letters

    @staticmethod
    async def _receive(
        queue: QueueClient, limit: int, stop: Callable[[QueueMessage], bool]
    ) -> list[QueueMessage]:
        received: list[QueueMessage] = []
        seen: set[str] = set()
        while len(received) < limit:
            batch = await queue.receive(
                max_messages=min(BATCH, limit - len(received)),
                wait_time_s=1,
                visibility_timeout_s=LEASE_S,
            )
            fresh = [m for m in batch if m.message_id not in seen]
            if not fresh:
                break
            seen.update(m.message_id for m in fresh)
            received.extend(fresh)
            if any(stop(m) for m in fresh):
                break
        return received

    async def _attempts(self) -> int:
        """Deliveries before SQS moved a letter: the upload queue's maxReceiveCount (the
        letter's own receive count also counts every read of the dead-letter queue)."""
        return await self._upload_queue.max_receive_count() or 0

    async def _letters(self, messages: Sequence[QueueMessage], attempts: int) -> list[DeadLetter]:
        """The letters for `messages`, each with its upload's stored error (one query for
        them all)."""
        parsed: list[CreateBulkOrder | MalformedMessageError] = []
        for message in messages:
            try:
                parsed.append(CreateBulkOrder.from_json(message.body))
            except MalformedMessageError as exc:
                parsed.append(exc)
        uploads = await self._uploads.get_many(
            [(r.tenant_id, r.upload_id) for r in parsed if isinstance(r, CreateBulkOrder)]
        )
        letters = []
        for message, request in zip(messages, parsed, strict=True):
            if isinstance(request, MalformedMessageError):
                tenant_id, error = "", str(request)
            else:
                tenant_id = request.tenant_id
                upload = uploads.get((request.tenant_id, request.upload_id))
                error = "" if upload is None else stored_error(upload)
            letters.append(self._letter(message, attempts, tenant_id, error))
        return letters

    def _letter(
        self, message: QueueMessage, attempts: int, tenant_id: str, error: str
    ) -> DeadLetter:
        sent = message.sent_timestamp_ms
        return DeadLetter(
            id=QueueLetterId(message.message_id),
            source=LetterSource.UPLOAD_QUEUE,
            origin=self._upload_queue_name,
            consumer="",
            error=error,
            attempts=attempts,
            tenant_id=tenant_id,
            key="",
            payload=cut_payload(message.body),
            dead_letter_time=None if sent is None else datetime.fromtimestamp(sent / 1000, UTC),
        )
