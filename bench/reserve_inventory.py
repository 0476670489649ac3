"""ReserveInventory throughput and latency over gRPC, beside the same SQL called directly.

    .venv/bin/python bench/reserve_inventory.py [--duration 4] [--concurrency 1,8,32,64]
        [--workers 1,2] [--channels 4]

Runs against the local stack's PostgreSQL (`scripts/stack up`), in a database of its own that
it creates and drops. The IMS server runs in a separate process (`python -m ims_grpc.main`, the
production entry point) so the load generator does not share its event loop; the machine's
cores are still shared by the client, the server and PostgreSQL.

For each scenario and concurrency it measures:
  * gRPC:     N concurrent ReserveInventory calls (one line, quantity 1, a fresh reference
              each) spread over --channels channels (connections), for --duration seconds,
              against a server of each of --workers worker processes (IMS_WORKERS, sharing
              the port; the server's --pool-size connections split between them);
  * baseline: the very same reservation statement (RESERVE_SQL with the same bind
              parameters) called directly with asyncpg, N concurrent callers on a pool of the
              same size as the server's — no gRPC, no Python server in between.
Scenarios: `many SKUs` (a random one of --skus SKUs per call) and `hot SKU` (every call on
one SKU: all writers queue on one row lock).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import bench_auth
import grpc
import summary
from grpc_health.v1 import health_pb2, health_pb2_grpc
from ims.v1 import inventory_pb2, inventory_pb2_grpc

from common.clients.postgres import skip_session_reset
from common.ids import uuid7
from common.settings import PostgresSettings
from devstack.process import stop_child
from ims_grpc.domain.reservation import ReservationLine
from ims_grpc.repositories.reservations import RESERVE_SQL, reserve_args

ROOT = Path(__file__).resolve().parent.parent
STOCK = 10**12  # never runs out: every call reserves, so every call writes


@dataclass(frozen=True)
class Catalog:
    tenant_id: uuid.UUID
    hub_id: uuid.UUID
    sku_ids: list[uuid.UUID]
    hot_sku_id: uuid.UUID


@dataclass(frozen=True)
class Result:
    calls: int
    failures: int
    elapsed_s: float
    latencies_ms: list[float]

    @property
    def rps(self) -> float:
        return self.calls / self.elapsed_s

    def percentile(self, q: int) -> float:
        if len(self.latencies_ms) < 2:
            return self.latencies_ms[0] if self.latencies_ms else float("nan")
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[q - 1]


Call = Callable[[str, uuid.UUID], Awaitable[bool]]


async def measure(
    call: Call, pick_sku: Callable[[], uuid.UUID], workers: int, seconds: float
) -> Result:
    """`workers` loops calling `call` until the deadline; latency of every call."""
    run = uuid.uuid4().hex[:8]
    latencies: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker(n: int) -> None:
        nonlocal failures
        i = 0
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            ok = await call(f"bench-{run}-{n}-{i}", pick_sku())
            latencies.append((time.perf_counter() - started) * 1000)
            failures += 0 if ok else 1
            i += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(workers)))
    return Result(len(latencies), failures, time.perf_counter() - started, latencies)


def grpc_call(stubs: list[inventory_pb2_grpc.InventoryServiceStub], catalog: Catalog) -> Call:
    """Calls taken in turn by the channels (each its own connection, so with several
    workers the kernel spreads them)."""
    tenant, hub = str(catalog.tenant_id), str(catalog.hub_id)
    turn = itertools.count()

    async def call(reference: str, sku_id: uuid.UUID) -> bool:
        stub = stubs[next(turn) % len(stubs)]
        reply = await stub.ReserveInventory(
            inventory_pb2.ReserveInventoryRequest(
                tenant_id=tenant,
                reference=reference,
                lines=[inventory_pb2.ReservationLine(hub_id=hub, sku_id=str(sku_id), quantity=1)],
            ),
            timeout=30,
        )
        return reply.outcome == inventory_pb2.RESERVE_OUTCOME_RESERVED

    return call


def sql_call(pool: asyncpg.Pool, catalog: Catalog) -> Call:
    async def call(reference: str, sku_id: uuid.UUID) -> bool:
        lines = [ReservationLine(catalog.hub_id, sku_id, 1)]
        row = await pool.fetchrow(
            RESERVE_SQL, *reserve_args(catalog.tenant_id, reference, lines, None)
        )
        return bool(row is not None and row["created"])

    return call


# --- set-up ------------------------------------------------------------------------------


def with_database(dsn: str, name: str) -> str:
    return urlunsplit(urlsplit(dsn)._replace(path=f"/{name}"))


async def seed(dsn: str, sku_count: int) -> Catalog:
    conn = await asyncpg.connect(dsn)
    try:
        tenant, seller, hub = uuid7(), uuid7(), uuid7()
        await conn.execute(
            "INSERT INTO tenants (id, name, code) VALUES ($1, 'Bench', 'bench')", tenant
        )
        await conn.execute(
            "INSERT INTO sellers (id, tenant_id, name, code) VALUES ($1, $2, 'Bench', 'bench')",
            seller,
            tenant,
        )
        await conn.execute(
            "INSERT INTO hubs (id, tenant_id, seller_id, name, code)"
            " VALUES ($1, $2, $3, 'Hub', 'hub')",
            hub,
            tenant,
            seller,
        )
        skus = [uuid7() for _ in range(sku_count + 1)]
        await conn.executemany(
            "INSERT INTO skus (id, tenant_id, seller_id, name, code) VALUES ($1, $2, $3, $4, $4)",
            [(sku, tenant, seller, f"sku-{n}") for n, sku in enumerate(skus)],
        )
        await conn.executemany(
            "INSERT INTO inventory (tenant_id, hub_id, sku_id, quantity_on_hand)"
            " VALUES ($1, $2, $3, $4)",
            [(tenant, hub, sku, STOCK) for sku in skus],
        )
        await conn.execute("ANALYZE")
        return Catalog(tenant, hub, skus[:-1], skus[-1])
    finally:
        await conn.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(dsn: str, port: int, pool_size: int, workers: int) -> subprocess.Popen[bytes]:
    per_worker = str(max(1, pool_size // workers))
    env = {
        **os.environ,
        "POSTGRES_DSN": dsn,
        "POSTGRES_POOL_MIN_SIZE": per_worker,
        "POSTGRES_POOL_MAX_SIZE": per_worker,
        "IMS_PORT": str(port),
        "IMS_WORKERS": str(workers),
        "IMS_LOG_LEVEL": "WARNING",
        "IMS_SWEEP_INTERVAL_S": "3600",
        "REDIS_KEY_PREFIX": f"bench-{port}",
        **bench_auth.server_env(),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "ims_grpc.main"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL
    )


async def wait_serving(channel: grpc.aio.Channel, server: subprocess.Popen[bytes]) -> None:
    health = health_pb2_grpc.HealthStub(channel)
    for _ in range(150):
        if server.poll() is not None:
            raise RuntimeError(f"IMS server exited with {server.returncode}")
        try:
            reply = await health.Check(health_pb2.HealthCheckRequest(), timeout=1)
            if reply.status == health_pb2.HealthCheckResponse.SERVING:
                return
        except grpc.aio.AioRpcError:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("IMS server did not become healthy")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    stop_child(server, timeout=15)


# --- run ---------------------------------------------------------------------------------


async def run(args: argparse.Namespace) -> None:
    base = PostgresSettings().dsn
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(with_database(base, "postgres"))
    await admin.execute(f'CREATE DATABASE "{name}"')  # generated name, not input
    dsn = with_database(base, name)
    try:
        catalog: Catalog | None = None
        pool = await asyncpg.create_pool(
            dsn, min_size=args.pool_size, max_size=args.pool_size, reset=skip_session_reset
        )
        try:
            for workers in args.workers:
                port = free_port()
                server = start_server(dsn, port, args.pool_size, workers)
                try:
                    target = f"127.0.0.1:{port}"
                    channels = [bench_auth.admin_channel(target) for _ in range(args.channels)]
                    try:
                        for channel in channels:
                            await wait_serving(channel, server)  # migrations applied by then
                        catalog = catalog or await seed(dsn, args.skus)
                        stubs = [inventory_pb2_grpc.InventoryServiceStub(c) for c in channels]
                        await report(
                            args,
                            workers,
                            catalog,
                            grpc_call(stubs, catalog),
                            sql_call(pool, catalog),
                        )
                    finally:
                        for channel in channels:
                            await channel.close()
                finally:
                    stop_server(server)
        finally:
            await pool.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


async def report(
    args: argparse.Namespace, server_workers: int, catalog: Catalog, via_grpc: Call, via_sql: Call
) -> None:
    rng = random.Random(1)
    scenarios: dict[str, Callable[[], uuid.UUID]] = {
        f"many SKUs ({len(catalog.sku_ids)})": lambda: rng.choice(catalog.sku_ids),
        "hot SKU": lambda: catalog.hot_sku_id,
    }
    # Warm-up: connections opened, statements prepared on both sides.
    await measure(via_grpc, scenarios["hot SKU"], args.pool_size, 1.0)
    await measure(via_sql, scenarios["hot SKU"], args.pool_size, 1.0)

    print(
        f"\nReserveInventory, 1 line x 1 unit, {args.duration:g} s per run, "
        f"{server_workers} server worker(s), {args.channels} channel(s), "
        f"pool {args.pool_size} connections (server and baseline), {os.cpu_count()} cores shared"
    )
    header = (
        f"{'scenario':<18}{'conc':>5}{'rps':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'base rps':>10}{'base p50':>10}{'base p99':>10}{'ratio':>7}"
    )
    print(header)
    print("-" * len(header))
    for scenario, pick in scenarios.items():
        for workers in args.concurrency:
            g = await measure(via_grpc, pick, workers, args.duration)
            b = await measure(via_sql, pick, workers, args.duration)
            failed = g.failures + b.failures
            print(
                f"{scenario:<18}{workers:>5}{g.rps:>9.0f}{g.percentile(50):>9.2f}"
                f"{g.percentile(99):>9.2f}{b.rps:>10.0f}{b.percentile(50):>10.2f}"
                f"{b.percentile(99):>10.2f}{g.rps / b.rps:>7.2f}"
                + (f"  ({failed} not reserved!)" if failed else ""),
                flush=True,
            )
            label = "" if server_workers == 1 else f", {server_workers} server workers"
            summary.record(
                "ReserveInventory",
                f"{scenario}, concurrency {workers}{label}",
                g.rps,
                "calls/s",
                baseline=b.rps,
                baseline_label="the SQL statement",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=4.0, help="seconds per measured run")
    parser.add_argument(
        "--concurrency",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[1, 8, 32, 64],
        help="comma-separated numbers of concurrent callers",
    )
    parser.add_argument("--skus", type=int, default=1000)
    parser.add_argument("--pool-size", type=int, default=20)
    parser.add_argument(
        "--workers",
        type=lambda text: [int(part) for part in text.split(",")],
        default=[1, 2],
        help="comma-separated IMS_WORKERS values to measure, one server each",
    )
    parser.add_argument("--channels", type=int, default=4, help="client channels (connections)")
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
