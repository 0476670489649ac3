"""Several processes of one server sharing its port (SO_REUSEPORT), supervised.

    IMS_WORKERS=2 python -m ims_grpc.main

With more than one worker the process started is a supervisor and serves nothing itself:
it starts that many copies of the same entry point, each with `<PREFIX>WORKERS=1`, its own
`<PREFIX>WORKER_INDEX` and `<PREFIX>SHARE_PORT=true`; restarts one that exits, after a delay
that doubles from 1 s up to 30 s (back to 1 s once a worker has run for a minute); and on
SIGTERM/SIGINT passes SIGTERM on and waits for every worker to finish its graceful stop
(SIGKILL after `grace_s`). A worker also gets SIGTERM if the supervisor dies without that
chance (Linux `PR_SET_PDEATHSIG`).

The workers bind with SO_REUSEPORT (`grpc.so_reuseport`; a server on its own binds without
it, so a port in use is an error), and the kernel spreads **connections** over them. A gRPC
channel is one HTTP/2 connection and stays with one worker: load spreads over several
channels (Envoy opens several connections per upstream; `bench/reserve_inventory.py
--channels`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import os
import signal
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from common.signals import wait_for_stop_signal

log = logging.getLogger(__name__)

_FIRST_DELAY_S = 1.0
_LONGEST_DELAY_S = 30.0
_HEALTHY_AFTER_S = 60.0  # a worker that ran this long restarts without delay growth
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class WorkerPlan:
    """`count` copies of `command`; `env_prefix` names their settings (e.g. "IMS_");
    `grace_s`: how long a worker may take to stop after SIGTERM before it is killed."""

    command: Sequence[str]
    count: int
    env_prefix: str
    grace_s: float

    def environment(self, index: int, base: Mapping[str, str]) -> dict[str, str]:
        return {
            **base,
            f"{self.env_prefix}WORKERS": "1",
            f"{self.env_prefix}WORKER_INDEX": str(index),
            f"{self.env_prefix}SHARE_PORT": "true",
        }


def module_command(module: str) -> list[str]:
    """This interpreter running `python -m module`: the worker of a supervisor started so."""
    return [sys.executable, "-m", module]


def _stop_with_parent() -> None:
    """Run in the worker before it starts: SIGTERM when the supervisor dies (Linux)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


async def supervise(plan: WorkerPlan) -> None:
    """Run the workers until SIGTERM/SIGINT, then stop them all."""
    stopping = asyncio.Event()
    async with asyncio.TaskGroup() as workers:
        for index in range(plan.count):
            workers.create_task(_keep_running(plan, index, stopping), name=f"worker-{index}")
        await wait_for_stop_signal()
        log.info("stopping workers", extra={"workers": plan.count})
        stopping.set()


async def _keep_running(plan: WorkerPlan, index: int, stopping: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    delay = _FIRST_DELAY_S
    while not stopping.is_set():
        started = loop.time()
        returncode = await _run_once(plan, index, stopping)
        if stopping.is_set():
            return
        if loop.time() - started >= _HEALTHY_AFTER_S:
            delay = _FIRST_DELAY_S
        log.warning(
            "worker exited; restarting it",
            extra={"worker": index, "returncode": returncode, "delay_s": delay},
        )
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(delay):
                await stopping.wait()
        delay = min(2 * delay, _LONGEST_DELAY_S)


async def _run_once(plan: WorkerPlan, index: int, stopping: asyncio.Event) -> int:
    """Start one worker and wait until it exits or stopping is set (then stop it)."""
    process = await asyncio.create_subprocess_exec(
        *plan.command,
        env=plan.environment(index, os.environ),
        stdin=asyncio.subprocess.DEVNULL,
        preexec_fn=_stop_with_parent,
    )
    log.info("worker started", extra={"worker": index, "pid": process.pid})
    exited = asyncio.create_task(process.wait())
    stop = asyncio.create_task(stopping.wait())
    try:
        await asyncio.wait({exited, stop}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stop.cancel()
        if process.returncode is None:
            # Stopping (or this task was cancelled): the worker's own graceful stop first.
            process.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(plan.grace_s):
                    await asyncio.shield(exited)
            except TimeoutError:
                process.kill()
            await asyncio.shield(exited)
    return exited.result()
