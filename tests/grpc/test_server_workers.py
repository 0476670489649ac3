"""IMS_WORKERS / OMS_WORKERS: several server processes on one port (SO_REUSEPORT) under a
supervisor, started through the production entry point: calls on many channels reach every
worker, a SIGKILLed worker is replaced while the others keep serving, SIGTERM stops them all."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import urllib.request
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import grpc
from ims.v1 import tenant_pb2, tenant_pb2_grpc

from common.settings import KafkaSettings, PostgresSettings
from devstack.process import free_port
from tests.support.auth import admin_channel, auth_env
from tests.support.processes import start_module

DEADLINE_S = 120.0  # generous: a loaded CI machine starts two Python servers slowly


def children(pid: int) -> set[int]:
    """The live child processes of `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def handled_calls(metrics_port: int) -> float:
    """RPCs a worker completed, from its own metrics endpoint."""
    with urllib.request.urlopen(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5) as page:
        text = page.read().decode()
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("grpc_server_handled_total{")
    )


async def eventually(check: Callable[[], bool], what: str) -> None:
    """Poll `check()` until it holds, up to DEADLINE_S."""
    try:
        async with asyncio.timeout(DEADLINE_S):
            while not check():  # noqa: ASYNC110 (a condition of other processes)
                await asyncio.sleep(0.2)
    except TimeoutError:
        raise AssertionError(f"not after {DEADLINE_S:.0f} s: {what}") from None


@asynccontextmanager
async def ims_workers(
    postgres: PostgresSettings, kafka: KafkaSettings, port: int, metrics_port: int
) -> AsyncIterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        **auth_env(),
        "POSTGRES_DSN": postgres.dsn,
        "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap_servers,
        "KAFKA_TOPIC_INVENTORY_CHANGED": kafka.topic_inventory_changed,
        "IMS_PORT": str(port),
        "IMS_METRICS_PORT": str(metrics_port),
        "IMS_WORKERS": "2",
        "IMS_SHUTDOWN_GRACE_S": "1",
    }
    supervisor = start_module("ims_grpc.main", env)
    try:
        yield supervisor
    finally:
        if supervisor.poll() is None:
            supervisor.kill()
            supervisor.wait()


async def call_on_fresh_channels(target: str, channels: int) -> None:
    """One ListTenants on each of `channels` new channels (each its own connection)."""
    for _ in range(channels):
        async with admin_channel(target) as channel:
            stub = tenant_pb2_grpc.TenantServiceStub(channel)
            # wait_for_ready: a connection that raced a killed worker is made again.
            await stub.ListTenants(tenant_pb2.ListTenantsRequest(), timeout=10, wait_for_ready=True)


async def serving(target: str) -> bool:
    try:
        await call_on_fresh_channels(target, 1)
        return True
    except grpc.aio.AioRpcError as exc:
        if exc.code() is not grpc.StatusCode.DEADLINE_EXCEEDED:
            raise
        return False


async def test_two_workers_share_the_port_are_replaced_when_killed_and_stop_together(
    postgres_settings: PostgresSettings, kafka_settings: KafkaSettings
) -> None:
    port, metrics_port = free_port(), free_port()
    target = f"127.0.0.1:{port}"
    async with ims_workers(postgres_settings, kafka_settings, port, metrics_port) as supervisor:
        await eventually(lambda: len(children(supervisor.pid)) == 2, "two workers")
        async with asyncio.timeout(DEADLINE_S):
            while not await serving(target):  # noqa: ASYNC110 (another process's)
                await asyncio.sleep(0.5)

        # Connections are spread by the kernel: 24 channels all landing on one of two
        # workers has a chance of 2 in 2**24.
        await call_on_fresh_channels(target, 24)
        await eventually(
            lambda: all(handled_calls(metrics_port + i) > 0 for i in range(2)), "both served"
        )

        first = children(supervisor.pid)
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        await call_on_fresh_channels(target, 4)  # the other worker keeps serving meanwhile
        await eventually(
            lambda: len(now := children(supervisor.pid)) == 2 and victim not in now,
            "the killed worker replaced",
        )

        workers = children(supervisor.pid)
        supervisor.send_signal(signal.SIGTERM)
        assert await asyncio.to_thread(supervisor.wait, DEADLINE_S) == 0
        await eventually(lambda: all(not Path(f"/proc/{p}").exists() for p in workers), "gone")
