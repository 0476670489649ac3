"""Stopping background tasks without ever waiting forever on one."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_STOP_TIMEOUT_S = 10.0


async def cancel_and_wait(
    task: asyncio.Task[Any], timeout_s: float = DEFAULT_STOP_TIMEOUT_S
) -> None:
    """Cancel `task` and wait (at most `timeout_s`) until it has finished.

    A task that swallows its cancellation (a library catching CancelledError, or
    `asyncio.wait_for` on Python 3.11 when its inner future completes at the same moment) is
    cancelled again until it ends; if it outlives `timeout_s` it is logged and left behind
    rather than blocking the caller's shutdown forever.
    """
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout_s):
            while not task.done():
                task.cancel()
                await asyncio.wait([task], timeout=0.5)
    if not task.done():
        log.error("background task %s did not stop within %.1f s", task.get_name(), timeout_s)
    elif not task.cancelled() and task.exception() is not None:
        log.error("background task %s failed", task.get_name(), exc_info=task.exception())
