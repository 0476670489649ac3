"""`scripts/stack` never takes a dead process for a live one: not a zombie (a dead child
whose parent has not reaped it answers kill(0) from anywhere), not a reaped one, and not a
newer process that was given the pid a pid file records."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devstack import process

# The parent forks a child that exits at once, prints the child's pid, and never reaps it.
_ZOMBIE_MAKER = """
import os, sys, time
pid = os.fork()
if pid == 0:
    os._exit(0)
print(pid, flush=True)
time.sleep(120)
"""


def _state(pid: int) -> str:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat[stat.rindex(")") + 2 :].split()[0]


@pytest.fixture
def zombie() -> Iterator[int]:
    parent = subprocess.Popen([sys.executable, "-c", _ZOMBIE_MAKER], stdout=subprocess.PIPE)
    try:
        assert parent.stdout is not None
        pid = int(parent.stdout.readline())
        deadline = time.monotonic() + 30
        while _state(pid) != "Z":
            assert time.monotonic() < deadline, "the child never became a zombie"
            time.sleep(0.01)
        yield pid
    finally:
        parent.kill()
        parent.wait()


def test_a_zombie_is_not_alive_though_it_answers_kill_zero(zombie: int, tmp_path: Path) -> None:
    os.kill(zombie, 0)  # no error: what fooled the old check
    assert not process.pid_alive(zombie)
    pid_file = tmp_path / "pid"
    pid_file.write_text(str(zombie))
    assert not process.running(pid_file)


def test_a_live_process_is_running_and_a_reaped_one_is_not(tmp_path: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    pid_file = tmp_path / "pid"
    pid_file.write_text(str(sleeper.pid))
    try:
        assert process.running(pid_file)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert not process.running(pid_file)


def test_a_process_started_after_the_pid_file_was_written_is_not_the_one_it_records(
    tmp_path: Path,
) -> None:
    """As if our process died and the number went to a new one: the pid file is an hour
    older than the process now holding its pid."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    pid_file = tmp_path / "pid"
    pid_file.write_text(str(sleeper.pid))
    an_hour_ago = time.time() - 3600
    os.utime(pid_file, (an_hour_ago, an_hour_ago))
    try:
        assert process.pid_alive(sleeper.pid)
        assert not process.running(pid_file)
    finally:
        sleeper.kill()
        sleeper.wait()


def test_stop_of_a_zombie_reports_it_was_not_running(zombie: int, tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    pid_file.write_text(str(zombie))
    assert process.stop(pid_file, timeout=1) is False
    assert not pid_file.exists()
