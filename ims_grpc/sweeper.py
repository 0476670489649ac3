"""Background expiry of reservations whose ttl ran out.

Every `interval_s` the sweeper expires due reservations in batches (status EXPIRED, stock
returned, one EXPIRE ledger row and one inventory.changed outbox row per line). Batches are
claimed with FOR UPDATE SKIP LOCKED, so any number of IMS replicas can sweep at the same time
without waiting on each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

from common.tasks import cancel_and_wait
from common.tracing import bind_trace_id
from ims_grpc.repositories.reservations import ReservationRepository

log = logging.getLogger(__name__)


class ReservationSweeper:
    def __init__(
        self,
        reservations: ReservationRepository,
        *,
        interval_s: float,
        batch_size: int,
        stop_timeout_s: float = 10.0,
    ) -> None:
        self._reservations = reservations
        self._interval_s = interval_s
        self._batch_size = batch_size
        self._stop_timeout_s = stop_timeout_s

    async def sweep_once(self, stop: asyncio.Event | None = None) -> int:
        """Expire every reservation due now (batch after batch); returns how many."""
        total = 0
        while stop is None or not stop.is_set():
            expired = await self._reservations.expire_due(self._batch_size)
            total += expired
            if expired < self._batch_size:
                break
        return total

    async def run(self, stop: asyncio.Event) -> None:
        """Sweep every `interval_s` until `stop` is set; a failed sweep is logged and retried."""
        while not stop.is_set():
            # One trace id per pass (this task's own context): its log line and the
            # inventory.changed events of what it expired carry the same id.
            bind_trace_id(None)
            try:
                expired = await self.sweep_once(stop)
                if expired:
                    log.info("reservations expired", extra={"count": expired})
            except Exception:
                log.exception("reservation sweep failed")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._interval_s):
                    await stop.wait()

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        """Run in the background for the duration of the block; on exit let the current batch
        finish (cancelled after `stop_timeout_s`)."""
        stop = asyncio.Event()
        task = asyncio.create_task(self.run(stop), name="reservation-sweeper")
        try:
            yield
        finally:
            stop.set()
            await asyncio.wait([task], timeout=self._stop_timeout_s)
            if not task.done():
                log.warning("reservation sweeper cancelled after %.1f s", self._stop_timeout_s)
            await cancel_and_wait(task)
