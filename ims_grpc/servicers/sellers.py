"""ims.v1.SellerService: validate → repository → response."""

from __future__ import annotations

from typing import Any

import grpc
from ims.v1 import seller_pb2, seller_pb2_grpc

from common.grpc.errors import not_found
from ims_grpc.domain.catalog_writes import new_seller, seller_update
from ims_grpc.domain.listing import finish_page, list_query
from ims_grpc.domain.refs import entity_ref
from ims_grpc.repositories.sellers import SellerRepository

Context = grpc.aio.ServicerContext[Any, Any]


def _id(seller: seller_pb2.Seller) -> str:
    return seller.id


class SellerServicer(seller_pb2_grpc.SellerServiceServicer):
    def __init__(self, sellers: SellerRepository) -> None:
        self._sellers = sellers

    async def CreateSeller(  # noqa: N802
        self, request: seller_pb2.CreateSellerRequest, context: Context
    ) -> seller_pb2.CreateSellerResponse:
        created = await self._sellers.create(new_seller(request.seller))
        return seller_pb2.CreateSellerResponse(seller=created)

    async def GetSeller(  # noqa: N802
        self, request: seller_pb2.GetSellerRequest, context: Context
    ) -> seller_pb2.GetSellerResponse:
        ref = entity_ref(request.tenant_id, request.id)
        seller = await self._sellers.get(ref)
        if seller is None:
            raise not_found("seller", ref.id)
        return seller_pb2.GetSellerResponse(seller=seller)

    async def ListSellers(  # noqa: N802
        self, request: seller_pb2.ListSellersRequest, context: Context
    ) -> seller_pb2.ListSellersResponse:
        query = list_query(
            page_size_requested=request.page_size,
            page_token=request.page_token,
            ids=request.ids,
            codes=request.codes,
            tenant_id=request.tenant_id,
        )
        sellers, token = finish_page(await self._sellers.list_page(query), query, _id)
        return seller_pb2.ListSellersResponse(sellers=sellers, next_page_token=token)

    async def UpdateSeller(  # noqa: N802
        self, request: seller_pb2.UpdateSellerRequest, context: Context
    ) -> seller_pb2.UpdateSellerResponse:
        ref, patch = seller_update(request)
        updated = await self._sellers.update(ref, patch)
        if updated is None:
            raise not_found("seller", ref.id)
        return seller_pb2.UpdateSellerResponse(seller=updated)

    async def DeleteSeller(  # noqa: N802
        self, request: seller_pb2.DeleteSellerRequest, context: Context
    ) -> seller_pb2.DeleteSellerResponse:
        ref = entity_ref(request.tenant_id, request.id)
        if not await self._sellers.delete(ref):
            raise not_found("seller", ref.id)
        return seller_pb2.DeleteSellerResponse()
