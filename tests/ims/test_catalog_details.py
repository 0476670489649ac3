"""The details the original's clients send: tenant and seller `metadata` (any JSON object),
category and SKU `description`, the hub's `timezone` — stored, read back, updated by mask,
refused naming the field when out of bounds."""

from __future__ import annotations

import grpc
from google.protobuf import struct_pb2
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import category_pb2, hub_pb2, seller_pb2, sku_pb2, tenant_pb2

from tests.ims.catalog_support import Catalogue, rpc_error, violated_fields

INVALID = grpc.StatusCode.INVALID_ARGUMENT


def _struct(value: dict[str, object]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(value)
    return struct


async def test_metadata_is_any_json_object_replaced_whole(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    metadata = {"tier": "gold", "limits": {"daily": 5, "regions": ["EU", "IN"]}, "vip": True}
    created = await api.tenants.CreateTenant(
        tenant_pb2.CreateTenantRequest(
            tenant=tenant_pb2.Tenant(name="Acme", code="acme-meta", metadata=_struct(metadata))
        )
    )
    got = await api.tenants.GetTenant(tenant_pb2.GetTenantRequest(id=created.tenant.id))
    assert got.tenant.metadata == _struct(metadata)
    renamed = await api.tenants.UpdateTenant(
        tenant_pb2.UpdateTenantRequest(
            tenant=tenant_pb2.Tenant(id=created.tenant.id, name="Acme AG"),
            update_mask=FieldMask(paths=["name"]),
        )
    )
    assert renamed.tenant.metadata == _struct(metadata)  # not in the mask: kept
    replaced = await api.tenants.UpdateTenant(
        tenant_pb2.UpdateTenantRequest(
            tenant=tenant_pb2.Tenant(id=created.tenant.id, metadata=_struct({"tier": "silver"})),
            update_mask=FieldMask(paths=["metadata"]),
        )
    )
    assert replaced.tenant.metadata == _struct({"tier": "silver"})

    seller = await api.sellers.CreateSeller(
        seller_pb2.CreateSellerRequest(
            seller=seller_pb2.Seller(
                tenant_id=created.tenant.id,
                name="Shop",
                code="shop",
                metadata=_struct({"gst": "29ABCDE1234F1Z5"}),
            )
        )
    )
    assert seller.seller.metadata == _struct({"gst": "29ABCDE1234F1Z5"})
    huge = _struct({"blob": "x" * 20_000})
    error = await rpc_error(
        api.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(
                seller=seller_pb2.Seller(
                    tenant_id=created.tenant.id, name="S2", code="s2", metadata=huge
                )
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"seller.metadata"}


async def test_descriptions_and_time_zones(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    text = "Ethically sourced.\nWash at 30 °C.\tTwice."
    category = await api.categories.CreateCategory(
        category_pb2.CreateCategoryRequest(
            category=category_pb2.Category(
                tenant_id=tenant.id, name="Tea", code="tea", description=text
            )
        )
    )
    assert category.category.description == text
    sku = await api.skus.CreateSku(
        sku_pb2.CreateSkuRequest(
            sku=sku_pb2.Sku(
                tenant_id=tenant.id, seller_id=seller.id, code="t1", name="T1", description=text
            )
        )
    )
    got = await api.skus.GetSku(sku_pb2.GetSkuRequest(tenant_id=tenant.id, id=sku.sku.id))
    assert got.sku.description == text
    hub = await api.hubs.CreateHub(
        hub_pb2.CreateHubRequest(
            hub=hub_pb2.Hub(
                tenant_id=tenant.id,
                seller_id=seller.id,
                name="Berlin",
                code="ber",
                timezone="Europe/Berlin",
            )
        )
    )
    assert hub.hub.timezone == "Europe/Berlin"
    moved = await api.hubs.UpdateHub(
        hub_pb2.UpdateHubRequest(
            hub=hub_pb2.Hub(tenant_id=tenant.id, id=hub.hub.id, timezone="Asia/Kolkata"),
            update_mask=FieldMask(paths=["timezone"]),
        )
    )
    assert (moved.hub.timezone, moved.hub.name) == ("Asia/Kolkata", "Berlin")

    bad_zone = await rpc_error(
        api.hubs.CreateHub(
            hub_pb2.CreateHubRequest(
                hub=hub_pb2.Hub(
                    tenant_id=tenant.id, seller_id=seller.id, name="X", code="x", timezone="CEST"
                )
            )
        ),
        INVALID,
    )
    assert violated_fields(bad_zone) == {"hub.timezone"}
    bad_text = await rpc_error(
        api.skus.CreateSku(
            sku_pb2.CreateSkuRequest(
                sku=sku_pb2.Sku(
                    tenant_id=tenant.id,
                    seller_id=seller.id,
                    code="t2",
                    name="T2",
                    description="bell\x07" + "x" * 4001,
                )
            )
        ),
        INVALID,
    )
    assert violated_fields(bad_text) == {"sku.description"}
