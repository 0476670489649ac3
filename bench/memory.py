"""Peak resident memory of the processes a benchmark exercises, sampled while it runs.

    async with PeakRss.of_stack(this_process="ims + oms + ingester") as peaks:
        ...
    print(peaks.table())

Reads `VmRSS` from /proc every `interval_s` (Linux only; elsewhere it reports nothing). The
stack's daemons are found through their pid files (`.stack/<component>/pid`); their peak is
the one seen during the block, not since they started.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

from devstack import paths

STACK_COMPONENTS = ("mongo", "kafka", "postgres", "redis", "s3", "sqs")


def _status_bytes(pid: int, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def rss_bytes(pid: int) -> int | None:
    """The process's resident set now (VmRSS)."""
    return _status_bytes(pid, "VmRSS")


def peak_rss_bytes(pid: int) -> int | None:
    """The process's peak resident set since it started (VmHWM), while it runs."""
    return _status_bytes(pid, "VmHWM")


class PeakRss:
    def __init__(self, processes: dict[str, int], interval_s: float = 0.5) -> None:
        self._processes = processes
        self._interval_s = interval_s
        self.peaks: dict[str, int] = {}

    @classmethod
    @contextlib.asynccontextmanager
    async def of_stack(cls, this_process: str) -> AsyncIterator[PeakRss]:
        processes = {this_process: os.getpid()}
        for component in STACK_COMPONENTS:
            with contextlib.suppress(OSError, ValueError):
                pid = int((paths.component_dir(component) / "pid").read_text().strip())
                processes[component] = pid
        sampler = cls(processes)
        task = asyncio.create_task(sampler._sample())
        try:
            yield sampler
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            sampler._take()

    async def _sample(self) -> None:
        while True:
            self._take()
            await asyncio.sleep(self._interval_s)

    def _take(self) -> None:
        for name, pid in self._processes.items():
            rss = rss_bytes(pid)
            if rss is not None:
                self.peaks[name] = max(self.peaks.get(name, 0), rss)

    def table(self) -> str:
        return "  ".join(f"{name} {rss / 2**20:,.0f} MiB" for name, rss in self.peaks.items())
