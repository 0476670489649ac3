"""Field rules of the catalogue resources (pure).

Each `check_*` adds to a `Violations` every problem of the fields a write sets (all of them
on create, the masked ones on update), with the field path as the client sent it, e.g.
`hub.address.country_code`. The database CHECK constraints mirror the same limits.
"""

from __future__ import annotations

import json
import math
import re
import zoneinfo
from functools import cache
from typing import Any

from google.protobuf import json_format, struct_pb2
from ims.v1 import category_pb2, common_pb2, hub_pb2, seller_pb2, sku_pb2, tenant_pb2

from common.ids import parse_uuid
from common.texts import t
from common.validation import Violations
from ims_grpc.domain.update_mask import FieldSelection

COUNTRY_CODE_PATTERN = re.compile(r"^[A-Z]{2}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9()][0-9 ().-]*[0-9]$")
MAX_PHONE = 32
MIN_PHONE_DIGITS = 3  # short numbers such as 112
MAX_PHONE_DIGITS = 15  # E.164
MAX_POSTAL_CODE = 32
MAX_ADDRESS_LINES = 10

# Update-mask paths each resource accepts (everything else is unknown or output only).
MAX_METADATA_BYTES = 16 * 1024  # as compact JSON
MAX_DESCRIPTION = 4000
_DESCRIPTION_CONTROLS = frozenset(chr(c) for c in (*range(32), 127)) - {"\n", "\r", "\t"}

# Update-mask paths each resource accepts (everything else is unknown or output only).
TENANT_MUTABLE = frozenset({"name", "code", "metadata"})
SELLER_MUTABLE = frozenset({"name", "code", "email", "metadata"})
CATEGORY_MUTABLE = frozenset({"name", "code", "parent_id", "description"})
ADDRESS_FIELDS = ("lines", "city", "region", "postal_code", "country_code")
CONTACT_FIELDS = ("name", "email", "phone")
HUB_MUTABLE = frozenset(
    {
        "seller_id",
        "name",
        "code",
        "location",
        "address",
        *(f"address.{name}" for name in ADDRESS_FIELDS),
        "contact",
        *(f"contact.{name}" for name in CONTACT_FIELDS),
        "timezone",
    }
)
DIMENSION_FIELDS = ("length_mm", "width_mm", "height_mm")
SKU_MUTABLE = frozenset(
    {
        "seller_id",
        "code",
        "name",
        "category_id",
        "dimensions",
        *(f"dimensions.{name}" for name in DIMENSION_FIELDS),
        "weight_grams",
        "description",
    }
)


def _plain(violations: Violations, field: str, value: str) -> None:
    """Free text PostgreSQL can store: no control characters (NUL is refused by `text`)."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        violations.add(field, t("must not contain control characters"))


def check_email(violations: Violations, field: str, value: str) -> None:
    violations.email(field, value)
    _plain(violations, field, value)


def check_phone(violations: Violations, field: str, value: str) -> None:
    if not value:
        return
    if len(value) > MAX_PHONE:
        violations.add(field, t("must be at most {max_phone} characters", max_phone=MAX_PHONE))
    elif not PHONE_PATTERN.match(value) or not (
        MIN_PHONE_DIGITS <= sum(ch.isdigit() for ch in value) <= MAX_PHONE_DIGITS
    ):
        violations.add(field, t("must be a phone number, e.g. +919876543210"))


def check_country_code(violations: Violations, field: str, value: str) -> None:
    if value and not COUNTRY_CODE_PATTERN.match(value):
        violations.add(field, t("must be an ISO 3166-1 alpha-2 code in capitals, e.g. IN or DE"))


def check_metadata(violations: Violations, field: str, metadata: struct_pb2.Struct) -> None:
    size = len(json.dumps(metadata_document(metadata), separators=(",", ":")).encode())
    if size > MAX_METADATA_BYTES:
        violations.add(
            field,
            t(
                "must be at most {max_metadata_bytes} bytes as JSON",
                max_metadata_bytes=MAX_METADATA_BYTES,
            ),
        )


def metadata_document(metadata: struct_pb2.Struct) -> dict[str, Any]:
    """The Struct as the JSON object it stands for."""
    return json_format.MessageToDict(metadata)


def check_description(violations: Violations, field: str, value: str) -> None:
    if len(value) > MAX_DESCRIPTION:
        violations.add(
            field,
            t("must be at most {max_description} characters", max_description=MAX_DESCRIPTION),
        )
    if any(ch in _DESCRIPTION_CONTROLS for ch in value):
        violations.add(
            field, t("must not contain control characters other than line breaks and tabs")
        )


def check_timezone(violations: Violations, field: str, value: str) -> None:
    if value and value not in _time_zones():
        violations.add(field, t("must be an IANA time zone name, e.g. Europe/Berlin"))


@cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_tenant(
    violations: Violations, tenant: tenant_pb2.Tenant, selection: FieldSelection, prefix: str
) -> None:
    if selection.includes("name"):
        violations.text(f"{prefix}.name", tenant.name)
    if selection.includes("code"):
        violations.code(f"{prefix}.code", tenant.code)
    if selection.includes("metadata"):
        check_metadata(violations, f"{prefix}.metadata", tenant.metadata)


def check_seller(
    violations: Violations, seller: seller_pb2.Seller, selection: FieldSelection, prefix: str
) -> None:
    if selection.includes("name"):
        violations.text(f"{prefix}.name", seller.name)
    if selection.includes("code"):
        violations.code(f"{prefix}.code", seller.code)
    if selection.includes("email"):
        check_email(violations, f"{prefix}.email", seller.email)
    if selection.includes("metadata"):
        check_metadata(violations, f"{prefix}.metadata", seller.metadata)


def check_category(
    violations: Violations,
    category: category_pb2.Category,
    selection: FieldSelection,
    prefix: str,
) -> None:
    if selection.includes("name"):
        violations.text(f"{prefix}.name", category.name)
    if selection.includes("code"):
        violations.code(f"{prefix}.code", category.code)
    if selection.includes("parent_id") and category.HasField("parent_id"):
        field = f"{prefix}.parent_id"
        # An explicitly empty parent means "top level", like an absent one.
        violations.uuid(field, category.parent_id, required=False)
        parent = parse_uuid(category.parent_id)
        if parent is not None and parent == parse_uuid(category.id):
            violations.add(field, t("must not be the category itself"))
    if selection.includes("description"):
        check_description(violations, f"{prefix}.description", category.description)


def check_location(violations: Violations, location: common_pb2.Location, prefix: str) -> None:
    for name, value, bound in (
        ("latitude", location.latitude, 90.0),
        ("longitude", location.longitude, 180.0),
    ):
        if math.isnan(value):
            violations.add(f"{prefix}.{name}", t("must be a number"))
        else:
            violations.in_range(f"{prefix}.{name}", value, -bound, bound)


def check_address(
    violations: Violations,
    address: common_pb2.Address,
    selection: FieldSelection,
    prefix: str,
) -> None:
    """`selection` paths are relative to the hub (`address.city`); fields get `prefix`."""
    if selection.includes("address.lines"):
        if len(address.lines) > MAX_ADDRESS_LINES:
            violations.add(
                f"{prefix}.lines",
                t(
                    "must have at most {max_address_lines} lines",
                    max_address_lines=MAX_ADDRESS_LINES,
                ),
            )
        for index, line in enumerate(address.lines):
            violations.text(f"{prefix}.lines[{index}]", line)
    if selection.includes("address.city"):
        violations.text(f"{prefix}.city", address.city, required=False)
    if selection.includes("address.region"):
        violations.text(f"{prefix}.region", address.region, required=False)
    if selection.includes("address.postal_code"):
        violations.text(
            f"{prefix}.postal_code",
            address.postal_code,
            required=False,
            max_length=MAX_POSTAL_CODE,
        )
    if selection.includes("address.country_code"):
        check_country_code(violations, f"{prefix}.country_code", address.country_code)


def check_contact(
    violations: Violations,
    contact: common_pb2.Contact,
    selection: FieldSelection,
    prefix: str,
) -> None:
    if selection.includes("contact.name"):
        violations.text(f"{prefix}.name", contact.name, required=False)
    if selection.includes("contact.email"):
        check_email(violations, f"{prefix}.email", contact.email)
    if selection.includes("contact.phone"):
        check_phone(violations, f"{prefix}.phone", contact.phone)


def check_hub(
    violations: Violations, hub: hub_pb2.Hub, selection: FieldSelection, prefix: str
) -> None:
    if selection.includes("seller_id"):
        violations.uuid(f"{prefix}.seller_id", hub.seller_id)
    if selection.includes("name"):
        violations.text(f"{prefix}.name", hub.name)
    if selection.includes("code"):
        violations.code(f"{prefix}.code", hub.code)
    if selection.includes("location") and hub.HasField("location"):
        check_location(violations, hub.location, f"{prefix}.location")
    if selection.touches("address"):
        check_address(violations, hub.address, selection, f"{prefix}.address")
    if selection.touches("contact"):
        check_contact(violations, hub.contact, selection, f"{prefix}.contact")
    if selection.includes("timezone"):
        check_timezone(violations, f"{prefix}.timezone", hub.timezone)


def check_sku(
    violations: Violations, sku: sku_pb2.Sku, selection: FieldSelection, prefix: str
) -> None:
    if selection.includes("seller_id"):
        violations.uuid(f"{prefix}.seller_id", sku.seller_id)
    if selection.includes("code"):
        violations.code(f"{prefix}.code", sku.code)
    if selection.includes("name"):
        violations.text(f"{prefix}.name", sku.name)
    if selection.includes("category_id"):
        violations.uuid(f"{prefix}.category_id", sku.category_id, required=False)
    dimensions = sku.dimensions
    for name, value in zip(
        DIMENSION_FIELDS,
        (dimensions.length_mm, dimensions.width_mm, dimensions.height_mm),
        strict=True,
    ):
        if selection.includes(f"dimensions.{name}"):
            violations.non_negative(f"{prefix}.dimensions.{name}", value)
    if selection.includes("weight_grams"):
        violations.non_negative(f"{prefix}.weight_grams", sku.weight_grams)
    if selection.includes("description"):
        check_description(violations, f"{prefix}.description", sku.description)
