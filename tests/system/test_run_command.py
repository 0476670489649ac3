"""The README's run command as a newcomer runs it: `python -m devstack.system` (what
`scripts/run` execs) starts every process of ours under its supervisor, the demo shows the
main job and prints the summary; the operator CLI then uploads and follows a file; a
SIGKILLed consumer is restarted and the work goes on; SIGINT stops everything it started.

It runs on resources of its own (database, topics, bucket, queues, ports) on the shared
stack, so it sees nothing of the other tests, and they nothing of it.
"""

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
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from prometheus_client.parser import text_string_to_metric_families

from devstack.process import free_port
from devstack.scratch import own_resources, provisioned
from tests.support.auth import auth_env

ROOT = Path(__file__).resolve().parents[2]
STARTUP_S = 300.0  # first start on a cold machine installs Envoy; generous, not a speed check
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


def _pump(stream: object, console: Console) -> None:
    for raw in stream:  # type: ignore[attr-defined]
        with console.lock:
            console.lines.append(raw.decode(errors="replace").rstrip("\n"))


@pytest.fixture
async def running_system(stack: None, tmp_path: Path) -> AsyncIterator[RunningSystem]:
    res = own_resources()
    ims, oms, edge, envoy, envoy_admin = (free_port() for _ in range(5))
    metrics = {name: str(free_port()) for name in METRICS_PORTS}
    env = {
        **os.environ,
        **res.environment(),
        **auth_env(),
        "WEBHOOK_SECRET_KEY": Fernet.generate_key().decode(),
        "RUN_HOME": str(tmp_path / "run"),
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
        )
        console = Console()
        pump = threading.Thread(target=_pump, args=(proc.stdout, console), daemon=True)
        pump.start()
        try:
            yield RunningSystem(proc, console, pump, env, tmp_path / "run")
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
                try:
                    proc.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def _omsctl(system: RunningSystem, *args: str) -> subprocess.CompletedProcess[str]:
    key = (system.run_home / "demo-api-key").read_text().strip()
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


def _orders(system: RunningSystem, *args: str) -> list[dict[str, object]]:
    done = _omsctl(system, "-o", "json", "orders", "list", "--limit", "10000", *args)
    assert done.returncode == 0, done.stderr
    orders: list[dict[str, object]] = json.loads(done.stdout)
    return orders


def _metrics(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of a Prometheus endpoint, by name and labels."""
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def _value(
    samples: dict[tuple[str, frozenset[tuple[str, str]]], float], name: str, **labels: str
) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


def _scrape(
    system: RunningSystem, variable: str
) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return _metrics(f"http://127.0.0.1:{system.env[variable]}/metrics")


def _gone(pids: Iterator[int] | list[int]) -> bool:
    return all(not Path(f"/proc/{pid}").exists() for pid in pids)


def test_the_run_command_shows_the_main_job_and_survives_a_killed_consumer(
    running_system: RunningSystem, tmp_path: Path
) -> None:
    system, console = running_system, running_system.console
    console.wait_for(r"how to call it", system.proc, STARTUP_S)
    text = console.text()
    # The demo's file: 52 good rows (one pair grouped into one order), 5 bad ones.
    assert "57 rows read, 52 accepted, 5 rejected, 51 orders created" in text
    assert re.search(r"on_hold\s*│\s*7\s*│\s*0", text), text  # 3 mugs for 10 orders, then 7
    assert re.search(r"new_order\s*│\s*44\s*│\s*51", text), text
    for reason in ("must be greater than 0", "is not a whole number", "does not exist"):
        assert reason in text
    assert "expected 102: all arrived" in text  # 51 created + 51 updated, verified
    assert "0 refused" in text
    assert "scripts/run stop" in text
    assert '{"' not in text.split("what happened")[0].split("started envoy")[-1]  # no JSON logs
    _check_metrics_after_the_demo(system)

    # The operator CLI, with the demo tenant's key: upload a file and follow it.
    first = _orders(system)[0]
    rows = 300
    csv_file = tmp_path / "more-orders.csv"
    csv_file.write_text(
        "tenant_id,seller_id,hub_code,sku_code,quantity\n"
        + "".join(
            f"{first['tenant_id']},{first['seller_id']},DEMO-HUB,DEMO-TEE,1\n" for _ in range(rows)
        )
        + f"{first['tenant_id']},{first['seller_id']},DEMO-HUB,NOT-A-SKU,1\n"
    )
    # The finalizer is SIGKILLed while these orders come in; the supervisor restarts it.
    finalizer = console.pids()["order-finalizer"]
    os.kill(finalizer, signal.SIGKILL)
    uploaded = _omsctl(system, "upload", str(csv_file), "--follow")
    assert uploaded.returncode == 0, uploaded.stderr
    assert f"completed: {rows + 1}/{rows + 1} rows read, {rows} accepted, 1 rejected" in (
        uploaded.stderr
    )
    assert re.search(r"state\s+completed", uploaded.stdout), uploaded.stdout
    console.wait_for(r"order-finalizer exited \(killed by SIGKILL\)", system.proc, STEP_S)
    console.wait_for(r"started order-finalizer, pid \d+ \(restart 1\)", system.proc, STEP_S)

    deadline = time.monotonic() + STEP_S
    while (held := _orders(system, "--status", "on_hold")) and time.monotonic() < deadline:
        time.sleep(1)
    assert held == [], f"{len(held)} orders still on hold after the finalizer's restart"
    assert len(_orders(system, "--status", "new_order")) == 51 + rows

    # Ctrl-C: everything it started stops.
    pids = list(console.pids().values())
    system.proc.send_signal(signal.SIGINT)
    assert system.proc.wait(timeout=120) == 0
    system.pump.join(timeout=10)  # the last lines
    assert console.text().rstrip().endswith("stopped")
    assert _gone(pids), "a process of the run outlived it"


def _check_metrics_after_the_demo(system: RunningSystem) -> None:
    """Each process's /metrics counts what the demo made it do (51 orders from 57 rows, 58
    reservations of which 7 short at first, 102 webhooks)."""
    ims = _scrape(system, "IMS_METRICS_PORT")
    assert _value(ims, "ims_reservations_total", outcome="reserved") >= 51
    assert _value(ims, "ims_reservations_total", outcome="insufficient_stock") >= 7
    reserve_ok = _value(
        ims,
        "grpc_server_handled_total",
        grpc_service="ims.v1.InventoryService",
        grpc_method="ReserveInventory",
        grpc_code="OK",
    )
    assert reserve_ok >= 58
    assert _value(ims, "outbox_events_published_total", service="ims") >= 3  # stock movements

    oms = _scrape(system, "OMS_METRICS_PORT")
    assert (
        _value(
            oms,
            "grpc_server_handled_total",
            grpc_service="oms.v1.UploadService",
            grpc_method="StreamUpload",
            grpc_code="OK",
        )
        == 1
    )

    ingester = _scrape(system, "INGESTER_METRICS_PORT")
    assert _value(ingester, "ingester_rows_total", outcome="accepted") == 52
    assert _value(ingester, "ingester_rows_total", outcome="rejected") == 5
    assert _value(ingester, "outbox_events_published_total", service="csv-ingester") >= 51

    finalizer = _scrape(system, "FINALIZER_METRICS_PORT")
    topic = system.env["KAFKA_TOPIC_ORDER_CREATED"]
    handled = _value(
        finalizer,
        "consumer_messages_total",
        consumer="order-finalizer",
        topic=topic,
        outcome="handled",
    )
    assert handled >= 51
    assert _value(finalizer, "outbox_events_published_total", service="order-finalizer") >= 51
    assert any(name == "consumer_lag_messages" for name, _ in finalizer)

    dispatcher = _scrape(system, "DISPATCHER_METRICS_PORT")
    assert _value(dispatcher, "webhook_attempts_total", result="delivered") >= 102

    edge = f"http://127.0.0.1:{system.env['EDGE_PORT']}"
    with urllib.request.urlopen(f"{edge}/healthz", timeout=10):
        pass
    answered = _metrics(f"{edge}/metrics")
    assert (
        _value(answered, "http_requests_total", method="GET", route="/healthz", status="200") >= 1
    )

    envoy = f"http://127.0.0.1:{system.env['ENVOY_ADMIN_PORT']}/stats/prometheus"
    with urllib.request.urlopen(envoy, timeout=10) as response:
        assert b"envoy_cluster_upstream_rq" in response.read()
