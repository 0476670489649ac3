"""SellerService: tenant scoping, per-tenant codes, filters and AIP-158 pagination."""

from __future__ import annotations

import uuid

import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import seller_pb2

from common.pagination import PageCursor, encode_token
from ims_grpc.domain.listing import list_query
from tests.ims.catalog_support import Catalogue, error_reason, rpc_error, violated_fields

NOT_FOUND = grpc.StatusCode.NOT_FOUND
INVALID = grpc.StatusCode.INVALID_ARGUMENT


async def test_seller_crud_round_trip(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    created = await api.seller(tenant.id, "s-1")
    assert (created.tenant_id, created.code, created.email) == (
        tenant.id,
        "s-1",
        "ops@example.com",
    )

    got = await api.sellers.GetSeller(
        seller_pb2.GetSellerRequest(tenant_id=tenant.id, id=created.id)
    )
    assert got.seller == created

    updated = await api.sellers.UpdateSeller(
        seller_pb2.UpdateSellerRequest(
            seller=seller_pb2.Seller(tenant_id=tenant.id, id=created.id, email="new@example.com"),
            update_mask=FieldMask(paths=["email"]),
        )
    )
    assert (updated.seller.name, updated.seller.email) == (created.name, "new@example.com")
    assert updated.seller.update_time.ToDatetime() > created.update_time.ToDatetime()

    # Empty mask: every mutable field replaced (an empty email clears it).
    replaced = await api.sellers.UpdateSeller(
        seller_pb2.UpdateSellerRequest(
            seller=seller_pb2.Seller(tenant_id=tenant.id, id=created.id, name="N", code="s-2")
        )
    )
    assert (replaced.seller.name, replaced.seller.code, replaced.seller.email) == ("N", "s-2", "")

    await api.sellers.DeleteSeller(
        seller_pb2.DeleteSellerRequest(tenant_id=tenant.id, id=created.id)
    )
    await rpc_error(
        api.sellers.GetSeller(seller_pb2.GetSellerRequest(tenant_id=tenant.id, id=created.id)),
        NOT_FOUND,
    )


async def test_codes_are_unique_per_tenant_only(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    first, second = await api.tenant(), await api.tenant()
    await api.seller(first.id, "shared")
    await api.seller(second.id, "shared")  # same code, other tenant: fine
    error = await rpc_error(api.seller(first.id, "shared"), grpc.StatusCode.ALREADY_EXISTS)
    assert violated_fields(error) == {"seller.code"}


async def test_other_tenants_sellers_are_invisible(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    owner, intruder = await api.tenant(), await api.tenant()
    seller = await api.seller(owner.id)

    await rpc_error(
        api.sellers.GetSeller(seller_pb2.GetSellerRequest(tenant_id=intruder.id, id=seller.id)),
        NOT_FOUND,
    )
    await rpc_error(
        api.sellers.UpdateSeller(
            seller_pb2.UpdateSellerRequest(
                seller=seller_pb2.Seller(tenant_id=intruder.id, id=seller.id, name="x", code="x")
            )
        ),
        NOT_FOUND,
    )
    await rpc_error(
        api.sellers.DeleteSeller(
            seller_pb2.DeleteSellerRequest(tenant_id=intruder.id, id=seller.id)
        ),
        NOT_FOUND,
    )
    listed = await api.sellers.ListSellers(
        seller_pb2.ListSellersRequest(tenant_id=intruder.id, ids=[seller.id])
    )
    assert list(listed.sellers) == []
    # Untouched for its owner.
    got = await api.sellers.GetSeller(seller_pb2.GetSellerRequest(tenant_id=owner.id, id=seller.id))
    assert got.seller == seller


async def test_seller_of_unknown_tenant_is_refused(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    error = await rpc_error(api.seller(str(uuid.uuid4())), grpc.StatusCode.FAILED_PRECONDITION)
    assert violated_fields(error) == {"seller.tenant_id"}
    assert error_reason(error) == "TENANT_NOT_FOUND"


async def test_seller_with_hubs_or_skus_cannot_be_deleted(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    with_hub, with_sku = await api.seller(tenant.id, "a"), await api.seller(tenant.id, "b")
    await api.hub(tenant.id, with_hub.id)
    await api.sku(tenant.id, with_sku.id)
    for seller, users in ((with_hub, "hubs"), (with_sku, "SKUs")):
        error = await rpc_error(
            api.sellers.DeleteSeller(
                seller_pb2.DeleteSellerRequest(tenant_id=tenant.id, id=seller.id)
            ),
            grpc.StatusCode.FAILED_PRECONDITION,
        )
        assert users in (error.details() or "")
        assert error_reason(error) == "SELLER_IN_USE"


async def test_list_filters_are_anded(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant, other = await api.tenant(), await api.tenant()
    a, b, c = [await api.seller(tenant.id, code) for code in ("a", "b", "c")]
    await api.seller(other.id, "a")

    def request(**filters: object) -> seller_pb2.ListSellersRequest:
        return seller_pb2.ListSellersRequest(tenant_id=tenant.id, **filters)

    everything = await api.sellers.ListSellers(request())
    assert [s.id for s in everything.sellers] == [a.id, b.id, c.id]
    by_ids = await api.sellers.ListSellers(request(ids=[c.id, a.id, a.id]))
    assert [s.id for s in by_ids.sellers] == [a.id, c.id]
    by_codes = await api.sellers.ListSellers(request(codes=["b", "c", "zzz"]))
    assert [s.id for s in by_codes.sellers] == [b.id, c.id]
    both = await api.sellers.ListSellers(request(ids=[a.id, b.id], codes=["b", "c"]))
    assert [s.id for s in both.sellers] == [b.id]
    upper = await api.sellers.ListSellers(
        seller_pb2.ListSellersRequest(tenant_id=tenant.id.upper(), ids=[a.id.upper()])
    )
    assert [s.id for s in upper.sellers] == [a.id]


async def test_pagination_walks_every_seller_once(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    created = [await api.seller(tenant.id, f"p-{n:02d}") for n in range(7)]

    seen: list[str] = []
    pages = 0
    token = ""
    while True:
        page = await api.sellers.ListSellers(
            seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_size=3, page_token=token)
        )
        pages += 1
        assert len(page.sellers) <= 3
        seen.extend(s.id for s in page.sellers)
        token = page.next_page_token
        if not token:
            break
    assert pages == 3
    assert seen == [s.id for s in created]

    # A page that ends exactly on the last item reports no further page.
    exact = await api.sellers.ListSellers(
        seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_size=7)
    )
    assert len(exact.sellers) == 7 and exact.next_page_token == ""
    # Above the maximum is coerced, not refused.
    big = await api.sellers.ListSellers(
        seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_size=1_000_000)
    )
    assert len(big.sellers) == 7


async def test_page_token_is_bound_to_its_filters(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    for n in range(3):
        await api.seller(tenant.id, f"t-{n}")
    first = await api.sellers.ListSellers(
        seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_size=1)
    )
    token = first.next_page_token
    assert token

    # Same filters, other page size: allowed (AIP-158).
    second = await api.sellers.ListSellers(
        seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_size=5, page_token=token)
    )
    assert len(second.sellers) == 2

    error = await rpc_error(
        api.sellers.ListSellers(
            seller_pb2.ListSellersRequest(tenant_id=tenant.id, codes=["t-1"], page_token=token)
        ),
        INVALID,
    )
    assert violated_fields(error) == {"page_token"}
    other = await api.tenant()
    error = await rpc_error(
        api.sellers.ListSellers(
            seller_pb2.ListSellersRequest(tenant_id=other.id, page_token=token)
        ),
        INVALID,
    )
    assert violated_fields(error) == {"page_token"}

    for bad in ("garbage!", "e30", token[:-3]):
        error = await rpc_error(
            api.sellers.ListSellers(
                seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_token=bad)
            ),
            INVALID,
        )
        assert violated_fields(error) == {"page_token"}


async def test_forged_page_token_cursor_is_refused(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    first = await api.sellers.ListSellers(seller_pb2.ListSellersRequest(tenant_id=tenant.id))
    assert first.next_page_token == ""
    fingerprint = list_query(
        page_size_requested=0, page_token="", ids=[], codes=[], tenant_id=tenant.id
    ).fingerprint
    forged = encode_token(PageCursor(after=["'; DROP TABLE sellers; --"], fingerprint=fingerprint))
    error = await rpc_error(
        api.sellers.ListSellers(
            seller_pb2.ListSellersRequest(tenant_id=tenant.id, page_token=forged)
        ),
        INVALID,
    )
    assert violated_fields(error) == {"page_token"}


async def test_bad_seller_input_names_every_field(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    error = await rpc_error(
        api.sellers.CreateSeller(
            seller_pb2.CreateSellerRequest(
                seller=seller_pb2.Seller(tenant_id="nope", name="", code="", email="not-an-email")
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {
        "seller.tenant_id",
        "seller.name",
        "seller.code",
        "seller.email",
    }
    error = await rpc_error(
        api.sellers.GetSeller(seller_pb2.GetSellerRequest(id=str(uuid.uuid4()))), INVALID
    )
    assert violated_fields(error) == {"tenant_id"}
    error = await rpc_error(
        api.sellers.ListSellers(
            seller_pb2.ListSellersRequest(
                ids=[str(uuid.uuid4()), "", "abc"], codes=["ok", "bad code"], page_size=-1
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"tenant_id", "ids[1]", "ids[2]", "codes[1]", "page_size"}
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    error = await rpc_error(
        api.sellers.UpdateSeller(
            seller_pb2.UpdateSellerRequest(
                seller=seller_pb2.Seller(tenant_id=tenant.id, id=seller.id),
                update_mask=FieldMask(paths=["tenant_id"]),
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"update_mask"}
