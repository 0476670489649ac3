"""`scripts/run`: the local stack plus every service process, supervised in the foreground.

Ctrl-C (or SIGTERM) stops the services gracefully; the infrastructure stack keeps running
(`scripts/stack down` stops it). If one service dies, the others are stopped too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from devstack.envoy_bin import ensure_envoy
from devstack.limits import raise_open_file_limit
from devstack.paths import PROJECT_ROOT
from devstack.stack import Stack, default_components

_GRACE_S = 15.0


@dataclass(frozen=True)
class ServiceProcess:
    name: str
    argv: list[str]


def service_processes(python: str, envoy: Path) -> list[ServiceProcess]:
    return [
        ServiceProcess("ims", [python, "-m", "ims_grpc.main"]),
        ServiceProcess("oms", [python, "-m", "oms_grpc.main"]),
        ServiceProcess("csv-ingester", [python, "-m", "consumers.csv_ingester"]),
        ServiceProcess("order-finalizer", [python, "-m", "consumers.order_finalizer"]),
        ServiceProcess("webhook-dispatcher", [python, "-m", "consumers.webhook_dispatcher"]),
        ServiceProcess(
            "edge",
            [
                python,
                "-m",
                "uvicorn",
                "--factory",
                "edge_rest.app:create_app",
                "--host",
                os.environ.get("EDGE_HOST", "127.0.0.1"),
                "--port",
                os.environ.get("EDGE_PORT", "8000"),
                "--no-access-log",
            ],
        ),
        ServiceProcess(
            "envoy",
            [str(envoy), "-c", str(PROJECT_ROOT / "envoy" / "envoy.yaml"), "--log-level", "warn"],
        ),
    ]


def _pump(name: str, stream: IO[bytes]) -> None:
    prefix = f"[{name}] ".encode()
    for line in stream:
        sys.stdout.buffer.write(prefix + line)
        sys.stdout.buffer.flush()


def supervise(processes: Sequence[ServiceProcess]) -> int:
    running: dict[str, subprocess.Popen[bytes]] = {}
    stopping = threading.Event()

    def request_stop(signum: int, frame: object) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    for proc in processes:
        child = subprocess.Popen(
            proc.argv,
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        running[proc.name] = child
        assert child.stdout is not None
        threading.Thread(target=_pump, args=(proc.name, child.stdout), daemon=True).start()
        print(f"[run] started {proc.name} (pid {child.pid})", flush=True)

    exit_code = 0
    while not stopping.is_set():
        for name, child in running.items():
            if child.poll() is not None:
                print(f"[run] {name} exited with {child.returncode}; stopping the rest", flush=True)
                exit_code = child.returncode or 1
                stopping.set()
                break
        time.sleep(0.2)

    for child in running.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + _GRACE_S
    for child in running.values():
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
    print("[run] all services stopped (the stack keeps running: scripts/stack down)", flush=True)
    return exit_code


def main() -> int:
    raise_open_file_limit()  # inherited by the stack's servers and the services
    Stack(default_components(), report=lambda line: print(f"[stack] {line}", flush=True)).up()
    envoy = ensure_envoy()
    return supervise(service_processes(sys.executable, envoy))


if __name__ == "__main__":
    sys.exit(main())
