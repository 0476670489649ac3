"""Catalogue field rules and write commands (pure)."""

from __future__ import annotations

import pytest
from google.protobuf.field_mask_pb2 import FieldMask
from ims.v1 import category_pb2, common_pb2, hub_pb2, seller_pb2, sku_pb2, tenant_pb2

from common.grpc.errors import ServiceError
from common.validation import Violations
from ims_grpc.domain import catalog_rules, catalog_writes
from ims_grpc.domain.refs import entity_ref, tenant_ref
from ims_grpc.domain.update_mask import FieldSelection

TENANT = "0190f0a4-1d2c-7a8b-9c0d-1e2f3a4b5c6d"
OTHER = "0190f0a4-1d2c-7a8b-9c0d-1e2f3a4b5c6e"
EVERYTHING = FieldSelection.everything()


def _fields(violations: Violations) -> set[str]:
    return {violation.field for violation in violations.found}


def _raised_fields(call: object) -> set[str]:
    assert callable(call)
    with pytest.raises(ServiceError) as caught:
        call()
    return {violation.field for violation in caught.value.violations}


def _hub(**fields: object) -> hub_pb2.Hub:
    base: dict[str, object] = {"tenant_id": TENANT, "seller_id": OTHER, "name": "Hub", "code": "h"}
    base.update(fields)
    return hub_pb2.Hub(**base)  # type: ignore[arg-type]


# --- field rules ----------------------------------------------------------------------------


def test_a_valid_hub_has_no_violations() -> None:
    violations = Violations()
    hub = _hub(
        location=common_pb2.Location(latitude=-90, longitude=180),
        address=common_pb2.Address(lines=["1 Main St"], country_code="DE"),
        contact=common_pb2.Contact(email="a@example.com", phone="+49 (30) 1234-567"),
    )
    catalog_rules.check_hub(violations, hub, EVERYTHING, "hub")
    assert not violations


@pytest.mark.parametrize(
    ("location", "fields"),
    [
        (common_pb2.Location(latitude=90.0001, longitude=0), {"hub.location.latitude"}),
        (common_pb2.Location(latitude=0, longitude=-180.5), {"hub.location.longitude"}),
        (
            common_pb2.Location(latitude=float("nan"), longitude=float("inf")),
            {"hub.location.latitude", "hub.location.longitude"},
        ),
    ],
)
def test_location_ranges(location: common_pb2.Location, fields: set[str]) -> None:
    violations = Violations()
    catalog_rules.check_hub(violations, _hub(location=location), EVERYTHING, "hub")
    assert _fields(violations) == fields


@pytest.mark.parametrize("country", ["de", "DEU", "D", "1A"])
def test_country_codes_are_two_capital_letters(country: str) -> None:
    violations = Violations()
    address = common_pb2.Address(country_code=country)
    catalog_rules.check_hub(violations, _hub(address=address), EVERYTHING, "hub")
    assert _fields(violations) == {"hub.address.country_code"}


@pytest.mark.parametrize("phone", ["call me", "+", "12", "+1 555 0100 ext", "9" * 16, "9" * 33])
def test_bad_phones(phone: str) -> None:
    violations = Violations()
    contact = common_pb2.Contact(phone=phone)
    catalog_rules.check_hub(violations, _hub(contact=contact), EVERYTHING, "hub")
    assert _fields(violations) == {"hub.contact.phone"}


@pytest.mark.parametrize(
    "email", ["a@b", "no-at.example.com", "a\x00@example.com", "x" * 250 + "@e.io"]
)
def test_bad_emails(email: str) -> None:
    violations = Violations()
    catalog_rules.check_seller(
        violations, seller_pb2.Seller(name="S", code="s", email=email), EVERYTHING, "seller"
    )
    assert _fields(violations) == {"seller.email"}


def test_only_selected_fields_are_checked() -> None:
    violations = Violations()
    selection = FieldSelection(frozenset({"address.city"}))
    hub = hub_pb2.Hub(address=common_pb2.Address(city=" padded", country_code="bad"))
    catalog_rules.check_hub(violations, hub, selection, "hub")
    assert _fields(violations) == {"hub.address.city"}


def test_negative_dimensions_and_weight() -> None:
    violations = Violations()
    sku = sku_pb2.Sku(
        seller_id=OTHER,
        code="s",
        name="S",
        dimensions=common_pb2.Dimensions(length_mm=-1, width_mm=1, height_mm=-1),
        weight_grams=-1,
    )
    catalog_rules.check_sku(violations, sku, EVERYTHING, "sku")
    assert _fields(violations) == {
        "sku.dimensions.length_mm",
        "sku.dimensions.height_mm",
        "sku.weight_grams",
    }


def test_a_category_cannot_be_its_own_parent() -> None:
    violations = Violations()
    category = category_pb2.Category(id=TENANT, name="C", code="c", parent_id=TENANT.upper())
    catalog_rules.check_category(violations, category, EVERYTHING, "category")
    assert _fields(violations) == {"category.parent_id"}


# --- references -----------------------------------------------------------------------------


def test_refs_are_validated_and_canonical() -> None:
    ref = entity_ref(TENANT.upper(), "{" + OTHER + "}")
    assert (ref.tenant_id, ref.id) == (TENANT, OTHER)
    assert tenant_ref(TENANT.upper()) == TENANT
    assert _raised_fields(lambda: entity_ref("", "x")) == {"tenant_id", "id"}
    assert _raised_fields(lambda: tenant_ref("nope")) == {"id"}


# --- write commands -------------------------------------------------------------------------


def test_new_hub_drops_output_fields_and_canonicalises_ids() -> None:
    hub = _hub(id=OTHER, tenant_id=TENANT.upper(), seller_id=OTHER.upper())
    hub.create_time.FromSeconds(5)
    created = catalog_writes.new_hub(hub)
    assert (created.id, created.tenant_id, created.seller_id) == ("", TENANT, OTHER)
    assert not created.HasField("create_time")
    assert not created.HasField("location")


def test_new_tenant_and_seller_refuse_bad_input() -> None:
    assert _raised_fields(lambda: catalog_writes.new_tenant(tenant_pb2.Tenant())) == {
        "tenant.name",
        "tenant.code",
    }
    assert _raised_fields(lambda: catalog_writes.new_seller(seller_pb2.Seller(name="S"))) == {
        "seller.tenant_id",
        "seller.code",
    }


def test_new_category_ignores_the_client_id() -> None:
    category = category_pb2.Category(
        id=OTHER, tenant_id=TENANT, name="C", code="c", parent_id=OTHER
    )
    created = catalog_writes.new_category(category)
    assert (created.id, created.parent_id) == ("", OTHER)
    top = catalog_writes.new_category(
        category_pb2.Category(tenant_id=TENANT, name="C", code="c", parent_id="")
    )
    assert not top.HasField("parent_id")


def test_hub_patch_from_sub_field_mask() -> None:
    request = hub_pb2.UpdateHubRequest(
        hub=hub_pb2.Hub(
            tenant_id=TENANT,
            id=OTHER,
            address=common_pb2.Address(city="Pune", country_code="IN"),
            contact=common_pb2.Contact(email="x@example.com"),
        ),
        update_mask=FieldMask(paths=["address.city", "contact"]),
    )
    ref, patch = catalog_writes.hub_update(request)
    assert (ref.tenant_id, ref.id) == (TENANT, OTHER)
    assert patch.address == {"city": "Pune"}
    assert patch.contact == {"name": "", "email": "x@example.com", "phone": ""}
    assert (patch.name, patch.code, patch.seller_id, patch.set_location) == (
        None,
        None,
        None,
        False,
    )


def test_hub_patch_with_empty_mask_replaces_everything() -> None:
    request = hub_pb2.UpdateHubRequest(hub=_hub(id=OTHER))
    _, patch = catalog_writes.hub_update(request)
    assert (patch.name, patch.code, patch.seller_id) == ("Hub", "h", OTHER)
    assert patch.set_location and patch.latitude is None and patch.longitude is None
    assert set(patch.address) == set(catalog_rules.ADDRESS_FIELDS)
    assert set(patch.contact) == set(catalog_rules.CONTACT_FIELDS)


def test_sku_patch_keeps_unmasked_dimensions() -> None:
    request = sku_pb2.UpdateSkuRequest(
        sku=sku_pb2.Sku(tenant_id=TENANT, id=OTHER, dimensions=common_pb2.Dimensions(height_mm=7)),
        update_mask=FieldMask(paths=["dimensions.height_mm", "category_id"]),
    )
    _, patch = catalog_writes.sku_update(request)
    assert (patch.length_mm, patch.width_mm, patch.height_mm) == (None, None, 7)
    assert patch.set_category and patch.category_id is None
    assert patch.weight_grams is None


def test_category_patch_sets_or_keeps_the_parent() -> None:
    keep = category_pb2.UpdateCategoryRequest(
        category=category_pb2.Category(tenant_id=TENANT, id=OTHER, name="N"),
        update_mask=FieldMask(paths=["name"]),
    )
    _, patch = catalog_writes.category_update(keep)
    assert not patch.set_parent
    move = category_pb2.UpdateCategoryRequest(
        category=category_pb2.Category(tenant_id=TENANT, id=OTHER, parent_id=TENANT.upper()),
        update_mask=FieldMask(paths=["parent_id"]),
    )
    _, patch = catalog_writes.category_update(move)
    assert (patch.set_parent, patch.parent_id) == (True, TENANT)


def test_update_refuses_bad_ids_and_masks_before_touching_anything() -> None:
    bad_ids = seller_pb2.UpdateSellerRequest(seller=seller_pb2.Seller(name="n", code="c", id="1"))
    assert _raised_fields(lambda: catalog_writes.seller_update(bad_ids)) == {
        "seller.tenant_id",
        "seller.id",
    }
    bad_mask = tenant_pb2.UpdateTenantRequest(
        tenant=tenant_pb2.Tenant(id=TENANT), update_mask=FieldMask(paths=["create_time"])
    )
    assert _raised_fields(lambda: catalog_writes.tenant_update(bad_mask)) == {"update_mask"}


def test_documents_round_trip() -> None:
    address = common_pb2.Address(lines=["a", "b"], city="c", region="r", postal_code="p")
    document = catalog_writes.address_document(address)
    assert catalog_writes.address_from_document(document) == address
    assert catalog_writes.address_from_document({}) == common_pb2.Address()
    contact = common_pb2.Contact(name="n", phone="+1 555 0100")
    assert catalog_writes.contact_from_document(catalog_writes.contact_document(contact)) == contact
