"""ims.v1.HubService: validate → (cache →) repository → response.

Reads by id and one-page look-ups by ids or codes go through the read-through cache; every
successful update or delete invalidates the hub's entries once the database committed.
"""

from __future__ import annotations

from typing import Any

import grpc
from ims.v1 import hub_pb2, hub_pb2_grpc

from common.grpc.errors import not_found
from ims_grpc.cache.catalog_cache import ReadThroughCache, list_through_cache
from ims_grpc.domain.catalog_writes import hub_update, new_hub
from ims_grpc.domain.listing import list_query
from ims_grpc.domain.refs import entity_ref
from ims_grpc.repositories.hubs import HubRepository

Context = grpc.aio.ServicerContext[Any, Any]


class HubServicer(hub_pb2_grpc.HubServiceServicer):
    def __init__(self, hubs: HubRepository, cache: ReadThroughCache[hub_pb2.Hub]) -> None:
        self._hubs = hubs
        self._cache = cache

    async def CreateHub(  # noqa: N802
        self, request: hub_pb2.CreateHubRequest, context: Context
    ) -> hub_pb2.CreateHubResponse:
        created = await self._hubs.create(new_hub(request.hub))
        return hub_pb2.CreateHubResponse(hub=created)

    async def GetHub(  # noqa: N802
        self, request: hub_pb2.GetHubRequest, context: Context
    ) -> hub_pb2.GetHubResponse:
        ref = entity_ref(request.tenant_id, request.id)
        hub = await self._cache.get(ref.tenant_id, ref.id)
        if hub is None:
            raise not_found("hub", ref.id)
        return hub_pb2.GetHubResponse(hub=hub)

    async def ListHubs(  # noqa: N802
        self, request: hub_pb2.ListHubsRequest, context: Context
    ) -> hub_pb2.ListHubsResponse:
        query = list_query(
            page_size_requested=request.page_size,
            page_token=request.page_token,
            ids=request.ids,
            codes=request.codes,
            tenant_id=request.tenant_id,
            seller_id=request.seller_id,
        )
        hubs, token = await list_through_cache(self._cache, query, self._hubs.list_page)
        return hub_pb2.ListHubsResponse(hubs=hubs, next_page_token=token)

    async def UpdateHub(  # noqa: N802
        self, request: hub_pb2.UpdateHubRequest, context: Context
    ) -> hub_pb2.UpdateHubResponse:
        ref, patch = hub_update(request)
        updated = await self._hubs.update(ref, patch)
        if updated is None:
            raise not_found("hub", ref.id)
        hub, previous_code = updated
        await self._cache.invalidate(ref.tenant_id, ref.id, (previous_code, hub.code))
        return hub_pb2.UpdateHubResponse(hub=hub)

    async def DeleteHub(  # noqa: N802
        self, request: hub_pb2.DeleteHubRequest, context: Context
    ) -> hub_pb2.DeleteHubResponse:
        ref = entity_ref(request.tenant_id, request.id)
        code = await self._hubs.delete(ref)
        if code is None:
            raise not_found("hub", ref.id)
        await self._cache.invalidate(ref.tenant_id, ref.id, (code,))
        return hub_pb2.DeleteHubResponse()
