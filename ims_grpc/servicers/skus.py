"""ims.v1.SkuService: validate → (cache →) repository → response.

Reads by id and one-page look-ups by ids or codes go through the read-through cache; every
successful update or delete invalidates the SKU's entries once the database committed.
"""

from __future__ import annotations

from typing import Any

import grpc
from ims.v1 import sku_pb2, sku_pb2_grpc

from common.grpc.errors import not_found
from ims_grpc.cache.catalog_cache import ReadThroughCache, list_through_cache
from ims_grpc.domain.catalog_writes import new_sku, sku_update
from ims_grpc.domain.listing import list_query
from ims_grpc.domain.refs import entity_ref
from ims_grpc.repositories.skus import SkuRepository

Context = grpc.aio.ServicerContext[Any, Any]


class SkuServicer(sku_pb2_grpc.SkuServiceServicer):
    def __init__(self, skus: SkuRepository, cache: ReadThroughCache[sku_pb2.Sku]) -> None:
        self._skus = skus
        self._cache = cache

    async def CreateSku(  # noqa: N802
        self, request: sku_pb2.CreateSkuRequest, context: Context
    ) -> sku_pb2.CreateSkuResponse:
        created = await self._skus.create(new_sku(request.sku))
        return sku_pb2.CreateSkuResponse(sku=created)

    async def GetSku(  # noqa: N802
        self, request: sku_pb2.GetSkuRequest, context: Context
    ) -> sku_pb2.GetSkuResponse:
        ref = entity_ref(request.tenant_id, request.id)
        sku = await self._cache.get(ref.tenant_id, ref.id)
        if sku is None:
            raise not_found("sku", ref.id)
        return sku_pb2.GetSkuResponse(sku=sku)

    async def ListSkus(  # noqa: N802
        self, request: sku_pb2.ListSkusRequest, context: Context
    ) -> sku_pb2.ListSkusResponse:
        query = list_query(
            page_size_requested=request.page_size,
            page_token=request.page_token,
            ids=request.ids,
            codes=request.codes,
            tenant_id=request.tenant_id,
            seller_id=request.seller_id,
            category_id=request.category_id,
        )
        skus, token = await list_through_cache(self._cache, query, self._skus.list_page)
        return sku_pb2.ListSkusResponse(skus=skus, next_page_token=token)

    async def UpdateSku(  # noqa: N802
        self, request: sku_pb2.UpdateSkuRequest, context: Context
    ) -> sku_pb2.UpdateSkuResponse:
        ref, patch = sku_update(request)
        updated = await self._skus.update(ref, patch)
        if updated is None:
            raise not_found("sku", ref.id)
        sku, previous_code = updated
        await self._cache.invalidate(ref.tenant_id, ref.id, (previous_code, sku.code))
        return sku_pb2.UpdateSkuResponse(sku=sku)

    async def DeleteSku(  # noqa: N802
        self, request: sku_pb2.DeleteSkuRequest, context: Context
    ) -> sku_pb2.DeleteSkuResponse:
        ref = entity_ref(request.tenant_id, request.id)
        code = await self._skus.delete(ref)
        if code is None:
            raise not_found("sku", ref.id)
        await self._cache.invalidate(ref.tenant_id, ref.id, (code,))
        return sku_pb2.DeleteSkuResponse()
