"""Stopping background tasks: never a hang, whatever the task does with its cancellation."""

from __future__ import annotations

import asyncio
import logging

import pytest

from common.tasks import cancel_and_wait


async def test_an_ordinary_task_is_cancelled() -> None:
    task = asyncio.create_task(asyncio.Event().wait())
    await cancel_and_wait(task, timeout_s=5)
    assert task.cancelled()


async def test_a_task_that_swallows_one_cancellation_is_cancelled_again() -> None:
    swallowed = 0

    async def stubborn() -> None:
        nonlocal swallowed
        while True:
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                if swallowed:
                    raise
                swallowed += 1

    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    await cancel_and_wait(task, timeout_s=5)
    assert swallowed == 1
    assert task.cancelled()


async def test_a_task_that_never_stops_is_left_behind_after_the_timeout(
    caplog: pytest.LogCaptureFixture,
) -> None:
    release = asyncio.Event()

    async def immortal() -> None:
        while not release.is_set():
            try:
                await release.wait()
            except asyncio.CancelledError:
                continue

    task = asyncio.create_task(immortal(), name="immortal")
    await asyncio.sleep(0)
    with caplog.at_level(logging.ERROR):
        await cancel_and_wait(task, timeout_s=0.3)
    assert not task.done()
    assert "immortal did not stop within 0.3 s" in caplog.text
    release.set()
    await task


async def test_a_failed_task_is_logged_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    async def broken() -> None:
        raise ValueError("boom")

    task = asyncio.create_task(broken(), name="broken")
    await asyncio.sleep(0)
    with caplog.at_level(logging.ERROR):
        await cancel_and_wait(task, timeout_s=5)
    assert "background task broken failed" in caplog.text
