"""`scripts/run`'s process (`python -m devstack.system`) started by a test: the whole
system under its supervisor, on resources of its own, with its console collected as it
comes; and the helpers the tests that drive it share (the operator CLI, metrics)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet
from prometheus_client.parser import text_string_to_metric_families

from devstack.process import free_port, stop_child
from devstack.scratch import Resources, own_resources, provisioned
from devstack.supervisor import terminate_with_parent
from tests.support.auth import auth_env

ROOT = Path(__file__).resolve().parents[2]
STEP_S = 180.0
METRICS_PORTS = (
    "IMS_METRICS_PORT",
    "OMS_METRICS_PORT",
    "INGESTER_METRICS_PORT",
    "FINALIZER_METRICS_PORT",
    "DISPATCHER_METRICS_PORT",
)


@dataclass
class Console:
    """The system's console output, collected by a thread as it comes."""

    lines: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def text(self) -> str:
        with self.lock:
            return "\n".join(self.lines)

    def wait_for(self, pattern: str, proc: subprocess.Popen[bytes], timeout_s: float) -> str:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self.lock:
                for line in self.lines:
                    if found := regex.search(line):
                        return found.group(0)
            assert proc.poll() is None, f"the system exited ({proc.returncode}):\n{self.text()}"
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r} in:\n{self.text()}")

    def count(self, pattern: str) -> int:
        regex = re.compile(pattern)
        with self.lock:
            return sum(1 for line in self.lines if regex.search(line))

    def wait_for_count(
        self, pattern: str, times: int, proc: subprocess.Popen[bytes], timeout_s: float
    ) -> None:
        """Until `times` lines match `pattern`."""
        deadline = time.monotonic() + timeout_s
        while self.count(pattern) < times:
            assert proc.poll() is None, f"the system exited ({proc.returncode}):\n{self.text()}"
            assert time.monotonic() < deadline, f"{pattern!r} not seen {times}x in:\n{self.text()}"
            time.sleep(0.1)

    def pids(self) -> dict[str, int]:
        with self.lock:
            return {
                m.group(1): int(m.group(2))
                for line in self.lines
                if (m := re.search(r"started ([\w-]+), pid (\d+)", line))
            }


@dataclass(frozen=True)
class RunningSystem:
    proc: subprocess.Popen[bytes]
    console: Console
    pump: threading.Thread
    env: dict[str, str]
    run_home: Path
    resources: Resources

    @property
    def targets(self) -> tuple[str, str]:
        """IMS and OMS gRPC addresses."""
        return f"127.0.0.1:{self.env['IMS_PORT']}", f"127.0.0.1:{self.env['OMS_PORT']}"

    def api_key(self) -> str:
        """The demo tenant's API key (once the demo has made it)."""
        return (self.run_home / "demo-api-key").read_text().strip()


def _pump(stream: object, console: Console) -> None:
    for raw in stream:  # type: ignore[attr-defined]
        with console.lock:
            console.lines.append(raw.decode(errors="replace").rstrip("\n"))


@asynccontextmanager
async def running_system(
    run_home: Path, extra_env: dict[str, str] | None = None
) -> AsyncIterator[RunningSystem]:
    """`python -m devstack.system` on resources of its own (database, topics, bucket,
    queues, consumer groups, ports) on the shared stack; SIGINT at the end."""
    res = own_resources()
    ims, oms, edge, envoy, envoy_admin = (free_port() for _ in range(5))
    metrics = {name: str(free_port()) for name in METRICS_PORTS}
    env = {
        **os.environ,
        **res.environment(),
        **auth_env(),
        "WEBHOOK_SECRET_KEY": Fernet.generate_key().decode(),
        "RUN_HOME": str(run_home),
        "IMS_PORT": str(ims),
        "OMS_PORT": str(oms),
        "EDGE_PORT": str(edge),
        "ENVOY_PORT": str(envoy),
        "ENVOY_ADMIN_PORT": str(envoy_admin),
        "FINALIZER_GROUP_ID": f"finalizer-{res.suffix}",
        "FINALIZER_RESTOCK_GROUP_ID": f"restock-{res.suffix}",
        "DISPATCHER_GROUP_ID": f"dispatcher-{res.suffix}",
        "INGESTER_RECEIVE_WAIT_S": "1",
        **metrics,
        **(extra_env or {}),
    }
    async with provisioned(res):
        # A blocking Popen on purpose: the test body is synchronous (it waits on the
        # process's console and runs the CLI), the loop only provisions and cleans up.
        proc = subprocess.Popen(  # noqa: ASYNC220
            [sys.executable, "-m", "devstack.system"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            preexec_fn=terminate_with_parent,
        )
        console = Console()
        pump = threading.Thread(target=_pump, args=(proc.stdout, console), daemon=True)
        pump.start()
        try:
            yield RunningSystem(proc, console, pump, env, run_home, res)
        finally:
            stop_child(proc, timeout=120, sig=signal.SIGINT)


def omsctl(
    system: RunningSystem, *args: str, token: str | None = None
) -> subprocess.CompletedProcess[str]:
    """The operator CLI with the demo tenant's key (or `token`)."""
    key = token or (system.run_home / "demo-api-key").read_text().strip()
    return subprocess.run(
        [sys.executable, "-m", "omsctl", *args],
        cwd=ROOT,
        env={**system.env, "OMSCTL_TOKEN": key, **_targets(system.env)},
        capture_output=True,
        text=True,
        timeout=STEP_S,
        check=False,
    )


def _targets(env: dict[str, str]) -> dict[str, str]:
    return {
        "OMSCTL_IMS": f"127.0.0.1:{env['IMS_PORT']}",
        "OMSCTL_OMS": f"127.0.0.1:{env['OMS_PORT']}",
    }


def orders(system: RunningSystem, *args: str) -> list[dict[str, object]]:
    done = omsctl(system, "-o", "json", "orders", "list", "--limit", "10000", *args)
    assert done.returncode == 0, done.stderr
    orders: list[dict[str, object]] = json.loads(done.stdout)
    return orders


def metrics(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a Prometheus endpoint, by name and labels."""
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def scrape(
    system: RunningSystem, variable: str
) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return metrics(f"http://127.0.0.1:{system.env[variable]}/metrics")


def gone(pids: Iterator[int] | list[int]) -> bool:
    return all(not Path(f"/proc/{pid}").exists() for pid in pids)
