"""Hub and SKU look-ups for one file, through IMS's cached batch path, each reference once.

A file names a handful of hubs and a few hundred SKUs over and over: every distinct reference
is asked from IMS (`ImsClient`: ListHubs / ListSkus by ids only or by codes only, at most 1000
per call) the first time a batch needs it, and remembered — found or not — for the rest of
this pass. Everything is scoped to the upload's tenant.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping

from oms_grpc.core.clients.ims import ImsClient
from oms_grpc.core.domain.bulk_orders import HubInfo, SkuInfo
from oms_grpc.core.domain.csv_rows import Ref


class CatalogLookup:
    def __init__(self, ims: ImsClient, tenant_id: str) -> None:
        self._ims = ims
        self._tenant_id = tenant_id
        self._asked_hubs: set[Ref] = set()
        self._asked_skus: set[Ref] = set()
        self._hubs: dict[Ref, HubInfo] = {}
        self._skus: dict[Ref, SkuInfo] = {}
        self.round_trips = 0  # look-up rounds that needed IMS (for the pass's log line)

    async def resolve(
        self, hub_refs: Collection[Ref], sku_refs: Collection[Ref]
    ) -> tuple[Mapping[Ref, HubInfo], Mapping[Ref, SkuInfo]]:
        """Every known hub and SKU of this pass (the new references looked up first);
        a reference absent from the result does not exist for the tenant."""
        new_hubs = [ref for ref in hub_refs if ref not in self._asked_hubs]
        new_skus = [ref for ref in sku_refs if ref not in self._asked_skus]
        if new_hubs or new_skus:
            self.round_trips += 1
            hubs, skus = await asyncio.gather(self._find_hubs(new_hubs), self._find_skus(new_skus))
            # Remember only after both answered: a failed look-up is asked again next time.
            self._hubs.update(hubs)
            self._skus.update(skus)
            self._asked_hubs.update(new_hubs)
            self._asked_skus.update(new_skus)
        return self._hubs, self._skus

    async def _find_hubs(self, refs: list[Ref]) -> dict[Ref, HubInfo]:
        return await self._ims.find_hubs(self._tenant_id, refs) if refs else {}

    async def _find_skus(self, refs: list[Ref]) -> dict[Ref, SkuInfo]:
        return await self._ims.find_skus(self._tenant_id, refs) if refs else {}
