"""Attempts recorded in groups (group commit).

Every finished attempt has to be written to its delivery before the attempt counts as done.
One write command per attempt would make the store's per-command cost the dispatcher's
speed limit (on the local MongoDB-wire server a command costs ~2.5 ms when fresh, far more
once it has aged, and commands do not overlap); a bulk write costs ~1 ms per document or
less. So attempts queue here, and one writer task writes everything that finished while its
previous write was under way: no delay is added when the store is idle, and under load each
write carries the attempts that queued behind it.

A write that fails is tried again briefly; if it still fails the waiting attempts get the
error (their leases run out, and the deliveries are attempted again with the same
webhook-id: at least once, never lost).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from common.tasks import cancel_and_wait
from oms_grpc.core.domain.webhook_deliveries import AttemptRecord, Delivery, Verdict
from oms_grpc.core.repositories.deliveries import DeliveryLogRepository

log = logging.getLogger(__name__)

Outcome = tuple[Delivery, AttemptRecord, Verdict]


class AttemptRecorder:
    def __init__(
        self,
        deliveries: DeliveryLogRepository,
        *,
        max_batch: int = 500,
        retry_delays_s: Sequence[float] = (0.1, 0.5, 2.0),
    ) -> None:
        self._deliveries = deliveries
        self._max_batch = max_batch
        self._retry_delays_s = tuple(retry_delays_s)
        self._queue: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    async def record(self, delivery: Delivery, attempt: AttemptRecord, verdict: Verdict) -> None:
        """Returns once the attempt is stored (raises if it could not be)."""
        if self._closed:
            raise RuntimeError("the recorder is closed")
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._queue.append(((delivery, attempt, verdict), future))
        self._idle.clear()
        self._wake.set()
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="webhook-attempt-recorder")
        # If the attempt is cancelled while waiting (shutdown), its outcome is still
        # written: it is in the queue already.
        await future

    async def close(self, timeout_s: float = 10.0) -> None:
        """Write what is queued (bounded), then stop the writer."""
        self._closed = True
        if self._task is None:
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout_s):
                await self._idle.wait()
        await cancel_and_wait(self._task)
        for _, future in self._queue:
            if not future.done():
                future.set_exception(RuntimeError("the recorder closed before writing"))
        self._queue.clear()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._queue:
                batch = self._queue[: self._max_batch]
                del self._queue[: self._max_batch]
                await self._write(batch)
            self._idle.set()

    async def _write(self, batch: list[tuple[Outcome, asyncio.Future[None]]]) -> None:
        outcomes = [outcome for outcome, _ in batch]
        for delay in (*self._retry_delays_s, None):
            try:
                recorded = await self._deliveries.record_many(outcomes)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if delay is not None:
                    log.warning("recording %d attempts failed; retrying", len(batch))
                    await asyncio.sleep(delay)
                    continue
                log.error("recording %d attempts failed", len(batch), exc_info=exc)
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                return
            if recorded < len(outcomes):
                # Their leases ran out and another worker took them over: its attempt is
                # the one the log keeps.
                log.info("%d attempts not recorded: lease lost", len(outcomes) - recorded)
            for _, future in batch:
                if not future.done():
                    future.set_result(None)
            return
