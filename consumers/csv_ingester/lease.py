"""Keeps a received SQS message invisible to other consumers while its file is processed."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from common.clients.sqs import QueueClient, QueueMessage
from common.tasks import cancel_and_wait

log = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def visibility_lease(
    queue: QueueClient, message: QueueMessage, timeout_s: int
) -> AsyncIterator[None]:
    """Renews the message's visibility timeout every third of it until the block exits.

    A renewal that fails is logged and tried again at the next tick; should the lease lapse
    anyway, another consumer may process the same file at the same time, which is safe
    (idempotent inserts) and only wasteful.
    """
    task = asyncio.create_task(_renew(queue, message, timeout_s), name="sqs-visibility-lease")
    try:
        yield
    finally:
        await cancel_and_wait(task)


async def _renew(queue: QueueClient, message: QueueMessage, timeout_s: int) -> None:
    interval = max(timeout_s / 3, 0.2)
    while True:
        await asyncio.sleep(interval)
        try:
            await queue.extend_visibility(message, timeout_s)
        except Exception:
            log.warning(
                "could not extend the message's visibility",
                exc_info=True,
                extra={"message_id": message.message_id},
            )
