"""Keeps a set of processes running: each one's output goes to its own log file, a process
that exits is started again after a growing delay, and every start, exit and restart is
said in one plain line.

`Supervisor` runs our processes (IMS, OMS, the edges, the consumers) as its children;
`DependencyWatch` brings a stack dependency back (start, wait until ready, provision) when
its process is gone. Both are driven by `tick()` from one loop, so the order of events is
easy to follow and a test can drive them step by step.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from devstack import process
from devstack.component import Component
from devstack.process import StackError

Say = Callable[[str], None]
Clock = Callable[[], float]


@dataclass(frozen=True)
class ServiceProcess:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Backoff:
    """Delay before restart number n (1, 2, ...) of a process that keeps failing: `first_s`
    doubling up to `max_s`. A process that ran at least `stable_after_s` counts as healthy
    again, so its next crash restarts it after `first_s`."""

    first_s: float = 1.0
    max_s: float = 30.0
    stable_after_s: float = 60.0

    def delay(self, consecutive_failures: int) -> float:
        return float(min(self.max_s, self.first_s * 2 ** max(0, consecutive_failures - 1)))


@dataclass
class _Child:
    spec: ServiceProcess
    popen: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restarts: int = 0
    failures_in_a_row: int = 0
    restart_at: float | None = None


class Supervisor:
    def __init__(
        self,
        processes: Sequence[ServiceProcess],
        *,
        log_dir: Path,
        say: Say,
        cwd: Path,
        backoff: Backoff | None = None,
        base_env: Mapping[str, str] | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._children = [_Child(spec) for spec in processes]
        self._log_dir = log_dir
        self._say = say
        self._cwd = cwd
        self._backoff = backoff or Backoff()
        self._base_env = dict(os.environ if base_env is None else base_env)
        self._clock = clock

    def log_path(self, name: str) -> Path:
        return self._log_dir / f"{name}.log"

    def pid(self, name: str) -> int | None:
        child = self._child(name)
        return child.popen.pid if child.popen is not None and child.popen.poll() is None else None

    def restarts(self, name: str) -> int:
        return self._child(name).restarts

    def start(self) -> None:
        self._log_dir.mkdir(parents=True, exist_ok=True)
        for child in self._children:
            self._launch(child)

    def tick(self) -> None:
        """Notice exits, and restart whatever is due."""
        now = self._clock()
        for child in self._children:
            popen = child.popen
            if popen is not None and popen.poll() is not None:
                ran_for = now - child.started_at
                stable = ran_for >= self._backoff.stable_after_s
                child.failures_in_a_row = 1 if stable else child.failures_in_a_row + 1
                delay = self._backoff.delay(child.failures_in_a_row)
                child.popen = None
                child.restart_at = now + delay
                self._say(
                    f"{child.spec.name} exited ({_exit_text(popen.returncode)}) after"
                    f" {ran_for:.1f}s; restarting in {delay:.1f}s"
                    f" (see {self.log_path(child.spec.name)})"
                )
            elif popen is None and child.restart_at is not None and now >= child.restart_at:
                child.restarts += 1
                self._launch(child)

    def stop(self, grace_s: float = 30.0) -> None:
        """SIGTERM to every child, SIGKILL to those still running after `grace_s`."""
        live = [c.popen for c in self._children if c.popen is not None and c.popen.poll() is None]
        for popen in live:
            popen.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        for popen in live:
            try:
                popen.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                popen.kill()
                popen.wait()
        for child in self._children:
            child.popen, child.restart_at = None, None

    def _launch(self, child: _Child) -> None:
        spec = child.spec
        with open(self.log_path(spec.name), "ab") as log:
            child.popen = subprocess.Popen(
                spec.argv,
                cwd=self._cwd,
                env={**self._base_env, **spec.env},
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=terminate_with_parent,
            )
        child.started_at = self._clock()
        child.restart_at = None
        again = f" (restart {child.restarts})" if child.restarts else ""
        self._say(f"started {spec.name}, pid {child.popen.pid}{again}")

    def _child(self, name: str) -> _Child:
        for child in self._children:
            if child.spec.name == name:
                return child
        raise KeyError(name)


_PR_SET_PDEATHSIG = 1


def terminate_with_parent() -> None:
    """Run in a child before exec (Linux): SIGTERM it when the supervisor dies, however it
    dies (SIGKILL included), so no process of ours outlives the run that started it."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _exit_text(returncode: int) -> str:
    if returncode < 0:
        try:
            return f"killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"killed by signal {-returncode}"
    return f"exit code {returncode}"


class DependencyWatch:
    """Brings back a stack dependency whose process is gone (killed, crashed, or a zombie):
    start, wait until ready, provision, in a thread of its own so the supervisor's loop
    keeps turning; retried with `backoff` while it fails."""

    def __init__(
        self,
        components: Sequence[Component],
        *,
        bring_up: Callable[[Component], None],
        say: Say,
        backoff: Backoff | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._components = list(components)
        self._bring_up = bring_up
        self._say = say
        self._backoff = backoff or Backoff()
        self._clock = clock
        self._busy: dict[str, threading.Thread] = {}
        self._failures: dict[str, int] = {}
        self._retry_at: dict[str, float] = {}
        self.recoveries: dict[str, int] = {}

    def tick(self) -> None:
        now = self._clock()
        for component in self._components:
            name = component.name
            worker = self._busy.get(name)
            if worker is not None:
                if worker.is_alive():
                    continue
                del self._busy[name]
            if process.running(component.pid_path) or now < self._retry_at.get(name, 0.0):
                continue
            self._say(f"{name} is not running; starting it again")
            thread = threading.Thread(
                target=self._recover, args=(component,), name=f"recover-{name}", daemon=True
            )
            self._busy[name] = thread
            thread.start()

    def wait(self, timeout_s: float) -> None:
        """Until recoveries under way end (for shutdown)."""
        deadline = time.monotonic() + timeout_s
        for thread in list(self._busy.values()):
            thread.join(max(0.0, deadline - time.monotonic()))

    def _recover(self, component: Component) -> None:
        name = component.name
        started = time.monotonic()
        try:
            self._bring_up(component)
        except (StackError, OSError) as exc:
            failures = self._failures.get(name, 0) + 1
            self._failures[name] = failures
            delay = self._backoff.delay(failures)
            self._retry_at[name] = self._clock() + delay
            first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            self._say(f"{name} did not come back ({first_line}); trying again in {delay:.1f}s")
            return
        self._failures[name] = 0
        self.recoveries[name] = self.recoveries.get(name, 0) + 1
        self._say(f"{name} is back after {time.monotonic() - started:.1f}s")
