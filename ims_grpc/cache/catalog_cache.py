"""Read-through Redis cache for hub and SKU look-ups, by id and by code, single and batch.

Entries are serialized protos under tenant-namespaced keys, one per id and one per code:

    {prefix}:ims:v1:{kind}:{tenant_id}:id:{id}
    {prefix}:ims:v1:{kind}:{tenant_id}:code:{code}

Misses are loaded from PostgreSQL in one query and written back (both keys) with a TTL.
Writers call `invalidate` after their transaction committed, with the id and every code the
resource had before and after the write, so the next read goes to the database. Only found
resources are cached (no negative entries), so a create needs no invalidation. Redis is a
cache only: `RedisCache` reports an outage as misses, and reads then go to the database.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Generic, Protocol, TypeVar

from google.protobuf.message import DecodeError
from ims.v1 import hub_pb2, sku_pb2

from common.clients.redis_cache import RedisCache
from ims_grpc.domain.listing import ListQuery, finish_page

log = logging.getLogger(__name__)

DEFAULT_TTL_S = 300
KEY_NAMESPACE = ("ims", "v1")


class CatalogEntity(Protocol):
    """What the cache needs of a cached resource (hub_pb2.Hub, sku_pb2.Sku)."""

    @property
    def id(self) -> str: ...

    @property
    def code(self) -> str: ...

    def SerializeToString(self, *, deterministic: bool = ...) -> bytes: ...  # noqa: N802


E = TypeVar("E", bound=CatalogEntity)


class EntityLoader(Protocol[E]):
    """The database side of the look-ups (the hub and SKU repositories)."""

    async def get(self, tenant_id: str, entity_id: str, /) -> E | None: ...

    async def get_by_ids(self, tenant_id: str, ids: Sequence[str], /) -> list[E]: ...

    async def get_by_codes(self, tenant_id: str, codes: Sequence[str], /) -> list[E]: ...


class ReadThroughCache(Generic[E]):
    def __init__(
        self,
        cache: RedisCache,
        loader: EntityLoader[E],
        *,
        kind: str,
        parse: Callable[[bytes], E],
        ttl_s: int = DEFAULT_TTL_S,
    ) -> None:
        self._cache = cache
        self._loader = loader
        self._kind = kind
        self._parse = parse
        self._ttl_s = ttl_s

    # --- keys ---------------------------------------------------------------------------

    def id_key(self, tenant_id: str, entity_id: str) -> str:
        return self._cache.key(*KEY_NAMESPACE, self._kind, tenant_id, "id", entity_id)

    def code_key(self, tenant_id: str, code: str) -> str:
        return self._cache.key(*KEY_NAMESPACE, self._kind, tenant_id, "code", code)

    # --- reads --------------------------------------------------------------------------

    async def get(self, tenant_id: str, entity_id: str) -> E | None:
        cached = self._decode(await self._cache.get(self.id_key(tenant_id, entity_id)))
        if cached is not None:
            return cached
        loaded = await self._loader.get(tenant_id, entity_id)
        if loaded is not None:
            await self._fill(tenant_id, [loaded])
        return loaded

    async def get_by_ids(self, tenant_id: str, ids: Sequence[str]) -> list[E]:
        """The resources with these ids (unknown ids are left out), ordered by id."""
        return await self._get_many(
            tenant_id, ids, self.id_key, lambda missing: self._loader.get_by_ids(tenant_id, missing)
        )

    async def get_by_codes(self, tenant_id: str, codes: Sequence[str]) -> list[E]:
        """The resources with these codes (unknown codes are left out), ordered by id."""
        return await self._get_many(
            tenant_id,
            codes,
            self.code_key,
            lambda missing: self._loader.get_by_codes(tenant_id, missing),
        )

    async def _get_many(
        self,
        tenant_id: str,
        values: Sequence[str],
        key_of: Callable[[str, str], str],
        load: Callable[[list[str]], Awaitable[list[E]]],
    ) -> list[E]:
        wanted = list(dict.fromkeys(values))
        blobs = await self._cache.get_many([key_of(tenant_id, value) for value in wanted])
        found: dict[str, E] = {}
        missing: list[str] = []
        for value, blob in zip(wanted, blobs, strict=True):
            entity = self._decode(blob)
            if entity is None:
                missing.append(value)
            else:
                found[entity.id] = entity
        if missing:
            loaded = await load(missing)
            await self._fill(tenant_id, loaded)
            found.update((entity.id, entity) for entity in loaded)
        return [found[entity_id] for entity_id in sorted(found)]

    # --- writes -------------------------------------------------------------------------

    async def invalidate(self, tenant_id: str, entity_id: str, codes: Iterable[str]) -> None:
        """Drop the entries of one resource; call after the write committed."""
        keys = [self.id_key(tenant_id, entity_id)]
        keys.extend(self.code_key(tenant_id, code) for code in dict.fromkeys(codes) if code)
        if not await self._cache.delete(*keys):
            log.warning(
                "cache invalidation failed; entries expire with their TTL",
                extra={"kind": self._kind, "id": entity_id, "ttl_s": self._ttl_s},
            )

    # --- helpers ------------------------------------------------------------------------

    async def _fill(self, tenant_id: str, entities: Iterable[E]) -> None:
        items: dict[str, bytes] = {}
        for entity in entities:
            blob = entity.SerializeToString()
            items[self.id_key(tenant_id, entity.id)] = blob
            items[self.code_key(tenant_id, entity.code)] = blob
        await self._cache.set_many(items, self._ttl_s)

    def _decode(self, blob: bytes | None) -> E | None:
        if blob is None:
            return None
        try:
            return self._parse(blob)
        except DecodeError:
            log.warning("undecodable cache entry; treating as a miss", extra={"kind": self._kind})
            return None


def hub_cache(
    cache: RedisCache, loader: EntityLoader[hub_pb2.Hub], *, ttl_s: int = DEFAULT_TTL_S
) -> ReadThroughCache[hub_pb2.Hub]:
    return ReadThroughCache(cache, loader, kind="hub", parse=hub_pb2.Hub.FromString, ttl_s=ttl_s)


def sku_cache(
    cache: RedisCache, loader: EntityLoader[sku_pb2.Sku], *, ttl_s: int = DEFAULT_TTL_S
) -> ReadThroughCache[sku_pb2.Sku]:
    return ReadThroughCache(cache, loader, kind="sku", parse=sku_pb2.Sku.FromString, ttl_s=ttl_s)


async def list_through_cache(
    cache: ReadThroughCache[E],
    query: ListQuery,
    list_page: Callable[[ListQuery], Awaitable[list[E]]],
) -> tuple[list[E], str]:
    """A list request: a one-page look-up by ids or by codes goes through the cache (key by
    key, the batch path of CSV validation); anything else is a keyset page from the database.
    """
    lookup = query.batch_lookup
    if lookup == "ids" and query.tenant_id is not None:
        return await cache.get_by_ids(query.tenant_id, query.ids), ""
    if lookup == "codes" and query.tenant_id is not None:
        return await cache.get_by_codes(query.tenant_id, query.codes), ""
    return finish_page(await list_page(query), query, _entity_id)


def _entity_id(entity: CatalogEntity) -> str:
    return entity.id
