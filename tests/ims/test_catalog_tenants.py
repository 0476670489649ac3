"""TenantService against the real IMS composition root (PostgreSQL + Redis of the stack)."""

from __future__ import annotations

import uuid

import grpc
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import tenant_pb2

from tests.ims.catalog_support import Catalogue, error_reason, rpc_error, violated_fields

NOT_FOUND = grpc.StatusCode.NOT_FOUND
INVALID = grpc.StatusCode.INVALID_ARGUMENT


async def test_tenant_crud_round_trip(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    created = await api.tenant("acme")
    assert uuid.UUID(created.id).version == 7
    assert (created.name, created.code) == ("Tenant acme", "acme")
    assert created.create_time.ToDatetime() == created.update_time.ToDatetime()

    got = await api.tenants.GetTenant(tenant_pb2.GetTenantRequest(id=created.id))
    assert got.tenant == created

    renamed = await api.tenants.UpdateTenant(
        tenant_pb2.UpdateTenantRequest(
            tenant=tenant_pb2.Tenant(id=created.id, name="Acme Corp", code="ignored"),
            update_mask=FieldMask(paths=["name"]),
        )
    )
    assert (renamed.tenant.name, renamed.tenant.code) == ("Acme Corp", "acme")
    assert renamed.tenant.create_time == created.create_time
    assert renamed.tenant.update_time.ToDatetime() > created.update_time.ToDatetime()

    replaced = await api.tenants.UpdateTenant(
        tenant_pb2.UpdateTenantRequest(tenant=tenant_pb2.Tenant(id=created.id, name="A", code="a2"))
    )
    assert (replaced.tenant.name, replaced.tenant.code) == ("A", "a2")
    assert replaced.tenant.update_time.ToDatetime() > renamed.tenant.update_time.ToDatetime()

    await api.tenants.DeleteTenant(tenant_pb2.DeleteTenantRequest(id=created.id))
    await rpc_error(api.tenants.GetTenant(tenant_pb2.GetTenantRequest(id=created.id)), NOT_FOUND)
    await rpc_error(
        api.tenants.DeleteTenant(tenant_pb2.DeleteTenantRequest(id=created.id)), NOT_FOUND
    )


async def test_tenant_codes_are_unique(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    first = await api.tenant("unique-code")
    error = await rpc_error(api.tenant("unique-code"), grpc.StatusCode.ALREADY_EXISTS)
    assert violated_fields(error) == {"tenant.code"}
    other = await api.tenant("other-code")
    error = await rpc_error(
        api.tenants.UpdateTenant(
            tenant_pb2.UpdateTenantRequest(
                tenant=tenant_pb2.Tenant(id=other.id, code=first.code),
                update_mask=FieldMask(paths=["code"]),
            )
        ),
        grpc.StatusCode.ALREADY_EXISTS,
    )
    assert violated_fields(error) == {"tenant.code"}


async def test_list_tenants_by_ids_and_codes(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    a, b, c = [await api.tenant(f"list-{n}") for n in "abc"]

    by_ids = await api.tenants.ListTenants(tenant_pb2.ListTenantsRequest(ids=[c.id, a.id]))
    assert [t.id for t in by_ids.tenants] == [a.id, c.id]
    assert by_ids.next_page_token == ""

    by_codes = await api.tenants.ListTenants(tenant_pb2.ListTenantsRequest(codes=["list-b"]))
    assert [t.id for t in by_codes.tenants] == [b.id]

    both = await api.tenants.ListTenants(
        tenant_pb2.ListTenantsRequest(ids=[a.id, b.id], codes=["list-b", "list-c"])
    )
    assert [t.id for t in both.tenants] == [b.id]


async def test_tenant_with_sellers_cannot_be_deleted(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    tenant = await api.tenant()
    await api.seller(tenant.id)
    error = await rpc_error(
        api.tenants.DeleteTenant(tenant_pb2.DeleteTenantRequest(id=tenant.id)),
        grpc.StatusCode.FAILED_PRECONDITION,
    )
    assert "sellers" in (error.details() or "")
    assert error_reason(error) == "TENANT_IN_USE"


async def test_bad_tenant_input_names_every_field(ims_channel: grpc.aio.Channel) -> None:
    api = Catalogue.on(ims_channel)
    error = await rpc_error(
        api.tenants.CreateTenant(
            tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name="   ", code="no spaces"))
        ),
        INVALID,
    )
    assert violated_fields(error) == {"tenant.name", "tenant.code"}

    error = await rpc_error(
        api.tenants.CreateTenant(
            tenant_pb2.CreateTenantRequest(tenant=tenant_pb2.Tenant(name="x" * 201, code="c" * 65))
        ),
        INVALID,
    )
    assert violated_fields(error) == {"tenant.name", "tenant.code"}

    error = await rpc_error(api.tenants.GetTenant(tenant_pb2.GetTenantRequest(id="42")), INVALID)
    assert violated_fields(error) == {"id"}

    error = await rpc_error(
        api.tenants.ListTenants(tenant_pb2.ListTenantsRequest(ids=["x"])), INVALID
    )
    assert violated_fields(error) == {"ids[0]"}

    tenant = await api.tenant()
    for path in ("id", "create_time", "nonsense"):
        error = await rpc_error(
            api.tenants.UpdateTenant(
                tenant_pb2.UpdateTenantRequest(
                    tenant=tenant_pb2.Tenant(id=tenant.id, name="n"),
                    update_mask=FieldMask(paths=["name", path]),
                )
            ),
            INVALID,
        )
        assert violated_fields(error) == {"update_mask"}

    missing = str(uuid.uuid4())
    await rpc_error(api.tenants.GetTenant(tenant_pb2.GetTenantRequest(id=missing)), NOT_FOUND)
    await rpc_error(
        api.tenants.UpdateTenant(
            tenant_pb2.UpdateTenantRequest(tenant=tenant_pb2.Tenant(id=missing, name="n", code="c"))
        ),
        NOT_FOUND,
    )
