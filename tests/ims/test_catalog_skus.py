"""SkuService: dimensions, categories and sellers of the same tenant, filters, in-use deletes."""

from __future__ import annotations

import uuid

import asyncpg
import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import common_pb2, sku_pb2

from tests.ims.catalog_support import Catalogue, error_reason, rpc_error, violated_fields

NOT_FOUND = grpc.StatusCode.NOT_FOUND
INVALID = grpc.StatusCode.INVALID_ARGUMENT
PRECONDITION = grpc.StatusCode.FAILED_PRECONDITION

DIMENSIONS = common_pb2.Dimensions(length_mm=300, width_mm=200, height_mm=100)


def _update(sku: sku_pb2.Sku, *paths: str) -> sku_pb2.UpdateSkuRequest:
    return sku_pb2.UpdateSkuRequest(sku=sku, update_mask=FieldMask(paths=list(paths)))


async def test_sku_crud_round_trip(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    category = await api.category(tenant.id)
    created = await api.sku(
        tenant.id,
        seller.id,
        "tee-m",
        category_id=category.id,
        dimensions=DIMENSIONS,
        weight_grams=250,
    )
    assert (created.category_id, created.dimensions, created.weight_grams) == (
        category.id,
        DIMENSIONS,
        250,
    )
    got = await api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=created.id))
    assert got.sku == created

    patch = sku_pb2.Sku(
        tenant_id=tenant.id, id=created.id, dimensions=common_pb2.Dimensions(length_mm=310)
    )
    longer = (await api.skus.UpdateSku(_update(patch, "dimensions.length_mm", "category_id"))).sku
    assert longer.dimensions == common_pb2.Dimensions(length_mm=310, width_mm=200, height_mm=100)
    assert longer.category_id == ""  # the masked, empty category_id uncategorises it
    assert (longer.name, longer.weight_grams) == (created.name, 250)
    assert longer.update_time.ToDatetime() > created.update_time.ToDatetime()

    replaced = (
        await api.skus.UpdateSku(
            sku_pb2.UpdateSkuRequest(
                sku=sku_pb2.Sku(
                    tenant_id=tenant.id,
                    id=created.id,
                    seller_id=seller.id,
                    code="tee-l",
                    name="Tee L",
                    category_id=category.id,
                )
            )
        )
    ).sku
    assert (replaced.code, replaced.name, replaced.category_id) == ("tee-l", "Tee L", category.id)
    assert (replaced.dimensions, replaced.weight_grams) == (common_pb2.Dimensions(), 0)

    await api.skus.DeleteSku(sku_pb2.DeleteSkuRequest(tenant_id=tenant.id, id=created.id))
    await rpc_error(
        api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=created.id)), NOT_FOUND
    )


async def test_sku_references_stay_in_the_tenant(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant, other = await api.tenant(), await api.tenant()
    seller, foreign_seller = await api.seller(tenant.id), await api.seller(other.id)
    foreign_category = await api.category(other.id)

    error = await rpc_error(api.sku(tenant.id, foreign_seller.id), PRECONDITION)
    assert violated_fields(error) == {"sku.seller_id"}
    error = await rpc_error(
        api.sku(tenant.id, seller.id, category_id=foreign_category.id), PRECONDITION
    )
    assert violated_fields(error) == {"sku.category_id"}
    assert error_reason(error) == "CATEGORY_NOT_FOUND"

    sku = await api.sku(tenant.id, seller.id)
    error = await rpc_error(
        api.skus.UpdateSku(
            _update(
                sku_pb2.Sku(tenant_id=tenant.id, id=sku.id, category_id=foreign_category.id),
                "category_id",
            )
        ),
        PRECONDITION,
    )
    assert violated_fields(error) == {"sku.category_id"}
    # Cross-tenant reads and writes do not see the SKU at all.
    await rpc_error(
        api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=other.id, id=sku.id)), NOT_FOUND
    )
    await rpc_error(
        api.skus.UpdateSku(_update(sku_pb2.Sku(tenant_id=other.id, id=sku.id, name="x"), "name")),
        NOT_FOUND,
    )
    await rpc_error(
        api.skus.DeleteSku(sku_pb2.DeleteSkuRequest(tenant_id=other.id, id=sku.id)), NOT_FOUND
    )


async def test_sku_codes_are_unique_per_tenant(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant, other = await api.tenant(), await api.tenant()
    await api.sku(tenant.id, (await api.seller(tenant.id)).id, "SKU-1")
    await api.sku(other.id, (await api.seller(other.id)).id, "SKU-1")
    error = await rpc_error(
        api.sku(tenant.id, (await api.seller(tenant.id, "s2")).id, "SKU-1"),
        grpc.StatusCode.ALREADY_EXISTS,
    )
    assert violated_fields(error) == {"sku.code"}


async def test_list_skus_by_seller_category_ids_and_codes(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    s1, s2 = await api.seller(tenant.id, "s1"), await api.seller(tenant.id, "s2")
    shoes, hats = await api.category(tenant.id, "shoes"), await api.category(tenant.id, "hats")
    a = await api.sku(tenant.id, s1.id, "a", category_id=shoes.id)
    b = await api.sku(tenant.id, s1.id, "b", category_id=hats.id)
    c = await api.sku(tenant.id, s2.id, "c", category_id=shoes.id)
    d = await api.sku(tenant.id, s2.id, "d")

    async def ids(**filters: object) -> list[str]:
        reply = await api.skus.ListSkus(sku_pb2.ListSkusRequest(tenant_id=tenant.id, **filters))
        return [sku.id for sku in reply.skus]

    assert await ids() == [a.id, b.id, c.id, d.id]
    assert await ids(seller_id=s2.id) == [c.id, d.id]
    assert await ids(category_id=shoes.id) == [a.id, c.id]
    assert await ids(seller_id=s1.id, category_id=shoes.id) == [a.id]
    assert await ids(category_id=shoes.id, codes=["c", "d"]) == [c.id]
    assert await ids(ids=[d.id, a.id]) == [a.id, d.id]
    assert await ids(codes=["b", "d"]) == [b.id, d.id]
    assert await ids(ids=[a.id, b.id], codes=["b"]) == [b.id]


async def test_sku_pages_by_category(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    category = await api.category(tenant.id)
    expected = []
    for n in range(10):
        in_category = n % 3 != 0
        sku = await api.sku(
            tenant.id, seller.id, f"p-{n}", category_id=category.id if in_category else ""
        )
        if in_category:
            expected.append(sku.id)
    seen: list[str] = []
    token, pages = "", 0
    while True:
        reply = await api.skus.ListSkus(
            sku_pb2.ListSkusRequest(
                tenant_id=tenant.id, category_id=category.id, page_size=2, page_token=token
            )
        )
        seen.extend(sku.id for sku in reply.skus)
        pages += 1
        token = reply.next_page_token
        if not token:
            break
    assert (pages, seen) == (3, expected)


async def test_sku_holding_stock_cannot_be_deleted(
    ims_channel: grpc.aio.Channel, pg_connection: asyncpg.Connection
) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    hub = await api.hub(tenant.id, seller.id)
    sku = await api.sku(tenant.id, seller.id)
    await pg_connection.execute(
        "INSERT INTO inventory (hub_id, sku_id, tenant_id, quantity_on_hand)"
        " VALUES ($1, $2, $3, 5)",
        uuid.UUID(hub.id),
        uuid.UUID(sku.id),
        uuid.UUID(tenant.id),
    )
    error = await rpc_error(
        api.skus.DeleteSku(sku_pb2.DeleteSkuRequest(tenant_id=tenant.id, id=sku.id)), PRECONDITION
    )
    assert error_reason(error) == "SKU_IN_USE"


async def test_bad_sku_input_names_every_field(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    error = await rpc_error(
        api.skus.CreateSku(
            sku_pb2.CreateSkuRequest(
                sku=sku_pb2.Sku(
                    tenant_id=tenant.id.upper(),
                    seller_id="",
                    code="x" * 65,
                    name="",
                    category_id="zz",
                    dimensions=common_pb2.Dimensions(length_mm=-1, width_mm=0, height_mm=-5),
                    weight_grams=-10,
                )
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {
        "sku.seller_id",
        "sku.code",
        "sku.name",
        "sku.category_id",
        "sku.dimensions.length_mm",
        "sku.dimensions.height_mm",
        "sku.weight_grams",
    }
    sku = await api.sku(tenant.id, seller.id)
    error = await rpc_error(
        api.skus.UpdateSku(
            _update(
                sku_pb2.Sku(
                    tenant_id=tenant.id, id=sku.id, dimensions=common_pb2.Dimensions(width_mm=-2)
                ),
                "dimensions",
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"sku.dimensions.width_mm"}
    for path in ("dimensions.depth_mm", "create_time", "update_time"):
        error = await rpc_error(
            api.skus.UpdateSku(_update(sku_pb2.Sku(tenant_id=tenant.id, id=sku.id), path)),
            INVALID,
        )
        assert violated_fields(error) == {"update_mask"}
    await rpc_error(
        api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=str(uuid.uuid4()))),
        NOT_FOUND,
    )
    error = await rpc_error(
        api.skus.ListSkus(sku_pb2.ListSkusRequest(tenant_id=tenant.id, category_id="cat")),
        INVALID,
    )
    assert violated_fields(error) == {"category_id"}
