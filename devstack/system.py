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
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from devstack.credentials import LocalCredentials, local_credentials
from devstack.envoy_bin import ensure_envoy
from devstack.limits import raise_open_file_limit
from devstack.paths import PROJECT_ROOT
from devstack.stack import Stack, default_components

_GRACE_S = 15.0


@dataclass(frozen=True)
class ServiceProcess:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)


def service_processes(
    python: str, envoy: Path, credentials: LocalCredentials
) -> list[ServiceProcess]:
    def consumer(name: str, module: str) -> ServiceProcess:
        return ServiceProcess(name, [python, "-m", module], credentials.service_env(name))

    return [
        ServiceProcess("ims", [python, "-m", "ims_grpc.main"], credentials.server_env()),
        ServiceProcess("oms", [python, "-m", "oms_grpc.main"], credentials.server_env()),
        consumer("csv-ingester", "consumers.csv_ingester"),
        consumer("order-finalizer", "consumers.order_finalizer"),
        consumer("webhook-dispatcher", "consumers.webhook_dispatcher"),
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
                "--http",
                "httptools",
                "--loop",
                "uvloop",
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
            env={**os.environ, **proc.env},
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
    credentials = local_credentials()
    print(
        f"[run] admin credential: {credentials.admin_token}"
        f" (kept in {credentials.admin_token_file}); call with"
        " 'authorization: Bearer <it>' to create tenants and their API keys",
        flush=True,
    )
    return supervise(service_processes(sys.executable, envoy, credentials))


if __name__ == "__main__":
    sys.exit(main())
