"""What each REST edge adds: GET /inventory and POST /orders through the Falcon edge, through
Envoy, and directly over gRPC, in the same run, with a tenant API key.

    .venv/bin/python bench/edge_latency.py [--seconds 5] [--concurrency 1 8]

Runs against the local stack (`scripts/stack up`) on resources of its own (bulk_upload.py's).
IMS, OMS, the Falcon edge (uvicorn) and Envoy each run as their own process, as in
production; this process only drives the load: for each operation and concurrency, N callers
send requests back to back for the given time (one keep-alive HTTP session, or one gRPC
channel). The baseline is the direct gRPC call; each edge's added latency is its p50 minus
the gRPC p50 at the same concurrency. Clients differ (aiohttp vs grpc.aio): the figure is
what a Python caller sees.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import bench_auth
import summary
from bulk_upload import BENCH_AUTH
from iam.v1 import api_key_pb2, api_key_pb2_grpc
from ims.v1 import (
    hub_pb2,
    hub_pb2_grpc,
    inventory_pb2,
    inventory_pb2_grpc,
    seller_pb2,
    seller_pb2_grpc,
    sku_pb2,
    sku_pb2_grpc,
    tenant_pb2,
    tenant_pb2_grpc,
)
from oms.v1 import order_pb2, order_pb2_grpc

from common.grpc.credentials import authorized_channel
from devstack.scratch import own_resources, provisioned, scratch_system

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class World:
    tenant_id: str
    seller_id: str
    hub_id: str
    sku_id: str
    key: str


async def seed(ims_target: str) -> World:
    async with authorized_channel(ims_target, bench_auth.ADMIN_TOKEN) as channel:
        tenant = (
            await tenant_pb2_grpc.TenantServiceStub(channel).CreateTenant(
                tenant_pb2.CreateTenantRequest(
                    tenant=tenant_pb2.Tenant(name="Bench", code=f"bench-{time.time_ns()}")
                )
            )
        ).tenant
        seller = (
            await seller_pb2_grpc.SellerServiceStub(channel).CreateSeller(
                seller_pb2.CreateSellerRequest(
                    seller=seller_pb2.Seller(tenant_id=tenant.id, name="Shop", code="shop")
                )
            )
        ).seller
        hub = (
            await hub_pb2_grpc.HubServiceStub(channel).CreateHub(
                hub_pb2.CreateHubRequest(
                    hub=hub_pb2.Hub(
                        tenant_id=tenant.id, seller_id=seller.id, name="Hub", code="hub"
                    )
                )
            )
        ).hub
        sku = (
            await sku_pb2_grpc.SkuServiceStub(channel).CreateSku(
                sku_pb2.CreateSkuRequest(
                    sku=sku_pb2.Sku(tenant_id=tenant.id, seller_id=seller.id, code="s", name="S")
                )
            )
        ).sku
        await inventory_pb2_grpc.InventoryServiceStub(channel).UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=tenant.id, hub_id=hub.id, sku_id=sku.id, set_quantity_on_hand=10**6
            )
        )
        key = await api_key_pb2_grpc.ApiKeyServiceStub(channel).CreateApiKey(
            api_key_pb2.CreateApiKeyRequest(
                tenant_id=tenant.id,
                name="bench",
                scopes=[api_key_pb2.SCOPE_READ, api_key_pb2.SCOPE_WRITE],
                # Far above what the run sends: the rate limit is not what is measured.
                rate_limit=api_key_pb2.RateLimit(per_second=100_000, burst=100_000),
            )
        )
    return World(tenant.id, seller.id, hub.id, sku.id, key.secret)


Call = Callable[[], Awaitable[None]]


async def measure(call: Call, concurrency: int, seconds: float) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of `concurrency` callers for `seconds`."""
    for _ in range(20):  # warm-up: connections, caches
        await call()
    latencies: list[float] = []
    deadline = time.perf_counter() + seconds

    async def caller() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            await call()
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49] * 1000, cuts[98] * 1000


def http_call(
    session: aiohttp.ClientSession, method: str, url: str, expect: int, **kwargs: Any
) -> Call:
    async def call() -> None:
        async with session.request(method, url, **kwargs) as reply:
            await reply.read()
            if reply.status != expect:
                raise RuntimeError(f"{method} {url}: {reply.status} {await reply.text()}")

    return call


async def run(args: argparse.Namespace) -> None:
    res = own_resources()
    assert BENCH_AUTH.admin_token is not None and BENCH_AUTH.service_secret is not None
    auth = {
        "AUTH_ADMIN_TOKEN": BENCH_AUTH.admin_token.get_secret_value(),
        "AUTH_SERVICE_SECRET": BENCH_AUTH.service_secret.get_secret_value(),
    }
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(provisioned(res))
        logs = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        system = await stack.enter_async_context(scratch_system(res, auth, logs))
        ims_target, oms_target = system.ims_target, system.oms_target
        world = await seed(ims_target)
        headers = {"Authorization": f"Bearer {world.key}"}
        session = await stack.enter_async_context(
            aiohttp.ClientSession(
                headers=headers, connector=aiohttp.TCPConnector(limit=0, force_close=False)
            )
        )
        ims = await stack.enter_async_context(authorized_channel(ims_target, world.key))
        oms = await stack.enter_async_context(authorized_channel(oms_target, world.key))
        inventory = inventory_pb2_grpc.InventoryServiceStub(ims)
        orders = order_pb2_grpc.OrderServiceStub(oms)
        falcon_url, envoy_url = system.edge_url, system.envoy_url
        query = {"hub_id": world.hub_id, "sku_ids": world.sku_id}
        line = {"sku_id": world.sku_id, "quantity": 1}

        async def grpc_inventory() -> None:
            await inventory.GetInventory(
                inventory_pb2.GetInventoryRequest(hub_id=world.hub_id, sku_ids=[world.sku_id])
            )

        async def grpc_order() -> None:
            await orders.CreateOrder(
                order_pb2.CreateOrderRequest(
                    seller_id=world.seller_id,
                    hub_id=world.hub_id,
                    lines=[order_pb2.OrderLine(sku_id=world.sku_id, quantity=1)],
                )
            )

        operations: dict[str, dict[str, Call]] = {
            "GET /inventory": {
                "gRPC": grpc_inventory,
                "Falcon": http_call(session, "GET", f"{falcon_url}/inventory", 200, params=query),
                "Envoy": http_call(session, "GET", f"{envoy_url}/inventory", 200, params=query),
            },
            "POST /orders": {
                "gRPC": grpc_order,
                "Falcon": http_call(
                    session,
                    "POST",
                    f"{falcon_url}/orders",
                    201,
                    json={"seller_id": world.seller_id, "hub_id": world.hub_id, **line},
                ),
                "Envoy": http_call(
                    session,
                    "POST",
                    f"{envoy_url}/orders",
                    200,
                    json={"seller_id": world.seller_id, "hub_id": world.hub_id, "lines": [line]},
                ),
            },
        }
        print()
        print("| operation | conc | path | req/s | p50 ms | p99 ms | added p50 ms |")
        print("|---|---:|---|---:|---:|---:|---:|")
        for name, paths in operations.items():
            for concurrency in args.concurrency:
                base_p50 = 0.0
                for path, call in paths.items():
                    rps, p50, p99 = await measure(call, concurrency, args.seconds)
                    if path == "gRPC":
                        base_p50 = p50
                    added = "baseline" if path == "gRPC" else f"{p50 - base_p50:+.2f}"
                    if path != "gRPC":
                        summary.record(
                            "edge latency",
                            f"{name} via {path}, concurrency {concurrency}, p50",
                            p50,
                            "ms",
                            baseline=base_p50,
                            baseline_label="the same RPC over gRPC",
                            higher_is_better=False,
                        )
                    print(
                        f"| {name} | {concurrency} | {path} | {rps:,.0f} | {p50:.2f} | "
                        f"{p99:.2f} | {added} |",
                        flush=True,
                    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
