"""HubService: nested documents, update masks, seller references, filters, in-use deletes."""

from __future__ import annotations

import uuid

import asyncpg
import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import common_pb2, hub_pb2

from tests.ims.catalog_support import (
    Catalogue,
    error_reason,
    full_hub_fields,
    rpc_error,
    violated_fields,
)

NOT_FOUND = grpc.StatusCode.NOT_FOUND
INVALID = grpc.StatusCode.INVALID_ARGUMENT
PRECONDITION = grpc.StatusCode.FAILED_PRECONDITION


def _update(hub: hub_pb2.Hub, *paths: str) -> hub_pb2.UpdateHubRequest:
    return hub_pb2.UpdateHubRequest(hub=hub, update_mask=FieldMask(paths=list(paths)))


async def test_hub_crud_round_trip(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    created = await api.hub(tenant.id, seller.id, "blr-1", **full_hub_fields())
    expected = full_hub_fields()
    assert created.location == expected["location"]
    assert created.address == expected["address"]
    assert created.contact == expected["contact"]
    assert created.seller_id == seller.id

    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=created.id))
    assert got.hub == created

    # Sub-field paths change one key of a document and leave the rest alone.
    patch = hub_pb2.Hub(
        tenant_id=tenant.id,
        id=created.id,
        address=common_pb2.Address(city="Mysuru"),
        contact=common_pb2.Contact(phone="+91 80 1234 5678"),
    )
    updated = (await api.hubs.UpdateHub(_update(patch, "address.city", "contact.phone"))).hub
    assert updated.address.city == "Mysuru"
    assert list(updated.address.lines) == ["12 MG Road", "Floor 3"]
    assert updated.address.country_code == "IN"
    assert (updated.contact.phone, updated.contact.email) == (
        "+91 80 1234 5678",
        "desk@example.com",
    )
    assert updated.location == created.location
    assert updated.update_time.ToDatetime() > created.update_time.ToDatetime()

    # A whole message path replaces it; unset clears it.
    cleared = (
        await api.hubs.UpdateHub(
            _update(hub_pb2.Hub(tenant_id=tenant.id, id=created.id), "location", "contact")
        )
    ).hub
    assert not cleared.HasField("location")
    assert cleared.contact == common_pb2.Contact()
    assert cleared.address.city == "Mysuru"

    # Empty mask: every mutable field replaced.
    other_seller = await api.seller(tenant.id, "other")
    replaced = (
        await api.hubs.UpdateHub(
            hub_pb2.UpdateHubRequest(
                hub=hub_pb2.Hub(
                    tenant_id=tenant.id,
                    id=created.id,
                    seller_id=other_seller.id,
                    name="Equator",
                    code="eq-0",
                    location=common_pb2.Location(latitude=0, longitude=0),
                )
            )
        )
    ).hub
    assert (replaced.seller_id, replaced.name, replaced.code) == (
        other_seller.id,
        "Equator",
        "eq-0",
    )
    assert replaced.HasField("location")  # (0, 0) is a place, not "no location"
    assert replaced.address == common_pb2.Address()
    assert replaced.create_time == created.create_time

    await api.hubs.DeleteHub(hub_pb2.DeleteHubRequest(tenant_id=tenant.id, id=created.id))
    await rpc_error(
        api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=created.id)), NOT_FOUND
    )
    await rpc_error(
        api.hubs.DeleteHub(hub_pb2.DeleteHubRequest(tenant_id=tenant.id, id=created.id)), NOT_FOUND
    )


async def test_hub_needs_a_seller_of_its_own_tenant(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant, other = await api.tenant(), await api.tenant()
    foreign_seller = await api.seller(other.id)
    for seller_id in (foreign_seller.id, str(uuid.uuid4())):
        error = await rpc_error(api.hub(tenant.id, seller_id), PRECONDITION)
        assert violated_fields(error) == {"hub.seller_id"}
        assert error_reason(error) == "SELLER_NOT_FOUND"

    own_seller = await api.seller(tenant.id)
    hub = await api.hub(tenant.id, own_seller.id)
    error = await rpc_error(
        api.hubs.UpdateHub(
            _update(
                hub_pb2.Hub(tenant_id=tenant.id, id=hub.id, seller_id=foreign_seller.id),
                "seller_id",
            )
        ),
        PRECONDITION,
    )
    assert violated_fields(error) == {"hub.seller_id"}


async def test_hub_codes_are_unique_per_tenant(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant, other = await api.tenant(), await api.tenant()
    seller, other_seller = await api.seller(tenant.id), await api.seller(other.id)
    await api.hub(tenant.id, seller.id, "main")
    await api.hub(other.id, other_seller.id, "main")
    error = await rpc_error(api.hub(tenant.id, seller.id, "main"), grpc.StatusCode.ALREADY_EXISTS)
    assert violated_fields(error) == {"hub.code"}
    second = await api.hub(tenant.id, seller.id, "second")
    error = await rpc_error(
        api.hubs.UpdateHub(
            _update(hub_pb2.Hub(tenant_id=tenant.id, id=second.id, code="main"), "code")
        ),
        grpc.StatusCode.ALREADY_EXISTS,
    )
    assert violated_fields(error) == {"hub.code"}


async def test_other_tenants_hubs_are_invisible(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    owner, intruder = await api.tenant(), await api.tenant()
    hub = await api.hub(owner.id, (await api.seller(owner.id)).id)
    await rpc_error(
        api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=intruder.id, id=hub.id)), NOT_FOUND
    )
    await rpc_error(
        api.hubs.UpdateHub(
            _update(hub_pb2.Hub(tenant_id=intruder.id, id=hub.id, name="x"), "name")
        ),
        NOT_FOUND,
    )
    await rpc_error(
        api.hubs.DeleteHub(hub_pb2.DeleteHubRequest(tenant_id=intruder.id, id=hub.id)), NOT_FOUND
    )
    for request in (
        hub_pb2.ListHubsRequest(tenant_id=intruder.id, ids=[hub.id]),
        hub_pb2.ListHubsRequest(tenant_id=intruder.id, codes=[hub.code]),
        hub_pb2.ListHubsRequest(tenant_id=intruder.id),
    ):
        assert list((await api.hubs.ListHubs(request)).hubs) == []
    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=owner.id, id=hub.id))
    assert got.hub == hub


async def test_list_hubs_by_seller_ids_and_codes(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    s1, s2 = await api.seller(tenant.id, "s1"), await api.seller(tenant.id, "s2")
    h1 = await api.hub(tenant.id, s1.id, "h1")
    h2 = await api.hub(tenant.id, s2.id, "h2")
    h3 = await api.hub(tenant.id, s1.id, "h3")

    async def ids(**filters: object) -> list[str]:
        reply = await api.hubs.ListHubs(hub_pb2.ListHubsRequest(tenant_id=tenant.id, **filters))
        return [hub.id for hub in reply.hubs]

    assert await ids() == [h1.id, h2.id, h3.id]
    assert await ids(seller_id=s1.id) == [h1.id, h3.id]
    assert await ids(ids=[h3.id, h2.id]) == [h2.id, h3.id]
    assert await ids(codes=["h3", "h1", "nope"]) == [h1.id, h3.id]
    assert await ids(seller_id=s2.id, codes=["h1", "h2"]) == [h2.id]
    assert await ids(ids=[h1.id, h2.id], codes=["h2", "h3"]) == [h2.id]
    assert await ids(ids=[str(uuid.uuid4())]) == []


async def test_hub_pages_by_seller(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller, noise = await api.seller(tenant.id, "s"), await api.seller(tenant.id, "noise")
    expected = []
    for n in range(8):
        expected.append((await api.hub(tenant.id, seller.id, f"h-{n}")).id)
        await api.hub(tenant.id, noise.id, f"n-{n}")

    seen: list[str] = []
    token, pages = "", 0
    while True:
        reply = await api.hubs.ListHubs(
            hub_pb2.ListHubsRequest(
                tenant_id=tenant.id, seller_id=seller.id, page_size=3, page_token=token
            )
        )
        seen.extend(hub.id for hub in reply.hubs)
        pages += 1
        token = reply.next_page_token
        if not token:
            break
    assert (pages, seen) == (3, expected)

    first = await api.hubs.ListHubs(
        hub_pb2.ListHubsRequest(tenant_id=tenant.id, seller_id=seller.id, page_size=3)
    )
    error = await rpc_error(
        api.hubs.ListHubs(
            hub_pb2.ListHubsRequest(
                tenant_id=tenant.id, seller_id=noise.id, page_token=first.next_page_token
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"page_token"}


async def test_hub_holding_stock_cannot_be_deleted(
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
        api.hubs.DeleteHub(hub_pb2.DeleteHubRequest(tenant_id=tenant.id, id=hub.id)), PRECONDITION
    )
    assert error_reason(error) == "HUB_IN_USE"
    assert "inventory" in (error.details() or "")
    got = await api.hubs.GetHub(hub_pb2.GetHubRequest(tenant_id=tenant.id, id=hub.id))
    assert got.hub == hub


async def test_bad_hub_input_names_every_field(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    seller = await api.seller(tenant.id)
    bad = hub_pb2.Hub(
        tenant_id=tenant.id,
        seller_id="not-a-uuid",
        name="x" * 201,
        code="has space",
        location=common_pb2.Location(latitude=90.5, longitude=float("nan")),
        address=common_pb2.Address(lines=["ok", "  "], postal_code="9" * 33, country_code="india"),
        contact=common_pb2.Contact(name=" padded", email="a@b", phone="call me"),
    )
    error = await rpc_error(api.hubs.CreateHub(hub_pb2.CreateHubRequest(hub=bad)), INVALID)
    assert violated_fields(error) == {
        "hub.seller_id",
        "hub.name",
        "hub.code",
        "hub.location.latitude",
        "hub.location.longitude",
        "hub.address.lines[1]",
        "hub.address.postal_code",
        "hub.address.country_code",
        "hub.contact.name",
        "hub.contact.email",
        "hub.contact.phone",
    }

    error = await rpc_error(
        api.hubs.CreateHub(
            hub_pb2.CreateHubRequest(
                hub=hub_pb2.Hub(
                    tenant_id=tenant.id,
                    seller_id=seller.id,
                    name="n",
                    code="c",
                    address=common_pb2.Address(lines=["l"] * 11, country_code="in"),
                    contact=common_pb2.Contact(email="nul\x00@example.com"),
                )
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {
        "hub.address.lines",
        "hub.address.country_code",
        "hub.contact.email",
    }

    error = await rpc_error(api.hubs.CreateHub(hub_pb2.CreateHubRequest()), INVALID)
    assert violated_fields(error) == {"hub.tenant_id", "hub.seller_id", "hub.name", "hub.code"}

    hub = await api.hub(tenant.id, seller.id)
    # Only the masked fields are validated: an empty name is fine when the name is not changed.
    patch = hub_pb2.Hub(tenant_id=tenant.id, id=hub.id, address=common_pb2.Address(city="Pune"))
    assert (await api.hubs.UpdateHub(_update(patch, "address.city"))).hub.name == hub.name
    error = await rpc_error(
        api.hubs.UpdateHub(
            _update(
                hub_pb2.Hub(
                    tenant_id=tenant.id,
                    id=hub.id,
                    address=common_pb2.Address(country_code="xx"),
                ),
                "address.country_code",
            )
        ),
        INVALID,
    )
    assert violated_fields(error) == {"hub.address.country_code"}
    for path in ("location.latitude", "tenant_id", "address.street"):
        error = await rpc_error(api.hubs.UpdateHub(_update(patch, path)), INVALID)
        assert violated_fields(error) == {"update_mask"}
    error = await rpc_error(
        api.hubs.UpdateHub(_update(hub_pb2.Hub(tenant_id=tenant.id, id="x", name="n"), "name")),
        INVALID,
    )
    assert violated_fields(error) == {"hub.id"}
    error = await rpc_error(api.hubs.GetHub(hub_pb2.GetHubRequest(id=hub.id)), INVALID)
    assert violated_fields(error) == {"tenant_id"}
    error = await rpc_error(
        api.hubs.ListHubs(hub_pb2.ListHubsRequest(tenant_id=tenant.id, seller_id="s", ids=["1"])),
        INVALID,
    )
    assert violated_fields(error) == {"seller_id", "ids[0]"}
