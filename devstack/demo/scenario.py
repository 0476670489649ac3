"""The demo's steps, each through the public gRPC API with a credential (the admin token to
make the tenant and its key, the key for everything else), as any client would."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from iam.v1 import api_key_pb2
from ims.v1 import hub_pb2, inventory_pb2, seller_pb2, sku_pb2, tenant_pb2
from oms.v1 import order_pb2, upload_pb2, webhook_pb2

from devstack.demo.sample import Catalogue
from omsctl.connection import Services
from omsctl.paging import collect
from omsctl.upload_progress import Progress, follow, send_file

PLENTY_STOCK = 1_000
SCARCE_STOCK = 3


class DemoError(RuntimeError):
    """A step did not reach its expected state in time."""


async def wait_serving(target: str, *, timeout_s: float) -> None:
    """Until the gRPC server at `target` answers its health check with SERVING."""
    deadline = time.monotonic() + timeout_s
    async with grpc.aio.insecure_channel(target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        while True:
            try:
                reply = await health.Check(health_pb2.HealthCheckRequest(), timeout=2)
                if reply.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.aio.AioRpcError:
                pass
            if time.monotonic() > deadline:
                raise DemoError(f"{target} is not serving after {timeout_s:.0f}s")
            await asyncio.sleep(0.5)


@dataclass(frozen=True)
class Tenancy:
    tenant: tenant_pb2.Tenant
    api_key: str


async def create_tenant(admin: Services) -> Tenancy:
    code = f"demo-{time.strftime('%Y%m%d-%H%M%S')}"
    reply = await admin.tenants.CreateTenant(
        tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name=f"Demo {code}", code=code)),
        timeout=admin.timeout_s,
    )
    key = await admin.api_keys.CreateApiKey(
        api_key_pb2.CreateApiKeyRequest(
            tenant_id=reply.tenant.id, name="demo", scopes=["SCOPE_READ", "SCOPE_WRITE"]
        ),
        timeout=admin.timeout_s,
    )
    return Tenancy(reply.tenant, key.secret)


@dataclass(frozen=True)
class Seeded:
    catalogue: Catalogue
    hub_id: str
    plenty_sku_id: str
    scarce_sku_id: str


async def seed_catalogue(api: Services, tenant_id: str) -> Seeded:
    """A seller, a hub, two SKUs: one stocked for every order, one for three."""
    seller = await api.sellers.CreateSeller(
        seller_pb2.CreateSellerRequest(seller=seller_pb2.Seller(name="Demo Seller", code="demo")),
        timeout=api.timeout_s,
    )
    seller_id = seller.seller.id
    hub = await api.hubs.CreateHub(
        hub_pb2.CreateHubRequest(
            hub=hub_pb2.Hub(
                seller_id=seller_id, name="Demo Hub", code="DEMO-HUB", timezone="Europe/Berlin"
            )
        ),
        timeout=api.timeout_s,
    )
    skus = []
    for code, name in (("DEMO-TEE", "Demo T-shirt"), ("DEMO-MUG", "Demo mug")):
        reply = await api.skus.CreateSku(
            sku_pb2.CreateSkuRequest(sku=sku_pb2.Sku(seller_id=seller_id, code=code, name=name)),
            timeout=api.timeout_s,
        )
        skus.append(reply.sku)
    for sku, quantity in ((skus[0], PLENTY_STOCK), (skus[1], SCARCE_STOCK)):
        await api.inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                hub_id=hub.hub.id,
                sku_id=sku.id,
                set_quantity_on_hand=quantity,
                reason="demo: opening stock",
            ),
            timeout=api.timeout_s,
        )
    catalogue = Catalogue(tenant_id, seller_id, hub.hub.code, skus[0].code, skus[1].code)
    return Seeded(catalogue, hub.hub.id, skus[0].id, skus[1].id)


async def register_webhook(api: Services, url: str) -> tuple[webhook_pb2.Webhook, str]:
    reply = await api.webhooks.CreateWebhook(
        webhook_pb2.CreateWebhookRequest(
            webhook=webhook_pb2.Webhook(
                url=url,
                event_types=["order.created", "order.updated"],
                description="the demo's local receiver",
            )
        ),
        timeout=api.timeout_s,
    )
    return reply.webhook, reply.signing_secret


async def stock(api: Services, seeded: Seeded) -> list[inventory_pb2.InventoryLevel]:
    reply = await api.inventory.GetInventory(
        inventory_pb2.GetInventoryRequest(
            hub_id=seeded.hub_id, sku_ids=[seeded.plenty_sku_id, seeded.scarce_sku_id]
        ),
        timeout=api.timeout_s,
    )
    return list(reply.levels)


async def ledger(api: Services, hub_id: str) -> list[inventory_pb2.InventoryTransaction]:
    def fetch(token: str, size: int) -> Any:
        return api.inventory.ListInventoryTransactions(
            inventory_pb2.ListInventoryTransactionsRequest(
                hub_id=hub_id, page_size=size, page_token=token
            ),
            timeout=api.timeout_s,
        )

    return await collect(fetch, "transactions")


async def upload(
    api: Services, path: Path, on_progress: Callable[[Progress], None]
) -> upload_pb2.Upload:
    sent = await send_file(api, "", path, timeout_s=120)
    return await follow(api, "", sent.id, on_progress)


async def all_orders(api: Services, upload_id: str) -> list[order_pb2.Order]:
    def fetch(token: str, size: int) -> Any:
        return api.orders.ListOrders(
            order_pb2.ListOrdersRequest(page_size=size, page_token=token), timeout=api.timeout_s
        )

    return [o for o in await collect(fetch, "orders") if o.upload_id == upload_id]


def _settled(order: order_pb2.Order) -> bool:
    """The finalizer has been through it: reserved, or on hold with its shortage recorded."""
    return order.status != order_pb2.ORDER_STATUS_ON_HOLD or order.HasField("shortage_time")


async def wait_for(
    what: str, check: Callable[[], Awaitable[bool]], *, timeout_s: float = 120.0
) -> None:
    deadline = time.monotonic() + timeout_s
    while not await check():
        if time.monotonic() > deadline:
            raise DemoError(f"{what}: not done after {timeout_s:.0f}s")
        await asyncio.sleep(0.5)


async def finalized_orders(api: Services, upload_id: str, expected: int) -> list[order_pb2.Order]:
    """Once every order of the upload is settled (`expected` of them)."""
    seen: list[order_pb2.Order] = []

    async def check() -> bool:
        seen[:] = await all_orders(api, upload_id)
        return len(seen) >= expected and all(_settled(o) for o in seen)

    await wait_for("finalizing the uploaded orders", check)
    return seen


async def restock(api: Services, seeded: Seeded, units: int) -> None:
    await api.inventory.UpsertInventory(
        inventory_pb2.UpsertInventoryRequest(
            hub_id=seeded.hub_id,
            sku_id=seeded.scarce_sku_id,
            delta_quantity_on_hand=units,
            reason="demo: restock",
            reference="demo-restock-1",
        ),
        timeout=api.timeout_s,
    )


async def orders_after_restock(
    api: Services, upload_id: str, waiting: set[str]
) -> list[order_pb2.Order]:
    """Once none of the `waiting` orders is on hold any more."""
    seen: list[order_pb2.Order] = []

    async def check() -> bool:
        seen[:] = await all_orders(api, upload_id)
        return not any(o.id in waiting and o.status == order_pb2.ORDER_STATUS_ON_HOLD for o in seen)

    await wait_for("finalizing the waiting orders after the restock", check)
    return seen


def status_counts(orders: list[order_pb2.Order]) -> Counter[str]:
    return Counter(
        order_pb2.OrderStatus.Name(o.status).removeprefix("ORDER_STATUS_").lower() for o in orders
    )
