"""A pytest plugin that turns a hung test into a fast, explained failure.

If one test runs longer than `WATCHDOG_TEST_TIMEOUT_S` (default 300 s; a test marked
`@pytest.mark.watchdog_timeout(seconds)` gets that much if it is more), the stacks of every
thread and every asyncio task of the test loop are written to stderr and, shortly after,
the whole run exits non-zero, instead of hanging until CI's own limit with nothing to show.
"""

from __future__ import annotations

import asyncio
import faulthandler
import os
import sys
import threading
import time
from collections.abc import Generator
from typing import Any

import pytest

_EXIT_CODE = 70
_GRACE_S = 15.0
_loops: list[asyncio.AbstractEventLoop] = []


def _timeout_s() -> float:
    return float(os.environ.get("WATCHDOG_TEST_TIMEOUT_S", "300"))


@pytest.fixture(scope="session", autouse=True)
async def _watched_loop() -> None:
    """Remembers the session's event loop so a stuck test's tasks can be shown."""
    _loops.append(asyncio.get_running_loop())


def _await_chain(awaitable: Any) -> list[str]:
    """Where a coroutine is suspended: every frame down its chain of awaits."""
    lines = []
    while awaitable is not None:
        frame = getattr(awaitable, "cr_frame", None) or getattr(awaitable, "gi_frame", None)
        frame = frame or getattr(awaitable, "ag_frame", None)
        if frame is not None:
            code = frame.f_code
            lines.append(f"  {code.co_filename}:{frame.f_lineno} in {code.co_name}")
        awaitable = (
            getattr(awaitable, "cr_await", None)
            or getattr(awaitable, "gi_yieldfrom", None)
            or getattr(awaitable, "ag_await", None)
        )
    return lines


def _print_tasks(loop: asyncio.AbstractEventLoop) -> None:
    out = sys.__stderr__
    for task in asyncio.all_tasks(loop):
        print(f"--- task {task.get_name()}: {task!r}", file=out)
        print("\n".join(_await_chain(task.get_coro())), file=out)
    if out is not None:
        out.flush()


def _expire(config: pytest.Config, nodeid: str, timeout_s: float) -> None:
    # Output capture redirects fd 2; give the real stderr back, the run ends here anyway.
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.suspend_global_capture(in_=False)
    out = sys.__stderr__
    assert out is not None
    print(f"\n!!! watchdog: {nodeid} still running after {timeout_s:.0f} s", file=out)
    faulthandler.dump_traceback(file=out, all_threads=True)
    out.flush()
    for loop in _loops:
        if not loop.is_closed():
            loop.call_soon_threadsafe(_print_tasks, loop)
    time.sleep(_GRACE_S)
    print(f"!!! watchdog: stopping the test run ({nodeid} hung)", file=out)
    out.flush()
    os._exit(_EXIT_CODE)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, object, object]:
    # A test that is long by design says how long with @pytest.mark.watchdog_timeout(s).
    marker = item.get_closest_marker("watchdog_timeout")
    timeout_s = max(_timeout_s(), float(marker.args[0])) if marker else _timeout_s()
    timer = threading.Timer(timeout_s, _expire, args=(item.config, item.nodeid, timeout_s))
    timer.daemon = True
    timer.start()
    try:
        return (yield)
    finally:
        timer.cancel()
