"""The hub and SKU read-through cache: used, invalidated on write, harmless when Redis is down."""

from __future__ import annotations

import socket
import time
from collections.abc import AsyncIterator

import grpc
import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import hub_pb2, sku_pb2

from common.clients.redis_cache import RedisCache
from common.settings import PostgresSettings, RedisSettings
from ims_grpc.main import build_server, open_dependencies
from ims_grpc.settings import ImsSettings
from tests.ims.catalog_support import Catalogue, full_hub_fields, rpc_error
from tests.support.auth import TEST_AUTH, admin_channel

NOT_FOUND = grpc.StatusCode.NOT_FOUND


def _key(cache: RedisCache, kind: str, tenant_id: str, by: str, value: str) -> str:
    """The documented key layout: {prefix}:ims:v1:{kind}:{tenant}:{id|code}:{value}."""
    return cache.key("ims", "v1", kind, tenant_id, by, value)


async def _hub_codes(api: Catalogue, tenant_id: str, *codes: str) -> list[hub_pb2.Hub]:
    reply = await api.hubs.ListHubs(hub_pb2.ListHubsRequest(tenant_id=tenant_id, codes=codes))
    assert reply.next_page_token == ""
    return list(reply.hubs)


async def _sku_codes(api: Catalogue, tenant_id: str, *codes: str) -> list[sku_pb2.Sku]:
    reply = await api.skus.ListSkus(sku_pb2.ListSkusRequest(tenant_id=tenant_id, codes=codes))
    return list(reply.skus)


async def test_hub_reads_fill_and_use_the_cache(
    ims_channel: grpc.aio.Channel, redis_cache: RedisCache
) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    hub = await api.hub(tenant.id, (await api.seller(tenant.id)).id, "cached", **full_hub_fields())
    id_key = _key(redis_cache, "hub", tenant.id, "id", hub.id)
    code_key = _key(redis_cache, "hub", tenant.id, "code", hub.code)
    assert await redis_cache.get_many([id_key, code_key]) == [None, None]  # no fill on create

    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    assert got.hub == hub
    assert hub_pb2.Hub.FromString(await redis_cache.get(id_key) or b"") == hub
    assert hub_pb2.Hub.FromString(await redis_cache.get(code_key) or b"") == hub

    # Served from Redis, not PostgreSQL: a planted entry is what comes back.
    planted = hub_pb2.Hub()
    planted.CopyFrom(hub)
    planted.name = "from the cache"
    await redis_cache.set(id_key, planted.SerializeToString(), 60)
    await redis_cache.set(code_key, planted.SerializeToString(), 60)
    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    assert got.hub.name == "from the cache"
    assert [h.name for h in await _hub_codes(api, tenant.id, hub.code)] == ["from the cache"]

    # An undecodable entry is a miss, not an error.
    await redis_cache.set(id_key, b"\xff\xff not a proto", 60)
    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    assert got.hub == hub


async def test_batch_lookups_mix_hits_and_misses(
    ims_channel: grpc.aio.Channel, redis_cache: RedisCache
) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    hubs = [await api.hub(tenant.id, seller.id, f"b-{n}") for n in range(4)]
    await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hubs[2].id))  # one hit

    unknown = "00000000-0000-7000-8000-000000000000"
    reply = await api.hubs.ListHubs(
        hub_pb2.ListHubsRequest(
            tenant_id=tenant.id, ids=[hubs[3].id, unknown, hubs[0].id, hubs[2].id, hubs[0].id]
        )
    )
    assert list(reply.hubs) == [hubs[0], hubs[2], hubs[3]]
    keys = [_key(redis_cache, "hub", tenant.id, "id", h.id) for h in (hubs[0], hubs[3])]
    assert None not in await redis_cache.get_many(keys)
    assert await redis_cache.get(_key(redis_cache, "hub", tenant.id, "id", unknown)) is None

    by_codes = await _hub_codes(api, tenant.id, "b-1", "b-3", "missing")
    assert by_codes == [hubs[1], hubs[3]]
    assert await redis_cache.get(_key(redis_cache, "hub", tenant.id, "code", "b-1")) is not None

    # Upper-case ids resolve to the same (canonical) entries.
    upper = await api.hubs.ListHubs(
        hub_pb2.ListHubsRequest(tenant_id=tenant.id.upper(), ids=[hubs[1].id.upper()])
    )
    assert list(upper.hubs) == [hubs[1]]

    # A look-up larger than a page is paginated from the database instead.
    paged = await api.hubs.ListHubs(
        hub_pb2.ListHubsRequest(tenant_id=tenant.id, ids=[h.id for h in hubs], page_size=3)
    )
    assert list(paged.hubs) == hubs[:3] and paged.next_page_token


async def test_hub_update_is_seen_by_id_and_by_code_at_once(
    ims_channel: grpc.aio.Channel, redis_cache: RedisCache
) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    hub = await api.hub(tenant.id, (await api.seller(tenant.id)).id, "old-code")
    await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    assert await _hub_codes(api, tenant.id, "old-code") == [hub]  # both keys now cached

    await api.hubs.UpdateHub(
        hub_pb2.UpdateHubRequest(
            hub=hub_pb2.Hub(tenant_id=tenant.id, id=hub.id, name="Renamed", code="new-code"),
            update_mask=FieldMask(paths=["name", "code"]),
        )
    )
    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    assert (got.hub.name, got.hub.code) == ("Renamed", "new-code")
    assert [h.name for h in await _hub_codes(api, tenant.id, "new-code")] == ["Renamed"]
    assert await _hub_codes(api, tenant.id, "old-code") == []
    assert await redis_cache.get(_key(redis_cache, "hub", tenant.id, "code", "old-code")) is None


async def test_sku_update_is_seen_by_id_and_by_code_at_once(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    sku = await api.sku(tenant.id, (await api.seller(tenant.id)).id, "old-sku")
    await api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=sku.id))
    assert await _sku_codes(api, tenant.id, "old-sku") == [sku]

    await api.skus.UpdateSku(
        sku_pb2.UpdateSkuRequest(
            sku=sku_pb2.Sku(tenant_id=tenant.id, id=sku.id, name="Renamed", code="new-sku"),
            update_mask=FieldMask(paths=["name", "code"]),
        )
    )
    got = await api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=sku.id))
    assert (got.sku.name, got.sku.code) == ("Renamed", "new-sku")
    reply = await api.skus.ListSkus(sku_pb2.ListSkusRequest(tenant_id=tenant.id, ids=[sku.id]))
    assert [s.name for s in reply.skus] == ["Renamed"]
    assert [s.name for s in await _sku_codes(api, tenant.id, "new-sku")] == ["Renamed"]
    assert await _sku_codes(api, tenant.id, "old-sku") == []


async def test_deletes_are_seen_at_once(
    ims_channel: grpc.aio.Channel, redis_cache: RedisCache
) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    hub = await api.hub(tenant.id, seller.id, "gone-hub")
    sku = await api.sku(tenant.id, seller.id, "gone-sku")
    await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    await api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=sku.id))
    await _hub_codes(api, tenant.id, hub.code)
    await _sku_codes(api, tenant.id, sku.code)

    await api.hubs.DeleteHub(hub_pb2.DeleteHubRequest(tenant_id=tenant.id, id=hub.id))
    await api.skus.DeleteSku(sku_pb2.DeleteSkuRequest(tenant_id=tenant.id, id=sku.id))

    await rpc_error(
        api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id)), NOT_FOUND
    )
    await rpc_error(
        api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=sku.id)), NOT_FOUND
    )
    assert await _hub_codes(api, tenant.id, hub.code) == []
    assert await _sku_codes(api, tenant.id, sku.code) == []
    ids = await api.hubs.ListHubs(hub_pb2.ListHubsRequest(tenant_id=tenant.id, ids=[hub.id]))
    assert list(ids.hubs) == []
    keys = [
        _key(redis_cache, "hub", tenant.id, "id", hub.id),
        _key(redis_cache, "hub", tenant.id, "code", hub.code),
        _key(redis_cache, "sku", tenant.id, "id", sku.id),
        _key(redis_cache, "sku", tenant.id, "code", sku.code),
    ]
    assert await redis_cache.get_many(keys) == [None] * 4

    # A new hub may take the deleted one's code; no stale entry answers for it.
    reborn = await api.hub(tenant.id, seller.id, "gone-hub")
    assert await _hub_codes(api, tenant.id, "gone-hub") == [reborn]


async def test_cached_entries_are_per_tenant(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    owner, intruder = await api.tenant(), await api.tenant()
    hub = await api.hub(owner.id, (await api.seller(owner.id)).id, "shared-code")
    await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=owner.id, id=hub.id))
    await _hub_codes(api, owner.id, "shared-code")
    await rpc_error(
        api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=intruder.id, id=hub.id)), NOT_FOUND
    )
    assert await _hub_codes(api, intruder.id, "shared-code") == []


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
async def channel_without_redis(
    postgres_settings: PostgresSettings,
) -> AsyncIterator[grpc.aio.Channel]:
    """IMS whose Redis is unreachable (nothing listens on the port)."""
    redis = RedisSettings(
        url=f"redis://127.0.0.1:{_closed_port()}/0", socket_timeout_s=0.2, key_prefix="down"
    )
    async with open_dependencies(
        ImsSettings(port=0), postgres_settings, redis, auth=TEST_AUTH
    ) as deps:
        server = build_server(deps)
        port = await server.start()
        try:
            async with admin_channel(f"127.0.0.1:{port}") as channel:
                yield channel
        finally:
            await server.stop(grace_s=1)


async def test_redis_outage_degrades_to_the_database(
    channel_without_redis: grpc.aio.Channel,
) -> None:
    api = Catalogue.on(channel_without_redis)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    hub = await api.hub(tenant.id, seller.id, "h")
    sku = await api.sku(tenant.id, seller.id, "s")

    started = time.monotonic()
    for _ in range(2):
        got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
        assert got.hub == hub
        assert await _hub_codes(api, tenant.id, "h") == [hub]
        reply = await api.skus.ListSkus(sku_pb2.ListSkusRequest(tenant_id=tenant.id, ids=[sku.id]))
        assert list(reply.skus) == [sku]
    assert time.monotonic() - started < 10

    await api.hubs.UpdateHub(
        hub_pb2.UpdateHubRequest(
            hub=hub_pb2.Hub(tenant_id=tenant.id, id=hub.id, code="h2"),
            update_mask=FieldMask(paths=["code"]),
        )
    )
    assert [h.code for h in await _hub_codes(api, tenant.id, "h2")] == ["h2"]
    await api.skus.DeleteSku(sku_pb2.DeleteSkuRequest(tenant_id=tenant.id, id=sku.id))
    await rpc_error(
        api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=sku.id)), NOT_FOUND
    )
