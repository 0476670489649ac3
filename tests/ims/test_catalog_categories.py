"""CategoryService: parents within the tenant, no cycles, no orphaned children or SKUs."""

from __future__ import annotations

import asyncio
import uuid

import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import category_pb2

from tests.ims.catalog_support import Catalogue, error_reason, rpc_error, violated_fields

NOT_FOUND = grpc.StatusCode.NOT_FOUND
INVALID = grpc.StatusCode.INVALID_ARGUMENT
PRECONDITION = grpc.StatusCode.FAILED_PRECONDITION


def _reparent(
    tenant_id: str, category_id: str, parent_id: str | None
) -> category_pb2.UpdateCategoryRequest:
    category = category_pb2.Category(tenant_id=tenant_id, id=category_id)
    if parent_id is not None:
        category.parent_id = parent_id
    return category_pb2.UpdateCategoryRequest(
        category=category, update_mask=FieldMask(paths=["parent_id"])
    )


async def test_category_crud_round_trip(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    root = await api.category(tenant.id, "root")
    assert not root.HasField("parent_id")
    child = await api.category(tenant.id, "child", parent_id=root.id)
    assert child.parent_id == root.id

    got = await api.categories.GetCategory(
        category_pb2.GetCategoryRequest(tenant_id=tenant.id, id=child.id)
    )
    assert got.category == child

    renamed = await api.categories.UpdateCategory(
        category_pb2.UpdateCategoryRequest(
            category=category_pb2.Category(tenant_id=tenant.id, id=child.id, name="Shoes"),
            update_mask=FieldMask(paths=["name"]),
        )
    )
    assert (renamed.category.name, renamed.category.parent_id) == ("Shoes", root.id)

    top_level = await api.categories.UpdateCategory(_reparent(tenant.id, child.id, None))
    assert not top_level.category.HasField("parent_id")

    listed = await api.categories.ListCategories(
        category_pb2.ListCategoriesRequest(tenant_id=tenant.id, codes=["root", "child"])
    )
    assert [c.id for c in listed.categories] == [root.id, child.id]

    await api.categories.DeleteCategory(
        category_pb2.DeleteCategoryRequest(tenant_id=tenant.id, id=child.id)
    )
    await rpc_error(
        api.categories.GetCategory(
            category_pb2.GetCategoryRequest(tenant_id=tenant.id, id=child.id)
        ),
        NOT_FOUND,
    )


async def test_parent_must_exist_in_the_same_tenant(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant, other = await api.tenant(), await api.tenant()
    foreign = await api.category(other.id, "foreign")
    for parent_id in (foreign.id, str(uuid.uuid4())):
        error = await rpc_error(api.category(tenant.id, "c", parent_id=parent_id), PRECONDITION)
        assert violated_fields(error) == {"category.parent_id"}
        assert error_reason(error) == "CATEGORY_NOT_FOUND"
    mine = await api.category(tenant.id, "mine")
    error = await rpc_error(
        api.categories.UpdateCategory(_reparent(tenant.id, mine.id, foreign.id)), PRECONDITION
    )
    assert violated_fields(error) == {"category.parent_id"}


async def test_cycles_are_refused(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    a = await api.category(tenant.id, "a")
    b = await api.category(tenant.id, "b", parent_id=a.id)
    c = await api.category(tenant.id, "c", parent_id=b.id)

    error = await rpc_error(
        api.categories.UpdateCategory(_reparent(tenant.id, a.id, c.id)), PRECONDITION
    )
    assert violated_fields(error) == {"category.parent_id"}
    assert error_reason(error) == "CATEGORY_CYCLE"

    error = await rpc_error(
        api.categories.UpdateCategory(_reparent(tenant.id, a.id, a.id)), INVALID
    )
    assert violated_fields(error) == {"category.parent_id"}

    # Moving within the tree without a cycle is fine.
    moved = await api.categories.UpdateCategory(_reparent(tenant.id, c.id, a.id))
    assert moved.category.parent_id == a.id


async def test_category_in_use_cannot_be_deleted(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    parent = await api.category(tenant.id, "parent")
    await api.category(tenant.id, "child", parent_id=parent.id)
    error = await rpc_error(
        api.categories.DeleteCategory(
            category_pb2.DeleteCategoryRequest(tenant_id=tenant.id, id=parent.id)
        ),
        PRECONDITION,
    )
    assert "child categories" in (error.details() or "")

    used = await api.category(tenant.id, "used")
    seller = await api.seller(tenant.id)
    await api.sku(tenant.id, seller.id, category_id=used.id)
    error = await rpc_error(
        api.categories.DeleteCategory(
            category_pb2.DeleteCategoryRequest(tenant_id=tenant.id, id=used.id)
        ),
        PRECONDITION,
    )
    assert "SKUs" in (error.details() or "")
    assert error_reason(error) == "CATEGORY_IN_USE"


async def test_other_tenants_categories_are_invisible(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    owner, intruder = await api.tenant(), await api.tenant()
    category = await api.category(owner.id)
    await rpc_error(
        api.categories.GetCategory(
            category_pb2.GetCategoryRequest(tenant_id=intruder.id, id=category.id)
        ),
        NOT_FOUND,
    )
    await rpc_error(
        api.categories.UpdateCategory(
            category_pb2.UpdateCategoryRequest(
                category=category_pb2.Category(
                    tenant_id=intruder.id, id=category.id, name="x", code="x"
                )
            )
        ),
        NOT_FOUND,
    )
    await rpc_error(
        api.categories.DeleteCategory(
            category_pb2.DeleteCategoryRequest(tenant_id=intruder.id, id=category.id)
        ),
        NOT_FOUND,
    )


async def test_bad_category_input(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    error = await rpc_error(
        api.categories.CreateCategory(
            category_pb2.CreateCategoryRequest(
                category=category_pb2.Category(
                    tenant_id=tenant.id, name="tab\there", code="-leading", parent_id="x"
                )
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"category.name", "category.code", "category.parent_id"}
    error = await rpc_error(
        api.categories.CreateCategory(
            category_pb2.CreateCategoryRequest(
                category=category_pb2.Category(name="Category", code="code")
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"category.tenant_id"}


async def test_concurrent_moves_cannot_close_a_cycle(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    a, b = await api.category(tenant.id, "a"), await api.category(tenant.id, "b")
    for _ in range(5):
        results = await asyncio.gather(
            api.categories.UpdateCategory(_reparent(tenant.id, a.id, b.id)),
            api.categories.UpdateCategory(_reparent(tenant.id, b.id, a.id)),
            return_exceptions=True,
        )
        failures = [r for r in results if isinstance(r, grpc.aio.AioRpcError)]
        assert len(failures) == 1, results
        assert failures[0].code() == PRECONDITION
        for category in (a, b):
            await api.categories.UpdateCategory(_reparent(tenant.id, category.id, None))
