"""Bounded, fair concurrency across endpoints: one lane (queue) per webhook.

A job starts only when both an overall slot and a slot of its lane are free, and lanes with
work take turns (round robin). So a webhook that hangs holds at most `per_lane` of the
`total` slots and its queue waits alone; the other webhooks' jobs never queue behind it.
Nothing blocks while waiting: jobs are queued, and started from the completion of others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any, Generic, TypeVar

from common.tasks import cancel_and_wait

log = logging.getLogger(__name__)

Job = TypeVar("Job")


class Lanes(Generic[Job]):
    def __init__(
        self,
        run: Callable[[Job], Coroutine[Any, Any, None]],
        *,
        total: int,
        per_lane: int,
        max_queued_per_lane: int,
    ) -> None:
        self._run = run
        self._total = total
        self._per_lane = per_lane
        self._max_queued = max_queued_per_lane
        self._queues: dict[str, deque[Job]] = {}
        self._running: dict[str, int] = {}
        self._turns: deque[str] = deque()  # lanes with queued jobs and a free lane slot
        self._tasks: dict[asyncio.Task[None], tuple[str, Job]] = {}
        self._idle = asyncio.Event()
        self._idle.set()
        self._closed = False

    def room(self, lane: str) -> int:
        """How many more jobs `lane` queues without exceeding its bound."""
        return max(0, self._max_queued - len(self._queues.get(lane, ())))

    def has_room(self, lane: str) -> bool:
        return self.room(lane) > 0

    def full_lanes(self) -> list[str]:
        return [lane for lane, queue in self._queues.items() if len(queue) >= self._max_queued]

    @property
    def queued(self) -> int:
        return sum(len(queue) for queue in self._queues.values())

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    def submit(self, lane: str, job: Job) -> None:
        """Queue `job` (the queue bound is advisory: callers check `has_room` first)."""
        if self._closed:
            raise RuntimeError("the lanes are closed")
        self._queues.setdefault(lane, deque()).append(job)
        self._idle.clear()
        self._offer_turn(lane)
        self._start_what_fits()

    async def wait_idle(self) -> None:
        """Until nothing is queued or running."""
        await self._idle.wait()

    async def close(self, grace_s: float) -> list[Job]:
        """Stop: running jobs get `grace_s` to finish, then are cancelled. Returns the jobs
        that never ran or were cut off (the caller hands them back)."""
        self._closed = True
        left: list[Job] = [job for queue in self._queues.values() for job in queue]
        self._queues.clear()
        self._turns.clear()
        if self._tasks:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(grace_s):
                    await asyncio.wait(list(self._tasks))
        for task, (_, job) in list(self._tasks.items()):
            if not task.done():
                left.append(job)
                await cancel_and_wait(task)
        return left

    def _offer_turn(self, lane: str) -> None:
        if (
            lane not in self._turns
            and self._queues.get(lane)
            and self._running.get(lane, 0) < self._per_lane
        ):
            self._turns.append(lane)

    def _start_what_fits(self) -> None:
        while self._turns and len(self._tasks) < self._total:
            lane = self._turns.popleft()
            queue = self._queues.get(lane)
            if not queue or self._running.get(lane, 0) >= self._per_lane:
                continue
            job = queue.popleft()
            if not queue:
                del self._queues[lane]
            self._running[lane] = self._running.get(lane, 0) + 1
            task = asyncio.create_task(self._run(job), name=f"webhook-attempt-{lane}")
            self._tasks[task] = (lane, job)
            task.add_done_callback(self._finished)
            self._offer_turn(lane)  # its next job waits for the next turn

    def _finished(self, task: asyncio.Task[None]) -> None:
        lane, _ = self._tasks.pop(task)
        self._running[lane] -= 1
        if not self._running[lane]:
            del self._running[lane]
        if not task.cancelled() and task.exception() is not None:
            log.error("webhook attempt failed unexpectedly", exc_info=task.exception())
        if self._closed:
            return
        self._offer_turn(lane)
        self._start_what_fits()
        if not self._tasks and not self._queues:
            self._idle.set()
