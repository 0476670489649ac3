"""IMS test data built through the IMS gRPC API: a tenant's seller, hub and SKUs, stock.

OMS tests call these on the `ims_channel` fixture, so the catalogue they validate against is
created exactly as production data would be (no SQL behind IMS's back, caches stay coherent).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import grpc
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


@dataclass(frozen=True)
class SellerCatalog:
    """One tenant with one seller, one hub of that seller and a few SKUs."""

    tenant_id: str
    seller_id: str
    hub: hub_pb2.Hub
    skus: tuple[sku_pb2.Sku, ...]

    @property
    def hub_id(self) -> str:
        return self.hub.id

    def sku_id(self, index: int = 0) -> str:
        return self.skus[index].id

    def sku_code(self, index: int = 0) -> str:
        return self.skus[index].code


class ImsCatalog:
    """Builders over the generated IMS stubs of one channel."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self.tenants = tenant_pb2_grpc.TenantServiceStub(channel)
        self.sellers = seller_pb2_grpc.SellerServiceStub(channel)
        self.hubs = hub_pb2_grpc.HubServiceStub(channel)
        self.skus = sku_pb2_grpc.SkuServiceStub(channel)
        self.inventory = inventory_pb2_grpc.InventoryServiceStub(channel)

    async def tenant(self) -> str:
        code = f"t-{uuid.uuid4().hex[:12]}"
        reply = await self.tenants.CreateTenant(
            tenant_pb2.CreateTenantRequest(
                tenant=tenant_pb2.Tenant(name=f"Tenant {code}", code=code)
            )
        )
        return str(reply.tenant.id)

    async def seller(self, tenant_id: str, code: str = "seller") -> str:
        reply = await self.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(
                seller=seller_pb2.Seller(tenant_id=tenant_id, name=f"Seller {code}", code=code)
            )
        )
        return str(reply.seller.id)

    async def hub(self, tenant_id: str, seller_id: str, code: str = "hub-1") -> hub_pb2.Hub:
        reply = await self.hubs.CreateHub(
            hub_pb2.CreateHubRequest(
                hub=hub_pb2.Hub(
                    tenant_id=tenant_id, seller_id=seller_id, name=f"Hub {code}", code=code
                )
            )
        )
        hub: hub_pb2.Hub = reply.hub
        return hub

    async def sku(self, tenant_id: str, seller_id: str, code: str) -> sku_pb2.Sku:
        reply = await self.skus.CreateSku(
            sku_pb2.CreateSkuRequest(
                sku=sku_pb2.Sku(
                    tenant_id=tenant_id, seller_id=seller_id, name=f"SKU {code}", code=code
                )
            )
        )
        sku: sku_pb2.Sku = reply.sku
        return sku

    async def seller_catalog(self, *, skus: int = 3, tenant_id: str | None = None) -> SellerCatalog:
        """A seller with one hub and `skus` SKUs, in a new tenant (or in `tenant_id`)."""
        tenant = tenant_id or await self.tenant()
        suffix = uuid.uuid4().hex[:8]
        seller = await self.seller(tenant, code=f"seller-{suffix}")
        hub = await self.hub(tenant, seller, code=f"hub-{suffix}")
        made = [await self.sku(tenant, seller, code=f"sku-{suffix}-{n}") for n in range(skus)]
        return SellerCatalog(tenant, seller, hub, tuple(made))

    async def set_stock(self, tenant_id: str, hub_id: str, sku_id: str, quantity: int) -> None:
        await self.inventory.UpsertInventory(
            inventory_pb2.UpsertInventoryRequest(
                tenant_id=tenant_id,
                hub_id=hub_id,
                sku_id=sku_id,
                set_quantity_on_hand=quantity,
                reason="test stock",
            )
        )

    async def reserve(
        self, tenant_id: str, reference: str, lines: list[tuple[str, str, int]]
    ) -> inventory_pb2.Reservation:
        """Reserve (hub_id, sku_id, quantity) lines under `reference`; must succeed."""
        reply = await self.inventory.ReserveInventory(
            inventory_pb2.ReserveInventoryRequest(
                tenant_id=tenant_id,
                reference=reference,
                lines=[
                    inventory_pb2.ReservationLine(hub_id=h, sku_id=s, quantity=q)
                    for h, s, q in lines
                ],
            )
        )
        assert reply.outcome == inventory_pb2.RESERVE_OUTCOME_RESERVED, reply
        reservation: inventory_pb2.Reservation = reply.reservation
        return reservation

    async def level(self, tenant_id: str, hub_id: str, sku_id: str) -> inventory_pb2.InventoryLevel:
        reply = await self.inventory.GetInventory(
            inventory_pb2.GetInventoryRequest(tenant_id=tenant_id, hub_id=hub_id, sku_ids=[sku_id])
        )
        level: inventory_pb2.InventoryLevel = reply.levels[0]
        return level
