"""Start detached daemons with a pid file and a log file; stop exactly what we started."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


class StackError(RuntimeError):
    """A dependency could not be installed, started or provisioned."""


def spawn(
    cmd: Sequence[str],
    *,
    log_path: Path,
    pid_path: Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    user: str | None = None,
) -> int:
    """Start `cmd` in its own session (so it survives us and can be killed as a group)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    argv = list(cmd)
    if user is not None:
        argv = ["runuser", "-u", user, "--", *argv]
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    pid_path.write_text(str(proc.pid))
    return proc.pid


def read_pid(pid_path: Path) -> int | None:
    try:
        return int(pid_path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def pid_alive(pid: int) -> bool:
    """True while `pid` is a running process: not gone, and not a zombie (a dead process
    its parent has not reaped still answers kill(0), from any process)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: it exists
    # Our own child that died is reaped here; anyone else's zombie is read from /proc.
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return False
    stat = _proc_stat(pid)
    return stat is None or stat.state not in _DEAD_STATES


_DEAD_STATES = frozenset({"Z", "X", "x"})  # zombie, dead (proc(5))


@dataclass(frozen=True)
class _ProcStat:
    state: str
    started_at: float  # wall clock, seconds since the epoch


def _proc_stat(pid: int) -> _ProcStat | None:
    """The state and start time of `pid` from /proc (None where there is no /proc)."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
        boot_time = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
    except (OSError, StopIteration):
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    fields = raw[raw.rindex(")") + 2 :].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return _ProcStat(state=fields[0], started_at=boot_time + int(fields[19]) / ticks)


# A pid file is written right after its process starts; a process that started clearly
# later merely reuses the number of ours, which is gone.
_PID_REUSE_MARGIN_S = 2.0


def running(pid_path: Path) -> bool:
    """True when the process this pid file records is alive: not gone, not a zombie, and not
    a newer process that happens to have been given the same pid."""
    pid = read_pid(pid_path)
    if pid is None or not pid_alive(pid):
        return False
    stat = _proc_stat(pid)
    try:
        written_at = pid_path.stat().st_mtime
    except FileNotFoundError:
        return False
    return stat is None or stat.started_at <= written_at + _PID_REUSE_MARGIN_S


def stop(pid_path: Path, *, timeout: float = 30.0, sig: int = signal.SIGTERM) -> bool:
    """Signal the process group we started, then SIGKILL after `timeout`. True if it was up."""
    pid = read_pid(pid_path)
    if pid is None or not running(pid_path):
        pid_path.unlink(missing_ok=True)
        return False
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.1)
    if pid_alive(pid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
    pid_path.unlink(missing_ok=True)
    return True


def stop_child(
    process: subprocess.Popen[bytes], *, timeout: float = 20.0, sig: int = signal.SIGTERM
) -> int:
    """Signal a child we hold the Popen of (`sig`), SIGKILL it if it is still running after
    `timeout`; its exit status."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            return process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def wait_until(
    check: Callable[[], bool],
    *,
    timeout: float,
    what: str,
    alive: Callable[[], bool] | None = None,
    log_path: Path | None = None,
    interval: float = 0.2,
) -> None:
    """Poll `check` until true; fail fast if the process died, with the log tail."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        if alive is not None and not alive():
            raise StackError(f"{what} exited during start-up{_log_tail(log_path)}")
        time.sleep(interval)
    raise StackError(f"{what} not ready after {timeout:.0f}s{_log_tail(log_path)}")


def _log_tail(log_path: Path | None, lines: int = 30) -> str:
    if log_path is None or not log_path.exists():
        return ""
    tail = log_path.read_text(errors="replace").splitlines()[-lines:]
    return f"\n--- last lines of {log_path} ---\n" + "\n".join(tail)


def run(
    cmd: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    user: str | None = None,
    timeout: float | None = 900,
) -> str:
    """Run a short command to completion; raise StackError with its output on failure."""
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    argv = list(cmd)
    if user is not None:
        argv = ["runuser", "-u", user, "--", *argv]
    proc = subprocess.run(
        argv, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise StackError(
            f"command failed ({proc.returncode}): {' '.join(argv)}\n"
            f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    return proc.stdout


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now (for a server a test or a run starts)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_listening(
    port: int, process: asyncio.subprocess.Process, *, name: str, timeout_s: float = 60.0
) -> None:
    """Until something accepts connections on 127.0.0.1:`port`; raises when `process`
    exits first or `timeout_s` passes."""
    async with asyncio.timeout(timeout_s):
        while True:
            if process.returncode is not None:
                raise StackError(f"{name} exited with {process.returncode}")
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.05)
                continue
            writer.close()
            await writer.wait_closed()
            return
