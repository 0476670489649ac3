"""The supervisor of `scripts/run`, on real child processes with a hand-driven clock: a
process that exits is started again after a delay that doubles while it keeps failing and
starts over once it ran long enough; each event is said; stop() ends every child. The
dependency watch brings back a stack dependency whose process is gone, retrying with
backoff."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from devstack.component import Component
from devstack.process import StackError
from devstack.supervisor import Backoff, DependencyWatch, ServiceProcess, Supervisor

DEADLINE_S = 30.0  # for a child process to do what it was told (not a speed check)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _until(condition: object, what: str) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        time.sleep(0.01)


def _supervisor(tmp_path: Path, argv: list[str], said: list[str], clock: FakeClock) -> Supervisor:
    return Supervisor(
        [ServiceProcess("worker", argv)],
        log_dir=tmp_path / "logs",
        say=said.append,
        cwd=tmp_path,
        backoff=Backoff(first_s=1.0, max_s=4.0, stable_after_s=60.0),
        clock=clock,
    )


def _tick_until_said(supervisor: Supervisor, said: list[str], text: str, times: int = 1) -> None:
    def seen() -> bool:
        supervisor.tick()
        return sum(text in line for line in said) >= times

    _until(seen, f"never said {text!r}: {said}")


def test_a_failing_process_restarts_after_doubling_delays_then_after_the_first_again(
    tmp_path: Path,
) -> None:
    clock, said = FakeClock(), []
    supervisor = _supervisor(
        tmp_path, [sys.executable, "-c", "print('working'); raise SystemExit(3)"], said, clock
    )
    supervisor.start()
    try:
        _tick_until_said(supervisor, said, "exited (exit code 3) after 0.0s; restarting in 1.0s")
        clock.now += 0.9
        supervisor.tick()
        assert supervisor.restarts("worker") == 0  # not before its delay
        clock.now += 0.1
        supervisor.tick()
        assert supervisor.restarts("worker") == 1
        _tick_until_said(supervisor, said, "restarting in 2.0s")
        clock.now += 2.0
        supervisor.tick()
        _tick_until_said(supervisor, said, "restarting in 4.0s")
        clock.now += 4.0
        supervisor.tick()
        assert supervisor.restarts("worker") == 3
        _tick_until_said(supervisor, said, "restarting in 4.0s", times=2)  # capped at max_s
    finally:
        supervisor.stop(grace_s=5)
    assert "started worker" in said[0]
    assert any("started worker" in line and "(restart 3)" in line for line in said)
    # The process's own output went to its log file, not to the console.
    assert (tmp_path / "logs" / "worker.log").read_text().count("working") == 4


def test_a_process_that_ran_long_enough_restarts_after_the_first_delay_again(
    tmp_path: Path,
) -> None:
    clock, said = FakeClock(), []
    flag = tmp_path / "exit-now"
    script = (
        "import pathlib, time\n"
        f"flag = pathlib.Path({str(flag)!r})\n"
        "while not flag.exists(): time.sleep(0.01)\n"
        "flag.unlink(); raise SystemExit(1)\n"
    )
    supervisor = _supervisor(tmp_path, [sys.executable, "-c", script], said, clock)
    supervisor.start()
    try:
        for expected_delay in ("1.0s", "2.0s"):
            flag.touch()
            _tick_until_said(supervisor, said, f"restarting in {expected_delay}")
            clock.now += 10
            supervisor.tick()
        clock.now += 60  # runs for a minute: healthy again
        flag.touch()
        _tick_until_said(supervisor, said, "after 60.0s; restarting in 1.0s")
    finally:
        supervisor.stop(grace_s=5)


def test_a_killed_process_is_said_to_be_killed_and_stop_ends_every_child(
    tmp_path: Path,
) -> None:
    clock, said = FakeClock(), []
    supervisor = _supervisor(
        tmp_path, [sys.executable, "-c", "import time; time.sleep(120)"], said, clock
    )
    supervisor.start()
    pid = supervisor.pid("worker")
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    _tick_until_said(supervisor, said, "exited (killed by SIGKILL)")
    clock.now += 1.0
    supervisor.tick()
    restarted = supervisor.pid("worker")
    assert restarted is not None and restarted != pid
    supervisor.stop(grace_s=5)
    assert supervisor.pid("worker") is None
    _until(lambda: not Path(f"/proc/{restarted}").exists(), "the child outlived stop()")


class _Dependency(Component):
    """A component whose process is a pid file the test controls."""

    name = "fake"

    def __init__(self, home: Path) -> None:
        self._home = home

    @property
    def home(self) -> Path:
        return self._home

    def install(self) -> None: ...

    def start(self) -> None: ...

    def ready(self) -> bool:
        return True

    def endpoint(self) -> str:
        return "nowhere"


def test_the_dependency_watch_brings_back_a_dead_dependency_and_retries_with_backoff(
    tmp_path: Path,
) -> None:
    dependency = _Dependency(tmp_path)
    dependency.pid_path.write_text("999999999")  # no such process
    clock, said = FakeClock(), []
    attempts: list[float] = []
    sleeper: list[subprocess.Popen[bytes]] = []
    done = threading.Event()

    def bring_up(component: Component) -> None:
        attempts.append(clock.now)
        done.set()
        if len(attempts) == 1:
            raise StackError("port taken\nmore detail")
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        sleeper.append(child)
        component.pid_path.write_text(str(child.pid))

    watch = DependencyWatch(
        [dependency], bring_up=bring_up, say=said.append, backoff=Backoff(first_s=5.0), clock=clock
    )
    try:
        watch.tick()
        _until(lambda: any("did not come back (port taken)" in s for s in said), str(said))
        assert "trying again in 5.0s" in said[-1]
        watch.tick()
        clock.now += 4.9
        watch.tick()
        assert len(attempts) == 1  # waits out its delay
        clock.now += 0.1
        watch.tick()
        _until(lambda: any("fake is back" in s for s in said), str(said))
        watch.wait(timeout_s=5)
        watch.tick()
        assert len(attempts) == 2 and watch.recoveries == {"fake": 1}
    finally:
        for child in sleeper:
            child.kill()
            child.wait()
