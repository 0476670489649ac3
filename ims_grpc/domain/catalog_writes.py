"""Create and update requests of the catalogue → validated, canonical write commands (pure).

A create returns a clean copy of the resource (client-sent id and timestamps dropped, ids in
canonical form). An update returns the resource's reference and a *patch*: `None` in a patch
field means "leave the column as it is"; nullable columns carry an explicit `set_*` flag so
that "set to NULL" and "leave alone" stay distinct. Addresses and contacts are stored as
JSON documents and patched key by key (`address.city` changes one key).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ims.v1 import category_pb2, common_pb2, hub_pb2, seller_pb2, sku_pb2, tenant_pb2

from common.validation import Violations
from ims_grpc.domain.catalog_rules import (
    CATEGORY_MUTABLE,
    HUB_MUTABLE,
    SELLER_MUTABLE,
    SKU_MUTABLE,
    TENANT_MUTABLE,
    check_category,
    check_hub,
    check_seller,
    check_sku,
    check_tenant,
    metadata_document,
)
from ims_grpc.domain.refs import EntityRef, canonical_uuid, canonical_uuid_or_none
from ims_grpc.domain.update_mask import FieldSelection, resolve_update_mask

T = TypeVar("T")

EVERYTHING = FieldSelection.everything()

JsonDocument = dict[str, Any]


def _pick(selection: FieldSelection, path: str, value: T) -> T | None:
    return value if selection.includes(path) else None


def _check_ref(violations: Violations, tenant_id: str, entity_id: str, prefix: str) -> None:
    violations.uuid(f"{prefix}.tenant_id", tenant_id)
    violations.uuid(f"{prefix}.id", entity_id)


# --- JSON documents (hub address and contact) ---------------------------------------------


def address_document(
    address: common_pb2.Address, selection: FieldSelection = EVERYTHING
) -> JsonDocument:
    """The address keys the selection sets (paths relative to the hub: `address.city`)."""
    values: dict[str, Any] = {
        "lines": list(address.lines),
        "city": address.city,
        "region": address.region,
        "postal_code": address.postal_code,
        "country_code": address.country_code,
    }
    return {key: value for key, value in values.items() if selection.includes(f"address.{key}")}


def contact_document(
    contact: common_pb2.Contact, selection: FieldSelection = EVERYTHING
) -> JsonDocument:
    values = {"name": contact.name, "email": contact.email, "phone": contact.phone}
    return {key: value for key, value in values.items() if selection.includes(f"contact.{key}")}


def address_from_document(document: Mapping[str, Any]) -> common_pb2.Address:
    return common_pb2.Address(
        lines=[str(line) for line in document.get("lines", [])],
        city=str(document.get("city", "")),
        region=str(document.get("region", "")),
        postal_code=str(document.get("postal_code", "")),
        country_code=str(document.get("country_code", "")),
    )


def contact_from_document(document: Mapping[str, Any]) -> common_pb2.Contact:
    return common_pb2.Contact(
        name=str(document.get("name", "")),
        email=str(document.get("email", "")),
        phone=str(document.get("phone", "")),
    )


# --- tenants ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenantPatch:
    name: str | None = None
    code: str | None = None
    metadata: JsonDocument | None = None  # replaces the stored object whole


def new_tenant(tenant: tenant_pb2.Tenant) -> tenant_pb2.Tenant:
    violations = Violations()
    check_tenant(violations, tenant, EVERYTHING, "tenant")
    violations.raise_if_any()
    return tenant_pb2.Tenant(name=tenant.name, code=tenant.code, metadata=tenant.metadata)


def tenant_update(request: tenant_pb2.UpdateTenantRequest) -> tuple[str, TenantPatch]:
    selection = resolve_update_mask(request.update_mask.paths, TENANT_MUTABLE)
    tenant = request.tenant
    violations = Violations()
    violations.uuid("tenant.id", tenant.id)
    check_tenant(violations, tenant, selection, "tenant")
    violations.raise_if_any()
    patch = TenantPatch(
        name=_pick(selection, "name", tenant.name),
        code=_pick(selection, "code", tenant.code),
        metadata=_pick(selection, "metadata", metadata_document(tenant.metadata)),
    )
    return canonical_uuid(tenant.id), patch


# --- sellers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SellerPatch:
    name: str | None = None
    code: str | None = None
    email: str | None = None
    metadata: JsonDocument | None = None  # replaces the stored object whole


def new_seller(seller: seller_pb2.Seller) -> seller_pb2.Seller:
    violations = Violations()
    violations.uuid("seller.tenant_id", seller.tenant_id)
    check_seller(violations, seller, EVERYTHING, "seller")
    violations.raise_if_any()
    return seller_pb2.Seller(
        tenant_id=canonical_uuid(seller.tenant_id),
        name=seller.name,
        code=seller.code,
        email=seller.email,
        metadata=seller.metadata,
    )


def seller_update(request: seller_pb2.UpdateSellerRequest) -> tuple[EntityRef, SellerPatch]:
    selection = resolve_update_mask(request.update_mask.paths, SELLER_MUTABLE)
    seller = request.seller
    violations = Violations()
    _check_ref(violations, seller.tenant_id, seller.id, "seller")
    check_seller(violations, seller, selection, "seller")
    violations.raise_if_any()
    patch = SellerPatch(
        name=_pick(selection, "name", seller.name),
        code=_pick(selection, "code", seller.code),
        email=_pick(selection, "email", seller.email),
        metadata=_pick(selection, "metadata", metadata_document(seller.metadata)),
    )
    return EntityRef(canonical_uuid(seller.tenant_id), canonical_uuid(seller.id)), patch


# --- categories ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryPatch:
    name: str | None = None
    code: str | None = None
    set_parent: bool = False
    parent_id: str | None = None
    description: str | None = None


def new_category(category: category_pb2.Category) -> category_pb2.Category:
    # The client's id is ignored on create, so it cannot make the category its own parent.
    candidate = category_pb2.Category()
    candidate.CopyFrom(category)
    candidate.ClearField("id")
    violations = Violations()
    violations.uuid("category.tenant_id", category.tenant_id)
    check_category(violations, candidate, EVERYTHING, "category")
    violations.raise_if_any()
    created = category_pb2.Category(
        tenant_id=canonical_uuid(category.tenant_id),
        name=category.name,
        code=category.code,
        description=category.description,
    )
    parent_id = canonical_uuid_or_none(category.parent_id)
    if parent_id is not None:
        created.parent_id = parent_id
    return created


def category_update(
    request: category_pb2.UpdateCategoryRequest,
) -> tuple[EntityRef, CategoryPatch]:
    selection = resolve_update_mask(request.update_mask.paths, CATEGORY_MUTABLE)
    category = request.category
    violations = Violations()
    _check_ref(violations, category.tenant_id, category.id, "category")
    check_category(violations, category, selection, "category")
    violations.raise_if_any()
    patch = CategoryPatch(
        name=_pick(selection, "name", category.name),
        code=_pick(selection, "code", category.code),
        set_parent=selection.includes("parent_id"),
        parent_id=canonical_uuid_or_none(category.parent_id),
        description=_pick(selection, "description", category.description),
    )
    return EntityRef(canonical_uuid(category.tenant_id), canonical_uuid(category.id)), patch


# --- hubs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class HubPatch:
    seller_id: str | None = None
    name: str | None = None
    code: str | None = None
    set_location: bool = False
    latitude: float | None = None
    longitude: float | None = None
    # Keys merged into the stored documents; empty = unchanged.
    address: JsonDocument = field(default_factory=dict)
    contact: JsonDocument = field(default_factory=dict)
    timezone: str | None = None


def new_hub(hub: hub_pb2.Hub) -> hub_pb2.Hub:
    violations = Violations()
    violations.uuid("hub.tenant_id", hub.tenant_id)
    check_hub(violations, hub, EVERYTHING, "hub")
    violations.raise_if_any()
    created = hub_pb2.Hub(
        tenant_id=canonical_uuid(hub.tenant_id),
        seller_id=canonical_uuid(hub.seller_id),
        name=hub.name,
        code=hub.code,
        address=hub.address,
        contact=hub.contact,
        timezone=hub.timezone,
    )
    if hub.HasField("location"):
        created.location.CopyFrom(hub.location)
    return created


def hub_update(request: hub_pb2.UpdateHubRequest) -> tuple[EntityRef, HubPatch]:
    selection = resolve_update_mask(request.update_mask.paths, HUB_MUTABLE)
    hub = request.hub
    violations = Violations()
    _check_ref(violations, hub.tenant_id, hub.id, "hub")
    check_hub(violations, hub, selection, "hub")
    violations.raise_if_any()
    has_location = hub.HasField("location")
    seller_id = _pick(selection, "seller_id", hub.seller_id)
    patch = HubPatch(
        seller_id=canonical_uuid(seller_id) if seller_id is not None else None,
        name=_pick(selection, "name", hub.name),
        code=_pick(selection, "code", hub.code),
        set_location=selection.includes("location"),
        latitude=hub.location.latitude if has_location else None,
        longitude=hub.location.longitude if has_location else None,
        address=address_document(hub.address, selection),
        contact=contact_document(hub.contact, selection),
        timezone=_pick(selection, "timezone", hub.timezone),
    )
    return EntityRef(canonical_uuid(hub.tenant_id), canonical_uuid(hub.id)), patch


# --- SKUs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkuPatch:
    seller_id: str | None = None
    code: str | None = None
    name: str | None = None
    set_category: bool = False
    category_id: str | None = None
    length_mm: int | None = None
    width_mm: int | None = None
    height_mm: int | None = None
    weight_grams: int | None = None
    description: str | None = None


def new_sku(sku: sku_pb2.Sku) -> sku_pb2.Sku:
    violations = Violations()
    violations.uuid("sku.tenant_id", sku.tenant_id)
    check_sku(violations, sku, EVERYTHING, "sku")
    violations.raise_if_any()
    return sku_pb2.Sku(
        tenant_id=canonical_uuid(sku.tenant_id),
        seller_id=canonical_uuid(sku.seller_id),
        code=sku.code,
        name=sku.name,
        category_id=canonical_uuid_or_none(sku.category_id) or "",
        dimensions=sku.dimensions,
        weight_grams=sku.weight_grams,
        description=sku.description,
    )


def sku_update(request: sku_pb2.UpdateSkuRequest) -> tuple[EntityRef, SkuPatch]:
    selection = resolve_update_mask(request.update_mask.paths, SKU_MUTABLE)
    sku = request.sku
    violations = Violations()
    _check_ref(violations, sku.tenant_id, sku.id, "sku")
    check_sku(violations, sku, selection, "sku")
    violations.raise_if_any()
    seller_id = _pick(selection, "seller_id", sku.seller_id)
    dimensions = sku.dimensions
    patch = SkuPatch(
        seller_id=canonical_uuid(seller_id) if seller_id is not None else None,
        code=_pick(selection, "code", sku.code),
        name=_pick(selection, "name", sku.name),
        set_category=selection.includes("category_id"),
        category_id=canonical_uuid_or_none(sku.category_id),
        length_mm=_pick(selection, "dimensions.length_mm", dimensions.length_mm),
        width_mm=_pick(selection, "dimensions.width_mm", dimensions.width_mm),
        height_mm=_pick(selection, "dimensions.height_mm", dimensions.height_mm),
        weight_grams=_pick(selection, "weight_grams", sku.weight_grams),
        description=_pick(selection, "description", sku.description),
    )
    return EntityRef(canonical_uuid(sku.tenant_id), canonical_uuid(sku.id)), patch
